// CSV exports (MarineCadastre/NOAA, Danish Maritime Authority, any CSV with a column map) through DuckDB's
// own CSV reader. One file = one transaction: rows are parsed, validated (rejects counted by reason),
// deduplicated against the store and inserted together with their ingest-log entry. A malformed row (an
// extra or missing field, a broken quote, invalid UTF-8) is one reject counted by its reason, never the
// end of the file; a file that stores nothing is logged as failed, so a corrected --columns can retry it.
import type { Store } from '../store/db.js';
import { emptyCounts, finishIngestLog, recordProgress, startIngestLog, type IngestCounts } from '../store/ingest-log.js';
import { rebuildIdentityHistoryFromStage } from '../store/identities.js';
import type { ReceptionSource } from '../tracks/position.js';
import { DEDUP_WINDOW_S } from './dedup.js';
import { bump, CSV_REJECT_BAD_TIME, INGEST_REJECT_NO_TIME } from './counts.js';
import type { ColumnMap, InputFormat } from './formats.js';
import { resolveColumns } from './formats.js';
import { isGzipFile } from '../io/lines.js';
import { readHead } from './formats.js';
import { csvDialect, type CsvDialect } from './csv-dialect.js';
import type { TimeWindow } from './time-window.js';

export interface CsvOptions {
  format: Exclude<InputFormat, 'nmea'>;
  columns: ColumnMap;
  startMs: number | null;
  source: ReceptionSource | null;
  strict: boolean;
  label: string;
  /** Plausible times; others are rejected bad_time (a year-20983 row would break every later detect). */
  timeWindow: TimeWindow;
}

/** DuckDB picks compression from the file name; a gzip file by any name is read by its magic bytes. */
function compressionOf(path: string): string {
  return isGzipFile(path) ? `'gzip'` : `'none'`;
}

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

// Text values of the Danish Maritime Authority export -> ITU-R M.1371 navigational status codes.
const DMA_STATUS: Record<string, number> = {
  'under way using engine': 0, 'at anchor': 1, 'not under command': 2, 'restricted maneuverability': 3,
  'constrained by her draught': 4, 'moored': 5, 'aground': 6, 'engaged in fishing': 7, 'under way sailing': 8,
  'reserved for future amendment [hsc]': 9, 'reserved for future amendment [wig]': 10,
  'power-driven vessel towing astern': 11, 'power-driven vessel pushing ahead or towing alongside': 12,
  'reserved for future use': 13, 'ais-sart is active': 14, 'unknown value': 15,
};
// DMA ship type names -> the first code of their ITU-R M.1371 ship-type range (the export drops the digit).
const DMA_SHIPTYPE: Record<string, number> = {
  'wig': 20, 'fishing': 30, 'towing': 31, 'towing long/wide': 32, 'dredging': 33, 'diving': 34, 'military': 35,
  'sailing': 36, 'pleasure': 37, 'hsc': 40, 'pilot': 50, 'sar': 51, 'tug': 52, 'port tender': 53,
  'anti-pollution': 54, 'law enforcement': 55, 'medical': 58, 'not party to conflict': 59, 'passenger': 60,
  'cargo': 70, 'tanker': 80, 'other': 90,
};

function textCase(expr: string, table: Record<string, number>): string {
  // Keys are our constants above, not input.
  const arms = Object.entries(table).map(([k, v]) => `WHEN '${k.replace(/'/g, "''")}' THEN ${v}`).join(' ');
  return `(CASE lower(trim(${expr})) ${arms} ELSE try_cast(trim(${expr}) AS INTEGER) END)`;
}

const TIME_FORMATS_ISO = `['%Y-%m-%dT%H:%M:%SZ', '%Y-%m-%dT%H:%M:%S.%fZ', '%Y-%m-%d %H:%M:%S%z', '%Y/%m/%d %H:%M:%S']`;
const TIME_FORMATS_DMY = `['%d/%m/%Y %H:%M:%S', '%d-%m-%Y %H:%M:%S']`;

