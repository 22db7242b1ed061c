// Background traffic: Class A cargo ships, tankers and ferries on fixed routes between Korean, Japanese and
// Russian ports, and Class B fishing boats trawling on their grounds. None calls at a North Korean port,
// none goes below 2 kn at sea, draught stays constant — so background ships produce no scripted events.
import { MS_PER_HOUR } from '../geo/sphere.js';
import { nodePoint } from './lanes.js';
import type { Harbour } from './harbour.js';
import { MOTION, STAYS, VARIED } from './params.js';
import { Itinerary, type HarbourUse, type LatLon } from './plan.js';
import { simPort, type SimPort } from './ports.js';
import type { Rng } from './prng.js';
import { IdentityFactory, MID_FLAG } from './identity.js';
import { destination } from '../geo/sphere.js';
import type { WorldVariation } from './variation.js';
import type { Role, SimVessel } from './vessel.js';

export interface FleetContext {
  rng: Rng;
  ids: IdentityFactory;
  startMs: number;
  endMs: number;
  variation: WorldVariation;
  /** The world's harbour when berths are spread, else null (one berth per port). */
  harbour: Harbour | null;
}

/** How a ship uses the harbour: Class A ships may wait at anchor, Class B boats go straight in. */
export function harbourUse(ctx: FleetContext, cls: 'A' | 'B'): HarbourUse | null {
  return ctx.harbour ? { harbour: ctx.harbour, waits: cls === 'A' } : null;
}

const CARGO_ROUTES: ReadonlyArray<readonly string[]> = [
  ['KRPUS', 'RUVVO'], ['KRPUS', 'RUVYP'], ['KRUSN', 'RUNJK'], ['KRKPO', 'RUZAR'], ['JPSMN', 'RUVVO'],
  ['JPMAI', 'RUVYP'], ['KRPUS', 'JPMAI'], ['KRPUS', 'JPSMN'], ['KRUSN', 'JPSMN'], ['KRTGA', 'RUVVO'],
  ['KRPUS', 'KRKPO', 'RUNJK'], ['RUVVO', 'RUSKA', 'RUPOS'], ['KRPUS', 'KRTGA'], ['JPSMN', 'RUNJK'],
];
const TANKER_ROUTES: ReadonlyArray<readonly string[]> = [
  ['RUVYP', 'KRUSN'], ['RUVYP', 'KRPUS'], ['RUNJK', 'JPMAI'], ['RUVYP', 'JPSMN'], ['KRUSN', 'KRTGA'],
];
const FERRY_ROUTES: ReadonlyArray<readonly string[]> = [['KRTGA', 'RUVVO', 'JPSMN'], ['KRPUS', 'JPSMN'], ['KRKPO', 'KRTGA']];
const FISHING_HOMES: ReadonlyArray<{ port: string; mid: number; style: 'fishing-kr' | 'fishing-jp' | 'fishing-ru'; grounds: readonly string[] }> = [
  { port: 'KRKPO', mid: 440, style: 'fishing-kr', grounds: ['fg_east_kr', 'fg_strait'] },
  { port: 'KRTGA', mid: 440, style: 'fishing-kr', grounds: ['fg_ne_kr', 'fg_east_kr'] },
  { port: 'KRPUS', mid: 440, style: 'fishing-kr', grounds: ['fg_strait'] },
  { port: 'JPSMN', mid: 431, style: 'fishing-jp', grounds: ['fg_jp'] },
  { port: 'RUNJK', mid: 273, style: 'fishing-ru', grounds: ['fg_ru_e', 'fg_ru'] },
  { port: 'RUVVO', mid: 273, style: 'fishing-ru', grounds: ['fg_ru'] },
];
const CARGO_MIDS = [440, 441, 431, 273, 477, 636, 538, 351, 412];

export function newVessel(index: number, role: Role, cls: 'A' | 'B', shiptype: number, rng: Rng): SimVessel {
  const big = cls === 'A';
  return {
    index, role, cls, transmits: true, shiptype,
    dims: big
      ? { to_bow: rng.int(80, 160), to_stern: rng.int(15, 40), to_port: rng.int(8, 16), to_starboard: rng.int(8, 16) }
      : { to_bow: rng.int(8, 18), to_stern: rng.int(3, 8), to_port: rng.int(2, 4), to_starboard: rng.int(2, 4) },
    sendsType19: false, identities: [], draughts: [], darkWindows: [], spoofs: [], phases: [], destination: '', script: [],
  };
}

export function addIdentity(v: SimVessel, ctx: FleetContext, mid: number, style: Parameters<IdentityFactory['name']>[0], fromMs = -Infinity): void {
  const flag = MID_FLAG[mid] ?? 'XX';
  v.identities.push({ fromMs, mmsi: ctx.ids.mmsi(mid), imo: v.cls === 'A' ? ctx.ids.imo() : 0, shipname: ctx.ids.name(style), callsign: ctx.ids.callsign(flag), flag });
}

