import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Store } from '../../src/store/db.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const fixture = (area: 'ais' | 'ingest', name: string) => join(root, 'test', 'fixtures', area, name);

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'tumen-ingest-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function withTempStore<T>(fn: (store: Store, dir: string) => Promise<T>): Promise<T> {
  const { dir, cleanup } = tempDir();
  const store = await Store.open(join(dir, 'test.duckdb'));
  try {
    return await fn(store, dir);
  } finally {
    store.close();
    cleanup();
  }
}

export async function count(store: Store, sql: string, params: (string | number)[] = []): Promise<number> {
  const row = await store.one<Record<string, unknown>>(sql, params);
  return Number(Object.values(row ?? { n: 0 })[0]);
}
