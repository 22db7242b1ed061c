// Fuel deliveries to the DPRK and their volume (core, no I/O). A delivery is a tanker's dark port call or
// visible port call at a DPRK port, or an encounter (possible ship-to-ship transfer) with a DPRK-flagged
// ship. Its volume comes from the draught drop across it (cargo ≈ TPC × Δdraught) or, when the reported
// draughts did not change (crew-entered draughts are often stale), from capacity × laden share; each in
// barrels with a low / central / high band (params.ts).
//
// A tanker's AIS gap that hid no detected call (reception near the DPRK is too poor to call a silence
// intentional, so the dark port call detector makes none) is a delivery too when the tanker came back
// lighter — its reported draught fell across the silence by at least minDraughtDropM — and the evidence
// puts the silence at a DPRK port: `dark_discharge`, low confidence. Loading "across a dark period" is the
// same evidence the other way.
//
// A silence — a dark discharge, or a dark port call the detector put at a DPRK port (it weighs only the
// watched ports) — counts only when the evidence says DPRK (hidden-port.ts): a sighting of the ship dark
// at a DPRK port; else no sighting elsewhere (another port, an unlisted place on the coast) and a DPRK
// port ranked first among every listed port, curated or WPI, the silence could have hidden. Otherwise it
// is set aside with the reason, never named after a port it was not shown at; so is a silence the tanker
// sailed straight through at its own speed (hidden-port.ts sailedThrough).
//
// A call still open at the data's end, and a meeting where no draught measured a transfer, are possible
// deliveries listed apart with their band and left out of the total (pending.ts).
//
// The draught after an event is a change reported within afterDraughtMaxH of its end and before the ship's
// next silence; one reported drop is counted once, on the delivery nearest before it (shareDrops).
import type { TumenEvent } from '../events/schema.js';
import { DARK_PORT_CALL_PARAMS } from '../detectors/params.js';
import { landIndex, type LandIndex } from '../geo/land.js';
import { FUEL_PARAMS, type FuelParams } from './params.js';
import { meetingWhy, openCallWhy, type FuelPending } from './pending.js';
import { callStands, courseBendScore, describePlace, dprkCallFits, listedPorts, placesSeen, rankHiddenPort, sailedThrough, type ListedPort, type SeenPlace, type SilenceEnds } from './hidden-port.js';

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

/** A tanker's silence the monitor did not count as a DPRK delivery because the evidence points elsewhere:
 *  a dark port call the detector put at a DPRK port (it weighs only the watched ports) or a dark discharge,
 *  where the ship was seen dark at another place, or another listed port ranks first. */
export interface FuelSetAside {
  mmsi: number;
  shipname: string | null;
  imo: number | null;
  kind: 'dark_port_call' | 'dark_discharge' | 'sts';
  event_id: string;
  start: string;
  end: string | null;
  /** The port the event named (a dark port call's), if any. */
  port: string | null;
  /** The best-ranked listed port the silence could have hidden, when the ranking decided. */
  ranked_first: { id: string; name: string; country: string } | null;
  /** Where it was seen dark during the silence (listed ports and unlisted places near the coast). */
  seen: SeenPlace[];
  why: string;
}

export interface FuelAccount {
  deliveries: FuelDelivery[];
  /** Possible deliveries not in the total: a call still open at the data's end, a meeting no draught
   *  measured a transfer at (pending.ts). */
  pending: FuelPending[];
  set_aside: FuelSetAside[];
}

export interface FuelOptions {
  /** The listed ports (default: curated ports of interest + WPI). */
  ports?: readonly ListedPort[];
  /** The coast, for telling a sighting alongside from one at sea (default: Natural Earth 1:10m). */
  land?: () => LandIndex;
}

const portPoint = (id: string | undefined, ports: readonly ListedPort[]): { lat: number; lon: number } | null => {
  const p = id ? ports.find((x) => x.id === id) : undefined;
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
  if (e.type === 'encounter' && e.other_mmsi !== undefined && (isKp(e.other_mmsi) || isKp(e.mmsi))) return 'sts';
  return null;
}

const isKp = (mmsi: number): boolean => Math.floor(mmsi / 1e6) === KP_MID;

/** An encounter is stored once per pair, in MMSI order: the tanker that may have delivered is the side that
 *  is not DPRK-flagged (either one), its partner the DPRK-flagged side; two DPRK-flagged ships: as stored. */
