// Identity history (fields of gpsd's type 5 plus `length`/`beam` in metres, which CSV exports give instead
// of the four antenna distances): one row per run of one value of one identity field per MMSI (A→B→A is three rows),
// derived from the `statics` table with a gaps-and-islands query, so it is always consistent with it.
import { TIMESTAMP, UINTEGER, VARCHAR } from './duckdb-api.js';
import { ChunkWriter } from './chunk-writer.js';
import type { Store } from './db.js';
import { textCodes } from './text-codes.js';
import { codePointCompare, compareObservations, foldRuns, type Observation, type Run } from './identity-runs.js';

export const IDENTITY_FIELDS = [
  'shipname', 'callsign', 'imo', 'shiptype', 'to_bow', 'to_stern', 'to_port', 'to_starboard', 'draught', 'destination',
  'length', 'beam',
] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

export const IDENTITIES_DDL = [
  `CREATE TABLE IF NOT EXISTS identity_history (
    mmsi UINTEGER NOT NULL,
    field VARCHAR NOT NULL,
    value VARCHAR NOT NULL,
    first_seen TIMESTAMP NOT NULL,
    last_seen TIMESTAMP NOT NULL,
    messages UINTEGER NOT NULL
  )`,
] as const;

export interface IdentityRun {
  mmsi: number;
  field: IdentityField;
  value: string;
  firstSeenMs: number;
  lastSeenMs: number;
  messages: number;
}

// Observations of every field as text (field names are constants, not user input).
const OBSERVATIONS_SQL = IDENTITY_FIELDS.map(
  (f) => `SELECT mmsi, time, '${f}' AS field, CAST(${f} AS VARCHAR) AS value FROM statics WHERE ${f} IS NOT NULL AND mmsi IN (SELECT mmsi FROM identity_scope)`,
).join('\n  UNION ALL\n  ');

/**
 * Recomputes the runs of the given MMSIs (all when omitted) from `statics`. Runs are ordered by message
 * time, ties by value, so the result does not depend on ingest order.
 */
export async function rebuildIdentityHistory(store: Store, mmsis?: Iterable<number>): Promise<void> {
  await store.run('CREATE OR REPLACE TEMP TABLE identity_scope (mmsi UINTEGER)');
  if (mmsis === undefined) {
    await store.run('INSERT INTO identity_scope SELECT DISTINCT mmsi FROM statics');
  } else {
    for (const m of new Set(mmsis)) await store.run('INSERT INTO identity_scope VALUES (?)', [m]);
  }
  await rebuildScope(store);
}

const STAGE_TIME_SQL = {
  static_stage: 'epoch_ms(t_ms::BIGINT)',
  csv_static_stage: 't',
} as const;

/** Observations in `statics` of the incremental scope newer than each vessel's cutoff (and than `$lo`). */
const NEW_OBSERVATIONS_SQL = IDENTITY_FIELDS.map(
  (f) => `SELECT s.mmsi, s.time, '${f}' AS field, CAST(s.${f} AS VARCHAR) AS value FROM statics s JOIN identity_incremental c USING (mmsi)
    WHERE s.${f} IS NOT NULL AND s.time >= epoch_ms($lo::BIGINT) AND (c.cutoff IS NULL OR s.time > c.cutoff)`,
).join('\n  UNION ALL\n  ');

/**
 * The same for the MMSIs of a staging table (ingest, inside the batch transaction), incrementally: a vessel
 * whose staged statics are all newer than every stored run end only extends its last run per field or
 * appends runs, which gives exactly the rows of a full rebuild (the new observations sort after all stored
 * ones). A vessel with an older or equal-time static (a later file, late satellite lines) is fully rebuilt.
 */
export async function rebuildIdentityHistoryFromStage(store: Store, stageTable: 'static_stage' | 'csv_static_stage'): Promise<void> {
  await store.run(`CREATE OR REPLACE TEMP TABLE identity_stage_scope AS
    SELECT st.mmsi, st.t_min, max(h.last_seen) AS cutoff
    FROM (SELECT mmsi, min(${STAGE_TIME_SQL[stageTable]}) AS t_min FROM ${stageTable} GROUP BY mmsi) st
    LEFT JOIN identity_history h USING (mmsi) GROUP BY st.mmsi, st.t_min`);
  await store.run(`CREATE OR REPLACE TEMP TABLE identity_scope AS
    SELECT mmsi FROM identity_stage_scope WHERE cutoff IS NOT NULL AND t_min <= cutoff`);
  await rebuildScope(store);
  await store.run(`CREATE OR REPLACE TEMP TABLE identity_incremental AS
    SELECT mmsi, cutoff FROM identity_stage_scope WHERE cutoff IS NULL OR t_min > cutoff`);
  const lo = await store.one<{ lo: number | null }>(
    'SELECT epoch_ms(min(t_min))::DOUBLE AS lo FROM identity_stage_scope WHERE cutoff IS NULL OR t_min > cutoff');
  if (lo?.lo !== null && lo?.lo !== undefined) await extendIncremental(store, Number(lo.lo));
  await store.run('DROP TABLE IF EXISTS identity_incremental');
  await store.run('DROP TABLE identity_stage_scope');
}

