// Spoofing: positions that cannot be the ship's true ones, with persistence so one GNSS glitch never counts.
// - teleport and return: the MMSI's reports jump to a parallel segment (unreachable from the main track at
//   a plausible speed — the tracks segmenter's rule), stay there for >= minOffTrackPoints positions, and
//   then the main track resumes — a fabricated track broadcast instead of the true position. One event per
//   excursion: start/end = its first/last position, lat/lon = its first position.
// - positions on land: >= minOnLandPoints consecutive positions on land (away from ports), folded into the
//   excursion's evidence when they belong to one, else an event of their own.
// - out of place (reception geometry): consecutive reports heard only by coastal stations whose learned
//   coverage lies far from the claimed position, while other stations cover that place and did not hear them
//   (src/detectors/station-coverage.ts) — a fabricated position broadcast from somewhere else. No jump and
//   no impossible speed needed. Evidence names the stations.
// - unheard by the covering stations: where a hearing station's range reaches the claimed place too, the
//   stations that hear nearly every Class A report claimed there (learned share) hearing none of this
//   ship's, in hours they were up, while another station keeps hearing it — a stationary "anchored off
//   Vladivostok" claim broadcast from a ship sailing to Rajin, heard by a station between the two.
// Alternating segments (two ships on one MMSI) are the shared-MMSI detector's: an excursion whose reports
// switch back and forth more than once is not spoofing. Glitches (the segmenter's outliers) are counted only.
//
// Incremental per MMSI (push each vessel's positions in time order; any number of MMSIs). Events are
// decided when the excursion's segment dies (silent beyond the segmenter's look-back) or at flush.
import type { TumenEvent } from '../events/schema.js';
import { isOnLand } from '../geo/land.js';
import { bearingDeg, distanceM, impliedSpeedKn, MS_PER_HOUR } from '../geo/sphere.js';
import type { Position } from '../tracks/position.js';
import type { Detector } from './detector.js';
import { eventId } from './event-id.js';
import { isoUtc, round } from './geo-stats.js';
import { SPOOFING_PARAMS } from './params.js';
import { defaultPorts, type PortIndex, type PortPoint, sharedPortIndex } from './port-index.js';
import type { CoverageJudgement, StationCoverageQuery } from './station-coverage.js';
import { type SegInfo, SegmentWatch, type SegmentWatchState, type WatchObservation } from './segment-watch.js';

export type SpoofingParams = { [K in keyof typeof SPOOFING_PARAMS]: number };

export interface SpoofingOptions {
  params?: Partial<SpoofingParams>;
  ports?: readonly PortPoint[];
  /** Land test; default Natural Earth 1:50m (src/geo/land.ts). */
  isOnLand?: (lat: number, lon: number) => boolean;
  /** Learned coastal-station coverage (the runner's reception index); without it no geometry check. */
  coverage?: StationCoverageQuery;
}

/** A run of consecutive out-of-place reports of one MMSI. */
interface OutOfPlaceRun {
  startMs: number;
  lastMs: number;
  count: number;
  lat: number;
  lon: number;
  heardBy: string[];
  covering: string[];
  /** Smallest distance from a claimed position to the hearing stations' coverage (km; null: none near). */
  nearestKm: number | null;
  /** Per hour of the run: [epoch hour, reports, first ms, last ms, covering stations of those reports]
   *  (absent in old snapshots: every report counted). */
  hours?: Array<[number, number, number, number, string[]]>;
}

/** A run of consecutive Class A reports of one MMSI that stations covering the claimed place well did not
 *  hear: per station and hour, [station, hour, reports, Σ ln(1 − share), first ms, last ms]. */
interface SilentRun {
  lat: number;
  lon: number;
  heardBy: string[];
  entries: Array<[string, number, number, number, number, number]>;
  /** Lowest heard share per silent station, and its lowest ship share (absent in old snapshots), for the
   *  evidence. */
  shares: Array<[string, number, number?]>;
  /** Stations that left the run by hearing one of its reports: their later misses are not counted in it
   *  (absent in old snapshots and until one does). */
  left?: string[];
}

interface LandRun {
  startMs: number;
  lastMs: number;
  count: number;
  lat: number;
  lon: number;
}

