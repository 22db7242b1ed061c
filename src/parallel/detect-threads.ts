// The batch adapter of the detection runner on several threads: `tumen detect` on a machine with spare
// cores. The main thread reads the input and replays it (time order, statics first at equal times) to every
// detection thread (src/parallel/detect-worker.ts); each runs one DetectionRunner as a cluster work unit
// would — the per-vessel chains of the MMSIs hashed to its partition, the first thread also the global
// detectors — and sends back the events each batch completes. The post-steps run here over all of them
// (their verdicts do not depend on the order events arrive in), so the events are those of runPipeline
// (test/contract). Every thread hears every report: the reception index is built once per thread.
import type { Worker } from 'node:worker_threads';
import type { TumenEvent } from '../events/schema.js';
import type { StaticReport } from '../detectors/detector.js';
import type { Position } from '../tracks/position.js';
import { countByType, replayInto, sortedEvents, type PipelineInput, type PipelineResult, type ReportSink } from '../detectors/pipeline.js';
import type { ParamOverrides } from '../detectors/registry.js';
import type { RunnerStats } from '../detectors/runner.js';
import { applyPostSteps, POST_STEPS } from '../detectors/post-steps.js';
import { addCounts } from '../detectors/vessel-chain.js';
import { scanStops, type StopScan } from '../anchorages/collect.js';
import { spawnWorkerBeside } from '../ingest/spawn-worker.js';
import { mmsiHash } from '../detectors/mmsi-hash.js';
import { ReportBatchWriter, type ReportBatch } from './report-batch.js';

export interface ThreadedOptions {
  threads: number;
  types?: ReadonlySet<string>;
  params?: ParamOverrides;
  windowEndMs?: number;
  retireSilent?: boolean;
  /** Port areas learned from these stops (the store's); 'points': the runner's default (World Port Index
   *  and ports of interest as points); absent: learned from the input's own stops first, as runPipeline. */
  ports?: StopScan | 'points';
}

export interface DetectThreadData {
  types?: string[];
  params?: ParamOverrides;
  windowEndMs?: number;
  retireSilent?: boolean;
  stops: StopScan | null;
  /** The share of the MMSI hash range whose vessels' chains run on this thread, [from, to). */
  owned: [number, number];
  globals: boolean;
}

export type ToDetectThread = { kind: 'batch'; batch: ReportBatch } | { kind: 'end' };
export type FromDetectThread =
  | { kind: 'events'; events: TumenEvent[]; retracted: string[] }
  | { kind: 'final'; events: TumenEvent[]; retracted: string[]; stats: RunnerStats }
  | { kind: 'error'; message: string };

/** An MMSI's place in [0, 1). */
export function hashShare(mmsi: number): number {
  return mmsiHash(mmsi) / 4294967296;
}

/** The first thread also segments every vessel and runs the global detectors: it takes this share of an
 *  even split of the vessels. 1.09 M-position cut, two threads: at 50/50 the other thread waited 28 % of
 *  the time; at 40/60 the threads used 16.0 and 15.0 CPU-s (bench/RESULTS.md). */
const GLOBALS_THREAD_SHARE = 0.8;

/** Each thread's share of the hash range, [from, to). */
export function threadShares(threads: number): Array<[number, number]> {
  if (threads === 1) return [[0, 1]];
  const first = GLOBALS_THREAD_SHARE / threads;
  const rest = (1 - first) / (threads - 1);
  return Array.from({ length: threads }, (_, k) => [k === 0 ? 0 : first + (k - 1) * rest, k === threads - 1 ? 1 : first + k * rest]);
}

/** Batches a thread may have queued: enough to keep it busy, bounded so the reader cannot run away. */
const MAX_IN_FLIGHT = 4;
/** Reports per batch sent. */
const BATCH_REPORTS = 8192;

class DetectThread {
  readonly worker: Worker;
  inFlight = 0;
  stats: RunnerStats | null = null;
  failure: Error | null = null;
  private wake: (() => void) | null = null;

