// Message-by-message comparison with gpsd's `gpsdecode -j` output: every field gpsd prints, aligned in
// order by (type, mmsi). Used by test/ais/gpsd-agreement.test.ts (stored gpsdecode output) and by
// bench/decode-agreement.ts (gpsdecode run live).
import type { AisMessage } from '../../src/ais/index.js';
import { GPSD_NOT_AVAILABLE } from '../../src/ais/applications.js';

/** gpsd's "not available" renderings; Tumen prints null (docs/decoding.md). */
const SENTINELS: Record<string, unknown[]> = {
  heading: [511], lat: [91, 54.6 /* 1/10' 91° */], lon: [181], speed: [102.3, 'nan', 1023, 63], course: [360, 511],
  turn: ['nan', 'n/a'], alt: [4095, 'nan'],
};
const NOT_FIELDS = new Set(['class', 'device', 'scaled']);

/**
 * DAC/FID application fields (src/ais/applications.ts): gpsd prints "not available" codes, Tumen null; gpsd
 * prints positions with 4 decimals and the IMO 289 water level with 1; in FID 31 it prints the precipitation
 * and ice names in place of their codes (Tumen: code + `_text`, as gpsd does for FID 11).
 */
function sameApplication(key: string, g: unknown, m: AisMessage): boolean | null {
  if ((m.type !== 6 && m.type !== 8) || m.dac !== 1) return null;
  const t = m[key];
  const na = GPSD_NOT_AVAILABLE.get(`1/${m.fid}/${key}`);
  if (na !== undefined && t === null) return na.some((v) => (typeof v === 'number' && typeof g === 'number' ? Math.abs(v - g) < 0.051 : v === g));
  if (typeof g === 'number' && typeof t === 'number' && (key === 'lat' || key === 'lon')) return Math.abs(g - t) <= 5e-5 + 1e-9;
  if (typeof g === 'number' && typeof t === 'number' && key === 'waterlevel') return Math.abs(g - t) <= 0.05 + 1e-9;
  if (typeof g === 'string' && typeof t === 'number') return m[`${key}_text`] === g;
  return null;
}

function same(key: string, g: unknown, t: unknown, type: number, m?: AisMessage): boolean {
  if (m !== undefined) {
    const app = sameApplication(key, g, m);
    if (app !== null) return app;
  }
  if (t === null && SENTINELS[key]?.includes(g as never)) return true;
  if (typeof g === 'string' && typeof t === 'number' && /^(ne|sw)_(lat|lon)$/.test(key)) return Math.abs(Number(g) - t) < 1e-4;
  if (typeof g === 'number' && typeof t === 'number') {
    // gpsdecode prints lat/lon with 6 decimals (types 17/27: fewer), speed and course with 1.
    const tol = type === 17 || type === 27 ? 0.05 : 1e-6 + 1e-9 * Math.abs(g);
    return Math.abs(g - t) <= tol;
  }
  return JSON.stringify(g) === JSON.stringify(t);
}

/** Deliberate, documented differences (docs/decoding.md). */
function documented(key: string, g: unknown, t: unknown, type: number): boolean {
  if (key === 'speed' && g === 'fast' && t === 102.2) return true; // 102.2 kn or more: gpsd 3.22 prints "fast"
  if (key === 'heading' && (type === 18 || type === 19) && t === null && typeof g === 'number' && g >= 360) return true; // class B 360-510: null
  return key === 'turn' && typeof g === 'number' && typeof t === 'number' && Math.abs(t) === g; // gpsd 3.22 drops the sign
}

export interface Agreement {
  gpsd: number;
  ours: number;
  matched: number;
  identical: number;
  /** Identical but for documented differences. */
  modulo: number;
  unaligned: Map<string, number>;
  fieldDiffs: Map<string, { n: number; example: string }>;
}

export function compareWithGpsd(gpsd: Array<Record<string, unknown>>, ours: AisMessage[]): Agreement {
  const a: Agreement = { gpsd: gpsd.length, ours: ours.length, matched: 0, identical: 0, modulo: 0, unaligned: new Map(), fieldDiffs: new Map() };
  let j = 0;
  for (const g of gpsd) {
    let k = j;
    while (k < ours.length && k < j + 8 && !(ours[k].type === g.type && ours[k].mmsi === g.mmsi)) k++;
    if (k >= ours.length || k >= j + 8) {
      const why = `type ${g.type}${g.mmsi === 0 ? ' mmsi 0' : ''}`;
      a.unaligned.set(why, (a.unaligned.get(why) ?? 0) + 1);
      continue;
    }
    const t = ours[k];
    j = k + 1;
    a.matched++;
    let ok = true;
    let okModulo = true;
    for (const [key, gv] of Object.entries(g)) {
      if (NOT_FIELDS.has(key)) continue;
      // Not decoded by Tumen: the DAC/FID application fields (6/8) of the rarer applications (not FID 11/12/31).
      if (!(key in t) && (t.type === 6 || t.type === 8)) continue;
      if (!same(key, gv, t[key], t.type, t)) {
        ok = false;
        if (!documented(key, gv, t[key], t.type)) okModulo = false;
        const id = `type ${t.type} ${key}`;
        const e = a.fieldDiffs.get(id) ?? { n: 0, example: `gpsd ${JSON.stringify(gv)} tumen ${JSON.stringify(t[key])} (mmsi ${t.mmsi})` };
        e.n++;
        a.fieldDiffs.set(id, e);
      }
    }
    if (ok) a.identical++;
    if (okModulo) a.modulo++;
  }
  return a;
}

/** gpsdecode -j output: its AIS objects (it also reports $GPZDA etc.). */
export function gpsdAis(jsonLines: string): Array<Record<string, unknown>> {
  return jsonLines.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>).filter((m) => m.class === 'AIS');
}