/** A stretch of machine-regular steps: from the start of its first step to the end of its last. */
interface RegularRun {
  startMs: number;
  lat: number;
  lon: number;
  lastMs: number;
  steps: number;
  /** It began at its segment's first position, right after an unreachable jump. */
  jumpIn: boolean;
  /** The next report after it was unreachable from it (a jump to another segment). */
  jumpOut: boolean;
}

/** Per segment: land runs and regularity of its steps. */
interface SegNotes {
  landRun: LandRun | null;
  landEpisodes: LandRun[];
  /** Last step [speedKn, bearingDeg], the position it started from and the one it ended at ([t, lat, lon]). */
  lastStep: [number, number] | null;
  stepFrom: [number, number, number] | null;
  lastPos: [number, number, number] | null;
  regular: RegularRun | null;
  regularEpisodes: RegularRun[];
  maxRegularRun: number;
  firstMs: number;
  /** Set when this segment is the newer one of a pair: the jump into it, and whether reports returned. */
  excursion: { fromSeg: string; jumpM: number; jumpDtMs: number; switches: number; returnM: number | null } | null;
}

interface MmsiState {
  watch: SegmentWatchState;
  notes: Array<[string, SegNotes]>;
  lastPointMs: number | null;
  outOfPlace?: OutOfPlaceRun | null;
  silent?: SilentRun | null;
}

export interface SpoofingState {
  kind: 'spoofing';
  vessels: Array<[number, MmsiState]>;
}

export class SpoofingDetector implements Detector<SpoofingState> {
  readonly name = 'spoofing';
  readonly params: SpoofingParams;
  private readonly ports: PortIndex;
  private readonly onLand: (lat: number, lon: number) => boolean;
  private readonly watches = new Map<number, SegmentWatch>();
  private readonly notes = new Map<number, Map<string, SegNotes>>();
  /** Time of each MMSI's latest decided (non-glitch) position. */
  private readonly lastPointMs = new Map<number, number>();
  private readonly outOfPlace = new Map<number, OutOfPlaceRun>();
  private readonly silent = new Map<number, SilentRun>();
  private readonly coverage: StationCoverageQuery | null;

  constructor(options: SpoofingOptions = {}, state?: SpoofingState) {
    this.params = { ...SPOOFING_PARAMS, ...options.params };
    this.ports = sharedPortIndex(options.ports ?? defaultPorts(), this.params.portToleranceM);
    this.onLand = options.isOnLand ?? isOnLand;
    this.coverage = options.coverage ?? null;
    if (state) {
      for (const [m, v] of state.vessels) {
        this.watches.set(m, new SegmentWatch(m, v.watch));
        this.notes.set(m, new Map(structuredClone(v.notes)));
        if (v.lastPointMs !== null) this.lastPointMs.set(m, v.lastPointMs);
        if (v.outOfPlace) this.outOfPlace.set(m, structuredClone(v.outOfPlace));
        if (v.silent) this.silent.set(m, structuredClone(v.silent));
      }
    }
  }

  /** GNSS glitches seen (single-position outliers), which never become events. */
  get glitches(): number {
    let n = 0;
    for (const w of this.watches.values()) n += w.glitches;
    return n;
  }

  pushPosition(p: Position): TumenEvent[] {
    let w = this.watches.get(p.mmsi);
    if (!w) {
      this.watches.set(p.mmsi, (w = new SegmentWatch(p.mmsi)));
      this.notes.set(p.mmsi, new Map());
    }
    const geometry = this.coverage && !(p as { outlier?: boolean }).outlier ? this.checkGeometry(p) : null;
    const segments = this.consume(p.mmsi, w.push(p));
    return geometry === null || geometry.length === 0 ? segments : segments.length === 0 ? geometry : [...geometry, ...segments];
  }

