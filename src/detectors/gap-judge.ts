// Whether a silence looks intentional, with the evidence behind the verdict: distance from shore at the
// start, the reception a transmitting ship would have met along it (learned from the other ships), the
// coastal stations that were hearing it, and its activity before.
import type { TumenEvent } from '../events/schema.js';
import type { ReceptionQuery } from './reception.js';
import { RECEPTION_PARAMS } from './params.js';
import { destination, distanceM, METRES_PER_NM, MS_PER_HOUR } from '../geo/sphere.js';
import { PORTS_OF_INTEREST } from '../reference/ports-of-interest.js';
import type { GapContext, GapParams, SilenceInput } from './gap-types.js';
import { gapPath } from './gap-path.js';

/**
 * Whether the coastal stations that could hear the ship were up in an hour of the gap: the first half of
 * the gap is read on the stations that heard it as it fell silent, the second on those that heard it
 * first after (each end's own place). Heard only by satellites at an end: coastal coverage did not reach
 * it there, whatever the ships around were heard by (false: the hour is judged on the satellite alone).
 * No station known at either end (no tag blocks): undefined, the area's own reading.
 */
function stationsUp(q: ReceptionQuery, start: string[] | 'satellite', end: string[] | 'satellite', fromMs: number, toMs: number, open: boolean): ((hour: number) => boolean) | undefined {
  const known = (x: string[] | 'satellite') => x === 'satellite' || x.length > 0;
  if (!known(start) && (open || !known(end))) return undefined;
  const up = (own: string[] | 'satellite', hour: number): boolean => {
    if (own === 'satellite') return false;
    if (own.length === 0) return true;
    for (const st of own) if (q.stationReports(st, hour - 1, 3) > 0) return true;
    return false;
  };
  const midHour = (fromMs + toMs) / 2 / MS_PER_HOUR;
  return (hour) => up(open || hour + 0.5 < midHour ? start : end, hour);
}

/**
 * Whether a moving ship's course and speed take it, `hours` after the fix (before it, when negative), and
 * `beyondKm` further on, to a place none of `own` stations was ever heard near (learned from the data). The
 * extra distance makes up for `reachesNear` reading a station's reach a cell wide of its edge. Stopped
 * ships, unknown courses and ends heard by satellites only or by no known station: false.
 */
function sailsOutOfReach(q: ReceptionQuery, own: string[] | 'satellite', fix: { lat: number; lon: number; courseDeg: number | null; speedKn: number | null }, hours: number, beyondKm: number): boolean {
  if (own === 'satellite' || own.length === 0) return false;
  const sog = fix.speedKn;
  if (sog === null || !(sog > 1 && sog < 40) || fix.courseDeg === null) return false;
  const course = hours >= 0 ? fix.courseDeg : (fix.courseDeg + 180) % 360;
  const at = destination(fix.lat, fix.lon, course, sog * METRES_PER_NM * Math.abs(hours) + beyondKm * 1000);
  return !own.some((st) => q.reachesNear(st, at.lat, at.lon));
}

/**
 * Whether a silence looks intentional, with the evidence: the gap detector's verdict, also asked of a silence
 * still in progress (the watch rules' dark-near-port alerts), so both judge a silence alike.
 */