function stsSides(e: TumenEvent): { giver: number; partner: number } {
  const other = e.other_mmsi!;
  return isKp(e.mmsi) && !isKp(other) ? { giver: other, partner: e.mmsi } : { giver: e.mmsi, partner: other };
}

/** What a meeting with a DPRK-flagged ship shows. A transfer shows in the draughts (the tanker's fell, or the
 *  partner's rose, by minDraughtDropM): a delivery. Without that, the partner's onward voyage may rule it out:
 *  its next call after the meeting visibly at a port outside the DPRK, with no silence of minGapH or more
 *  before it that could hide a DPRK call, took whatever it carried elsewhere (that call is counted on its own
 *  if it later reaches the DPRK) — set aside. Otherwise the meeting may hide a transfer (draughts are often
 *  stale, so unchanged draughts alone never rule it out) but nothing measures one: pending (pending.ts). */
type MeetingVerdict = { shown: true } | { shown: false; draughts: string; elsewhere: string | null };
function stsShows(giver: TankerInfo, partner: TankerInfo | undefined, partnerMmsi: number, startMs: number, endMs: number, events: readonly TumenEvent[], silences: Silences, p: FuelParams): MeetingVerdict {
  const g = draughtsAcross(giver, startMs, endMs, nextSilenceMs(silences, giver.mmsi, endMs), p);
  if (g.before && g.after && g.before.m - g.after.m >= p.minDraughtDropM) return { shown: true };
  const q = partner ? draughtsAcross(partner, startMs, endMs, nextSilenceMs(silences, partnerMmsi, endMs), p) : { before: null, after: null };
  if (q.before && q.after && q.after.m - q.before.m >= p.minDraughtDropM) return { shown: true };
  const d = (x: { before: { m: number } | null; after: { m: number } | null }): string => x.before ? `${x.before.m} → ${x.after?.m ?? x.before.m} m` : 'not reported';
  const draughts = `draughts did not move by ${p.minDraughtDropM} m (tanker ${d(g)}, partner ${d(q)})`;
  const next = [...(partner?.visits ?? [])].filter((v) => v.startMs >= endMs).sort((a, b) => a.startMs - b.startMs)[0];
  if (!next || next.country === 'KP') return { shown: false, draughts, elsewhere: null };
  const silent = events.some((x) => x.mmsi === partnerMmsi && (x.type === 'gap' || x.type === 'dark_port_call')
    && Date.parse(x.start) >= endMs && Date.parse(x.start) < next.startMs && (x.duration_h ?? Infinity) >= DARK_PORT_CALL_PARAMS.minGapH);
  if (silent) return { shown: false, draughts, elsewhere: null };
  return { shown: false, draughts, elsewhere: `the DPRK-flagged partner MMSI ${partnerMmsi} sailed on to ${next.portName} (${next.country}), calling there visibly from ${iso(next.startMs)}` };
}

/** A tanker's uncalled gap that may hide a discharge: closed, long enough, no call made of it, and the
 *  reported draught fell across it by at least minDraughtDropM (see the header). */
function dischargeGap(gap: TumenEvent, t: TankerInfo, called: ReadonlySet<string>, silences: Silences, p: FuelParams): boolean {
  if (gap.type !== 'gap' || gap.end === null || (gap.duration_h ?? 0) < DARK_PORT_CALL_PARAMS.minGapH || called.has(`${gap.mmsi}|${gap.start}`)) return false;
  const endMs = Date.parse(gap.end);
  const { before, after } = draughtsAcross(t, Date.parse(gap.start), endMs, nextSilenceMs(silences, t.mmsi, endMs), p);
  return before !== null && after !== null && before.m - after.m >= p.minDraughtDropM;
}

type Verdict =
  | { dprk: true; port: { id: string; name: string; country: string }; how: string; seen: SeenPlace[]; caveat?: string }
  | { dprk: false; ranked_first: { id: string; name: string; country: string } | null; seen: SeenPlace[]; why: string };

/** Does the evidence put this silence at a DPRK port? A sighting at a DPRK port says so; a sighting at
 *  another port or at an unlisted place on the coast, with no DPRK port that fits around it in time, says
 *  otherwise; else the best-ranked of every listed port the gap could have hidden decides (hidden-port.ts).
 *  `gap` null: no geometry to rank (the call's gap is not among the events), `fallback` stands. */