/**
 * Epoch seconds or milliseconds (by magnitude), ISO-8601, or the format's own text layout -> TIMESTAMP
 * (UTC). A number too large for epoch milliseconds (17 digits and more) is no time (rejected bad_time).
 */
function timeExpr(col: string, format: CsvOptions['format']): string {
  const x = `trim(${col})`;
  return `(CASE WHEN regexp_full_match(${x}, '-?[0-9]+(\\.[0-9]+)?') THEN
      CASE WHEN abs(${x}::DOUBLE) >= 1e14 THEN NULL
           WHEN abs(${x}::DOUBLE) >= 1e11 THEN make_timestamp((${x}::DOUBLE * 1000)::BIGINT)
           ELSE make_timestamp((${x}::DOUBLE * 1000000)::BIGINT) END
    ELSE coalesce(try_cast(${x} AS TIMESTAMP), try_strptime(${x}, ${format === 'dma' ? TIME_FORMATS_DMY : TIME_FORMATS_ISO})) END)`;
}

function numExpr(col: string | undefined, type = 'DOUBLE'): string {
  return col === undefined ? `NULL::${type}` : `try_cast(nullif(trim(${ident(col)}), '') AS ${type})`;
}

function textExpr(col: string | undefined): string {
  return col === undefined ? 'NULL::VARCHAR' : `nullif(trim(${ident(col)}), '')`;
}

/** DuckDB's names for a malformed CSV row -> Tumen's reject reasons. */
const CSV_ERROR_REASONS: Record<string, string> = {
  'TOO MANY COLUMNS': 'csv_too_many_fields', 'MISSING COLUMNS': 'csv_missing_fields', 'UNQUOTED VALUE': 'csv_bad_quote',
  'LINE SIZE OVER MAXIMUM': 'csv_line_too_long', 'INVALID UNICODE': 'invalid_utf8', 'INVALID ENCODING': 'invalid_utf8',
  'CAST': 'csv_bad_value',
};

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** DuckDB's reader errors that no per-row reject covers, told in the user's terms. */
function readerError(err: Error, label: string): Error {
  if (/state machine reached an invalid state/.test(err.message)) {
    return new Error(`${label}: the CSV reader lost track of rows (mixed line endings, e.g. a \\n header and \\r\\n rows?); `
      + 'convert the file to one line ending (dos2unix) and ingest it again');
  }
  return err;
}

/** read_csv with the dialect fixed (no sniffing), every column text, malformed rows set aside in csv_errors. */
function readCsvSql(path: string, d: CsvDialect): string {
  const columns = d.columns.map((c) => `${sqlString(c)}: 'VARCHAR'`).join(', ');
  return `read_csv(?, header = true, auto_detect = false, delim = ${sqlString(d.delim)}, quote = '"', escape = '"',
    columns = {${columns}}, encoding = '${d.encoding}', compression = ${compressionOf(path)},
    ignore_errors = true, store_rejects = true, rejects_table = 'csv_errors', rejects_scan = 'csv_error_scans')`;
}