  /** Extends or ends the MMSI's runs of out-of-place and unheard reports with this one (only terrestrial
   *  reports with their stations known say anything; the others neither extend nor end a run). */
  private checkGeometry(p: Position): TumenEvent[] {
    if (p.source === 'satellite' || !p.stations || p.stations.length === 0) return [];
    const j = this.coverage!.judge(p.lat, p.lon, p.stations, p.status !== null, p.mmsi);
    const out = j?.kind === 'far' ? [] : this.noteSilent(p, j);
    const run = this.outOfPlace.get(p.mmsi);
    if (j?.kind !== 'far') return run ? [...out, ...this.endOutOfPlace(p.mmsi)] : out;
    const v = j.verdict;
    if (!run) {
      this.outOfPlace.set(p.mmsi, { startMs: p.timeMs, lastMs: p.timeMs, count: 1, lat: p.lat, lon: p.lon, heardBy: v.heardBy, covering: v.coveringStations, nearestKm: v.nearestHeardCoverageKm, hours: [] });
      noteHour(this.outOfPlace.get(p.mmsi)!, p.timeMs, v.coveringStations);
      return out;
    }
    noteHour(run, p.timeMs, v.coveringStations);
    run.lastMs = p.timeMs;
    run.count++;
    run.heardBy = union(run.heardBy, v.heardBy);
    run.covering = union(run.covering, v.coveringStations);
    if (v.nearestHeardCoverageKm !== null && (run.nearestKm === null || v.nearestHeardCoverageKm < run.nearestKm)) run.nearestKm = v.nearestHeardCoverageKm;
    return out;
  }

  /** A report the covering stations judged (null: consistent, or nothing to say): extends the MMSI's run of
   *  unheard reports, or ends it. A station of the run that heard this report leaves the run (its misses so
   *  far are no evidence: it hears this ship), while the run's other stations, silent still, keep it going;
   *  when every station of the run heard it, the run ends. A report claimed where the shares are not measured
   *  ('unmeasured') says nothing either way, as a satellite report does not, beyond the stations that heard
   *  it. */
  private noteSilent(p: Position, j: (CoverageJudgement & { kind: 'silent' | 'unmeasured' }) | null): TumenEvent[] {
    let run = this.silent.get(p.mmsi);
    let out: TumenEvent[] = [];
    if (run) {
      const heard = run.shares.filter(([s]) => p.stations!.includes(s)).map(([s]) => s);
      if (!j || (heard.length > 0 && heard.length === run.shares.length)) {
        out = this.endSilent(p.mmsi);
        run = undefined;
      } else if (heard.length > 0) {
        run.entries = run.entries.filter(([s]) => !heard.includes(s));
        run.shares = run.shares.filter(([s]) => !heard.includes(s));
        run.left = [...(run.left ?? []), ...heard];
      }
    }
    if (!j || j.kind === 'unmeasured') return out;
    if (!run) this.silent.set(p.mmsi, (run = { lat: p.lat, lon: p.lon, heardBy: [], entries: [], shares: [] }));
    run.heardBy = union(run.heardBy, j.heardBy);
    const hour = Math.floor(p.timeMs / MS_PER_HOUR);
    for (const { station, heardShare, shipShare } of j.silent) {
      if (run.left?.includes(station)) continue;
      const logMiss = Math.log1p(-Math.min(heardShare, 0.999));
      const e = run.entries.find((x) => x[0] === station && x[1] === hour);
      if (e) { e[2]++; e[3] += logMiss; e[5] = p.timeMs; } else run.entries.push([station, hour, 1, logMiss, p.timeMs, p.timeMs]);
      const sh = run.shares.find((x) => x[0] === station);
      if (!sh) run.shares.push(shipShare === null ? [station, heardShare] : [station, heardShare, shipShare]);
      else {
        if (heardShare < sh[1]) sh[1] = heardShare;
        if (shipShare !== null && (sh[2] === undefined || shipShare < sh[2])) sh[2] = shipShare;
      }
    }
    return out;
  }

