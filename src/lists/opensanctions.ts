// OpenSanctions / FollowTheMoney entities as JSON lines (https://www.opensanctions.org/docs/bulk/json/,
// schema https://followthemoney.tech/explorer/). Vessel, Organization/Company/LegalEntity and Person are
// entries; Ownership, Directorship, UnknownLink and a vessel's owner/operator are links between them
// (what makes a ship owned or run by a listed company findable); Sanction marks its entity listed; other
// schemata (Address, Identification...) are counted and skipped.
//
// Listed or not: OpenSanctions carries owners, directors and ships of interest beside sanctioned ones.
// When the file says which are sanctioned (a `target` flag, or `topics` on any entity), an entity is
// listed when it is a target, has the `sanction` topic or is the entity of a Sanction record; a file
// that says nothing of the kind is a list whose every entity is listed.
import { addUnique, emptyEntry, type EntryKind, type LinkRelation, type ListEntry, type ListLink, type ParsedList, type RejectedRecord } from './types.js';

const KIND_BY_SCHEMA: Record<string, EntryKind> = {
  Vessel: 'vessel',
  Organization: 'organization',
  Company: 'organization',
  LegalEntity: 'organization',
  PublicBody: 'organization',
  Person: 'person',
};

type Props = Record<string, unknown>;
interface FtmEntity { id?: unknown; schema?: unknown; properties?: unknown; last_change?: unknown; datasets?: unknown; target?: unknown; topics?: unknown }

function values(props: Props, key: string): string[] {
  const v = props[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()) : [];
}

/** Topics that make an entity sanctioned itself (not `sanction.linked`: linked to a sanctioned one). */
const LISTING_TOPICS = new Set(['sanction', 'sanction.counter']);

/** Link schemata: which property is the subject, which the party, and what the party is of the subject. */
const LINK_SCHEMATA: Record<string, { subject: string; object: string; relation: LinkRelation }> = {
  Ownership: { subject: 'asset', object: 'owner', relation: 'owner' },
  Directorship: { subject: 'organization', object: 'director', relation: 'director' },
  UnknownLink: { subject: 'subject', object: 'object', relation: 'associate' },
};
/** Vessel properties naming a party (an entity id, or a nested entity in OpenSanctions' nested exports). */
const VESSEL_PARTIES: Array<[string, LinkRelation]> = [['owner', 'owner'], ['operator', 'operator']];

/**
 * Incremental reader: push lines one at a time (the bulk files are gigabytes, more than one JS string
 * holds), then `finish()`. With `onEntry`, entries are handed out as they are read and not kept (the
 * store stages them), and `finish()` says which to mark listed after all; without it, `finish()` returns
 * them. `parseOpenSanctions` is the same over a whole string.
 */
export class OpenSanctionsReader {
  constructor(private readonly onEntry?: (entry: ListEntry) => void) {}

  private readonly entries: ListEntry[] = [];
  private readonly rejects: RejectedRecord[] = [];
  private readonly seen = new Set<string>();
  private readonly links: ListLink[] = [];
  /** Entities named by Sanction records. */
  private readonly sanctioned = new Set<string>();
  /** Whether any entity says whether it is sanctioned (target flag or topics). */
  private saysListed = false;
  private lastChange = '';
  private skipped = 0;
  private lineNo = 0;

  push(line: string): void {
    this.lineNo++;
    if (line.trim() === '') return;
    const where = `line ${this.lineNo}`;
    let obj: FtmEntity;
    try {
      obj = JSON.parse(line);
    } catch (err) {
      this.rejects.push({ where, reason: `invalid JSON: ${(err as Error).message}` });
      return;
    }
    this.entity(obj, where);
  }

