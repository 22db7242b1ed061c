// Watch rules evaluated on the stream of reports and events, in time order: the same code for `tumen
// detect` (a replay of the store) and `tumen serve` (the live feed), so both raise the same alerts with
// the same ids. Hand-written because it is the craft: "went dark" is decided on stream time (the latest
// report of any ship), not the wall clock, so a feed outage never makes every watched ship "dark".
import type { TumenEvent } from '../events/schema.js';
import type { Position } from '../tracks/position.js';
import type { StaticReport } from '../detectors/detector.js';
import { fnv1a64Hex } from '../detectors/event-id.js';
import { distanceM, MS_PER_HOUR } from '../geo/sphere.js';
import { isImoPresent } from '../reference/imo.js';
import { PORTS_OF_INTEREST, type PortOfInterest } from '../reference/ports-of-interest.js';
import { WATCH_PARAMS } from './params.js';
import { GAP_PARAMS } from '../detectors/params.js';
import type { SilenceInput } from '../detectors/gap.js';
import type { Alert, DarkNearPortRule, ListedActiveRule, ListedEncounterRule, Listing, WatchRule } from './types.js';

interface Fix { timeMs: number; lat: number; lon: number }

/** The state of the stream so far (the store's reports when live detection starts; empty for a replay). */
export interface WatchSeed {
  /** Latest IMO each MMSI reported. */
  imoOf: ReadonlyMap<number, string>;
  /** Latest position of each MMSI. */
  last: ReadonlyMap<number, Fix>;
  /** Stream time: the latest report of any ship (ms). */
  clockMs: number;
  /** Each watched ship's positions (time order) from WATCH_TRACK_SEED_H before its last fix: what its
   *  silence is judged on (course, speed, positions before, its own stations). */
  recent?: ReadonlyMap<number, readonly Position[]>;
  /** Per watched ship, the other ships heard within `heardNearbyKm` of its last fix since then. */
  heardNearby?: ReadonlyMap<number, { positions: number; vessels: readonly number[] }>;
}

/** How far back before a watched ship's last fix its silence is judged on (the gap detector's windows). */
export const WATCH_TRACK_SEED_H = Math.max(GAP_PARAMS.beforeWindowH, GAP_PARAMS.ownStationsWindowH);

/** The MMSIs dark rules watch, by MMSI or by the IMO each MMSI last reported (what a seed reads tracks for). */
export function darkWatchedMmsis(rules: readonly WatchRule[], imoOf: ReadonlyMap<number, string>): number[] {
  const dark = rules.filter((r): r is DarkNearPortRule => r.kind === 'dark_near_port');
  const imos = new Set(dark.flatMap((r) => (r.imo === null ? [] : [r.imo])));
  const out = new Set(dark.flatMap((r) => (r.mmsi === null ? [] : [r.mmsi])));
  for (const [mmsi, imo] of imoOf) if (imos.has(imo)) out.add(mmsi);
  return [...out].sort((a, b) => a - b);
}

/** List entries by identifier: `imo:9074729`, `mmsi:273226420`. */
export type ListingIndex = ReadonlyMap<string, readonly Listing[]>;

interface DarkWatch {
  last: Fix;
  /** Rules still to decide for this silence, each with when it is next judged. */
  pending: Array<{ rule: DarkNearPortRule; dueMs: number }>;
  heardPositions: number;
  heardVessels: Set<number>;
}

/**
 * The gap detector's verdict on a silence (src/detectors/runner.ts `silenceJudge`): whether the reception
 * around the ship shows it would have been heard, so the silence is not a hole in coverage.
 */
export type SilenceJudge = (s: SilenceInput) => { intentional: boolean; evidence: Record<string, unknown> & { checks?: Record<string, boolean> } };

/** What the gap detector judges a watched ship's silence on, kept for watched ships only. */
interface WatchedTrack {
  courseDeg: number | null;
  speedKn: number | null;
  /** Times of its positions in the last `beforeWindowH` hours. */
  recentMs: number[];
  /** Coastal stations that heard it, with the last time each did. */
  heardBy: Map<string, number>;
}

