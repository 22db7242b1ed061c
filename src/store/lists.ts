// Sanctions lists in the store: one row per loaded list (its version and date), one row per entry (the
// normalised entry as JSON plus columns to filter on), and a log of what each re-import changed.
import type { Store } from './db.js';
import { listValue } from './duckdb-api.js';
import type { ListEntry, ParsedList, RejectedRecord } from '../lists/types.js';
import type { LoadedEntry } from '../screening/types.js';
import { guardListReplacement, type GuardEntry, type ShrinkDiff } from '../lists/replace-guard.js';
import { buildScreeningIndex, type ScreeningIndexInfo } from './screening-index.js';
import { replaceListLinks } from './list-links.js';

export const LISTS_DDL = [
  `CREATE TABLE IF NOT EXISTS lists (
    name VARCHAR PRIMARY KEY,
    source VARCHAR NOT NULL,
    version VARCHAR,
    published VARCHAR,
    imported_at TIMESTAMP NOT NULL,
    file VARCHAR,
    entries INTEGER NOT NULL,
    vessels INTEGER NOT NULL,
    rejects INTEGER NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS list_entries (
    list VARCHAR NOT NULL,
    key VARCHAR NOT NULL,
    entry_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    imo VARCHAR,
    mmsi VARCHAR,
    body VARCHAR NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS list_changes (
    list VARCHAR NOT NULL,
    previous_version VARCHAR,
    version VARCHAR,
    changed_at TIMESTAMP NOT NULL,
    added INTEGER NOT NULL,
    removed INTEGER NOT NULL,
    changed INTEGER NOT NULL,
    unchanged INTEGER NOT NULL,
    details VARCHAR NOT NULL
  )`,
] as const;

export async function ensureListsSchema(store: Store): Promise<void> {
  await store.ensureSchema(LISTS_DDL);
}

export interface ListChange {
  list: string;
  source: ParsedList['source'];
  previousVersion: string | null;
  version: string | null;
  published: string | null;
  /** Entries and vessels stored (duplicate keys kept once). */
  entries: number;
  vessels: number;
  rejects: RejectedRecord[];
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  /** Up to 50 keys of each kind, for the log. */
  details: { added: string[]; removed: string[]; changed: string[] };
  /** The screening index built for this version. */
  index?: ScreeningIndexInfo;
  /** Ownership, management and other ties between entries stored with this version. */
  links?: number;
}

/**
 * A list too big to hold (OpenSanctions: a million entities): `read` hands each entry to `emit` as it is
 * parsed and returns the rest of the list (version, rejects, links) with no entries.
 */
export interface ListStream {
  read(emit: (entry: ListEntry) => void): Promise<ParsedList>;
}
export type ListInput = ParsedList | ListStream;

export interface ImportOptions {
  name: string;
  file: string;
  /** Wall-clock time of the import (the CLI passes it; the store does not read the clock). */
  importedAt: Date;
  /** Accept an import that removes more than MAX_SHRINK_FRACTION of the loaded entries or vessels. */
  allowShrink?: boolean;
  /** A monotonic clock in ms for the screening index's build time (the caller's: the store reads none). */
  now?: () => number;
}

const SAMPLE = 50;
const STAGING = 'list_staging';

/**
 * Replaces list `name` with `input` in one transaction and logs the difference from the previous version.
 * Entries go straight into a staging table as they are read, and the comparison with the loaded version
 * is SQL: a million-entity list is never held in memory, old or new. Refuses (ListImportRefused, nothing
 * changed) an empty list or a shrink beyond the guard's threshold.
 */
