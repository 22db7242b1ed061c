// Positions and static reports as stored, and the readers other modules build on.
// Duplicate receptions are stored once (see src/ingest/dedup.ts); `stations` keeps every station that heard one.
import type { DuckDBDataChunk } from '@duckdb/node-api';
import type { Store } from './db.js';
import type { Position, ReceptionSource } from '../tracks/position.js';
import type { StaticReport } from '../detectors/detector.js';
import type { FixColumns } from '../anchorages/collect.js';

export const POSITIONS_DDL = [
  `CREATE TABLE IF NOT EXISTS positions (
    mmsi UINTEGER NOT NULL,
    time TIMESTAMP NOT NULL,
    lat DOUBLE NOT NULL,
    lon DOUBLE NOT NULL,
    speed FLOAT,
    course FLOAT,
    heading SMALLINT,
    status UTINYINT,
    type UTINYINT,
    source VARCHAR,
    stations VARCHAR[],
    dedup_key UBIGINT NOT NULL,
    ingest_id INTEGER
  )`,
  `CREATE TABLE IF NOT EXISTS statics (
    mmsi UINTEGER NOT NULL,
    time TIMESTAMP NOT NULL,
    type UTINYINT,
    imo UINTEGER,
    shipname VARCHAR,
    callsign VARCHAR,
    shiptype UTINYINT,
    to_bow USMALLINT,
    to_stern USMALLINT,
    to_port UTINYINT,
    to_starboard UTINYINT,
    draught DOUBLE,
    destination VARCHAR,
    length DOUBLE,
    beam DOUBLE,
    source VARCHAR,
    stations VARCHAR[],
    dedup_key UBIGINT NOT NULL,
    ingest_id INTEGER
  )`,
] as const;

export async function ensurePositionsSchema(store: Store): Promise<void> {
  await store.ensureSchema(POSITIONS_DDL);
}

export interface PositionQuery {
  mmsi?: number | readonly number[];
  /** Inclusive bounds, epoch milliseconds UTC. */
  fromMs?: number;
  toMs?: number;
  /** [minLon, minLat, maxLon, maxLat]; minLon > maxLon crosses the antimeridian. */
  bbox?: readonly [number, number, number, number];
}

