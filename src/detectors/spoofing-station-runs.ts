// The spoofing detector's reception-geometry kinds, per MMSI: runs of consecutive terrestrial reports heard
// only by stations whose learned coverage lies far from the claimed place (out_of_place), and runs the
// stations covering the claimed place well did not hear while another did (unheard_by_covering_stations).
// Each run ends at the report that ends its evidence, or at flush.
import type { TumenEvent } from '../events/schema.js';
import { MS_PER_HOUR } from '../geo/sphere.js';
import type { Position } from '../tracks/position.js';
import { round } from './geo-stats.js';
import type { CoverageJudgement, StationCoverageQuery } from './station-coverage.js';
import { type SpoofingParams, spoofingEvent } from './spoofing-event.js';

/** A run of consecutive out-of-place reports of one MMSI. */
export interface OutOfPlaceRun {
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
export interface SilentRun {
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
  /** Per hour, [hour, reports of the run a station missed then]; and per station that covers the place as
   *  well and heard some of them, [station, hour, those it heard, its lowest heard share there] (absent in
   *  old snapshots). */
  hourReports?: Array<[number, number]>;
  corroborating?: Array<[string, number, number, number]>;
}

/** The MMSIs' open runs; `coverage` the learned coastal-station coverage they are judged on. */
export class StationRuns {
  readonly outOfPlace = new Map<number, OutOfPlaceRun>();
  readonly silent = new Map<number, SilentRun>();

  constructor(private readonly coverage: StationCoverageQuery | null, private readonly params: SpoofingParams) {}

  /** Extends or ends the MMSI's runs of out-of-place and unheard reports with this one (only terrestrial
   *  reports with their stations known say anything; the others neither extend nor end a run). */
  check(p: Position): TumenEvent[] {
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
    const hr = (run.hourReports ??= []).find((x) => x[0] === hour);
    if (hr) hr[1]++; else run.hourReports.push([hour, 1]);
    for (const { station, heardShare } of j.corroborating) {
      const c = (run.corroborating ??= []).find((x) => x[0] === station && x[1] === hour);
      if (c) { c[2]++; if (heardShare < c[3]) c[3] = heardShare; } else run.corroborating.push([station, hour, 1, heardShare]);
    }
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
   *  of all those misses is tiny and the run is long enough. Hours in which more stations that cover the
   *  place as well heard the ship there as usual than stayed silent are not counted: then the ship was
   *  inside their reach, where it says it is, and the silent ones' range edge runs between it and the ships
   *  they hear (a ship moored just beyond it is never heard by it while its neighbours inside are). A ship
   *  broadcasting a fabricated place from elsewhere loses those stations as it moves out of their reach. */
  private endSilent(mmsi: number): TumenEvent[] {
    const r = this.silent.get(mmsi);
    this.silent.delete(mmsi);
    if (!r) return [];
    const p = this.params;
    const upAll = r.entries.filter(([s, h]) => this.coverage!.stationUpAround(s, h));
    const up = upAll.filter(([, h]) => !outnumbered(r, p, h, upAll));
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
    return [spoofingEvent(mmsi, 'unheard_by_covering_stations', startMs, lastMs, r.lat, r.lon, {
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
    return [spoofingEvent(mmsi, 'out_of_place', r.startMs, r.lastMs, r.lat, r.lon, {
      heard_by_stations: r.heardBy,
      covering_stations: r.covering,
      nearest_heard_coverage_km: r.nearestKm === null ? null : round(r.nearestKm, 1),
      min_outside_km: p.minOutsideKm,
      out_of_place_positions: r.count,
      reason: `reports claimed where ${r.covering.join(', ')} cover the place and did not hear them; heard only by ${r.heardBy.join(', ')}, whose learned coverage is ${r.nearestKm === null ? `nowhere within ${2 * p.minOutsideKm}` : `${round(r.nearestKm, 1)}`} km away`,
    })];
  }

  /** Ends every open run (out-of-place runs first). */
  flush(): TumenEvent[] {
    const out: TumenEvent[] = [];
    for (const m of [...this.outOfPlace.keys()]) out.push(...this.endOutOfPlace(m));
    for (const m of [...this.silent.keys()]) out.push(...this.endSilent(m));
    return out;
  }
}

const union = (a: readonly string[], b: readonly string[]): string[] => (b.every((x) => a.includes(x)) ? [...a] : [...new Set([...a, ...b])].sort());

/** Whether in hour `hour` of a silent run more stations that cover the claimed place well heard the ship
 *  as usual (at least `minCorroboratingHeardFraction` of their share of its reports that hour) than stations
 *  of `entries` stayed silent then. */
function outnumbered(r: SilentRun, p: SpoofingParams, hour: number, entries: SilentRun['entries']): boolean {
  const n = r.hourReports?.find((x) => x[0] === hour)?.[1] ?? 0;
  let heard = 0;
  for (const [, h, k, share] of r.corroborating ?? []) if (h === hour && k >= p.minCorroboratingHeardFraction * share * n) heard++;
  if (heard === 0) return false;
  let silent = 0;
  for (const e of entries) if (e[1] === hour) silent++;
  return heard > silent;
}

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
