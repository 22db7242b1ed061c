// The screening index kept in the store, built once per list version (at `tumen lists import`) so that
// screening a fleet against a million-entity list neither reloads the list nor rebuilds an index at every
// process start. Names are blocked by screening/blocking.ts (saved here as a few BLOBs); identifiers
// (IMO, MMSI, call sign) are a table joined in SQL; only the candidates' entries are read back and
// scored by the same scorer as the in-memory index (screening/screen.ts), so both give the same verdicts.
import { listValue } from './duckdb-api.js';
import { loadBlockerArrays, saveBlockerArrays } from './screening-blocker.js';
import { PARTY_DDL, indexParties, savePartyBlocker } from './party-index.js';
import type { Store } from './db.js';
import type { ListEntry } from '../lists/types.js';
import { NameBlocker } from '../screening/blocking.js';
import { ScreeningIndex } from '../screening/index.js';
import { normaliseCallsign, normaliseMmsi, normaliseName } from '../screening/normalise.js';
import { mayBeAisCut } from '../screening/name-score.js';
import { queryForms } from '../screening/query-forms.js';
import { normaliseImo } from '../reference/imo.js';
import { splitExName, withoutDate } from '../screening/query.js';
import type { LoadedEntry, ScreenQuery } from '../screening/types.js';

const DDL = [
  `CREATE TABLE IF NOT EXISTS screen_index_meta (
    list VARCHAR PRIMARY KEY, version VARCHAR, imported_at TIMESTAMP, names INTEGER NOT NULL, ids INTEGER NOT NULL, build_ms INTEGER NOT NULL)`,
  // The screenable entries of every list, numbered (eid), so candidates are read back without scanning
  // the whole list (a million entities) for the few that matter.
  'CREATE TABLE IF NOT EXISTS screen_entries (eid INTEGER NOT NULL, list VARCHAR NOT NULL, key VARCHAR NOT NULL, body VARCHAR NOT NULL)',
  'CREATE TABLE IF NOT EXISTS screen_names (eid INTEGER NOT NULL, list VARCHAR NOT NULL, compact VARCHAR NOT NULL, phonetic VARCHAR NOT NULL)',
  // The name's words (space-separated), for telling a garbled word from another listed ship's word.
  'ALTER TABLE screen_names ADD COLUMN IF NOT EXISTS words VARCHAR',
  'CREATE TABLE IF NOT EXISTS screen_ids (kind VARCHAR NOT NULL, value VARCHAR NOT NULL, list VARCHAR NOT NULL, eid INTEGER NOT NULL)',
  // The name blocker of all indexed lists, as BLOBs (screening/blocking.ts BlockingArrays).
  'CREATE TABLE IF NOT EXISTS screen_blocker (part VARCHAR PRIMARY KEY, data BLOB NOT NULL)',
  // The index format a list's index was built with (SCREEN_INDEX_FORMAT); NULL before formats were kept.
  'ALTER TABLE screen_index_meta ADD COLUMN IF NOT EXISTS format INTEGER',
] as const;

/**
 * The format of the saved index: what normalisation, phonetic keys and blocker keys it was built with.
 * Raise it whenever any of those change (screening/normalise.ts, phonetic.ts, blocking.ts, party-index.ts
 * blockerKeysOf, or the saved layout), so a store indexed by an older Tumen is rebuilt (`tumen lists
 * reindex`, or any command that opens the store for writing) instead of silently missing what the new
 * keys find. 1: the formats before it was kept (NULL); 2: party names two deletions away; Z folded
 * with the affricates. 3: consonant-skeleton keys (v); a zero between letters read as O, HO after a number
 * dropped. 4: Ł, Ø, Æ… read as letters (no longer dropped with the accents); a bracketed ship-type designation
 * dropped.
 */
export const SCREEN_INDEX_FORMAT = 4;

export interface ScreeningIndexInfo {
  list: string;
  version: string | null;
  names: number;
  ids: number;
  /** Names, aliases and former names of the list's listed companies and persons (party-index.ts). */
  parties: number;
  buildMs: number;
  /** The index format it was built in (SCREEN_INDEX_FORMAT when current). */
  format: number;
}

/** Entries ship screening uses: vessels, and other entries carrying a ship IMO or an MMSI. */
const SCREENABLE = "(kind = 'vessel' OR imo IS NOT NULL OR mmsi IS NOT NULL)";

/**
 * (Re)builds the index of list `list` from its entries in the store, then the name blocker of every
 * indexed list. `now` is the caller's clock (the store does not read it); `parties`, the list's listed
 * companies and persons when the caller has them (else they are read from the store).
 */
