// Sanctions lists in the store: one row per loaded list (its version and date), one row per entry (the
// normalised entry as JSON plus columns to filter on), and a log of what each re-import changed.
import type { Store } from './db.js';
import type { ListEntry, ParsedList } from '../lists/types.js';
import type { LoadedEntry } from '../screening/types.js';
import { guardListReplacement } from '../lists/replace-guard.js';
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
  previousVersion: string | null;
  version: string | null;
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

/**
 * Replaces list `name` with `parsed` in one transaction and logs the difference from the previous version.
 * Refuses (ListImportRefused, nothing changed) an empty list or a shrink beyond the guard's threshold.
 */
export async function importList(store: Store, parsed: ParsedList, opts: ImportOptions): Promise<ListChange> {
  await ensureListsSchema(store);
  return store.transaction(async () => {
    const prev = await store.one<{ version: string | null }>('SELECT version FROM lists WHERE name = $name', { name: opts.name });
    const oldRows = await store.all<{ key: string; kind: string; name: string; body: string }>(
      'SELECT key, kind, name, body FROM list_entries WHERE list = $name', { name: opts.name },
    );
    const first = parsed.rejects[0];
    guardListReplacement(opts.name, oldRows, parsed.entries, {
      allowShrink: opts.allowShrink, rejected: parsed.rejects.length, firstReject: first && `${first.where}: ${first.reason}`,
    });
    const old = new Map(oldRows.map((r) => [r.key, r.body]));
    const change: ListChange = {
      list: opts.name, previousVersion: prev?.version ?? null, version: parsed.version,
      added: 0, removed: 0, changed: 0, unchanged: 0, details: { added: [], removed: [], changed: [] },
    };
    const note = (kind: 'added' | 'removed' | 'changed', key: string): void => {
      change[kind]++;
      if (change.details[kind].length < SAMPLE) change.details[kind].push(key);
    };
    await store.run('DELETE FROM list_entries WHERE list = $name', { name: opts.name });
    await store.run('DELETE FROM lists WHERE name = $name', { name: opts.name });
    // Each entry's JSON is made once, compared with the old version and appended: a million-entity list
    // never holds a second copy of itself as strings.
    const keys = new Set<string>();
    const app = await store.conn.createAppender('list_entries');
    for (const e of parsed.entries) {
      if (keys.has(e.key)) continue;
      keys.add(e.key);
      const body = JSON.stringify(e);
      const before = old.get(e.key);
      if (before === undefined) note('added', e.key);
      else if (before !== body) note('changed', e.key);
      else change.unchanged++;
      app.appendVarchar(opts.name);
      app.appendVarchar(e.key);
      app.appendVarchar(e.entryId);
      app.appendVarchar(e.kind);
      app.appendVarchar(e.name);
      if (e.imo[0]) app.appendVarchar(e.imo[0]); else app.appendNull();
      if (e.mmsi[0]) app.appendVarchar(e.mmsi[0]); else app.appendNull();
      app.appendVarchar(body);
      app.endRow();
    }
    app.flushSync();
    app.closeSync();
    for (const key of old.keys()) if (!keys.has(key)) note('removed', key);
    await store.run(
      `INSERT INTO lists VALUES ($name, $source, $version, $published, $at, $file, $entries, $vessels, $rejects)`,
      {
        name: opts.name, source: parsed.source, version: parsed.version, published: parsed.published,
        at: opts.importedAt.toISOString(), file: opts.file, entries: parsed.entries.length,
        vessels: parsed.entries.filter((e) => e.kind === 'vessel').length, rejects: parsed.rejects.length,
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
    change.index = await buildScreeningIndex(store, opts.name, opts.now ?? (() => 0));
    return change;
  });
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

export interface ListChangeRow extends Omit<ListChange, 'details'> {
  changedAt: string;
  details: ListChange['details'];
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
