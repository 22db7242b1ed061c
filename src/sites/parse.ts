// Observations from CSV (site_id,time,<count columns>,vessel_lengths_m,image_ref,analyst,note,source[,id])
// or JSON (an array of observation objects, or {"observations":[...]}), validated one by one: a bad row is
// a reject with its reason; an observation of an unknown site is a reject, never a new site.
import { parseCsvWithHeader } from '../lists/csv.js';
import { fnv1a64Hex } from '../detectors/event-id.js';
import { COUNT_CATEGORIES, type CountCategory, type Observation } from './types.js';

export type Rejects = Record<string, number>;

const str = (v: unknown): string | null => (v === undefined || v === null || String(v).trim() === '' ? null : String(v).trim().slice(0, 2000));

/** One observation from a loose record, or the reason it is rejected. */
export function observationOf(rec: Record<string, unknown>, knownSites: ReadonlySet<string>): Observation | string {
  const site = str(rec.site_id);
  if (!site) return 'missing_site_id';
  if (!knownSites.has(site)) return 'unknown_site';
  const timeRaw = str(rec.time);
  const t = timeRaw === null ? NaN : Date.parse(timeRaw);
  if (!Number.isFinite(t)) return 'bad_time';
  const counts: Partial<Record<CountCategory, number>> = {};
  const src = (rec.counts && typeof rec.counts === 'object' ? rec.counts : rec) as Record<string, unknown>;
  for (const k of COUNT_CATEGORIES) {
    const v = str(src[k]);
    if (v === null) continue;
    const n = Number(v);
    if (!Number.isInteger(n)) return 'bad_count';
    if (n < 0) return 'negative_count';
    counts[k] = n;
  }
  for (const k of Object.keys(rec.counts && typeof rec.counts === 'object' ? (rec.counts as object) : {})) {
    if (!(COUNT_CATEGORIES as readonly string[]).includes(k)) return 'unknown_category';
  }
  if (Object.keys(counts).length === 0) return 'no_counts';
  const rawLengths = Array.isArray(rec.vessel_lengths_m) ? rec.vessel_lengths_m : (str(rec.vessel_lengths_m) ?? '').split(/[ ;|]+/).filter((x) => x !== '');
  const lengths = rawLengths.map(Number);
  if (lengths.some((x) => !Number.isFinite(x) || x <= 0)) return 'bad_vessel_length';
  const time = new Date(t).toISOString().replace('.000Z', 'Z');
  const id = str(rec.id) ?? `obs-${fnv1a64Hex(`${site}|${time}|${JSON.stringify(counts)}`)}`;
  return { id, site_id: site, time, counts, vessel_lengths_m: lengths, image_ref: str(rec.image_ref), analyst: str(rec.analyst), note: str(rec.note), source: str(rec.source) };
}

export function parseObservations(text: string, knownSites: ReadonlySet<string>): { items: Observation[]; rejects: Rejects } {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  let records: Array<Record<string, unknown>>;
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let parsed: unknown;
    try { parsed = JSON.parse(trimmed); } catch (err) { throw new Error(`observations: not valid JSON (${(err as Error).message})`); }
    const list = Array.isArray(parsed) ? parsed : (parsed as { observations?: unknown }).observations;
    if (!Array.isArray(list)) throw new Error('observations: JSON must be an array of observations or {"observations": [...]}');
    records = list as Array<Record<string, unknown>>;
  } else {
    const { header, rows } = parseCsvWithHeader(trimmed);
    if (!header.includes('site_id') || !header.includes('time')) throw new Error('observations: CSV header needs site_id and time (and count columns such as rail_cars, ore_cars, tank_cars)');
    records = rows;
  }
  const items: Observation[] = [];
  const rejects: Rejects = {};
  for (const r of records) {
    const o = r && typeof r === 'object' ? observationOf(r, knownSites) : 'not_an_object';
    if (typeof o === 'string') rejects[o] = (rejects[o] ?? 0) + 1;
    else items.push(o);
  }
  return { items, rejects };
}