/** Dark alerts withheld, by why (counted for `tumen detect` and the bench). */
export interface DarkWithheld {
  /** The reception never showed, within `darkConfirmMaxH`, that the ship would have been heard. */
  not_shown_intentional: number;
  /** The ship was heard again before that was shown. */
  back_before_shown: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const KM = 1000;
/** Degrees of latitude spanned by `km` (a cheap box test before the great-circle distance). */
const latDeg = (km: number): number => km / 111.2;

export function alertId(ruleId: string, mmsi: number, timeMs: number, other: string | number = ''): string {
  return `al-${fnv1a64Hex(`${ruleId}|${mmsi}|${iso(timeMs)}|${other}`)}`;
}

export class AlertEvaluator {
  private readonly dark: DarkNearPortRule[];
  private readonly encounter: ListedEncounterRule[];
  private readonly active: ListedActiveRule[];
  private readonly imoOf: Map<number, string>;
  private readonly last: Map<number, Fix>;
  private clockMs: number;
  private readonly watches = new Map<number, DarkWatch>();
  /** Earliest time a pending dark rule can be decided; the per-report check is one comparison until then. */
  private nextDueMs = Infinity;
  private readonly out: Alert[] = [];
  /** Per MMSI, its listings and the dark rules watching it (cleared when its IMO changes): the per-report
   *  checks then allocate nothing. */
  private readonly listingsCache = new Map<number, readonly Listing[]>();
  private readonly darkCache = new Map<number, DarkNearPortRule[]>();
  /** MMSIs that were listed for each active rule at their last report (a static can make one listed). */
  private readonly listedFor = new Map<string, Set<number>>();
  private readonly tracks = new Map<number, WatchedTrack>();
  private judge: SilenceJudge | null = null;
  readonly withheld: DarkWithheld = { not_shown_intentional: 0, back_before_shown: 0 };

  constructor(rules: readonly WatchRule[], private readonly listings: ListingIndex, seed?: WatchSeed, private readonly ports: readonly PortOfInterest[] = PORTS_OF_INTEREST) {
    this.dark = rules.filter((r): r is DarkNearPortRule => r.kind === 'dark_near_port');
    this.encounter = rules.filter((r): r is ListedEncounterRule => r.kind === 'listed_encounter');
    this.active = rules.filter((r): r is ListedActiveRule => r.kind === 'listed_active');
    this.imoOf = new Map(seed?.imoOf ?? []);
    this.last = new Map(seed?.last ?? []);
    this.clockMs = seed?.clockMs ?? -Infinity;
    // A restart (or a rule reloaded) keeps judging a silence on what came before it, as one replay would.
    if (this.dark.length) for (const [mmsi, ps] of seed?.recent ?? []) if (this.darkRulesOf(mmsi).length) for (const p of ps) this.noteTrack(p);
    for (const [mmsi, fix] of this.last) this.watchIfDark(mmsi, fix, seed?.heardNearby?.get(mmsi));
    for (const r of this.active) this.listedFor.set(r.id, new Set([...this.last.keys()].filter((m) => this.listingsOf(m, r.lists).length > 0)));
  }

  /**
   * Dark rules then alert only on silences the gap detector's reception evidence calls intentional (not a
   * coverage hole), judged at `afterH` and again each hour of silence until `darkConfirmMaxH` more; rules
   * with `anySilence` alert on every silence. Without a judge (no detection runner beside), every silence.
   */
  useSilenceJudge(judge: SilenceJudge | null): void {
    this.judge = judge;
  }

  /** Dark silences judged at least once and not yet shown intentional: still waiting when the data end. */
  unconfirmedDark(): number {
    let n = 0;
    for (const w of this.watches.values()) for (const x of w.pending) if (x.dueMs > w.last.timeMs + x.rule.afterH * MS_PER_HOUR) n++;
    return n;
  }

  /** True when some rule needs the stream (no rules: the caller can skip feeding it). */
  get hasRules(): boolean {
    return this.dark.length + this.encounter.length + this.active.length > 0;
  }