function judgePlace(
  e: TumenEvent, gap: TumenEvent | null, sightings: readonly TumenEvent[],
  fallback: { id: string; name: string; country: string } | null, ports: readonly ListedPort[], land: () => LandIndex, p: FuelParams,
): Verdict {
  const startMs = Date.parse(e.start), endMs = e.end === null ? Infinity : Date.parse(e.end);
  const seen = placesSeen(e.mmsi, startMs, endMs, sightings, ports, land, p);
  const atDprk = seen.find((x) => x.kind === 'port' && x.port.country === 'KP');
  if (atDprk && atDprk.kind === 'port') return { dprk: true, port: atDprk.port, how: describePlace(atDprk), seen };
  const g = gap ?? e;
  const endLat = gap?.evidence.end_lat, endLon = gap?.evidence.end_lon;
  const ends: SilenceEnds = {
    start: { lat: g.lat, lon: g.lon, ms: startMs },
    end: { ms: endMs, ...(typeof endLat === 'number' && typeof endLon === 'number' ? { lat: endLat, lon: endLon } : {}) },
  };
  const elsewhere = seen.find((x) => !dprkCallFits(x, ends, ports));
  if (elsewhere) return { dprk: false, ranked_first: null, seen, why: `${describePlace(elsewhere)}; no DPRK port fits in the silence around that sighting` };
  if (gap === null) return fallback && fallback.country === 'KP' ? { dprk: true, port: fallback, how: '', seen } : { dprk: false, ranked_first: null, seen, why: 'no DPRK port' };
  const through = sailedThrough(gap);
  if (through) {
    return {
      dprk: false, ranked_first: null, seen,
      why: `it sailed on through the silence: ${through.direct_km} km straight in ${through.silence_h} h at its ${through.speed_kn} kn takes ${through.sailing_h} h, leaving under the ${DARK_PORT_CALL_PARAMS.minPortStayH} h a call needs`,
    };
  }
  const ranked = rankHiddenPort(gap, ports);
  const best = ranked[0];
  if (best && best.country === 'KP') return { dprk: true, port: fallback?.country === 'KP' ? fallback : { id: best.id, name: best.name, country: best.country }, how: `${best.name} is the likeliest port the silence hid`, seen };
  // The detector's call at a DPRK port stands against a lead one bent course could make (hidden-port.ts).
  const call = e.type === 'dark_port_call' && fallback?.country === 'KP' ? callStands(ranked, p) : null;
  if (call?.stands && fallback) {
    const lead = call.lead!;
    const how = `${lead.over.name} (${lead.over.country}) ranks first by ${lead.by} only, no more than a course bent ${p.courseBendDeg}° moves the ranking (${Math.round(courseBendScore(p) * 1e3) / 1e3}): the call at ${fallback.name} stands`;
    return { dprk: true, port: fallback, how, seen, caveat: how };
  }
  const first = best ? { id: best.id, name: best.name, country: best.country } : null;
  return {
    dprk: false, ranked_first: first, seen,
    why: first ? `${first.name} (${first.country}) ranks first among every listed port the silence could have hidden, not a DPRK port` : 'no listed port the silence could have hidden',
  };
}

type Reported = { timeMs: number; m: number };

/** The draught in force when the silence or meeting began (the last change reported before it), and the
 *  first change reported after it ends — within afterDraughtMaxH and before the ship's next silence
 *  (`untilMs`), else none: a change first heard later belongs to what the ship did in between. The store
 *  keeps one row per reported change, so "none" means no new draught was heard in that window. */
function draughtsAcross(t: TankerInfo, startMs: number, endMs: number, untilMs: number, p: FuelParams): { before: Reported | null; after: Reported | null } {
  const lastMs = Math.min(endMs + p.afterDraughtMaxH * 3_600_000, untilMs);
  return { before: [...t.draughts].reverse().find((d) => d.timeMs <= startMs) ?? null, after: t.draughts.find((d) => d.timeMs >= endMs && d.timeMs <= lastMs) ?? null };
}

/** Each ship's silence starts (gaps of minGapH or more, dark port calls), in time order. */
type Silences = ReadonlyMap<number, readonly number[]>;
function silenceStarts(events: readonly TumenEvent[]): Silences {
  const out = new Map<number, number[]>();
  for (const e of events) {
    if (!(e.type === 'dark_port_call' || (e.type === 'gap' && (e.duration_h ?? Infinity) >= DARK_PORT_CALL_PARAMS.minGapH))) continue;
    const xs = out.get(e.mmsi) ?? [];
    xs.push(Date.parse(e.start));
    out.set(e.mmsi, xs);
  }
  for (const xs of out.values()) xs.sort((a, b) => a - b);
  return out;
}
const nextSilenceMs = (s: Silences, mmsi: number, afterMs: number): number => s.get(mmsi)?.find((x) => x > afterMs) ?? Infinity;

