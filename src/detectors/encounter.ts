// Encounters — two vessels together at sea, a possible ship-to-ship transfer — after GFW's encounters
// pipeline: resample every track to 10-minute slots (no interpolation across gaps > 1 h), find the pairs
// within 500 m at each slot through a spatial grid (never all pairs), follow each pair's run of
// together-slots, keep runs of >= 2 h, merge runs < 4 h apart, and keep those with both median speeds
// < 2 kn whose mean position is >= 10 km from every port.
//
// Incremental over ONE global time-ordered stream of every vessel's positions. A slot is decided once the
// stream has moved more than the interpolation limit past it (no later fix can still fill it), so the
// state holds only the last fix per vessel, a few undecided slots and the open runs.
import type { TumenEvent } from '../events/schema.js';
import { distanceM, MS_PER_HOUR } from '../geo/sphere.js';
import type { Position } from '../tracks/position.js';
import type { Detector, StaticReport } from './detector.js';
import { eventId } from './event-id.js';
import { addToMean, emptyMeanAcc, isoUtc, meanPosition, median, midLon, round } from './geo-stats.js';
import { ENCOUNTER_PARAMS } from './params.js';
import { defaultPorts, type PortIndex, type PortPoint, sharedPortIndex } from './port-index.js';
import { type Fix, resampleStep } from './resample.js';
import { LatRowGrid } from './spatial-grid.js';

export type EncounterParams = { [K in keyof typeof ENCOUNTER_PARAMS]: number };

export interface EncounterOptions {
  params?: Partial<EncounterParams>;
  /** Ports to keep encounters away from; default the curated ports of interest. Pass WPI + those. */
  ports?: readonly PortPoint[];
}

export type EncounterReject = 'invalid_position' | 'out_of_order' | 'outlier' | 'late';

export interface EncounterStats {
  positions: number;
  samples: number;
  slots: number;
  /** Distance computations between two vessels' samples — the cost the grid keeps near-linear. */
  comparisons: number;
  closePairs: number;
  rejects: Partial<Record<EncounterReject, number>>;
}

/** [mmsi, lat, lon, speedKn] of one vessel at one slot. */
type SampleTuple = [number, number, number, number];

/** One pair's together-slots (parallel arrays, one entry per slot). */
interface Run {
  a: number;
  b: number;
  startMs: number;
  lastMs: number;
  timesMs: number[];
  distancesM: number[];
  speedsAKn: number[];
  speedsBKn: number[];
  lats: number[];
  lons: number[];
  runs: number;
}

export interface EncounterState {
  kind: 'encounter';
  watermarkMs: number | null;
  lastSlotDoneMs: number | null;
  vessels: Array<[number, Fix]>;
  slots: Array<[number, SampleTuple[]]>;
  runs: Run[];
  pending: Run[];
  stats: EncounterStats;
  /** [mmsi, AIS ship type] from static reports; absent in old snapshots. */
  shiptypes?: Array<[number, number]>;
  /** Encounters not reported, by reason; absent in old snapshots. */
  dropped?: Record<string, number>;
}

const pairKey = (a: number, b: number): string => `${a}:${b}`;

export class EncounterDetector implements Detector<EncounterState> {
  readonly name = 'encounter';
  readonly params: EncounterParams;
  private readonly ports: PortIndex;
  private readonly grid: LatRowGrid;
  private readonly intervalMs: number;
  private readonly maxGapMs: number;
  private readonly vessels = new Map<number, Fix>();
  private readonly slots = new Map<number, SampleTuple[]>();
  private readonly runs = new Map<string, Run>();
  private readonly pending = new Map<string, Run>();
  private watermarkMs = -Infinity;
  private lastSlotDoneMs = -Infinity;
  private stats: EncounterStats = { positions: 0, samples: 0, slots: 0, comparisons: 0, closePairs: 0, rejects: {} };
  private readonly shiptypes = new Map<number, number>();
  private droppedBy: Record<string, number> = {};