  pushStatic(s: StaticReport): void {
    if (!isImoPresent(s.imo)) return;
    const imo = String(s.imo).padStart(7, '0');
    if (this.imoOf.get(s.mmsi) === imo) return;
    this.imoOf.set(s.mmsi, imo);
    this.listingsCache.delete(s.mmsi);
    this.darkCache.delete(s.mmsi);
    this.advance(s.timeMs);
    const fix = this.last.get(s.mmsi);
    if (!fix) return;
    // A ship already transmitting whose static report now names a listed IMO is a listed ship active.
    for (const r of this.active) {
      const listed = this.listedFor.get(r.id)!;
      const listings = this.listingsOf(s.mmsi, r.lists);
      if (listings.length && !listed.has(s.mmsi) && s.timeMs - fix.timeMs < r.quietH * MS_PER_HOUR) {
        this.raise(r, s.mmsi, s.timeMs, fix, { listings: listings.map((l) => ({ ...l, mmsi: s.mmsi })), evidence: { reason: 'static report names a listed IMO', last_position_time: iso(fix.timeMs) } });
      }
      if (listings.length) listed.add(s.mmsi); else listed.delete(s.mmsi);
    }
    if (!this.watches.has(s.mmsi)) this.watchIfDark(s.mmsi, fix);
  }

  pushPosition(p: Position): void {
    this.advance(p.timeMs);
    if (this.nextDueMs !== Infinity) this.countHeard(p);
    const prev = this.last.get(p.mmsi);
    const fix = { timeMs: p.timeMs, lat: p.lat, lon: p.lon };
    if (prev && p.timeMs < prev.timeMs) return; // late report: the stream is in time order per ship
    this.last.set(p.mmsi, fix);
    if (this.dark.length && this.darkRulesOf(p.mmsi).length) this.noteTrack(p);
    for (const r of this.active) {
      const listings = this.listingsOf(p.mmsi, r.lists);
      const listed = this.listedFor.get(r.id)!;
      if (listings.length === 0) { listed.delete(p.mmsi); continue; }
      listed.add(p.mmsi);
      const silentMs = prev ? p.timeMs - prev.timeMs : Infinity;
      if (silentMs >= r.quietH * MS_PER_HOUR) {
        this.raise(r, p.mmsi, p.timeMs, fix, {
          listings: listings.map((l) => ({ ...l, mmsi: p.mmsi })),
          evidence: prev ? { reason: 'first position after a silence', silent_h: round(silentMs / MS_PER_HOUR, 1), previous_position_time: iso(prev.timeMs) } : { reason: 'first position seen' },
        });
      }
    }
    this.watchIfDark(p.mmsi, fix);
  }

  /** Events the detection runner completed (encounters with a listed ship raise alerts). */
  pushEvent(e: TumenEvent): void {
    if (e.type !== 'encounter' || e.other_mmsi === undefined) return;
    for (const r of this.encounter) {
      const listings = [e.mmsi, e.other_mmsi].flatMap((m) => this.listingsOf(m, r.lists).map((l) => ({ ...l, mmsi: m })));
      if (listings.length === 0) continue;
      const startMs = Date.parse(e.start);
      this.out.push({
        id: alertId(r.id, e.mmsi, startMs, e.id), rule_id: r.id, kind: r.kind, mmsi: e.mmsi, other_mmsi: e.other_mmsi,
        time: e.start, detected_at: e.end ?? iso(Math.max(this.clockMs, startMs)), lat: e.lat, lon: e.lon, event_id: e.id, listings,
        evidence: { ...pick(e, ['duration_h']), ...pick(e.evidence, ['median_distance_m', 'duration_h', 'positions']) },
      });
    }
  }

  /** Moves stream time on (also done by every report): dark rules whose silence reached `afterH` are decided. */
  advance(nowMs: number): void {
    if (nowMs > this.clockMs) this.clockMs = nowMs;
    if (this.clockMs < this.nextDueMs) return;
    let next = Infinity;
    for (const [mmsi, w] of this.watches) {
      w.pending = w.pending.filter((x) => {
        while (this.clockMs >= x.dueMs) {
          const again = this.decideDark(x.rule, mmsi, w, x.dueMs);
          if (again === null) return false;
          x.dueMs = again;
        }
        next = Math.min(next, x.dueMs);
        return true;
      });
    }
    this.nextDueMs = next;
  }