/** Every delivery in `events` by a tanker in `tankers`, with its volume band. Gap events among `events`
 *  count only as dark discharges (above); dark_detection events are where the tanker was seen. */
export function fuelDeliveries(events: readonly TumenEvent[], tankers: ReadonlyMap<number, TankerInfo>, p: FuelParams = FUEL_PARAMS, o: FuelOptions = {}): FuelDelivery[] {
  return fuelAccount(events, tankers, p, o).deliveries;
}

/** The deliveries; the possible ones not in the total (pending); the tanker silences and meetings set aside
 *  because the evidence puts them elsewhere. */
export function fuelAccount(events: readonly TumenEvent[], tankers: ReadonlyMap<number, TankerInfo>, p: FuelParams = FUEL_PARAMS, o: FuelOptions = {}): FuelAccount {
  const ports = o.ports ?? listedPorts();
  const land = o.land ?? landIndex;
  const out: FuelDelivery[] = [];
  const setAside: FuelSetAside[] = [];
  const pending: FuelPending[] = [];
  const called = new Set(events.filter((e) => e.type === 'dark_port_call').map((e) => `${e.mmsi}|${e.start}`));
  const gaps = new Map(events.filter((e) => e.type === 'gap').map((e) => [e.id, e]));
  const sightings = events.filter((e) => e.type === 'dark_detection');
  const silences = silenceStarts(events);
  // The reported draught change each draught-change volume rests on: one drop is counted once (shareDrops).
  const dropOf = new Map<FuelDelivery, { afterMs: number; endMs: number }>();
  const partnerOf = new Map<FuelDelivery, number>();
  for (const e of events) {
    let kind = deliveryKind(e);
    const sides = kind === 'sts' ? stsSides(e) : null;
    const mmsi = sides ? sides.giver : e.mmsi;
    const t = tankers.get(mmsi);
    if (!t || !isTanker(t, p)) continue;
    const startMs = Date.parse(e.start), endMs = e.end === null ? startMs : Date.parse(e.end);
    let pendingWhy: string | null = e.end === null ? openCallWhy(e.start) : null;
    if (sides) {
      const v = stsShows(t, tankers.get(sides.partner), sides.partner, startMs, endMs, events, silences, p);
      if (!v.shown && v.elsewhere) {
        setAside.push({ mmsi, shipname: t.shipname, imo: t.imo, kind: 'sts', event_id: e.id, start: e.start, end: e.end, port: null, ranked_first: null, seen: [], why: `no transfer shown: ${v.draughts}, and ${v.elsewhere}` });
        continue;
      }
      if (!v.shown) pendingWhy = meetingWhy(v.draughts);
    }
    let hidden: { name: string; how: string } | null = null;
    let caveat: string | null = null;
    let port = e.port ?? null;
    // A silence counts only where the evidence puts it at a DPRK port (judgePlace).
    const silence = e.type === 'gap' ? (dischargeGap(e, t, called, silences, p) ? 'dark_discharge' : null)
      : kind === 'dark_port_call' && e.evidence.port_by !== 'imagery' ? 'dark_port_call' : null;
    if (silence) {
      const gap = silence === 'dark_discharge' ? e : gaps.get(String(e.evidence.gap_id)) ?? null;
      const v = judgePlace(e, gap, sightings, silence === 'dark_port_call' ? e.port ?? null : null, ports, land, p);
      if (!v.dprk) {
        setAside.push({ mmsi: e.mmsi, shipname: t.shipname, imo: t.imo, kind: silence, event_id: e.id, start: e.start, end: e.end, port: e.port?.name ?? null, ranked_first: v.ranked_first, seen: v.seen, why: v.why });
        continue;
      }
      kind = silence;
      port = v.port;
      if (silence === 'dark_discharge') hidden = { name: v.port.name, how: v.how };
      caveat = v.caveat ?? null;
    }
    if (!kind) continue;
    const { before, after } = draughtsAcross(t, startMs, endMs, nextSilenceMs(silences, mmsi, endMs), p);
    const loaded = [...(t.visits ?? [])].reverse().find((v) => v.endMs <= startMs && v.country !== 'KP') ?? null;
    // Loading seen: a call outside the DPRK before it, or a reported draught rise before it.
    const rose = t.draughts.some((d, i) => i > 0 && d.timeMs <= startMs && d.m > t.draughts[i - 1]!.m);
    const d: FuelDelivery = {
      mmsi, shipname: t.shipname, imo: t.imo, kind, event_id: e.id, port: port?.name ?? null, start: e.start, end: e.end,
      loaded_at: loaded ? `${loaded.portName} (${loaded.portId}) until ${iso(loaded.endMs)}` : null,
      at: portPoint(port?.id, ports) ?? { lat: e.lat, lon: e.lon },
      loaded_from: loaded && loaded.lat !== undefined && loaded.lon !== undefined ? { lat: loaded.lat, lon: loaded.lon } : null,
      draught_before_m: before?.m ?? null, draught_after_m: after?.m ?? null,
      ...withHiddenCall(volume(t, before?.m ?? null, after?.m ?? null, loaded !== null || rose, p), hidden),
    };
    if (caveat) d.note = `${d.note}; ${caveat}`;
    // Not over, or nothing measured a transfer: listed apart with its band, not in the total (pending.ts).
    if (pendingWhy) { pending.push({ ...d, why: pendingWhy }); continue; }
    out.push(d);
    if (sides) partnerOf.set(d, sides.partner);
    if (d.method === 'draught_change' && after) dropOf.set(d, { afterMs: after.timeMs, endMs });
  }
  const kept = partnerCallsOnce(shareDrops(out, dropOf, setAside), partnerOf, tankers);
  const order = <T extends { start: string; mmsi: number }>(a: T, b: T): number => a.start.localeCompare(b.start) || a.mmsi - b.mmsi;
  return { deliveries: kept.sort(order), pending: pending.sort(order), set_aside: setAside.sort(order) };
}

