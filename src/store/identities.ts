// Identity history (fields of gpsd's type 5 plus `length`/`beam` in metres, which CSV exports give instead
// of the four antenna distances): one row per run of one value of one identity field per MMSI (A→B→A is three rows),
// derived from the `statics` table with a gaps-and-islands query, so it is always consistent with it.
import type { Store } from './db.js';

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

/** The same for the MMSIs of a staging table (ingest, inside the batch transaction). */
export async function rebuildIdentityHistoryFromStage(store: Store, stageTable: 'static_stage' | 'csv_static_stage'): Promise<void> {
  await store.run(`CREATE OR REPLACE TEMP TABLE identity_scope AS SELECT DISTINCT mmsi FROM ${stageTable}`);
  await rebuildScope(store);
}

async function rebuildScope(store: Store): Promise<void> {
  await store.run('DELETE FROM identity_history WHERE mmsi IN (SELECT mmsi FROM identity_scope)');
  await store.run(`INSERT INTO identity_history
    WITH obs AS (
      ${OBSERVATIONS_SQL}
    ), marked AS (
      SELECT *, CASE WHEN value IS DISTINCT FROM lag(value) OVER w THEN 1 ELSE 0 END AS change
      FROM obs WINDOW w AS (PARTITION BY mmsi, field ORDER BY time, value)
    ), runs AS (
      SELECT *, sum(change) OVER (PARTITION BY mmsi, field ORDER BY time, value ROWS UNBOUNDED PRECEDING) AS run
      FROM marked
    )
    SELECT mmsi, field, any_value(value), min(time), max(time), count(*)::UINTEGER
    FROM runs GROUP BY mmsi, field, run`);
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
