// Reads a free-text query: an IMO ("9074729", "IMO 9074729"), an MMSI (nine digits) or a name. A single
// short token mixing letters and digits is also tried as a call sign (T2EU4).
import type { ScreenQuery } from './types.js';

export function parseScreenQuery(text: string): ScreenQuery {
  const t = text.trim();
  if (/^IMO[\s:]*\d{7}$/i.test(t) || /^\d{7}$/.test(t)) return { imo: t.replace(/\D/g, '') };
  if (/^\d{9}$/.test(t)) return { mmsi: t };
  if (/^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]{4,7}$/.test(t)) return { name: t, callsign: t };
  return { name: t };
}

/** The fields of a query and the header spellings each is read from (lower case, no spaces, _ or -). */
const FIELDS: ReadonlyArray<readonly [keyof ScreenQuery, readonly string[]]> = [
  ['name', ['name', 'shipname', 'vesselname', 'vessel']],
  ['imo', ['imo', 'imonumber', 'imono']],
  ['mmsi', ['mmsi']],
  ['callsign', ['callsign']],
  ['flag', ['flag']],
  ['owner', ['owner', 'registeredowner', 'beneficialowner']],
  ['operator', ['operator', 'manager', 'shipmanager', 'ismmanager', 'commercialmanager']],
];
/** Header spelling -> the field it names (null: none). A fleet file repeats its header on every row, so each
 *  spelling is read once, not once per row and field (that was ~0.2 CPU-s of a 10,000-row fleet). */
const FIELD_OF = new Map<string, keyof ScreenQuery | null>();
const FIELD_OF_MAX = 10_000;

function fieldOf(header: string): keyof ScreenQuery | null {
  let f = FIELD_OF.get(header);
  if (f === undefined) {
    const key = header.trim().toLowerCase().replace(/[\s_-]+/g, '');
    f = FIELDS.find(([, keys]) => keys.includes(key))?.[0] ?? null;
    if (FIELD_OF.size >= FIELD_OF_MAX) FIELD_OF.clear();
    FIELD_OF.set(header, f);
  }
  return f;
}

/** A fleet-file row (any of name, imo, mmsi, callsign, flag, owner, operator; a few common header spellings) as
 *  a query: each field from the first column, in the row's order, that names it and is not empty. */
export function queryFromRow(row: Record<string, string>): ScreenQuery {
  const q: ScreenQuery = { name: null, imo: null, mmsi: null, callsign: null, flag: null, owner: null, operator: null };
  const set = q as Record<string, string | null>;
  for (const [k, v] of Object.entries(row)) {
    const f = fieldOf(k);
    if (f !== null && set[f] === null && v.trim() !== '') set[f] = v.trim();
  }
  return q;
}

/**
 * Splits a former name written into the name: "ARTAVIL (EX ALPHA)", "ARTAVIL EX-ALPHA", "ARTAVIL ex. ALPHA"
 * -> name ARTAVIL, former names [ALPHA]. Registries and fleet lists write renamed ships this way.
 */
export function splitExName(name: string): { name: string; former: string[] } {
  const m = name.match(/^(.*?\S)\s*[([]?\s*\b(?:EX|F\.?K\.?A\.?)\b[\s.:-]+(.+?)\s*[)\]]?\s*$/i);
  if (!m) return { name, former: [] };
  // "NORDKAPP TRADER / ex SARV": the slash before EX separates the names, it is no part of either.
  return {
    name: m[1].replace(/\s*[/;,]$/, '').trim(),
    former: withoutDate(m[2]).split(/\s*(?:[/;,]|\bEX\b[\s.:-]*)\s*/i).map((x) => withoutDate(x.trim())).filter((x) => x !== '' && !DATED.test(x)),
  };
}

/** A stated period: a year (1950-2099), a month and year (03/2013) or a range of them, after an optional
 *  word (until, to, from, since, till, before, after). */
const YEAR = String.raw`(?:\d{1,2}[./-])?(?:19[5-9]\d|20\d\d)`;
const PERIOD = String.raw`(?:(?:UNTIL|TILL|TO|FROM|SINCE|BEFORE|AFTER|IN)\s+)?${YEAR}(?:\s*(?:-|–|TO|UNTIL)\s*(?:${YEAR}|NOW|PRESENT))?`;
const DATED = new RegExp(String.raw`^[([]?\s*${PERIOD}\s*[)\]]?$`, 'i');
// In brackets (the closing one may have gone with the text around: "ex SARV (until 2013)"), after a
// comma, or after a dating word; a bare number after the name is left alone (MILLENNIUM 2000).
const TRAILING_DATE = new RegExp(String.raw`\s*(?:[([]\s*${PERIOD}\s*[)\]]?|,\s*${PERIOD}|\s(?:UNTIL|TILL|TO|FROM|SINCE|BEFORE|AFTER)\s+${YEAR})\s*$`, 'i');

/** A former name without the period it was borne in ("SARV (until 2013)", "ELITE (to 03/2013)", "TAMAR,
 *  2012-2014"): registers and fleet lists date a former name so, and the date is no part of it (read as a
 *  number it would make another ship: numbers tell sisters apart). */
export function withoutDate(former: string): string {
  const out = former.replace(TRAILING_DATE, '').trim();
  return out === '' ? former : out;
}