/** WHERE clause + parameters for a PositionQuery; values are always bound, never spliced. */
export function positionFilter(q: PositionQuery, opts: { spatial?: boolean } = { spatial: true }): { where: string; params: (number | string)[] } {
  const parts: string[] = [];
  const params: (number | string)[] = [];
  if (q.mmsi !== undefined) {
    const list = typeof q.mmsi === 'number' ? [q.mmsi] : [...q.mmsi];
    if (list.length === 0) parts.push('false');
    else {
      parts.push(`mmsi IN (${list.map(() => '?').join(', ')})`);
      params.push(...list);
    }
  }
  if (q.fromMs !== undefined) {
    parts.push('time >= epoch_ms(?::BIGINT)');
    params.push(Math.round(q.fromMs));
  }
  if (q.toMs !== undefined) {
    parts.push('time <= epoch_ms(?::BIGINT)');
    params.push(Math.round(q.toMs));
  }
  if (q.bbox && opts.spatial !== false) {
    const [minLon, minLat, maxLon, maxLat] = q.bbox;
    parts.push('lat BETWEEN ? AND ?');
    params.push(minLat, maxLat);
    if (minLon <= maxLon) {
      parts.push('lon BETWEEN ? AND ?');
      params.push(minLon, maxLon);
    } else {
      parts.push('(lon >= ? OR lon <= ?)');
      params.push(minLon, maxLon);
    }
  }
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

function numOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

/** Positions ordered by mmsi, then time, in arrays of about `batchSize`. */
export function streamPositions(store: Store, q: PositionQuery = {}, batchSize = 8192): AsyncIterable<Position[]> {
  const { where, params } = positionFilter(q);
  return positionBatches(store, `${POSITION_COLUMNS} FROM positions ${where} ORDER BY mmsi, time, rowid`, params, batchSize);
}

/** Rows per time slice of a time-ordered read: DuckDB sorts one slice at a time, so its memory stays that of
 *  a slice (a whole 10 M-row sort took ~1.8 GB resident) and the detectors start on the first slice. */
const ROWS_PER_TIME_SLICE = 1_500_000;

/** Positions ordered by time, then mmsi, then insertion: the same order on every run (detection is
 *  sensitive to the order of one vessel's reports at one time, e.g. a name and a call sign at once).
 *  Read in consecutive time slices of about ROWS_PER_TIME_SLICE rows, each sorted by DuckDB. */
export async function* streamPositionsByTime(store: Store, q: PositionQuery = {}, batchSize = 8192, rowsPerSlice = ROWS_PER_TIME_SLICE): AsyncIterable<Position[]> {
  const { where, params } = positionFilter(q);
  const span = await store.one<{ n: bigint; a: number | null; b: number | null }>(
    `SELECT count(*) AS n, epoch_ms(min(time))::DOUBLE AS a, epoch_ms(max(time))::DOUBLE AS b FROM positions ${where}`, params,
  );
  const n = Number(span?.n ?? 0);
  if (n === 0 || span?.a == null || span.b == null) return;
  const slices = Math.max(1, Math.ceil(n / rowsPerSlice));
  const stepMs = Math.ceil((span.b - span.a + 1) / slices);
  const and = where ? `${where} AND` : 'WHERE';
  const lists = await stationListsByHash(store, where, params);
  for (let k = 0; k < slices; k++) {
    const fromMs = span.a + k * stepMs;
    const toMs = k === slices - 1 ? span.b + 1 : fromMs + stepMs;
    yield* positionBatches(
      store,
      `${lists ? POSITION_COLUMNS_HASHED : POSITION_COLUMNS} FROM positions ${and} time >= epoch_ms(?::BIGINT) AND time < epoch_ms(?::BIGINT) ORDER BY time, mmsi, rowid`,
      [...params, fromMs, toMs],
      batchSize,
      lists,
    );
  }
}

/** A station list's 32-bit hash, computed by DuckDB per row: read as a number instead of a string per row. */
const STATIONS_HASH = '(hash(stations) & 4294967295)::UINTEGER';

/**
 * The distinct station lists of the positions `where` selects, by STATIONS_HASH (few distinct lists: a
 * station, or the few that heard one report). null when two different lists share a hash or there are too
 * many to hold; the rows' lists are then read as text.
 */
async function stationListsByHash(store: Store, where: string, params: (number | string)[]): Promise<Map<number, readonly string[] | null> | null> {
  const rows = await store.all<{ id: number; text: string }>(
    `SELECT ${STATIONS_HASH} AS id, coalesce(array_to_string(stations, ','), '') AS text FROM (SELECT DISTINCT stations FROM positions ${where})`, params,
  );
  if (rows.length > MAX_INTERNED_STATION_LISTS) return null;
  const texts = new Map<number, string>();
  for (const r of rows) {
    const id = Number(r.id);
    const seen = texts.get(id);
    if (seen !== undefined && seen !== r.text) return null;
    texts.set(id, r.text);
  }
  const names = new Map<string, string>();
  const lists = new Map<number, readonly string[] | null>();
  for (const [id, text] of texts) lists.set(id, stationList(text, names));
  return lists;
}

/** A station list as the detectors get it (null when empty), each name one string per read (`names`): the
 *  detectors compare names with === per report, which for two equal names in different strings means
 *  comparing characters. */
function stationList(text: string, names: Map<string, string>): readonly string[] | null {
  if (text === '') return null;
  return Object.freeze(text.split(',').map((x) => {
    let n = names.get(x);
    if (n === undefined) {
      if (names.size >= MAX_INTERNED_STATION_LISTS) names.clear();
      names.set(x, (n = x));
    }
    return n;
  }));
}

/** The columns of a Position, NULLs as sentinels (NaN, -1, source 0, '') so every numeric column is read as
 *  the vector's own typed array: the node API's per-value reads test validity with BigInt arithmetic. */
const POSITION_COLUMNS = `SELECT mmsi, epoch_ms(time)::DOUBLE AS t, lat, lon,
    coalesce(speed, 'NaN'::FLOAT) AS speed, coalesce(course, 'NaN'::FLOAT) AS course,
    coalesce(heading, -1)::SMALLINT AS heading, coalesce(status::SMALLINT, -1)::SMALLINT AS status,
    (CASE source WHEN 'terrestrial' THEN 1 WHEN 'satellite' THEN 2 ELSE 0 END)::UTINYINT AS source,
    coalesce(array_to_string(stations, ','), '') AS stations`;

/** POSITION_COLUMNS with the station list as its hash (stationListsByHash). */
const POSITION_COLUMNS_HASHED = POSITION_COLUMNS.replace("coalesce(array_to_string(stations, ','), '') AS stations", `${STATIONS_HASH} AS stations`);

const SOURCES: ReadonlyArray<ReceptionSource | null> = [null, 'terrestrial', 'satellite'];

/** Distinct station lists are few (a station, or the few that heard one report): one shared array each. */
const MAX_INTERNED_STATION_LISTS = 100_000;

async function* positionBatches(
  store: Store, sql: string, params: (number | string)[], batchSize: number,
  /** Station lists by STATIONS_HASH when the query selects the hash as its last column (else its text). */
  listsByHash: ReadonlyMap<number, readonly string[] | null> | null = null,
): AsyncIterable<Position[]> {
  const result = await store.conn.stream(sql, params);
  const stationLists = new Map<string, readonly string[] | null>();
  const names = new Map<string, string>();
  let out: Position[] = [];
  for (;;) {
    const chunk: DuckDBDataChunk | null = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const rows = chunk.rowCount;
    const mmsi = typedColumn(chunk, 0, Uint32Array), t = typedColumn(chunk, 1, Float64Array);
    const lat = typedColumn(chunk, 2, Float64Array), lon = typedColumn(chunk, 3, Float64Array);
    const speed = typedColumn(chunk, 4, Float32Array), course = typedColumn(chunk, 5, Float32Array);
    const heading = typedColumn(chunk, 6, Int16Array), status = typedColumn(chunk, 7, Int16Array);
    const source = typedColumn(chunk, 8, Uint8Array);
    const stationIds = listsByHash ? typedColumn(chunk, 9, Uint32Array) : null;
    const stations = listsByHash ? null : chunk.getColumnVector(9);
    for (let i = 0; i < rows; i++) {
      let list: readonly string[] | null | undefined;
      if (stationIds) {
        list = listsByHash!.get(stationIds[i]!);
        if (list === undefined) throw new Error(`store read: station list hash ${stationIds[i]} not among the distinct lists read first`);
      } else {
        const text = stations!.getItem(i) as string;
        list = stationLists.get(text);
        if (list === undefined) {
          if (stationLists.size >= MAX_INTERNED_STATION_LISTS) stationLists.clear();
          stationLists.set(text, (list = stationList(text, names)));
        }
      }
      const sp = speed[i]!, co = course[i]!, hd = heading[i]!, st = status[i]!;
      out.push({
        mmsi: mmsi[i]!, timeMs: t[i]!, lat: lat[i]!, lon: lon[i]!,
        // FLOAT columns hold float32 values (10.1 -> 10.100000381...): back to the AIS resolution of 0.1.
        speedKn: Number.isNaN(sp) ? null : Math.round(sp * 10) / 10,
        courseDeg: Number.isNaN(co) ? null : Math.round(co * 10) / 10,
        headingDeg: hd < 0 ? null : hd, status: st < 0 ? null : st, source: SOURCES[source[i]!] ?? null, stations: list,
      });
    }
    if (out.length >= batchSize) {
      yield out;
      out = [];
    }
  }
  if (out.length) yield out;
}


/** Every position's mmsi, time, lat and lon, each vessel's in time order (ties in insertion order), as
 *  typed-array chunks copied straight from DuckDB's vectors: what the stop scan of the anchorage build needs,
 *  without a JS object per row. */
export async function* streamFixColumns(store: Store, q: PositionQuery = {}): AsyncIterable<FixColumns> {
  const { where, params } = positionFilter(q);
  const result = await store.conn.stream(
    `SELECT mmsi, epoch_ms(time)::DOUBLE AS t, lat, lon FROM positions ${where} ORDER BY mmsi, time, rowid`,
    params,
  );
  for (;;) {
    const chunk: DuckDBDataChunk | null = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    yield {
      length: chunk.rowCount,
      mmsi: typedColumn(chunk, 0, Uint32Array),
      timeMs: typedColumn(chunk, 1, Float64Array),
      lat: typedColumn(chunk, 2, Float64Array),
      lon: typedColumn(chunk, 3, Float64Array),
    };
  }
}

/** A numeric column without NULLs of a chunk as a typed array: a copy of the vector's own items (@duckdb/node-api
 *  1.5 exposes them), or value by value when the library stops exposing them. */
function typedColumn<T extends Uint32Array | Float64Array | Float32Array | Int16Array | Uint8Array>(chunk: DuckDBDataChunk, column: number, Ctor: { new (n: number): T }): T {
  const vec = chunk.getColumnVector(column);
  const items = (vec as unknown as { items?: unknown }).items;
  if (items instanceof Ctor) return items.slice(0, chunk.rowCount) as T;
  const out = new Ctor(chunk.rowCount);
  for (let i = 0; i < chunk.rowCount; i++) out[i] = Number(vec.getItem(i));
  return out;
}

/** Static/voyage reports in time order (ties by mmsi, then insertion), as detectors consume them. */
export function streamStatics(store: Store, q: PositionQuery = {}, batchSize = 8192): AsyncIterable<StaticReport[]> {
  const { where, params } = positionFilter(q, { spatial: false });
  const sql = `SELECT mmsi, epoch_ms(time)::DOUBLE AS t, imo, shipname, callsign, shiptype, draught, destination,
            length AS length_m, beam AS beam_m
     FROM statics ${where} ORDER BY time, mmsi, rowid`;
  return streamRows(store, sql, params, batchSize, (cols, i) => ({
    mmsi: Number(cols[0][i]),
    timeMs: Number(cols[1][i]),
    imo: numOrNull(cols[2][i]),
    shipname: (cols[3][i] as string | null) ?? null,
    callsign: (cols[4][i] as string | null) ?? null,
    shiptype: numOrNull(cols[5][i]),
    draughtM: numOrNull(cols[6][i]),
    destination: (cols[7][i] as string | null) ?? null,
    lengthM: numOrNull(cols[8][i]),
    beamM: numOrNull(cols[9][i]),
  }));
}

type Columns = ReturnType<DuckDBDataChunk['getColumns']>;

/** Streams a query chunk by chunk, mapping row i of each chunk's columns, yielding arrays of about `batchSize`. */
async function* streamRows<T>(
  store: Store,
  sql: string,
  params: (number | string)[],
  batchSize: number,
  rowOf: (cols: Columns, i: number) => T,
): AsyncIterable<T[]> {
  const result = await store.conn.stream(sql, params);
  let out: T[] = [];
  for (;;) {
    const chunk: DuckDBDataChunk | null = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const cols = chunk.getColumns();
    for (let i = 0; i < chunk.rowCount; i++) out.push(rowOf(cols, i));
    if (out.length >= batchSize) {
      yield out;
      out = [];
    }
  }
  if (out.length) yield out;
}

/** Dedup keys (as 32-bit halves) and times (epoch µs) of the stored rows of one table in a time range. */
export interface DedupKeyChunk {
  length: number;
  hi: Uint32Array;
  lo: Uint32Array;
  timeUs: Float64Array;
}

/** The dedup keys of `table`'s rows with time in [fromMs, toMs] (inclusive), chunk by chunk, in no order. */
export async function* streamDedupKeys(store: Store, table: 'positions' | 'statics', fromMs: number, toMs: number): AsyncIterable<DedupKeyChunk> {
  const result = await store.conn.stream(
    `SELECT (dedup_key >> 32)::UINTEGER AS hi, (dedup_key & 4294967295)::UINTEGER AS lo, epoch_us(time)::DOUBLE AS t
     FROM ${table} WHERE time BETWEEN epoch_ms(?::BIGINT) AND epoch_ms(?::BIGINT)`,
    [Math.floor(fromMs), Math.ceil(toMs)],
  );
  for (;;) {
    const chunk: DuckDBDataChunk | null = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    yield {
      length: chunk.rowCount, hi: typedColumn(chunk, 0, Uint32Array), lo: typedColumn(chunk, 1, Uint32Array), timeUs: typedColumn(chunk, 2, Float64Array),
    };
  }
}
