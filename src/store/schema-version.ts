// The store file's schema version. Each store module still creates its own tables with idempotent DDL
// (`ensureSchema`); what that pattern cannot do — change what an older Tumen wrote (fix rows, reshape a
// table) — is a numbered migration here, run once when an older store is opened for writing. A store
// written by a newer Tumen is refused: this release cannot know what that one changed.
import type { Store } from './db.js';

interface Migration {
  /** The version the store has after this migration. */
  to: number;
  what: string;
  up(store: Store): Promise<void>;
}

const tableExists = async (store: Store, name: string): Promise<boolean> =>
  Number((await store.one<{ n: bigint }>('SELECT count(*) AS n FROM information_schema.tables WHERE table_name = $t', { t: name }))?.n ?? 0) > 0;

/** In order; append, never edit or remove one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  {
    to: 1,
    what: 'CSV ingests that stored nothing (a wrong --columns) are no longer "done", so the file can be ingested again',
    async up(store) {
      if (!(await tableExists(store, 'ingest_log'))) return;
      await store.run(`UPDATE ingest_log SET status = 'failed', error = 'stored nothing (marked by schema migration 1); ingest it again'
        WHERE status = 'done' AND format IN ('csv', 'dma', 'marinecadastre') AND positions = 0 AND statics = 0 AND duplicates = 0`);
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].to;

const META_DDL = 'CREATE TABLE IF NOT EXISTS tumen_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)';

export class StoreTooNewError extends Error {
  constructor(readonly path: string, readonly version: number) {
    super(`store ${path} has schema version ${version}, newer than this Tumen understands (${SCHEMA_VERSION}): `
      + 'it was written by a newer release; upgrade Tumen to open it (nothing was changed)');
    this.name = 'StoreTooNewError';
  }
}

/** The version stamped in the store; null for a store made before versioning (or a new, empty one). */
export async function storedSchemaVersion(store: Store): Promise<number | null> {
  if (!(await tableExists(store, 'tumen_meta'))) return null;
  const row = await store.one<{ value: string }>("SELECT value FROM tumen_meta WHERE key = 'schema_version'");
  return row ? Number(row.value) : null;
}

export interface SchemaOpen {
  from: number;
  to: number;
  applied: string[];
}

/**
 * Checks (read-only) or brings up to date (read-write) the schema of a just-opened store. A store with
 * tables but no version predates versioning (version 0); an empty one is new and gets the current
 * version. Each migration runs in its own transaction together with its version stamp.
 */
export async function openSchema(store: Store, readOnly: boolean): Promise<SchemaOpen> {
  const stamped = await storedSchemaVersion(store);
  if (stamped !== null && stamped > SCHEMA_VERSION) throw new StoreTooNewError(store.path, stamped);
  if (readOnly) return { from: stamped ?? 0, to: stamped ?? 0, applied: [] };
  let version = stamped;
  if (version === null) {
    const tables = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM information_schema.tables WHERE table_name <> 'tumen_meta'");
    version = Number(tables?.n ?? 0) > 0 ? 0 : SCHEMA_VERSION;
    await store.run(META_DDL);
    await store.run("INSERT OR REPLACE INTO tumen_meta VALUES ('schema_version', $v)", { v: String(version) });
  }
  const from = version;
  const applied: string[] = [];
  for (const m of MIGRATIONS) {
    if (m.to <= version) continue;
    await store.transaction(async () => {
      await m.up(store);
      await store.run("INSERT OR REPLACE INTO tumen_meta VALUES ('schema_version', $v)", { v: String(m.to) });
    });
    version = m.to;
    applied.push(`${m.to}: ${m.what}`);
  }
  return { from, to: version, applied };
}
