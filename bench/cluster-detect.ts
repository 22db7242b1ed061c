// `tumen ingest FILE && tumen detect` into a fresh store, in process: the events a cluster must reproduce.
import { main } from '../src/cli/main.js';
import { withStore } from '../src/store/db.js';
import { queryEvents } from '../src/store/events-write.js';
import type { TumenEvent } from '../src/events/schema.js';

export async function runDetect(nmea: string, db: string): Promise<TumenEvent[]> {
  await main(['node', 'tumen', 'ingest', nmea, '--db', db]);
  await main(['node', 'tumen', 'detect', '--db', db]);
  return withStore(db, (s) => queryEvents(s));
}
