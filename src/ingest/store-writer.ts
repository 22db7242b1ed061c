// Writes batches inside the caller's transaction (one per batch, with the ingest progress — so a kill -9
// keeps exactly the committed batches and their resume point). Rows already stored (same payload within
// the dedup window: stored-matches.ts) only merge their stations into the stored row; the others are
// appended straight into `positions` / `statics` by DuckDB's appender, column chunk by column chunk.
import {
  DOUBLE, FLOAT, INTEGER, LIST, SMALLINT, TIMESTAMP, UBIGINT, UINTEGER, USMALLINT, UTINYINT, VARCHAR, type DuckDBType,
} from '../store/duckdb-api.js';
import type { Store } from '../store/db.js';
import { DEDUP_WINDOW_S } from './dedup.js';
import { nullableAt, type BatchData, type NullableNumbers, type StaticColumns } from './position-batch.js';
import { ChunkWriter, type Column, type ListCodes, type Numbers, type TextCodes } from '../store/chunk-writer.js';
import { matchStored } from './stored-matches.js';
import { clusterOrder } from './cluster-order.js';
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
  /** The static reports stored by this batch, as rows of its `statics` (what the identity history is extended with). */
  newStatics: Int32Array;
}

export class StoreWriter {
  private readonly positionChunks = new ChunkWriter(POSITION_TYPES);
  private readonly staticChunks = new ChunkWriter(STATIC_TYPES);
  private readonly stageChunks = new ChunkWriter(STAGE_TYPES);

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
    const out: CommitResult = { positions: 0, statics: 0, duplicates: 0, newStatics: new Int32Array(0) };
    if (batch.length > 0) {
      const matched = await matchStored(this.store, 'positions', batch, batch.minTimeMs, batch.maxTimeMs);
      const stations = batch.stations;
      const { fresh, merge } = split(batch.length, matched, (i) => stations.codes[i] >= 0);
      if (merge.length > 0) await this.mergeStations('pos_stage', POS_MERGE_SQL, batch.k1, batch.k2, batch.timeMs, stations, merge, batch);
      if (fresh.length > 0) {
        // DuckDB's appender writes inside the connection's open transaction: committed with the batch or not at all.
        const app = await this.store.conn.createAppender('positions');
        this.positionChunks.append(app, positionColumns(batch, stations, ingestId), batch.clustered ? fresh : clusterOrder(fresh, batch.mmsi, batch.timeMs));
        app.closeSync();
      }
      out.positions = fresh.length;
    }
    const statics = batch.statics;
    if (statics.length > 0) {
      const matched = await matchStored(this.store, 'statics', statics, batch.minTimeMs, batch.maxTimeMs);
      const { fresh, merge } = split(statics.length, matched, (i) => statics.stations.codes[i] >= 0);
      if (merge.length > 0) {
        await this.mergeStations('static_stage', STATIC_MERGE_SQL, statics.k1, statics.k2, statics.timeMs, statics.stations, merge, batch);
      }
      if (fresh.length > 0) {
        const app = await this.store.conn.createAppender('statics');
        this.staticChunks.append(app, staticColumns(statics, ingestId), fresh);
        app.closeSync();
      }
      out.statics = fresh.length;
      out.newStatics = fresh;
    }
    out.duplicates = batch.length + statics.length - out.positions - out.statics;
    return out;
  }

  private async mergeStations(
    stage: 'pos_stage' | 'static_stage', sql: string, k1: Uint32Array, k2: Uint32Array, timeMs: Float64Array,
    stations: TextCodes, rows: Int32Array, span: { minTimeMs: number; maxTimeMs: number },
  ): Promise<void> {
    const conn = this.store.conn;
    await conn.run(`DELETE FROM ${stage}`);
    const app = await conn.createAppender(stage);
    this.stageChunks.append(app, [
      { kind: 'number', data: k1, nulls: null }, { kind: 'number', data: k2, nulls: null }, { kind: 'number', data: timeMs, nulls: null },
      { kind: 'text', text: stations },
    ], rows);
    app.closeSync();
    await conn.run(sql, { lo: Math.floor(span.minTimeMs), hi: Math.ceil(span.maxTimeMs) });
  }
}

