// The store's schema version: a new store is current, an older one is migrated on open (once), a newer
// one is refused before anything changes, and a second writer is told which process holds the file.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { Store, StoreLockedError, withStore } from '../../src/store/db.js';
import { SCHEMA_VERSION, StoreTooNewError, storedSchemaVersion } from '../../src/store/schema-version.js';
import { ensureIngestLogSchema } from '../../src/store/ingest-log.js';

const dir = mkdtempSync(join(tmpdir(), 'tumen-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs SQL on a store file with plain DuckDB, as an older (or newer) Tumen would have left it. */
async function raw(path: string, sql: string[]): Promise<void> {
  const db = await DuckDBInstance.create(path);
  const c = await db.connect();
  for (const s of sql) await c.run(s);
  c.closeSync();
  db.closeSync();
}

describe('schema version', () => {
  it('a new store gets the current version; reopening changes nothing', async () => {
    const path = join(dir, 'new.duckdb');
    const s1 = await Store.open(path);
    expect(s1.schema).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION, applied: [] });
    s1.close();
    const s2 = await Store.open(path);
    expect([await storedSchemaVersion(s2), s2.schema?.applied]).toEqual([SCHEMA_VERSION, []]);
    s2.close();
  });

  it('a store from before versioning is migrated on open: a CSV ingest that stored nothing is no longer "done"', async () => {
    const path = join(dir, 'old.duckdb');
    await withStore(path, async (s) => { await ensureIngestLogSchema(s); });
    await raw(path, [
      'DROP TABLE tumen_meta',
      `INSERT INTO ingest_log (source, file_key, format, started, status, positions) VALUES
        ('wrong-columns.csv', 'k1', 'csv', now()::TIMESTAMP, 'done', 0),
        ('good.csv', 'k2', 'csv', now()::TIMESTAMP, 'done', 10),
        ('feed.nmea', 'k3', 'nmea', now()::TIMESTAMP, 'done', 0)`,
    ]);
    const s = await Store.open(path);
    try {
      expect(s.schema).toMatchObject({ from: 0, to: SCHEMA_VERSION });
      expect(s.schema?.applied[0]).toMatch(/^1: CSV ingests that stored nothing/);
      const rows = await s.all<{ source: string; status: string }>('SELECT source, status FROM ingest_log ORDER BY id');
      expect(rows.map((r) => `${r.source}:${r.status}`)).toEqual(['wrong-columns.csv:failed', 'good.csv:done', 'feed.nmea:done']);
    } finally {
      s.close();
    }
  });

  it('a store from a newer Tumen is refused, for writing and for reading, and left as it was', async () => {
    const path = join(dir, 'newer.duckdb');
    await withStore(path, async () => undefined);
    await raw(path, [`UPDATE tumen_meta SET value = '${SCHEMA_VERSION + 1}' WHERE key = 'schema_version'`]);
    for (const readOnly of [false, true]) {
      const err = await Store.open(path, { readOnly }).catch((e: Error) => e);
      expect(err).toBeInstanceOf(StoreTooNewError);
      expect((err as Error).message).toMatch(new RegExp(`schema version ${SCHEMA_VERSION + 1}, newer than this Tumen understands \\(${SCHEMA_VERSION}\\).*upgrade Tumen`));
    }
    // Refused and closed: the file is not locked and still says the newer version.
    await raw(path, []);
  });

  it('a second writer gets a clear error naming the process that holds the store', async () => {
    const path = join(dir, 'locked.duckdb');
    await withStore(path, async () => undefined);
    const holder = spawn(process.execPath, ['-e', `
      const { DuckDBInstance } = require('@duckdb/node-api');
      DuckDBInstance.create(${JSON.stringify(path)}).then(() => { console.log('open'); setInterval(() => {}, 1000); });`],
    { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
      const err = await Store.open(path).catch((e: Error) => e);
      expect(err).toBeInstanceOf(StoreLockedError);
      expect((err as StoreLockedError).pid).toBe(holder.pid);
      expect((err as Error).message).toMatch(new RegExp(`another process \\(PID ${holder.pid}\\) has it open`));
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
