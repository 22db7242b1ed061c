// What the fuel-cap monitor reads from the store: the delivery-shaped events and, for the ships in them,
// their type, dimensions, reported draughts and visible port visits. The arithmetic is src/fuel (core).
import type { Store } from './db.js';
import { queryEvents } from './events-write.js';
import { ensurePositionsSchema } from './positions.js';
import { fuelAccount, yearlyTotals, type FuelDelivery, type FuelSetAside, type TankerInfo, type YearTotal } from '../fuel/voyages.js';
import type { FuelPending } from '../fuel/pending.js';

export interface FuelReport {
  deliveries: FuelDelivery[];
  years: YearTotal[];
  /** Possible deliveries not in the totals: a call open at the data's end, a meeting no draught measured. */
  pending: FuelPending[];
  /** Tanker silences not counted: the evidence puts them at a place that is not a DPRK port. */
  set_aside: FuelSetAside[];
}

export async function fuelReport(store: Store, year?: number): Promise<FuelReport> {
  await ensurePositionsSchema(store);
  const range = year === undefined ? {} : { fromMs: Date.UTC(year, 0, 1), toMs: Date.UTC(year + 1, 0, 1) - 1 };
  // Gaps: a tanker's silence that hid no detected call may hide a discharge (fuel/voyages.ts dark_discharge);
  // dark detections: where a tanker was seen during a silence (fuel/hidden-port.ts).
  const events = await queryEvents(store, { types: ['dark_port_call', 'port_visit', 'encounter', 'gap', 'dark_detection'], ...range });
  // Both sides of a meeting: the tanker may be either, and the partner's draughts and calls are evidence.
  const mmsis = [...new Set(events.filter((e) => (e.type !== 'port_visit' || e.port?.country === 'KP') && e.type !== 'dark_detection')
    .flatMap((e) => (e.type === 'encounter' && e.other_mmsi !== undefined ? [e.mmsi, e.other_mmsi] : [e.mmsi])))];
  const tankers = await tankerInfo(store, mmsis);
  const visits = await queryEvents(store, { types: ['port_visit'] });
  for (const v of visits) {
    const t = tankers.get(v.mmsi);
    if (!t || !v.port) continue;
    (t.visits as Array<NonNullable<TankerInfo['visits']>[number]>).push({ portId: v.port.id, portName: v.port.name, country: v.port.country, startMs: Date.parse(v.start), endMs: v.end === null ? Date.parse(v.start) : Date.parse(v.end), lat: v.lat, lon: v.lon });
  }
  const inYear = (d: { start: string }): boolean => year === undefined || d.start.startsWith(String(year));
  const account = fuelAccount(events, tankers);
  const deliveries = account.deliveries.filter(inYear);
  const pending = account.pending.filter(inYear);
  return { deliveries, years: yearlyTotals(deliveries, undefined, pending), pending, set_aside: account.set_aside.filter(inYear) };
}

async function tankerInfo(store: Store, mmsis: readonly number[]): Promise<Map<number, TankerInfo>> {
  const out = new Map<number, TankerInfo>();
  if (mmsis.length === 0) return out;
  const list = `[${mmsis.join(',')}]`;
  const rows = await store.all<{ mmsi: number; shipname: string | null; imo: number | null; shiptype: number | null; len: number | null; beam: number | null }>(
    `SELECT mmsi, arg_max(shipname, time) FILTER (WHERE shipname IS NOT NULL) AS shipname, arg_max(imo, time) FILTER (WHERE imo > 0) AS imo,
       arg_max(shiptype, time) FILTER (WHERE shiptype > 0) AS shiptype,
       arg_max(coalesce(length, to_bow::DOUBLE + to_stern::DOUBLE), time) FILTER (WHERE coalesce(length, to_bow::DOUBLE + to_stern::DOUBLE) > 0) AS len,
       arg_max(coalesce(beam, to_port::DOUBLE + to_starboard::DOUBLE), time) FILTER (WHERE coalesce(beam, to_port::DOUBLE + to_starboard::DOUBLE) > 0) AS beam
     FROM statics WHERE mmsi IN (SELECT unnest(?::UINTEGER[])) GROUP BY mmsi`, [list],
  );
  for (const r of rows) {
    out.set(Number(r.mmsi), {
      mmsi: Number(r.mmsi), shipname: r.shipname, imo: r.imo === null ? null : Number(r.imo), shiptype: r.shiptype === null ? null : Number(r.shiptype),
      lengthM: r.len === null ? null : Number(r.len), beamM: r.beam === null ? null : Number(r.beam), draughts: [], visits: [],
    });
  }
  // Draught as reported, one row per change (a static repeats it every 6 min).
  const ds = await store.all<{ mmsi: number; t: number; d: number }>(
    `SELECT mmsi, t, d FROM (
       SELECT mmsi, epoch_ms(time)::DOUBLE AS t, round(draught, 1) AS d, lag(round(draught, 1)) OVER (PARTITION BY mmsi ORDER BY time) AS prev
       FROM statics WHERE mmsi IN (SELECT unnest(?::UINTEGER[])) AND draught > 0)
     WHERE prev IS NULL OR prev <> d ORDER BY mmsi, t`, [list],
  );
  for (const r of ds) (out.get(Number(r.mmsi))?.draughts as Array<{ timeMs: number; m: number }> | undefined)?.push({ timeMs: Number(r.t), m: Number(r.d) });
  return out;
}
