// AIS gaps (GFW pipe-gaps): consecutive positions of one vessel at least `minGapH` apart. Each gap says
// whether it looks like intentional disabling, with the evidence behind the verdict: distance from shore
// at the start, reception of OTHER vessels around the start point during the gap, and how many positions
// the vessel sent in the hours before. A gap still open at the end of the window has `end: null`.
import type { Detector } from './detector.js';
import type { TumenEvent } from '../events/schema.js';
import type { Position } from '../tracks/position.js';
import type { ReceptionQuery } from './reception.js';
import { GAP_PARAMS, RECEPTION_PARAMS } from './params.js';
import type { PathAt } from './hearing.js';
import { lerpLon } from './geo-stats.js';
import { eventId } from './event-id.js';
import { destination, distanceM, impliedSpeedKn, METRES_PER_NM, MS_PER_HOUR } from '../geo/sphere.js';
import { PORTS_OF_INTEREST } from '../reference/ports-of-interest.js';

export type GapParams = typeof GAP_PARAMS;

export interface GapContext {
  reception: ReceptionQuery;
  /** Metres from the point to the nearest shore (capped). */
  shoreDistanceM: (lat: number, lon: number) => number;
  /** On land (outside port areas): an open gap's dead-reckoned course stops at the coast. Absent: it runs
   *  on regardless. */
  isOnLand?: (lat: number, lon: number) => boolean;
  /** End of the observation window: a vessel silent since `minGapH` before it has an open gap. */
  windowEndMs?: number;
  params?: GapParams;
}

export interface GapState {
  mmsi: number | null;
  last: { timeMs: number; lat: number; lon: number; courseDeg: number | null; speedKn: number | null } | null;
  /** Times of the positions in the last `beforeWindowH` hours, from index `recentHead` on. */
  recentMs: number[];
  recentHead: number;
  /** Coastal stations that heard this vessel lately, [station, last time heard (epoch ms)]; absent in old
   *  snapshots. */
  heardBy?: Array<[string, number]>;
  /** Time of the latest report not known to come through a satellite; -1 while only satellites heard it
   *  (absent in old snapshots, and until a first report). */
  lastCoastalMs?: number;
  /** Time of the first position after the vessel's latest silence of at least `minGapH` that its reception
   *  does not explain (it may have been off before it); absent in old snapshots and before any such
   *  silence. */
  activeSinceMs?: number;
  /** Silences of at least `minGapH` since then that its reception explains, [last fix, next fix] (epoch ms),
   *  within the last `beforeWindowH`: their hours count neither way in "active before"; absent in old
   *  snapshots. */
  explainedSilences?: Array<[number, number]>;
  /** Silences of at least `minGapH` not reported, by reason (`store_silent`: the store heard nobody for
   *  enough of it); absent in old snapshots. */
  dropped?: Record<string, number>;
  /** A retired vessel's state (the runner's `retire`): what the silence after `last` is judged on, worked
   *  out once, in place of the times and stations it was worked out from. Gone at the next position. */
  silentSince?: { positionsBefore: number; before: ActiveBefore; startOwn: string[] | 'satellite' };
}

type MaybeOutlier = Position & { outlier?: boolean };

export class GapDetector implements Detector<GapState> {
  readonly name = 'gap';
  private readonly p: GapParams;
  private s: GapState;
  /** noteStations' last station list (the reader shares one array per distinct list) and the heardBy
   *  entries its names were found in, while heardBy has not changed shape since: the next report heard by
   *  the same list only refreshes those times. Not state: rebuilt by the next report after a restore. */
  private seenList: readonly string[] | null = null;
  private seenIn: Array<[string, number]> | null = null;
  private seenAt: Array<[string, number]> = [];

  constructor(private readonly ctx: GapContext, state?: GapState) {
    this.p = ctx.params ?? GAP_PARAMS;
    this.s = state ? structuredClone(state) : { mmsi: null, last: null, recentMs: [], recentHead: 0 };
  }

