// `tumen decode FILE… [--format jsonl|csv] [--strict]`: raw AIS NMEA to JSON Lines or CSV on stdout.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { AisDecoder, WRITTEN, DECODE_WARNINGS, REJECT_REASONS, SKIP_REASONS, type DecodeCountKey, type DecodeResult, type DecodeWarning } from '../../ais/index.js';
import { parseTimeWindow, type TimeWindow } from '../../ingest/time-window.js';
import { closeJsonLine, CSV_COLUMNS, csvLine, MAX_JSON_LINE_BYTES, writeJsonLine } from './decode-output.js';
import { readLineRanges } from '../../io/lines.js';

export type DecodeFormat = 'jsonl' | 'csv';

export interface DecodeOptions {
  format: DecodeFormat;
  strict: boolean;
  /** Plausible message times (others are bad_time rejects); default 1990-01-01 .. now + 1 day. */
  timeWindow?: TimeWindow;
}

export { CSV_COLUMNS, csvLine };

export interface DecodeSummary {
  counts: Record<DecodeCountKey, number>;
  /** Lines accepted with a quirk (also counted as messages or fragments). */
  warnings: Record<DecodeWarning, number>;
  lines: number;
  /** Set when --strict stopped at a reject: "file:line: reason: detail". */
  strictFailure: string | null;
  /** The reader went away (EPIPE): output stopped early, quietly. */
  brokenPipe: boolean;
  /** Inputs read only in part ("FILE: gzip stream cut short …"). */
  issues: string[];
}

/** Where output goes; honours back-pressure. */
export interface Sink {
  write(chunk: Buffer): Promise<void> | void;
  readonly closed: boolean;
}

export function stdoutSink(): Sink {
  const sink = {
    closed: false,
    write(chunk: Buffer): Promise<void> | void {
      if (sink.closed) return;
      if (!process.stdout.write(chunk)) {
        return new Promise<void>((resolve) => {
          const done = (): void => { process.stdout.off('drain', done); process.stdout.off('error', done); resolve(); };
          process.stdout.once('drain', done);
          process.stdout.once('error', done);
        });
      }
    },
  };
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') sink.closed = true;
    else throw err;
  });
  return sink;
}

/** Read size: small batches of lines die young, so the GC never has to promote them. */
const READ_CHUNK_BYTES = 1 << 16;

/** Output buffer size. Lines are encoded into it at once: no long-lived string trees for the GC to promote. */
const OUT_BUFFER_BYTES = 1 << 20;

class OutputBuffer {
  private buf = Buffer.allocUnsafe(OUT_BUFFER_BYTES);
  private pos = 0;

  constructor(private readonly sink: Sink) {}

  /** Appends; returns a promise when a full buffer had to be written and the sink wants us to wait. */
  add(text: string): Promise<void> | void {
    let wait: Promise<void> | void = undefined;
    if (this.pos + text.length * 3 > this.buf.length) {
      wait = this.flush();
      if (text.length * 3 > this.buf.length) this.buf = Buffer.allocUnsafe(text.length * 3);
    }
    this.pos += this.buf.write(text, this.pos, 'utf8');
    return wait;
  }

  /** Call (and await) before decodeJson(): makes room for one more JSON line. */
  makeRoom(): Promise<void> | void {
    if (this.pos + MAX_JSON_LINE_BYTES > this.buf.length) return this.flush();
  }

  /** Decodes the line text[start, end); a message becomes a JSON line written straight into the buffer. */
  decodeJson(decoder: AisDecoder, text: string, start: number, end: number): DecodeResult {
    const result = decoder.decodeLineIntoAt(text, start, end, this.buf, this.pos);
    if (result === WRITTEN) this.pos = closeJsonLine(this.buf, decoder.writtenEnd, decoder.writtenMeta);
    else if (result.kind === 'message') this.pos = writeJsonLine(this.buf, this.pos, result.message, result.meta);
    return result;
  }

  flush(): Promise<void> | void {
    if (this.pos === 0) return;
    const chunk = this.buf.subarray(0, this.pos);
    // The sink may hold the chunk until written: continue in a fresh buffer.
    this.buf = Buffer.allocUnsafe(this.buf.length);
    this.pos = 0;
    if (!this.sink.closed) return this.sink.write(chunk);
  }
}

export async function decodeFiles(files: string[], options: DecodeOptions, out: Sink): Promise<DecodeSummary> {
  const counts = emptyCounts();
  const warnings = Object.fromEntries(DECODE_WARNINGS.map((w) => [w, 0])) as Record<DecodeWarning, number>;
  const summary: DecodeSummary = { counts, warnings, lines: 0, strictFailure: null, brokenPipe: false, issues: [] };
  const window = options.timeWindow ?? parseTimeWindow(undefined, Date.now());
  const buf = new OutputBuffer(out);
  if (options.format === 'csv') buf.add(CSV_COLUMNS.join(',') + '\n');
  const jsonl = options.format === 'jsonl';

  for (const file of files) {
    const decoder = new AisDecoder({ keepPayload: false, minTimeMs: window.minMs, maxTimeMs: window.maxMs });
    let lineNo = 0;
    const onIssue = (issue: string) => summary.issues.push(`${file}: ${issue}`);
    for await (const lines of readLineRanges(file, { chunkBytes: READ_CHUNK_BYTES, onIssue })) {
      const { text, starts, ends, count } = lines;
      for (let i = 0; i < count; i++) {
        lineNo++;
        let r: DecodeResult;
        if (jsonl) {
          const wait = buf.makeRoom();
          if (wait !== undefined) await wait;
          r = buf.decodeJson(decoder, text, starts[i], ends[i]);
        } else {
          r = decoder.decodeLineAt(text, starts[i], ends[i]);
          if (r.kind === 'message') {
            const wait = buf.add(csvLine(r.message, r.meta));
            if (wait !== undefined) await wait;
          }
        }
        if (r.kind === 'reject' && options.strict) {
          summary.strictFailure = `${file}:${lineNo}: ${r.reason}: ${r.detail}`;
          break;
        }
      }
      if (out.closed || summary.strictFailure !== null) break;
    }
    const leftovers = decoder.flush();
    if (options.strict && summary.strictFailure === null && leftovers.length > 0) {
      summary.strictFailure = `${file}:${lineNo}: ${leftovers[0].reason}: ${leftovers[0].detail}`;
    }
    summary.lines += lineNo;
    for (const k of Object.keys(counts) as DecodeCountKey[]) counts[k] += decoder.counts[k];
    for (const w of DECODE_WARNINGS) warnings[w] += decoder.warnings[w];
    if (out.closed || summary.strictFailure !== null) break;
  }
  if (!out.closed) await buf.flush();
  summary.brokenPipe = out.closed;
  return summary;
}