/** A counted meeting's cargo went to the DPRK-flagged partner; when the partner, a tanker itself, then makes
 *  a DPRK delivery of its own (its next one after the meeting, with no visible call outside the DPRK between
 *  where it could have loaded other cargo), that delivery carries the meeting's cargo again: it keeps only
 *  what it delivered beyond the meeting's barrels (band by band, never below 0), so the cargo counts once. */
function partnerCallsOnce(out: FuelDelivery[], partnerOf: ReadonlyMap<FuelDelivery, number>, tankers: ReadonlyMap<number, TankerInfo>): FuelDelivery[] {
  const res = [...out];
  for (const [m, partner] of partnerOf) {
    if (!res.includes(m)) continue;
    const fromMs = Date.parse(m.end ?? m.start);
    const d = res.filter((x) => x.mmsi === partner && Date.parse(x.start) >= fromMs).sort((a, b) => a.start.localeCompare(b.start))[0];
    if (!d || d.kind === 'sts') continue;
    const reloaded = (tankers.get(partner)?.visits ?? []).some((v) => v.country !== 'KP' && v.startMs >= fromMs && v.endMs <= Date.parse(d.start));
    if (reloaded) continue;
    const i = res.indexOf(d);
    const less = (a: number, b: number): number => Math.max(0, a - b);
    res[i] = {
      ...d, barrels: { low: less(d.barrels.low, m.barrels.low), central: less(d.barrels.central, m.barrels.central), high: less(d.barrels.high, m.barrels.high) },
      note: `${d.note}; it carried the cargo of the meeting ${m.event_id} (${m.start}) with MMSI ${m.mmsi}, counted there: only what it delivered beyond that meeting's ${Math.round(m.barrels.central)} bbl is counted here`,
    };
  }
  return res;
}

/** One reported draught drop is one discharge: when several deliveries of a tanker rest on the same reported
 *  change (no other change reported between them), it is counted on the one that ended last before it (the
 *  nearest). A dark discharge that lent it — a delivery only because of that drop — is set aside; any other
 *  stays a delivery (its call or meeting was seen) with no barrels of its own. */
