// The reception index: how many positions (of any vessel) were received per 0.1° cell per UTC hour, in two
// layers — all sources, and coastal (terrestrial or unknown-source) receptions only. The gap detector asks
// it how well the area around a gap was covered *during* the gap — a vessel that is dark contributes
// nothing to the hours inside its own gap, so the count is of OTHER vessels' positions. GFW's gap methods
// use the same idea (satellite reception quality per 1° cell per day).
//
// The index fills as positions arrive, in a file replay as in a live feed: a gap is judged when it closes,
// by which time the hours inside it have been received. Hours older than the runner's reception horizon (the
// longest look-back of the registered detectors plus the segmenter's) are dropped, so the state stays bounded.
import { MS_PER_HOUR } from '../geo/sphere.js';
import { addTo, dropHoursBefore, HOUR_BITS, HourSeries, pairsOf, wrapHour } from './hour-series.js';
import { RECEPTION_PARAMS } from './params.js';
import { type Hearing, HearingIndex, type HearingQuery, type HearingState, type PathAt } from './hearing.js';
import { type CoverageJudgement, StationCoverage, type StationCoverageQuery, type StationCoverageState } from './station-coverage.js';

export const RECEPTION_CELL_DEG = 0.1;
const COLS = Math.round(360 / RECEPTION_CELL_DEG);

export interface ReceptionQuery extends HearingQuery, StationCoverageQuery {
  /** Whole hours strictly between fromMs and toMs that lie in a hole in the store: a run of at least
   *  `minStoreHoleH` hours in which it received no position from anyone (a file gap, a feed down), not a
   *  silence of one ship. 0 while fewer than `minVesselsForStoreHoles` vessels were seen. */
  storeSilentHours(fromMs: number, toMs: number): number;
  /** Mean positions per day received within ~radiusKm of (lat, lon) between fromMs and toMs; with
   *  `terrestrialOnly`, satellite receptions are left out. */
  positionsPerDay(lat: number, lon: number, fromMs: number, toMs: number, radiusKm: number, terrestrialOnly?: boolean): number;
}

export interface ReceptionState {
  /** [key, count] pairs, all sources (key = cell × 2^20 + hour mod 2^20). */
  all: Array<[number, number]>;
  /** The same, terrestrial (or unknown-source) receptions only. */
  terrestrial: Array<[number, number]>;
  /** The learned hearing model (ship-hours present and heard per source); absent in old snapshots. */
  hearing?: HearingState;
  /** Where each coastal station hears ships; absent in old snapshots. */
  coverage?: StationCoverageState;
  /** [hour, positions] store-wide; absent in old snapshots. */
  store?: Array<[number, number]>;
}

export class ReceptionIndex implements ReceptionQuery {
  // Per cell, a sorted series of hour buckets with prefix sums: a query costs one binary search per cell in
  // the radius, not one hash lookup per cell × hour of the gap (long gaps over 10 M positions made that
  // the largest single cost of the pipeline).
  private readonly all = new Map<number, HourSeries>();
  private readonly terrestrial = new Map<number, HourSeries>();
  private readonly hearingIndex: HearingIndex;
  private readonly coverage: StationCoverage;
  /** Positions per hour, store-wide (key 0). */
  private readonly store = new Map<number, HourSeries>();

  constructor(hearing?: HearingIndex, coverage?: StationCoverage) {
    this.hearingIndex = hearing ?? new HearingIndex();
    this.coverage = coverage ?? new StationCoverage();
  }

  static restore(state: ReceptionState): ReceptionIndex {
    const r = new ReceptionIndex(state.hearing ? HearingIndex.restore(state.hearing) : undefined, new StationCoverage(undefined, state.coverage));
    for (const [k, n] of state.all) addTo(r.all, Math.floor(k / HOUR_BITS), k - Math.floor(k / HOUR_BITS) * HOUR_BITS, n);
    for (const [k, n] of state.terrestrial) addTo(r.terrestrial, Math.floor(k / HOUR_BITS), k - Math.floor(k / HOUR_BITS) * HOUR_BITS, n);
    for (const [h, n] of state.store ?? []) addTo(r.store, 0, h, n);
    return r;
  }

  /** One received position; `satellite` when it came through a satellite. With `mmsi` (positions in time
   *  order per vessel) it also feeds the hearing model, and with `stations` the stations' coverage
   *  (`classA`: a Class A report); `speedKn`, its speed over ground, tells ships at rest (which a satellite
   *  hears less often) from ships under way. */
  add(lat: number, lon: number, timeMs: number, satellite = false, mmsi?: number, stations?: readonly string[] | null, classA = false, speedKn: number | null = null): void {
    if (mmsi !== undefined) {
      this.hearingIndex.add(mmsi, lat, lon, timeMs, satellite, speedKn);
      if (!satellite && stations && stations.length > 0) this.coverage.add(mmsi, lat, lon, stations, timeMs, classA);
    }
    const cell = cellOf(rowOf(lat), colOf(lon));
    const hour = wrapHour(Math.floor(timeMs / MS_PER_HOUR));
    addTo(this.all, cell, hour, 1);
    if (!satellite) addTo(this.terrestrial, cell, hour, 1);
    addTo(this.store, 0, hour, 1);
  }

