// Watch rules on a small hand-made stream near Vostochny (WPI 42.75N 133.0833E): who goes dark, who is
// listed, which encounter involves a listed ship — and the same alerts whether replayed or seeded mid-way.
import { describe, expect, it } from 'vitest';
import { AlertEvaluator, darkWatchedMmsis, WATCH_TRACK_SEED_H, type ListingIndex, type SilenceJudge } from '../../src/alerts/evaluator.js';
import { distanceM } from '../../src/geo/sphere.js';
import { WATCH_PARAMS } from '../../src/alerts/params.js';
import { makeRule } from '../../src/alerts/rules.js';
import type { Position } from '../../src/tracks/position.js';
import type { StaticReport } from '../../src/detectors/detector.js';
import type { TumenEvent } from '../../src/events/schema.js';
import type { Alert } from '../../src/alerts/types.js';

const T0 = Date.UTC(2024, 2, 1);
const H = 3_600_000;
const WATCHED = 273000001; // reports IMO 9074729
const LISTED = 445000002; // IMO 8660313 is on the list
const OTHER = 412000003;

const pos = (mmsi: number, timeMs: number, lat: number, lon: number): Position =>
  ({ mmsi, timeMs, lat, lon, speedKn: 10, courseDeg: 90, headingDeg: null, status: null });
const stat = (mmsi: number, timeMs: number, imo: number): StaticReport =>
  ({ mmsi, timeMs, imo, shipname: null, callsign: null, shiptype: null, draughtM: null, destination: null, lengthM: null, beamM: null });

const LISTINGS: ListingIndex = new Map([
  ['imo:8660313', [{ list: 'un-1718', version: '2024-02-01', name: 'CHON MA SAN', key: 'KPi.001', matched_on: 'imo' as const, value: '8660313' }]],
]);

type Item = { p: Position } | { s: StaticReport };

/** WATCHED sails to ~20 km off Vostochny and falls silent at T0+4h; OTHER keeps reporting nearby for 12 h;
 *  LISTED appears at T0+1h (static at T0+1h05), is silent 8 h, reappears at T0+11h. */
function stream(): Item[] {
  const items: Item[] = [{ s: stat(WATCHED, T0, 9074729) }];
  for (let k = 0; k <= 8; k++) items.push({ p: pos(WATCHED, T0 + k * 30 * 60_000, 42.5 + k * 0.01, 133.0) });
  for (let k = 0; k <= 24; k++) items.push({ p: pos(OTHER, T0 + k * 30 * 60_000 + 1000, 42.6, 133.1) });
  items.push({ p: pos(LISTED, T0 + H, 42.0, 131.0) }, { s: stat(LISTED, T0 + H + 5 * 60_000, 8660313) }, { p: pos(LISTED, T0 + 2 * H, 42.0, 131.1) });
  items.push({ p: pos(LISTED, T0 + 11 * H, 42.1, 131.2) });
  const t = (i: Item): number => ('p' in i ? i.p.timeMs : i.s.timeMs);
  return items.sort((a, b) => t(a) - t(b) || ('s' in a ? -1 : 1));
}

function run(ev: AlertEvaluator, items: Item[]): Alert[] {
  for (const i of items) if ('p' in i) ev.pushPosition(i.p); else ev.pushStatic(i.s);
  return ev.take();
}

const dark = makeRule({ kind: 'dark', imo: '9074729', ports: ['Vostochny'], withinKm: 40 });
const active = makeRule({ kind: 'active' });
const encounter = makeRule({ kind: 'encounter', lists: ['un-1718'] });

