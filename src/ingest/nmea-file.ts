// Ingest of one raw NMEA file (plain or gzip): resume from the ingest log, a check that the file carries
// times, then decoding (in a worker thread, so it overlaps the store's commits) and batch commits, each
// with its resume point.
import type { Store } from '../store/db.js';
import { emptyCounts, finishIngestLog, reopenIngestLog, startIngestLog, type IngestCounts, type IngestLogEntry } from '../store/ingest-log.js';
import { statSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { discardDecoder, reusableDecoder, spawnDecoderThread, startDecoder, type StartedDecoder } from './decoder-thread.js';
import { isGzipFile } from '../io/lines.js';
import type { ReceptionSource } from '../tracks/position.js';
import { BatchCommitter } from './batch-committer.js';
import { addCounts, cloneCounts } from './counts.js';
import { decodeFile } from './decode-file.js';
import { answerFileQuestions, TIME_PROBE_LINES, type FileAnswers, type FileQuestions } from './file-probe.js';
import type { FileSpan } from './file-span.js';
import { chunkBytesFor, contextOffsetBefore, hasNewlines, planChunks, type FileChunk } from './file-chunks.js';
import { NmeaDecodeStage, StrictStop, type NmeaDecodeOptions, type ResumePoint } from './nmea-decode.js';
import type { FileWorkerData, FileWorkerMessage, ToFileWorker } from './nmea-file-worker.js';
import { toBatchData, type BatchData } from './position-batch.js';
import type { ProgressSink } from './progress.js';
import type { StoreWriter } from './store-writer.js';
import type { TimeWindow } from './time-window.js';

export class NoTimesError extends Error {}

export interface NmeaFileOptions {
  startMs: number | null;
  source: ReceptionSource | null;
  strict: boolean;
  batchRows: number;
  /** For progress/strict messages. */
  label: string;
  /** Decode in worker threads (default); false decodes in this thread. */
  worker?: boolean;
  /** Decoding threads for a plain file with its own times (default 1); see planFileChunks. */
  threads?: number;
  /** Chunk size when several threads decode (default chunkBytesFor); smaller in tests. */
  chunkBytes?: number;
  /** DuckDB's `threads` while decoding threads run; the setting in force comes back before the last batch's commit. */
  storeThreadsWhileDecoding?: number;
  /** Plausible message times; null = the file's own span (file-span.ts) within `outerWindow`, else that window. */
  timeWindow: TimeWindow | null;
  outerWindow: TimeWindow;
  log?: (line: string) => void;
  /** A decoding thread already started for this file (decoder-thread.ts); used if it asked the same, else ended. */
  started?: StartedDecoder | null;
}

/** Told before the ingest when more than this share of the probed messages carry no time. */
const UNTIMED_NOTICE_SHARE = 0.1;

export async function ingestNmeaFile(
  store: Store, writer: StoreWriter, path: string, fileKey: string | null, previous: IngestLogEntry | undefined,
  opts: NmeaFileOptions, progress: ProgressSink, nowMs: () => number,
): Promise<{ id: number; counts: IngestCounts; issue: string | null; span: FileSpan | null }> {
  const resumed = previous !== undefined && previous.status !== 'done';
  const questions: FileQuestions = { path, probe: !resumed && opts.startMs === null && path !== '-', spanWithin: opts.timeWindow === null ? opts.outerWindow : null };
  // The decoding thread starts first (or was started before the store was opened) and answers the questions
  // about the file while this thread goes on.
  const started = opts.worker === false || path === '-' ? null : reusableDecoder(opts.started, questions);
  if (opts.started && started === null) discardDecoder(opts.started);
  const first = opts.worker === false || path === '-' ? null : started ?? startDecoder(questions);
  try {
    const answers = first === null ? await answerFileQuestions(questions) : await first.answers;
    const timeWindow = opts.timeWindow ?? answers.span?.window ?? opts.outerWindow;
    const r = await ingestNmeaLines(store, writer, path, fileKey, resumed ? previous : undefined, { ...opts, timeWindow }, answers, progress, nowMs, first?.worker ?? null);
    return { ...r, span: answers.span };
  } catch (err) {
    if (first !== null) void first.worker.terminate();
    throw err;
  }
}

async function ingestNmeaLines(
  store: Store, writer: StoreWriter, path: string, fileKey: string | null, previous: IngestLogEntry | undefined,
  opts: NmeaFileOptions & { timeWindow: TimeWindow }, answers: FileAnswers, progress: ProgressSink, nowMs: () => number,
  first: Worker | null,
): Promise<{ id: number; counts: IngestCounts; issue: string | null }> {
  let id: number;
  let initial = emptyCounts();
  let resumeOffset = 0;
  let committedOffset = 0;
  let carry: number | null = null;
  if (previous) {
    id = previous.id;
    initial = previous;
    resumeOffset = previous.resumeOffset;
    committedOffset = previous.committedOffset;
    carry = previous.carryTimeMs;
    await reopenIngestLog(store, id);
  } else {
    const probe = answers.probe;
    if (probe !== null) {
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
  // In this thread (worker: false) the chunks are decoded one after the other: the same result, for tests.
  const threads = path === '-' ? 1 : Math.max(1, opts.threads ?? 1);
  const chunks = planFileChunks(path, resumeOffset, committedOffset, opts, threads);
  const ordered = new OrderedCommits(committer, initial, chunks.length);
  // While the file is decoded, the decoding thread and this one's commits share the cores: DuckDB's own
  // threads mostly wait for work there (one spins polling), so fewer of them cost less CPU. The last batch's
  // commit and the close's checkpoint have no decoding left to share with: they get the setting back.
  const restoreThreads = first === null || opts.storeThreadsWhileDecoding === undefined ? null : await lowerStoreThreads(store, opts.storeThreadsWhileDecoding);
  ordered.beforeLast = restoreThreads;
  try {
    const job: FileWorkerData = { path, opts: decodeOpts, linesBefore: initial.lines, carryTimeMs: carry };
    const issue = first === null
      ? await decodeHere(job, chunks, ordered, progress)
      : await decodeInWorkers(job, chunks, Math.min(threads, chunks.length), first, ordered, progress);
    await committer.settle();
    await restoreThreads?.();
    // A .gz cut short: what was readable is stored, the log row says why the rest is missing.
    await finishIngestLog(store, id, 'done', nowMs(), issue === null ? null : `${opts.label}: ${issue}`);
    return { id, counts: committer.totals(), issue: issue === null ? null : `${opts.label}: ${issue}` };
  } catch (err) {
    await committer.settle().catch(() => undefined);
    await restoreThreads?.().catch(() => undefined);
    const msg = err instanceof StrictStop ? err.message : `${opts.label}: ${(err as Error).message}`;
    await finishIngestLog(store, id, 'failed', nowMs(), msg).catch(() => undefined);
    throw err;
  }
}

/** Sets DuckDB's `threads` to `threads`; returns what puts the setting in force back (once). */
async function lowerStoreThreads(store: Store, threads: number): Promise<() => Promise<void>> {
  const was = Number((await store.one<{ t: unknown }>("SELECT current_setting('threads')::INTEGER AS t"))?.t);
  if (!Number.isInteger(was) || was <= threads || !Number.isInteger(threads) || threads < 1) return async () => undefined;
  await store.run(`SET threads = ${threads}`);
  let restored = false;
  return async () => {
    if (restored) return;
    restored = true;
    await store.run(`SET threads = ${was}`);
  };
}

/**
 * Chunks of the file to decode: several when more than one thread decodes a plain file whose messages
 * carry their own times (an untimed line takes the time of the lines before it, across any chunk border;
 * --strict names absolute line numbers; a .gz or stdin cannot be read from the middle), else one.
 */
function planFileChunks(path: string, resumeOffset: number, committedOffset: number, opts: NmeaFileOptions, threads: number): FileChunk[] {
  const whole = [{ index: 0, contextOffset: resumeOffset, start: committedOffset, end: Infinity }];
  if (threads < 2 || path === '-' || opts.strict || opts.startMs !== null || isGzipFile(path) || !hasNewlines(path)) return whole;
  const size = statSync(path).size;
  const chunkBytes = opts.chunkBytes ?? chunkBytesFor(size - committedOffset, threads);
  return size - committedOffset >= 2 * chunkBytes ? planChunks(resumeOffset, committedOffset, size, chunkBytes) : whole;
}

/**
 * Batches committed in file order, whatever thread decoded them: each carries its chunk's own line counts,
 * to which the counts of the chunks before it (and of an earlier, resumed run) are added.
 */
class OrderedCommits {
  private base: IngestCounts;
  private chunk = 0;
  private readonly waiting = new Map<number, Array<{ m: BatchMessage; done: () => void }>>();
  private chain: Promise<void> = Promise.resolve();
  issue: string | null = null;
  /** Run (between commits) before the file's last batch is submitted. */
  beforeLast: (() => Promise<void>) | null = null;

  constructor(private readonly committer: BatchCommitter, initial: IngestCounts, private readonly chunks: number) {
    this.base = cloneCounts(initial);
  }

  /** Chunks wholly committed (or submitted) so far. */
  get chunksDone(): number {
    return this.chunk;
  }

  /** Queues a batch; `done` runs once its commit has started (the sender may then post the next). */
  add(m: BatchMessage, done: () => void): Promise<void> {
    const q = this.waiting.get(m.chunk) ?? [];
    q.push({ m, done });
    this.waiting.set(m.chunk, q);
    for (let next = this.waiting.get(this.chunk); next !== undefined && next.length > 0; next = this.waiting.get(this.chunk)) {
      const { m: b, done: d } = next.shift()!;
      const counts = addCounts(this.base, b.counts);
      const before = b.last && this.chunk === this.chunks - 1 ? this.beforeLast : null;
      if (before !== null) this.chain = this.chain.then(() => this.committer.settle()).then(before);
      this.chain = this.chain.then(() => this.committer.submit(b.data, counts, b.resume, b.carryTimeMs)).then(d);
      if (b.last) {
        this.waiting.delete(this.chunk);
        this.base = counts;
        this.chunk++;
        if (b.issue !== null) this.issue = b.issue;
      }
    }
    return this.chain;
  }

  settled(): Promise<void> {
    return this.chain;
  }
}

async function decodeHere(job: FileWorkerData, chunks: FileChunk[], ordered: OrderedCommits, progress: ProgressSink): Promise<string | null> {
  for (const c of chunks) {
    const stage = new NmeaDecodeStage(job.opts, emptyCounts(), c.index === 0 ? job.carryTimeMs : null);
    const contextOffset = c.contextOffset >= 0 ? c.contextOffset : contextOffsetBefore(job.path, c.start);
    await decodeFile(stage, job.path, contextOffset, c.start, c.index === 0 ? job.linesBefore : 0,
      (taken, resume, end) => ordered.add({
        chunk: c.index, last: end !== null, data: toBatchData(taken.batch).data, counts: taken.counts, resume, carryTimeMs: taken.carryTimeMs, issue: end?.issue ?? null,
      }, () => undefined),
      (bytes, total, messages) => progress.update(job.opts.label, bytes, total, messages), c.end);
  }
  await ordered.settled();
  return ordered.issue;
}

/** Decodes the chunks in `threads` worker threads (`first` already started), each taking the next chunk when done with one. */
function decodeInWorkers(
  job: FileWorkerData, chunks: FileChunk[], threads: number, first: Worker, ordered: OrderedCommits, progress: ProgressSink,
): Promise<string | null> {
  return new Promise<string | null>((resolve, reject) => {
    const workers = [first, ...Array.from({ length: threads - 1 }, () => spawnDecoderThread(null))];
    let handedOut = 0;
    let finished = false;
    let exited = 0;
    const fail = (e: unknown) => {
      if (finished) return;
      finished = true;
      for (const w of workers) void w.terminate();
      reject(e);
    };
    const send = (w: Worker, m: ToFileWorker) => w.postMessage(m);
    const handOut = (w: Worker) => send(w, handedOut < chunks.length ? { kind: 'chunk', chunk: chunks[handedOut++] } : { kind: 'stop' });
    const furthest = new Float64Array(threads);
    workers.forEach((w, i) => {
      send(w, { kind: 'job', job });
      handOut(w);
      w.on('message', (m: FileWorkerMessage) => {
        if (m.kind === 'batch') {
          if (m.last) handOut(w);
          ordered.add(m, () => send(w, { kind: 'ack' })).catch(fail);
          if (ordered.chunksDone === chunks.length) {
            ordered.settled().then(() => {
              if (finished) return;
              finished = true;
              resolve(ordered.issue);
            }, fail);
          }
        } else if (m.kind === 'progress') {
          furthest[i] = m.bytes;
          progress.update(job.opts.label, Math.max(...furthest), m.total, m.messages);
        } else if (m.kind === 'error') {
          ordered.settled().then(() => fail(m.strict ? new StrictStop(m.message) : new Error(m.message)), fail);
        }
      });
      w.on('error', fail);
      w.on('exit', (code) => {
        exited++;
        if (!finished && (code !== 0 || exited === threads)) {
          ordered.settled().then(() => {
            if (!finished && ordered.chunksDone < chunks.length) fail(new Error(`decoding worker exited (code ${code}) before the end of the file`));
          }, fail);
        }
      });
    });
  });
}

/** A decoded batch of one chunk with the chunk's own line counts so far. */
interface BatchMessage {
  chunk: number;
  last: boolean;
  data: BatchData;
  counts: IngestCounts;
  resume: ResumePoint;
  carryTimeMs: number | null;
  issue: string | null;
}