  pushPosition(pos: MaybeOutlier): TumenEvent[] {
    if (pos.outlier) return [];
    const s = this.s;
    const out: TumenEvent[] = [];
    if (s.mmsi === null) s.mmsi = pos.mmsi;
    if (s.last && pos.timeMs < s.last.timeMs) return out;
    const gap = s.last && this.isGap(s.last.timeMs, pos.timeMs) ? this.gapEvent(pos) : null;
    if (gap) out.push(gap);
    delete s.silentSince;
    if (s.last && pos.timeMs - s.last.timeMs >= this.p.minGapH * MS_PER_HOUR) {
      if (explainedByReception(gap, this.p)) (s.explainedSilences ??= []).push([s.last.timeMs, pos.timeMs]);
      else {
        s.activeSinceMs = pos.timeMs;
        delete s.explainedSilences;
      }
    }
    if (s.explainedSilences) {
      const keep = pos.timeMs - this.p.beforeWindowH * MS_PER_HOUR;
      while (s.explainedSilences.length > 0 && s.explainedSilences[0]![1] < keep) s.explainedSilences.shift();
      if (s.explainedSilences.length === 0) delete s.explainedSilences;
    }
    const cutoff = pos.timeMs - this.p.beforeWindowH * MS_PER_HOUR;
    s.recentMs.push(pos.timeMs);
    while (s.recentHead < s.recentMs.length && s.recentMs[s.recentHead]! < cutoff) s.recentHead++;
    if (s.recentHead > 1024) { // compact now and then instead of shifting per position
      s.recentMs = s.recentMs.slice(s.recentHead);
      s.recentHead = 0;
    }
    const last = s.last;
    if (last) { // in place: this runs per position (the gap event above has read the old values)
      last.timeMs = pos.timeMs;
      last.lat = pos.lat;
      last.lon = pos.lon;
      last.courseDeg = pos.courseDeg;
      last.speedKn = pos.speedKn;
    } else s.last = { timeMs: pos.timeMs, lat: pos.lat, lon: pos.lon, courseDeg: pos.courseDeg, speedKn: pos.speedKn };
    if (pos.source !== 'satellite') s.lastCoastalMs = pos.timeMs;
    else s.lastCoastalMs ??= -1; // heard by satellites only so far
    if (pos.stations && pos.source !== 'satellite') this.noteStations(pos.stations, pos.timeMs);
    return out;
  }

  flush(): TumenEvent[] {
    const { last } = this.s;
    const endMs = this.ctx.windowEndMs;
    if (!last || endMs === undefined || !this.isGap(last.timeMs, endMs)) return [];
    return [this.gapEvent(null)];
  }

  /** Updated in place (this runs per position); stale stations pruned once a few accumulate. */
  private noteStations(stations: readonly string[], timeMs: number): void {
    const list = (this.s.heardBy ??= []);
    const at = this.seenAt;
    if (stations === this.seenList && list === this.seenIn) { // every name found before, nothing to prune
      for (let k = 0; k < at.length; k++) at[k]![1] = timeMs;
      return;
    }
    at.length = 0;
    const before = list.length;
    for (const st of stations) {
      let i = 0;
      while (i < list.length && list[i]![0] !== st) i++;
      if (i < list.length) list[i]![1] = timeMs;
      else list.push([st, timeMs]);
      at.push(list[i]!);
    }
    if (list.length > 8) { // drop the stale ones in place (a ship heard by many stations gets here often)
      const keep = timeMs - this.p.ownStationsWindowH * MS_PER_HOUR;
      let n = 0;
      for (let i = 0; i < list.length; i++) if (list[i]![1] >= keep) list[n++] = list[i]!;
      list.length = n;
    }
    // The shortcut holds while a repeat would find every name and leave the list as it is: no name added
    // now (a repeat then finds them all) and no prune pending (a list over 8 is pruned on every report).
    const stable = list.length === before && list.length <= 8;
    this.seenList = stable ? stations : null;
    this.seenIn = stable ? list : null;
  }

  /** The coastal stations that were hearing the vessel when it fell silent (within `ownStationsWindowH`),
   *  or 'satellite' when only satellites heard it then (no coastal report at all in that window). */
  private startStations(lastMs: number): string[] | 'satellite' {
    const keep = lastMs - this.p.ownStationsWindowH * MS_PER_HOUR;
    const own = (this.s.heardBy ?? []).filter(([, t]) => t >= keep).map(([st]) => st).sort();
    if (own.length === 0 && this.s.lastCoastalMs !== undefined && this.s.lastCoastalMs < keep) return 'satellite';
    return own;
  }

  /** The coastal stations that heard the vessel's first report after the silence, or 'satellite'. */
  private static endStations(next: Position | null): string[] | 'satellite' {
    if (!next) return [];
    if (next.source === 'satellite') return 'satellite';
    return [...(next.stations ?? [])].sort();
  }

  /** Candidate gaps by reason they were not reported (`store_silent`). */
  dropped(): Readonly<Record<string, number>> {
    return this.s.dropped ?? {};
  }

  /** A silence of at least `minGapH` once the hours in which the store received nothing from anyone are
   *  taken out: a hole in the store (between capture files, a feed down) never makes a gap — counted. */
  private isGap(fromMs: number, toMs: number): boolean {
    const h = (toMs - fromMs) / MS_PER_HOUR;
    if (h < this.p.minGapH) return false;
    if (h - this.ctx.reception.storeSilentHours(judgedFromMs(this.p, fromMs, toMs), toMs) >= this.p.minGapH) return true;
    const d = (this.s.dropped ??= {});
    d.store_silent = (d.store_silent ?? 0) + 1;
    return false;
  }