function emptyCounts(): Record<DecodeCountKey, number> {
  const c = { message: 0, fragment: 0 } as Record<DecodeCountKey, number>;
  for (const r of REJECT_REASONS) c[r] = 0;
  for (const s of SKIP_REASONS) c[s] = 0;
  return c;
}

/** The end-of-run summary for stderr. */
export function formatSummary(s: DecodeSummary): string {
  const c = s.counts;
  const rejected = REJECT_REASONS.reduce((n, r) => n + c[r], 0);
  const skipped = SKIP_REASONS.reduce((n, r) => n + c[r], 0);
  const parts = (keys: readonly DecodeCountKey[]): string =>
    keys.filter((k) => c[k] > 0).map((k) => `${k} ${c[k]}`).join(', ');
  let text = `decode: ${s.lines} lines: ${c.message} messages (+${c.fragment} fragment lines), ${rejected} rejected`;
  if (rejected > 0) text += ` (${parts(REJECT_REASONS)})`;
  text += `, ${skipped} skipped`;
  if (skipped > 0) text += ` (${parts(SKIP_REASONS)})`;
  const quirks = DECODE_WARNINGS.filter((w) => s.warnings[w] > 0).map((w) => `${w} ${s.warnings[w]}`);
  if (quirks.length > 0) text += `; accepted with warnings: ${quirks.join(', ')}`;
  for (const issue of s.issues) text += `\nwarning: ${issue}`;
  return text + '\n';
}

interface DecodeCliOptions {
  format: string;
  strict: boolean;
  timeWindow?: string;
}

/** The command's action: validates the options and files, decodes to stdout, summary to stderr. */
async function runDecode(files: string[], opts: DecodeCliOptions): Promise<void> {
  if (opts.format !== 'jsonl' && opts.format !== 'csv') {
    process.stderr.write(`tumen decode: unknown --format "${opts.format}" (use jsonl or csv)\n`);
    process.exitCode = 2;
    return;
  }
  for (const f of files) {
    if (f !== '-' && !existsSync(f)) {
      process.stderr.write(`tumen decode: no such file: ${f}\n`);
      process.exitCode = 2;
      return;
    }
  }
  const timeWindow = parseTimeWindow(opts.timeWindow, Date.now());
  const summary = await decodeFiles(files, { format: opts.format, strict: opts.strict, timeWindow }, stdoutSink());
  if (summary.brokenPipe) return;
  if (summary.strictFailure !== null) {
    process.stderr.write(`tumen decode: ${summary.strictFailure}\n`);
    process.exitCode = 1;
    return;
  }
  process.stderr.write(formatSummary(summary));
}

export function register(program: Command): void {
  program
    .command('decode')
    .description('decode raw AIS NMEA (plain, .gz or - for stdin) to JSON Lines or CSV on stdout')
    .argument('<files...>', 'NMEA files; "-" reads stdin')
    .option('--format <format>', 'jsonl or csv', 'jsonl')
    .option('--strict', 'stop at the first rejected line, print file:line and exit non-zero', false)
    .option('--time-window <from..to>', 'plausible message times (UTC); others are rejected bad_time (default 1990-01-01..now+1 day)')
    .action(runDecode);
}

/**
 * The plain forms of `decode`'s arguments (files, `--format X`, `--strict`, `--time-window X`), read without
 * commander; null for anything else (help, `--opt=value`, unknown options, no file), which commander then
 * handles with its usual messages. Loading commander is ~12 ms of a run's CPU (bench/RESULTS.md).
 */
export function parsePlainDecodeArgs(args: readonly string[]): { files: string[]; opts: DecodeCliOptions } | null {
  const files: string[] = [];
  const opts: DecodeCliOptions = { format: 'jsonl', strict: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--strict') opts.strict = true;
    else if (a === '--format' || a === '--time-window') {
      const v = args[++i];
      if (v === undefined || v.startsWith('-')) return null;
      if (a === '--format') opts.format = v;
      else opts.timeWindow = v;
    } else if (a.startsWith('-') && a !== '-') return null;
    else files.push(a);
  }
  return files.length > 0 ? { files, opts } : null;
}

/**
 * `tumen decode` on its own, for the launcher's fast path: decoding a file should not pay for loading the
 * store's native module and every other command (~0.2 s), nor commander for plain arguments. Same command,
 * same options, same exit codes.
 */
export async function decodeMain(argv: string[]): Promise<void> {
  const plain = parsePlainDecodeArgs(argv.slice(3));
  if (plain !== null) return runDecode(plain.files, plain.opts);
  const { newProgram, runProgram } = await import('../program.js');
  await runProgram(newProgram([register]), argv);
}
