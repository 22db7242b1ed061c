// Worker thread: reads and decodes one NMEA file and posts its batches (typed arrays transferred) to the
// main thread, which commits them. At most one batch waits for the main thread: decoding runs ahead of
// the store by one batch, never more (bounded memory).
import { parentPort, workerData } from 'node:worker_threads';
import type { IngestCounts } from '../store/ingest-log.js';
import { decodeFile } from './decode-file.js';
import { NmeaDecodeStage, StrictStop, type NmeaDecodeOptions } from './nmea-decode.js';
import { toBatchData } from './position-batch.js';

export interface FileWorkerData {
  path: string;
  resumeOffset: number;
  committedOffset: number;
  opts: NmeaDecodeOptions;
  initial: IngestCounts;
  carryTimeMs: number | null;
}

export type FileWorkerMessage =
  | { kind: 'batch'; data: ReturnType<typeof toBatchData>['data']; counts: IngestCounts; resume: { resumeOffset: number; committedOffset: number }; carryTimeMs: number | null }
  | { kind: 'progress'; bytes: number; total: number; messages: number }
  | { kind: 'end'; issue: string | null }
  | { kind: 'error'; strict: boolean; message: string };

const port = parentPort!;
const d = workerData as FileWorkerData;
let unacked = 0;
let wake: (() => void) | null = null;
port.on('message', (m) => {
  if (m === 'ack') {
    unacked--;
    const w = wake;
    wake = null;
    w?.();
  }
});
const post = (m: FileWorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

try {
  const stage = new NmeaDecodeStage(d.opts, d.initial, d.carryTimeMs);
  const issue = await decodeFile(stage, d.path, d.resumeOffset, d.committedOffset, d.initial.lines, async (taken, resume) => {
    while (unacked >= 1) await new Promise<void>((r) => (wake = r));
    unacked++;
    const { data, transfer } = toBatchData(taken.batch);
    post({ kind: 'batch', data, counts: taken.counts, resume, carryTimeMs: taken.carryTimeMs }, transfer);
  }, (bytes, total, messages) => post({ kind: 'progress', bytes, total, messages }));
  while (unacked >= 1) await new Promise<void>((r) => (wake = r));
  post({ kind: 'end', issue });
} catch (err) {
  post({ kind: 'error', strict: err instanceof StrictStop, message: (err as Error).message });
}
port.close();