async function extendIncremental(store: Store, loMs: number): Promise<void> {
  await store.run(`CREATE OR REPLACE TEMP TABLE identity_new_obs AS ${NEW_OBSERVATIONS_SQL}`, { lo: loMs });
  // The last stored run of each (mmsi, field) with new observations: the greatest in (time, value) order.
  await store.run(`CREATE OR REPLACE TEMP TABLE identity_last_runs AS
    SELECT h.* FROM identity_history h
    WHERE h.mmsi IN (SELECT mmsi FROM identity_incremental)
      AND EXISTS (SELECT 1 FROM identity_new_obs n WHERE n.mmsi = h.mmsi AND n.field = h.field)
    QUALIFY row_number() OVER (PARTITION BY h.mmsi, h.field ORDER BY h.last_seen DESC, h.first_seen DESC, h.value DESC) = 1`);
  await store.run(`CREATE OR REPLACE TEMP TABLE identity_extended AS ${runsSql(`
      SELECT mmsi, last_seen AS time, field, value, first_seen, messages::BIGINT AS messages FROM identity_last_runs
      UNION ALL
      SELECT mmsi, time, field, value, time AS first_seen, 1::BIGINT AS messages FROM identity_new_obs`)}`);
  await store.run(`DELETE FROM identity_history h USING identity_last_runs l
    WHERE h.mmsi = l.mmsi AND h.field = l.field AND h.value = l.value AND h.first_seen = l.first_seen AND h.last_seen = l.last_seen`);
  await store.run('INSERT INTO identity_history SELECT mmsi, field, value, first_seen, last_seen, messages FROM identity_extended');
  for (const t of ['identity_new_obs', 'identity_last_runs', 'identity_extended']) await store.run(`DROP TABLE ${t}`);
}

/**
 * Gaps and islands: observations (mmsi, time, field, value, first_seen, messages) — single messages or
 * stored runs — grouped into runs of one value, ordered by time, ties by value.
 */
function runsSql(observationsSql: string): string {
  return `WITH obs AS (${observationsSql}
    ), marked AS (
      SELECT *, CASE WHEN value IS DISTINCT FROM lag(value) OVER w THEN 1 ELSE 0 END AS change
      FROM obs WINDOW w AS (PARTITION BY mmsi, field ORDER BY time, value)
    ), runs AS (
      SELECT *, sum(change) OVER (PARTITION BY mmsi, field ORDER BY time, value ROWS UNBOUNDED PRECEDING) AS run
      FROM marked
    )
    SELECT mmsi, field, any_value(value) AS value, min(first_seen) AS first_seen, max(time) AS last_seen,
      sum(messages)::UINTEGER AS messages
    FROM runs GROUP BY mmsi, field, run`;
}

async function rebuildScope(store: Store): Promise<void> {
  const scope = await store.one<{ n: bigint }>('SELECT count(*) AS n FROM identity_scope');
  if (Number(scope?.n ?? 0) === 0) {
    await store.run('DROP TABLE identity_scope');
    return;
  }
  await store.run('DELETE FROM identity_history WHERE mmsi IN (SELECT mmsi FROM identity_scope)');
  await store.run(`INSERT INTO identity_history ${runsSql(`
      SELECT mmsi, time, field, value, time AS first_seen, 1::BIGINT AS messages FROM (${OBSERVATIONS_SQL})`)}`);
  await store.run('DROP TABLE identity_scope');
}

/** Identity runs ordered by mmsi, field, first_seen. */
export async function readIdentityHistory(store: Store, mmsi?: number): Promise<IdentityRun[]> {
  const rows = await store.all<{ mmsi: number; field: IdentityField; value: string; f: number; l: number; messages: number }>(
    `SELECT mmsi, field, value, epoch_ms(first_seen)::DOUBLE AS f, epoch_ms(last_seen)::DOUBLE AS l, messages
     FROM identity_history ${mmsi === undefined ? '' : 'WHERE mmsi = ?'} ORDER BY mmsi, field, first_seen, value`,
    mmsi === undefined ? [] : [mmsi],
  );
  return rows.map((r) => ({
    mmsi: Number(r.mmsi), field: r.field, value: r.value, firstSeenMs: Number(r.f), lastSeenMs: Number(r.l), messages: Number(r.messages),
  }));
}

