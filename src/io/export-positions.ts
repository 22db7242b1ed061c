// Export of stored positions: Parquet and CSV through DuckDB's COPY (filter values bound as parameters;
// COPY cannot bind its target, so the path is a quoted literal), GeoJSON streamed from the positions
// reader as points or one LineString per vessel.
import { createWriteStream, type WriteStream } from 'node:fs';
import type { Store } from '../store/db.js';
import { join } from 'node:path';
import { positionFilter, streamPositions, type PositionQuery } from '../store/positions.js';
import { LAKE_STATICS_DIR } from '../store/lake.js';

export type ExportFormat = 'parquet' | 'csv' | 'geojson';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['parquet', 'csv', 'geojson'];

export interface ExportOptions {
  format: ExportFormat;
  /** File path; undefined = stdout (not for Parquet). */
  out?: string;
  query?: PositionQuery;
  /** GeoJSON: one LineString per vessel instead of points. */
  lines?: boolean;
  /** Parquet: `out` is a directory written as a hive-partitioned lake, one `day=YYYY-MM-DD/` directory per
   *  UTC day (readers prune days by path; DuckDB reads it with read_parquet and hive_partitioning), and the
   *  static reports of the same filter under `statics/day=YYYY-MM-DD/` (src/store/lake.ts reads both). */
  partitionBy?: 'day';
}

function sqlString(s: string): string {
  if (s.includes('\0')) throw new Error('output path contains a NUL byte');
  return `'${s.replace(/'/g, "''")}'`;
}

/** Writes the export; returns the number of positions written (and, for a lake, of static reports). */
export async function exportPositions(store: Store, opts: ExportOptions): Promise<number> {
  return (await exportWithStatics(store, opts)).positions;
}

export async function exportWithStatics(store: Store, opts: ExportOptions): Promise<{ positions: number; statics: number }> {
  const positions = await exportRows(store, opts);
  const statics = opts.partitionBy === 'day' ? await exportLakeStatics(store, opts.out!, opts.query ?? {}) : 0;
  return { positions, statics };
}

/** The lake's static reports (the detectors' identity and draught input), by UTC day like the positions,
 *  each day in time order with insertion order kept for ties (the order `tumen detect` reads them in). */
async function exportLakeStatics(store: Store, dir: string, q: PositionQuery): Promise<number> {
  const { where, params } = positionFilter(q, { spatial: false });
  const sql = `COPY (SELECT mmsi, time, type, imo, shipname, callsign, shiptype, to_bow, to_stern, to_port, to_starboard,
      draught, destination, length, beam, source, stations, strftime(time, '%Y-%m-%d') AS day
    FROM statics ${where} ORDER BY time, mmsi, rowid) TO ${sqlString(join(dir, LAKE_STATICS_DIR))} (FORMAT parquet, PARTITION_BY (day), OVERWRITE_OR_IGNORE false)`;
  return (await store.conn.run(sql, params)).rowsChanged;
}

async function exportRows(store: Store, opts: ExportOptions): Promise<number> {
  const q = opts.query ?? {};
  if (opts.format === 'geojson') return exportGeoJson(store, q, opts.out, opts.lines ?? false);
  if (opts.format === 'parquet' && opts.out === undefined) throw new Error(`parquet export needs --out ${opts.partitionBy ? 'DIR' : 'FILE'}`);
  if (opts.partitionBy && opts.format !== 'parquet') throw new Error('--partition-by is for --format parquet (a hive-partitioned lake)');
  const { where, params } = positionFilter(q);
  const stations = opts.format === 'csv' ? `array_to_string(stations, ';') AS stations` : 'stations';
  const target = opts.out ?? '/dev/stdout';
  const select = `SELECT mmsi, strftime(time, '%Y-%m-%dT%H:%M:%S.%gZ') AS time, lat, lon, round(speed, 1) AS speed, round(course, 1) AS course,
    heading, status, type, source, ${stations} FROM positions ${where} ORDER BY mmsi, time, rowid`;
  const parquetSelect = select.replace(`strftime(time, '%Y-%m-%dT%H:%M:%S.%gZ') AS time`, 'time');
  const sql = opts.format === 'parquet' && opts.partitionBy === 'day'
    // Times are stored as UTC timestamps: the day is the UTC day. Each day's rows keep the mmsi, time order.
    ? `COPY (${parquetSelect.replace(' FROM positions', `, strftime(time, '%Y-%m-%d') AS day FROM positions`)}) TO ${sqlString(target)} (FORMAT parquet, PARTITION_BY (day), OVERWRITE_OR_IGNORE false)`
    : opts.format === 'parquet'
    ? `COPY (${parquetSelect}) TO ${sqlString(target)} (FORMAT parquet)`
    : `COPY (${select}) TO ${sqlString(target)} (FORMAT csv, HEADER true)`;
  return (await store.conn.run(sql, params)).rowsChanged;
}

async function exportGeoJson(store: Store, q: PositionQuery, out: string | undefined, lines: boolean): Promise<number> {
  const stream: NodeJS.WritableStream = out === undefined ? process.stdout : createWriteStream(out);
  let failed: Error | null = null;
  stream.on('error', (e: Error) => {
    failed = e;
  });
  const write = (s: string) => new Promise<void>((resolve, reject) => {
    if (failed) reject(failed);
    else if (stream.write(s)) resolve();
    else stream.once('drain', resolve);
  });
  let n = 0;
  let first = true;
  const feature = async (f: object) => {
    await write(`${first ? '' : ',\n'}${JSON.stringify(f)}`);
    first = false;
  };
  await write('{"type":"FeatureCollection","features":[\n');
  let cur: { mmsi: number; coords: number[][]; times: string[] } | null = null;
  const endLine = async () => {
    if (cur && cur.coords.length > 0) {
      // A single position is a valid track but not a LineString (RFC 7946 needs two positions).
      await feature({
        type: 'Feature',
        geometry: cur.coords.length > 1 ? { type: 'LineString', coordinates: cur.coords } : { type: 'Point', coordinates: cur.coords[0] },
        properties: { mmsi: cur.mmsi, positions: cur.coords.length, start: cur.times[0], end: cur.times[cur.times.length - 1], times: cur.times },
      });
    }
  };
  for await (const batch of streamPositions(store, q)) {
    for (const p of batch) {
      n++;
      const time = new Date(p.timeMs).toISOString();
      if (lines) {
        if (!cur || cur.mmsi !== p.mmsi) {
          await endLine();
          cur = { mmsi: p.mmsi, coords: [], times: [] };
        }
        cur.coords.push([p.lon, p.lat]);
        cur.times.push(time);
      } else {
        await feature({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
          properties: { mmsi: p.mmsi, time, speed: p.speedKn, course: p.courseDeg, heading: p.headingDeg, status: p.status, source: p.source ?? null },
        });
      }
    }
  }
  if (lines) await endLine();
  await write('\n]}\n');
  if (out !== undefined) await new Promise<void>((resolve, reject) => (stream as WriteStream).end((e?: Error | null) => (e ? reject(e) : resolve())));
  return n;
}
