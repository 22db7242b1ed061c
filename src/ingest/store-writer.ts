// Writes batches inside the caller's transaction (one per batch, with the ingest progress — so a kill -9
// keeps exactly the committed batches and their resume point). Rows already stored (same payload within
// the dedup window: stored-matches.ts) only merge their stations into the stored row; the others are
// appended straight into `positions` / `statics` by DuckDB's appender, column chunk by column chunk.
import {
  DuckDBDataChunk, DuckDBListValue, DOUBLE, FLOAT, INTEGER, LIST, SMALLINT, TIMESTAMP, UBIGINT, UINTEGER, USMALLINT, UTINYINT, VARCHAR,
  type DuckDBAppender, type DuckDBType,
} from '@duckdb/node-api';
import type { Store } from '../store/db.js';
import { DEDUP_WINDOW_S } from './dedup.js';
import type { BatchData, StaticRow } from './position-batch.js';
import {
  fillConstant, fillKeys, fillNullable, fillNumeric, fillTimestampMs, fillValues, type Pick,
} from './chunk-fill.js';
import { matchStored, storedMs } from './stored-matches.js';
import { codePointCompare } from '../store/identity-runs.js';

// Receptions of stored rows that bring new stations are staged here and merged by one UPDATE.
const STAGE_DDL = [
  `CREATE OR REPLACE TEMP TABLE pos_stage (k1 UINTEGER, k2 UINTEGER, t_ms DOUBLE, stations VARCHAR)`,
  `CREATE OR REPLACE TEMP TABLE static_stage (k1 UINTEGER, k2 UINTEGER, t_ms DOUBLE, stations VARCHAR)`,
];
const STAGE_TYPES: DuckDBType[] = [UINTEGER, UINTEGER, DOUBLE, VARCHAR];

const POSITION_COLUMNS = ['mmsi', 'time', 'lat', 'lon', 'speed', 'course', 'heading', 'status', 'type', 'source', 'stations', 'dedup_key', 'ingest_id'];
const POSITION_TYPES: DuckDBType[] = [UINTEGER, TIMESTAMP, DOUBLE, DOUBLE, FLOAT, FLOAT, SMALLINT, UTINYINT, UTINYINT, VARCHAR, LIST(VARCHAR), UBIGINT, INTEGER];
const STATIC_COLUMNS = ['mmsi', 'time', 'type', 'imo', 'shipname', 'callsign', 'shiptype', 'to_bow', 'to_stern', 'to_port', 'to_starboard',
  'draught', 'destination', 'length', 'beam', 'source', 'stations', 'dedup_key', 'ingest_id'];
const STATIC_TYPES: DuckDBType[] = [UINTEGER, TIMESTAMP, UTINYINT, UINTEGER, VARCHAR, VARCHAR, UTINYINT, USMALLINT, USMALLINT, UTINYINT, UTINYINT,
  DOUBLE, VARCHAR, DOUBLE, DOUBLE, VARCHAR, LIST(VARCHAR), UBIGINT, INTEGER];
const CHUNK_ROWS = 2048; // DuckDB's standard vector size

const SOURCE_NAMES: readonly (string | null)[] = [null, 'terrestrial', 'satellite'];
// Station lists are kept sorted: the set of stations, independent of arrival order.
const STATIONS_SQL = `CASE WHEN s.stations IS NULL THEN NULL ELSE list_sort(list_distinct(string_split(s.stations, ','))) END`;
const KEY_SQL = `((s.k1::UBIGINT << 32) | s.k2)`;
const TIME_SQL = `epoch_ms(s.t_ms::BIGINT)`;
const WINDOW = `INTERVAL ${DEDUP_WINDOW_S} SECOND`;

/** Station merge into the stored rows matching staged receptions; `$lo/$hi` prune the scan by time. */
function stationMergeSql(table: 'positions' | 'statics', stage: string): string {
  const match = `p.dedup_key = ${KEY_SQL} AND p.time BETWEEN ${TIME_SQL} - ${WINDOW} AND ${TIME_SQL} + ${WINDOW}
    AND p.time BETWEEN epoch_ms($lo::BIGINT) - ${WINDOW} AND epoch_ms($hi::BIGINT) + ${WINDOW}`;
  return `UPDATE ${table} AS p SET stations = list_sort(list_distinct(list_concat(coalesce(p.stations, []), ${STATIONS_SQL})))
      FROM ${stage} AS s WHERE s.stations IS NOT NULL AND ${match}
      AND NOT list_has_all(coalesce(p.stations, []), ${STATIONS_SQL})`;
}
const POS_MERGE_SQL = stationMergeSql('positions', 'pos_stage');
const STATIC_MERGE_SQL = stationMergeSql('statics', 'static_stage');

export interface CommitResult {
  positions: number;
  statics: number;
  /** Rows of the batch already in the store (duplicates across batches, files or runs). */
  duplicates: number;
  /** The static reports stored by this batch (what the identity history is extended with). */
  newStatics: StaticRow[];
}