/**
 * A newly stored static report as identity_history reads it: per IDENTITY_FIELDS entry the value as DuckDB
 * casts the column to VARCHAR, undefined where the column is NULL, null where only DuckDB can tell the text
 * (the vessel is then rebuilt from `statics`). `timeMs` as stored (whole ms).
 */
export interface IdentityReport {
  mmsi: number;
  timeMs: number;
  values: (string | null | undefined)[];
}

/** The last run of each field of the given vessels, and each vessel's latest run end (µs). */
const LAST_RUNS_SQL = `SELECT mmsi, field, value, epoch_us(first_seen)::DOUBLE AS f, epoch_us(last_seen)::DOUBLE AS l, messages,
    max(epoch_us(last_seen)) OVER (PARTITION BY mmsi)::DOUBLE AS cutoff
  FROM identity_history WHERE mmsi IN (SELECT unnest($m::UINTEGER[]))
  QUALIFY row_number() OVER (PARTITION BY mmsi, field ORDER BY last_seen DESC, first_seen DESC, value DESC) = 1`;

const STATIC_TEXT_SQL = `SELECT mmsi, epoch_us(time)::DOUBLE AS t, ${IDENTITY_FIELDS.map((f) => `CAST(${f} AS VARCHAR) AS ${f}`).join(', ')}
  FROM statics WHERE mmsi IN (SELECT unnest($m::UINTEGER[]))`;

const FIELD_INDEX = new Map<string, number>(IDENTITY_FIELDS.map((f, i) => [f, i]));
/** A number key per (mmsi, field). */
const runKey = (mmsi: number, field: number): number => mmsi * 16 + field;

/**
 * Brings identity_history up to date with newly stored statics (inside the caller's transaction), in memory:
 * a vessel whose new reports are all later than its latest stored run end extends its last run per field
 * or appends runs (what a full rebuild gives: the new observations sort after all stored ones); any other
 * vessel (a later file, late satellite lines) is rebuilt from all its statics. Equal to
 * rebuildIdentityHistory over the same vessels (test/ingest/identity-history.test.ts).
 */
export async function extendIdentityHistory(store: Store, reports: readonly IdentityReport[]): Promise<void> {
  if (reports.length === 0) return;
  const byVessel = new Map<number, IdentityReport[]>();
  const rebuild = new Set<number>();
  for (const r of reports) {
    let list = byVessel.get(r.mmsi);
    if (list === undefined) byVessel.set(r.mmsi, (list = []));
    list.push(r);
    if (r.values.includes(null)) rebuild.add(r.mmsi);
  }
  const last = new Map<number, Run>();
  const cutoff = new Map<number, number>();
  for (const r of await store.all<{ mmsi: number; field: string; value: string; f: number; l: number; messages: number; cutoff: number }>(
    LAST_RUNS_SQL, { m: JSON.stringify([...byVessel.keys()]) })) {
    const m = Number(r.mmsi);
    last.set(runKey(m, FIELD_INDEX.get(r.field)!), { value: r.value, firstUs: r.f, lastUs: r.l, messages: Number(r.messages) });
    cutoff.set(m, r.cutoff);
  }
  const added: RunRow[] = [];
  const extended: RunRow[] = [];
  for (const [m, list] of byVessel) {
    if (rebuild.has(m)) continue;
    const c = cutoff.get(m);
    if (c !== undefined && list.some((r) => r.timeMs * 1000 <= c)) {
      rebuild.add(m);
      continue;
    }
    list.sort((a, b) => a.timeMs - b.timeMs);
    for (let f = 0; f < IDENTITY_FIELDS.length; f++) {
      const field = IDENTITY_FIELDS[f];
      const prev = last.get(runKey(m, f)) ?? null;
      let cur: Run | null = prev === null ? null : { ...prev };
      let curIsPrev = prev !== null;
      const close = (run: Run, isPrev: boolean) => {
        if (!isPrev) added.push({ mmsi: m, field, ...run });
        else if (run.messages !== prev!.messages) extended.push({ mmsi: m, field, ...run, prevLastUs: prev!.lastUs });
      };
      const step = (tUs: number, value: string) => {
        if (cur !== null && cur.value === value) {
          cur.lastUs = tUs;
          cur.messages++;
          return;
        }
        if (cur !== null) close(cur, curIsPrev);
        cur = { value, firstUs: tUs, lastUs: tUs, messages: 1 };
        curIsPrev = false;
      };
      for (let i = 0; i < list.length;) {
        // reports at one time take their values in VARCHAR order (almost always there is one)
        let j = i + 1;
        while (j < list.length && list[j].timeMs === list[i].timeMs) j++;
        const tUs = list[i].timeMs * 1000;
        if (j - i === 1) {
          const v = list[i].values[f];
          if (v != null) step(tUs, v);
        } else {
          const vs: string[] = [];
          for (let k = i; k < j; k++) {
            const v = list[k].values[f];
            if (v != null) vs.push(v);
          }
          for (const v of vs.sort(codePointCompare)) step(tUs, v);
        }
        i = j;
      }
      if (cur !== null) close(cur, curIsPrev);
    }
  }
  if (rebuild.size > 0) added.push(...(await rebuiltRuns(store, [...rebuild])));
  if (extended.length > 0) {
    await store.run('CREATE OR REPLACE TEMP TABLE identity_extended (mmsi UINTEGER, field VARCHAR, value VARCHAR, first_seen TIMESTAMP, prev_last TIMESTAMP, last_seen TIMESTAMP, messages UINTEGER)');
    await appendRuns(store, 'identity_extended', extended, true);
    await store.run(`UPDATE identity_history h SET last_seen = e.last_seen, messages = e.messages FROM identity_extended e
      WHERE h.mmsi = e.mmsi AND h.field = e.field AND h.value = e.value AND h.first_seen = e.first_seen AND h.last_seen = e.prev_last`);
    await store.run('DROP TABLE identity_extended');
  }
  if (added.length > 0) await appendRuns(store, 'identity_history', added, false);
}

