// Which hours anyone was heard in each 1° cell: the store's own coverage, to tell "this ship fell silent"
// from "nobody was recorded here" (a hole between two capture files, a receiver outage). One bit per
// cell-hour, grown as time advances: a year over 20,000 busy cells is ~22 MB.
import { MS_PER_HOUR } from '../geo/sphere.js';

const CELL_DEG = 1;
const COLS = 360 / CELL_DEG;

export interface CoverageHoursState {
  originH: number | null;
  cells: Array<[number, number[]]>;
}

export class CoverageHours {
  private originH: number | null = null;
  private readonly cells = new Map<number, Uint8Array>();

  constructor(state?: CoverageHoursState) {
    if (!state) return;
    this.originH = state.originH;
    for (const [k, bytes] of state.cells) this.cells.set(k, Uint8Array.from(bytes));
  }

  add(lat: number, lon: number, timeMs: number): void {
    const h = Math.floor(timeMs / MS_PER_HOUR);
    if (this.originH === null) this.originH = h;
    const i = h - this.originH;
    if (i < 0) return; // before the first report: outside what this index covers
    const k = cellOf(lat, lon);
    let bits = this.cells.get(k);
    if (!bits || bits.length * 8 <= i) {
      const grown = new Uint8Array(Math.max(16, (i >> 3) + 1, (bits?.length ?? 0) * 2));
      if (bits) grown.set(bits);
      this.cells.set(k, (bits = grown));
    }
    bits[i >> 3]! |= 1 << (i & 7);
  }

  /** The longest run of whole hours strictly inside (fromMs, toMs) in which nobody was heard within one
   *  cell (≈ 60–110 km) of any of `places`. */
  longestSilenceH(places: ReadonlyArray<{ lat: number; lon: number }>, fromMs: number, toMs: number): number {
    if (this.originH === null) return Math.max(0, (toMs - fromMs) / MS_PER_HOUR);
    const keys = new Set<number>();
    for (const p of places) {
      for (let dy = -CELL_DEG; dy <= CELL_DEG; dy += CELL_DEG) {
        for (let dx = -CELL_DEG; dx <= CELL_DEG; dx += CELL_DEG) keys.add(cellOf(p.lat + dy, p.lon + dx));
      }
    }
    const bitsList = [...keys].map((k) => this.cells.get(k)).filter((b): b is Uint8Array => b !== undefined);
    const h0 = Math.floor(fromMs / MS_PER_HOUR) + 1, h1 = Math.ceil(toMs / MS_PER_HOUR) - 1;
    let longest = 0, run = 0;
    for (let h = h0; h <= h1; h++) {
      const i = h - this.originH;
      const heard = i >= 0 && bitsList.some((b) => (i >> 3) < b.length && (b[i >> 3]! & (1 << (i & 7))) !== 0);
      run = heard ? 0 : run + 1;
      if (run > longest) longest = run;
    }
    return longest;
  }

  snapshot(): CoverageHoursState {
    return { originH: this.originH, cells: [...this.cells].map(([k, b]) => [k, [...b]]) };
  }
}

function cellOf(lat: number, lon: number): number {
  const r = Math.min(179, Math.max(0, Math.floor(lat + 90)));
  const c = ((Math.floor(lon + 180) % COLS) + COLS) % COLS;
  return r * COLS + c;
}