export async function buildScreeningIndex(store: Store, list: string, now: () => number, parties?: readonly ListEntry[], opts: { blockers?: boolean } = {}): Promise<ScreeningIndexInfo> {
  const t0 = now();
  await store.ensureSchema(DDL);
  await store.ensureSchema(PARTY_DDL);
  for (const table of ['screen_entries', 'screen_names', 'screen_ids', 'screen_index_meta']) await store.run(`DELETE FROM ${table} WHERE list = $list`, { list });
  const next = await store.one<{ e: number | null }>('SELECT max(eid) AS e FROM screen_entries');
  let eid = (next?.e ?? -1) + 1;
  const bodies = await store.conn.createAppender('screen_entries');
  const names = await store.conn.createAppender('screen_names');
  const ids = await store.conn.createAppender('screen_ids');
  let nNames = 0;
  let nIds = 0;
  const addId = (kind: string, value: string | null): void => {
    if (!value) return;
    ids.appendVarchar(kind); ids.appendVarchar(value); ids.appendVarchar(list); ids.appendInteger(eid); ids.endRow();
    nIds++;
  };
  const rows = await store.all<{ key: string; body: string }>(`SELECT key, body FROM list_entries WHERE list = $list AND ${SCREENABLE}`, { list });
  for (const r of rows) {
    const e = JSON.parse(r.body) as ListEntry;
    bodies.appendInteger(eid); bodies.appendVarchar(list); bodies.appendVarchar(r.key); bodies.appendVarchar(r.body); bodies.endRow();
    for (const imo of e.imo) addId('imo', normaliseImo(imo));
    for (const m of e.mmsi) addId('mmsi', normaliseMmsi(m));
    // Names and call signs of people and companies are not a ship's.
    if (e.kind === 'vessel') {
      for (const c of e.callsigns) { const n = normaliseCallsign(c); if (n.length >= 3) addId('callsign', n); }
      for (const raw of new Set([e.name, ...e.aliases, ...e.formerNames])) {
        const n = normaliseName(raw);
        if (n.full === '') continue;
        names.appendInteger(eid); names.appendVarchar(list); names.appendVarchar(n.compact || n.full); names.appendVarchar(n.phonetic);
        names.appendVarchar(n.words.join(' ')); names.endRow();
        nNames++;
      }
    }
    eid++;
  }
  for (const app of [bodies, names, ids]) { app.flushSync(); app.closeSync(); }
  const partyNames = await indexParties(store, list, parties);
  // The blockers cover every list: rebuilding several lists saves them once, after the last.
  if (opts.blockers !== false) await saveBlockers(store);
  const meta = await store.one<{ version: string | null; imported_at: Date | null }>('SELECT version, imported_at FROM lists WHERE name = $list', { list });
  const info: ScreeningIndexInfo = {
    list, version: meta?.version ?? null, names: nNames, ids: nIds, parties: partyNames, buildMs: Math.round(now() - t0), format: SCREEN_INDEX_FORMAT,
  };
  await store.run('INSERT INTO screen_index_meta (list, version, imported_at, names, ids, build_ms, parties, format) VALUES ($list, $version, $at, $names, $ids, $ms, $parties, $format)', {
    list, version: info.version, at: meta?.imported_at ? meta.imported_at.toISOString() : null, names: info.names, ids: info.ids, ms: info.buildMs, parties: partyNames,
    format: SCREEN_INDEX_FORMAT,
  });
  return info;
}

/** Rebuilds the ship-name and listed-party blockers over every indexed list. */
export async function saveBlockers(store: Store): Promise<void> {
  await saveBlocker(store);
  await savePartyBlocker(store);
}

async function saveBlocker(store: Store): Promise<void> {
  const rows = await store.all<{ eid: number; compact: string; phonetic: string; words: string | null }>('SELECT eid, compact, phonetic, words FROM screen_names ORDER BY eid, compact');
  const blocker = NameBlocker.build(rows.map((r) => ({ compact: r.compact, phonetic: r.phonetic, entry: r.eid, words: r.words ? r.words.split(' ') : [] })));
  await saveBlockerArrays(store, '', blocker.arrays);
}

/** The saved ship-name blocker, or null when none was built. */
export async function loadBlocker(store: Store): Promise<NameBlocker | null> {
  const arrays = await loadBlockerArrays(store, '');
  return arrays ? new NameBlocker(arrays) : null;
}

