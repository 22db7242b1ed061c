// Writes batches: DuckDB appender into TEMP staging tables, then ONE transaction per batch that merges
// stations into already-stored duplicates, inserts the rest (anti-join on the dedup key and time window)
// and records the ingest progress — so a kill -9 keeps exactly the committed batches and their resume point.
import {
  DuckDBDataChunk, DOUBLE, FLOAT, SMALLINT, UINTEGER, UTINYINT, VARCHAR, type DuckDBType,
} from '@duckdb/node-api';
import type { Store } from '../store/db.js';
import { DEDUP_WINDOW_S } from './dedup.js';
import type { BatchData } from './position-batch.js';
import { fillNumeric, fillStrings } from './chunk-fill.js';

const STAGE_DDL = [
  `CREATE OR REPLACE TEMP TABLE pos_stage (k1 UINTEGER, k2 UINTEGER, mmsi UINTEGER, t_ms DOUBLE, lat DOUBLE, lon DOUBLE,
     speed FLOAT, course FLOAT, heading SMALLINT, status UTINYINT, type UTINYINT, source UTINYINT, stations VARCHAR)`,
  `CREATE OR REPLACE TEMP TABLE static_stage (k1 UINTEGER, k2 UINTEGER, mmsi UINTEGER, t_ms DOUBLE, type UTINYINT, imo UINTEGER,
     shipname VARCHAR, callsign VARCHAR, shiptype UTINYINT, to_bow USMALLINT, to_stern USMALLINT, to_port UTINYINT,
     to_starboard UTINYINT, draught DOUBLE, destination VARCHAR, source UTINYINT, stations VARCHAR)`,
];

const POS_TYPES: DuckDBType[] = [UINTEGER, UINTEGER, UINTEGER, DOUBLE, DOUBLE, DOUBLE, FLOAT, FLOAT, SMALLINT, UTINYINT, UTINYINT, UTINYINT, VARCHAR];
const CHUNK_ROWS = 2048; // DuckDB's standard vector size

const SOURCE_SQL = `CASE s.source WHEN 1 THEN 'terrestrial' WHEN 2 THEN 'satellite' END`;
// Station lists are kept sorted: the set of stations, independent of arrival order.
const STATIONS_SQL = `CASE WHEN s.stations IS NULL THEN NULL ELSE list_sort(list_distinct(string_split(s.stations, ','))) END`;
const KEY_SQL = `((s.k1::UBIGINT << 32) | s.k2)`;
const TIME_SQL = `epoch_ms(s.t_ms::BIGINT)`;
const WINDOW = `INTERVAL ${DEDUP_WINDOW_S} SECOND`;

/** Station merge + anti-join insert for one target table; `$lo/$hi` prune the scan by time. */
function mergeSql(table: 'positions' | 'statics', stage: string, columns: string): { update: string; insert: string } {
  const match = `p.dedup_key = ${KEY_SQL} AND p.time BETWEEN ${TIME_SQL} - ${WINDOW} AND ${TIME_SQL} + ${WINDOW}
    AND p.time BETWEEN epoch_ms($lo::BIGINT) - ${WINDOW} AND epoch_ms($hi::BIGINT) + ${WINDOW}`;
  return {
    update: `UPDATE ${table} AS p SET stations = list_sort(list_distinct(list_concat(coalesce(p.stations, []), ${STATIONS_SQL})))
      FROM ${stage} AS s WHERE s.stations IS NOT NULL AND ${match}
      AND NOT list_has_all(coalesce(p.stations, []), ${STATIONS_SQL})`,
    insert: `INSERT INTO ${table} SELECT ${columns} FROM ${stage} AS s WHERE NOT EXISTS (SELECT 1 FROM ${table} AS p WHERE ${match})`,
  };
}

const POS_SQL = mergeSql('positions', 'pos_stage',
  `s.mmsi, ${TIME_SQL}, s.lat, s.lon, s.speed, s.course, s.heading, s.status, s.type, ${SOURCE_SQL}, ${STATIONS_SQL}, ${KEY_SQL}, $ingest`);
const STATIC_SQL = mergeSql('statics', 'static_stage',
  `s.mmsi, ${TIME_SQL}, s.type, s.imo, s.shipname, s.callsign, s.shiptype, s.to_bow, s.to_stern, s.to_port, s.to_starboard,
   s.draught, s.destination,
   CASE WHEN s.to_bow IS NULL AND s.to_stern IS NULL THEN NULL ELSE coalesce(s.to_bow, 0) + coalesce(s.to_stern, 0) END,
   CASE WHEN s.to_port IS NULL AND s.to_starboard IS NULL THEN NULL ELSE coalesce(s.to_port, 0) + coalesce(s.to_starboard, 0) END,
   ${SOURCE_SQL}, ${STATIONS_SQL}, ${KEY_SQL}, $ingest`);

export interface CommitResult {
  positions: number;
  statics: number;
  /** Rows of the batch already in the store (duplicates across batches, files or runs). */
  duplicates: number;
}