export async function importList(store: Store, input: ListInput, opts: ImportOptions): Promise<ListChange> {
  await ensureListsSchema(store);
  return store.transaction(async () => {
    const prev = await store.one<{ version: string | null }>('SELECT version FROM lists WHERE name = $name', { name: opts.name });
    await store.run(`CREATE TABLE ${STAGING} (key VARCHAR, entry_id VARCHAR, kind VARCHAR, name VARCHAR, imo VARCHAR, mmsi VARCHAR, body VARCHAR)`);
    const app = await store.conn.createAppender(STAGING);
    const keys = new Set<string>();
    // Listed companies and persons, for the party index: kept as read, so the index need not scan every
    // entry's body again (a million-entity list's bodies cost ~270 MB and 2 s to scan).
    let parties: ListEntry[] | undefined = [];
    const emit = (e: ListEntry): void => {
      if (keys.has(e.key)) return;
      keys.add(e.key);
      if (e.kind !== 'vessel' && e.listed !== false) parties?.push(e);
      for (const v of [e.key, e.entryId, e.kind, e.name]) app.appendVarchar(v);
      for (const v of [e.imo[0], e.mmsi[0]]) if (v) app.appendVarchar(v); else app.appendNull();
      app.appendVarchar(JSON.stringify(e));
      app.endRow();
    };
    let parsed: ParsedList;
    if ('read' in input) parsed = await input.read(emit);
    else { parsed = input; for (const e of input.entries) emit(e); }
    app.flushSync();
    app.closeSync();
    keys.clear();
    // Entries a streamed file declared listed only after they were read (FtM Sanction records at its end).
    if (parsed.markListed === 'all') {
      await store.run(`UPDATE ${STAGING} SET body = json_merge_patch(body, '{"listed":null}')::VARCHAR WHERE body LIKE '%"listed":false%'`);
      parties = undefined; // every entry is listed after all: the index reads them from the store
    } else if (parsed.markListed?.length) {
      await store.run(`UPDATE ${STAGING} SET body = json_merge_patch(body, '{"listed":null}')::VARCHAR WHERE key IN (SELECT unnest($keys::VARCHAR[]))`, { keys: listValue(parsed.markListed) });
      const late = await store.all<{ body: string }>(`SELECT body FROM ${STAGING} WHERE kind <> 'vessel' AND key IN (SELECT unnest($keys::VARCHAR[]))`, { keys: listValue(parsed.markListed) });
      const had = new Set(parties?.map((e) => e.key));
      for (const r of late) { const e = JSON.parse(r.body) as ListEntry; if (!had.has(e.key)) parties?.push(e); }
    }
    const diff = await stagedDiff(store, opts.name);
    const first = parsed.rejects[0];
    guardListReplacement(opts.name, diff, {
      allowShrink: opts.allowShrink, rejected: parsed.rejects.length, firstReject: first && `${first.where}: ${first.reason}`,
    });
    const change: ListChange = {
      list: opts.name, source: parsed.source, previousVersion: prev?.version ?? null, version: parsed.version, published: parsed.published,
      entries: diff.entriesAfter, vessels: diff.vesselsAfter, rejects: parsed.rejects,
      added: diff.added, removed: diff.removed, changed: diff.changed, unchanged: diff.entriesAfter - diff.added - diff.changed,
      details: await stagedDetails(store, opts.name),
    };
    await store.run('DELETE FROM list_entries WHERE list = $name', { name: opts.name });
    await store.run('DELETE FROM lists WHERE name = $name', { name: opts.name });
    await store.run(`INSERT INTO list_entries SELECT $name, key, entry_id, kind, name, imo, mmsi, body FROM ${STAGING}`, { name: opts.name });
    await store.run(`DROP TABLE ${STAGING}`);
    await store.run(
      `INSERT INTO lists VALUES ($name, $source, $version, $published, $at, $file, $entries, $vessels, $rejects)`,
      {
        name: opts.name, source: parsed.source, version: parsed.version, published: parsed.published,
        at: opts.importedAt.toISOString(), file: opts.file, entries: change.entries, vessels: change.vessels, rejects: parsed.rejects.length,
      },
    );
    await store.run(
      `INSERT INTO list_changes VALUES ($list, $prev, $version, $at, $added, $removed, $changed, $unchanged, $details)`,
      {
        list: opts.name, prev: change.previousVersion, version: change.version, at: opts.importedAt.toISOString(),
        added: change.added, removed: change.removed, changed: change.changed, unchanged: change.unchanged,
        details: JSON.stringify(change.details),
      },
    );
    change.links = await replaceListLinks(store, opts.name, parsed.links ?? []);
    // The screening index of this list version, in the same transaction: a list is never loaded unindexed.
    change.index = await buildScreeningIndex(store, opts.name, opts.now ?? (() => 0), parties);
    return change;
  });
}

/** The loaded version of `list` against the staged one: counts, and a sample of what would go. */
async function stagedDiff(store: Store, list: string): Promise<ShrinkDiff & { added: number; changed: number }> {
  const c = await store.one<Record<string, bigint | number | null>>(`
    WITH o AS (SELECT key, kind, body FROM list_entries WHERE list = $list)
    SELECT count(o.key) AS before, count(n.key) AS after,
           count(*) FILTER (WHERE n.key IS NULL) AS removed, count(*) FILTER (WHERE o.key IS NULL) AS added,
           count(*) FILTER (WHERE o.key IS NOT NULL AND n.key IS NOT NULL AND o.body <> n.body) AS changed,
           count(*) FILTER (WHERE o.kind = 'vessel') AS vb, count(*) FILTER (WHERE n.kind = 'vessel') AS va,
           count(*) FILTER (WHERE n.key IS NULL AND o.kind = 'vessel') AS vr
      FROM o FULL OUTER JOIN ${STAGING} n USING (key)`, { list });
  const sample = await store.all<GuardEntry>(`
    SELECT key, kind, name FROM list_entries WHERE list = $list AND key NOT IN (SELECT key FROM ${STAGING})
     ORDER BY kind <> 'vessel', key LIMIT 10`, { list });
  const n = (k: string): number => Number(c?.[k] ?? 0);
  return {
    entriesBefore: n('before'), entriesAfter: n('after'), removed: n('removed'), added: n('added'), changed: n('changed'),
    vesselsBefore: n('vb'), vesselsAfter: n('va'), vesselsRemoved: n('vr'), sample,
  };
}