  snapshot(): GapState {
    return structuredClone(this.s);
  }

  /** The state of a vessel silent for at least `beforeWindowH` since `last`: the silence's judgement inputs
   *  from its own reports, worked out now (they cannot change until its next position, and that position
   *  drops every recent time), instead of those times — a few numbers however often it reported. */
  retiredState(): GapState {
    const s = this.s;
    if (!s.last || s.silentSince) return this.snapshot();
    const silentSince = { positionsBefore: s.recentMs.length - s.recentHead, before: this.activeBefore(s.last.timeMs), startOwn: this.startStations(s.last.timeMs) };
    const { heardBy: _h, ...rest } = structuredClone(s);
    return { ...rest, recentMs: [], recentHead: 0, silentSince };
  }

  /** The gap from the last position to `next` (null: open until the window end). */
  private gapEvent(next: Position | null): TumenEvent {
    const last = this.s.last!;
    const mmsi = this.s.mmsi!;
    const endMs = next ? next.timeMs : this.ctx.windowEndMs!;
    const durationH = (endMs - last.timeMs) / MS_PER_HOUR;
    const verdict = this.judge(last, next, endMs, durationH);
    const ev: TumenEvent = {
      id: eventId('gap', mmsi, last.timeMs),
      type: 'gap',
      mmsi,
      start: new Date(last.timeMs).toISOString(),
      end: next ? new Date(next.timeMs).toISOString() : null,
      lat: last.lat,
      lon: last.lon,
      intentional: verdict.intentional,
      duration_h: round(durationH, 3),
      evidence: {
        ...verdict.evidence,
        course_before_deg: last.courseDeg,
        speed_before_kn: last.speedKn,
        store_silent_h: this.ctx.reception.storeSilentHours(judgedFromMs(this.p, last.timeMs, endMs), endMs),
        ...(next
          ? { end_lat: next.lat, end_lon: next.lon, course_after_deg: next.courseDeg, speed_after_kn: next.speedKn }
          : { open_until: new Date(endMs).toISOString() }),
      },
    };
    if (next) {
      const d = distanceM(last.lat, last.lon, next.lat, next.lon);
      ev.distance_km = round(d / 1000, 3);
      ev.implied_speed_kn = round(impliedSpeedKn(d, next.timeMs - last.timeMs), 3);
    }
    return ev;
  }

  private judge(last: NonNullable<GapState['last']>, next: Position | null, endMs: number, durationH: number) {
    const frozen = this.s.silentSince;
    return judgeSilence(this.ctx, this.p, {
      last, next, endMs, durationH, startOwn: frozen?.startOwn ?? this.startStations(last.timeMs), endOwn: GapDetector.endStations(next),
      positionsBefore: frozen?.positionsBefore ?? this.s.recentMs.length - this.s.recentHead,
      before: frozen?.before ?? this.activeBefore(last.timeMs),
    });
  }

  /** The vessel's reports in the `beforeWindowH` before a silence starting at `lastMs`, counted only since it
   *  was last heard again after an earlier silence of at least `minGapH` that its reception does not explain
   *  (the hours it may have been off then say nothing of whether it was transmitting now). */
  private activeBefore(lastMs: number): ActiveBefore {
    const fromMs = Math.max(lastMs - this.p.beforeWindowH * MS_PER_HOUR, this.s.activeSinceMs ?? -Infinity);
    const hours = new Set<number>();
    let positions = 0;
    for (let i = this.s.recentHead; i < this.s.recentMs.length; i++) {
      const t = this.s.recentMs[i]!;
      if (t < fromMs) continue;
      positions++;
      hours.add(Math.floor(t / MS_PER_HOUR));
    }
    const h0 = Math.floor(fromMs / MS_PER_HOUR), h1 = Math.floor(lastMs / MS_PER_HOUR);
    let inside = 0;
    for (const h of hours) if (h > h0 && h < h1) inside++;
    const explained = (this.s.explainedSilences ?? []).filter(([, e]) => e > fromMs).map(([a, e]): [number, number] => [Math.max(a, fromMs), e]);
    return { fromMs, positions, heardHoursInside: inside, ...(explained.length > 0 ? { explained } : {}) };
  }
}

/** What a silence is judged on: the ship's last fix, the report ending it (null: still silent at `endMs`),
 *  the coastal stations that heard it at each end ('satellite': satellites only) and how many positions it
 *  sent in the `beforeWindowH` before. */
export interface SilenceInput {
  last: NonNullable<GapState['last']>;
  next: Position | null;
  endMs: number;
  durationH: number;
  startOwn: string[] | 'satellite';
  endOwn: string[] | 'satellite';
  positionsBefore: number;
  /** The vessel's reports before the silence since it was last heard again (absent: GFW's count alone). */
  before?: ActiveBefore;
}

