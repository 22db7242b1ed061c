// Change flags on a site's count series: a count far above its recent baseline. Baseline = the largest of
// the previous `window` observations of that category, or the site's documented baseline (its sources'
// "at most N before") when there is no history. Flag when count ≥ factor × baseline and count − baseline
// ≥ minIncrease (so 2 → 5 wagons is not news, 20 → 73 is).
import { COUNT_CATEGORIES, type Observation, type Site } from './types.js';

export const CHANGE_PARAMS = { window: 6, factor: 2, minIncrease: 10 } as const;

export interface SeriesPoint extends Observation {
  total_rail_cars: number | null;
  flags: Array<{ category: string; count: number; baseline: number; basis: 'history' | 'documented' }>;
}

/** Total rail cars: the explicit total, else the sum of the car types. */
function railTotal(c: Observation['counts']): number | null {
  if (c.rail_cars !== undefined) return c.rail_cars;
  const parts = [c.ore_cars, c.tank_cars, c.box_cars, c.flat_cars].filter((x): x is number => x !== undefined);
  return parts.length ? parts.reduce((a, b) => a + b, 0) : null;
}

export function seriesWithFlags(site: Site, observations: readonly Observation[], p = CHANGE_PARAMS): SeriesPoint[] {
  const sorted = [...observations].sort((a, b) => a.time.localeCompare(b.time));
  const out: SeriesPoint[] = [];
  for (const o of sorted) {
    const flags: SeriesPoint['flags'] = [];
    const total = railTotal(o.counts);
    const values: Array<[string, number]> = [...COUNT_CATEGORIES.filter((k) => k !== 'rail_cars' && o.counts[k] !== undefined).map((k) => [k, o.counts[k]!] as [string, number])];
    if (total !== null) values.push(['rail_cars', total]);
    for (const [cat, count] of values) {
      const prev = out.slice(-p.window).map((x) => (cat === 'rail_cars' ? x.total_rail_cars : (x.counts as Record<string, number | undefined>)[cat])).filter((x): x is number => x !== null && x !== undefined);
      const documented = (site.baseline_max as Record<string, number | undefined>)[cat];
      const basis = prev.length ? 'history' : documented !== undefined ? 'documented' : null;
      if (!basis) continue;
      const baseline = basis === 'history' ? Math.max(...prev) : documented!;
      if (count >= p.factor * Math.max(baseline, 1) && count - baseline >= p.minIncrease) flags.push({ category: cat, count, baseline, basis });
    }
    out.push({ ...o, total_rail_cars: total, flags });
  }
  return out;
}