  /** The alerts raised since the last take. */
  take(): Alert[] {
    return this.out.splice(0);
  }

  /** Decides a dark rule at `checkMs`; returns when to judge again (the reception has not shown the silence
   *  intentional yet), or null when decided. */
  private decideDark(r: DarkNearPortRule, mmsi: number, w: DarkWatch, checkMs: number): number | null {
    const port = this.nearestPort(w.last, r);
    if (!port) return null;
    const silentH = (checkMs - w.last.timeMs) / MS_PER_HOUR;
    let verdict: ReturnType<SilenceJudge> | null = null;
    if (this.judge && !r.anySilence) {
      verdict = this.judgeSilence(mmsi, w.last, checkMs);
      if (!verdict.intentional) {
        if (silentH + 1 <= r.afterH + WATCH_PARAMS.darkConfirmMaxH) return checkMs + MS_PER_HOUR;
        this.withheld.not_shown_intentional++;
        return null;
      }
    }
    const reception = verdict?.evidence.reception as Record<string, unknown> | undefined;
    this.raise(r, mmsi, w.last.timeMs, w.last, {
      detectedMs: checkMs,
      port: { id: port.p.id, name: port.p.name, country: port.p.country, distance_km: round(port.km, 1) },
      evidence: {
        silent_h_at_alert: round(silentH, 2), imo: this.imoOf.get(mmsi) ?? null,
        // Were other ships heard around its last position meanwhile? If not, it may be a hole in coverage.
        heard_nearby_positions: w.heardPositions, heard_nearby_vessels: w.heardVessels.size, heard_nearby_km: WATCH_PARAMS.heardNearbyKm,
        // The gap detector's judgement of the silence so far: why it is not taken for a coverage hole.
        ...(verdict && reception ? {
          judged: 'intentional by the gap detector\'s reception evidence',
          unheard_probability: reception.unheard_probability, expected_heard_hours: reception.expected_heard_hours,
          own_stations: reception.own_stations, positions_before_12h: verdict.evidence.positions_before_12h, checks: verdict.evidence.checks,
        } : { judged: r.anySilence ? 'any silence (rule: anySilence)' : 'any silence (no reception judge)' }),
      },
    });
    return null;
  }

  /** The gap detector's verdict on `mmsi`'s silence from `last` until `endMs`, still in progress. */
  private judgeSilence(mmsi: number, last: Fix, endMs: number): ReturnType<SilenceJudge> {
    const t = this.tracks.get(mmsi);
    const fromMs = last.timeMs - GAP_PARAMS.beforeWindowH * MS_PER_HOUR;
    const ownFromMs = last.timeMs - GAP_PARAMS.ownStationsWindowH * MS_PER_HOUR;
    return this.judge!({
      last: { timeMs: last.timeMs, lat: last.lat, lon: last.lon, courseDeg: t?.courseDeg ?? null, speedKn: t?.speedKn ?? null },
      next: null, endMs, durationH: (endMs - last.timeMs) / MS_PER_HOUR,
      endOwn: [], startOwn: t ? [...t.heardBy].filter(([, at]) => at >= ownFromMs && at <= last.timeMs).map(([st]) => st).sort() : [],
      positionsBefore: t ? t.recentMs.filter((x) => x >= fromMs && x <= last.timeMs).length : 0,
    });
  }

  /** A watched ship's position: what its silence will be judged on (as the gap detector keeps it). */
  private noteTrack(p: Position): void {
    let t = this.tracks.get(p.mmsi);
    if (!t) this.tracks.set(p.mmsi, (t = { courseDeg: null, speedKn: null, recentMs: [], heardBy: new Map() }));
    t.courseDeg = p.courseDeg;
    t.speedKn = p.speedKn;
    t.recentMs.push(p.timeMs);
    const cutoff = p.timeMs - GAP_PARAMS.beforeWindowH * MS_PER_HOUR;
    if (t.recentMs[0]! < cutoff) t.recentMs = t.recentMs.filter((x) => x >= cutoff);
    if (p.stations && p.source !== 'satellite') for (const st of p.stations) t.heardBy.set(st, p.timeMs);
  }

