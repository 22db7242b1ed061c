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

/** Stops of at least `minStationaryMinFloor` (the learner applies the span-scaled minimum). */
export async function scanStops(batches: AsyncIterable<Position[]>, p: AnchorageParams = ANCHORAGE_PARAMS): Promise<StopScan> {
  const stops: Stop[] = [];
  const trackers = new Map<number, StationaryTracker>();
  const sink = (s: Stop): void => void stops.push(s);
  let firstMs = Infinity, lastMs = -Infinity, positions = 0;
  for await (const batch of batches) {
    for (const pos of batch) {
      positions++;
      if (pos.timeMs < firstMs) firstMs = pos.timeMs;
      if (pos.timeMs > lastMs) lastMs = pos.timeMs;
      let t = trackers.get(pos.mmsi);
      if (!t) trackers.set(pos.mmsi, (t = new StationaryTracker(pos.mmsi, p.stationaryRadiusM, p.minStationaryMinFloor * 60_000, p.minStopPositions, sink)));
      t.push(pos.lat, pos.lon, pos.timeMs);
    }
  }
  for (const t of trackers.values()) t.finish();
  return { stops, firstMs: positions ? firstMs : null, lastMs: positions ? lastMs : null, positions };
}

/** Learned anchorages over the scan's span, and the port areas (learned + gazetteer fallback) they make. */
export function portAreasFrom(scan: StopScan, gazetteer: readonly Port[] = allPorts()): { learned: LearnResult; areas: PortAreas } {
  const spanDays = scan.firstMs === null || scan.lastMs === null ? 0 : (scan.lastMs - scan.firstMs) / 86_400_000;
  const learned = learnAnchorages(scan.stops, spanDays, gazetteer);
  return { learned, areas: new PortAreas(learned.anchorages, gazetteer) };
}
