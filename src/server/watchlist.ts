// The watchlist: vessels a desk follows (the web UI highlights them; SSE clients can filter on them).
import type { Store } from '../store/db.js';
import { rowsJson, tableExists } from './sql-util.js';

export const WATCHLIST_DDL = [
  `CREATE TABLE IF NOT EXISTS watchlist (
    mmsi UINTEGER PRIMARY KEY,
    note VARCHAR,
    added TIMESTAMP NOT NULL
  )`,
] as const;

export interface WatchEntry {
  mmsi: number;
  note: string | null;
  added: string;
}

export async function listWatch(store: Store): Promise<WatchEntry[]> {
  if (!(await tableExists(store, 'watchlist'))) return [];
  return rowsJson<WatchEntry>(await store.all('SELECT mmsi, note, added FROM watchlist ORDER BY mmsi'));
}

export async function putWatch(store: Store, mmsi: number, note: string | null, addedMs: number): Promise<void> {
  await store.ensureSchema(WATCHLIST_DDL);
  await store.run(
    `INSERT INTO watchlist VALUES ($mmsi, $note, epoch_ms($added::BIGINT))
     ON CONFLICT (mmsi) DO UPDATE SET note = excluded.note`,
    { mmsi, note, added: addedMs },
  );
}

export async function deleteWatch(store: Store, mmsi: number): Promise<boolean> {
  await store.ensureSchema(WATCHLIST_DDL);
  const before = await store.one<{ n: bigint }>('SELECT count(*) AS n FROM watchlist WHERE mmsi = $mmsi', { mmsi });
  await store.run('DELETE FROM watchlist WHERE mmsi = $mmsi', { mmsi });
  return Number(before?.n ?? 0) > 0;
}
