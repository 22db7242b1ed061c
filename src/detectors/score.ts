// Scoring detected events against a simulator's truth: one-to-one matching per event type — same type,
// same mmsi (for encounters the unordered pair), time intervals overlapping (open ends run to +∞, both
// sides padded by `toleranceMs`) — then precision, recall and F1. Variants: `gap_intentional` (only
// intentional gaps on both sides) and `dark_port_call_port` (the port must match too). Detected events
// on a glitched vessel around the glitch time that match no truth are counted as `glitch_events`.
// Scripted meetings the simulator heard too thinly to make truth (`unscored`) excuse the loitering and
// encounter detections of their ships over their span that match no truth: neither counted nor false.
import type { TumenEvent } from '../events/schema.js';

export interface TypeScore {
  truth: number;
  detected: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Glitch {
  mmsi: number;
  timeMs: number;
}

/** A scripted meeting (encounter or loitering) heard too thinly to be truth: its ships, its span. */
export interface UnscoredMeeting {
  mmsis: number[];
  startMs: number;
  endMs: number;
  site?: string;
}

export interface ScoreReport {
  byType: Record<string, TypeScore>;
  /** Unmatched loitering and encounter detections of an unscored meeting's ships over its span, per type:
   *  left out of `detected`. */
  excused: Record<string, TumenEvent[]>;
  glitchEvents: number;
  /** Unmatched events, per type, for diagnosis. */
  falsePositives: Record<string, TumenEvent[]>;
  falseNegatives: Record<string, TumenEvent[]>;
}

const FAR = 8.64e15;

function interval(e: TumenEvent, padMs: number): [number, number] {
  const s = Date.parse(e.start) - padMs;
  const end = e.end === null ? FAR : Date.parse(e.end) + padMs;
  return [s, Math.max(s, end)];
}

function sameSubject(a: TumenEvent, b: TumenEvent): boolean {
  if (a.type === 'encounter') {
    const x = [a.mmsi, a.other_mmsi ?? -1].sort((p, q) => p - q);
    const y = [b.mmsi, b.other_mmsi ?? -1].sort((p, q) => p - q);
    return x[0] === y[0] && x[1] === y[1];
  }
  return a.mmsi === b.mmsi;
}

function overlapMs(a: [number, number], b: [number, number]): number {
  return Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
}

/** Greedy one-to-one matching by largest overlap. */
function match(truth: TumenEvent[], detected: TumenEvent[], padMs: number, extra: (t: TumenEvent, d: TumenEvent) => boolean) {
  const pairs: Array<[number, number, number]> = [];
  const bySubject = new Map<string, number[]>();
  const key = (e: TumenEvent): string => (e.type === 'encounter' ? [e.mmsi, e.other_mmsi ?? -1].sort((p, q) => p - q).join(':') : String(e.mmsi));
  detected.forEach((d, j) => {
    const k = key(d);
    let list = bySubject.get(k);
    if (!list) bySubject.set(k, (list = []));
    list.push(j);
  });
  truth.forEach((t, i) => {
    const ti = interval(t, padMs);
    for (const j of bySubject.get(key(t)) ?? []) {
      const d = detected[j]!;
      if (!sameSubject(t, d) || !extra(t, d)) continue;
      const ov = overlapMs(ti, interval(d, padMs));
      if (ov >= 0) pairs.push([ov, i, j]);
    }
  });
  pairs.sort((a, b) => b[0] - a[0]);
  const usedT = new Set<number>(), usedD = new Set<number>();
  for (const [, i, j] of pairs) {
    if (usedT.has(i) || usedD.has(j)) continue;
    usedT.add(i);
    usedD.add(j);
  }
  return { usedT, usedD };
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

/** The detection falls on an unscored meeting: one of its ships (an encounter: both), within its span. */
function excusedBy(d: TumenEvent, meetings: readonly UnscoredMeeting[], padMs: number): boolean {
  if (d.type !== 'loitering' && d.type !== 'encounter') return false;
  const span = interval(d, padMs);
  return meetings.some((m) => m.mmsis.includes(d.mmsi) && (d.type !== 'encounter' || m.mmsis.includes(d.other_mmsi ?? -1))
    && overlapMs(span, [m.startMs - padMs, m.endMs + padMs]) >= 0);
}

export function scoreEvents(truth: readonly TumenEvent[], detected: readonly TumenEvent[], opts: { toleranceMs?: number; glitches?: readonly Glitch[]; unscored?: readonly UnscoredMeeting[] } = {}): ScoreReport {
  const padMs = opts.toleranceMs ?? 20 * 60_000;
  const variants: Array<{ name: string; type: string; filter: (e: TumenEvent) => boolean; extra: (t: TumenEvent, d: TumenEvent) => boolean }> = [];
  const types = [...new Set([...truth, ...detected].map((e) => e.type))].sort();
  for (const type of types) variants.push({ name: type, type, filter: () => true, extra: () => true });
  if (types.includes('gap')) variants.push({ name: 'gap_intentional', type: 'gap', filter: (e) => e.intentional === true, extra: () => true });
  if (types.includes('dark_port_call')) {
    variants.push({ name: 'dark_port_call_port', type: 'dark_port_call', filter: () => true, extra: (t, d) => t.port?.id === d.port?.id });
  }
  const report: ScoreReport = { byType: {}, excused: {}, glitchEvents: 0, falsePositives: {}, falseNegatives: {} };
  const glitchSet = new Map<number, number[]>();
  for (const g of opts.glitches ?? []) {
    let list = glitchSet.get(g.mmsi);
    if (!list) glitchSet.set(g.mmsi, (list = []));
    list.push(g.timeMs);
  }
  for (const v of variants) {
    const t = truth.filter((e) => e.type === v.type && v.filter(e));
    const all = detected.filter((e) => e.type === v.type && v.filter(e));
    const matched = match(t, all, padMs, v.extra);
    const excused = all.filter((e, j) => !matched.usedD.has(j) && excusedBy(e, opts.unscored ?? [], padMs));
    const d = excused.length === 0 ? all : all.filter((e) => !excused.includes(e));
    const { usedT, usedD } = excused.length === 0 ? matched : match(t, d, padMs, v.extra);
    if (excused.length > 0) report.excused[v.name] = excused;
    const precision = ratio(usedD.size, d.length);
    const recall = ratio(usedT.size, t.length);
    report.byType[v.name] = {
      truth: t.length, detected: d.length, matched: usedD.size,
      precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    };
    report.falsePositives[v.name] = d.filter((_, j) => !usedD.has(j));
    report.falseNegatives[v.name] = t.filter((_, i) => !usedT.has(i));
    if (v.name === v.type) {
      for (const fp of report.falsePositives[v.name]!) {
        const times = glitchSet.get(fp.mmsi);
        if (!times) continue;
        const [s, e] = interval(fp, 6 * 3_600_000);
        if (times.some((g) => g >= s && g <= e)) report.glitchEvents++;
      }
    }
  }
  return report;
}
