// A ship's true movement as a list of timed phases (sail along a path at a constant speed, or stay at a
// point — moored, anchored or drifting), built by an Itinerary, and read back as the true state at any
// time. Times are epoch milliseconds.
import { bearingDeg, destination, distanceM, METRES_PER_NM, MS_PER_HOUR } from '../geo/sphere.js';
import { nodePoint, routeNodes, type LatLon } from './lanes.js';
import type { Harbour } from './harbour.js';
import { MOTION } from './params.js';
import type { SimPort } from './ports.js';

export type { LatLon };

export interface SailPhase {
  kind: 'sail';
  t0: number;
  t1: number;
  path: LatLon[];
  /** Cumulative metres along `path`. */
  cumM: number[];
  speedKn: number;
}

export interface StayPhase {
  kind: 'stay';
  t0: number;
  t1: number;
  at: LatLon;
  /** AIS navigational status: 5 moored, 1 at anchor, 0 under way (drifting). */
  status: number;
  driftKn: number;
  driftDeg: number;
  headingDeg: number;
  portId: string | null;
}

export type Phase = SailPhase | StayPhase;

export interface TrueState {
  lat: number;
  lon: number;
  sogKn: number;
  cogDeg: number;
  headingDeg: number;
  status: number;
  portId: string | null;
}

/** One passage between two points, for timing scripts: time at each cumulative distance. */
export interface Voyage {
  departMs: number;
  arriveMs: number;
  kmAt: number[];
  msAt: number[];
}

/** The time at which the ship is `km` along the voyage (clamped). */
export function timeAtKm(v: Voyage, km: number): number {
  const { kmAt, msAt } = v;
  if (km <= 0) return msAt[0]!;
  for (let i = 1; i < kmAt.length; i++) {
    if (kmAt[i]! >= km) {
      const f = (km - kmAt[i - 1]!) / Math.max(1e-9, kmAt[i]! - kmAt[i - 1]!);
      return Math.round(msAt[i - 1]! + f * (msAt[i]! - msAt[i - 1]!));
    }
  }
  return msAt[msAt.length - 1]!;
}

export function voyageKm(v: Voyage): number {
  return v.kmAt[v.kmAt.length - 1]!;
}

function cumulative(path: LatLon[]): number[] {
  const cum = [0];
  for (let i = 1; i < path.length; i++) cum.push(cum[i - 1]! + distanceM(path[i - 1]!.lat, path[i - 1]!.lon, path[i]!.lat, path[i]!.lon));
  return cum;
}

const msFor = (m: number, kn: number): number => Math.round((m / METRES_PER_NM / kn) * MS_PER_HOUR);

/** Spread berths (variation): the world's harbour and whether this ship waits at anchor before berthing. */
export interface HarbourUse {
  harbour: Harbour;
  waits: boolean;
}

/** Builds a ship's phases in time order. */
export class Itinerary {
  readonly phases: Phase[] = [];
  t: number;
  pos: LatLon;
  /** The port whose berth the ship lies at, or null at sea. */
  port: SimPort | null;
  /** The lane node the ship is at, when at sea on the lane graph. */
  node: string | null;
  /** With spread berths: the route from the quay the ship lies at back to the port's lane node. */
  private exitPath: LatLon[] | null = null;

  constructor(startMs: number, at: { port: SimPort } | { node: string }, readonly harbour: HarbourUse | null = null) {
    this.t = startMs;
    if ('port' in at) {
      this.port = at.port;
      this.node = null;
      if (harbour) {
        const c = harbour.harbour.initial(at.port);
        this.pos = { ...c.quay };
        this.exitPath = c.exit;
      } else {
        this.pos = { ...at.port.berth };
      }
    } else {
      this.port = null;
      this.node = at.node;
      this.pos = nodePoint(at.node);
    }
  }

  /** Stay where the ship is until `untilMs` (moored at a berth, else at anchor unless drifting). */
  stayUntil(untilMs: number, opts: { driftKn?: number; driftDeg?: number; status?: number; headingDeg?: number } = {}): StayPhase | null {
    if (untilMs <= this.t) return null;
    const driftKn = opts.driftKn ?? 0;
    const phase: StayPhase = {
      kind: 'stay', t0: this.t, t1: untilMs, at: { ...this.pos },
      status: opts.status ?? (this.port ? 5 : driftKn > 0 ? 0 : 1),
      driftKn, driftDeg: opts.driftDeg ?? 0, headingDeg: opts.headingDeg ?? Math.round((this.t / 1000) % 360),
      portId: this.port?.id ?? null,
    };
    this.phases.push(phase);
    if (driftKn > 0) this.pos = destination(this.pos.lat, this.pos.lon, phase.driftDeg, (driftKn * METRES_PER_NM * (untilMs - this.t)) / MS_PER_HOUR);
    this.t = untilMs;
    return phase;
  }

  stayHours(h: number, opts: Parameters<Itinerary['stayUntil']>[1] = {}): StayPhase | null {
    return this.stayUntil(this.t + Math.round(h * MS_PER_HOUR), opts);
  }

