// The reception index: how many positions (of any vessel) were received per 0.5° cell per UTC hour. The gap
// detector asks it how well the area around a gap start was covered *during* the gap — a vessel that is
// dark contributes nothing to the hours inside its own gap, so the count is of OTHER vessels' positions.
// GFW's gap methods use the same idea (satellite reception quality per 1° cell per day).
//
// In a file replay the pipeline fills the index in a first pass over all positions, then runs the
// detectors, so every gap is judged on the complete window. In a live feed the index fills as positions
// arrive: a gap is judged when it closes, by which time the hours inside it have been received.
import { MS_PER_HOUR } from '../geo/sphere.js';

export const RECEPTION_CELL_DEG = 0.1;
const COLS = Math.round(360 / RECEPTION_CELL_DEG);

export interface ReceptionQuery {
  /** Mean positions per day received within ~radiusKm of (lat, lon) between fromMs and toMs; with
   *  `terrestrialOnly`, satellite receptions are left out. */
  positionsPerDay(lat: number, lon: number, fromMs: number, toMs: number, radiusKm: number, terrestrialOnly?: boolean): number;
}

export interface ReceptionState {
  /** cell key (row × cols + col) → { hour index → count }, all sources. */
  cells: Record<string, Record<number, number>>;
  /** The same, terrestrial (or unknown-source) receptions only. */
  terrestrial: Record<string, Record<number, number>>;
}

export class ReceptionIndex implements ReceptionQuery {
  private readonly cells = new Map<number, Map<number, number>>();
  private readonly terrestrial = new Map<number, Map<number, number>>();

  static restore(state: ReceptionState): ReceptionIndex {
    const r = new ReceptionIndex();
    for (const [from, to] of [[state.cells, r.cells], [state.terrestrial, r.terrestrial]] as const) {
      for (const [k, hours] of Object.entries(from)) to.set(Number(k), new Map(Object.entries(hours).map(([h, n]) => [Number(h), n])));
    }
    return r;
  }

  /** One received position; `satellite` when it came through a satellite. */
  add(lat: number, lon: number, timeMs: number, satellite = false): void {
    const k = cellKey(rowOf(lat), colOf(lon));
    const h = Math.floor(timeMs / MS_PER_HOUR);
    bump(this.cells, k, h);
    if (!satellite) bump(this.terrestrial, k, h);
  }

  /** Counts positions in cells whose centre is within the radius, over whole hours strictly inside
   *  (fromMs, toMs) — so the dark vessel's own last and first fixes are not counted. */
  positionsPerDay(lat: number, lon: number, fromMs: number, toMs: number, radiusKm: number, terrestrialOnly = false): number {
    const layer = terrestrialOnly ? this.terrestrial : this.cells;
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
        const hours = layer.get(cellKey(r, c));
        if (!hours) continue;
        if (h1 - h0 < hours.size) {
          for (let h = h0; h <= h1; h++) n += hours.get(h) ?? 0;
        } else {
          for (const [h, k] of hours) if (h >= h0 && h <= h1) n += k;
        }
      }
    }
    return (n / (h1 - h0 + 1)) * 24;
  }

  snapshot(): ReceptionState {
    const plain = (m: Map<number, Map<number, number>>) => {
      const o: ReceptionState['cells'] = {};
      for (const [k, hours] of m) o[k] = Object.fromEntries(hours);
      return o;
    };
    return { cells: plain(this.cells), terrestrial: plain(this.terrestrial) };
  }
}

const cellKey = (r: number, c: number): number => r * COLS + (((c % COLS) + COLS) % COLS);
const rowOf = (lat: number): number => Math.floor((lat + 90) / RECEPTION_CELL_DEG);
const colOf = (lon: number): number => Math.floor((lon + 180) / RECEPTION_CELL_DEG);

function bump(m: Map<number, Map<number, number>>, k: number, h: number): void {
  let hours = m.get(k);
  if (!hours) m.set(k, (hours = new Map()));
  hours.set(h, (hours.get(h) ?? 0) + 1);
}