  constructor(options: EncounterOptions = {}, state?: EncounterState) {
    this.params = { ...ENCOUNTER_PARAMS, ...options.params };
    this.ports = sharedPortIndex(options.ports ?? defaultPorts(), this.params.minPortDistanceM);
    this.grid = new LatRowGrid(this.params.maxDistanceM);
    this.intervalMs = this.params.resampleIntervalMin * 60_000;
    this.maxGapMs = this.params.maxInterpolationGapH * MS_PER_HOUR;
    if (state) {
      this.watermarkMs = state.watermarkMs ?? -Infinity;
      this.lastSlotDoneMs = state.lastSlotDoneMs ?? -Infinity;
      for (const [m, f] of state.vessels) this.vessels.set(m, { ...f });
      for (const [t, s] of state.slots) this.slots.set(t, s.map((x) => [...x] as SampleTuple));
      for (const r of state.runs) this.runs.set(pairKey(r.a, r.b), structuredClone(r));
      for (const r of state.pending) this.pending.set(pairKey(r.a, r.b), structuredClone(r));
      this.stats = structuredClone(state.stats);
      for (const [m, t] of state.shiptypes ?? []) this.shiptypes.set(m, t);
      this.droppedBy = { ...state.dropped };
    }
  }

  /** Static reports say what a ship is: two fishing vessels side by side are fishing together. */
  pushStatic(s: StaticReport): TumenEvent[] {
    if (s.shiptype !== null) this.shiptypes.set(s.mmsi, s.shiptype);
    return [];
  }

  dropped(): Readonly<Record<string, number>> {
    return this.droppedBy;
  }

  get counters(): Readonly<EncounterStats> {
    return this.stats;
  }

  pushPosition(p: Position): TumenEvent[] {
    this.stats.positions++;
    if (!Number.isFinite(p.timeMs) || !(Math.abs(p.lat) <= 90) || !(Math.abs(p.lon) <= 180)) return this.reject('invalid_position');
    if ((p as { outlier?: boolean }).outlier === true) return this.reject('outlier');
    const prev = this.vessels.get(p.mmsi) ?? null;
    if (prev && p.timeMs <= prev.timeMs) return this.reject('out_of_order');
    for (const s of resampleStep(prev, p, this.intervalMs, this.maxGapMs)) {
      if (s.slotMs <= this.lastSlotDoneMs) {
        this.reject('late');
        continue;
      }
      this.stats.samples++;
      const list = this.slots.get(s.slotMs);
      const tuple: SampleTuple = [p.mmsi, s.lat, s.lon, s.speedKn];
      if (list) list.push(tuple);
      else this.slots.set(s.slotMs, [tuple]);
    }
    if (prev) {
      prev.timeMs = p.timeMs; // updated in place: one object per vessel, not per position
      prev.lat = p.lat;
      prev.lon = p.lon;
      prev.speedKn = p.speedKn;
    } else {
      this.vessels.set(p.mmsi, { timeMs: p.timeMs, lat: p.lat, lon: p.lon, speedKn: p.speedKn });
    }
    if (p.timeMs > this.watermarkMs) this.watermarkMs = p.timeMs;
    // No fix at or after the watermark can fill a slot more than maxGap behind it.
    return this.advance(this.watermarkMs - this.maxGapMs - 1);
  }

  pushTime(timeMs: number): TumenEvent[] {
    if (timeMs > this.watermarkMs) this.watermarkMs = timeMs;
    return this.advance(this.watermarkMs - this.maxGapMs - 1);
  }

  flush(): TumenEvent[] {
    const out = this.advance(Infinity);
    for (const [key, run] of this.runs) {
      this.runs.delete(key);
      out.push(...this.closeRun(run, run.lastMs >= this.lastSlotDoneMs));
    }
    for (const [key, run] of this.pending) {
      this.pending.delete(key);
      const e = this.finish(run, false);
      if (e) out.push(e);
    }
    return sortEvents(out);
  }

  snapshot(): EncounterState {
    return structuredClone({
      kind: 'encounter' as const,
      watermarkMs: Number.isFinite(this.watermarkMs) ? this.watermarkMs : null,
      lastSlotDoneMs: Number.isFinite(this.lastSlotDoneMs) ? this.lastSlotDoneMs : null,
      vessels: [...this.vessels],
      slots: [...this.slots],
      runs: [...this.runs.values()],
      pending: [...this.pending.values()],
      stats: this.stats,
      shiptypes: [...this.shiptypes],
      dropped: this.droppedBy,
    });
  }

  private reject(reason: EncounterReject): TumenEvent[] {
    this.stats.rejects[reason] = (this.stats.rejects[reason] ?? 0) + 1;
    return [];
  }

  /** Decides every buffered slot at or before `horizonMs`, in time order. */
  private advance(horizonMs: number): TumenEvent[] {
    let due: number[] | null = null;
    for (const t of this.slots.keys()) if (t <= horizonMs) (due ??= []).push(t);
    if (!due) return [];
    due.sort((x, y) => x - y);
    const out: TumenEvent[] = [];
    for (const t of due) {
      const samples = this.slots.get(t)!;
      this.slots.delete(t);
      this.processSlot(t, samples, out);
      this.lastSlotDoneMs = t;
      if (this.stats.slots % 6 === 0) this.forgetSilentVessels();
    }
    return sortEvents(out);
  }

