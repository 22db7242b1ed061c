// `tumen ingest FILE…` and `tumen ingest --listen URL`: load AIS into the store, then print a summary.
import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import { withDbOption } from '../options.js';
import type { IngestOptions } from '../../ingest/ingest.js';
import { detectFormat, INPUT_FORMATS, parseColumnMap, readHead, type InputFormat } from '../../ingest/formats.js';
import { formatSummary, totalRejects } from '../../ingest/counts.js';
import { StrictStop } from '../../ingest/nmea-decode.js';
import { discardDecoder, startDecoder, type StartedDecoder } from '../../ingest/decoder-thread.js';
import { createProgress } from '../progress.js';
import { defaultTimeWindow, parseTimeWindow, parseUtcTime } from '../../ingest/time-window.js';

// DuckDB's buffer pool during ingest: without a limit it grows to 80 % of RAM (1.4 GB peak RSS on 6.7 M new
// rows); 384 MB keeps the whole process under 1 GB, spilling to disk if a statement needs more.
const INGEST_MEMORY_LIMIT = '384MB';
// A live feed only reads back the last minute of rows (the dedup window): DuckDB's cache of the table it writes
// made a 20,000 reports/s listener grow by ~0.3 MB/s up to that limit; 128 MB bounds it sooner.
const LISTEN_MEMORY_LIMIT = '128MB';

/**
 * Decoding threads by default. One: on the shared 2-core bench box (load 13-17) two threads cost ~20 % more
 * CPU and were not faster in wall time (bench/RESULTS.md, "Two decoding threads"); `--threads 2` is opt-in.
 */
const DEFAULT_DECODE_THREADS = 1;
/**
 * DuckDB threads while a file is decoded (the default, one per core, comes back for its last commit and the
 * close): on the 2-core bench box the ingest's CPU fell by 0-8 % (bench/RESULTS.md, "Ingest: the store's threads").
 */
const STORE_THREADS_WHILE_DECODING = 1;

function parseThreads(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`--threads: "${text}" is not a whole number from 1 to 64`);
  return n;
}

interface IngestCliOptions {
  db: string;
  format?: string;
  columns?: string;
  start?: string;
  source?: string;
  strict?: boolean;
  force?: boolean;
  listen?: string;
  batch?: string;
  threads?: string;
  flushSeconds?: string;
  timeWindow?: string;
  to?: string;
}


