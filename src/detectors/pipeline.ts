// The batch adapter of the detection runner (src/detectors/runner.ts): positions and statics in time
// order (statics first at equal times) through one runner, flushed at the end; events deduplicated by id
// and sorted. `tumen detect`, the demo and the benches run it; the live feed and the cluster workers drive
// the same runner incrementally.
import type { TumenEvent } from '../events/schema.js';
import type { Position } from '../tracks/position.js';
import type { StaticReport } from './detector.js';
import { DetectionRunner, type RunnerOptions, type RunnerStats } from './runner.js';
import { portAreasFrom, scanStops } from '../anchorages/collect.js';

export interface PipelineInput {
  /** Positions ordered by time (ties in a fixed order), in batches. */
  positionsByTime(): AsyncIterable<Position[]>;
  /** Static reports ordered by time, in batches. */
  statics(): AsyncIterable<StaticReport[]>;
}

export type PipelineOptions = RunnerOptions;

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
 * Feeds `runner` the input in time order, statics before positions of the same time. Statics are read
 * first, whole (a small fraction of the volume): two result streams open at once on one DuckDB connection
 * cut the first one short.
 */
export async function replayInto(runner: ReportSink, input: PipelineInput, onBatch?: () => void | Promise<void>): Promise<void> {
  const statics: StaticReport[] = [];
  for await (const batch of input.statics()) for (const s of batch) statics.push(s);
  let si = 0;
  for await (const batch of input.positionsByTime()) {
    for (const p of batch) {
      while (si < statics.length && statics[si]!.timeMs <= p.timeMs) runner.pushStatic(statics[si++]!);
      runner.pushPosition(p);
    }
    await onBatch?.();
  }
  while (si < statics.length) runner.pushStatic(statics[si++]!);
  await onBatch?.();
}

/** Detection over `input`. Unless `options.ports` is given, the ports and anchorages are first learned from
 *  the input's own stops (one extra pass; src/anchorages) and port visits and the land test use them. */
export async function runPipeline(input: PipelineInput, options: PipelineOptions = {}): Promise<PipelineResult> {
  const ports = options.ports ?? portAreasFrom(await scanStops(input.positionsByTime())).areas;
  const runner = new DetectionRunner({ ...options, ports });
  const byId = new Map<string, TumenEvent>();
  const collect = (): void => {
    const { events, retracted } = runner.take();
    for (const e of events) byId.set(e.id, e);
    for (const id of retracted) byId.delete(id);
  };
  await replayInto(runner, input, collect);
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
