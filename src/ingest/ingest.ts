// `tumen ingest` as a library: each input file is recognised (already ingested? resumable?), its format
// detected, and handed to the NMEA or CSV path. Outcomes are returned per file; only --strict throws.
import { clusterIngestPositions } from '../store/positions-cluster.js';
import { existsSync, statSync } from 'node:fs';
import type { Store } from '../store/db.js';
import { ensurePositionsSchema } from '../store/positions.js';
import { IDENTITIES_DDL } from '../store/identities.js';
import { ensureIngestLogSchema, findByFileKey, finishIngestLog, type IngestCounts } from '../store/ingest-log.js';
import { fileKey } from '../io/file-key.js';
import type { ReceptionSource } from '../tracks/position.js';
import { ingestCsvFile } from './csv.js';
import { detectFormat, readHead, type ColumnMap, type InputFormat } from './formats.js';
import { ingestNmeaFile, NoTimesError } from './nmea-file.js';
import { StrictStop } from './nmea-decode.js';
import { NO_PROGRESS, type ProgressSink } from './progress.js';
import { StoreWriter } from './store-writer.js';
import { discardDecoder, type StartedDecoder } from './decoder-thread.js';
import { defaultTimeWindow, type TimeWindow } from './time-window.js';

/** Positions per batch transaction: large enough that per-commit costs vanish, small enough for RSS. */
export const DEFAULT_BATCH_ROWS = 300_000;

export interface IngestOptions {
  format?: InputFormat;
  columns?: ColumnMap;
  /** Epoch ms for --start; null = messages without a time are rejected. */
  startMs?: number | null;
  source?: ReceptionSource | null;
  strict?: boolean;
  /** Read files again even when the log says they were ingested (dedup keeps rows from doubling). */
  force?: boolean;
  batchRows?: number;
  /** Decode NMEA files in worker threads (default true). */
  worker?: boolean;
  /** Decoding threads for a plain NMEA file whose messages carry their own times (default 1). */
  threads?: number;
  /** Chunk size when several threads decode one file (default: see file-chunks.ts). */
  chunkBytes?: number;
  /**
   * DuckDB's `threads` while a NMEA file's decoding thread runs (the setting in force comes back before the
   * file's last batch is committed); unset leaves it alone. See nmea-file.ts.
   */
  storeThreadsWhileDecoding?: number;
  /**
   * Plausible message times. Default for a plain NMEA file: its own span (file-span.ts) within 1990-01-01 ..
   * now + 1 day; for the rest (.gz, stdin, CSV, a file with few times) that outer window itself.
   */
  timeWindow?: TimeWindow;
  /** Notices worth telling before the work (a file mostly without times). */
  log?: (line: string) => void;
  /**
   * A decoding thread started for the first file before the store was opened (decoder-thread.ts): used if
   * that file is a NMEA file to read and the thread was asked the same questions, else ended.
   */
  started?: StartedDecoder | null;
}

export interface FileOutcome {
  path: string;
  status: 'done' | 'skipped' | 'failed';
  format: InputFormat | null;
  ingestId: number | null;
  counts: IngestCounts | null;
  message: string | null;
  elapsedMs: number;
}

export async function ensureIngestSchema(store: Store): Promise<void> {
  await ensurePositionsSchema(store);
  await store.ensureSchema(IDENTITIES_DDL);
  await ensureIngestLogSchema(store);
}

export async function ingestFiles(
  store: Store, paths: readonly string[], opts: IngestOptions = {}, progress: ProgressSink = NO_PROGRESS,
  nowMs: () => number = Date.now,
): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  try {
    await ensureIngestSchema(store);
    const writer = await StoreWriter.create(store);
    for (const [i, path] of paths.entries()) out.push(await ingestOne(store, writer, path, { ...opts, started: i === 0 ? opts.started : null }, progress, nowMs));
  } finally {
    // Ended by its file's ingest when used; else not needed (a skipped or CSV file, a failure before it).
    if (opts.started) discardDecoder(opts.started);
  }
  return out;
}