export async function ingestCsvFile(
  store: Store, path: string, fileKey: string | null, opts: CsvOptions, nowMs: () => number,
): Promise<{ id: number; counts: IngestCounts }> {
  const dialect = csvDialect(readHead(path), opts.label);
  const header = dialect.columns;
  const cols = resolveColumns(header, opts.columns);
  for (const f of ['mmsi', 'lat', 'lon'] as const) {
    if (cols[f] === undefined) {
      throw new Error(`${opts.label}: no ${f} column recognised (columns: ${header.join(', ')}); map one with --columns ${f}=COLUMN`);
    }
  }
  if (cols.time === undefined && opts.startMs === null) {
    throw new Error(`${opts.label}: no time column recognised (columns: ${header.join(', ')}); map one with --columns time=COLUMN, or give --start to time every row`);
  }
  const id = await startIngestLog(store, { source: path, fileKey, format: opts.format, startedMs: nowMs() });
  try {
    const counts = await store.transaction(async () => loadCsv(store, path, dialect, cols, opts, id));
    if (counts.positions + counts.statics + counts.duplicates === 0) {
      const rej = Object.entries(counts.rejects).map(([k, n]) => `${k} ${n}`).join(', ');
      throw new Error(`${opts.label}: stored nothing from ${counts.lines - 1} rows (rejected: ${rej || 'none'}; `
        + `columns used: ${Object.entries(cols).map(([f, c]) => `${f}=${c}`).join(',')}); check --columns`);
    }
    await finishIngestLog(store, id, 'done', nowMs());
    return { id, counts };
  } catch (err) {
    const e = readerError(err as Error, opts.label);
    await finishIngestLog(store, id, 'failed', nowMs(), e.message).catch(() => undefined);
    throw e;
  }
}

