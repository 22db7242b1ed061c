// The decoding thread of a file ingest, startable before the store is opened: it answers the questions
// about the file first (file-probe.ts), then waits for the job. Loading DuckDB and opening the store take
// ~0.5 s on the main thread; the thread's own start-up and those answers overlap them when it starts first.
// This module loads no DuckDB, so the CLI can start the thread before it imports the store.
import type { Worker } from 'node:worker_threads';
import type { FileAnswers, FileQuestions } from './file-probe.js';
import type { FileWorkerMessage, FileWorkerStart } from './nmea-file-worker.js';
import { spawnModuleWorker } from './spawn-worker.js';

/**
 * Young generation of a decoding thread, MB: every decoded line leaves short-lived objects, and a young
 * generation above V8's default is scavenged less often (4-day simulated world: median 8.26 vs 8.61 CPU-s,
 * peak RSS 554-628 vs 535-603 MB; 128 MB saved no more and cost ~100 MB).
 */
const DECODER_YOUNG_GENERATION_MB = 64;

/** A decoding thread started with `questions`; `answers` settles once it has answered them. */
export interface StartedDecoder {
  questions: FileQuestions;
  worker: Worker;
  answers: Promise<FileAnswers>;
}

export function spawnDecoderThread(questions: FileQuestions | null): Worker {
  const data: FileWorkerStart = { questions };
  return spawnModuleWorker('nmea-file-worker', data, { maxYoungGenerationSizeMb: DECODER_YOUNG_GENERATION_MB });
}

/** A decoding thread that first answers `questions` (before it is handed the file's chunks). */
export function startDecoder(questions: FileQuestions): StartedDecoder {
  const worker = spawnDecoderThread(questions);
  const answers = new Promise<FileAnswers>((resolve, reject) => {
    const onMessage = (m: FileWorkerMessage) => {
      if (m.kind === 'answers') resolve(m.answers);
      else if (m.kind === 'error') reject(new Error(m.message));
      if (m.kind === 'answers' || m.kind === 'error') off();
    };
    const onExit = (code: number) => {
      reject(new Error(`decoding worker exited (code ${code}) before reading the file`));
      off();
    };
    const off = () => {
      worker.off('message', onMessage);
      worker.off('error', reject);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', reject);
    worker.on('exit', onExit);
  });
  return { questions, worker, answers };
}

/** Ends a decoding thread that will not be used (its unanswered questions are not an error). */
export function discardDecoder(d: StartedDecoder): void {
  d.answers.catch(() => undefined);
  void d.worker.terminate();
}

/**
 * `started` if it was asked what `questions` asks of the same file (an extra time probe is only unused;
 * the span's outer window is the one of when it started), else null.
 */
export function reusableDecoder(started: StartedDecoder | null | undefined, questions: FileQuestions): StartedDecoder | null {
  if (!started) return null;
  const q = started.questions;
  const same = q.path === questions.path && (q.probe || !questions.probe) && (q.spanWithin === null) === (questions.spanWithin === null);
  return same ? started : null;
}
