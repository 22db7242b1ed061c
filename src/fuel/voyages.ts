// Fuel deliveries to the DPRK and their volume (core, no I/O). A delivery is a tanker's dark port call or
// visible port call at a DPRK port, or an encounter (possible ship-to-ship transfer) with a DPRK-flagged
// ship. Its volume comes from the draught drop across it (cargo ≈ TPC × Δdraught) or, when the reported
// draughts did not change (crew-entered draughts are often stale), from capacity × laden share; each in
// barrels with a low / central / high band (params.ts).
//
// A tanker's AIS gap that hid no detected call (reception near the DPRK is too poor to call a silence
// intentional, so the dark port call detector makes none) is a delivery too when the tanker came back
// lighter — its reported draught fell across the silence by at least minDraughtDropM — and a DPRK port is
// the best-ranked port the silence could have hidden (the dark port call detector's own ranking, over every
// port of the region it knows, watched or not):
// `dark_discharge`, low confidence. Loading "across a dark period" is the same evidence the other way.
import { PORTS_OF_INTEREST } from '../reference/ports-of-interest.js';
import type { TumenEvent } from '../events/schema.js';
import { rankPorts } from '../detectors/dark-port-call.js';
import { DARK_PORT_CALL_PARAMS } from '../detectors/params.js';
import { FUEL_PARAMS, type FuelParams } from './params.js';

export interface TankerInfo {
  mmsi: number;
  shipname: string | null;
  imo: number | null;
  shiptype: number | null;
  lengthM: number | null;
  beamM: number | null;
  /** Reported draughts in time order. */
  draughts: ReadonlyArray<{ timeMs: number; m: number }>;
  /** Visible port visits (for where it loaded). */
  visits?: ReadonlyArray<{ portId: string; portName: string; country: string; startMs: number; endMs: number; lat?: number; lon?: number }>;
}

export interface Band { low: number; central: number; high: number }

export interface FuelDelivery {
  mmsi: number;
  shipname: string | null;
  imo: number | null;
  kind: 'dark_port_call' | 'port_call' | 'sts' | 'dark_discharge';
  event_id: string;
  port: string | null;
  start: string;
  end: string | null;
  loaded_at: string | null;
  /** Where it delivered (the call's port of interest, else the event's position) and where it loaded (the
   *  visit's position), for the voyage map. */
  at: { lat: number; lon: number };
  loaded_from: { lat: number; lon: number } | null;
  draught_before_m: number | null;
  draught_after_m: number | null;
  method: 'draught_change' | 'capacity_x_laden_share';
  confidence: 'medium' | 'low';
  barrels: Band;
  note: string;
}

const portPoint = (id: string | undefined): { lat: number; lon: number } | null => {
  const p = id ? PORTS_OF_INTEREST.find((x) => x.id === id) : undefined;
  return p ? { lat: p.lat, lon: p.lon } : null;
};

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
const KP_MID = 445;

function isTanker(t: TankerInfo, p: FuelParams): boolean {
  return t.shiptype !== null && t.shiptype >= p.tankerTypes[0] && t.shiptype <= p.tankerTypes[1];
}

function deliveryKind(e: TumenEvent): FuelDelivery['kind'] | null {
  if (e.type === 'dark_port_call' && e.port?.country === 'KP') return 'dark_port_call';
  if (e.type === 'port_visit' && e.port?.country === 'KP') return 'port_call';
  if (e.type === 'encounter' && e.other_mmsi !== undefined && Math.floor(e.other_mmsi / 1e6) === KP_MID) return 'sts';
  return null;
}

/** The hidden call is ranked among every port of the region Tumen knows, not only the watched ones: a
 *  tanker that discharged at Posyet or Zarubino, a few hours from Rajin, in a coverage hole has a DPRK
 *  port among its watched candidates but its own port ranked first. */
const ANY_PORT = { ...DARK_PORT_CALL_PARAMS, watchedRoles: [...new Set(PORTS_OF_INTEREST.map((x) => x.role))] as readonly string[] };