async function loadCsv(store: Store, path: string, dialect: CsvDialect, cols: ColumnMap, opts: CsvOptions, id: number): Promise<IngestCounts> {
  const dma = opts.format === 'dma';
  const time = cols.time !== undefined ? timeExpr(ident(cols.time), opts.format) : 'NULL::TIMESTAMP';
  const status = cols.status === undefined ? 'NULL::INTEGER' : dma ? textCase(ident(cols.status), DMA_STATUS) : numExpr(cols.status, 'INTEGER');
  const shiptype = cols.shiptype === undefined ? 'NULL::INTEGER' : dma ? textCase(ident(cols.shiptype), DMA_SHIPTYPE) : numExpr(cols.shiptype, 'INTEGER');
  // Class A -> type 1, Class B -> 18; other mobiles (base stations, AtoN, SAR aircraft) carry no vessel position.
  const cls = cols.class === undefined ? `1` : `(CASE WHEN upper(trim(${ident(cols.class)})) IN ('A', 'CLASS A') THEN 1
      WHEN upper(trim(${ident(cols.class)})) IN ('B', 'CLASS B') THEN 18 ELSE NULL END)`;
  const imo = cols.imo === undefined ? 'NULL::BIGINT' : `try_cast(nullif(regexp_extract(${ident(cols.imo)}, '[0-9]+'), '') AS BIGINT)`;
  for (const t of ['csv_errors', 'csv_error_scans']) await store.run(`DROP TABLE IF EXISTS ${t}`);
  await store.run(`CREATE OR REPLACE TEMP TABLE csv_rows AS
    SELECT row_number() OVER () AS line,
      ${numExpr(cols.mmsi, 'BIGINT')} AS mmsi,
      ${cols.time !== undefined ? time : 'NULL::TIMESTAMP'} AS t_raw,
      ${textExpr(cols.time)} AS t_text,
      ${numExpr(cols.lat)} AS lat, ${numExpr(cols.lon)} AS lon,
      ${numExpr(cols.speed)} AS speed, ${numExpr(cols.course)} AS course, ${numExpr(cols.heading)} AS heading,
      ${status} AS status, ${cls} AS type,
      ${textExpr(cols.shipname)} AS shipname, ${textExpr(cols.callsign)} AS callsign, ${imo} AS imo, ${shiptype} AS shiptype,
      ${numExpr(cols.draught)} AS draught, ${textExpr(cols.destination)} AS destination,
      ${numExpr(cols.length)} AS length, ${numExpr(cols.beam)} AS beam,
      ${cols.mmsi !== undefined ? `trim(${ident(cols.mmsi)})` : 'NULL'} AS mmsi_text
    FROM ${readCsvSql(path, dialect)}`, [path]);
  // Validation: one reason per rejected row (first that applies), positions only when lat/lon are available.
  await store.run(`CREATE OR REPLACE TEMP TABLE csv_valid AS
    SELECT *, coalesce(t_raw, CASE WHEN ?::BIGINT IS NULL THEN NULL ELSE epoch_ms(?::BIGINT) END) AS t,
      CASE
        WHEN mmsi IS NULL OR lat IS NULL OR lon IS NULL THEN 'truncated'
        WHEN mmsi < 1 OR mmsi > 999999999 THEN 'out_of_range'
        WHEN t_text IS NOT NULL AND (t_raw IS NULL OR t_raw < epoch_ms(${Math.round(opts.timeWindow.minMs)}::BIGINT)
          OR t_raw > epoch_ms(${Math.round(opts.timeWindow.maxMs)}::BIGINT)) THEN '${CSV_REJECT_BAD_TIME}'
        WHEN coalesce(t_raw, CASE WHEN ?::BIGINT IS NULL THEN NULL ELSE epoch_ms(?::BIGINT) END) IS NULL THEN '${INGEST_REJECT_NO_TIME}'
        WHEN NOT ((lat BETWEEN -90 AND 90 OR lat = 91) AND (lon BETWEEN -180 AND 180 OR lon = 181)) THEN 'out_of_range'
        ELSE NULL END AS reject,
      (lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180) AS has_position
    FROM csv_rows`, [opts.startMs, opts.startMs, opts.startMs, opts.startMs]);
  const counts = emptyCounts();
  const total = await store.one<{ n: bigint }>('SELECT count(*) AS n FROM csv_valid');
  // Malformed rows DuckDB set aside, one reason per line (a line can carry several errors).
  const malformed = await store.all<{ line: bigint; error_type: string }>(
    'SELECT line, min(error_type) AS error_type FROM csv_errors GROUP BY line ORDER BY line');
  counts.lines = Number(total?.n ?? 0) + malformed.length + 1; // + header
  for (const m of malformed) bump(counts.rejects, CSV_ERROR_REASONS[m.error_type] ?? 'csv_malformed');
  for (const r of await store.all<{ reject: string; n: bigint }>('SELECT reject, count(*) AS n FROM csv_valid WHERE reject IS NOT NULL GROUP BY reject')) {
    bump(counts.rejects, r.reject, Number(r.n));
  }
  if (opts.strict) {
    // Rows are numbered from the first data row; file line = row + 1 (header), ignoring quoted newlines.
    const first = await store.one<{ line: bigint; reject: string }>('SELECT line + 1 AS line, reject FROM csv_valid WHERE reject IS NOT NULL ORDER BY line LIMIT 1');
    const bad = malformed[0];
    if (bad && (!first || Number(bad.line) < Number(first.line))) {
      throw new Error(`${opts.label}:${Number(bad.line)}: ${CSV_ERROR_REASONS[bad.error_type] ?? 'csv_malformed'}`);
    }
    if (first) throw new Error(`${opts.label}:${Number(first.line)}: ${first.reject}`);
  }
  const source = opts.source === null ? 'NULL::VARCHAR' : `'${opts.source === 'satellite' ? 'satellite' : 'terrestrial'}'`;
  const win = `INTERVAL ${DEDUP_WINDOW_S} SECOND`;
  // Not-available sentinels of the AIS fields the exports copy (speed 102.3, course 360, heading 511).
  await store.run(`CREATE OR REPLACE TEMP TABLE csv_pos AS
    SELECT mmsi::UINTEGER AS mmsi, t, lat, lon,
      CASE WHEN speed >= 102.3 OR speed < 0 THEN NULL ELSE speed END::FLOAT AS speed,
      CASE WHEN course >= 360 OR course < 0 THEN NULL ELSE course END::FLOAT AS course,
      CASE WHEN heading >= 360 OR heading < 0 THEN NULL ELSE heading END::SMALLINT AS heading,
      CASE WHEN status BETWEEN 0 AND 15 THEN status END::UTINYINT AS status, type::UTINYINT AS type,
      hash(mmsi, t, lat, lon, speed, course, heading, status) AS dedup_key
    FROM csv_valid WHERE reject IS NULL AND has_position AND type IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY dedup_key ORDER BY line) = 1`);
  const bounds = await store.one<{ lo: number | null; hi: number | null; n: bigint }>(
    'SELECT epoch_ms(min(t))::DOUBLE AS lo, epoch_ms(max(t))::DOUBLE AS hi, count(*) AS n FROM csv_pos');
  const insertedPos = (await store.conn.run(`INSERT INTO positions
    SELECT s.mmsi, s.t, s.lat, s.lon, s.speed, s.course, s.heading, s.status, s.type, ${source}, NULL, s.dedup_key, ?
    FROM csv_pos s WHERE NOT EXISTS (SELECT 1 FROM positions p WHERE p.dedup_key = s.dedup_key
      AND p.time BETWEEN s.t - ${win} AND s.t + ${win}
      AND p.time BETWEEN epoch_ms(?::BIGINT) - ${win} AND epoch_ms(?::BIGINT) + ${win})`,
    [id, bounds?.lo ?? 0, bounds?.hi ?? 0])).rowsChanged;
  await store.run(`CREATE OR REPLACE TEMP TABLE csv_static_stage AS
    SELECT mmsi::UINTEGER AS mmsi, t,
      CASE WHEN imo > 0 AND imo < 4294967296 THEN imo END::UINTEGER AS imo, shipname, callsign,
      CASE WHEN shiptype BETWEEN 1 AND 255 THEN shiptype END::UTINYINT AS shiptype,
      CASE WHEN draught > 0 THEN draught END AS draught, destination,
      CASE WHEN length > 0 THEN length END AS length, CASE WHEN beam > 0 THEN beam END AS beam,
      hash(mmsi, t, imo, shipname, callsign, shiptype, draught, destination, length, beam) AS dedup_key
    FROM csv_valid WHERE reject IS NULL
      AND (shipname IS NOT NULL OR callsign IS NOT NULL OR imo > 0 OR shiptype > 0 OR draught > 0 OR destination IS NOT NULL OR length > 0 OR beam > 0)
    QUALIFY row_number() OVER (PARTITION BY dedup_key ORDER BY line) = 1`);
  const staticsIn = await store.one<{ n: bigint }>('SELECT count(*) AS n FROM csv_static_stage');
  const insertedStatic = (await store.conn.run(`INSERT INTO statics
    SELECT s.mmsi, s.t, NULL, s.imo, s.shipname, s.callsign, s.shiptype, NULL, NULL, NULL, NULL, s.draught, s.destination,
      s.length, s.beam, ${source}, NULL, s.dedup_key, ?
    FROM csv_static_stage s WHERE NOT EXISTS (SELECT 1 FROM statics p WHERE p.dedup_key = s.dedup_key
      AND p.time BETWEEN s.t - ${win} AND s.t + ${win})`, [id])).rowsChanged;
  if (Number(staticsIn?.n ?? 0) > 0) await rebuildIdentityHistoryFromStage(store, 'csv_static_stage');
  const valid = await store.one<{ ok: bigint; pos: bigint }>(
    `SELECT count(*) FILTER (WHERE reject IS NULL) AS ok,
            count(*) FILTER (WHERE reject IS NULL AND has_position AND type IS NOT NULL) AS pos FROM csv_valid`);
  counts.positions = insertedPos;
  counts.statics = insertedStatic;
  counts.duplicates = Number(valid?.pos ?? 0) - insertedPos + (Number(staticsIn?.n ?? 0) - insertedStatic);
  counts.notStored = Number(valid?.ok ?? 0) - Number(valid?.pos ?? 0);
  counts.messages = Number(valid?.ok ?? 0);
  await recordProgress(store, id, counts, { resumeOffset: 0, committedOffset: 0, carryTimeMs: null });
  for (const t of ['csv_rows', 'csv_valid', 'csv_pos', 'csv_static_stage', 'csv_errors', 'csv_error_scans']) await store.run(`DROP TABLE IF EXISTS ${t}`);
  return counts;
}