  private processSlot(t: number, samples: SampleTuple[], out: TumenEvent[]): void {
    this.stats.slots++;
    const { maxDistanceM } = this.params;
    const grid = this.grid;
    grid.clear();
    for (let i = 0; i < samples.length; i++) grid.insert(samples[i]![1], samples[i]![2], i);
    const together = new Set<string>();
    // Per sample, "within minPortDistanceM of a port" (0 unknown, 1 no, 2 yes), asked only of vessels with a
    // neighbour: in a busy port every moored ship has several, and one port lookup each is enough.
    const inPort = new Uint8Array(samples.length);
    const nearPort = (i: number): boolean => {
      if (inPort[i] === 0) inPort[i] = this.ports.isNear(samples[i]![1], samples[i]![2]) ? 2 : 1;
      return inPort[i] === 2;
    };
    for (let i = 0; i < samples.length; i++) {
      const si = samples[i]!;
      for (const list of grid.neighbours(si[1], si[2])) {
        for (const j of list) {
          const sj = samples[j]!;
          if (sj[0] <= si[0]) continue; // each pair once, lower MMSI first
          this.stats.comparisons++;
          const d = distanceM(si[1], si[2], sj[1], sj[2]);
          // Both ships in port: moored neighbours, not an encounter.
          if (d <= maxDistanceM && !(nearPort(i) && nearPort(j))) this.together(t, si, sj, d, together);
        }
      }
    }
    // A run ends on evidence of separation (both sampled, not together) or after a long reception hole.
    const holeMs = this.params.maxRunHoleH * MS_PER_HOUR;
    let sampled: Set<number> | null = null;
    for (const [key, run] of this.runs) {
      if (together.has(key)) continue;
      sampled ??= new Set(samples.map((x) => x[0]));
      const bothSampled = sampled.has(run.a) && sampled.has(run.b);
      if (bothSampled || t - run.lastMs > holeMs) {
        this.runs.delete(key);
        out.push(...this.closeRun(run, false));
      }
    }
    const mergeMs = this.params.mergeGapH * MS_PER_HOUR;
    for (const [key, run] of this.pending) {
      if (t - run.lastMs < mergeMs) continue;
      const open = this.runs.get(key);
      if (open && open.startMs - run.lastMs < mergeMs) continue; // will merge when it closes
      this.pending.delete(key);
      const e = this.finish(run, false);
      if (e) out.push(e);
    }
  }

  /** Records one together-slot of a pair. */
  private together(t: number, si: SampleTuple, sj: SampleTuple, d: number, together: Set<string>): void {
    const lat = (si[1] + sj[1]) / 2;
    const lon = midLon(si[2], sj[2]);
    this.stats.closePairs++;
    const key = pairKey(si[0], sj[0]);
    together.add(key);
    let run = this.runs.get(key);
    if (!run) {
      run = { a: si[0], b: sj[0], startMs: t, lastMs: t, timesMs: [], distancesM: [], speedsAKn: [], speedsBKn: [], lats: [], lons: [], runs: 1 };
      this.runs.set(key, run);
    }
    run.lastMs = t;
    run.timesMs.push(t);
    run.distancesM.push(d);
    run.speedsAKn.push(si[3]);
    run.speedsBKn.push(sj[3]);
    run.lats.push(lat);
    run.lons.push(lon);
  }

  /** A finished run: trim the convoy legs, drop short ones, merge with the pair's pending encounter if
   *  < mergeGap apart. */
  private closeRun(whole: Run, open: boolean): TumenEvent[] {
    const out: TumenEvent[] = [];
    const run = this.trimMoving(whole);
    if (!run) return out;
    if (run.lastMs !== whole.lastMs) open = false;
    if (run.lastMs - run.startMs < this.params.minDurationH * MS_PER_HOUR || run.distancesM.length < this.params.minPoints) {
      if (!open) return out;
    }
    const key = pairKey(run.a, run.b);
    const prev = this.pending.get(key);
    let merged = run;
    if (prev && run.startMs - prev.lastMs < this.params.mergeGapH * MS_PER_HOUR) {
      merged = {
        a: run.a, b: run.b, startMs: prev.startMs, lastMs: run.lastMs, timesMs: prev.timesMs.concat(run.timesMs),
        distancesM: prev.distancesM.concat(run.distancesM), speedsAKn: prev.speedsAKn.concat(run.speedsAKn),
        speedsBKn: prev.speedsBKn.concat(run.speedsBKn), lats: prev.lats.concat(run.lats), lons: prev.lons.concat(run.lons),
        runs: prev.runs + run.runs,
      };
    } else if (prev) {
      const e = this.finish(prev, false);
      if (e) out.push(e);
    }
    this.pending.delete(key);
    if (open) {
      const e = this.finish(merged, true);
      if (e) out.push(e);
    } else {
      this.pending.set(key, merged);
    }
    return out;
  }

