// How far a claimed place lies from the nearest cell the hearing stations cover: a report heard only by
// stations whose coverage lies beyond `minOutsideKm` came from somewhere else.
import type { CoverageGrid } from './coverage-grid.js';
import type { CoverageParams, StationCell } from './coverage-tables.js';

/** Columns either side the nearest-coverage search reads at latitude `lat`. */
function searchCols(p: CoverageParams, lat: number): number {
  const kmLon = 111.2 * Math.max(Math.cos((lat * Math.PI) / 180), 0.1);
  return Math.ceil((2 * p.minOutsideKm) / kmLon / p.coverageCellDeg);
}

/** The cells within the search around cell (r0, c0) — at the widest it gets over the row's latitudes —
 *  that any of `stations` covers, as [row offset, column offset, …]. */
export function coveredNear(cells: Map<number, Map<string, StationCell>>, grid: CoverageGrid, p: CoverageParams, r0: number, c0: number, stations: readonly string[]): Int32Array {
  const deg = p.coverageCellDeg;
  const dr = Math.ceil((2 * p.minOutsideKm) / 111.2 / deg);
  const south = r0 * deg - 90, north = south + deg;
  const dcMax = Math.max(searchCols(p, south), searchCols(p, north)) + 1; // (+1: rounding at the edges)
  const out: number[] = [];
  for (let r = r0 - dr; r <= r0 + dr; r++) {
    for (let c = c0 - dcMax; c <= c0 + dcMax; c++) {
      const at = cells.get(grid.key(r, c));
      if (!at) continue;
      if (!stations.some((s) => (at.get(s)?.mmsis.length ?? 0) >= p.minShipsPerCell)) continue;
      out.push(r - r0, c - c0);
    }
  }
  return Int32Array.from(out);
}

/** Nearest covered cell of any of `stations` within 2 × minOutsideKm (km), or null, from the covered
 *  cells around the claimed cell (`near`, read by coveredNear). */
export function nearestCoverageKm(p: CoverageParams, lat: number, near: Int32Array): number | null {
  const deg = p.coverageCellDeg;
  const kmLon = 111.2 * Math.max(Math.cos((lat * Math.PI) / 180), 0.1);
  const searchKm = 2 * p.minOutsideKm;
  const dr = Math.ceil(searchKm / 111.2 / deg), dcMax = Math.ceil(searchKm / kmLon / deg);
  let best: number | null = null;
  for (let i = 0; i < near.length; i += 2) {
    const rr = near[i]!, cc = near[i + 1]!;
    if (rr < -dr || rr > dr || cc < -dcMax || cc > dcMax) continue;
    const km = Math.hypot(rr * deg * 111.2, cc * deg * kmLon);
    if (km <= searchKm && (best === null || km < best)) best = km;
  }
  return best;
}
