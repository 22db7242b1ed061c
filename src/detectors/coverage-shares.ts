// How well a station covering a claimed place hears the other Class A ships there: its share of their
// reports in the claimed cell and its neighbours (the place must lie inside its reach, not at a ragged
// edge), and the share of the nearest ships it hears at all (an edge runs between whole ships).
import type { CoverageGrid } from './coverage-grid.js';
import { othersHeard, othersTotal, othersUp, ownSlot, type CoverageParams, type CoverageTables } from './coverage-tables.js';

/**
 * The station's share of the Class A reports heard in the claimed cell, and the lowest over the cell's
 * measured neighbours: the place must lie well inside its coverage, not at a ragged edge that one part of
 * a cell reaches and another does not. null when the claimed cell itself is not measured.
 */
export function interiorShare(t: CoverageTables, grid: CoverageGrid, p: CoverageParams, station: string, r0: number, c0: number, mmsi?: number): number | null {
  let min: number | null = null;
  for (let dr = -1; dr <= 1; dr++) {
    for (let dc = -1; dc <= 1; dc++) {
      const cell = grid.key(r0 + dr, c0 + dc);
      const own = ownSlot(t, cell, mmsi);
      const total = othersTotal(t, cell, own);
      if (total < p.minClassAReportsPerCell) {
        if (dr === 0 && dc === 0) return null;
        continue;
      }
      // A measured cell where it never heard anyone lies beyond its reach (as far as the data shows): 0.
      // One it heard, but where too few reports were claimed while it was up, says nothing.
      const up = t.cells.get(cell)?.has(station) ? othersUp(t, cell, station, own) : total;
      if (up < p.minClassAReportsPerCell) {
        if (dr === 0 && dc === 0) return null;
        continue;
      }
      const share = othersHeard(t, cell, station, own) / up;
      if (min === null || share < min) min = share;
    }
  }
  return min;
}

/**
 * Reception is a place: of the `nearestShipsForShare` Class A ships (other than `mmsi`, with at least
 * `minShipReportsForShare` reports in a cell) whose mean place in the claimed cell or a neighbour lies
 * nearest the claim, the share of which the station heard at least `minShipHeardShare` of their reports
 * there. null when fewer than `minShipsPerCell` are measured.
 */
export function nearShipShare(t: CoverageTables, grid: CoverageGrid, p: CoverageParams, station: string, lat: number, lon: number, r0: number, c0: number, mmsi: number | undefined): number | null {
  const k = p.nearestShipsForShare;
  const kx = Math.cos((lat * Math.PI) / 180);
  const dist: number[] = [], ok: boolean[] = []; // the k nearest so far, ascending
  for (let dr = -1; dr <= 1; dr++) {
    for (let dc = -1; dc <= 1; dc++) {
      const cell = grid.key(r0 + dr, c0 + dc);
      const ships = t.ships.get(cell);
      if (!ships) continue;
      const at = t.cells.get(cell)?.get(station);
      const heard = at?.heardShips ?? null, upReports = at?.shipsUp ?? null;
      for (let i = 0; i < ships.mmsis.length; i++) {
        const reports = ships.reports[i]!;
        // Measured by this station only on the reports claimed while it was up.
        const up = upReports?.[i] ?? 0;
        if (ships.mmsis[i] === mmsi || reports < p.minShipReportsForShare || up < p.minShipReportsForShare) continue;
        const dy = ships.lat[i]! / reports - lat, dx = (ships.lon[i]! / reports - lon) * kx;
        const d = dx * dx + dy * dy;
        if (dist.length === k && d >= dist[k - 1]!) continue;
        let j = dist.length === k ? k - 1 : dist.length;
        while (j > 0 && dist[j - 1]! > d) { dist[j] = dist[j - 1]!; ok[j] = ok[j - 1]!; j--; }
        dist[j] = d;
        ok[j] = heard !== null && (heard[i] ?? 0) >= p.minShipHeardShare * up;
      }
    }
  }
  if (dist.length < p.minShipsPerCell) return null;
  let h = 0;
  for (let j = 0; j < dist.length; j++) if (ok[j]) h++;
  return h / dist.length;
}