async function stagedDetails(store: Store, list: string): Promise<ListChange['details']> {
  const keys = async (sql: string): Promise<string[]> => (await store.all<{ key: string }>(`${sql} ORDER BY key LIMIT ${SAMPLE}`, { list })).map((r) => r.key);
  return {
    added: await keys(`SELECT key FROM ${STAGING} WHERE key NOT IN (SELECT key FROM list_entries WHERE list = $list)`),
    removed: await keys(`SELECT key FROM list_entries WHERE list = $list AND key NOT IN (SELECT key FROM ${STAGING})`),
    changed: await keys(`SELECT n.key FROM ${STAGING} n JOIN list_entries o ON o.list = $list AND o.key = n.key WHERE o.body <> n.body`),
  };
}

export interface LoadedListInfo {
  name: string;
  source: string;
  version: string | null;
  published: string | null;
  imported_at: string;
  file: string | null;
  entries: number;
  vessels: number;
  rejects: number;
}

async function hasTable(store: Store, table: string): Promise<boolean> {
  const row = await store.one<{ n: bigint }>(
    "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = $t", { t: table },
  );
  return Number(row?.n ?? 0) > 0;
}

export async function listLists(store: Store): Promise<LoadedListInfo[]> {
  if (!(await hasTable(store, 'lists'))) return [];
  const rows = await store.all<Record<string, unknown>>('SELECT * FROM lists ORDER BY name');
  return rows.map((r) => ({
    name: String(r.name), source: String(r.source), version: (r.version as string | null) ?? null,
    published: (r.published as string | null) ?? null,
    imported_at: r.imported_at instanceof Date ? r.imported_at.toISOString() : String(r.imported_at),
    file: (r.file as string | null) ?? null, entries: Number(r.entries), vessels: Number(r.vessels), rejects: Number(r.rejects),
  }));
}

export interface ListChangeRow extends Pick<ListChange, 'list' | 'previousVersion' | 'version' | 'added' | 'removed' | 'changed' | 'unchanged' | 'details'> {
  changedAt: string;
}

export async function listChanges(store: Store, list?: string): Promise<ListChangeRow[]> {
  if (!(await hasTable(store, 'list_changes'))) return [];
  const rows = await store.all<Record<string, unknown>>(
    `SELECT * FROM list_changes ${list ? 'WHERE list = $list' : ''} ORDER BY changed_at, list`, list ? { list } : undefined,
  );
  return rows.map((r) => ({
    list: String(r.list), previousVersion: (r.previous_version as string | null) ?? null, version: (r.version as string | null) ?? null,
    changedAt: r.changed_at instanceof Date ? r.changed_at.toISOString() : String(r.changed_at),
    added: Number(r.added), removed: Number(r.removed), changed: Number(r.changed), unchanged: Number(r.unchanged),
    details: JSON.parse(String(r.details)) as ListChange['details'],
  }));
}

/**
 * Entries of every loaded list (or of `lists`), ready for a ScreeningIndex. With `screenableOnly`, only
 * what ship screening uses: vessels, and other entries carrying a ship IMO or an MMSI.
 */
export async function loadListEntries(store: Store, lists?: string[], options: { screenableOnly?: boolean } = {}): Promise<LoadedEntry[]> {
  if (!(await hasTable(store, 'list_entries'))) return [];
  const versions = new Map((await listLists(store)).map((l) => [l.name, l.version]));
  const where = options.screenableOnly ? "WHERE kind = 'vessel' OR imo IS NOT NULL OR mmsi IS NOT NULL" : '';
  const rows = await store.all<{ list: string; body: string }>(`SELECT list, body FROM list_entries ${where} ORDER BY list, key`);
  const out: LoadedEntry[] = [];
  for (const r of rows) {
    if (lists && !lists.includes(r.list)) continue;
    out.push({ list: r.list, listVersion: versions.get(r.list) ?? null, entry: JSON.parse(r.body) as ListEntry });
  }
  return out;
}
