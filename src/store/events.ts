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

export function eventFromRow(row: { body: unknown }): TumenEvent {
  return (typeof row.body === 'string' ? JSON.parse(row.body) : row.body) as TumenEvent;
}
