// Ingest of one raw NMEA file (plain or gzip): resume from the ingest log, a check that the file carries
// times, then decoding (in a worker thread, so it overlaps the store's commits) and batch commits, each
// with its resume point.
import { AisDecoder } from '../ais/index.js';
import type { Store } from '../store/db.js';
import { emptyCounts, finishIngestLog, reopenIngestLog, startIngestLog, type IngestCounts, type IngestLogEntry } from '../store/ingest-log.js';
import { openOffsetLines } from '../io/offset-lines.js';
import type { ReceptionSource } from '../tracks/position.js';
import { BatchCommitter } from './batch-committer.js';
import { decodeFile } from './decode-file.js';
import { NmeaDecodeStage, StrictStop, type NmeaDecodeOptions } from './nmea-decode.js';
import type { FileWorkerData, FileWorkerMessage } from './nmea-file-worker.js';
import type { ProgressSink } from './progress.js';
import { spawnModuleWorker } from './spawn-worker.js';
import type { StoreWriter } from './store-writer.js';
import type { TimeWindow } from './time-window.js';

/** Lines inspected for a time before refusing a file without times. */
export const TIME_PROBE_LINES = 10_000;

export class NoTimesError extends Error {}

export interface NmeaFileOptions {
  startMs: number | null;
  source: ReceptionSource | null;
  strict: boolean;
  batchRows: number;
  /** For progress/strict messages. */
  label: string;
  /** Decode in a worker thread (default); false decodes in this thread. */
  worker?: boolean;
  timeWindow: TimeWindow;
  log?: (line: string) => void;
}

/** Messages, and those with a time of their own, among the first `TIME_PROBE_LINES` lines. */
export async function probeTimes(path: string): Promise<{ timed: number; messages: number }> {
  const decoder = new AisDecoder();
  let seen = 0;
  let messages = 0;
  let timed = 0;
  for await (const block of openOffsetLines(path).blocks) {
    for (const line of block.lines) {
      const r = decoder.decodeLine(line);
      if (r.kind === 'message') {
        messages++;
        if (r.meta.timeMs !== null) timed++;
      }
      if (++seen >= TIME_PROBE_LINES) return { timed, messages };
    }
  }
  return { timed, messages };
}

/** Told before the ingest when more than this share of the probed messages carry no time. */
const UNTIMED_NOTICE_SHARE = 0.1;

export async function ingestNmeaFile(
  store: Store, writer: StoreWriter, path: string, fileKey: string | null, previous: IngestLogEntry | undefined,
  opts: NmeaFileOptions, progress: ProgressSink, nowMs: () => number,
): Promise<{ id: number; counts: IngestCounts; issue: string | null }> {
  let id: number;
  let initial = emptyCounts();
  let resumeOffset = 0;
  let committedOffset = 0;
  let carry: number | null = null;
  if (previous && previous.status !== 'done') {
    id = previous.id;
    initial = previous;
    resumeOffset = previous.resumeOffset;
    committedOffset = previous.committedOffset;
    carry = previous.carryTimeMs;
    await reopenIngestLog(store, id);
  } else {
    if (opts.startMs === null && path !== '-') {
      const probe = await probeTimes(path);
      if (probe.timed === 0 && probe.messages > 0) {
        throw new NoTimesError(
          `${opts.label}: no message in the first ${TIME_PROBE_LINES} lines carries a time (tag block c:, $PGHP or trailing epoch); ` +
          'give --start ISO-8601 to time its messages (see docs/store.md)');
      }
      const untimed = probe.messages - probe.timed;
      if (untimed > probe.messages * UNTIMED_NOTICE_SHARE) {
        opts.log?.(`${opts.label}: ${untimed} of ${probe.messages} messages in the first ${TIME_PROBE_LINES} lines carry no time ` +
          `(${((100 * untimed) / probe.messages).toFixed(1)} %): they will be rejected no_time; give --start ISO-8601 to time them`);
      }
    }
    id = await startIngestLog(store, { source: path === '-' ? 'stdin' : path, fileKey, format: 'nmea', startedMs: nowMs() });
  }

  const committer = new BatchCommitter(store, writer, id, initial);
  const decodeOpts: NmeaDecodeOptions = {
    startMs: opts.startMs, source: opts.source, strict: opts.strict, batchRows: opts.batchRows, label: opts.label, timeWindow: opts.timeWindow,
  };
  try {
    const job = { path, resumeOffset, committedOffset, opts: decodeOpts, initial, carryTimeMs: carry };
    const issue = opts.worker === false || path === '-' ? await decodeHere(job, committer, progress) : await decodeInWorker(job, committer, progress);
    await committer.settle();
    // A .gz cut short: what was readable is stored, the log row says why the rest is missing.
    await finishIngestLog(store, id, 'done', nowMs(), issue === null ? null : `${opts.label}: ${issue}`);
    return { id, counts: committer.totals(), issue: issue === null ? null : `${opts.label}: ${issue}` };
  } catch (err) {
    await committer.settle().catch(() => undefined);
    const msg = err instanceof StrictStop ? err.message : `${opts.label}: ${(err as Error).message}`;
    await finishIngestLog(store, id, 'failed', nowMs(), msg).catch(() => undefined);
    throw err;
  }
}

async function decodeHere(job: FileWorkerData, committer: BatchCommitter, progress: ProgressSink): Promise<string | null> {
  const stage = new NmeaDecodeStage(job.opts, job.initial, job.carryTimeMs);
  return decodeFile(stage, job.path, job.resumeOffset, job.committedOffset, job.initial.lines,
    (taken, resume) => committer.submit(taken.batch, taken.counts, resume, taken.carryTimeMs),
    (bytes, total, messages) => progress.update(job.opts.label, bytes, total, messages));
}

function decodeInWorker(job: FileWorkerData, committer: BatchCommitter, progress: ProgressSink): Promise<string | null> {
  return new Promise<string | null>((resolve, reject) => {
    const worker = spawnModuleWorker('nmea-file-worker', job);
    let chain: Promise<void> = Promise.resolve();
    let finished = false;
    const fail = (e: unknown) => {
      if (finished) return;
      finished = true;
      void worker.terminate();
      reject(e);
    };
    worker.on('message', (m: FileWorkerMessage) => {
      if (m.kind === 'batch') {
        chain = chain.then(() => committer.submit(m.data, m.counts, m.resume, m.carryTimeMs)).then(() => worker.postMessage('ack'));
        chain.catch(fail);
      } else if (m.kind === 'progress') {
        progress.update(job.opts.label, m.bytes, m.total, m.messages);
      } else if (m.kind === 'end') {
        chain.then(() => {
          finished = true;
          resolve(m.issue);
        }, fail);
      } else {
        chain.then(() => fail(m.strict ? new StrictStop(m.message) : new Error(m.message)), fail);
      }
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!finished) chain.then(() => fail(new Error(`decoding worker exited (code ${code}) before the end of the file`)), fail);
    });
  });
}
