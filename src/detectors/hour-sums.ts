// Sums of counts per hour over a place's cells (ship-hours from the hour series, plus silent ships' tails),
// over runs of hours: straight from the series for short holds, from prefix sums for places held long.
import { HourSeries, wrapHour } from './hour-series.js';

/** Counts per hour over a place's cells (with silent ships' tails where they count), summed over a run of
 *  absolute hours a..b inclusive. */
export interface HourSums {
  sum(a: number, b: number): number;
}

/** Places held for fewer hours are summed straight from the series. */
export const DENSE_MIN_HOURS = 8;
export const NO_SPANS: readonly number[] = [];

export class SeriesSums implements HourSums {
  constructor(private readonly series: readonly HourSeries[], private readonly spans: readonly number[]) {}
  sum(a: number, b: number): number {
    return sumOver(this.series, wrapHour(a), b - a + 1) + spanHours(this.spans, a, b);
  }
}

/** The counts of hours lo..hi laid out as prefix sums. */
export class DenseSums implements HourSums {
  private readonly prefix: Float64Array;
  constructor(series: readonly HourSeries[], spans: readonly number[], private readonly lo: number, hi: number, wrappedLo: number) {
    const n = hi - lo + 1;
    const counts = new Float64Array(n);
    for (let i = 0; i < series.length; i++) series[i]!.addInto(counts, wrappedLo);
    // Each tail adds one ship-hour to every hour from..to: a difference array, folded in below.
    const diff = new Float64Array(n + 1);
    for (let i = 0; i < spans.length; i += 2) {
      const from = Math.max(spans[i]!, lo), to = Math.min(spans[i + 1]!, hi);
      if (from > to) continue;
      diff[from - lo]!++;
      diff[to - lo + 1]!--;
    }
    const prefix = (this.prefix = new Float64Array(n + 1));
    let run = 0;
    for (let i = 0; i < n; i++) {
      run += diff[i]!;
      prefix[i + 1] = prefix[i]! + counts[i]! + run;
    }
  }
  sum(a: number, b: number): number {
    return this.prefix[b - this.lo + 1]! - this.prefix[a - this.lo]!;
  }
}

export const NO_SUMS: HourSums = { sum: () => 0 };

/** The series of `cells` that exist in `layer`, in the order of `cells`. */
export function seriesOf(layer: Map<number, HourSeries>, cells: readonly number[]): HourSeries[] {
  const out: HourSeries[] = [];
  for (let i = 0; i < cells.length; i++) {
    const s = layer.get(cells[i]!);
    if (s) out.push(s);
  }
  return out;
}

/** The tails in `cells`, flat as [from, to, …]. */
export function spansOf(byCell: Map<number, Array<[number, number]>>, cells: readonly number[]): number[] {
  const out: number[] = [];
  if (byCell.size === 0) return out;
  for (const c of cells) for (const [from, to] of byCell.get(c) ?? []) out.push(from, to);
  return out;
}

/** Silent ship-hours of the flat tails `spans` during hours a..b. */
export function spanHours(spans: readonly number[], a: number, b: number): number {
  let n = 0;
  for (let i = 0; i < spans.length; i += 2) {
    const from = spans[i]!, to = spans[i + 1]!;
    if (to >= a && from <= b) n += Math.min(to, b) - Math.max(from, a) + 1;
  }
  return n;
}

export function sumOver(series: readonly HourSeries[], hour0: number, hours: number): number {
  let n = 0;
  for (let i = 0; i < series.length; i++) n += series[i]!.countOver(hour0, hours);
  return n;
}
