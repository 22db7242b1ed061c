// Loitering: one vessel slow at sea for hours — a possible transfer with a partner that does not transmit
// (GFW loitering events: average speed < 2 kn for >= 2 h at >= 20 nm from shore). A run is the stretch of
// consecutive slow positions (SOG, or the implied speed when SOG is missing) far from shore and ports; up to
// `maxConsecutiveFastPoints` fast positions in a row (a GNSS jump, a short manoeuvre) are tolerated as long
// as the run's mean speed stays below the limit; a silence longer than `maxGapH` ends it (that is a gap).
//
// Incremental per MMSI (push each vessel's positions in time order; any number of MMSIs). A run still going
// at flush is an open event (`end: null`). Slow periods explained by an encounter with a transmitting ship
// are encounters: the post-step in src/detectors/post-steps.ts drops the overlapping loitering of those ships.
import type { TumenEvent } from '../events/schema.js';
import { distanceToShoreM } from '../geo/land.js';
import { distanceM, impliedSpeedKn, METRES_PER_NM, MS_PER_HOUR } from '../geo/sphere.js';
import type { Position } from '../tracks/position.js';
import type { Detector, StaticReport } from './detector.js';
import { eventId } from './event-id.js';
import { addToMean, emptyMeanAcc, isoUtc, type MeanPositionAcc, meanPosition, round } from './geo-stats.js';
import { LOITERING_PARAMS } from './params.js';
import { defaultPorts, type PortIndex, type PortPoint, sharedPortIndex } from './port-index.js';
import { isUsablePosition } from './fix.js';

export type LoiteringParams = { [K in keyof typeof LOITERING_PARAMS]: (typeof LOITERING_PARAMS)[K] extends boolean ? boolean : number };

export interface LoiteringOptions {
  params?: Partial<LoiteringParams>;
  ports?: readonly PortPoint[];
  /** Distance to shore in metres, capped at `capM`; default Natural Earth 1:50m (src/geo/land.ts). */
  distanceToShoreM?: (lat: number, lon: number, capM: number) => number;
}

interface Run {
  startMs: number;
  /** Last slow position (the run ends there if it ends on fast positions). */
  lastSlowMs: number;
  points: number;
  /** Positions broadcasting navigational status 7, "engaged in fishing". */
  fishingStatusPoints?: number;
  speedSumKn: number;
  maxSpeedKn: number;
  mean: MeanPositionAcc;
  /** Fast positions since the last slow one, [lat, lon, speedKn]: kept only if a slow one follows. */
  fast: Array<[number, number, number]>;
}

interface VesselState {
  last: { timeMs: number; lat: number; lon: number } | null;
  run: Run | null;
  /** Latest AIS ship type heard in its static reports (null: none yet). */
  shiptype?: number | null;
}

export interface LoiteringState {
  kind: 'loitering';
  vessels: Array<[number, VesselState]>;
}

export class LoiteringDetector implements Detector<LoiteringState> {
  readonly name = 'loitering';
  readonly params: LoiteringParams;
  private readonly ports: PortIndex;
  private readonly shore: (lat: number, lon: number, capM: number) => number;
  private readonly vessels = new Map<number, VesselState>();

  constructor(options: LoiteringOptions = {}, state?: LoiteringState) {
    this.params = { ...LOITERING_PARAMS, ...options.params };
    this.ports = sharedPortIndex(options.ports ?? defaultPorts(), this.params.minPortDistanceM);
    this.shore = options.distanceToShoreM ?? distanceToShoreM;
    if (state) for (const [m, v] of structuredClone(state.vessels)) this.vessels.set(m, v);
  }

  /** Static reports tell the ship type: fishing vessels at work are not loitering. */
  pushStatic(s: StaticReport): TumenEvent[] {
    if (s.shiptype === null) return [];
    let v = this.vessels.get(s.mmsi);
    if (!v) this.vessels.set(s.mmsi, (v = { last: null, run: null }));
    v.shiptype = s.shiptype;
    return [];
  }

