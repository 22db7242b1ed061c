// Where ships lie in each port when berths are spread (variation `berths: spread`): per world (seed), each
// port gets a draw of quays from its catalog (src/sim/berths-data.ts: real 1:10 m coastline, up to 8 km from
// the gazetteer point) and one outer anchorage; each call picks a quay, and Class A ships may first wait at
// anchor. The port's area for the truth is the union of those sites and the routes between them.
import { MS_PER_HOUR } from '../geo/sphere.js';
import { BERTH_CATALOG } from './berths-data.js';
import { HARBOUR } from './params.js';
import type { LatLon } from './lanes.js';
import { SIM_PORTS, type SimPort } from './ports.js';
import type { Rng } from './prng.js';

export interface PortLayout {
  port: SimPort;
  quays: Array<{ at: LatLon; fromNode: LatLon[] }>;
  anchorage: { at: LatLon; fromNode: LatLon[]; toQuay: LatLon[][] };
  /** Polylines whose buffer is the port's area (quays, anchorage, routes anchorage → quay). */
  area: LatLon[][];
}

/** One call at a port: where the ship waits (if it does), then the quay and the route to it. */
export interface PortCall {
  wait: { route: LatLon[]; spot: LatLon; ms: number; toQuay: LatLon[] } | null;
  approach: LatLon[];
  quay: LatLon;
  /** Route from the quay back to the lane node (the node excluded). */
  exit: LatLon[];
}

const ll = (p: readonly [number, number]): LatLon => ({ lat: p[0], lon: p[1] });

export class Harbour {
  readonly layouts = new Map<string, PortLayout>();

  constructor(private readonly rng: Rng) {
    for (const port of SIM_PORTS) {
      const cat = BERTH_CATALOG[port.id];
      if (!cat || cat.quays.length === 0 || cat.anchorages.length === 0) throw new Error(`berth catalog has no quays/anchorage for ${port.id}`);
      // A draw of quays across the extent: at least two (or all there are), the catalog order kept.
      const want = Math.min(cat.quays.length, rng.int(2, Math.max(2, cat.quays.length - 1)));
      const idx = cat.quays.map((_, i) => i);
      for (let i = idx.length - 1; i > 0; i--) { const j = rng.int(0, i); [idx[i], idx[j]] = [idx[j]!, idx[i]!]; }
      const chosen = idx.slice(0, want).sort((a, b) => a - b);
      const a = cat.anchorages[rng.int(0, cat.anchorages.length - 1)]!;
      const quays = chosen.map((i) => ({ at: ll(cat.quays[i]!.at), fromNode: cat.quays[i]!.fromNode.map(ll) }));
      const anchorage = { at: ll(a.at), fromNode: a.fromNode.map(ll), toQuay: chosen.map((i) => a.toQuay[i]!.map(ll)) };
      const area = [[anchorage.at], ...quays.map((q) => [q.at]), ...anchorage.toQuay.map((r) => [anchorage.at, ...r])];
      this.layouts.set(port.id, { port, quays, anchorage, area });
    }
  }

  layout(port: SimPort): PortLayout {
    return this.layouts.get(port.id)!;
  }

  /** A call at `port`: a quay drawn from the layout; Class A ships wait at anchor with HARBOUR.waitProb. */
  call(port: SimPort, mayWait: boolean): PortCall {
    const L = this.layout(port);
    const q = this.rng.int(0, L.quays.length - 1);
    const quay = L.quays[q]!;
    const exit = [...quay.fromNode].reverse().slice(1);
    if (!mayWait || !this.rng.chance(HARBOUR.waitProb)) return { wait: null, approach: quay.fromNode, quay: quay.at, exit };
    // Anchor somewhere in the anchorage (≥ 1.2 km off the coast, so a few hundred metres either way stay at sea).
    const r = HARBOUR.anchorSpreadM / 111_195;
    const spot = { lat: L.anchorage.at.lat + this.rng.uniform(-r, r), lon: L.anchorage.at.lon + this.rng.uniform(-r, r) / Math.cos((L.anchorage.at.lat * Math.PI) / 180) };
    const ms = Math.round(this.rng.uniform(HARBOUR.anchorWaitH[0], HARBOUR.anchorWaitH[1]) * MS_PER_HOUR);
    return { wait: { route: [...L.anchorage.fromNode.slice(0, -1), spot], spot, ms, toQuay: L.anchorage.toQuay[q]! }, approach: quay.fromNode, quay: quay.at, exit };
  }

  /** The quay a ship lies at when the world starts with it in port. */
  initial(port: SimPort): PortCall {
    return this.call(port, false);
  }
}
