// OFAC SDN "legacy" CSV set (https://ofac.treasury.gov/specially-designated-nationals-list-data-formats-data-schemas):
// sdn.csv (12 unquoted-header columns), alt.csv (aliases keyed by ent_num), sdn_comments.csv (remarks that
// overflowed the 1,000-character Remarks column, keyed by ent_num). "-0-" means empty.
import { parseCsv } from './csv.js';
import { addUnique, emptyEntry, type ListEntry, type ParsedList, type RejectedRecord } from './types.js';
import { ofacKind } from './ofac-kind.js';
import { companyImosIn, formerFlagsIn, linkedToIn, mmsisIn, quotedNamesAfter, vesselImosIn } from './remarks.js';

const SDN_COLUMNS = 12;

function value(cell: string | undefined): string | null {
  const v = (cell ?? '').trim();
  return v === '' || v === '-0-' ? null : v;
}

export interface OfacCsvFiles {
  sdn: string;
  alt?: string;
  comments?: string;
}

export function parseOfacCsv(files: OfacCsvFiles): ParsedList {
  const rejects: RejectedRecord[] = [];
  const byEnt = new Map<string, ListEntry>();
  const remarks = new Map<string, string>();
  const rows = parseCsv(files.sdn);
  rows.forEach((cells, k) => {
    const entNum = value(cells[0]);
    if (cells.length !== SDN_COLUMNS || !entNum || !/^\d+$/.test(entNum)) {
      rejects.push({ where: `sdn.csv record ${k + 1}`, reason: `expected ${SDN_COLUMNS} columns with a numeric ent_num, got ${cells.length} columns` });
      return;
    }
    const name = value(cells[1]);
    if (!name) { rejects.push({ where: `sdn.csv ent_num ${entNum}`, reason: 'no name' }); return; }
    const e = emptyEntry(entNum, entNum, ofacKind(value(cells[2])), name);
    e.programs = (value(cells[3]) ?? '').split(/\]\s*\[/).map((p) => p.trim()).filter(Boolean);
    addUnique(e.callsigns, value(cells[5]));
    e.vesselType = value(cells[6]);
    e.flag = value(cells[9]);
    e.owner = value(cells[10]);
    remarks.set(entNum, value(cells[11]) ?? '');
    if (byEnt.has(entNum)) rejects.push({ where: `sdn.csv ent_num ${entNum}`, reason: 'duplicate ent_num (later row kept)' });
    byEnt.set(entNum, e);
  });

  if (files.comments) {
    for (const cells of parseCsv(files.comments)) {
      const entNum = value(cells[0]);
      const more = value(cells[1]);
      if (!entNum || !more) continue;
      if (!remarks.has(entNum)) { rejects.push({ where: `sdn_comments.csv ent_num ${entNum}`, reason: 'no such ent_num in sdn.csv' }); continue; }
      remarks.set(entNum, remarks.get(entNum)! + more); // continues mid-word: no separator
    }
  }

  if (files.alt) {
    for (const cells of parseCsv(files.alt)) {
      const entNum = value(cells[0]);
      const type = (value(cells[2]) ?? '').toLowerCase();
      const alt = value(cells[3]);
      if (!entNum || !alt) continue;
      const e = byEnt.get(entNum);
      if (!e) { rejects.push({ where: `alt.csv ent_num ${entNum}`, reason: 'no such ent_num in sdn.csv' }); continue; }
      addUnique(type === 'fka' ? e.formerNames : e.aliases, alt);
    }
  }

  for (const [entNum, text] of remarks) {
    const e = byEnt.get(entNum)!;
    e.remarks = text || null;
    if (!text) continue;
    if (e.kind === 'vessel') for (const imo of vesselImosIn(text)) addUnique(e.imo, imo);
    else for (const imo of companyImosIn(text)) addUnique(e.imoCompany, imo);
    for (const m of mmsisIn(text)) addUnique(e.mmsi, m);
    for (const n of quotedNamesAfter(text, 'a.k.a.')) addUnique(e.aliases, n);
    for (const n of quotedNamesAfter(text, 'n.k.a.')) addUnique(e.aliases, n);
    for (const n of quotedNamesAfter(text, 'f.k.a.')) addUnique(e.formerNames, n);
    for (const f of formerFlagsIn(text)) addUnique(e.formerFlags, f);
    for (const l of linkedToIn(text)) addUnique(e.linkedTo, l);
  }

  return { source: 'ofac', version: null, published: null, entries: [...byEnt.values()], rejects };
}