export class StoreWriter {
  /** One data chunk, reused for every append. */
  private readonly chunk = DuckDBDataChunk.create(POS_TYPES);

  private constructor(private readonly store: Store) {}

  static async create(store: Store): Promise<StoreWriter> {
    await store.ensureSchema(STAGE_DDL);
    return new StoreWriter(store);
  }

  /** Copies the batch into the staging tables (outside any transaction: TEMP tables are private). */
  async stage(batch: BatchData): Promise<void> {
    const conn = this.store.conn;
    await conn.run('DELETE FROM pos_stage');
    await conn.run('DELETE FROM static_stage');
    if (batch.length > 0) {
      const app = await conn.createAppender('pos_stage');
      const chunk = this.chunk;
      for (let off = 0; off < batch.length; off += CHUNK_ROWS) {
        const n = Math.min(CHUNK_ROWS, batch.length - off);
        chunk.reset();
        chunk.rowCount = n; // also drops the chunk's cached vector wrappers: fresh, all-valid masks
        const v = POS_TYPES.map((_, c) => chunk.getColumnVector(c));
        fillNumeric(v[0], batch.k1, off, n, null);
        fillNumeric(v[1], batch.k2, off, n, null);
        fillNumeric(v[2], batch.mmsi, off, n, null);
        fillNumeric(v[3], batch.timeMs, off, n, null);
        fillNumeric(v[4], batch.lat, off, n, null);
        fillNumeric(v[5], batch.lon, off, n, null);
        fillNumeric(v[6], batch.speed, off, n, Number.isNaN);
        fillNumeric(v[7], batch.course, off, n, Number.isNaN);
        fillNumeric(v[8], batch.heading, off, n, isNegative);
        fillNumeric(v[9], batch.status, off, n, is255);
        fillNumeric(v[10], batch.type, off, n, null);
        fillNumeric(v[11], batch.source, off, n, isZero);
        fillStrings(v[12], batch.stations, off, n);
        for (const vec of v) vec.flush();
        app.appendDataChunk(chunk);
      }
      app.closeSync();
    }
    if (batch.statics.length > 0) {
      const app = await conn.createAppender('static_stage');
      for (const r of batch.statics) {
        app.appendUInteger(r.k1 ?? 0);
        app.appendUInteger(r.k2 ?? 0);
        app.appendUInteger(r.mmsi);
        app.appendDouble(r.timeMs);
        app.appendUTinyInt(r.type);
        appendOrNull(app, r.imo, (x) => app.appendUInteger(x));
        appendOrNull(app, r.shipname, (x) => app.appendVarchar(x));
        appendOrNull(app, r.callsign, (x) => app.appendVarchar(x));
        appendOrNull(app, r.shiptype, (x) => app.appendUTinyInt(x));
        appendOrNull(app, r.toBow, (x) => app.appendUSmallInt(x));
        appendOrNull(app, r.toStern, (x) => app.appendUSmallInt(x));
        appendOrNull(app, r.toPort, (x) => app.appendUTinyInt(x));
        appendOrNull(app, r.toStarboard, (x) => app.appendUTinyInt(x));
        appendOrNull(app, r.draught, (x) => app.appendDouble(x));
        appendOrNull(app, r.destination, (x) => app.appendVarchar(x));
        if (r.source === 0) app.appendNull();
        else app.appendUTinyInt(r.source);
        appendOrNull(app, r.stations, (x) => app.appendVarchar(x));
        app.endRow();
      }
      app.closeSync();
    }
  }

  /**
   * Merges the staged batch into the store inside the caller's transaction. Returns what was inserted.
   */
  async merge(batch: { minTimeMs: number; maxTimeMs: number; length: number; staticsCount: number }, ingestId: number): Promise<CommitResult> {
    const conn = this.store.conn;
    if (batch.length + batch.staticsCount === 0) return { positions: 0, statics: 0, duplicates: 0 };
    const params = { lo: Math.floor(batch.minTimeMs), hi: Math.ceil(batch.maxTimeMs), ingest: ingestId };
    let positions = 0;
    let statics = 0;
    if (batch.length > 0) {
      const { lo, hi } = params;
      await conn.run(POS_SQL.update, { lo, hi });
      positions = (await conn.run(POS_SQL.insert, params)).rowsChanged;
    }
    if (batch.staticsCount > 0) {
      const { lo, hi } = params;
      await conn.run(STATIC_SQL.update, { lo, hi });
      statics = (await conn.run(STATIC_SQL.insert, params)).rowsChanged;
    }
    return { positions, statics, duplicates: batch.length + batch.staticsCount - positions - statics };
  }
}

const isNegative = (x: number) => x < 0;
const is255 = (x: number) => x === 255;
const isZero = (x: number) => x === 0;

function appendOrNull<T>(app: { appendNull(): void }, v: T | null, append: (x: T) => void): void {
  if (v === null || v === undefined) app.appendNull();
  else append(v);
}
