// Draught changes: consecutive draught reports of one MMSI (AIS type 5) differing by at least `minChangeM`
// — the ship loaded or discharged. Above all across a dark period: the evidence says how long positions
// fell silent between the last report of the old draught and the first of the new ("loaded while dark").
// A change whose old draught comes back within `holdoffH` is dropped and the MMSI marked alternating: two
// ships sharing one MMSI (or a typo corrected), not cargo.
//
// A new draught counts once `minConfirmingReports` reports carry it (the change keeps the time of the first);
// a value heard once and overruled by the old one is a garbled report, counted, not a change. Reports with
// a reserved ship type or a garbled name are skipped (static-quality.ts).
//
// Incremental per MMSI: push its static reports and positions in time order (any number of MMSIs).
import type { TumenEvent } from '../events/schema.js';
import { MS_PER_HOUR } from '../geo/sphere.js';
import type { Position } from '../tracks/position.js';
import type { Detector, StaticReport } from './detector.js';
import { eventId } from './event-id.js';
import { isoUtc, round } from './geo-stats.js';
import { DRAUGHT_CHANGE_PARAMS } from './params.js';
import { isUsablePosition, moveFix, type Fix } from './fix.js';
import { corruptStaticReason } from './static-quality.js';

export type DraughtChangeParams = { [K in keyof typeof DRAUGHT_CHANGE_PARAMS]: number };

interface PendingChange {
  beforeM: number;
  afterM: number;
  startMs: number;
  endMs: number;
  pos: Fix | null;
  maxSilenceMs: number;
  /** Heard in one report only, taken because the ship fell silent right after it (no chance to repeat it):
   *  decided at once, no hold-off (absent: confirmed as usual). */
  weak?: boolean;
}

interface VesselState {
  draughtM: number | null;
  /** Time of the last report of the current draught. */
  lastMs: number;
  lastFix: Fix | null;
  /** Longest silence between positions since the last draught report. */
  maxSilenceMs: number;
  alternating: boolean;
  pending: PendingChange[];
  /** A new draught heard fewer than `minConfirmingReports` times: the change it would make, and the longest
   *  silence in positions since its latest report (absent in old snapshots: 0). */
  candidate: (PendingChange & { count: number; silenceAfterMs?: number }) | null;
}

export interface DraughtChangeState {
  kind: 'draught_change';
  vessels: Array<[number, VesselState]>;
  /** Reports skipped as corrupt (by reason) and single-report draughts the old value overruled. */
  rejects: Record<string, number>;
}

export class DraughtChangeDetector implements Detector<DraughtChangeState> {
  readonly name = 'draught_change';
  readonly params: DraughtChangeParams;
  private readonly vessels = new Map<number, VesselState>();
  private readonly rejects: Record<string, number> = {};

  constructor(params: Partial<DraughtChangeParams> = {}, state?: DraughtChangeState) {
    this.params = { ...DRAUGHT_CHANGE_PARAMS, ...params };
    if (state) {
      for (const [m, v] of structuredClone(state.vessels)) this.vessels.set(m, v);
      Object.assign(this.rejects, state.rejects);
    }
  }

  get rejectCounts(): Readonly<Record<string, number>> {
    return this.rejects;
  }

  pushPosition(p: Position): TumenEvent[] {
    if (!isUsablePosition(p)) return []; // a GNSS glitch is no place for an event
    const v = this.vessel(p.mmsi);
    if (v.lastFix && p.timeMs <= v.lastFix.timeMs) return [];
    if (v.lastFix && v.draughtM !== null) v.maxSilenceMs = Math.max(v.maxSilenceMs, p.timeMs - Math.max(v.lastFix.timeMs, v.lastMs));
    const c = v.candidate;
    if (c && v.lastFix) c.silenceAfterMs = Math.max(c.silenceAfterMs ?? 0, p.timeMs - Math.max(v.lastFix.timeMs, c.endMs));
    v.lastFix = moveFix(v.lastFix, p);
    return v.pending.length > 0 ? this.release(p.mmsi, v, p.timeMs) : [];
  }

