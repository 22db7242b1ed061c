// Sites watched on imagery (rail yards, piers, berths, border crossings) and the counts analysts make there.
export type SiteKind = 'rail_yard' | 'pier' | 'berth' | 'border_crossing';
export const SITE_KINDS: readonly SiteKind[] = ['rail_yard', 'pier', 'berth', 'border_crossing'];

/** Count categories; vessels alongside also carry their lengths. */
export const COUNT_CATEGORIES = ['ore_cars', 'tank_cars', 'box_cars', 'flat_cars', 'rail_cars', 'locomotives', 'containers', 'vessels'] as const;
export type CountCategory = (typeof COUNT_CATEGORIES)[number];

export interface Site {
  id: string;
  name: string;
  kind: SiteKind;
  country: string;
  lat: number;
  lon: number;
  /** Optional footprint polygon [[lon, lat], ...]. */
  polygon: Array<[number, number]> | null;
  source: string;
  /** What sources say was normal before the series starts, per category (for change flags with no history). */
  baseline_max: Partial<Record<CountCategory, number>>;
  note: string | null;
}

export interface Observation {
  id: string;
  site_id: string;
  /** ISO-8601 UTC (image acquisition). */
  time: string;
  counts: Partial<Record<CountCategory, number>>;
  /** Lengths in metres of vessels alongside, when measured. */
  vessel_lengths_m: number[];
  image_ref: string | null;
  analyst: string | null;
  note: string | null;
  source: string | null;
}