  /** Ends the MMSI's unheard run: spoofing when, counting only hours each silent station was up, the chance
   *  of all those misses is tiny and the run is long enough. */
  private endSilent(mmsi: number): TumenEvent[] {
    const r = this.silent.get(mmsi);
    this.silent.delete(mmsi);
    if (!r) return [];
    const p = this.params;
    const up = r.entries.filter(([s, h]) => this.coverage!.stationUpAround(s, h));
    if (up.length === 0) return [];
    const logP = up.reduce((sum, e) => sum + e[3], 0);
    const byStation = new Map<string, number>();
    for (const e of up) byStation.set(e[0], (byStation.get(e[0]) ?? 0) + e[2]);
    const points = Math.max(...byStation.values());
    const startMs = Math.min(...up.map((e) => e[4])), lastMs = Math.max(...up.map((e) => e[5]));
    if (points < p.minOutOfPlacePoints || lastMs - startMs < p.minOutOfPlaceDurationH * MS_PER_HOUR || logP > Math.log(p.maxSilentStationProbability)) return [];
    const silent = [...byStation.keys()].sort();
    const judged = r.shares.filter(([s]) => byStation.has(s)).sort();
    const shares = Object.fromEntries(judged.map(([s, x]) => [s, round(x, 3)]));
    const shipShares = Object.fromEntries(judged.map(([s, , x]) => [s, x === undefined ? null : round(x, 3)]));
    return [this.event(mmsi, 'unheard_by_covering_stations', startMs, lastMs, r.lat, r.lon, {
      heard_by_stations: r.heardBy,
      silent_stations: silent,
      silent_station_heard_share: shares,
      silent_station_ship_share: shipShares,
      unheard_reports: Object.fromEntries([...byStation].sort()),
      unheard_probability: Number(Math.exp(logP).toPrecision(2)),
      max_unheard_probability: p.maxSilentStationProbability,
      reason: `${silent.join(', ')} heard ${Object.values(shares).map((x) => `${Math.round(100 * x)} %`).join(', ')} of the Class A reports claimed here${judged.every(([, , x]) => x !== undefined) ? ` (${judged.map(([, , x]) => `${Math.round(100 * x!)} %`).join(', ')} of the other ships)` : ''} and none of this ship's ${points} while up (chance ${Number(Math.exp(logP).toPrecision(2))}); heard by ${r.heardBy.join(', ')}`,
    })];
  }

  private endOutOfPlace(mmsi: number): TumenEvent[] {
    const run = this.outOfPlace.get(mmsi);
    this.outOfPlace.delete(mmsi);
    const p = this.params;
    // Only hours in which a covering station was up speak: a station off the air hears nobody (the
    // silent-station rule counts only such hours too).
    const r = run?.hours ? upHours(run, this.coverage!) : run;
    if (!r || r.count < p.minOutOfPlacePoints || r.lastMs - r.startMs < p.minOutOfPlaceDurationH * MS_PER_HOUR) return [];
    return [this.event(mmsi, 'out_of_place', r.startMs, r.lastMs, r.lat, r.lon, {
      heard_by_stations: r.heardBy,
      covering_stations: r.covering,
      nearest_heard_coverage_km: r.nearestKm === null ? null : round(r.nearestKm, 1),
      min_outside_km: p.minOutsideKm,
      out_of_place_positions: r.count,
      reason: `reports claimed where ${r.covering.join(', ')} cover the place and did not hear them; heard only by ${r.heardBy.join(', ')}, whose learned coverage is ${r.nearestKm === null ? `nowhere within ${2 * p.minOutsideKm}` : `${round(r.nearestKm, 1)}`} km away`,
    })];
  }