async function ingestOne(
  store: Store, writer: StoreWriter, path: string, opts: IngestOptions, progress: ProgressSink, nowMs: () => number,
): Promise<FileOutcome> {
  const t0 = nowMs();
  const outcome = (status: FileOutcome['status'], rest: Partial<FileOutcome>): FileOutcome => ({
    path, status, format: null, ingestId: null, counts: null, message: null, elapsedMs: nowMs() - t0, ...rest,
  });
  if (path !== '-') {
    if (!existsSync(path)) return outcome('failed', { message: `${path}: no such file` });
    if (statSync(path).isDirectory()) return outcome('failed', { message: `${path}: a directory; give the files in it (e.g. ${path}/*.nmea)` });
    if (!statSync(path).isFile()) return outcome('failed', { message: `${path}: not a regular file` });
    if (statSync(path).size === 0) return outcome('failed', { message: `${path}: empty file, nothing to ingest` });
  }
  const key = path === '-' ? null : fileKey(path);
  const previous = key === null || opts.force ? undefined : await findByFileKey(store, key);
  // A file whose untimed messages were rejected is read again when --start now times them (dedup keeps
  // the rest from being stored twice).
  const retime = opts.startMs != null && (previous?.rejects.no_time ?? 0) > 0;
  if (previous?.status === 'done' && !retime) {
    return outcome('skipped', {
      ingestId: previous.id, counts: previous, format: previous.format as InputFormat,
      message: `${path}: already ingested (ingest #${previous.id}, same content as ${previous.source}); nothing added`,
    });
  }
  const format = opts.format ?? (path === '-' ? 'nmea' : detectFormat(readHead(path)));
  const common = { startMs: opts.startMs ?? null, source: opts.source ?? null, strict: opts.strict ?? false, label: path };
  try {
    if (format === 'nmea') {
      // A file's own span narrows the default window (a live feed's is the default, moving with the clock).
      const r = await ingestNmeaFile(store, writer, path, key, retime ? undefined : previous, {
        ...common, batchRows: opts.batchRows ?? DEFAULT_BATCH_ROWS, worker: opts.worker, threads: opts.threads, chunkBytes: opts.chunkBytes,
        storeThreadsWhileDecoding: opts.storeThreadsWhileDecoding,
        timeWindow: opts.timeWindow ?? null, outerWindow: defaultTimeWindow(nowMs()), log: opts.log, started: opts.started,
      }, progress, nowMs);
      const span = r.span;
      progress.done();
      const outside = span === null ? 0 : r.counts.rejects.bad_time ?? 0;
      const spanNote = outside === 0 ? null : `${path}: ${outside} messages outside the file's own span (${isoMinute(span!.window.minMs)} .. ` +
        `${isoMinute(span!.window.maxMs)}, sampled) rejected bad_time; give --time-window FROM..TO to keep them`;
      return outcome('done', { format, ingestId: r.id, counts: r.counts, message: [r.issue, spanNote].filter((x) => x !== null).join('; ') || null });
    }
    // A CSV is one transaction: an earlier attempt that did not finish committed nothing but its log row.
    if (previous) await finishIngestLog(store, previous.id, 'failed', nowMs(), 'superseded by a new attempt');
    progress.update(path, 0, 0, 0);
    const r = await ingestCsvFile(store, path, key, { ...common, format, columns: opts.columns ?? {}, timeWindow: opts.timeWindow ?? defaultTimeWindow(nowMs()) }, nowMs);
    await clusterIngestPositions(store, r.id);
    progress.done();
    return outcome('done', { format, ingestId: r.id, counts: r.counts });
  } catch (err) {
    progress.done();
    if (err instanceof StrictStop) throw err;
    if (opts.strict) throw new StrictStop((err as Error).message);
    const msg = (err as Error).message;
    return outcome('failed', { format, message: err instanceof NoTimesError ? msg : msg.startsWith(path) ? msg : `${path}: ${msg}` });
  }
}

function isoMinute(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}