  /** Tumen difference: ships that sail together to the meeting point and away again are "together" on
   *  those legs too; the encounter is the slow core — leading and trailing slots where either vessel is at
   *  or above the median-speed limit are cut off (GFW would judge the whole run's median and miss it). */
  private trimMoving(run: Run): Run | null {
    const limit = this.params.maxMedianSpeedKn;
    const slow = (i: number) => run.speedsAKn[i]! < limit && run.speedsBKn[i]! < limit;
    let i0 = 0;
    let i1 = run.timesMs.length - 1;
    while (i0 <= i1 && !slow(i0)) i0++;
    while (i1 >= i0 && !slow(i1)) i1--;
    if (i0 > i1) return null;
    if (i0 === 0 && i1 === run.timesMs.length - 1) return run;
    const cut = <T>(xs: T[]): T[] => xs.slice(i0, i1 + 1);
    return {
      a: run.a, b: run.b, startMs: run.timesMs[i0]!, lastMs: run.timesMs[i1]!, timesMs: cut(run.timesMs), distancesM: cut(run.distancesM),
      speedsAKn: cut(run.speedsAKn), speedsBKn: cut(run.speedsBKn), lats: cut(run.lats), lons: cut(run.lons), runs: run.runs,
    };
  }

  /** The event for a merged encounter, or null when it fails the speed, duration or port test. */
  private finish(run: Run, open: boolean): TumenEvent | null {
    const p = this.params;
    const durationH = (run.lastMs - run.startMs) / MS_PER_HOUR;
    if (durationH < p.minDurationH || run.distancesM.length < p.minPoints) return null;
    const speedA = median(run.speedsAKn);
    const speedB = median(run.speedsBKn);
    if (!(speedA < p.maxMedianSpeedKn && speedB < p.maxMedianSpeedKn)) return null;
    const acc = emptyMeanAcc();
    for (let i = 0; i < run.lats.length; i++) addToMean(acc, run.lats[i]!, run.lons[i]!);
    const { lat, lon } = meanPosition(acc);
    if (this.ports.isNear(lat, lon)) return null;
    // Two fishing vessels working side by side for hours are pair trawlers or boats on one ground, not a
    // transfer: GFW's encounters pair a carrier or bunker with another vessel, never two fishing vessels.
    const fishing = this.params.fishingShipType;
    if (this.shiptypes.get(run.a) === fishing && this.shiptypes.get(run.b) === fishing) {
      if (!open) this.droppedBy.both_fishing = (this.droppedBy.both_fishing ?? 0) + 1;
      return null;
    }
    return {
      id: eventId('encounter', run.a, run.startMs, run.b),
      type: 'encounter',
      mmsi: run.a,
      other_mmsi: run.b,
      start: isoUtc(run.startMs),
      end: open ? null : isoUtc(run.lastMs),
      lat: round(lat, 6),
      lon: round(lon, 6),
      duration_h: round(durationH, 3),
      evidence: {
        median_distance_m: round(median(run.distancesM), 1),
        max_distance_m: round(Math.max(...run.distancesM), 1),
        vessel_1_median_speed_kn: round(speedA, 2),
        vessel_2_median_speed_kn: round(speedB, 2),
        duration_h: round(durationH, 3),
        points: run.distancesM.length,
        runs_merged: run.runs,
        resample_interval_min: p.resampleIntervalMin,
        open,
      },
    };
  }

  /** Vessels silent longer than the interpolation limit cannot fill a slot any more: forget them. */
  private forgetSilentVessels(): void {
    const cutoff = this.watermarkMs - this.maxGapMs;
    for (const [m, f] of this.vessels) if (f.timeMs < cutoff) this.vessels.delete(m);
  }
}

export function createEncounterDetector(options: EncounterOptions = {}): EncounterDetector {
  return new EncounterDetector(options);
}

export function restoreEncounterDetector(state: EncounterState, options: EncounterOptions = {}): EncounterDetector {
  return new EncounterDetector(options, state);
}

function sortEvents(events: TumenEvent[]): TumenEvent[] {
  return events.sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : x.id < y.id ? -1 : 1));
}