  storeSilentHours(fromMs: number, toMs: number): number {
    const series = this.store.get(0);
    if (!series || this.hearingIndex.vesselsSeen < RECEPTION_PARAMS.minVesselsForStoreHoles) return 0;
    const h0 = Math.floor(fromMs / MS_PER_HOUR) + 1, h1 = Math.floor(toMs / MS_PER_HOUR) - 1;
    if (h1 < h0) return 0;
    const a = wrapHour(h0), b = wrapHour(h1);
    return a <= b ? series.emptyHoursInRuns(a, b, RECEPTION_PARAMS.minStoreHoleH) : 0; // (hours wrap in 2089)
  }

  /** Counts positions in cells whose centre is within the radius, over whole hours strictly inside
   *  (fromMs, toMs) — so the dark vessel's own last and first fixes are not counted. */
  positionsPerDay(lat: number, lon: number, fromMs: number, toMs: number, radiusKm: number, terrestrialOnly = false): number {
    const layer = terrestrialOnly ? this.terrestrial : this.all;
    const h0 = Math.floor(fromMs / MS_PER_HOUR) + 1;
    const h1 = Math.floor(toMs / MS_PER_HOUR) - 1;
    if (h1 < h0) return 0;
    const hours = h1 - h0 + 1;
    const r0 = rowOf(lat), c0 = colOf(lon);
    const kmPerDegLon = 111.2 * Math.max(Math.cos((lat * Math.PI) / 180), 0.1);
    const dr = Math.ceil(radiusKm / 111.2 / RECEPTION_CELL_DEG);
    const dc = Math.ceil(radiusKm / kmPerDegLon / RECEPTION_CELL_DEG);
    let n = 0;
    for (let r = r0 - dr; r <= r0 + dr; r++) {
      for (let c = c0 - dc; c <= c0 + dc; c++) {
        const dy = (r - r0) * RECEPTION_CELL_DEG * 111.2, dx = (c - c0) * RECEPTION_CELL_DEG * kmPerDegLon;
        if (dx * dx + dy * dy > radiusKm * radiusKm) continue;
        const series = layer.get(cellOf(r, c));
        if (series) n += series.countOver(wrapHour(h0), hours);
      }
    }
    return (n / hours) * 24;
  }

  hearing(path: PathAt, fromMs: number, toMs: number, selfBridged: boolean, stationsUp?: (hour: number) => boolean, selfAt?: PathAt, selfAtRest?: (hour: number) => boolean): Hearing {
    return this.hearingIndex.hearing(path, fromMs, toMs, selfBridged, stationsUp, selfAt, selfAtRest);
  }

  judge(lat: number, lon: number, stations: readonly string[], classA = false, mmsi?: number): CoverageJudgement | null {
    return this.coverage.judge(lat, lon, stations, classA, mmsi);
  }

  stationReports(station: string, hour: number, hours: number): number {
    return this.coverage.stationReports(station, hour, hours);
  }

  reachesNear(station: string, lat: number, lon: number): boolean {
    return this.coverage.reachesNear(station, lat, lon);
  }

  stationUpAround(station: string, hour: number): boolean {
    return this.coverage.stationUpAround(station, hour);
  }

  /** Forgets every count per hour before epoch hour `hour`: the runner calls it with its horizon, behind
   *  which no judgement reads (`receptionHorizonH` in registry.ts). What is learned per place stays. */
  forgetBefore(hour: number): void {
    dropHoursBefore(this.all, hour);
    dropHoursBefore(this.terrestrial, hour);
    dropHoursBefore(this.store, hour);
    this.hearingIndex.forgetBefore(hour);
    this.coverage.forgetBefore(hour);
  }

  snapshot(): ReceptionState {
    return {
      all: pairsOf(this.all), terrestrial: pairsOf(this.terrestrial), hearing: this.hearingIndex.snapshot(), coverage: this.coverage.snapshot(),
      store: this.store.get(0)?.entries() ?? [],
    };
  }
}

const cellOf = (r: number, c: number): number => r * COLS + (((c % COLS) + COLS) % COLS);
const rowOf = (lat: number): number => Math.floor((lat + 90) / RECEPTION_CELL_DEG);
const colOf = (lon: number): number => Math.floor((lon + 180) / RECEPTION_CELL_DEG);