/** Loops a route of ports from a random phase so ships are spread over the route at the start. */
export function routeLoop(ctx: FleetContext, route: readonly string[], speedKn: number, stayH: readonly [number, number], untilMs: number): Itinerary {
  const { rng } = ctx;
  const ports = route.map(simPort);
  let k = rng.int(0, ports.length - 1);
  const it = new Itinerary(ctx.startMs - Math.round(rng.uniform(0, 72) * MS_PER_HOUR), { port: ports[k]! }, harbourUse(ctx, 'A'));
  it.stayHours(rng.uniform(0, stayH[1]));
  while (it.t < untilMs) {
    k = (k + 1) % ports.length;
    it.sailToPort(ports[k]!, speedKn);
    it.stayHours(rng.uniform(stayH[0], stayH[1]));
  }
  return it;
}

function fishingTrips(ctx: FleetContext, home: SimPort, grounds: readonly string[], trawlKn: readonly [number, number]): Itinerary {
  const { rng } = ctx;
  const it = new Itinerary(ctx.startMs - Math.round(rng.uniform(0, 48) * MS_PER_HOUR), { port: home }, harbourUse(ctx, 'B'));
  it.stayHours(rng.uniform(0, STAYS.fishingHomeStayH[1]));
  const transit = rng.uniform(MOTION.fishingTransitSpeedKn[0], MOTION.fishingTransitSpeedKn[1]);
  while (it.t < ctx.endMs) {
    const g = rng.pick(grounds);
    it.sailToNode(g, transit);
    const c = nodePoint(g);
    const tripEnd = it.t + rng.uniform(STAYS.fishingTripH[0], STAYS.fishingTripH[1]) * MS_PER_HOUR;
    const trawl = rng.uniform(trawlKn[0], trawlKn[1]);
    while (it.t < tripEnd) {
      const pts: LatLon[] = [];
      for (let i = 0; i < 4; i++) {
        const d = destination(c.lat, c.lon, rng.uniform(0, 360), Math.sqrt(rng.next()) * MOTION.fishingRadiusM);
        pts.push(d);
      }
      it.sailPath(pts, trawl);
    }
    it.sailPath([c], trawl);
    it.node = g;
    it.sailToPort(home, transit);
    it.stayHours(rng.uniform(STAYS.fishingHomeStayH[0], STAYS.fishingHomeStayH[1]));
  }
  return it;
}

/** One background ship of the given role. */
export function backgroundVessel(ctx: FleetContext, index: number, role: 'cargo' | 'tanker' | 'ferry' | 'fishing'): SimVessel {
  const { rng } = ctx;
  if (role === 'fishing') {
    const home = rng.pick(FISHING_HOMES);
    const v = newVessel(index, 'fishing', 'B', 30, rng);
    v.sendsType19 = rng.chance(0.2);
    addIdentity(v, ctx, home.mid, home.style);
    v.draughts.push({ fromMs: -Infinity, m: Math.round(rng.uniform(1.8, 3) * 10) / 10 });
    // Varied behaviour: some boats work their gear at 1–2 kn (never loitering: fishing is not loitering).
    const slow = ctx.variation.evaders === 'varied' && rng.chance(VARIED.slowFishingShare);
    v.phases = fishingTrips(ctx, simPort(home.port), home.grounds, slow ? VARIED.slowFishingKn : MOTION.trawlSpeedKn).phases;
    v.script.push({ kind: 'fishing', home: home.port, grounds: home.grounds, ...(slow ? { working_kn: VARIED.slowFishingKn } : {}) });
    return v;
  }
  const routes = role === 'cargo' ? CARGO_ROUTES : role === 'tanker' ? TANKER_ROUTES : FERRY_ROUTES;
  const speeds = role === 'cargo' ? MOTION.cargoSpeedKn : role === 'tanker' ? MOTION.tankerSpeedKn : MOTION.ferrySpeedKn;
  const stays = role === 'ferry' ? STAYS.ferryPortStayH : STAYS.cargoPortStayH;
  const shiptype = role === 'cargo' ? rng.pick([70, 70, 71, 79]) : role === 'tanker' ? rng.pick([80, 80, 81, 84]) : 60;
  const v = newVessel(index, role, 'A', shiptype, rng);
  const route = rng.pick(routes);
  const mid = role === 'ferry' ? (simPort(route[0]!).country === 'JP' ? 431 : 440) : rng.pick(CARGO_MIDS);
  addIdentity(v, ctx, mid, 'intl');
  v.draughts.push({ fromMs: -Infinity, m: Math.round(rng.uniform(role === 'ferry' ? 4.5 : 6, role === 'ferry' ? 6 : 11) * 10) / 10 });
  v.destination = simPort(route[route.length - 1]!).name.toUpperCase();
  v.phases = routeLoop(ctx, route, rng.uniform(speeds[0], speeds[1]), stays, ctx.endMs).phases;
  v.script.push({ kind: 'route', ports: route });
  return v;
}