/** Distinct station lists are few (a station, or the few that heard one report): one list value each. */
const MAX_CACHED_STATION_LISTS = 100_000;

export class StoreWriter {
  private readonly stageChunk = DuckDBDataChunk.create(STAGE_TYPES);
  private readonly positionChunk = DuckDBDataChunk.create(POSITION_TYPES);
  private readonly staticChunk = DuckDBDataChunk.create(STATIC_TYPES);
  private readonly stationLists = new Map<string, DuckDBListValue>();

  private constructor(private readonly store: Store) {}

  static async create(store: Store): Promise<StoreWriter> {
    await store.ensureSchema(STAGE_DDL);
    for (const [table, want] of [['positions', POSITION_COLUMNS], ['statics', STATIC_COLUMNS]] as const) {
      const cols = (await store.all<{ c: string }>(
        `SELECT column_name AS c FROM duckdb_columns() WHERE table_name = $t AND schema_name = 'main' AND database_name = current_database() ORDER BY column_index`,
        { t: table })).map((r) => r.c);
      if (cols.join(',') !== want.join(',')) throw new Error(`the store's ${table} table has columns (${cols.join(', ')}), expected (${want.join(', ')})`);
    }
    return new StoreWriter(store);
  }

  /** Writes one batch inside the caller's transaction. Returns what was stored. */
  async write(batch: BatchData, ingestId: number): Promise<CommitResult> {
    const out: CommitResult = { positions: 0, statics: 0, duplicates: 0, newStatics: [] };
    if (batch.length > 0) {
      const matched = await matchStored(this.store, 'positions', batch, batch.minTimeMs, batch.maxTimeMs);
      const { fresh, merge } = split(batch.length, matched, (i) => batch.stations[i] !== null);
      if (merge.length > 0) await this.mergeStations('pos_stage', POS_MERGE_SQL, batch.k1, batch.k2, batch.timeMs, batch.stations, merge, batch);
      if (fresh.length > 0) await this.appendPositions(batch, fresh, ingestId);
      out.positions = fresh.length;
    }
    const statics = batch.statics;
    if (statics.length > 0) {
      const keyed = {
        length: statics.length, k1: statics.map((r) => r.k1 ?? 0), k2: statics.map((r) => r.k2 ?? 0), timeMs: statics.map((r) => r.timeMs),
      };
      const matched = await matchStored(this.store, 'statics', keyed, batch.minTimeMs, batch.maxTimeMs);
      const { fresh, merge } = split(statics.length, matched, (i) => statics[i].stations !== null);
      if (merge.length > 0) {
        await this.mergeStations('static_stage', STATIC_MERGE_SQL, keyed.k1, keyed.k2, keyed.timeMs, statics.map((r) => r.stations), merge, batch);
      }
      if (fresh.length > 0) await this.appendStatics(statics, fresh, ingestId);
      out.statics = fresh.length;
      for (const i of fresh) out.newStatics.push(statics[i]);
    }
    out.duplicates = batch.length + statics.length - out.positions - out.statics;
    return out;
  }

  private async mergeStations(
    stage: 'pos_stage' | 'static_stage', sql: string, k1: ArrayLike<number>, k2: ArrayLike<number>, timeMs: ArrayLike<number>,
    stations: readonly (string | null)[], rows: Int32Array, span: { minTimeMs: number; maxTimeMs: number },
  ): Promise<void> {
    const conn = this.store.conn;
    await conn.run(`DELETE FROM ${stage}`);
    const app = await conn.createAppender(stage);
    this.appendChunks(app, this.stageChunk, rows, (p) => {
      const c = this.stageChunk;
      fillNullable(c.getColumnVector(0), k1 as readonly number[], p);
      fillNullable(c.getColumnVector(1), k2 as readonly number[], p);
      fillNullable(c.getColumnVector(2), timeMs as readonly number[], p);
      fillValues(c.getColumnVector(3), stations, p);
      return 4;
    });
    app.closeSync();
    await conn.run(sql, { lo: Math.floor(span.minTimeMs), hi: Math.ceil(span.maxTimeMs) });
  }

  private async appendPositions(b: BatchData, rows: Int32Array, ingestId: number): Promise<void> {
    const sources = Array.from(b.source, (x) => SOURCE_NAMES[x] ?? null);
    const lists = b.stations.map((x) => this.stationList(x));
    const c = this.positionChunk;
    // DuckDB's appender writes inside the connection's open transaction: committed with the batch or not at all.
    const app = await this.store.conn.createAppender('positions');
    this.appendChunks(app, c, rows, (p) => {
      fillNumeric(c.getColumnVector(0), b.mmsi, p, null);
      fillTimestampMs(c.getColumnVector(1), b.timeMs, p, storedMs);
      fillNumeric(c.getColumnVector(2), b.lat, p, null);
      fillNumeric(c.getColumnVector(3), b.lon, p, null);
      fillNumeric(c.getColumnVector(4), b.speed, p, Number.isNaN);
      fillNumeric(c.getColumnVector(5), b.course, p, Number.isNaN);
      fillNumeric(c.getColumnVector(6), b.heading, p, isNegative);
      fillNumeric(c.getColumnVector(7), b.status, p, is255);
      fillNumeric(c.getColumnVector(8), b.type, p, null);
      fillValues(c.getColumnVector(9), sources, p);
      fillValues(c.getColumnVector(10), lists, p);
      fillKeys(c.getColumnVector(11), b.k1, b.k2, p);
      fillConstant(c.getColumnVector(12), ingestId, p.n);
      return 13;
    });
    app.closeSync();
  }

