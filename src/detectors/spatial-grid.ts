// A latitude-row grid for "who is within D metres of whom" without comparing all pairs. Rows are D metres
// tall; each row's cells are at least D metres wide at the row's poleward edge, so two points within D
// metres always sit in the same or neighbouring cells (rows r-1..r+1, and in each row the cell of the
// point's longitude ±1). Cells are keyed by one number; longitude wraps at ±180°.
import { EARTH_RADIUS_M } from '../geo/sphere.js';

const RAD = Math.PI / 180;
/** Keys are row * ROW_STRIDE + column; columns never exceed 360° / (tiny cell) < 1e7. */
const ROW_STRIDE = 1e8;

export class LatRowGrid {
  readonly rowDeg: number;
  private readonly cells = new Map<number, number[]>();
  private readonly colDegByRow = new Map<number, number>();

  /** `cellM`: the search distance in metres (cells are at least that big). */
  constructor(readonly cellM: number) {
    if (!(cellM > 0)) throw new Error(`LatRowGrid: cell size must be > 0 m, got ${cellM}`);
    this.rowDeg = cellM / (EARTH_RADIUS_M * RAD);
  }

  row(lat: number): number {
    return Math.floor(lat / this.rowDeg);
  }

  colDeg(row: number): number {
    let w = this.colDegByRow.get(row);
    if (w === undefined) {
      const edge = Math.min(89.9, Math.max(Math.abs(row * this.rowDeg), Math.abs((row + 1) * this.rowDeg)));
      w = Math.min(360, this.rowDeg / Math.cos(edge * RAD));
      this.colDegByRow.set(row, w);
    }
    return w;
  }

  insert(lat: number, lon: number, item: number): void {
    const r = this.row(lat);
    const w = this.colDeg(r);
    const ncols = Math.ceil(360 / w);
    const key = r * ROW_STRIDE + (Math.floor((lon + 180) / w) % ncols);
    const list = this.cells.get(key);
    if (list) list.push(item);
    else this.cells.set(key, [item]);
  }

  /** Calls `visit` for every item in the 3×3 neighbourhood of (lat, lon) — a superset of those within cellM. */
  forNeighbours(lat: number, lon: number, visit: (item: number) => void): void {
    const r0 = this.row(lat);
    for (let r = r0 - 1; r <= r0 + 1; r++) {
      const w = this.colDeg(r);
      const ncols = Math.ceil(360 / w);
      const c0 = Math.floor((lon + 180) / w);
      const seen = ncols <= 3 ? new Set<number>() : null;
      for (let dc = -1; dc <= 1; dc++) {
        const c = (((c0 + dc) % ncols) + ncols) % ncols;
        if (seen) {
          if (seen.has(c)) continue;
          seen.add(c);
        }
        const list = this.cells.get(r * ROW_STRIDE + c);
        if (list) for (const item of list) visit(item);
      }
    }
  }

  clear(): void {
    this.cells.clear();
  }
}