export function judgeSilence(ctx: Pick<GapContext, 'reception' | 'shoreDistanceM' | 'isOnLand'>, p: GapParams, s: SilenceInput) {
  const { last, next, endMs, durationH, startOwn, endOwn, positionsBefore } = s;
  const open = next === null;
  const shoreNm = ctx.shoreDistanceM(last.lat, last.lon) / METRES_PER_NM;
  const watched = nearestWatchedPort(last.lat, last.lon, p.watchedAreaRadiusKm * 1000);
  const q = ctx.reception;
  const own = [...new Set([...(startOwn === 'satellite' ? [] : startOwn), ...(endOwn === 'satellite' ? [] : endOwn)])].sort();
  // A ship sailing out of its stations' reach as it fell silent (or into it as it was heard again) was
  // beyond them for that half of the silence: their being up says nothing of it there.
  const leftReach = sailsOutOfReach(q, startOwn, last, p.reachExitCheckH, p.reachExitBeyondKm);
  const cameIntoReach = next !== null && sailsOutOfReach(q, endOwn, next, -p.reachExitCheckH, p.reachExitBeyondKm);
  const up = stationsUp(q, leftReach ? 'satellite' : startOwn, cameIntoReach ? 'satellite' : endOwn, last.timeMs, endMs, open);
  // A silence longer than maxJudgedSilenceH is judged on its last hours only (the index forgets older ones).
  const fromMs = judgedFromMs(p, last.timeMs, endMs);
  let ownDownH = 0;
  if (up) for (let h = Math.floor(fromMs / MS_PER_HOUR) + 1; h < Math.floor(endMs / MS_PER_HOUR); h++) if (!up(h)) ownDownH++;
  // The ship's own silence is taken out of the coverage it is judged against: bridged along the path, or
  // (open) its silent tail at its last fix.
  const path = gapPath(last, next, p, endMs, ctx.isOnLand);
  // A ship at rest as it fell silent (the second half of a closed gap: as it was heard again) sends fewer
  // reports into each satellite pass than the fleet's ships under way: its satellite chance is scaled.
  const atRest = (x: { speedKn: number | null }) => x.speedKn !== null && x.speedKn >= 0 && x.speedKn <= RECEPTION_PARAMS.satelliteAtRestMaxKn;
  const midHour = (last.timeMs + endMs) / 2 / MS_PER_HOUR;
  const selfAtRest = (hour: number): boolean => (next === null || hour + 0.5 < midHour ? atRest(last) : atRest(next));
  const hearing = q.hearing(path.at, fromMs, endMs, open || durationH <= RECEPTION_PARAMS.bridgeMaxH, up, open ? () => last : undefined, selfAtRest);
  // An open gap may still grow, so its length so far is not held against it: the heard hours asked of it
  // are prorated to the hours judged so far against intentionalMinGapH (a closed gap is that long at least).
  const minHeardH = open ? p.minExpectedHeardHours * Math.min(1, hearing.hours / p.intentionalMinGapH) : p.minExpectedHeardHours;
  const goodReception = hearing.hours > 0 && hearing.unheardProbability <= p.maxUnheardProbability && hearing.expectedHeardHours >= minHeardH;
  // GFW's 50 nm rule guards against coastal coverage holes; where the data show the place well received
  // during the gap there is no hole to guard against, and near-shore darkness is the sanctions signal.
  const minShoreNm = goodReception ? p.nearShoreMinDistanceNm : p.intentionalMinShoreDistanceNm;
  // GFW's ≥ 14 positions in the 12 h before presumes reception that yields them. A ship heard only by
  // satellites as it fell silent cannot send them through a few passes, so there "active before" is asked
  // of its own reception: heard in at least `minHeardShareBefore` of the hours a transmitting ship at its last
  // place would have been heard (the same hearing model), since it was last heard again. Not for a silence
  // longer than maxJudgedSilenceH: the reception index may have forgotten the hours before it.
  const gfwActive = positionsBefore >= p.minPositionsBefore;
  let thinActive: { heard_hours: number; expected_heard_hours: number; positions: number; since: string; explained_silence_hours: number; active: boolean } | null = null;
  if (!gfwActive && s.before && startOwn === 'satellite' && s.before.positions >= p.minPositionsBeforeThin && fromMs === last.timeMs) {
    const b = s.before;
    // The hours strictly inside a silence reception explains say nothing either way: out of the expectation.
    let e = q.hearing(() => last, b.fromMs, last.timeMs, false).expectedHeardHours;
    let explainedH = 0;
    for (const [a, z] of b.explained ?? []) {
      const x = q.hearing(() => last, a, z, false);
      e -= x.expectedHeardHours;
      explainedH += x.hours;
    }
    thinActive = {
      heard_hours: b.heardHoursInside, expected_heard_hours: round(e, 2), positions: b.positions, since: new Date(b.fromMs).toISOString(),
      explained_silence_hours: explainedH,
      active: b.heardHoursInside >= p.minHeardShareBefore * e,
    };
  }
  // An open gap may still grow: its length so far does not count against it (Tumen).
  const checks = {
    long_enough: durationH >= p.intentionalMinGapH || open,
    far_from_shore: shoreNm >= minShoreNm,
    good_reception: goodReception,
    active_before: gfwActive || (thinActive?.active ?? false),
  };
  const intentional = checks.long_enough && checks.far_from_shore && checks.good_reception && checks.active_before;
  // An open gap whose ship was active before but along which a transmitting ship would so far have been heard
  // in fewer than `minExpectedHeardHours` hours: the data cannot tell yet (thin reception, the silence still
  // short), and more hours of silence may show it intentional — not a verdict of "not intentional".
  const verdict = intentional ? 'intentional'
    : open && checks.active_before && !goodReception && hearing.expectedHeardHours < p.minExpectedHeardHours ? 'not_yet_judged'
      : 'not_shown_intentional';
  return {
    intentional,
    evidence: {
      verdict,
      shore_distance_nm: round(shoreNm, 2),
      min_shore_distance_nm: minShoreNm,
      shore_rule: goodReception ? 'measured_reception' : 'gfw',
      shore_rule_reason: goodReception
        ? `reception measured good along the gap: near-shore darkness counts (nearShoreMinDistanceNm ${p.nearShoreMinDistanceNm}); GFW's ${p.intentionalMinShoreDistanceNm} nm rule guards against coverage holes the measurement excludes`
        : `reception not shown good: GFW's rule, start at least ${p.intentionalMinShoreDistanceNm} nm from shore`,
      watched_port: watched?.id ?? null,
      reception: {
        hours_judged: hearing.hours,
        unmeasured_hours: hearing.unmeasuredHours,
        ships_present_terrestrial: round(hearing.shipsPresentTerrestrial, 1),
        ships_present_satellite: round(hearing.shipsPresentSatellite, 1),
        terrestrial_heard_share: round(hearing.terrestrialHeardShare, 3),
        satellite_heard_share: round(hearing.satelliteHeardShare, 3),
        satellite_pass_hours: hearing.satellitePassHours,
        satellite_revisit_h: hearing.satelliteRevisitH === null ? null : round(hearing.satelliteRevisitH, 2),
        satellite_reports_per_ship_pass: hearing.satelliteReportsPerShipPass === null ? null : round(hearing.satelliteReportsPerShipPass, 2),
        expected_heard_hours: round(hearing.expectedHeardHours, 2),
        unheard_probability: Number(hearing.unheardProbability.toPrecision(3)),
        unheard_probability_if_independent: Number((hearing.unheardProbabilityIndependent ?? hearing.unheardProbability).toPrecision(3)),
        ...(hearing.satelliteAtRestRatio !== undefined ? { satellite_at_rest_ratio: round(hearing.satelliteAtRestRatio, 3), satellite_at_rest_hours: hearing.satelliteAtRestHours ?? 0 } : {}),
        max_unheard_probability: p.maxUnheardProbability,
        own_stations: own,
        own_stations_start: startOwn,
        own_stations_end: next ? endOwn : null,
        own_stations_down_hours: ownDownH,
        left_own_reach: leftReach,
        ...(open ? { reckoned_km: round(path.reckonedKm ?? 0, 1) } : {}),
        came_into_own_reach: cameIntoReach,
        min_expected_heard_hours: round(minHeardH, 2),
      },
      reception_positions_per_day: round(q.positionsPerDay(last.lat, last.lon, fromMs, endMs, p.receptionRadiusKm), 1),
      positions_before_12h: positionsBefore,
      active_before_rule: gfwActive ? 'gfw' : thinActive ? 'satellite_only_reception' : 'gfw',
      ...(thinActive ? { active_before_satellite_only: thinActive } : {}),
      checks,
    },
  };
}

