// A plain CSV watchlist an analyst keeps by hand: header row with any of imo, mmsi, name, callsign, flag,
// reason (case-insensitive; extra columns ignored). Each row is one vessel entry keyed by its row number.
import { parseCsvWithHeader } from './csv.js';
import { addUnique, emptyEntry, type ListEntry, type ParsedList, type RejectedRecord } from './types.js';

const KNOWN = ['imo', 'mmsi', 'name', 'callsign', 'flag', 'reason'];

export function parseCsvWatchlist(text: string): ParsedList {
  const { header, rows } = parseCsvWithHeader(text);
  if (!header.some((h) => KNOWN.includes(h))) {
    throw new Error(`CSV watchlist needs a header with any of ${KNOWN.join(', ')}; got: ${header.join(', ')}`);
  }
  const entries: ListEntry[] = [];
  const rejects: RejectedRecord[] = [];
  rows.forEach((r, k) => {
    const line = k + 2;
    const imo = (r.imo ?? '').replace(/^IMO\s*/i, '');
    const mmsi = r.mmsi ?? '';
    const name = r.name ?? '';
    if (!imo && !mmsi && !name && !r.callsign) { rejects.push({ where: `line ${line}`, reason: 'no imo, mmsi, name or callsign' }); return; }
    if (imo && !/^\d{7}$/.test(imo)) { rejects.push({ where: `line ${line}`, reason: `IMO "${imo}" is not 7 digits` }); return; }
    if (mmsi && !/^\d{9}$/.test(mmsi)) { rejects.push({ where: `line ${line}`, reason: `MMSI "${mmsi}" is not 9 digits` }); return; }
    const key = imo ? `IMO${imo}` : mmsi ? `MMSI${mmsi}` : `row${line}`;
    const e = emptyEntry(key, key, 'vessel', name || imo || mmsi || r.callsign);
    addUnique(e.imo, imo);
    addUnique(e.mmsi, mmsi);
    addUnique(e.callsigns, r.callsign);
    e.flag = r.flag || null;
    e.remarks = r.reason || null;
    entries.push(e);
  });
  return { source: 'csv', version: null, published: null, entries, rejects };
}