  private async appendStatics(rows: readonly StaticRow[], pick: Int32Array, ingestId: number): Promise<void> {
    const col = <T>(f: (r: StaticRow) => T): T[] => rows.map(f);
    const sum = (a: number | null, b: number | null): number | null => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));
    const c = this.staticChunk;
    const mmsi = col((r) => r.mmsi);
    const time = col((r) => r.timeMs);
    const type = col((r) => r.type);
    const imo = col((r) => r.imo);
    const shipname = col((r) => r.shipname);
    const callsign = col((r) => r.callsign);
    const shiptype = col((r) => r.shiptype);
    const toBow = col((r) => r.toBow);
    const toStern = col((r) => r.toStern);
    const toPort = col((r) => r.toPort);
    const toStarboard = col((r) => r.toStarboard);
    const draught = col((r) => r.draught);
    const destination = col((r) => r.destination);
    const length = col((r) => sum(r.toBow, r.toStern));
    const beam = col((r) => sum(r.toPort, r.toStarboard));
    const source = col((r) => SOURCE_NAMES[r.source] ?? null);
    const lists = col((r) => this.stationList(r.stations));
    const k1 = col((r) => r.k1 ?? 0);
    const k2 = col((r) => r.k2 ?? 0);
    const app = await this.store.conn.createAppender('statics');
    this.appendChunks(app, c, pick, (p) => {
      fillNullable(c.getColumnVector(0), mmsi, p);
      fillTimestampMs(c.getColumnVector(1), time, p, storedMs);
      fillNullable(c.getColumnVector(2), type, p);
      fillNullable(c.getColumnVector(3), imo, p);
      fillValues(c.getColumnVector(4), shipname, p);
      fillValues(c.getColumnVector(5), callsign, p);
      fillNullable(c.getColumnVector(6), shiptype, p);
      fillNullable(c.getColumnVector(7), toBow, p);
      fillNullable(c.getColumnVector(8), toStern, p);
      fillNullable(c.getColumnVector(9), toPort, p);
      fillNullable(c.getColumnVector(10), toStarboard, p);
      fillNullable(c.getColumnVector(11), draught, p);
      fillValues(c.getColumnVector(12), destination, p);
      fillNullable(c.getColumnVector(13), length, p);
      fillNullable(c.getColumnVector(14), beam, p);
      fillValues(c.getColumnVector(15), source, p);
      fillValues(c.getColumnVector(16), lists, p);
      fillKeys(c.getColumnVector(17), k1, k2, p);
      fillConstant(c.getColumnVector(18), ingestId, p.n);
      return 19;
    });
    app.closeSync();
  }

  /** The stored form of a comma-joined station list: sorted, distinct. */
  private stationList(s: string | null): DuckDBListValue | null {
    if (s === null) return null;
    let v = this.stationLists.get(s);
    if (v === undefined) {
      if (this.stationLists.size >= MAX_CACHED_STATION_LISTS) this.stationLists.clear();
      v = new DuckDBListValue([...new Set(s.split(','))].sort(codePointCompare));
      this.stationLists.set(s, v);
    }
    return v;
  }

  /** Fills `chunk` CHUNK_ROWS rows at a time (`fill` returns its column count) and appends it. */
  private appendChunks(app: DuckDBAppender, chunk: DuckDBDataChunk, rows: Int32Array, fill: (p: Pick) => number): void {
    for (let off = 0; off < rows.length; off += CHUNK_ROWS) {
      const n = Math.min(CHUNK_ROWS, rows.length - off);
      chunk.reset();
      chunk.rowCount = n; // also drops the chunk's cached vector wrappers: fresh, all-valid masks
      const columns = fill({ rows, off, n });
      for (let col = 0; col < columns; col++) chunk.getColumnVector(col).flush();
      app.appendDataChunk(chunk);
    }
  }
}

/** Rows not yet stored, and stored ones that bring stations to merge. */
function split(n: number, matched: Uint8Array | null, hasStations: (i: number) => boolean): { fresh: Int32Array; merge: Int32Array } {
  if (matched === null) return { fresh: Int32Array.from({ length: n }, (_, i) => i), merge: new Int32Array(0) };
  const fresh: number[] = [];
  const merge: number[] = [];
  for (let i = 0; i < n; i++) {
    if (matched[i] === 0) fresh.push(i);
    else if (hasStations(i)) merge.push(i);
  }
  return { fresh: Int32Array.from(fresh), merge: Int32Array.from(merge) };
}

const isNegative = (x: number) => x < 0;
const is255 = (x: number) => x === 255;