  constructor(data: DetectThreadData, onEvents: (events: TumenEvent[], retracted: string[]) => void) {
    this.worker = spawnWorkerBeside(import.meta.url, 'detect-worker', data);
    this.worker.on('message', (m: FromDetectThread) => {
      if (m.kind === 'error') this.fail(new Error(`detection thread: ${m.message}`));
      else {
        onEvents(m.events, m.retracted);
        if (m.kind === 'final') this.stats = m.stats;
        else this.inFlight--;
      }
      this.wake?.();
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => { if (this.stats === null) this.fail(new Error(`detection thread exited (${code}) before the end`)); });
  }

  send(m: ToDetectThread): void {
    if (this.failure) throw this.failure;
    if (m.kind === 'batch') this.inFlight++;
    this.worker.postMessage(m);
  }

  /** Resolves when `ready()` holds (or the thread failed: then throws). */
  async until(ready: () => boolean): Promise<void> {
    while (!ready()) {
      if (this.failure) throw this.failure;
      await new Promise<void>((r) => { this.wake = r; });
      this.wake = null;
    }
    if (this.failure) throw this.failure;
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.wake?.();
  }
}

/** runPipeline's events and stats, the per-vessel work split over `options.threads` threads by MMSI hash. */
export async function runPipelineThreaded(input: PipelineInput, options: ThreadedOptions): Promise<PipelineResult> {
  const threads = Math.max(1, Math.floor(options.threads));
  const stops = options.ports === 'points' ? null : options.ports ?? await scanStops(input.positionsByTime());
  const post = POST_STEPS.map((p) => p.create());
  const byId = new Map<string, TumenEvent>();
  const collect = (events: TumenEvent[], retracted: string[]): void => {
    // As the batch runner's take(): each event through the post-steps, kept ones by id, withdrawn ones out.
    for (const e of events) {
      const v = applyPostSteps(post, e);
      for (const id of v.retract) byId.delete(id);
      if (v.keep) byId.set(e.id, e);
    }
    for (const id of retracted) byId.delete(id);
  };
  const shares = threadShares(threads);
  const workers = Array.from({ length: threads }, (_, k) => new DetectThread({
    types: options.types ? [...options.types] : undefined, params: options.params, windowEndMs: options.windowEndMs, retireSilent: options.retireSilent,
    stops, owned: shares[k]!, globals: k === 0,
  }, collect));
  try {
    const writer = new ReportBatchWriter(BATCH_REPORTS);
    const send = async (): Promise<void> => {
      if (writer.size === 0) return;
      const batch = writer.take();
      for (const w of workers) w.send({ kind: 'batch', batch });
      for (const w of workers) await w.until(() => w.inFlight < MAX_IN_FLIGHT);
    };
    const sink: ReportSink = {
      pushPosition: (p: Position) => writer.pushPosition(p),
      pushStatic: (s: StaticReport) => writer.pushStatic(s),
    };
    await replayInto(sink, input, async () => { if (writer.size >= BATCH_REPORTS) await send(); });
    await send();
    for (const w of workers) w.send({ kind: 'end' });
    for (const w of workers) await w.until(() => w.stats !== null);
  } finally {
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
  const stats = mergedStats(workers.map((w) => w.stats!));
  return { events: sortedEvents(byId.values()), stats: { ...stats, eventsByType: countByType(byId.values()) } };
}

/** The first thread segments every vessel (its global detectors read every track) and counts every report:
 *  its counts are the run's; each thread adds the candidates its own detectors dropped. */
function mergedStats(all: RunnerStats[]): RunnerStats {
  const [first, ...rest] = all;
  const dropped = structuredClone(first!.dropped);
  for (const s of rest) for (const [type, byReason] of Object.entries(s.dropped)) addCounts(dropped, type, byReason);
  return { ...first!, dropped };
}