/** The DPRK port a tanker's uncalled gap most likely hid, when it came back lighter (see the header). */
function darkDischargePort(gap: TumenEvent, t: TankerInfo, called: ReadonlySet<string>, p: FuelParams): { id: string; name: string } | null {
  if (gap.type !== 'gap' || gap.end === null || (gap.duration_h ?? 0) < DARK_PORT_CALL_PARAMS.minGapH || called.has(`${gap.mmsi}|${gap.start}`)) return null;
  const { before, after } = draughtsAcross(t, Date.parse(gap.start), Date.parse(gap.end));
  if (before === null || after === null || before.m - after.m < p.minDraughtDropM) return null;
  const best = rankPorts(gap, ANY_PORT, PORTS_OF_INTEREST)[0];
  return best && best.country === 'KP' ? { id: best.id, name: best.name } : null;
}

function draughtsAcross(t: TankerInfo, startMs: number, endMs: number): { before: { timeMs: number; m: number } | null; after: { timeMs: number; m: number } | null } {
  return { before: [...t.draughts].reverse().find((d) => d.timeMs <= startMs) ?? null, after: t.draughts.find((d) => d.timeMs >= endMs) ?? null };
}

/** Every delivery in `events` by a tanker in `tankers`, with its volume band. Gap events among `events`
 *  count only as dark discharges (above). */
export function fuelDeliveries(events: readonly TumenEvent[], tankers: ReadonlyMap<number, TankerInfo>, p: FuelParams = FUEL_PARAMS): FuelDelivery[] {
  const out: FuelDelivery[] = [];
  const called = new Set(events.filter((e) => e.type === 'dark_port_call').map((e) => `${e.mmsi}|${e.start}`));
  for (const e of events) {
    const t0 = tankers.get(e.mmsi);
    const hidden = e.type === 'gap' && t0 && isTanker(t0, p) ? darkDischargePort(e, t0, called, p) : null;
    const kind = hidden ? 'dark_discharge' : deliveryKind(e);
    const t = kind ? t0 : undefined;
    if (!kind || !t || !isTanker(t, p)) continue;
    const startMs = Date.parse(e.start), endMs = e.end === null ? startMs : Date.parse(e.end);
    const { before, after } = draughtsAcross(t, startMs, endMs);
    const loaded = [...(t.visits ?? [])].reverse().find((v) => v.endMs <= startMs && v.country !== 'KP') ?? null;
    // Loading seen: a call outside the DPRK before it, or a reported draught rise before it.
    const rose = t.draughts.some((d, i) => i > 0 && d.timeMs <= startMs && d.m > t.draughts[i - 1]!.m);
    out.push({
      mmsi: e.mmsi, shipname: t.shipname, imo: t.imo, kind, event_id: e.id, port: hidden?.name ?? e.port?.name ?? null, start: e.start, end: e.end,
      loaded_at: loaded ? `${loaded.portName} (${loaded.portId}) until ${iso(loaded.endMs)}` : null,
      at: portPoint(hidden?.id ?? e.port?.id) ?? { lat: e.lat, lon: e.lon },
      loaded_from: loaded && loaded.lat !== undefined && loaded.lon !== undefined ? { lat: loaded.lat, lon: loaded.lon } : null,
      draught_before_m: before?.m ?? null, draught_after_m: after?.m ?? null,
      ...withHiddenCall(volume(t, before?.m ?? null, after?.m ?? null, loaded !== null || rose, p), hidden),
    });
  }
  return out.sort((a, b) => a.start.localeCompare(b.start) || a.mmsi - b.mmsi);
}

/** A dark discharge is never better than low confidence: the call itself was not seen. */
function withHiddenCall(v: Pick<FuelDelivery, 'method' | 'confidence' | 'barrels' | 'note'>, hidden: { name: string } | null): Pick<FuelDelivery, 'method' | 'confidence' | 'barrels' | 'note'> {
  if (!hidden) return v;
  return { ...v, confidence: 'low', note: `no call detected (the silence was not shown intentional); it came back lighter and ${hidden.name} is the likeliest port the silence hid; ${v.note}` };
}

