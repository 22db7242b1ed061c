// The events table: the contract between the detectors (writers) and the CLI, risk scoring and the
// server (readers). `body` holds the whole event as JSON; the other columns are for filtering.
import type { TumenEvent } from '../events/schema.js';
import type { Store } from './db.js';

export const EVENTS_DDL = [
  `CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY,
    type VARCHAR NOT NULL,
    mmsi UINTEGER NOT NULL,
    start TIMESTAMP NOT NULL,
    "end" TIMESTAMP,
    lat DOUBLE,
    lon DOUBLE,
    other_mmsi UINTEGER,
    port_id VARCHAR,
    body JSON NOT NULL
  )`,
] as const;

export async function ensureEventsSchema(store: Store): Promise<void> {
  await store.ensureSchema(EVENTS_DDL);
}

/** Port visits of confidence 1 (resting on one position) are stored but not listed unless asked for
 *  (PORT_VISIT_PARAMS.minListedConfidence): the condition that keeps every other row. */
export const LISTED_VISITS_SQL =
  "NOT (type = 'port_visit' AND coalesce(TRY_CAST(json_extract(body, '$.evidence.confidence') AS INTEGER), 4) < 2)";

export function eventFromRow(row: { body: unknown }): TumenEvent {
  return (typeof row.body === 'string' ? JSON.parse(row.body) : row.body) as TumenEvent;
}
