// A cell's counts per UTC hour as a sorted series with prefix sums: sums over any run of hours cost two binary
// searches. Shared by the reception index (positions per cell) and the hearing index (ship-hours per cell).

/** Hours are kept modulo 2^20 (≈ 120 years), so one number holds cell × 2^20 + hour in snapshots. */
export const HOUR_BITS = 2 ** 20;

export const wrapHour = (hour: number): number => ((hour % HOUR_BITS) + HOUR_BITS) % HOUR_BITS;

/** One cell's counts per hour (hour mod 2^20, as in the snapshot keys). In time order (a live feed, or one
 *  vessel's track) an add appends or bumps the last bucket in O(1); an add into the past goes to a pending
 *  map, merged in (sort once) at the next query of this cell — so `add` after queries stays correct. */
export class HourSeries {
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

  /** Hours of a..b inclusive (already wrapped, a ≤ b) that lie in runs of at least `minRun` consecutive
   *  hours without any count (a run is measured whole, also where it reaches beyond a or b). */
  emptyHoursInRuns(a: number, b: number, minRun: number): number {
    this.merge();
    const hs = this.hours;
    let i = lowerBound(hs, a);
    let prev = i > 0 ? hs[i - 1]! : -Infinity;
    let n = 0;
    for (;;) {
      const next = i < hs.length ? hs[i]! : b + 1;
      if (next - prev - 1 >= minRun) n += Math.max(0, Math.min(next - 1, b) - Math.max(prev + 1, a) + 1);
      if (next > b) return n;
      prev = next;
      i++;
    }
  }

  /** Adds the counts of the `out.length` hours from `hour0` (already wrapped; the run must not cross 2^20)
   *  into `out`, hour by hour. */
  addInto(out: Float64Array, hour0: number): void {
    this.merge();
    const hs = this.hours, end = hour0 + out.length;
    for (let i = lowerBound(hs, hour0); i < hs.length && hs[i]! < end; i++) out[hs[i]! - hour0]! += this.prefix[i + 1]! - this.prefix[i]!;
  }

  /** Forgets the hours before `hour` (already wrapped; hours are absolute until they wrap in 2089).
   *  Returns whether the series is empty now. */
  dropBefore(hour: number): boolean {
    this.merge();
    const i = lowerBound(this.hours, hour);
    if (i > 0) {
      const base = this.prefix[i]!;
      this.hours = this.hours.slice(i);
      const prefix = new Array<number>(this.hours.length + 1);
      for (let k = 0; k < prefix.length; k++) prefix[k] = this.prefix[i + k]! - base;
      this.prefix = prefix;
    }
    return this.hours.length === 0;
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

export function addTo(layer: Map<number, HourSeries>, cell: number, hour: number, n: number): void {
  let series = layer.get(cell);
  if (!series) layer.set(cell, (series = new HourSeries()));
  series.add(hour, n);
}

/** Forgets every series' hours before `hour` (absolute), and the series left empty. */
export function dropHoursBefore(layer: Map<number, HourSeries>, hour: number): void {
  const h = wrapHour(hour);
  for (const [cell, series] of layer) if (series.dropBefore(h)) layer.delete(cell);
}

export function pairsOf(layer: Map<number, HourSeries>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [cell, series] of layer) for (const [h, n] of series.entries()) out.push([cell * HOUR_BITS + h, n]);
  return out;
}

