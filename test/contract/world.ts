// The contract suite's small simulated world and its adapters: every way Tumen runs detection must give
// the same events on it (test/contract/*.test.ts). The world is decoded once per test file.
import { simulate } from '../../src/sim/world.js';
import { decodeLines, type Decoded } from '../../bench/detect-decode.js';
import { memoryInput, runPipeline, sortedEvents } from '../../src/detectors/pipeline.js';
import { DetectionRunner, type RunnerOptions } from '../../src/detectors/runner.js';
import type { TumenEvent } from '../../src/events/schema.js';
import { portIndex } from '../../src/reference/wpi.js';
import type { Position } from '../../src/tracks/position.js';
import type { StaticReport } from '../../src/detectors/detector.js';

export interface World extends Decoded {
  endMs: number;
  lines: string[];
}

let cached: World | undefined;

/** 40 vessels over 3 days (seed 12): every event type the small world can show, in a few seconds. */
export function contractWorld(): World {
  if (cached) return cached;
  const sim = simulate({ seed: 12, vessels: 40, days: 3 });
  const lines = [...sim.lines];
  cached = { ...decodeLines(lines), endMs: sim.endMs, lines };
  return cached;
}

export type Report = { kind: 'position'; p: Position } | { kind: 'static'; s: StaticReport };

/** The world's reports in the order every adapter feeds them: time, statics first at equal times. */
export function timeOrdered(w: World): Report[] {
  const ps = [...w.positions].sort((a, b) => a.timeMs - b.timeMs || a.mmsi - b.mmsi);
  const ss = [...w.statics].sort((a, b) => a.timeMs - b.timeMs || a.mmsi - b.mmsi);
  const out: Report[] = [];
  let si = 0;
  for (const p of ps) {
    while (si < ss.length && ss[si]!.timeMs <= p.timeMs) out.push({ kind: 'static', s: ss[si++]! });
    out.push({ kind: 'position', p });
  }
  while (si < ss.length) out.push({ kind: 'static', s: ss[si++]! });
  return out;
}

/** The contract compares adapters on one port list: the runner's default (the live feed's). `tumen
 *  detect` learns port areas from the data first (runPipeline without `ports`); that step is the batch
 *  adapter's own and is not part of this comparison. */
export async function batchEvents(w: World, options: RunnerOptions = {}): Promise<TumenEvent[]> {
  return (await runPipeline(memoryInput(w.positions, w.statics), { windowEndMs: w.endMs, ports: portIndex(), ...options })).events;
}

/** Collects a runner's output the way a store does: insert by id, delete what is retracted. */
export class EventSet {
  readonly byId = new Map<string, TumenEvent>();
  add(out: { events: TumenEvent[]; retracted: string[] }): void {
    for (const e of out.events) this.byId.set(e.id, e);
    for (const id of out.retracted) this.byId.delete(id);
  }
  sorted(): TumenEvent[] {
    return sortedEvents(this.byId.values());
  }
}

/**
 * One report at a time through a runner; at each cut the runner is snapshotted, the state goes through
 * JSON (as to a KV store) and a new runner restored from it carries on. Returns the events before the
 * flush (what a live feed has) and after it.
 */
export function replayEvents(w: World, cuts: readonly number[] = [], options: RunnerOptions = {}): { live: TumenEvent[]; all: TumenEvent[] } {
  const reports = timeOrdered(w);
  const set = new EventSet();
  let runner = new DetectionRunner({ windowEndMs: w.endMs, ...options });
  const cutSet = new Set(cuts.map((c) => Math.floor(c * reports.length)));
  reports.forEach((r, i) => {
    if (cutSet.has(i)) {
      set.add(runner.take());
      runner = DetectionRunner.restore(JSON.parse(JSON.stringify(runner.snapshot())), { windowEndMs: w.endMs, ...options });
    }
    if (r.kind === 'position') runner.pushPosition(r.p);
    else runner.pushStatic(r.s);
    set.add(runner.take());
  });
  const live = set.sorted();
  runner.flush();
  set.add(runner.take());
  return { live, all: set.sorted() };
}

/** Events as comparable lines (id + full content). */
export const asLines = (events: readonly TumenEvent[]): string[] => events.map((e) => JSON.stringify(e)).sort();
