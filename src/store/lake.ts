// A lake written by `tumen export --format parquet --partition-by day` read as a store: an in-memory DuckDB
// whose `positions` and `statics` are views over the lake's Parquet files (all days, or one), each file's
// row number standing in for the store's insertion order. The export writes each day in the store's order
// with insertion order kept for ties, so the store's own readers (positions by time, statics, the stop scan)
// read a lake day as they read the store it came from — `tumen detect --lake` gives `tumen detect`'s events.
import { Store } from './db.js';
import { POSITIONS_DDL, streamFixColumns } from './positions.js';
import { scanStopColumns, type StopScan } from '../anchorages/collect.js';

/** Static reports live beside the position days, under DIR/statics/day=YYYY-MM-DD/. */
export const LAKE_STATICS_DIR = 'statics';

export interface LakeLayout {
  /** UTC days with positions, ascending (YYYY-MM-DD). */
  days: string[];
  /** Days with static reports. */
  staticDays: string[];
}

function sqlString(s: string): string {
  if (s.includes('\0')) throw new Error('lake path contains a NUL byte');
  return `'${s.replace(/'/g, "''")}'`;
}

const dayDir = (root: string, day: string): string => `${root.replace(/\/+$/, '')}/day=${day}`;
const staticsRoot = (root: string): string => `${root.replace(/\/+$/, '')}/${LAKE_STATICS_DIR}`;

/** The days of a lake; refuses a directory that is not one (no day directories, no statics, a day split
 *  over several files: their row order would not be the store's). */
export async function lakeLayout(dir: string): Promise<LakeLayout> {
  const store = await Store.open(':memory:');
  try {
    const files = async (root: string): Promise<Map<string, number>> => {
      const rows = await store.all<{ file: string }>(`SELECT file FROM glob(${sqlString(`${root.replace(/\/+$/, '')}/day=*/*.parquet`)})`);
      const byDay = new Map<string, number>();
      for (const { file } of rows) {
        const m = /\/day=(\d{4}-\d{2}-\d{2})\/[^/]+\.parquet$/.exec(file);
        if (m) byDay.set(m[1]!, (byDay.get(m[1]!) ?? 0) + 1);
      }
      return byDay;
    };
    const positions = await files(dir);
    if (positions.size === 0) throw new Error(`${dir}: no day=YYYY-MM-DD/*.parquet files (write a lake with: tumen export --format parquet --partition-by day --out ${dir})`);
    const statics = await files(staticsRoot(dir));
    if (statics.size === 0) throw new Error(`${dir}: no static reports under ${LAKE_STATICS_DIR}/ (a lake exported before statics were written: export it again)`);
    for (const [day, n] of [...positions, ...statics]) {
      if (n > 1) throw new Error(`${dir}: day ${day} is split over ${n} files; a lake day must be one file (its row order is the store's)`);
    }
    return { days: [...positions.keys()].sort(), staticDays: [...statics.keys()].sort() };
  } finally {
    store.close();
  }
}

/** An in-memory store reading the lake: every day, or only `day` (positions and statics of that UTC day). */
export async function openLake(dir: string, layout: LakeLayout, day?: string): Promise<Store> {
  const days = day === undefined ? layout.days : layout.days.includes(day) ? [day] : [];
  const staticDays = day === undefined ? layout.staticDays : layout.staticDays.includes(day) ? [day] : [];
  const store = await Store.open(':memory:');
  try {
    // The tables as the store defines them, for a day without rows of one kind (and the column types).
    await store.ensureSchema(POSITIONS_DDL);
    const view = async (table: 'positions' | 'statics', files: string[]): Promise<void> => {
      if (files.length === 0) return;
      await store.run(`DROP TABLE ${table}`);
      await store.run(`CREATE VIEW ${table} AS SELECT * EXCLUDE (file_row_number), file_row_number AS rowid
        FROM read_parquet([${files.map(sqlString).join(', ')}], hive_partitioning = false, file_row_number = true)`);
    };
    await view('positions', days.map((d) => `${dayDir(dir, d)}/*.parquet`));
    await view('statics', staticDays.map((d) => `${dayDir(staticsRoot(dir), d)}/*.parquet`));
    return store;
  } catch (err) {
    store.close();
    throw err;
  }
}

/** The lake's stops (what `tumen detect` learns its port areas from), as the store's anchorage build
 *  finds them: every vessel's positions in time order. */
export async function lakeStops(lake: Store): Promise<StopScan> {
  return scanStopColumns(streamFixColumns(lake));
}