/** Lists whose index is missing, older than the list itself (imported before indexes existed), or built
 *  in another index format (by an older Tumen). */
export async function staleScreeningLists(store: Store): Promise<string[]> {
  const hasMeta = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'screen_index_meta'");
  const hasLists = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'lists'");
  if (Number(hasLists?.n ?? 0) === 0) return [];
  if (Number(hasMeta?.n ?? 0) === 0) return (await store.all<{ name: string }>('SELECT name FROM lists ORDER BY name')).map((r) => r.name);
  const hasFormat = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'screen_index_meta' AND column_name = 'format'");
  const format = Number(hasFormat?.n ?? 0) > 0 ? 'm.format' : 'NULL';
  const rows = await store.all<{ name: string }>(`
    SELECT l.name FROM lists l LEFT JOIN screen_index_meta m ON m.list = l.name
    WHERE m.list IS NULL OR m.version IS DISTINCT FROM l.version OR m.imported_at IS DISTINCT FROM l.imported_at
      OR ${format} IS DISTINCT FROM $format ORDER BY l.name`, { format: SCREEN_INDEX_FORMAT });
  return rows.map((r) => r.name);
}

/** Why `list`'s index is stale, for the message that says how to rebuild it. */
export async function staleReason(store: Store, list: string): Promise<string> {
  const hasFormat = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'screen_index_meta' AND column_name = 'format'");
  const hasMeta = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'screen_index_meta'");
  if (Number(hasMeta?.n ?? 0) === 0) return 'not indexed';
  const row = await store.one<{ version: string | null; format: number | null }>(
    `SELECT version, ${Number(hasFormat?.n ?? 0) > 0 ? 'format' : 'NULL AS format'} FROM screen_index_meta WHERE list = $list`, { list });
  if (!row) return 'not indexed';
  if (row.format !== SCREEN_INDEX_FORMAT) return `indexed in format ${row.format ?? 1} by an older Tumen (this one reads format ${SCREEN_INDEX_FORMAT})`;
  if ((await staleScreeningLists(store)).includes(list)) return 'indexed for another version of the list';
  return 'without its saved name blocker';
}

/**
 * Rebuilds the index of every stale list (missing, of another list version, or another format), then the
 * blockers shared by all lists, telling `say` what it does; returns what was rebuilt.
 */
export async function rebuildStaleIndexes(store: Store, now: () => number, say: (line: string) => void): Promise<ScreeningIndexInfo[]> {
  const out: ScreeningIndexInfo[] = [];
  for (const list of await staleScreeningLists(store)) {
    say(`screening index of ${list}: ${await staleReason(store, list)}; rebuilding it`);
    const info = await buildScreeningIndex(store, list, now, undefined, { blockers: false });
    say(`screening index of ${list}: ${info.names} ship names, ${info.ids} identifiers, ${info.parties} listed-party names, built in ${(info.buildMs / 1000).toFixed(1)} s`);
    out.push(info);
  }
  if (out.length) {
    const t0 = now();
    await saveBlockers(store);
    say(`name blockers of every list rebuilt in ${((now() - t0) / 1000).toFixed(1)} s`);
  }
  return out;
}

export async function screeningIndexInfo(store: Store): Promise<ScreeningIndexInfo[]> {
  const has = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'screen_index_meta'");
  if (Number(has?.n ?? 0) === 0) return [];
  const rows = await store.all<{ list: string; version: string | null; names: number; ids: number; build_ms: number; parties?: number | null; format?: number | null }>('SELECT * FROM screen_index_meta ORDER BY list');
  return rows.map((r) => ({
    list: r.list, version: r.version, names: Number(r.names), ids: Number(r.ids), parties: Number(r.parties ?? 0), buildMs: Number(r.build_ms), format: r.format ?? 1,
  }));
}

/** The names a query screens: its name (split from "ex-" names) and its former names. */
function queryNames(query: ScreenQuery): string[] {
  const given = query.name?.trim() ? splitExName(query.name.trim()) : { name: '', former: [] };
  return [...new Set([given.name, ...given.former, ...(query.formerNames ?? []).map(withoutDate)].map((n) => n.trim()).filter(Boolean))];
}

/**
 * The candidate entries of each query: an index per query for screenVessel. Names through the
 * blocker, identifiers through the store; `lists` limits screening to those lists.
 */
