// Ships, not numbers: the latest name, IMO, call sign and ship type of each MMSI (identity history) and its
// flag (the MMSI's MID: AIS carries no flag), so every list, export and report can show who a vessel is.
import type { Store } from './db.js';
import type { TumenEvent } from '../events/schema.js';
import { flagOfMmsi } from '../reference/mid.js';
import { shiptypeText } from '../ais/lookups.js';

export interface VesselLabel {
  mmsi: number;
  name: string | null;
  imo: string | null;
  callsign: string | null;
  /** ISO 3166 alpha-2 from the MMSI's MID. */
  flag: string | null;
  /** ITU ship type in words ("Tanker - all ships of this type"), not the raw code. */
  shiptype: string | null;
}

export type LabelledEvent = TumenEvent & { vessel: VesselLabel; other_vessel?: VesselLabel };

async function hasIdentities(store: Store): Promise<boolean> {
  const row = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'identity_history' AND schema_name = 'main'");
  return Number(row?.n ?? 0) > 0;
}

export function bareLabel(mmsi: number): VesselLabel {
  return { mmsi, name: null, imo: null, callsign: null, flag: flagOfMmsi(mmsi), shiptype: null };
}

/** One label per MMSI asked for (bare when the store has no static report of it). */
export async function vesselLabels(store: Store, mmsis: Iterable<number>): Promise<Map<number, VesselLabel>> {
  const wanted = [...new Set(mmsis)].filter((m) => Number.isInteger(m) && m > 0);
  const out = new Map<number, VesselLabel>(wanted.map((m) => [m, bareLabel(m)]));
  if (wanted.length === 0 || !(await hasIdentities(store))) return out;
  const rows = await store.all<{ mmsi: number; name: string | null; imo: string | null; callsign: string | null; shiptype: string | null }>(
    `SELECT mmsi,
       arg_max(value, last_seen) FILTER (WHERE field = 'shipname') AS name,
       arg_max(value, last_seen) FILTER (WHERE field = 'imo') AS imo,
       arg_max(value, last_seen) FILTER (WHERE field = 'callsign') AS callsign,
       arg_max(value, last_seen) FILTER (WHERE field = 'shiptype') AS shiptype
     FROM identity_history WHERE mmsi IN (SELECT unnest($m::UINTEGER[])) GROUP BY mmsi`,
    { m: JSON.stringify(wanted) },
  );
  for (const r of rows) {
    const mmsi = Number(r.mmsi);
    const type = r.shiptype === null ? NaN : Number(r.shiptype);
    out.set(mmsi, {
      mmsi, name: r.name, imo: r.imo === null ? null : r.imo.padStart(7, '0'), callsign: r.callsign, flag: flagOfMmsi(mmsi),
      shiptype: Number.isInteger(type) && type > 0 ? shiptypeText(type) : null,
    });
  }
  return out;
}

/** The events with `vessel` (and `other_vessel` for two-ship events) attached. */
export async function labelEvents(store: Store, events: readonly TumenEvent[]): Promise<LabelledEvent[]> {
  const labels = await vesselLabels(store, events.flatMap((e) => (e.other_mmsi === undefined ? [e.mmsi] : [e.mmsi, e.other_mmsi])));
  return events.map((e) => ({
    ...e,
    vessel: labels.get(e.mmsi) ?? bareLabel(e.mmsi),
    ...(e.other_mmsi === undefined ? {} : { other_vessel: labels.get(e.other_mmsi) ?? bareLabel(e.other_mmsi) }),
  }));
}

/** "SIBIR (RU, IMO 9365198)" or "MMSI 273226420 (RU)" when no name is known. */
export function vesselText(v: VesselLabel | undefined, mmsi?: number): string {
  if (!v) return `MMSI ${mmsi ?? '?'}`;
  const bits = [v.flag, v.imo ? `IMO ${v.imo}` : null, v.name ? `MMSI ${v.mmsi}` : null].filter(Boolean);
  return `${v.name ?? `MMSI ${v.mmsi}`}${bits.length ? ` (${bits.join(', ')})` : ''}`;
}