  pushPosition(p: Position): TumenEvent[] {
    if (!isUsablePosition(p)) return []; // a GNSS glitch is no place for an event
    let v = this.vessels.get(p.mmsi);
    if (!v) this.vessels.set(p.mmsi, (v = { last: null, run: null }));
    if (v.last && p.timeMs <= v.last.timeMs) return [];
    const out: TumenEvent[] = [];
    const prm = this.params;
    const speedKn = p.speedKn ?? (v.last ? impliedSpeedKn(distanceM(v.last.lat, v.last.lon, p.lat, p.lon), p.timeMs - v.last.timeMs) : 0);
    if (v.run && v.last && p.timeMs - v.last.timeMs > prm.maxGapH * MS_PER_HOUR) this.close(p.mmsi, v, out, false);
    if (v.last) { // in place: this runs per position
      v.last.timeMs = p.timeMs;
      v.last.lat = p.lat;
      v.last.lon = p.lon;
    } else v.last = { timeMs: p.timeMs, lat: p.lat, lon: p.lon };

    const slow = speedKn < prm.maxSpeedKn;
    if (slow && this.atSea(p.lat, p.lon)) {
      const r = (v.run ??= { startMs: p.timeMs, lastSlowMs: p.timeMs, points: 0, speedSumKn: 0, maxSpeedKn: 0, mean: emptyMeanAcc(), fast: [] });
      r.lastSlowMs = p.timeMs;
      if (r.fast.length > 0) {
        for (const [lat, lon, s] of r.fast) this.add(r, lat, lon, s);
        r.fast = [];
      }
      this.add(r, p.lat, p.lon, speedKn);
      if (p.status === prm.fishingNavStatus) r.fishingStatusPoints = (r.fishingStatusPoints ?? 0) + 1;
    } else if (!slow && v.run && v.run.fast.length < prm.maxConsecutiveFastPoints && this.meanWith(v.run, speedKn) < prm.maxSpeedKn
      && this.atSea(p.lat, p.lon)) {
      v.run.fast.push([p.lat, p.lon, speedKn]);
    } else if (v.run) {
      this.close(p.mmsi, v, out, false);
    }
    return out;
  }

  flush(): TumenEvent[] {
    const out: TumenEvent[] = [];
    for (const [m, v] of this.vessels) if (v.run) this.close(m, v, out, true);
    return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.mmsi - b.mmsi));
  }

  snapshot(): LoiteringState {
    return structuredClone({ kind: 'loitering' as const, vessels: [...this.vessels] });
  }

  private add(r: Run, lat: number, lon: number, speedKn: number): void {
    r.points++;
    r.speedSumKn += speedKn;
    r.maxSpeedKn = Math.max(r.maxSpeedKn, speedKn);
    addToMean(r.mean, lat, lon);
  }

  /** The run's mean speed if the held fast positions and one more at `speedKn` joined it. */
  private meanWith(r: Run, speedKn: number): number {
    const held = r.fast.reduce((s, f) => s + f[2], 0);
    return (r.speedSumKn + held + speedKn) / (r.points + r.fast.length + 1);
  }

  /** >= minShoreDistanceNm from shore and >= minPortDistanceM from every port. */
  private atSea(lat: number, lon: number): boolean {
    const minM = this.params.minShoreDistanceNm * METRES_PER_NM;
    return !this.ports.isNear(lat, lon) && this.shore(lat, lon, minM) >= minM; // the cheap test first
  }

  /** A fishing vessel (AIS ship type, or most of the run broadcast as "engaged in fishing") working its gear
   *  is slow at sea for hours by trade: GFW computes loitering for carriers, not for fishing vessels. */
  private isFishing(v: VesselState, r: Run): boolean {
    const prm = this.params;
    if (!prm.excludeFishing) return false;
    if (v.shiptype === prm.fishingShipType) return true;
    return (r.fishingStatusPoints ?? 0) >= prm.fishingStatusMinShare * r.points;
  }

  private close(mmsi: number, v: VesselState, out: TumenEvent[], open: boolean): void {
    const r = v.run!;
    v.run = null;
    const durationH = (r.lastSlowMs - r.startMs) / MS_PER_HOUR;
    if (durationH < this.params.minDurationH || r.points < this.params.minPoints) return;
    if (this.isFishing(v, r)) return;
    const { lat, lon } = meanPosition(r.mean);
    out.push({
      id: eventId('loitering', mmsi, r.startMs),
      type: 'loitering', mmsi, start: isoUtc(r.startMs), end: open ? null : isoUtc(r.lastSlowMs),
      lat: round(lat, 6), lon: round(lon, 6), duration_h: round(durationH, 3),
      evidence: {
        mean_speed_kn: round(r.speedSumKn / r.points, 2),
        max_speed_kn: round(r.maxSpeedKn, 2),
        duration_h: round(durationH, 3),
        points: r.points,
        distance_from_shore_nm: round(this.shore(lat, lon, 200 * METRES_PER_NM) / METRES_PER_NM, 1),
        open,
      },
    });
  }
}

export function createLoiteringDetector(options: LoiteringOptions = {}): LoiteringDetector {
  return new LoiteringDetector(options);
}

export function restoreLoiteringDetector(state: LoiteringState, options: LoiteringOptions = {}): LoiteringDetector {
  return new LoiteringDetector(options, state);
}