export async function candidatesFor(store: Store, blocker: NameBlocker, queries: ScreenQuery[], lists?: string[]): Promise<ScreeningIndex[]> {
  const found: { qid: number[]; eid: number[] } = { qid: [], eid: [] };
  // A name asked again (a fleet lists sister ships, or one ship twice) is looked up once per batch.
  const byName = new Map<string, number[]>();
  const lookUp = (raw: string): number[] => {
    let out = byName.get(raw);
    if (out) return out;
    const { norm: n, orders, respellings } = queryForms(raw);
    const eids = new Set<number>();
    if (n.full !== '') {
      for (const e of blocker.candidates(n.compact || n.full, n.phonetic, { unwrittenVowels: n.unwrittenVowels === true, twoSwaps: true })) eids.add(e);
      for (const r of orders) for (const e of blocker.sameFormCandidates(r.compact, r.phonetic)) eids.add(e);
      for (const r of respellings) for (const e of blocker.sameFormCandidates(r.norm.compact || r.norm.full, r.norm.phonetic)) eids.add(e);
      if (mayBeAisCut(n)) for (const e of blocker.prefixCandidates(n.compact)) eids.add(e);
    }
    out = [...eids];
    byName.set(raw, out);
    return out;
  };
  const perQueryIds: Array<Set<number>> = queries.map((q) => {
    const eids = new Set<number>();
    for (const raw of queryNames(q)) for (const e of lookUp(raw)) eids.add(e);
    return eids;
  });
  // Identifiers joined in SQL, sent as one comma-separated text per column: binding a list value per
  // element cost more than the join on a 10,000-row fleet (normalised IMO, MMSI and call signs hold no comma).
  const ids: { qid: number[]; kind: string[]; value: string[] } = { qid: [], kind: [], value: [] };
  const addId = (qid: number, kind: string, value: string | null): void => { if (value) { ids.qid.push(qid); ids.kind.push(kind); ids.value.push(value); } };
  queries.forEach((q, qid) => {
    addId(qid, 'imo', normaliseImo(q.imo?.trim() || null));
    addId(qid, 'mmsi', normaliseMmsi(q.mmsi?.trim() || null));
    const cs = q.callsign ? normaliseCallsign(q.callsign) : '';
    if (cs.length >= 3) addId(qid, 'callsign', cs);
  });
  if (ids.qid.length > 0) {
    const hits = await store.all<{ qid: number; eid: number }>(`
      SELECT i.qid, s.eid FROM (SELECT unnest(string_split($iq, ','))::INTEGER AS qid, unnest(string_split($ik, ',')) AS kind,
        unnest(string_split($iv, ',')) AS value) i
      JOIN screen_ids s ON s.kind = i.kind AND s.value = i.value`,
    { iq: ids.qid.join(','), ik: ids.kind.join(','), iv: ids.value.join(',') });
    for (const h of hits) perQueryIds[Number(h.qid)].add(Number(h.eid));
  }
  // Each candidate entry read once: a fleet's queries share few entries (~750 for ~16,600 query-entry pairs
  // on the 1 M list), and reading the body per pair was most of this function's cost.
  const wanted = [...new Set(perQueryIds.flatMap((e) => [...e]))];
  const rows = wanted.length === 0 ? [] : await store.all<{ eid: number; list: string; body: string }>(`
    SELECT eid, list, body FROM screen_entries WHERE eid IN (SELECT unnest($eids::INTEGER[]))
    ${lists ? 'AND list IN (SELECT unnest($lists::VARCHAR[]))' : ''}`,
  { eids: listValue(wanted), ...(lists ? { lists: listValue(lists) } : {}) });
  const versions = new Map((await store.all<{ name: string; version: string | null }>('SELECT name, version FROM lists')).map((l) => [l.name, l.version]));
  const parsed = new Map<number, LoadedEntry>();
  for (const r of rows) parsed.set(Number(r.eid), { list: r.list, listVersion: versions.get(r.list) ?? null, entry: JSON.parse(r.body) as ListEntry });
  // In the order the join gave before: by entry id within a query (the scorer ranks ties by list and id).
  const perQuery: LoadedEntry[][] = perQueryIds.map((eids) => [...eids].sort((a, b) => a - b).map((e) => parsed.get(e)).filter((le): le is LoadedEntry => le !== undefined));
  return perQuery.map((entries) => new BatchCandidates(entries, (w) => blocker.isListedWord(w), { blocking: false }));
}


/** One query's candidates: the blocker and the identifier table already chose them, so every name
 *  variant of every candidate entry is scored. */
class BatchCandidates extends ScreeningIndex {
  override nameCandidates(): number[] {
    return this.variants.map((_, i) => i);
  }
}
