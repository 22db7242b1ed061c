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

const STAGE_TIME_SQL = {
  static_stage: 'epoch_ms(t_ms::BIGINT)',
  csv_static_stage: 't',
} as const;

/** Observations in `statics` of the scope's vessels from `$lo` on, after the seed run of their field if any. */
const TAIL_OBSERVATIONS_SQL = `SELECT o.* FROM (
  ${IDENTITY_FIELDS.map(
    (f) => `SELECT s.mmsi, s.time, '${f}' AS field, CAST(s.${f} AS VARCHAR) AS value FROM statics s
    WHERE s.${f} IS NOT NULL AND s.time >= epoch_ms($lo::BIGINT) AND s.mmsi IN (SELECT mmsi FROM identity_stage_scope)`,
  ).join('\n  UNION ALL\n  ')}) o
  LEFT JOIN identity_seeds k ON k.mmsi = o.mmsi AND k.field = o.field
  WHERE k.mmsi IS NULL OR o.time > k.last_seen OR (o.time = k.last_seen AND o.value > k.value)`;

/**
 * The same for the MMSIs of a staging table (ingest, inside the batch transaction), incrementally. Runs are
 * ordered by (time, value) and a run's first and last observations carry its value, so for a vessel whose
 * oldest staged static is at T, the runs ending before T are final except the last of them (the seed), which
 * may still extend. Only the observations after the seed — (time, value) greater than (seed end, seed
 * value) — are read again and the runs from the seed on recomputed: exactly the rows of a full rebuild.
 * In time-ordered input that is just the new statics; a late (older) static reaches back only to T.
 */
export async function rebuildIdentityHistoryFromStage(store: Store, stageTable: 'static_stage' | 'csv_static_stage'): Promise<void> {
  await store.run(`CREATE OR REPLACE TEMP TABLE identity_stage_scope AS
    SELECT mmsi, min(${STAGE_TIME_SQL[stageTable]}) AS t_min FROM ${stageTable} GROUP BY mmsi`);
  await store.run(`CREATE OR REPLACE TEMP TABLE identity_seeds AS
    SELECT h.* FROM identity_history h JOIN identity_stage_scope s USING (mmsi) WHERE h.last_seen < s.t_min
    QUALIFY row_number() OVER (PARTITION BY h.mmsi, h.field ORDER BY h.last_seen DESC, h.value DESC) = 1`);
  const lo = await store.one<{ lo: number }>(`SELECT epoch_ms(least(
      (SELECT min(t_min) FROM identity_stage_scope),
      (SELECT min(last_seen) FROM identity_seeds),
      (SELECT min(h.first_seen) FROM identity_history h JOIN identity_stage_scope s USING (mmsi) WHERE h.last_seen >= s.t_min)
    ))::DOUBLE AS lo`);
  await store.run(`CREATE OR REPLACE TEMP TABLE identity_tail_obs AS ${TAIL_OBSERVATIONS_SQL}`, { lo: Number(lo?.lo ?? 0) });
  await store.run(`CREATE OR REPLACE TEMP TABLE identity_tail_seeds AS
    SELECT k.* FROM identity_seeds k WHERE EXISTS (SELECT 1 FROM identity_tail_obs n WHERE n.mmsi = k.mmsi AND n.field = k.field)`);
  await store.run(`CREATE OR REPLACE TEMP TABLE identity_tail_runs AS
    WITH obs AS (
      SELECT mmsi, last_seen AS time, field, value, first_seen, messages::BIGINT AS messages FROM identity_tail_seeds
      UNION ALL
      SELECT mmsi, time, field, value, time AS first_seen, 1::BIGINT AS messages FROM identity_tail_obs
    ), marked AS (
      SELECT *, CASE WHEN value IS DISTINCT FROM lag(value) OVER w THEN 1 ELSE 0 END AS change
      FROM obs WINDOW w AS (PARTITION BY mmsi, field ORDER BY time, value)
    ), runs AS (
      SELECT *, sum(change) OVER (PARTITION BY mmsi, field ORDER BY time, value ROWS UNBOUNDED PRECEDING) AS run
      FROM marked
    )
    SELECT mmsi, field, any_value(value) AS value, min(first_seen) AS first_seen, max(time) AS last_seen,
      sum(messages)::UINTEGER AS messages
    FROM runs GROUP BY mmsi, field, run`);
  await store.run(`DELETE FROM identity_history h USING identity_stage_scope s WHERE h.mmsi = s.mmsi AND h.last_seen >= s.t_min`);
  await store.run(`DELETE FROM identity_history h USING identity_tail_seeds l
    WHERE h.mmsi = l.mmsi AND h.field = l.field AND h.value = l.value AND h.first_seen = l.first_seen AND h.last_seen = l.last_seen`);
  await store.run('INSERT INTO identity_history SELECT mmsi, field, value, first_seen, last_seen, messages FROM identity_tail_runs');
  for (const t of ['identity_stage_scope', 'identity_seeds', 'identity_tail_obs', 'identity_tail_seeds', 'identity_tail_runs']) {
    await store.run(`DROP TABLE ${t}`);
  }
}

async function rebuildScope(store: Store): Promise<void> {
  const scope = await store.one<{ n: bigint }>('SELECT count(*) AS n FROM identity_scope');
  if (Number(scope?.n ?? 0) === 0) {
    await store.run('DROP TABLE identity_scope');
    return;
  }
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