/** A silence its reception explains: a ship transmitting along it would well have stayed unheard (chance
 *  above `maxUnheardProbability`). Such a silence is what thin reception does to a transmitting ship: the
 *  ship's activity before a later silence is measured on either side of it (its own hours say nothing either
 *  way), not only since it; a silence reception does not explain may have been the transmitter off, and
 *  activity is counted only since it. */
export function explainedByReception(gap: TumenEvent | null, p: GapParams): boolean {
  const r = (gap?.evidence as { reception?: { unheard_probability?: unknown } } | undefined)?.reception;
  return typeof r?.unheard_probability === 'number' && r.unheard_probability > p.maxUnheardProbability;
}

/** Where the judged part of a silence from `fromMs` to `toMs` begins: its last `maxJudgedSilenceH` hours. */
export function judgedFromMs(p: GapParams, fromMs: number, toMs: number): number {
  return Math.max(fromMs, toMs - p.maxJudgedSilenceH * MS_PER_HOUR);
}

function nearestWatchedPort(lat: number, lon: number, radiusM: number) {
  let best: (typeof PORTS_OF_INTEREST)[number] | undefined;
  let bestD = radiusM;
  for (const port of PORTS_OF_INTEREST) {
    const d = distanceM(lat, lon, port.lat, port.lon);
    if (d <= bestD) {
      bestD = d;
      best = port;
    }
  }
  return best;
}

export const round = (x: number, digits: number): number => {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
};