export function register(program: Command): void {
  withDbOption(
    program
      .command('ingest')
      .description('load NMEA logs, CSV exports or a live feed into the store')
      .argument('[files...]', 'NMEA (plain or .gz), MarineCadastre/DMA/any CSV; - reads NMEA from stdin')
      .option('--format <format>', `input format, detected when omitted (${INPUT_FORMATS.join('|')})`)
      .option('--columns <map>', 'CSV column mapping, e.g. mmsi=MMSI,time=ts,lat=Latitude,lon=Longitude')
      .option('--start <iso>', 'time for messages without their own: the last time seen before them, else this (UTC)')
      .option('--time-window <from..to>', "plausible message times (UTC); others are rejected bad_time (default: a plain NMEA file's own span ± 2 days, else 1990-01-01..now+1 day)")
      .option('--source <source>', 'mark every message terrestrial or satellite')
      .option('--strict', 'stop at the first rejected line and report FILE:LINE')
      .option('--force', 'read a file again even if it was ingested (duplicates are still not stored twice)')
      .option('--listen <url>', 'live NMEA feed: tcp://HOST:PORT (client, reconnects) or udp://HOST:PORT (binds)')
      .option('--batch <rows>', 'positions per transaction', '300000')
      .option('--threads <n>', 'decoding threads for a plain NMEA file whose messages carry their own times (default 1; 2 splits a big file into chunks, same store)')
      .option('--flush-seconds <s>', 'live feed: commit at least this often', '5')
      .option('--to <url>', 'publish the reports to a Tumen cluster (nats://HOST:PORT) instead of the store (docs/cluster.md)'),
  ).action(async (files: string[], o: IngestCliOptions) => {
    if (o.format !== undefined && !INPUT_FORMATS.includes(o.format as InputFormat)) {
      throw new Error(`--format must be one of ${INPUT_FORMATS.join(', ')}`);
    }
    if (o.source !== undefined && o.source !== 'terrestrial' && o.source !== 'satellite') {
      throw new Error('--source must be terrestrial or satellite');
    }
    const opts: IngestOptions = {
      format: o.format as InputFormat | undefined,
      columns: o.columns ? parseColumnMap(o.columns) : undefined,
      startMs: o.start === undefined ? null : parseUtcTime(o.start, '--start'),
      timeWindow: o.timeWindow === undefined ? undefined : parseTimeWindow(o.timeWindow, Date.now()),
      log: (s: string) => process.stderr.write(`${s}\n`),
      source: (o.source as 'terrestrial' | 'satellite' | undefined) ?? null,
      strict: o.strict ?? false,
      force: o.force ?? false,
      batchRows: Math.max(1, Number(o.batch) || 300_000),
      threads: o.threads === undefined ? Math.min(DEFAULT_DECODE_THREADS, availableParallelism()) : parseThreads(o.threads),
      storeThreadsWhileDecoding: STORE_THREADS_WHILE_DECODING,
    };
    if (o.to !== undefined) {
      if (o.listen !== undefined || files.length === 0) throw new Error('--to publishes FILES: give files, not --listen');
      const { ingestToCluster } = await import('../../cluster/ingest-to.js');
      const r = await ingestToCluster(o.to, files, opts, INGEST_MEMORY_LIMIT, createProgress());
      for (const f of r.outcomes) {
        if (f.status === 'done' && f.counts) process.stderr.write(`${formatSummary(`${f.path} [${f.format}]`, f.counts, f.elapsedMs)}\n`);
        else process.stderr.write(`${f.message}\n`);
      }
      const retried = r.retries > 0 ? `; ${r.retries} sent again after a failure` : '';
      process.stderr.write(`published ${r.published} reports to ${o.to} (${r.partitions} partitions; ${r.duplicates} already there, dropped by the server${retried})\n`);
      if (r.outcomes.some((f) => f.status === 'failed')) process.exitCode = 1;
      return;
    }
    // The first file's decoding thread starts before DuckDB is loaded and the store opened (~0.5 s here).
    opts.started = o.listen === undefined ? startFirstDecoder(files[0], opts) : null;
    // Imported here, not above: loading DuckDB is what the decoding thread's start overlaps.
    const [{ Store }, { ingestFiles }, { listen, parseListenUrl }] = await Promise.all([
      import('../../store/db.js'), import('../../ingest/ingest.js'), import('../../ingest/listen.js'),
    ]);
    let store;
    try {
      store = await Store.open(o.db, { memoryLimit: o.listen !== undefined ? LISTEN_MEMORY_LIMIT : INGEST_MEMORY_LIMIT });
    } catch (err) {
      if (opts.started) discardDecoder(opts.started);
      throw err;
    }
    try {
      if (o.listen !== undefined) {
        if (files.length > 0) throw new Error('give either FILES or --listen, not both');
        const counts = await listen(store, parseListenUrl(o.listen), {
          ...opts, flushMs: Math.max(0.1, Number(o.flushSeconds) || 5) * 1000, log: (s) => process.stderr.write(`${s}\n`),
        });
        process.stderr.write(`${formatSummary(o.listen, counts.counts, counts.elapsedMs)}\n`);
        return;
      }
      if (files.length === 0) throw new Error('nothing to ingest: give FILES or --listen URL');
      const outcomes = await ingestFiles(store, files, opts, createProgress());
      let failed = 0;
      for (const r of outcomes) {
        if (r.status === 'done' && r.counts) {
          process.stderr.write(`${formatSummary(`${r.path} [${r.format}]`, r.counts, r.elapsedMs)}\n`);
          if (r.message !== null) process.stderr.write(`  warning: ${r.message}\n`);
        }
        else process.stderr.write(`${r.message}\n`);
        if (r.status === 'failed') failed++;
      }
      if (outcomes.length > 1) {
        const sum = (f: (c: NonNullable<(typeof outcomes)[number]['counts']>) => number) =>
          outcomes.reduce((a, r) => a + (r.status === 'done' && r.counts ? f(r.counts) : 0), 0);
        process.stderr.write(`total: ${sum((c) => c.messages)} messages, ${sum((c) => c.positions)} positions, ${sum((c) => c.statics)} static reports, ` +
          `${sum((c) => c.duplicates)} duplicates, ${sum(totalRejects)} rejected; ${outcomes.filter((r) => r.status === 'skipped').length} skipped, ${failed} failed\n`);
      }
      if (failed > 0) process.exitCode = 1;
    } catch (err) {
      if (err instanceof StrictStop) {
        process.stderr.write(`tumen ingest --strict: ${err.message}\n`);
        process.exitCode = 1;
        return;
      }
      throw err;
    } finally {
      store.close();
    }
  });
}

/**
 * A decoding thread for `path` asking what the file's ingest will ask (decoder-thread.ts), when it is a plain
 * or gzip NMEA file to be decoded in a thread; else null (stdin, CSV, a missing file: the ingest says why).
 */
function startFirstDecoder(path: string | undefined, opts: IngestOptions): StartedDecoder | null {
  if (path === undefined || path === '-' || opts.worker === false) return null;
  try {
    const st = statSync(path);
    if (!st.isFile() || st.size === 0) return null;
    if ((opts.format ?? detectFormat(readHead(path))) !== 'nmea') return null;
  } catch {
    return null;
  }
  return startDecoder({ path, probe: opts.startMs === null, spanWithin: opts.timeWindow === undefined ? defaultTimeWindow(Date.now()) : null });
}
