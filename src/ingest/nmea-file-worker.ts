// Worker thread: first answers the questions about the file it was started with (file-probe.ts), then
// decodes the chunks of the file the main thread hands it (one at a time) and posts their batches (typed
// arrays transferred). At most one batch waits for the main thread's ack: decoding runs ahead of the store
// by one batch per thread, never more (bounded memory).
import { parentPort, workerData } from 'node:worker_threads';
import { emptyCounts, type IngestCounts } from '../store/ingest-log.js';
import { decodeFile } from './decode-file.js';
import { contextOffsetBefore, type FileChunk } from './file-chunks.js';
import { answerFileQuestions, type FileAnswers, type FileQuestions } from './file-probe.js';
import { NmeaDecodeStage, StrictStop, type NmeaDecodeOptions, type ResumePoint } from './nmea-decode.js';
import { batchTransfer, clusteredBatch, toBatchData } from './position-batch.js';

export interface FileWorkerData {
  path: string;
  opts: NmeaDecodeOptions;
  /** Lines counted before the first chunk (for --strict line numbers; the first chunk only). */
  linesBefore: number;
  /** The time carried into the first chunk (a resumed ingest's). */
  carryTimeMs: number | null;
}

/** The worker's workerData. */
export interface FileWorkerStart {
  questions: FileQuestions | null;
}

/** Main thread -> worker: the job comes before any chunk. */
export type ToFileWorker = { kind: 'job'; job: FileWorkerData } | { kind: 'chunk'; chunk: FileChunk } | { kind: 'ack' } | { kind: 'stop' };

/** Worker -> main thread. `counts` are the chunk's own line-level counts so far. */
export type FileWorkerMessage =
  | {
    kind: 'batch'; chunk: number; last: boolean; data: ReturnType<typeof toBatchData>['data']; counts: IngestCounts;
    resume: ResumePoint; carryTimeMs: number | null; issue: string | null;
  }
  | { kind: 'answers'; answers: FileAnswers }
  | { kind: 'progress'; bytes: number; total: number; messages: number }
  | { kind: 'error'; strict: boolean; message: string };

const port = parentPort!;
const start = workerData as FileWorkerStart;
let d: FileWorkerData;
let unacked = 0;
let wake: (() => void) | null = null;
const chunks: FileChunk[] = [];
let stopped = false;
let nextChunk: (() => void) | null = null;
port.on('message', (m: ToFileWorker) => {
  if (m.kind === 'ack') {
    unacked--;
    const w = wake;
    wake = null;
    w?.();
  } else if (m.kind === 'job') {
    d = m.job;
  } else {
    if (m.kind === 'chunk') chunks.push(m.chunk);
    else stopped = true;
    const w = nextChunk;
    nextChunk = null;
    w?.();
  }
});
const post = (m: FileWorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

async function decodeChunk(c: FileChunk): Promise<void> {
  const first = c.contextOffset >= 0;
  const stage = new NmeaDecodeStage(d.opts, emptyCounts(), c.index === 0 ? d.carryTimeMs : null);
  const contextOffset = first ? c.contextOffset : contextOffsetBefore(d.path, c.start);
  await decodeFile(stage, d.path, contextOffset, c.start, c.index === 0 ? d.linesBefore : 0, async (taken, resume, end) => {
    while (unacked >= 1) await new Promise<void>((r) => (wake = r));
    unacked++;
    // Sorted here, not by the thread that writes the store: this one has the lighter share of the work.
    const data = clusteredBatch(toBatchData(taken.batch).data);
    const transfer = batchTransfer(data);
    post({ kind: 'batch', chunk: c.index, last: end !== null, data, counts: taken.counts, resume, carryTimeMs: taken.carryTimeMs, issue: end?.issue ?? null }, transfer);
  }, (bytes, total, messages) => post({ kind: 'progress', bytes, total, messages }), c.end);
}

try {
  if (start.questions !== null) post({ kind: 'answers', answers: await answerFileQuestions(start.questions) });
  for (;;) {
    while (chunks.length === 0 && !stopped) await new Promise<void>((r) => (nextChunk = r));
    const c = chunks.shift();
    if (c === undefined) break;
    await decodeChunk(c);
  }
} catch (err) {
  post({ kind: 'error', strict: err instanceof StrictStop, message: (err as Error).message });
}
port.close();