/** The vessel's own reports before a silence, in the `beforeWindowH` before it but only since the end of its
 *  own previous silence of at least `minGapH`: from when, how many positions, and in how many whole hours
 *  strictly inside (fromMs, start of the silence) it was heard. */
export interface ActiveBefore {
  fromMs: number;
  positions: number;
  heardHoursInside: number;
  /** Silences its reception explains inside the span, [from, to] clipped to it: their whole hours are not
   *  judged (a position is never heard inside them, so only the expected heard hours lose them). */
  explained?: Array<[number, number]>;
}

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
 * Whether a moving ship's course and speed take it, `hours` after the fix (before it, when negative), to a
 * place none of `own` stations was ever heard near (learned from the data). Stopped ships, unknown courses
 * and ends heard by satellites only or by no known station: false.
 */
function sailsOutOfReach(q: ReceptionQuery, own: string[] | 'satellite', fix: { lat: number; lon: number; courseDeg: number | null; speedKn: number | null }, hours: number): boolean {
  if (own === 'satellite' || own.length === 0) return false;
  const sog = fix.speedKn;
  if (sog === null || !(sog > 1 && sog < 40) || fix.courseDeg === null) return false;
  const course = hours >= 0 ? fix.courseDeg : (fix.courseDeg + 180) % 360;
  const at = destination(fix.lat, fix.lon, course, sog * METRES_PER_NM * Math.abs(hours));
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
  const leftReach = sailsOutOfReach(q, startOwn, last, p.reachExitCheckH);
  const cameIntoReach = next !== null && sailsOutOfReach(q, endOwn, next, -p.reachExitCheckH);
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
function explainedByReception(gap: TumenEvent | null, p: GapParams): boolean {
  const r = (gap?.evidence as { reception?: { unheard_probability?: unknown } } | undefined)?.reception;
  return typeof r?.unheard_probability === 'number' && r.unheard_probability > p.maxUnheardProbability;
}

/** Where the judged part of a silence from `fromMs` to `toMs` begins: its last `maxJudgedSilenceH` hours. */
function judgedFromMs(p: GapParams, fromMs: number, toMs: number): number {
  return Math.max(fromMs, toMs - p.maxJudgedSilenceH * MS_PER_HOUR);
}

/** Where the ship would have been during the gap: along the line from its start to its end, or (open gap) a
 *  ship under way dead-reckoned from its last course and speed for at most `openGapDeadReckonH`, stopping
 *  short of land (it cannot sail through the coast), then held; a ship stopped, or with no course, held at
 *  its last fix. `reckonedKm`: how far the open gap's ship was carried (0 when held; null for a closed gap). */
function gapPath(last: NonNullable<GapState['last']>, next: Position | null, p: GapParams, endMs: number, isOnLand?: (lat: number, lon: number) => boolean): { at: PathAt; reckonedKm: number | null } {
  if (next) {
    const span = Math.max(next.timeMs - last.timeMs, 1);
    return {
      reckonedKm: null,
      at: (t) => {
        const f = Math.min(Math.max((t - last.timeMs) / span, 0), 1);
        return { lat: last.lat + (next.lat - last.lat) * f, lon: lerpLon(last.lon, next.lon, f) };
      },
    };
  }
  const sog = last.speedKn !== null && last.speedKn > 1 && last.speedKn < 40 && last.courseDeg !== null ? last.speedKn : 0;
  if (sog === 0) return { reckonedKm: 0, at: () => last };
  const hours = Math.max(0, Math.min((endMs - last.timeMs) / MS_PER_HOUR, p.openGapDeadReckonH));
  let maxM = sog * METRES_PER_NM * hours;
  if (isOnLand) {
    // Walk the course in steps of `openGapLandStepM`; the last point at sea before land is as far as it goes.
    const step = p.openGapLandStepM;
    for (let d = step; d <= maxM + step; d += step) {
      const x = Math.min(d, maxM);
      const at = destination(last.lat, last.lon, last.courseDeg!, x);
      if (isOnLand(at.lat, at.lon)) { maxM = Math.max(0, d - step); break; }
      if (x === maxM) break;
    }
  }
  const course = last.courseDeg!;
  return {
    reckonedKm: maxM / 1000,
    at: (t) => {
      const h = (t - last.timeMs) / MS_PER_HOUR;
      const m = Math.min(sog * METRES_PER_NM * Math.max(h, 0), maxM);
      return m > 0 ? destination(last.lat, last.lon, course, m) : last;
    },
  };
}

export function restoreGapDetector(ctx: GapContext, state: GapState): GapDetector {
  return new GapDetector(ctx, state);
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
