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
  // Per cell, a sorted series of hour buckets with prefix sums: a query costs one binary search per cell in
  // the radius, not one hash lookup per cell × hour of the gap (long gaps over 10 M positions made that
  // the largest single cost of the pipeline).
  private readonly all = new Map<number, HourSeries>();
  private readonly terrestrial = new Map<number, HourSeries>();

  static restore(state: ReceptionState): ReceptionIndex {
    const r = new ReceptionIndex();
    for (const [k, n] of state.all) addTo(r.all, Math.floor(k / HOUR_BITS), k - Math.floor(k / HOUR_BITS) * HOUR_BITS, n);
    for (const [k, n] of state.terrestrial) addTo(r.terrestrial, Math.floor(k / HOUR_BITS), k - Math.floor(k / HOUR_BITS) * HOUR_BITS, n);
    return r;
  }

  /** One received position; `satellite` when it came through a satellite. */
  add(lat: number, lon: number, timeMs: number, satellite = false): void {
    const cell = cellOf(rowOf(lat), colOf(lon));
    const hour = wrapHour(Math.floor(timeMs / MS_PER_HOUR));
    addTo(this.all, cell, hour, 1);
    if (!satellite) addTo(this.terrestrial, cell, hour, 1);
  }

  /** Counts positions in cells whose centre is within the radius, over whole hours strictly inside
   *  (fromMs, toMs) — so the dark vessel's own last and first fixes are not counted. */
  positionsPerDay(lat: number, lon: number, fromMs: number, toMs: number, radiusKm: number, terrestrialOnly = false): number {
    const layer = terrestrialOnly ? this.terrestrial : this.all;
    const h0 = Math.floor(fromMs / MS_PER_HOUR) + 1;
    const h1 = Math.floor(toMs / MS_PER_HOUR) - 1;
    if (h1 < h0) return 0;
    const hours = h1 - h0 + 1;
    const r0 = rowOf(lat), c0 = colOf(lon);
    const kmPerDegLon = 111.2 * Math.max(Math.cos((lat * Math.PI) / 180), 0.1);
    const dr = Math.ceil(radiusKm / 111.2 / RECEPTION_CELL_DEG);
    const dc = Math.ceil(radiusKm / kmPerDegLon / RECEPTION_CELL_DEG);
    let n = 0;
    for (let r = r0 - dr; r <= r0 + dr; r++) {
      for (let c = c0 - dc; c <= c0 + dc; c++) {
        const dy = (r - r0) * RECEPTION_CELL_DEG * 111.2, dx = (c - c0) * RECEPTION_CELL_DEG * kmPerDegLon;
        if (dx * dx + dy * dy > radiusKm * radiusKm) continue;
        const series = layer.get(cellOf(r, c));
        if (series) n += series.countOver(wrapHour(h0), hours);
      }
    }
    return (n / hours) * 24;
  }

  snapshot(): ReceptionState {
    return { all: pairsOf(this.all), terrestrial: pairsOf(this.terrestrial) };
  }
}

/** One cell's counts per hour (hour mod 2^20, as in the snapshot keys). In time order (a live feed, or one
 *  vessel's track) an add appends or bumps the last bucket in O(1); an add into the past goes to a pending
 *  map, merged in (sort once) at the next query of this cell — so `add` after queries stays correct. */
class HourSeries {
  /** Distinct hours, ascending. */
  private hours: number[] = [];
  /** prefix[i] = positions in hours[0 .. i-1]; prefix.length = hours.length + 1. */
  private prefix: number[] = [0];
  private pending: Map<number, number> | null = null;

  add(hour: number, n: number): void {
    if (this.pending === null) {
      const len = this.hours.length;
      if (len === 0 || hour > this.hours[len - 1]!) {
        this.hours.push(hour);
        this.prefix.push(this.prefix[len]! + n);
        return;
      }
      if (hour === this.hours[len - 1]) {
        this.prefix[len]! += n;
        return;
      }
      this.pending = new Map();
    }
    this.pending.set(hour, (this.pending.get(hour) ?? 0) + n);
  }

  /** Positions in the `count` consecutive hours from `hour0` (already wrapped), wrapping at 2^20 exactly
   *  as the hour keys do. */
  countOver(hour0: number, count: number): number {
    this.merge();
    const cycles = Math.floor(count / HOUR_BITS);
    const rest = count - cycles * HOUR_BITS;
    let n = cycles * this.prefix[this.hours.length]!;
    if (rest > 0) {
      const last = hour0 + rest - 1;
      n += last < HOUR_BITS ? this.between(hour0, last) : this.between(hour0, HOUR_BITS - 1) + this.between(0, last - HOUR_BITS);
    }
    return n;
  }

  /** [hour, count] pairs, ascending. */
  entries(): Array<[number, number]> {
    this.merge();
    return this.hours.map((h, i) => [h, this.prefix[i + 1]! - this.prefix[i]!]);
  }

  /** Positions in hours a..b inclusive. */
  private between(a: number, b: number): number {
    return this.prefix[lowerBound(this.hours, b + 1)]! - this.prefix[lowerBound(this.hours, a)]!;
  }

  private merge(): void {
    const pending = this.pending;
    if (pending === null) return;
    this.pending = null;
    for (let i = 0; i < this.hours.length; i++) {
      const h = this.hours[i]!;
      pending.set(h, (pending.get(h) ?? 0) + this.prefix[i + 1]! - this.prefix[i]!);
    }
    const sorted = Float64Array.from(pending.keys()).sort();
    this.hours = Array.from(sorted);
    this.prefix = new Array<number>(sorted.length + 1);
    this.prefix[0] = 0;
    for (let i = 0; i < sorted.length; i++) this.prefix[i + 1] = this.prefix[i]! + pending.get(sorted[i]!)!;
  }
}

/** First index whose value is ≥ x. */
function lowerBound(xs: number[], x: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function addTo(layer: Map<number, HourSeries>, cell: number, hour: number, n: number): void {
  let series = layer.get(cell);
  if (!series) layer.set(cell, (series = new HourSeries()));
  series.add(hour, n);
}

function pairsOf(layer: Map<number, HourSeries>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [cell, series] of layer) for (const [h, n] of series.entries()) out.push([cell * HOUR_BITS + h, n]);
  return out;
}

const wrapHour = (hour: number): number => ((hour % HOUR_BITS) + HOUR_BITS) % HOUR_BITS;
const cellOf = (r: number, c: number): number => r * COLS + (((c % COLS) + COLS) % COLS);
const rowOf = (lat: number): number => Math.floor((lat + 90) / RECEPTION_CELL_DEG);
const colOf = (lon: number): number => Math.floor((lon + 180) / RECEPTION_CELL_DEG);