  flush(): TumenEvent[] {
    const out: TumenEvent[] = [];
    for (const [m, w] of this.watches) out.push(...this.consume(m, w.flush()));
    for (const m of [...this.outOfPlace.keys()]) out.push(...this.endOutOfPlace(m));
    for (const m of [...this.silent.keys()]) out.push(...this.endSilent(m));
    return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.mmsi - b.mmsi));
  }

  snapshot(): SpoofingState {
    return {
      kind: 'spoofing',
      vessels: [...this.watches].map(([m, w]) => [m, { watch: w.snapshot(), notes: structuredClone([...this.notes.get(m)!]), lastPointMs: this.lastPointMs.get(m) ?? null, outOfPlace: structuredClone(this.outOfPlace.get(m) ?? null), silent: structuredClone(this.silent.get(m) ?? null) }]),
    };
  }

  private consume(mmsi: number, obs: WatchObservation[]): TumenEvent[] {
    const out: TumenEvent[] = [];
    const notes = this.notes.get(mmsi)!;
    for (const o of obs) {
      let n = notes.get(o.seg.id);
      if (!n) {
        n = { landRun: null, landEpisodes: [], lastStep: null, stepFrom: null, lastPos: null, regular: null, regularEpisodes: [], maxRegularRun: 0, firstMs: o.seg.firstMs, excursion: null };
        notes.set(o.seg.id, n);
      }
      if (o.kind === 'point') {
        const { lat, lon, timeMs } = o.point;
        this.noteLand(n, timeMs, lat, lon, this.onLand(lat, lon) && !this.ports.isNear(lat, lon));
        const pair = o.pair;
        if (pair) {
          // The report before this one was on another segment: a regular run going on there ends in a jump.
          for (const [id, other] of notes) if (id !== o.seg.id && other.regular && other.lastPos && other.regular.lastMs === other.lastPos[0] && other.lastPos[0] === this.lastPointMs.get(mmsi)) other.regular.jumpOut = true;
          const newer = notes.get(pair.b) ?? null;
          if (pair.b === o.seg.id && !n.excursion) {
            n.excursion = { fromSeg: pair.a, jumpM: pair.jumpM, jumpDtMs: pair.jumpDtMs, switches: pair.switches, returnM: null };
          } else if (newer?.excursion && newer.excursion.fromSeg === pair.a) {
            newer.excursion.switches = pair.switches;
            newer.excursion.returnM = pair.returnM;
          }
        }
        this.noteRegularity(n, timeMs, lat, lon);
        this.lastPointMs.set(mmsi, timeMs);
      } else {
        this.noteLand(n, Infinity, 0, 0, false);
        this.endRegular(n);
        out.push(...this.decide(mmsi, o.seg, n));
        notes.delete(o.seg.id);
      }
    }
    return out;
  }

  private noteLand(n: SegNotes, timeMs: number, lat: number, lon: number, land: boolean): void {
    if (land) {
      if (n.landRun) {
        n.landRun.lastMs = timeMs;
        n.landRun.count++;
      } else {
        n.landRun = { startMs: timeMs, lastMs: timeMs, count: 1, lat, lon };
      }
      return;
    }
    const r = n.landRun;
    if (r && r.count >= this.params.minOnLandPoints && r.lastMs - r.startMs >= this.params.minOnLandDurationH * MS_PER_HOUR) n.landEpisodes.push(r);
    n.landRun = null;
  }

  private noteRegularity(n: SegNotes, timeMs: number, lat: number, lon: number): void {
    // The step and fix tuples are reused in place (this runs per position); snapshots copy them.
    const last = n.lastPos;
    if (last) {
      const t0 = last[0], lat0 = last[1], lon0 = last[2];
      const speedKn = impliedSpeedKn(distanceM(lat0, lon0, lat, lon), timeMs - t0), bearing = bearingDeg(lat0, lon0, lat, lon);
      const prev = n.lastStep;
      const same = prev !== null && speedKn > 0.5 && Math.abs(speedKn - prev[0]) <= this.params.regularSpeedToleranceKn
        && Math.abs(((bearing - prev[1] + 540) % 360) - 180) <= this.params.regularBearingToleranceDeg;
      if (same) {
        if (!n.regular && n.stepFrom) {
          const jumpIn = n.excursion !== null && n.stepFrom[0] === n.firstMs;
          n.regular = { startMs: n.stepFrom[0], lat: n.stepFrom[1], lon: n.stepFrom[2], lastMs: timeMs, steps: 1, jumpIn, jumpOut: false };
        }
        if (n.regular) {
          n.regular.steps++;
          n.regular.lastMs = timeMs;
          n.maxRegularRun = Math.max(n.maxRegularRun, n.regular.steps);
        }
      } else {
        this.endRegular(n);
      }
      if (prev) {
        prev[0] = speedKn;
        prev[1] = bearing;
      } else n.lastStep = [speedKn, bearing];
      const spare = n.stepFrom; // no longer read: becomes the new last fix
      n.stepFrom = last;
      if (spare) {
        spare[0] = timeMs;
        spare[1] = lat;
        spare[2] = lon;
        n.lastPos = spare;
        return;
      }
    }
    n.lastPos = [timeMs, lat, lon];
  }

  private endRegular(n: SegNotes): void {
    if (n.regular && n.regular.steps >= this.params.regularityMinSteps) n.regularEpisodes.push(n.regular);
    n.regular = null;
  }

  /** A segment died: an excursion that returned is spoofing, and so is a machine-regular stretch; land
   *  episodes inside either are folded into it, the others are events of their own. */
  private decide(mmsi: number, seg: SegInfo, n: SegNotes): TumenEvent[] {
    const p = this.params;
    const x = n.excursion;
    const within = (r: { startMs: number; lastMs: number }, s: number, e: number) => r.startMs <= e && s <= r.lastMs;
    const landIn = (s: number, e: number) => n.landEpisodes.filter((r) => within(r, s, e)).reduce((sum, r) => sum + r.count, 0);
    const regularIn = (s: number, e: number) => n.regularEpisodes.filter((r) => within(r, s, e)).reduce((m, r) => Math.max(m, r.steps), 0);
    if (x && x.switches === 2 && seg.count >= p.minOffTrackPoints && x.jumpM >= p.minOffTrackDistanceM) {
      return [this.event(mmsi, 'teleport_return', seg.firstMs, seg.lastMs, seg.firstLat, seg.firstLon, {
        jump_km: round(x.jumpM / 1000, 3),
        jump_implied_speed_kn: round(impliedSpeedKn(x.jumpM, x.jumpDtMs), 1),
        return_km: x.returnM === null ? null : round(x.returnM / 1000, 3),
        fabricated_positions: seg.count,
        on_land_positions: landIn(seg.firstMs, seg.lastMs),
        regular_steps: regularIn(seg.firstMs, seg.lastMs),
      })];
    }
    const out: TumenEvent[] = [];
    // Regularity alone could be a smoothed or synthetic feed: it takes a jump into or out of the regular
    // stretch, or positions on land inside it, to call it fabricated.
    const fabricated = n.regularEpisodes.filter((r) => r.jumpIn || r.jumpOut || landIn(r.startMs, r.lastMs) > 0);
    for (const r of fabricated) {
      out.push(this.event(mmsi, 'fabricated_track', r.startMs, r.lastMs, r.lat, r.lon, {
        regular_steps: r.steps, fabricated_positions: r.steps + 1, on_land_positions: landIn(r.startMs, r.lastMs),
        jump_in: r.jumpIn, jump_out: r.jumpOut,
      }));
    }
    for (const r of n.landEpisodes) {
      if (fabricated.some((g) => within(r, g.startMs, g.lastMs))) continue;
      out.push(this.event(mmsi, 'on_land', r.startMs, r.lastMs, r.lat, r.lon, { on_land_positions: r.count }));
    }
    return out;
  }

  private event(mmsi: number, kind: string, startMs: number, endMs: number, lat: number, lon: number, evidence: Record<string, unknown>): TumenEvent {
    return {
      id: eventId('spoofing', mmsi, startMs, kind),
      type: 'spoofing', mmsi, start: isoUtc(startMs), end: isoUtc(endMs), lat, lon,
      duration_h: round((endMs - startMs) / MS_PER_HOUR, 3),
      evidence: { kind, ...evidence },
    };
  }
}

