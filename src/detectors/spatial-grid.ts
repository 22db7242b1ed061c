// A latitude-row grid for "who is within D metres of whom" without comparing all pairs. Rows are D metres
// tall; each row's cells are at least D metres wide at the row's poleward edge, so two points within D
// metres always sit in the same or neighbouring cells (rows r-1..r+1, and in each row the cell of the
// point's longitude ±1). Longitude wraps at ±180°.
//
// Keys are small integers (row * 2^15 + column mod 2^15) so the Map hashes V8 small integers, not heap
// doubles; two columns 2^15 cells apart (> 16,000 km) share a key, which only adds candidates that the
// caller's distance check drops.
import { EARTH_RADIUS_M } from '../geo/sphere.js';

const RAD = Math.PI / 180;
const COL_BITS = 15;
const COL_MASK = (1 << COL_BITS) - 1;

export class LatRowGrid {
  readonly rowDeg: number;
  private readonly cells = new Map<number, number[]>();
  private readonly colDegByRow = new Map<number, number>();
  /** Reused by `neighbours` (at most 9 cell lists). */
  private readonly found: number[][] = [];

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

  private key(row: number, col: number): number {
    return row * (COL_MASK + 1) + (col & COL_MASK);
  }

  insert(lat: number, lon: number, item: number): void {
    const r = this.row(lat);
    const w = this.colDeg(r);
    const ncols = Math.ceil(360 / w);
    const key = this.key(r, Math.floor((lon + 180) / w) % ncols);
    const list = this.cells.get(key);
    if (list) list.push(item);
    else this.cells.set(key, [item]);
  }

  /** The item lists of the 3×3 neighbourhood of (lat, lon) — a superset of the items within cellM. The
   *  returned array is reused by the next call. */
  neighbours(lat: number, lon: number): readonly number[][] {
    const out = this.found;
    out.length = 0;
    const r0 = this.row(lat);
    for (let r = r0 - 1; r <= r0 + 1; r++) {
      const w = this.colDeg(r);
      const ncols = Math.ceil(360 / w);
      const c0 = Math.floor((lon + 180) / w);
      const first = out.length;
      for (let dc = -1; dc <= 1; dc++) {
        const c = (((c0 + dc) % ncols) + ncols) % ncols;
        const list = this.cells.get(this.key(r, c));
        if (list && !out.includes(list, first)) out.push(list);
      }
    }
    return out;
  }

  /** Calls `visit` for every item in the 3×3 neighbourhood of (lat, lon). */
  forNeighbours(lat: number, lon: number, visit: (item: number) => void): void {
    for (const list of this.neighbours(lat, lon)) for (const item of list) visit(item);
  }

  clear(): void {
    this.cells.clear();
  }
}
