// Spatial cells of the multi-vessel detectors (SPATIAL_CELL_PARAMS): squares of cellDeg degrees hashed to
// `cells` cells, so a regional data set still spreads over all of them. A cell is fed the positions within
// haloM of its squares and owns the events placed in its squares: each event is reported by exactly one.
import { SPATIAL_CELL_PARAMS } from './params.js';

export interface CellFilter {
  /** This cell's detectors are fed a position here (in its squares or their halo). */
  feeds(lat: number, lon: number): boolean;
  /** An event placed here is this cell's to report. */
  owns(lat: number, lon: number): boolean;
}

const M_PER_DEG_LAT = 111_320;

export function spatialCell(cell: number, cells: number, params: { cellDeg: number; haloM: number } = SPATIAL_CELL_PARAMS): CellFilter {
  if (!Number.isInteger(cells) || cells < 1 || !Number.isInteger(cell) || cell < 0 || cell >= cells) throw new Error(`spatial cell ${cell} of ${cells}: expected 0 ≤ cell < cells`);
  const { cellDeg, haloM } = params;
  const lonSquares = Math.round(360 / cellDeg);
  const cellOf = (iLat: number, iLon: number): number => {
    const wrapped = ((iLon % lonSquares) + lonSquares) % lonSquares;
    return ((Math.imul(iLat, 0x9e3779b1) ^ Math.imul(wrapped, 0x85ebca6b)) >>> 0) % cells;
  };
  const haloLatDeg = haloM / M_PER_DEG_LAT;
  return {
    owns: (lat, lon) => cells === 1 || cellOf(Math.floor(lat / cellDeg), Math.floor(lon / cellDeg)) === cell,
    feeds(lat, lon) {
      if (cells === 1) return true;
      const cos = Math.cos((lat * Math.PI) / 180);
      // Near the poles a halo spans every longitude: feed them all (few ships, no harm).
      if (cos < haloLatDeg / 90) return true;
      const haloLonDeg = Math.min(180, haloLatDeg / cos);
      const lat0 = Math.floor((lat - haloLatDeg) / cellDeg), lat1 = Math.floor((lat + haloLatDeg) / cellDeg);
      const lon0 = Math.floor((lon - haloLonDeg) / cellDeg), lon1 = Math.floor((lon + haloLonDeg) / cellDeg);
      for (let i = lat0; i <= lat1; i++) for (let j = lon0; j <= lon1; j++) if (cellOf(i, j) === cell) return true;
      return false;
    },
  };
}
