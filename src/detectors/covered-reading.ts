// The covered-list part of a spoofing judgement at one cell for one list of hearing stations: which other
// stations cover the place, whether a hearing one does too. Reports from one place heard by the same
// stations repeat it, so it is kept per cell until coverage near the cell grows.
import type { CoverageGrid } from './coverage-grid.js';

export interface CoveredReading {
  /** The claimed cell's local version when read: the covered lists of the cell and its neighbours held still since. */
  version: number;
  stations: readonly string[];
  /** The hearing stations, sorted. */
  heardBy: string[];
  /** Other stations covering the place (sorted), null when none. */
  covering: string[] | null;
  /** A hearing station covers the place too. */
  hearingCovers: boolean;
  /** Nearest coverage of the hearing stations (km, null: none near), read for a report at `nearestLat`. */
  nearestLat: number;
  nearestKm: number | null;
  /** [row offset, column offset, …] of the cells around the claimed cell that a hearing station covers, as
   *  far out as the nearest-coverage search reaches anywhere in the cell's latitudes (read once). */
  near: Int32Array | null;
  /** `coveredVersion` when `near` was read: it reaches further than the neighbours, so any new coverage voids it. */
  nearVersion: number;
}

/** Readings kept per claimed cell (one per distinct list of hearing stations seen there lately). */
export const READINGS_PER_CELL = 8;

export const sameStations = (a: readonly string[], b: readonly string[]): boolean => {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/** What the covered lists (cell → stations covering it) say about a report claimed in cell (r0, c0) heard by `stations`. */
export function readCovered(covered: Map<number, string[]>, grid: CoverageGrid, r0: number, c0: number, stations: readonly string[], version: number, coveredVersion: number): CoveredReading {
  let covering: Set<string> | null = null;
  let hearingCovers = false;
  for (let dr = -1; dr <= 1; dr++) {
    for (let dc = -1; dc <= 1; dc++) {
      const list = covered.get(grid.key(r0 + dr, c0 + dc));
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        const s = list[i]!;
        if (stations.includes(s)) hearingCovers = true;
        else (covering ??= new Set()).add(s);
      }
    }
  }
  return {
    version, stations, heardBy: [...stations].sort(),
    covering: covering === null ? null : [...covering].sort(), hearingCovers, nearestLat: NaN, nearestKm: null, near: null,
    nearVersion: coveredVersion,
  };
}
