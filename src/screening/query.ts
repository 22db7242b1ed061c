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

/** A fleet-file row (any of name, imo, mmsi, callsign, flag, owner, operator; a few common header spellings) as a query. */
export function queryFromRow(row: Record<string, string>): ScreenQuery {
  const pick = (...keys: string[]): string | null => {
    for (const [k, v] of Object.entries(row)) {
      if (keys.includes(k.trim().toLowerCase().replace(/[\s_-]+/g, '')) && v.trim() !== '') return v.trim();
    }
    return null;
  };
  return {
    name: pick('name', 'shipname', 'vesselname', 'vessel'),
    imo: pick('imo', 'imonumber', 'imono'),
    mmsi: pick('mmsi'),
    callsign: pick('callsign', 'callsign'),
    flag: pick('flag'),
    owner: pick('owner', 'registeredowner', 'beneficialowner'),
    operator: pick('operator', 'manager', 'shipmanager', 'ismmanager', 'commercialmanager'),
  };
}

/**
 * Splits a former name written into the name: "ARTAVIL (EX ALPHA)", "ARTAVIL EX-ALPHA", "ARTAVIL ex. ALPHA"
 * -> name ARTAVIL, former names [ALPHA]. Registries and fleet lists write renamed ships this way.
 */
export function splitExName(name: string): { name: string; former: string[] } {
  const m = name.match(/^(.*?\S)\s*[([]?\s*\b(?:EX|F\.?K\.?A\.?)\b[\s.:-]+(.+?)\s*[)\]]?\s*$/i);
  if (!m) return { name, former: [] };
  return { name: m[1].trim(), former: m[2].split(/\s*(?:[/;,]|\bEX\b[\s.:-]*)\s*/i).map((x) => x.trim()).filter(Boolean) };
}
