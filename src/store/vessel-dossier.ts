// Reads what the store knows about one vessel for screening and the dossier: its identity history
// (former names, IMO, call signs), its events and those of its encounter partners. Every table is
// optional: a store may hold lists only.
import type { Store } from './db.js';
import { eventFromRow } from './events.js';
import type { TumenEvent } from '../events/schema.js';

export interface IdentityRow {
  mmsi: number;
  field: string;
  value: string;
  first_seen: string;
  last_seen: string;
  messages: number;
}

export async function tableExists(store: Store, table: string): Promise<boolean> {
  const row = await store.one<{ n: bigint }>('SELECT count(*) AS n FROM information_schema.tables WHERE table_name = $t', { t: table });
  return Number(row?.n ?? 0) > 0;
}

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

export async function identityHistory(store: Store, mmsis: number[]): Promise<IdentityRow[]> {
  if (mmsis.length === 0 || !(await tableExists(store, 'identity_history'))) return [];
  const out: IdentityRow[] = [];
  for (const mmsi of new Set(mmsis)) {
    const rows = await store.all<Record<string, unknown>>(
      'SELECT mmsi, field, value, first_seen, last_seen, messages FROM identity_history WHERE mmsi = $mmsi ORDER BY field, first_seen',
      { mmsi },
    );
    for (const r of rows) {
      out.push({ mmsi: Number(r.mmsi), field: String(r.field), value: String(r.value), first_seen: iso(r.first_seen), last_seen: iso(r.last_seen), messages: Number(r.messages) });
    }
  }
  return out;
}

/** MMSIs whose identity history carries this IMO, this name (case-insensitive) or this call sign. */
export async function mmsisFor(store: Store, q: { imo?: string | null; name?: string | null; callsign?: string | null }): Promise<number[]> {
  if (!(await tableExists(store, 'identity_history'))) return [];
  const found = new Set<number>();
  const add = async (field: string, value: string, ci: boolean): Promise<void> => {
    const rows = await store.all<{ mmsi: number }>(
      `SELECT DISTINCT mmsi FROM identity_history WHERE field = $field AND ${ci ? 'upper(trim(value)) = upper(trim($value))' : 'value = $value'}`,
      { field, value },
    );
    for (const r of rows) found.add(Number(r.mmsi));
  };
  if (q.imo) await add('imo', String(Number(q.imo)), false);
  if (q.name) await add('shipname', q.name, true);
  if (q.callsign) await add('callsign', q.callsign, true);
  return [...found].sort((a, b) => a - b);
}

/** Ship names each MMSI has broadcast, for screening former names. */
export async function shipnamesByMmsi(store: Store): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (!(await tableExists(store, 'identity_history'))) return out;
  const rows = await store.all<{ mmsi: number; value: string }>(
    "SELECT DISTINCT mmsi, value FROM identity_history WHERE field = 'shipname' ORDER BY mmsi, value",
  );
  for (const r of rows) {
    const list = out.get(Number(r.mmsi)) ?? [];
    list.push(String(r.value));
    out.set(Number(r.mmsi), list);
  }
  return out;
}

/** Events of these MMSIs (as the vessel or as the other party of an encounter), oldest first. */
export async function eventsOf(store: Store, mmsis: number[]): Promise<TumenEvent[]> {
  if (mmsis.length === 0 || !(await tableExists(store, 'events'))) return [];
  const byId = new Map<string, TumenEvent>();
  for (const mmsi of new Set(mmsis)) {
    const rows = await store.all<{ body: unknown }>('SELECT body FROM events WHERE mmsi = $m OR other_mmsi = $m ORDER BY start, id', { m: mmsi });
    for (const r of rows) { const e = eventFromRow(r); byId.set(e.id, e); }
  }
  return [...byId.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id.localeCompare(b.id)));
}