  /** Sail along explicit points (the current position is prepended). Returns the voyage timing. */
  sailPath(points: LatLon[], speedKn: number, voyage?: Voyage): Voyage {
    const path = [{ ...this.pos }, ...points];
    const cum = cumulative(path);
    const dur = msFor(cum[cum.length - 1]!, speedKn);
    const v = voyage ?? { departMs: this.t, arriveMs: this.t, kmAt: [0], msAt: [this.t] };
    if (dur > 0) {
      this.phases.push({ kind: 'sail', t0: this.t, t1: this.t + dur, path, cumM: cum, speedKn });
      const baseKm = v.kmAt[v.kmAt.length - 1]!;
      for (let i = 1; i < cum.length; i++) {
        v.kmAt.push(baseKm + cum[i]! / 1000);
        v.msAt.push(this.t + msFor(cum[i]!, speedKn));
      }
      this.t += dur;
    }
    v.arriveMs = this.t;
    this.pos = { ...path[path.length - 1]! };
    this.port = null;
    this.node = null;
    return v;
  }

  /** Leave the berth (if at one) to the port's lane node at port-leg speed. */
  private leavePort(v: Voyage): string {
    if (this.port) {
      const p = this.port;
      this.sailPath([...(this.exitPath ?? p.inner), nodePoint(p.node)], MOTION.portLegSpeedKn, v);
      this.node = p.node;
      return p.node;
    }
    if (!this.node) throw new Error('itinerary: at sea off the lane graph');
    return this.node;
  }

  /** Sail to a lane node (via the lane graph). */
  sailToNode(node: string, speedKn: number): Voyage {
    const v: Voyage = { departMs: this.t, arriveMs: this.t, kmAt: [0], msAt: [this.t] };
    const from = this.leavePort(v);
    const nodes = routeNodes(from, node).slice(1);
    if (nodes.length) this.sailPath(nodes.map(nodePoint), speedKn, v);
    this.node = node;
    return v;
  }

  /** Sail to a port's berth (via the lane graph and the port's approach). */
  sailToPort(port: SimPort, speedKn: number): Voyage {
    const v = this.sailToNode(port.node, speedKn);
    if (this.harbour) {
      const c = this.harbour.harbour.call(port, this.harbour.waits);
      if (c.wait) {
        this.sailPath(c.wait.route, MOTION.portLegSpeedKn, v);
        this.stayUntil(this.t + c.wait.ms, { status: 1 });
        this.sailPath(c.wait.toQuay, MOTION.portLegSpeedKn, v);
      } else {
        this.sailPath(c.approach, MOTION.portLegSpeedKn, v);
      }
      this.exitPath = c.exit;
    } else {
      this.sailPath([...[...port.inner].reverse(), port.berth], MOTION.portLegSpeedKn, v);
    }
    this.port = port;
    this.node = null;
    return v;
  }

  /** A copy at the same place and time (same quay), with no phases: for probing durations. */
  clone(startMs = this.t): Itinerary {
    const copy = new Itinerary(startMs, { node: 'busan_app' }, this.harbour);
    copy.port = this.port;
    copy.node = this.node;
    copy.pos = { ...this.pos };
    copy.exitPath = this.exitPath;
    return copy;
  }

  /** How long sailing to a node or port would take from here, without moving. */
  durationTo(target: { node: string } | { port: SimPort }, speedKn: number): number {
    const copy = this.clone();
    const v = 'node' in target ? copy.sailToNode(target.node, speedKn) : copy.sailToPort(target.port, speedKn);
    return v.arriveMs - v.departMs;
  }
}

/** Reads the true state at increasing times (a cursor over the phases). */
export class PlanCursor {
  private i = 0;

  constructor(private readonly phases: readonly Phase[]) {}

  get startMs(): number {
    return this.phases[0]?.t0 ?? Infinity;
  }

  get endMs(): number {
    return this.phases[this.phases.length - 1]?.t1 ?? -Infinity;
  }

  /** State at time t (t non-decreasing between calls); null outside the plan. */
  at(t: number, out: TrueState): TrueState | null {
    const ph = this.phases;
    while (this.i < ph.length && ph[this.i]!.t1 <= t) this.i++;
    const p = ph[this.i];
    if (!p || t < p.t0) return null;
    if (p.kind === 'stay') {
      let lat = p.at.lat, lon = p.at.lon;
      if (p.driftKn > 0) {
        const d = destination(lat, lon, p.driftDeg, (p.driftKn * METRES_PER_NM * (t - p.t0)) / MS_PER_HOUR);
        lat = d.lat; lon = d.lon;
      }
      out.lat = lat; out.lon = lon; out.sogKn = p.driftKn; out.cogDeg = p.driftDeg;
      out.headingDeg = p.headingDeg; out.status = p.status; out.portId = p.portId;
      return out;
    }
    const m = ((t - p.t0) / (p.t1 - p.t0)) * p.cumM[p.cumM.length - 1]!;
    let k = 1;
    while (k < p.cumM.length - 1 && p.cumM[k]! < m) k++;
    const a = p.path[k - 1]!, b = p.path[k]!;
    const segM = p.cumM[k]! - p.cumM[k - 1]!;
    const f = segM > 0 ? Math.min(1, Math.max(0, (m - p.cumM[k - 1]!) / segM)) : 0;
    out.lat = a.lat + (b.lat - a.lat) * f;
    out.lon = a.lon + (b.lon - a.lon) * f;
    const brg = bearingDeg(a.lat, a.lon, b.lat, b.lon);
    out.sogKn = p.speedKn; out.cogDeg = brg; out.headingDeg = brg; out.status = 0; out.portId = null;
    return out;
  }
}