  private nearestPort(fix: Fix, r: DarkNearPortRule): { p: PortOfInterest; km: number } | null {
    let best: { p: PortOfInterest; km: number } | null = null;
    for (const p of this.ports) {
      if (r.ports.length && !r.ports.includes(p.id)) continue;
      const km = distanceM(fix.lat, fix.lon, p.lat, p.lon) / KM;
      if (km <= r.withinKm && (!best || km < best.km)) best = { p, km };
    }
    return best;
  }

  private raise(r: WatchRule, mmsi: number, timeMs: number, at: Fix, extra: { detectedMs?: number; port?: Alert['port']; listings?: Alert['listings']; evidence: Record<string, unknown> }): void {
    this.out.push({
      id: alertId(r.id, mmsi, timeMs), rule_id: r.id, kind: r.kind, mmsi, time: iso(timeMs),
      detected_at: iso(extra.detectedMs ?? Math.max(this.clockMs, timeMs)), lat: at.lat, lon: at.lon,
      ...(extra.port ? { port: extra.port } : {}), ...(extra.listings ? { listings: extra.listings } : {}), evidence: extra.evidence,
    });
  }

  /** The dark rules watching `mmsi` (by its MMSI, or the IMO it reports). */
  private darkRulesOf(mmsi: number): DarkNearPortRule[] {
    let rules = this.darkCache.get(mmsi);
    if (!rules) {
      const imo = this.imoOf.get(mmsi);
      rules = this.dark.filter((r) => r.mmsi === mmsi || (r.imo !== null && r.imo === imo));
      this.darkCache.set(mmsi, rules);
    }
    return rules;
  }

  /** A new silence of `mmsi` begins at `fix` for every dark rule watching it. */
  private watchIfDark(mmsi: number, fix: Fix, heard?: { positions: number; vessels: readonly number[] }): void {
    if (this.dark.length === 0) return;
    const rules = this.darkRulesOf(mmsi);
    const before = this.watches.get(mmsi);
    // Heard again while a rule still waited for the reception to show the silence: it never did.
    if (before && before.last.timeMs < fix.timeMs) {
      for (const x of before.pending) if (x.dueMs > before.last.timeMs + x.rule.afterH * MS_PER_HOUR) this.withheld.back_before_shown++;
    }
    if (rules.length === 0) { if (this.watches.size) this.watches.delete(mmsi); return; }
    this.watches.set(mmsi, {
      last: fix, pending: rules.map((rule) => ({ rule, dueMs: fix.timeMs + rule.afterH * MS_PER_HOUR })),
      heardPositions: heard?.positions ?? 0, heardVessels: new Set(heard?.vessels ?? []),
    });
    for (const r of rules) this.nextDueMs = Math.min(this.nextDueMs, fix.timeMs + r.afterH * MS_PER_HOUR);
    if (this.clockMs >= this.nextDueMs) this.advance(this.clockMs);
  }

  private countHeard(p: Position): void {
    const box = latDeg(WATCH_PARAMS.heardNearbyKm);
    for (const [mmsi, w] of this.watches) {
      if (mmsi === p.mmsi || w.pending.length === 0 || Math.abs(p.lat - w.last.lat) > box) continue;
      if (distanceM(p.lat, p.lon, w.last.lat, w.last.lon) > WATCH_PARAMS.heardNearbyKm * KM) continue;
      w.heardPositions++;
      w.heardVessels.add(p.mmsi);
    }
  }

  private listingsOf(mmsi: number, lists: readonly string[]): readonly Listing[] {
    let all = this.listingsCache.get(mmsi);
    if (!all) {
      const imo = this.imoOf.get(mmsi);
      all = [...(this.listings.get(`mmsi:${mmsi}`) ?? []), ...(imo ? this.listings.get(`imo:${imo}`) ?? [] : [])];
      this.listingsCache.set(mmsi, all);
    }
    return lists.length && all.length ? all.filter((l) => lists.includes(l.list)) : all;
  }
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function pick(o: object, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if ((o as Record<string, unknown>)[k] !== undefined) out[k] = (o as Record<string, unknown>)[k];
  return out;
}