function volume(t: TankerInfo, before: number | null, after: number | null, loadingSeen: boolean, p: FuelParams): Pick<FuelDelivery, 'method' | 'confidence' | 'barrels' | 'note'> {
  const L = t.lengthM, B = t.beamM;
  if (L === null || B === null || !(L > 0 && B > 0)) {
    return { method: 'capacity_x_laden_share', confidence: 'low', barrels: { low: 0, central: 0, high: 0 }, note: 'no length/beam reported: volume unknown (counted as 0)' };
  }
  const tpc = (cwp: number) => (1.025 * cwp * L * B) / 100;
  const deepest = Math.max(0, ...t.draughts.map((d) => d.m));
  const capacityT = p.dwtPerLbtCubicM * L * B * deepest;
  const drop = before !== null && after !== null ? before - after : null;
  if (drop !== null && drop >= p.minDraughtDropM) {
    const cm = drop * 100;
    const tonnes = { low: tpc(p.waterplaneCoeff.low) * cm, central: tpc(p.waterplaneCoeff.central) * cm, high: tpc(p.waterplaneCoeff.high) * cm };
    return {
      method: 'draught_change', confidence: 'medium',
      barrels: { low: Math.round(tonnes.low * p.bblPerTonne.low), central: Math.round(tonnes.central * p.bblPerTonne.central), high: Math.round(tonnes.high * p.bblPerTonne.high) },
      note: `draught ${before} m → ${after} m (${drop.toFixed(1)} m) × TPC ${tpc(p.waterplaneCoeff.central).toFixed(1)} t/cm; draughts are crew-entered and may be stale`,
    };
  }
  const why = drop === null ? 'no draught reported on one side' : `reported draught did not drop (${before} → ${after} m): stale crew entry or not a discharge`;
  // Neither a loading nor a discharge seen: nothing shows the tanker carried cargo to the meeting, so the
  // central case is the lower one (a laden tanker remains the high case).
  const centralShare = loadingSeen ? p.ladenShare.central : p.ladenShare.low;
  return {
    method: 'capacity_x_laden_share', confidence: 'low',
    barrels: {
      low: Math.round(capacityT * p.ladenShare.low * p.bblPerTonne.low),
      central: Math.round(capacityT * centralShare * p.bblPerTonne.central),
      high: Math.round(capacityT * p.ladenShare.high * p.bblPerTonne.high),
    },
    note: `${why}; capacity ≈ ${p.dwtPerLbtCubicM} × ${L} m × ${B} m × ${deepest} m = ${Math.round(capacityT)} t × laden share${loadingSeen ? '' : ` (no loading seen before it: central at the lower share ${p.ladenShare.low})`}`,
  };
}

export interface YearTotal {
  year: number;
  deliveries: number;
  barrels: Band;
  cap_bbl: number;
  share_of_cap: number;
  /** Cumulative central barrels after each delivery, in time order (for the chart). */
  running: Array<{ time: string; mmsi: number; cumulative_bbl: number }>;
  by_vessel: Array<{ mmsi: number; shipname: string | null; imo: number | null; deliveries: number; barrels: Band }>;
}

export function yearlyTotals(deliveries: readonly FuelDelivery[], p: FuelParams = FUEL_PARAMS): YearTotal[] {
  const years = new Map<number, FuelDelivery[]>();
  for (const d of deliveries) {
    const y = Number(d.start.slice(0, 4));
    years.set(y, [...(years.get(y) ?? []), d]);
  }
  return [...years.entries()].sort((a, b) => a[0] - b[0]).map(([year, ds]) => {
    const sum = (xs: readonly FuelDelivery[]): Band => ({
      low: xs.reduce((s, d) => s + d.barrels.low, 0), central: xs.reduce((s, d) => s + d.barrels.central, 0), high: xs.reduce((s, d) => s + d.barrels.high, 0),
    });
    let cum = 0;
    const running = ds.map((d) => ({ time: d.start, mmsi: d.mmsi, cumulative_bbl: (cum += d.barrels.central) }));
    const byMmsi = new Map<number, FuelDelivery[]>();
    for (const d of ds) byMmsi.set(d.mmsi, [...(byMmsi.get(d.mmsi) ?? []), d]);
    const total = sum(ds);
    return {
      year, deliveries: ds.length, barrels: total, cap_bbl: p.capBblPerYear, share_of_cap: Math.round((total.central / p.capBblPerYear) * 1000) / 1000, running,
      by_vessel: [...byMmsi.entries()].map(([mmsi, xs]) => ({ mmsi, shipname: xs[0]!.shipname, imo: xs[0]!.imo, deliveries: xs.length, barrels: sum(xs) }))
        .sort((a, b) => b.barrels.central - a.barrels.central),
    };
  });
}