const SOURCE_TEXT = { values: ['terrestrial', 'satellite'] } as const; // codes 0, 1 = SOURCE_CODE 1, 2

function sourceCodes(source: ArrayLike<number>, n: number): TextCodes {
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) codes[i] = source[i] - 1;
  return { codes, values: SOURCE_TEXT.values };
}

/** Station lists as stored: each distinct comma-joined list sorted, without repeats. */
function stationLists(t: TextCodes): ListCodes {
  return { codes: t.codes, lists: t.values.map((s) => [...new Set(s.split(','))].sort(codePointCompare)) };
}

function positionColumns(b: BatchData, stations: TextCodes, ingestId: number): Column[] {
  const n = b.length;
  const nanNulls = (a: Float32Array): Uint8Array => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) if (a[i] !== a[i]) out[i] = 1;
    return out;
  };
  const heading = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (b.heading[i] < 0) heading[i] = 1;
  const status = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (b.status[i] === 255) status[i] = 1;
  return [
    { kind: 'number', data: b.mmsi, nulls: null },
    { kind: 'timestamp-ms', data: b.timeMs },
    { kind: 'number', data: b.lat, nulls: null },
    { kind: 'number', data: b.lon, nulls: null },
    { kind: 'number', data: b.speed, nulls: nanNulls(b.speed) },
    { kind: 'number', data: b.course, nulls: nanNulls(b.course) },
    { kind: 'number', data: b.heading, nulls: heading },
    { kind: 'number', data: b.status, nulls: status },
    { kind: 'number', data: b.type, nulls: null },
    { kind: 'text', text: sourceCodes(b.source, n) },
    { kind: 'list', list: stationLists(stations) },
    { kind: 'key', hi: b.k1, lo: b.k2 },
    { kind: 'int32', value: ingestId },
  ];
}

/** The statics table's columns (length and beam summed from the antenna distances). */
function staticColumns(c: StaticColumns, ingestId: number): Column[] {
  const n = c.length;
  const length = { data: new Float64Array(n), nulls: new Uint8Array(n) };
  const beam = { data: new Float64Array(n), nulls: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    setSum(length, i, nullableAt(c.toBow, i), nullableAt(c.toStern, i));
    setSum(beam, i, nullableAt(c.toPort, i), nullableAt(c.toStarboard, i));
  }
  const num = (x: NullableNumbers<Numbers>): Column => ({ kind: 'number', data: x.data, nulls: x.nulls });
  return [
    { kind: 'number', data: c.mmsi, nulls: null },
    { kind: 'timestamp-ms', data: c.timeMs },
    { kind: 'number', data: c.type, nulls: null },
    num(c.imo),
    { kind: 'text', text: c.shipname },
    { kind: 'text', text: c.callsign },
    num(c.shiptype), num(c.toBow), num(c.toStern), num(c.toPort), num(c.toStarboard), num(c.draught),
    { kind: 'text', text: c.destination },
    num(length), num(beam),
    { kind: 'text', text: sourceCodes(c.source, n) },
    { kind: 'list', list: stationLists(c.stations) },
    { kind: 'key', hi: c.k1, lo: c.k2 },
    { kind: 'int32', value: ingestId },
  ];
}

function setSum(out: NullableNumbers<Float64Array>, i: number, a: number | null, b: number | null): void {
  const v = sum(a, b);
  if (v === null) out.nulls[i] = 1;
  else out.data[i] = v;
}

/** length = to_bow + to_stern, beam = to_port + to_starboard: NULL only when both parts are. */
function sum(a: number | null, b: number | null): number | null {
  return a === null && b === null ? null : (a ?? 0) + (b ?? 0);
}

/** Rows not yet stored, and stored ones that bring stations to merge. */
function split(n: number, matched: Uint8Array | null, hasStations: (i: number) => boolean): { fresh: Int32Array; merge: Int32Array } {
  if (matched === null) {
    const all = new Int32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    return { fresh: all, merge: new Int32Array(0) };
  }
  const fresh: number[] = [];
  const merge: number[] = [];
  for (let i = 0; i < n; i++) {
    if (matched[i] === 0) fresh.push(i);
    else if (hasStations(i)) merge.push(i);
  }
  return { fresh: Int32Array.from(fresh), merge: Int32Array.from(merge) };
}