  pushStatic(s: StaticReport): TumenEvent[] {
    // AIS draught 0 means "not available".
    if (s.draughtM == null || !(s.draughtM > 0)) return [];
    const corrupt = corruptStaticReason(s);
    if (corrupt) {
      this.rejects[corrupt] = (this.rejects[corrupt] ?? 0) + 1;
      return [];
    }
    const v = this.vessel(s.mmsi);
    const d = s.draughtM;
    const minM = this.params.minChangeM;
    // Changes whose hold-off has passed are out first: a reversal days later (loaded, then discharged while
    // dark) is two changes, not alternation — even when the report comes before the first position.
    const out = this.release(s.mmsi, v, s.timeMs);
    // A draught heard once, then the ship fell silent (≥ gapMinH) before its next draught report: it had
    // no chance to repeat it, so whatever comes after the silence does not overrule it (loaded in port
    // under thin reception, then dark: the one report of the loaded draught is all there is). Taken as a
    // weak change, decided now; the report at hand is then read against it.
    const c = v.candidate;
    if (c && v.draughtM !== null && Math.abs(d - c.afterM) >= minM) {
      const silenceMs = Math.max(c.silenceAfterMs ?? 0, s.timeMs - Math.max(v.lastFix?.timeMs ?? c.endMs, c.endMs));
      if (silenceMs >= this.params.gapMinH * MS_PER_HOUR) {
        const { count: _n, silenceAfterMs: _s, ...change } = c;
        v.candidate = null;
        if (!v.alternating) v.pending.push({ ...change, weak: true });
        v.draughtM = change.afterM;
        v.lastMs = change.endMs;
        v.maxSilenceMs = silenceMs;
        out.push(...this.release(s.mmsi, v, s.timeMs));
      }
    }
    if (v.draughtM === null || Math.abs(d - v.draughtM) < minM) {
      if (v.candidate && v.draughtM !== null) this.rejects.single_report_value = (this.rejects.single_report_value ?? 0) + 1;
      v.candidate = null;
      if (v.draughtM === null) v.draughtM = d;
      v.lastMs = s.timeMs;
      v.maxSilenceMs = 0;
      return out;
    }
    if (v.candidate && Math.abs(d - v.candidate.afterM) < minM) v.candidate.count++;
    else {
      const openSilence = v.lastFix ? s.timeMs - Math.max(v.lastFix.timeMs, v.lastMs) : 0;
      v.candidate = {
        beforeM: v.draughtM, afterM: d, startMs: v.lastMs, endMs: s.timeMs, pos: v.lastFix ? { ...v.lastFix } : null,
        maxSilenceMs: Math.max(v.maxSilenceMs, openSilence), count: 1,
      };
    }
    if (v.candidate.count < this.params.minConfirmingReports) return out;
    const { count: _count, silenceAfterMs: _silence, ...change } = v.candidate;
    v.candidate = null;
    if (v.pending.some((c) => !c.weak && Math.abs(c.beforeM - d) < minM)) {
      v.alternating = true; // the old draught is back within the hold-off
      v.pending = [];
    } else if (!v.alternating) v.pending.push(change);
    v.draughtM = change.afterM;
    v.lastMs = s.timeMs;
    v.maxSilenceMs = 0;
    return out;
  }

  flush(): TumenEvent[] {
    const out: TumenEvent[] = [];
    for (const [mmsi, v] of this.vessels) {
      // A draught heard once, then the ship fell silent (≥ gapMinH) and no draught report came after it at
      // all: nothing overruled it, and it had no chance to be repeated — a weak change, as above.
      const c = v.candidate;
      if (c && (c.silenceAfterMs ?? 0) >= this.params.gapMinH * MS_PER_HOUR && !v.alternating) {
        const { count: _n, silenceAfterMs: _s, ...change } = c;
        v.pending.push({ ...change, weak: true });
        v.candidate = null;
      }
      out.push(...this.release(mmsi, v, Infinity));
    }
    return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.mmsi - b.mmsi));
  }

  snapshot(): DraughtChangeState {
    return structuredClone({ kind: 'draught_change' as const, vessels: [...this.vessels], rejects: this.rejects });
  }

  private vessel(mmsi: number): VesselState {
    let v = this.vessels.get(mmsi);
    if (!v) this.vessels.set(mmsi, (v = { draughtM: null, lastMs: -1, lastFix: null, maxSilenceMs: 0, alternating: false, pending: [], candidate: null }));
    return v;
  }

  private release(mmsi: number, v: VesselState, nowMs: number): TumenEvent[] {
    if (v.pending.length === 0) return [];
    const holdMs = this.params.holdoffH * MS_PER_HOUR;
    const out: TumenEvent[] = [];
    v.pending = v.pending.filter((c) => {
      if (!c.weak && nowMs - c.endMs < holdMs) return true;
      const silenceH = c.maxSilenceMs / MS_PER_HOUR;
      out.push({
        id: eventId('draught_change', mmsi, c.endMs),
        type: 'draught_change', mmsi, start: isoUtc(c.startMs), end: isoUtc(c.endMs),
        lat: c.pos?.lat ?? NaN, lon: c.pos?.lon ?? NaN,
        before_m: c.beforeM, after_m: c.afterM,
        evidence: {
          change_m: round(c.afterM - c.beforeM, 2),
          across_gap: silenceH >= this.params.gapMinH,
          gap_h: round(silenceH, 3),
          between_reports_h: round((c.endMs - c.startMs) / MS_PER_HOUR, 3),
          direction: c.afterM > c.beforeM ? 'loaded' : 'discharged',
          ...(c.weak ? { weak: true, confirming_reports: 1, weak_reason: `the new draught was heard once, then the ship fell silent ≥ ${this.params.gapMinH} h before any next draught report` } : {}),
        },
      });
      return false;
    });
    return out;
  }
}

export function createDraughtChangeDetector(params: Partial<DraughtChangeParams> = {}): DraughtChangeDetector {
  return new DraughtChangeDetector(params);
}

export function restoreDraughtChangeDetector(state: DraughtChangeState, params: Partial<DraughtChangeParams> = {}): DraughtChangeDetector {
  return new DraughtChangeDetector(params, state);
}