describe('AlertEvaluator', () => {
  it('raises dark-near-port once the watched IMO is silent afterH of stream time, with the port and who was heard nearby', () => {
    const alerts = run(new AlertEvaluator([dark], LISTINGS), stream());
    expect(alerts).toHaveLength(1);
    const a = alerts[0]!;
    expect(a).toMatchObject({ kind: 'dark_near_port', mmsi: WATCHED, time: new Date(T0 + 4 * H).toISOString(), detected_at: new Date(T0 + 10 * H).toISOString() });
    expect(a.port).toMatchObject({ id: 'RUVYP', name: 'Vostochny' });
    // Last fix 42.58N 133.0E: 20.0 km from the WPI point.
    expect(a.port!.distance_km).toBeCloseTo(20.0, 0);
    // OTHER (42.6N 133.1E, ~3 km away) reported every 30 min from 04:00 to 10:00: 12 positions.
    expect(a.evidence).toMatchObject({ heard_nearby_positions: 12, heard_nearby_vessels: 1, imo: '9074729' });
  });

  it('stays quiet when the ship goes dark farther than withinKm from the ports named', () => {
    const far = makeRule({ kind: 'dark', imo: '9074729', ports: ['RUVYP'], withinKm: 10 });
    const rajin = makeRule({ kind: 'dark', imo: '9074729', ports: ['Rajin'] });
    expect(run(new AlertEvaluator([far, rajin], LISTINGS), stream())).toEqual([]);
  });

  it('does not call a ship dark when the whole feed stops (stream time, not the wall clock)', () => {
    const items = stream().filter((i) => ('p' in i ? i.p.timeMs : i.s.timeMs) <= T0 + 6 * H);
    const ev = new AlertEvaluator([dark], LISTINGS);
    expect(run(ev, items)).toEqual([]);
    ev.advance(T0 + 10 * H); // a later report of any ship moves stream time on
    expect(ev.take().map((a) => a.kind)).toEqual(['dark_near_port']);
  });

  it('raises listed-active when the static names a listed IMO and again after a silence of quietH', () => {
    const alerts = run(new AlertEvaluator([active], LISTINGS), stream());
    expect(alerts.map((a) => [a.mmsi, a.time, a.evidence.reason])).toEqual([
      [LISTED, new Date(T0 + H + 5 * 60_000).toISOString(), 'static report names a listed IMO'],
      [LISTED, new Date(T0 + 11 * H).toISOString(), 'first position after a silence'],
    ]);
    expect(alerts[1]!.evidence.silent_h).toBe(9);
    expect(alerts[0]!.listings).toEqual([{ ...LISTINGS.get('imo:8660313')![0], mmsi: LISTED }]);
  });

  it('raises an encounter alert only when a side is on the rule\'s lists', () => {
    const ev = new AlertEvaluator([encounter, makeRule({ kind: 'encounter', lists: ['ofac-sdn'] })], LISTINGS);
    run(ev, stream());
    const e: TumenEvent = { id: 'encounter-x', type: 'encounter', mmsi: OTHER, other_mmsi: LISTED, start: new Date(T0 + 3 * H).toISOString(), end: new Date(T0 + 6 * H).toISOString(), lat: 42.3, lon: 131.5, evidence: { median_distance_m: 120 } };
    ev.pushEvent(e);
    ev.pushEvent({ ...e, id: 'encounter-y', other_mmsi: WATCHED });
    const alerts = ev.take();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule_id: encounter.id, mmsi: OTHER, other_mmsi: LISTED, event_id: 'encounter-x', evidence: { median_distance_m: 120 } });
    expect(alerts[0]!.listings!.map((l) => l.mmsi)).toEqual([LISTED]);
  });

  it('gives the same alerts, same ids, when seeded with the stream so far (a server restart) as in one replay', () => {
    const items = stream();
    const whole = run(new AlertEvaluator([dark, active], LISTINGS), items);
    const cut = items.findIndex((i) => 'p' in i && i.p.timeMs >= T0 + 5 * H);
    const head = items.slice(0, cut);
    const first = run(new AlertEvaluator([dark, active], LISTINGS), head);
    // The seed a store gives: latest IMO and last fix per MMSI, and the latest time.
    const imoOf = new Map<number, string>();
    const last = new Map<number, { timeMs: number; lat: number; lon: number }>();
    for (const i of head) {
      if ('s' in i) imoOf.set(i.s.mmsi, String(i.s.imo));
      else last.set(i.p.mmsi, { timeMs: i.p.timeMs, lat: i.p.lat, lon: i.p.lon });
    }
    const clockMs = Math.max(...[...last.values()].map((f) => f.timeMs));
    const rest = run(new AlertEvaluator([dark, active], LISTINGS, { imoOf, last, clockMs }), items.slice(cut));
    const key = (a: Alert) => `${a.id} ${a.kind} ${a.time}`;
    expect([...first, ...rest].map(key).sort()).toEqual(whole.map(key).sort());
    expect(whole).toHaveLength(3);
  });

  it('with a silence judge, waits hour by hour until the reception shows the silence intentional, and says why', () => {
    const asked: Array<{ endMs: number; positionsBefore: number; own: readonly string[] | 'satellite' }> = [];
    // Shown intentional from 8 h of silence on (the watched ship's last fix is at T0+4h).
    const judge: SilenceJudge = (s) => {
      asked.push({ endMs: s.endMs, positionsBefore: s.positionsBefore, own: s.startOwn });
      const intentional = s.endMs - s.last.timeMs >= 8 * H;
      return { intentional, evidence: { reception: { unheard_probability: intentional ? 1e-4 : 0.2, expected_heard_hours: 7, own_stations: s.startOwn }, positions_before_12h: s.positionsBefore, checks: { good_reception: intentional } } };
    };
    const ev = new AlertEvaluator([dark], LISTINGS);
    ev.useSilenceJudge(judge);
    const items = stream();
    // The watched ship was heard by one coastal station.
    for (const i of items) if ('p' in i && i.p.mmsi === WATCHED) i.p.stations = ['st-vostochny'];
    const alerts = run(ev, items);
    expect(asked.map((a) => (a.endMs - T0) / H)).toEqual([10, 11, 12]);
    expect(asked[0]).toMatchObject({ positionsBefore: 9, own: ['st-vostochny'] });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ time: new Date(T0 + 4 * H).toISOString(), detected_at: new Date(T0 + 12 * H).toISOString() });
    expect(alerts[0]!.evidence).toMatchObject({ silent_h_at_alert: 8, unheard_probability: 1e-4, positions_before_12h: 9, own_stations: ['st-vostochny'] });
  });

  it('withholds (and counts) a silence never shown intentional; an anySilence rule alerts on it at afterH', () => {
    const never: SilenceJudge = () => ({ intentional: false, evidence: {} });
    const items = stream();
    const ev = new AlertEvaluator([dark], LISTINGS);
    ev.useSilenceJudge(never);
    expect(run(ev, items)).toEqual([]);
    expect(ev.unconfirmedDark()).toBe(1);
    ev.advance(T0 + (4 + 6 + WATCH_PARAMS.darkConfirmMaxH) * H);
    expect(ev.take()).toEqual([]);
    expect(ev.withheld).toEqual({ not_shown_intentional: 1, back_before_shown: 0 });
    expect(ev.unconfirmedDark()).toBe(0);

    const any = makeRule({ kind: 'dark', imo: '9074729', ports: ['Vostochny'], withinKm: 40, anySilence: true });
    expect(any.id).not.toBe(dark.id);
    const loud = new AlertEvaluator([any], LISTINGS);
    loud.useSilenceJudge(never);
    const alerts = run(loud, items);
    expect(alerts.map((a) => [a.detected_at, a.evidence.judged])).toEqual([[new Date(T0 + 10 * H).toISOString(), 'any silence (rule: anySilence)']]);
  });

  it('a restart judges a silence on the watched ship\'s track and the ships heard near it before the restart', () => {
    const judge: SilenceJudge = (s) => {
      const intentional = s.endMs - s.last.timeMs >= 8 * H && s.positionsBefore >= 9 && s.startOwn.length > 0 && s.last.courseDeg === 90;
      return { intentional, evidence: { reception: { unheard_probability: 1e-4, expected_heard_hours: 7, own_stations: s.startOwn }, positions_before_12h: s.positionsBefore } };
    };
    const items = stream();
    for (const i of items) if ('p' in i && i.p.mmsi === WATCHED) i.p.stations = ['st-vostochny'];
    const replay = new AlertEvaluator([dark], LISTINGS);
    replay.useSilenceJudge(judge);
    const whole = run(replay, items);
    expect(whole).toHaveLength(1);
    // Cut 1 h into the silence (T0+5h): the seed a store gives (src/store/watch.ts watchSeed).
    const cut = items.findIndex((i) => 'p' in i && i.p.timeMs >= T0 + 5 * H);
    const head = items.slice(0, cut);
    const imoOf = new Map<number, string>();
    const last = new Map<number, { timeMs: number; lat: number; lon: number }>();
    for (const i of head) {
      if ('s' in i) imoOf.set(i.s.mmsi, String(i.s.imo));
      else last.set(i.p.mmsi, { timeMs: i.p.timeMs, lat: i.p.lat, lon: i.p.lon });
    }
    const clockMs = Math.max(...[...last.values()].map((f) => f.timeMs));
    expect(darkWatchedMmsis([dark], imoOf)).toEqual([WATCHED]);
    const fix = last.get(WATCHED)!;
    const headPositions = head.flatMap((i) => ('p' in i ? [i.p] : []));
    const recent = new Map([[WATCHED, headPositions.filter((p) => p.mmsi === WATCHED && p.timeMs >= fix.timeMs - WATCH_TRACK_SEED_H * H)]]);
    const near = headPositions.filter((p) => p.mmsi !== WATCHED && p.timeMs > fix.timeMs && distanceM(p.lat, p.lon, fix.lat, fix.lon) <= WATCH_PARAMS.heardNearbyKm * 1000);
    expect(near).toHaveLength(2); // OTHER at 04:00:01 and 04:30:01
    const heardNearby = new Map([[WATCHED, { positions: near.length, vessels: [...new Set(near.map((p) => p.mmsi))] }]]);

    const bare = new AlertEvaluator([dark], LISTINGS, { imoOf, last, clockMs });
    bare.useSilenceJudge(judge);
    expect(run(bare, items.slice(cut))).toEqual([]); // no track before the restart: never shown intentional
    const seeded = new AlertEvaluator([dark], LISTINGS, { imoOf, last, clockMs, recent, heardNearby });
    seeded.useSilenceJudge(judge);
    const rest = run(seeded, items.slice(cut));
    expect(rest).toEqual(whole);
    expect(rest[0]!.evidence).toMatchObject({ positions_before_12h: 9, own_stations: ['st-vostochny'], heard_nearby_positions: 16, heard_nearby_vessels: 1 }); // OTHER every 30 min, 04:00-11:30
  });
});