  /** Reads one entity; returns its id when it is an entry (for references to nested entities). */
  private entity(obj: FtmEntity, where: string): string | null {
    const id = typeof obj.id === 'string' ? obj.id : null;
    const schema = typeof obj.schema === 'string' ? obj.schema : null;
    if (!id || !schema || typeof obj.properties !== 'object' || obj.properties === null) {
      this.rejects.push({ where, reason: 'not a FollowTheMoney entity (needs id, schema, properties)' });
      return null;
    }
    const p = obj.properties as Props;
    const link = LINK_SCHEMATA[schema];
    if (link) {
      const share = Number.parseFloat(values(p, 'percentage')[0] ?? '');
      for (const subject of this.refs(p, link.subject, where)) {
        for (const object of this.refs(p, link.object, where)) {
          this.links.push({ subject, relation: link.relation, object, role: values(p, 'role')[0] ?? null, sharePct: Number.isFinite(share) ? share : null });
        }
      }
      return null;
    }
    if (schema === 'Sanction') {
      for (const e of this.refs(p, 'entity', where)) this.sanctioned.add(e);
      return null;
    }
    const kind = KIND_BY_SCHEMA[schema];
    if (!kind) { this.skipped++; return null; }
    const names = values(p, 'name');
    if (names.length === 0) { this.rejects.push({ where: `${where} (${id})`, reason: 'no name' }); return null; }
    if (this.seen.has(id)) { this.rejects.push({ where: `${where} (${id})`, reason: 'duplicate id' }); return null; }
    this.seen.add(id);
    const e = emptyEntry(id, id, kind, names[0]);
    for (const n of names.slice(1)) addUnique(e.aliases, n);
    for (const n of [...values(p, 'alias'), ...values(p, 'weakAlias')]) addUnique(e.aliases, n);
    for (const n of [...values(p, 'previousName'), ...values(p, 'pastNames')]) addUnique(e.formerNames, n);
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
    const topics = [...values(p, 'topics'), ...(Array.isArray(obj.topics) ? obj.topics.filter((t): t is string => typeof t === 'string') : [])];
    if (topics.length > 0) e.topics = [...new Set(topics)];
    if (typeof obj.target === 'boolean' || topics.length > 0) this.saysListed = true;
    if (obj.target !== true && !topics.some((t) => LISTING_TOPICS.has(t)) && !this.sanctioned.has(id)) e.listed = false;
    if (kind === 'vessel') for (const [prop, relation] of VESSEL_PARTIES) {
      for (const object of this.refs(p, prop, where)) this.links.push({ subject: id, relation, object, role: prop, sharePct: null });
    }
    if (typeof obj.last_change === 'string' && obj.last_change > this.lastChange) this.lastChange = obj.last_change;
    if (this.onEntry) this.onEntry(e); else this.entries.push(e);
    return id;
  }

  /** Entity ids a reference property holds: ids as written, nested entities read as entities of their own. */
  private refs(p: Props, key: string, where: string): string[] {
    const v = p[key];
    if (!Array.isArray(v)) return [];
    const out: string[] = [];
    for (const x of v) {
      if (typeof x === 'string' && x.trim() !== '') out.push(x.trim());
      else if (x && typeof x === 'object') {
        const nested = x as FtmEntity;
        const id = typeof nested.id === 'string' ? nested.id : null;
        if (id && !this.seen.has(id)) this.entity(nested, `${where} (nested in ${key})`);
        if (id) out.push(id);
      }
    }
    return out;
  }

  finish(): ParsedList {
    const rejects = [...this.rejects];
    if (this.skipped > 0) rejects.push({ where: 'file', reason: `${this.skipped} entities of other schemata (Address, Identification, ...) skipped` });
    const saysListed = this.saysListed || this.sanctioned.size > 0;
    // Absent = listed: the stored body of a plain list stays as it was.
    for (const e of this.entries) if (!saysListed || this.sanctioned.has(e.key)) delete e.listed;
    const links = this.links.filter((l) => this.seen.has(l.subject) && this.seen.has(l.object));
    const dangling = this.links.length - links.length;
    if (dangling > 0) rejects.push({ where: 'file', reason: `${dangling} links to entities not in the file skipped` });
    const lc = this.lastChange;
    const markListed = this.onEntry ? (saysListed ? [...this.sanctioned] : 'all' as const) : undefined;
    return { source: 'opensanctions', version: lc || null, published: lc ? lc.slice(0, 10) : null, entries: this.entries, rejects, links, ...(markListed ? { markListed } : {}) };
  }
}

export function parseOpenSanctions(jsonl: string): ParsedList {
  const reader = new OpenSanctionsReader();
  for (const line of jsonl.split(/\r?\n/)) reader.push(line);
  return reader.finish();
}
