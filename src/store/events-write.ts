// Writing and reading detected events. `replaceEvents` makes `tumen detect` idempotent: one transaction
// deletes the events of the types that were run and inserts the new set; ids are content-derived, so the
// same input yields the same rows. `queryEvents` is the filtered read the CLI uses.
import type { TumenEvent, EventType } from '../events/schema.js';
import type { Store } from './db.js';
import { ensureEventsSchema, eventFromRow, LISTED_VISITS_SQL } from './events.js';

const INSERT_BATCH = 500;

/** Replaces every stored event of `types` (default: the types present in `events`) with `events`. */
export async function replaceEvents(store: Store, events: readonly TumenEvent[], types?: readonly EventType[]): Promise<{ deleted: number; inserted: number }> {
  await ensureEventsSchema(store);
  const kinds = [...new Set(types ?? events.map((e) => e.type))];
  return store.transaction(async () => {
    let deleted = 0;
    if (kinds.length > 0) {
      const row = await store.one<{ n: bigint | number }>(
        `SELECT count(*) AS n FROM events WHERE type IN (${kinds.map(() => '?').join(', ')})`, kinds,
      );
      deleted = Number(row?.n ?? 0);
      await store.run(`DELETE FROM events WHERE type IN (${kinds.map(() => '?').join(', ')})`, kinds);
    }
    const inserted = await upsertEvents(store, events);
    return { deleted, inserted };
  });
}

/** Inserts events, replacing stored ones of the same id (the cluster's store node: a later version of an
 *  event open at an end-of-input marker replaces it). Returns how many distinct ids were written. */
export async function upsertEvents(store: Store, events: readonly TumenEvent[]): Promise<number> {
  const list = [...new Map(events.map((e) => [e.id, e])).values()];
  for (let i = 0; i < list.length; i += INSERT_BATCH) {
    const chunk = list.slice(i, i + INSERT_BATCH);
    const params: (string | number | null)[] = [];
    for (const e of chunk) {
      params.push(e.id, e.type, e.mmsi, e.start, e.end, e.lat, e.lon, e.other_mmsi ?? null, e.port?.id ?? null, JSON.stringify(e));
    }
    await store.run(
      `INSERT OR REPLACE INTO events (id, type, mmsi, start, "end", lat, lon, other_mmsi, port_id, body) VALUES ${chunk
        .map(() => '(?, ?, ?, ?::TIMESTAMPTZ::TIMESTAMP, ?::TIMESTAMPTZ::TIMESTAMP, ?, ?, ?, ?, ?::JSON)')
        .join(', ')}`,
      params,
    );
  }
  return list.length;
}

/** Inserts one event unless its id is stored already (live feed, cluster store node); true when inserted. */
export async function insertEventIfNew(store: Store, e: TumenEvent): Promise<boolean> {
  if (await store.one('SELECT 1 AS x FROM events WHERE id = $id', { id: e.id })) return false;
  await store.run(
    `INSERT INTO events (id, type, mmsi, start, "end", lat, lon, other_mmsi, port_id, body)
     VALUES ($id, $type, $mmsi, $start::TIMESTAMPTZ::TIMESTAMP, $end::TIMESTAMPTZ::TIMESTAMP, $lat, $lon, $other, $port, $body::JSON)`,
    { id: e.id, type: e.type, mmsi: e.mmsi, start: e.start, end: e.end, lat: e.lat, lon: e.lon, other: e.other_mmsi ?? null, port: e.port?.id ?? null, body: JSON.stringify(e) },
  );
  return true;
}

/** Deletes events by id (withdrawn by a post-step); returns how many were stored. */
export async function deleteEventsById(store: Store, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const marks = ids.map(() => '?').join(', ');
  const row = await store.one<{ n: bigint | number }>(`SELECT count(*) AS n FROM events WHERE id IN (${marks})`, [...ids]);
  await store.run(`DELETE FROM events WHERE id IN (${marks})`, [...ids]);
  return Number(row?.n ?? 0);
}

export interface EventFilter {
  types?: readonly string[];
  /** Events overlapping [fromMs, toMs]. */
  fromMs?: number;
  toMs?: number;
  mmsi?: number;
  /** [minLon, minLat, maxLon, maxLat]. */
  bbox?: readonly [number, number, number, number];
  /** Also list port visits of confidence 1 (one position), hidden by default. */
  allVisits?: boolean;
}

export async function queryEvents(store: Store, f: EventFilter = {}): Promise<TumenEvent[]> {
  // Read-only stores cannot run DDL: no table simply means no events.
  const table = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'events' AND schema_name = 'main'");
  if (Number(table?.n ?? 0) === 0) return [];
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (f.types && f.types.length > 0) {
    where.push(`type IN (${f.types.map(() => '?').join(', ')})`);
    params.push(...f.types);
  }
  if (f.mmsi !== undefined) {
    where.push('(mmsi = ? OR other_mmsi = ?)');
    params.push(f.mmsi, f.mmsi);
  }
  if (f.toMs !== undefined) {
    where.push('start <= epoch_ms(?::BIGINT)');
    params.push(Math.round(f.toMs));
  }
  if (f.fromMs !== undefined) {
    where.push('("end" IS NULL OR "end" >= epoch_ms(?::BIGINT))');
    params.push(Math.round(f.fromMs));
  }
  if (f.bbox) {
    const [minLon, minLat, maxLon, maxLat] = f.bbox;
    where.push(minLon <= maxLon ? 'lon BETWEEN ? AND ?' : '(lon >= ? OR lon <= ?)');
    params.push(minLon, maxLon);
    where.push('lat BETWEEN ? AND ?');
    params.push(minLat, maxLat);
  }
  // Last: it reads port visits' JSON bodies, and DuckDB applies the conditions in order on the rows kept so far.
  if (!f.allVisits) where.push(LISTED_VISITS_SQL);
  const rows = await store.all<{ body: unknown }>(
    `SELECT body FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY start, type, mmsi, id`,
    params,
  );
  return rows.map(eventFromRow);
}
