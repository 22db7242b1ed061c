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

const EMPTY: readonly number[] = Object.freeze([]);
/** Bounds forNeighbours' cache (a row cell each position touched: ~10^5 over a region and a month). */
const MAX_CACHED_ROW_CELLS = 1_000_000;

export class LatRowGrid {
  readonly rowDeg: number;
  private readonly cells = new Map<number, number[]>();
  private readonly colDegByRow = new Map<number, number>();
  /** forNeighbours' lists per (row, column): the items of that row's three cells around the column. */
  private readonly rowCache = new Map<number, readonly number[]>();
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
    this.rowCache.clear();
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

  /** Calls `visit` for every item in the 3×3 neighbourhood of (lat, lon), in the order `neighbours` lists
   *  them. Each row's three cells are read as one list kept per (row, column) until the next insert: the
   *  port grids are built once and asked for every position (9 map reads per position before). */
  forNeighbours(lat: number, lon: number, visit: (item: number) => void): void {
    const r0 = this.row(lat);
    for (let r = r0 - 1; r <= r0 + 1; r++) {
      const list = this.rowCells(r, lon);
      for (let i = 0; i < list.length; i++) visit(list[i]!);
    }
  }

  /** The items of row `r`'s cells at lon's column ±1 (each cell once, in column order), cached. */
  private rowCells(r: number, lon: number): readonly number[] {
    const w = this.colDeg(r);
    const ncols = Math.ceil(360 / w);
    const c0 = Math.floor((lon + 180) / w);
    const key = this.key(r, ((c0 % ncols) + ncols) % ncols);
    let list = this.rowCache.get(key);
    if (list === undefined) {
      const lists: number[][] = [];
      for (let dc = -1; dc <= 1; dc++) {
        const c = (((c0 + dc) % ncols) + ncols) % ncols;
        const cell = this.cells.get(this.key(r, c));
        if (cell && !lists.includes(cell)) lists.push(cell);
      }
      list = lists.length === 0 ? EMPTY : lists.flat();
      if (this.rowCache.size >= MAX_CACHED_ROW_CELLS) this.rowCache.clear();
      this.rowCache.set(key, list);
    }
    return list;
  }

  clear(): void {
    this.cells.clear();
    this.rowCache.clear();
  }
}