/** Chunk writers of identity_history's and identity_extended's layouts, made on first use. */
let runChunks: ChunkWriter | null = null;
let extendedChunks: ChunkWriter | null = null;

/** Appends runs to `table`; `withPrevLast` adds the run's stored last_seen after first_seen (identity_extended's layout). */
async function appendRuns(store: Store, table: string, runs: RunRow[], withPrevLast: boolean): Promise<void> {
  const n = runs.length;
  const mmsi = new Uint32Array(n);
  const messages = new Uint32Array(n);
  const firstUs = new Float64Array(n);
  const prevLastUs = new Float64Array(n);
  const lastUs = new Float64Array(n);
  const field = new Int32Array(n);
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    rows[i] = i;
    const r = runs[i];
    mmsi[i] = r.mmsi;
    messages[i] = r.messages;
    firstUs[i] = r.firstUs;
    if (withPrevLast) prevLastUs[i] = r.prevLastUs!;
    lastUs[i] = r.lastUs;
    field[i] = FIELD_INDEX.get(r.field)!;
  }
  const app = await store.conn.createAppender(table);
  const chunks = withPrevLast
    ? (extendedChunks ??= new ChunkWriter([UINTEGER, VARCHAR, VARCHAR, TIMESTAMP, TIMESTAMP, TIMESTAMP, UINTEGER]))
    : (runChunks ??= new ChunkWriter([UINTEGER, VARCHAR, VARCHAR, TIMESTAMP, TIMESTAMP, UINTEGER]));
  chunks.append(app, [
    { kind: 'number', data: mmsi, nulls: null },
    { kind: 'text', text: { codes: field, values: IDENTITY_FIELDS } },
    { kind: 'text', text: textCodes(runs.map((r) => r.value)) },
    { kind: 'timestamp-us', data: firstUs },
    ...(withPrevLast ? [{ kind: 'timestamp-us' as const, data: prevLastUs }] : []),
    { kind: 'timestamp-us', data: lastUs },
    { kind: 'number', data: messages, nulls: null },
  ], rows);
  app.closeSync();
}

interface RunRow extends Run {
  mmsi: number;
  field: IdentityField;
  prevLastUs?: number;
}

/** Deletes the runs of `mmsis` and returns them recomputed from all their statics (not yet appended). */
async function rebuiltRuns(store: Store, mmsis: number[]): Promise<RunRow[]> {
  const perKey = new Map<string, { mmsi: number; field: IdentityField; obs: Observation[] }>();
  const result = await store.conn.stream(STATIC_TEXT_SQL, { m: JSON.stringify(mmsis) });
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const cols = chunk.getColumns();
    for (let i = 0; i < chunk.rowCount; i++) {
      const mmsi = Number(cols[0][i]);
      const tUs = Number(cols[1][i]);
      for (let f = 0; f < IDENTITY_FIELDS.length; f++) {
        const value = cols[2 + f][i] as string | null;
        if (value === null) continue;
        const field = IDENTITY_FIELDS[f];
        const key = `${mmsi}|${field}`;
        let e = perKey.get(key);
        if (e === undefined) perKey.set(key, (e = { mmsi, field, obs: [] }));
        e.obs.push({ tUs, value });
      }
    }
  }
  await store.run('DELETE FROM identity_history WHERE mmsi IN (SELECT unnest($m::UINTEGER[]))', { m: JSON.stringify(mmsis) });
  const out: RunRow[] = [];
  for (const e of perKey.values()) {
    e.obs.sort(compareObservations);
    for (const r of foldRuns(null, e.obs)) out.push({ mmsi: e.mmsi, field: e.field, ...r });
  }
  return out;
}
