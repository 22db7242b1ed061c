// AIS gaps (GFW pipe-gaps): consecutive positions of one vessel at least `minGapH` apart. Each gap says
// whether it looks like intentional disabling, with the evidence behind the verdict: distance from shore
// at the start, reception of OTHER vessels around the start point during the gap, and how many positions
// the vessel sent in the hours before. A gap still open at the end of the window has `end: null`.
import type { Detector } from './detector.js';
import type { TumenEvent } from '../events/schema.js';
import type { Position } from '../tracks/position.js';
import { GAP_PARAMS } from './params.js';
import { eventId } from './event-id.js';
import { distanceM, impliedSpeedKn, MS_PER_HOUR } from '../geo/sphere.js';
import type { ActiveBefore, GapContext, GapParams, GapState } from './gap-types.js';
import { explainedByReception, judgedFromMs, judgeSilence, round } from './gap-judge.js';

export type { ActiveBefore, GapContext, GapParams, GapState, SilenceInput } from './gap-types.js';
export { judgeSilence, round } from './gap-judge.js';

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

export function restoreGapDetector(ctx: GapContext, state: GapState): GapDetector {
  return new GapDetector(ctx, state);
}