function shareDrops(out: readonly FuelDelivery[], dropOf: ReadonlyMap<FuelDelivery, { afterMs: number; endMs: number }>, setAside: FuelSetAside[]): FuelDelivery[] {
  const owner = new Map<string, FuelDelivery>();
  const key = (d: FuelDelivery): string => `${d.mmsi}|${dropOf.get(d)!.afterMs}`;
  for (const d of dropOf.keys()) {
    const o = owner.get(key(d));
    if (!o || dropOf.get(d)!.endMs > dropOf.get(o)!.endMs) owner.set(key(d), d);
  }
  const kept: FuelDelivery[] = [];
  for (const d of out) {
    const o = dropOf.has(d) ? owner.get(key(d))! : d;
    if (o === d) { kept.push(d); continue; }
    const why = `its draught drop (${d.draught_before_m} → ${d.draught_after_m} m, reported ${iso(dropOf.get(d)!.afterMs)}) is counted on the later ${o.kind} ${o.event_id} (${o.start}); one reported drop is one discharge`;
    if (d.kind === 'dark_discharge') {
      setAside.push({ mmsi: d.mmsi, shipname: d.shipname, imo: d.imo, kind: 'dark_discharge', event_id: d.event_id, start: d.start, end: d.end, port: null, ranked_first: null, seen: [], why });
    } else {
      kept.push({ ...d, confidence: 'low', barrels: { low: 0, central: 0, high: 0 }, note: `${why}: no barrels of its own` });
    }
  }
  return kept;
}

/** A dark discharge is never better than low confidence: the call itself was not seen. */
function withHiddenCall(v: Pick<FuelDelivery, 'method' | 'confidence' | 'barrels' | 'note'>, hidden: { name: string; how: string } | null): Pick<FuelDelivery, 'method' | 'confidence' | 'barrels' | 'note'> {
  if (!hidden) return v;
  return { ...v, confidence: 'low', note: `no call detected (the silence was not shown intentional); it came back lighter; ${hidden.how}; ${v.note}` };
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
  const why = drop === null ? (before === null ? 'no draught reported before it' : `no draught change reported within ${p.afterDraughtMaxH} h after it (nor before its next silence)`) : `reported draught did not drop (${before} → ${after} m): stale crew entry or not a discharge`;
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
  /** Possible deliveries of the year not in `deliveries` nor `barrels` (pending.ts): how many, and their band. */
  pending: { deliveries: number; barrels: Band };
  cap_bbl: number;
  share_of_cap: number;
  /** Cumulative central barrels after each delivery, in time order (for the chart). */
  running: Array<{ time: string; mmsi: number; cumulative_bbl: number }>;
  by_vessel: Array<{ mmsi: number; shipname: string | null; imo: number | null; deliveries: number; barrels: Band }>;
}

export function yearlyTotals(deliveries: readonly FuelDelivery[], p: FuelParams = FUEL_PARAMS, pending: readonly FuelPending[] = []): YearTotal[] {
  const years = new Map<number, FuelDelivery[]>();
  const yearOf = (d: { start: string }): number => Number(d.start.slice(0, 4));
  for (const d of deliveries) years.set(yearOf(d), [...(years.get(yearOf(d)) ?? []), d]);
  for (const d of pending) if (!years.has(yearOf(d))) years.set(yearOf(d), []);
  const sum = (xs: readonly FuelDelivery[]): Band => ({
    low: xs.reduce((s, d) => s + d.barrels.low, 0), central: xs.reduce((s, d) => s + d.barrels.central, 0), high: xs.reduce((s, d) => s + d.barrels.high, 0),
  });
  return [...years.entries()].sort((a, b) => a[0] - b[0]).map(([year, ds]) => {
    const open = pending.filter((d) => yearOf(d) === year);
    let cum = 0;
    const running = ds.map((d) => ({ time: d.start, mmsi: d.mmsi, cumulative_bbl: (cum += d.barrels.central) }));
    const byMmsi = new Map<number, FuelDelivery[]>();
    for (const d of ds) byMmsi.set(d.mmsi, [...(byMmsi.get(d.mmsi) ?? []), d]);
    const total = sum(ds);
    return {
      year, deliveries: ds.length, barrels: total, pending: { deliveries: open.length, barrels: sum(open) }, cap_bbl: p.capBblPerYear, share_of_cap: Math.round((total.central / p.capBblPerYear) * 1000) / 1000, running,
      by_vessel: [...byMmsi.entries()].map(([mmsi, xs]) => ({ mmsi, shipname: xs[0]!.shipname, imo: xs[0]!.imo, deliveries: xs.length, barrels: sum(xs) }))
        .sort((a, b) => b.barrels.central - a.barrels.central),
    };
  });
}
