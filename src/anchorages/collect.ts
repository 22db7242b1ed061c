// Stops from a time-ordered stream of everyone's positions (one stationary tracker per MMSI), and the
// ports learned from them: what `runPipeline` does before detection and `tumen anchorages build` stores.
import type { Position } from '../tracks/position.js';
import { allPorts, type Port } from '../reference/wpi.js';
import { StationaryTracker, type Stop } from './stationary.js';
import { learnAnchorages, type LearnResult } from './learn.js';
import { PortAreas } from './areas.js';
import { ANCHORAGE_PARAMS, type AnchorageParams } from './params.js';

export interface StopScan {
  stops: Stop[];
  firstMs: number | null;
  lastMs: number | null;
  positions: number;
}

/** Each vessel's positions, one chunk of typed columns at a time (the store reads them so: no per-row objects). */
export interface FixColumns {
  length: number;
  mmsi: Uint32Array;
  timeMs: Float64Array;
  lat: Float64Array;
  lon: Float64Array;
}

/** One stationary tracker per MMSI over positions in time order per vessel (any order across vessels). */
export class StopScanner {
  private readonly stops: Stop[] = [];
  private readonly trackers = new Map<number, StationaryTracker>();
  private readonly sink = (s: Stop): void => void this.stops.push(s);
  private lastMmsi = -1;
  private lastTracker: StationaryTracker | null = null;
  private firstMs = Infinity;
  private lastMs = -Infinity;
  private positions = 0;

  constructor(private readonly p: AnchorageParams = ANCHORAGE_PARAMS) {}

  push(mmsi: number, lat: number, lon: number, timeMs: number): void {
    this.positions++;
    if (timeMs < this.firstMs) this.firstMs = timeMs;
    if (timeMs > this.lastMs) this.lastMs = timeMs;
    // A store read by vessel gives long runs of one MMSI: skip the map lookup within a run.
    let t = mmsi === this.lastMmsi ? this.lastTracker : this.trackers.get(mmsi);
    if (!t) {
      const p = this.p;
      this.trackers.set(mmsi, (t = new StationaryTracker(mmsi, p.stationaryRadiusM, p.minStationaryMinFloor * 60_000, p.minStopPositions, this.sink)));
    }
    this.lastMmsi = mmsi;
    this.lastTracker = t;
    t.push(lat, lon, timeMs);
  }

  /** End of input: periods still open count if long enough. */
  finish(): StopScan {
    for (const t of this.trackers.values()) t.finish();
    const n = this.positions;
    return { stops: this.stops, firstMs: n ? this.firstMs : null, lastMs: n ? this.lastMs : null, positions: n };
  }
}

/** Stops of at least `minStationaryMinFloor` (the learner applies the span-scaled minimum). */
export async function scanStops(batches: AsyncIterable<Position[]>, p: AnchorageParams = ANCHORAGE_PARAMS): Promise<StopScan> {
  const scanner = new StopScanner(p);
  for await (const batch of batches) for (const pos of batch) scanner.push(pos.mmsi, pos.lat, pos.lon, pos.timeMs);
  return scanner.finish();
}

/** The same scan over typed-column chunks. */
export async function scanStopColumns(chunks: AsyncIterable<FixColumns>, p: AnchorageParams = ANCHORAGE_PARAMS): Promise<StopScan> {
  const scanner = new StopScanner(p);
  for await (const c of chunks) {
    const { mmsi, lat, lon, timeMs } = c;
    for (let i = 0; i < c.length; i++) scanner.push(mmsi[i]!, lat[i]!, lon[i]!, timeMs[i]!);
  }
  return scanner.finish();
}

/** Learned anchorages over the scan's span, and the port areas (learned + gazetteer fallback) they make. */
export function portAreasFrom(scan: StopScan, gazetteer: readonly Port[] = allPorts()): { learned: LearnResult; areas: PortAreas } {
  const spanDays = scan.firstMs === null || scan.lastMs === null ? 0 : (scan.lastMs - scan.firstMs) / 86_400_000;
  const learned = learnAnchorages(scan.stops, spanDays, gazetteer);
  return { learned, areas: new PortAreas(learned.anchorages, gazetteer) };
}
