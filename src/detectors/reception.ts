// The reception index: how many positions (of any vessel) were received per 0.1° cell per UTC hour, in two
// layers — all sources, and coastal (terrestrial or unknown-source) receptions only. The gap detector asks
// it how well the area around a gap was covered *during* the gap — a vessel that is dark contributes
// nothing to the hours inside its own gap, so the count is of OTHER vessels' positions. GFW's gap methods
// use the same idea (satellite reception quality per 1° cell per day).
//
// In a file replay the pipeline fills the index in a first pass over all positions, then runs the
// detectors, so every gap is judged on the complete window. In a live feed the index fills as positions
// arrive: a gap is judged when it closes, by which time the hours inside it have been received.
import { MS_PER_HOUR } from '../geo/sphere.js';

export const RECEPTION_CELL_DEG = 0.1;
const COLS = Math.round(360 / RECEPTION_CELL_DEG);
/** Keys are cell × 2^20 + (hour mod 2^20): one number, one Map lookup (2^20 h ≈ 120 years). */
const HOUR_BITS = 2 ** 20;

export interface ReceptionQuery {
  /** Mean positions per day received within ~radiusKm of (lat, lon) between fromMs and toMs; with
   *  `terrestrialOnly`, satellite receptions are left out. */
  positionsPerDay(lat: number, lon: number, fromMs: number, toMs: number, radiusKm: number, terrestrialOnly?: boolean): number;
}

export interface ReceptionState {
  /** [key, count] pairs, all sources (key = cell × 2^20 + hour mod 2^20). */
  all: Array<[number, number]>;
  /** The same, terrestrial (or unknown-source) receptions only. */
  terrestrial: Array<[number, number]>;
}

export class ReceptionIndex implements ReceptionQuery {
  private readonly all = new Map<number, number>();
  private readonly terrestrial = new Map<number, number>();

  static restore(state: ReceptionState): ReceptionIndex {
    const r = new ReceptionIndex();
    for (const [k, n] of state.all) r.all.set(k, n);
    for (const [k, n] of state.terrestrial) r.terrestrial.set(k, n);
    return r;
  }

  /** One received position; `satellite` when it came through a satellite. */
  add(lat: number, lon: number, timeMs: number, satellite = false): void {
    const k = key(cellOf(rowOf(lat), colOf(lon)), Math.floor(timeMs / MS_PER_HOUR));
    this.all.set(k, (this.all.get(k) ?? 0) + 1);
    if (!satellite) this.terrestrial.set(k, (this.terrestrial.get(k) ?? 0) + 1);
  }

  /** Counts positions in cells whose centre is within the radius, over whole hours strictly inside
   *  (fromMs, toMs) — so the dark vessel's own last and first fixes are not counted. */
  positionsPerDay(lat: number, lon: number, fromMs: number, toMs: number, radiusKm: number, terrestrialOnly = false): number {
    const layer = terrestrialOnly ? this.terrestrial : this.all;
    const h0 = Math.floor(fromMs / MS_PER_HOUR) + 1;
    const h1 = Math.floor(toMs / MS_PER_HOUR) - 1;
    if (h1 < h0) return 0;
    const r0 = rowOf(lat), c0 = colOf(lon);
    const kmPerDegLon = 111.2 * Math.max(Math.cos((lat * Math.PI) / 180), 0.1);
    const dr = Math.ceil(radiusKm / 111.2 / RECEPTION_CELL_DEG);
    const dc = Math.ceil(radiusKm / kmPerDegLon / RECEPTION_CELL_DEG);
    let n = 0;
    for (let r = r0 - dr; r <= r0 + dr; r++) {
      for (let c = c0 - dc; c <= c0 + dc; c++) {
        const dy = (r - r0) * RECEPTION_CELL_DEG * 111.2, dx = (c - c0) * RECEPTION_CELL_DEG * kmPerDegLon;
        if (dx * dx + dy * dy > radiusKm * radiusKm) continue;
        const cell = cellOf(r, c);
        for (let h = h0; h <= h1; h++) n += layer.get(key(cell, h)) ?? 0;
      }
    }
    return (n / (h1 - h0 + 1)) * 24;
  }

  snapshot(): ReceptionState {
    return { all: [...this.all], terrestrial: [...this.terrestrial] };
  }
}

const key = (cell: number, hour: number): number => cell * HOUR_BITS + (((hour % HOUR_BITS) + HOUR_BITS) % HOUR_BITS);
const cellOf = (r: number, c: number): number => r * COLS + (((c % COLS) + COLS) % COLS);
const rowOf = (lat: number): number => Math.floor((lat + 90) / RECEPTION_CELL_DEG);
const colOf = (lon: number): number => Math.floor((lon + 180) / RECEPTION_CELL_DEG);
