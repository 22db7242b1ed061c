// The batch adapter of the detection runner (src/detectors/runner.ts): positions and statics in time
// order (statics first at equal times) through one runner, flushed at the end; events deduplicated by id
// and sorted. `tumen detect`, the demo and the benches run it; the live feed and the cluster workers drive
// the same runner incrementally.
import type { TumenEvent } from '../events/schema.js';
import type { Position } from '../tracks/position.js';
import type { StaticReport } from './detector.js';
import { DetectionRunner, type RunnerOptions, type RunnerStats, type SilenceJudge } from './runner.js';
import { portAreasFrom, scanStops } from '../anchorages/collect.js';

export interface PipelineInput {
  /** Positions ordered by time (ties in a fixed order), in batches. */
  positionsByTime(): AsyncIterable<Position[]>;
  /** Static reports ordered by time, in batches. */
  statics(): AsyncIterable<StaticReport[]>;
}

export interface PipelineOptions extends RunnerOptions {
  /** Also fed every report of the replay, after the runner (`tumen detect`'s watch rules), as live detection
   *  feeds it; given the runner's silence judge when it takes one. */
  observer?: ReportSink & { useSilenceJudge?(judge: SilenceJudge): void };
}

export interface PipelineStats extends RunnerStats {
  eventsByType: Record<string, number>;
}

export interface PipelineResult {
  events: TumenEvent[];
  stats: PipelineStats;
}

/** Where a replay goes: the runner, or the cluster's publisher (`tumen ingest --to nats://`). */
export interface ReportSink {
  pushPosition(p: Position): void;
  pushStatic(s: StaticReport): void;
}

/**
 * Feeds `runner` the input in time order, statics before positions of the same time. Both streams are read
 * as they are consumed: holding a store's statics whole (1.7 M objects over 10 M positions) cost hundreds of
 * MB and a garbage collector walking them for the whole run. (A store reads them on a connection of their
 * own: two result streams open at once on one DuckDB connection cut the first one short.)
 */
export async function replayInto(runner: ReportSink, input: PipelineInput, onBatch?: () => void | Promise<void>): Promise<void> {
  const staticBatches = input.statics()[Symbol.asyncIterator]();
  let statics: StaticReport[] = [];
  let si = 0;
  let staticsDone = false;
  /** The next static report, or null at the end of the stream. */
  const nextStatic = async (): Promise<StaticReport | null> => {
    while (si >= statics.length) {
      if (staticsDone) return null;
      const r = await staticBatches.next();
      if (r.done) {
        staticsDone = true;
        statics = [];
        si = 0;
        return null;
      }
      statics = r.value;
      si = 0;
    }
    return statics[si]!;
  };
  try {
    let pending = await nextStatic();
    for await (const batch of input.positionsByTime()) {
      for (const p of batch) {
        while (pending !== null && pending.timeMs <= p.timeMs) {
          runner.pushStatic(pending);
          si++;
          pending = si < statics.length ? statics[si]! : await nextStatic();
        }
        runner.pushPosition(p);
      }
      await onBatch?.();
    }
    while (pending !== null) {
      runner.pushStatic(pending);
      si++;
      pending = si < statics.length ? statics[si]! : await nextStatic();
    }
    await onBatch?.();
  } finally {
    if (!staticsDone) await staticBatches.return?.();
  }
}

/** Detection over `input`. Unless `options.ports` is given, the ports and anchorages are first learned from
 *  the input's own stops (one extra pass; src/anchorages) and port visits and the land test use them. */
export async function runPipeline(input: PipelineInput, options: PipelineOptions = {}): Promise<PipelineResult> {
  const { observer, ...runnerOptions } = options;
  const ports = runnerOptions.ports ?? portAreasFrom(await scanStops(input.positionsByTime())).areas;
  const runner = new DetectionRunner({ ...runnerOptions, ports });
  const byId = new Map<string, TumenEvent>();
  const collect = (): void => {
    const { events, retracted } = runner.take();
    for (const e of events) byId.set(e.id, e);
    for (const id of retracted) byId.delete(id);
  };
  observer?.useSilenceJudge?.(runner.silenceJudge());
  const sink: ReportSink = observer
    ? { pushPosition: (p) => { runner.pushPosition(p); observer.pushPosition(p); }, pushStatic: (st) => { runner.pushStatic(st); observer.pushStatic(st); } }
    : runner;
  await replayInto(sink, input, collect);
  runner.flush();
  collect();
  return { events: sortedEvents(byId.values()), stats: { ...runner.stats, eventsByType: countByType(byId.values()) } };
}

export function sortedEvents(events: Iterable<TumenEvent>): TumenEvent[] {
  return [...events].sort(compareEvents);
}

export function countByType(events: Iterable<TumenEvent>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of events) out[e.type] = (out[e.type] ?? 0) + 1;
  return out;
}

export function compareEvents(a: TumenEvent, b: TumenEvent): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : a.mmsi - b.mmsi || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** An in-memory PipelineInput (tests, benches, the demo): sorts copies, never the caller's arrays. */
export function memoryInput(positions: readonly Position[], statics: readonly StaticReport[] = [], batchSize = 8192): PipelineInput {
  const byTime = [...positions].sort((a, b) => a.timeMs - b.timeMs || a.mmsi - b.mmsi);
  const st = [...statics].sort((a, b) => a.timeMs - b.timeMs || a.mmsi - b.mmsi);
  async function* batches<T>(xs: readonly T[]): AsyncIterable<T[]> {
    for (let i = 0; i < xs.length; i += batchSize) yield xs.slice(i, i + batchSize);
  }
  return { positionsByTime: () => batches(byTime), statics: () => batches(st) };
}
