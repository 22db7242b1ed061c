// OpenSanctions / FollowTheMoney entities as JSON lines (https://www.opensanctions.org/docs/bulk/json/,
// schema https://followthemoney.tech/explorer/). Vessel, Organization/Company/LegalEntity and Person are
// entries; other schemata (Sanction, Ownership, Address...) are counted and skipped.
import { addUnique, emptyEntry, type EntryKind, type ListEntry, type ParsedList, type RejectedRecord } from './types.js';

const KIND_BY_SCHEMA: Record<string, EntryKind> = {
  Vessel: 'vessel',
  Organization: 'organization',
  Company: 'organization',
  LegalEntity: 'organization',
  PublicBody: 'organization',
  Person: 'person',
};

type Props = Record<string, unknown>;

function values(props: Props, key: string): string[] {
  const v = props[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()) : [];
}

/**
 * Incremental reader: push lines one at a time (the bulk files are gigabytes, more than one JS string
 * holds), then `finish()`. `parseOpenSanctions` is the same over a whole string.
 */
export class OpenSanctionsReader {
  private readonly entries: ListEntry[] = [];
  private readonly rejects: RejectedRecord[] = [];
  private readonly seen = new Set<string>();
  private lastChange = '';
  private skipped = 0;
  private lineNo = 0;

  push(line: string): void {
    this.lineNo++;
    if (line.trim() === '') return;
    const where = `line ${this.lineNo}`;
    let obj: { id?: unknown; schema?: unknown; properties?: unknown; last_change?: unknown; datasets?: unknown };
    try {
      obj = JSON.parse(line);
    } catch (err) {
      this.rejects.push({ where, reason: `invalid JSON: ${(err as Error).message}` });
      return;
    }
    const id = typeof obj.id === 'string' ? obj.id : null;
    const schema = typeof obj.schema === 'string' ? obj.schema : null;
    if (!id || !schema || typeof obj.properties !== 'object' || obj.properties === null) {
      this.rejects.push({ where, reason: 'not a FollowTheMoney entity (needs id, schema, properties)' });
      return;
    }
    const kind = KIND_BY_SCHEMA[schema];
    if (!kind) { this.skipped++; return; }
    const p = obj.properties as Props;
    const names = values(p, 'name');
    if (names.length === 0) { this.rejects.push({ where: `${where} (${id})`, reason: 'no name' }); return; }
    if (this.seen.has(id)) { this.rejects.push({ where: `${where} (${id})`, reason: 'duplicate id' }); return; }
    this.seen.add(id);
    const e = emptyEntry(id, id, kind, names[0]);
    for (const n of names.slice(1)) addUnique(e.aliases, n);
    for (const n of [...values(p, 'alias'), ...values(p, 'weakAlias')]) addUnique(e.aliases, n);
    for (const n of values(p, 'previousName')) addUnique(e.formerNames, n);
    const imos = values(p, 'imoNumber').map((x) => x.replace(/^IMO\s*/i, '').replace(/\s/g, ''));
    for (const imo of imos) addUnique(kind === 'vessel' ? e.imo : e.imoCompany, imo);
    for (const m of values(p, 'mmsi')) addUnique(e.mmsi, m.replace(/\D/g, ''));
    for (const c of values(p, 'callSign')) addUnique(e.callsigns, c);
    e.flag = values(p, 'flag')[0] ?? values(p, 'country')[0] ?? null;
    for (const f of values(p, 'pastFlags')) addUnique(e.formerFlags, f);
    e.owner = values(p, 'ownerName')[0] ?? null;
    e.vesselType = values(p, 'type')[0] ?? null;
    for (const prog of [...values(p, 'programId'), ...values(p, 'topics')]) addUnique(e.programs, prog);
    if (Array.isArray(obj.datasets)) for (const d of obj.datasets) if (typeof d === 'string') addUnique(e.programs, d);
    e.remarks = values(p, 'notes').join(' ') || null;
    if (typeof obj.last_change === 'string' && obj.last_change > this.lastChange) this.lastChange = obj.last_change;
    this.entries.push(e);
  }

  finish(): ParsedList {
    const rejects = [...this.rejects];
    if (this.skipped > 0) rejects.push({ where: 'file', reason: `${this.skipped} entities of other schemata (Sanction, Ownership, Address, ...) skipped` });
    const lc = this.lastChange;
    return { source: 'opensanctions', version: lc || null, published: lc ? lc.slice(0, 10) : null, entries: this.entries, rejects };
  }
}

export function parseOpenSanctions(jsonl: string): ParsedList {
  const reader = new OpenSanctionsReader();
  for (const line of jsonl.split(/\r?\n/)) reader.push(line);
  return reader.finish();
}