export function createSpoofingDetector(options: SpoofingOptions = {}): SpoofingDetector {
  return new SpoofingDetector(options);
}

export function restoreSpoofingDetector(state: SpoofingState, options: SpoofingOptions = {}): SpoofingDetector {
  return new SpoofingDetector(options, state);
}

const union = (a: readonly string[], b: readonly string[]): string[] => (b.every((x) => a.includes(x)) ? [...a] : [...new Set([...a, ...b])].sort());

/** Counts a report of an out-of-place run in its hour, with the stations covering its claimed place. */
function noteHour(run: OutOfPlaceRun, timeMs: number, covering: readonly string[]): void {
  const hours = (run.hours ??= []);
  const hour = Math.floor(timeMs / MS_PER_HOUR);
  const last = hours[hours.length - 1];
  if (last && last[0] === hour) {
    last[1]++;
    last[3] = timeMs;
    for (const s of covering) if (!last[4].includes(s)) last[4].push(s);
  } else hours.push([hour, 1, timeMs, timeMs, [...covering]]);
}

/** The run restricted to the hours in which one of the covering stations was up around then. */
function upHours(run: OutOfPlaceRun, coverage: StationCoverageQuery): OutOfPlaceRun | null {
  const up = run.hours!.filter(([h, , , , covering]) => covering.some((s) => coverage.stationUpAround(s, h)));
  if (up.length === 0) return null;
  const covering = [...new Set(up.flatMap((x) => x[4]))].sort();
  return { ...run, count: up.reduce((n, x) => n + x[1], 0), startMs: up[0]![2], lastMs: up[up.length - 1]![3], covering };
}
