// Fast line reader for NMEA/CSV inputs: a file path, a .gz file (detected by its magic bytes), or "-" for
// stdin. Reads big chunks, splits on \n, drops a trailing \r, and yields lines in batches — optionally
// from a byte offset of the decompressed input, with the offset where each line starts (an ingest's resume
// point). Bytes are decoded as latin1 so that one character is one byte (NMEA is ASCII; stray bytes survive
// unchanged and fail the checksum instead of shifting offsets).
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';

export interface ReadLinesOptions {
  /** Called after every chunk read from the source with bytes consumed so far and the total (null for stdin). */
  onProgress?: (bytesRead: number, totalBytes: number | null) => void;
  /** Chunk size read from the file. Default 1 MiB. */
  chunkBytes?: number;
  /** A .gz cut short or followed by unreadable bytes: what was readable is read, and this is told why it stopped. */
  onIssue?: (issue: string) => void;
  /** Offset in the decompressed input to start at (a line start); progress then counts the bytes before it as read. Default 0. */
  startOffset?: number;
}

/** Buffer#latin1Slice (untyped in @types/node): toString('latin1', …) without its argument checks. */
const latin1 = (b: Buffer, start: number, end: number): string =>
  (b as unknown as { latin1Slice(s: number, e: number): string }).latin1Slice(start, end);

/** Longer lines are passed on cut to this size, still one line (no NMEA line is anywhere near it). */
export const MAX_LINE_CHARS = 1 << 20;

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;

/** Size of the input in bytes (compressed size for .gz), or null for stdin. */
export function inputSize(pathOrDash: string): number | null {
  if (pathOrDash === '-') return null;
  return statSync(pathOrDash).size;
}

export function isGzipFile(path: string): boolean {
  if (path === '-') return false;
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(2);
    return readSync(fd, b, 0, 2, 0) === 2 && b[0] === GZIP_MAGIC_0 && b[1] === GZIP_MAGIC_1;
  } finally {
    closeSync(fd);
  }
}

/** A chunk of the decompressed input and the offset of its first byte. */
export interface Chunk {
  chunk: Buffer;
  base: number;
}

/**
 * Yields the decompressed bytes of `pathOrDash` in chunks (gzip detected by its magic bytes) from
 * `startOffset`. Chunks end anywhere, not at line ends. Progress counts the bytes read from the source
 * (compressed for .gz). A plain regular file is read from the offset; others are read from their start and
 * the decompressed bytes before it dropped. A chunk is valid only until the next one is asked for (a plain
 * file's chunks are read into one buffer).
 */
export async function* readChunks(pathOrDash: string, options: ReadLinesOptions = {}): AsyncGenerator<Chunk> {
  const chunkBytes = options.chunkBytes ?? 1 << 20;
  const startOffset = options.startOffset ?? 0;
  const total = inputSize(pathOrDash);
  const regular = pathOrDash !== '-' && statSync(pathOrDash).isFile();
  const plain = regular && !isGzipFile(pathOrDash);
  const seek = plain && startOffset > 0 ? startOffset : 0;
  const raw: AsyncIterable<Buffer> = pathOrDash === '-' ? process.stdin
    // zlib may hold its input chunks: only a plain file's reads share a buffer.
    : regular ? readFileChunks(pathOrDash, chunkBytes, seek, plain)
    : createReadStream(pathOrDash, { highWaterMark: chunkBytes });
  const rawChunks = raw[Symbol.asyncIterator]();
  const first = await rawChunks.next();
  if (first.done === true) return;
  let bytesRead = seek;

  async function* counted(): AsyncGenerator<Buffer> {
    let r: IteratorResult<Buffer> = first;
    while (r.done !== true) {
      bytesRead += r.value.length;
      options.onProgress?.(bytesRead, total);
      yield r.value;
      r = await rawChunks.next();
    }
  }

  const head = first.value;
  const isGzip = seek === 0 && head.length >= 2 && head[0] === GZIP_MAGIC_0 && head[1] === GZIP_MAGIC_1;
  const reopen = pathOrDash === '-' ? null : () => createReadStream(pathOrDash, { highWaterMark: chunkBytes });
  let bytes: AsyncIterable<Buffer> = counted();
  if (isGzip) {
    // Loaded on first use: zlib is start-up cost that a plain file's decode need not pay.
    const { gunzipTolerant } = await import('./gunzip.js');
    bytes = gunzipTolerant(bytes, reopen, chunkBytes, options.onIssue ?? (() => undefined));
  }
  let pos = seek; // offset of the next byte of `bytes`
  for await (const buf of bytes) {
    let chunk = buf;
    if (pos < startOffset) {
      const drop = Math.min(startOffset - pos, chunk.length);
      pos += drop;
      chunk = chunk.subarray(drop);
      if (chunk.length === 0) continue;
    }
    const base = pos;
    pos += chunk.length;
    yield { chunk, base };
  }
}

/**
 * A regular file's bytes by synchronous reads. A read stream costs ~4 µs of CPU per KiB in thread-pool
 * hand-offs and promises (0.2 CPU-s on a 50 MB file, a tenth of `tumen decode`); a read from the page cache
 * blocks for microseconds. Named pipes and devices keep the stream (they can block). `reuse`: every chunk
 * is read into the same buffer (valid until the next is asked for): a fresh megabyte per read costs its
 * page faults, about as much CPU as the read itself.
 */
export async function* readFileChunks(path: string, chunkBytes: number, start = 0, reuse = false): AsyncGenerator<Buffer> {
  const fd = openSync(path, 'r');
  let position = start;
  let shared: Buffer | null = null;
  try {
    for (;;) {
      const buf: Buffer = reuse ? (shared ??= Buffer.allocUnsafe(chunkBytes)) : Buffer.allocUnsafe(chunkBytes);
      const n = readSync(fd, buf, 0, chunkBytes, position);
      position += n;
      if (n === 0) return;
      yield n === chunkBytes ? buf : buf.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Cuts lines out of byte chunks that end anywhere, keeping the unfinished last line for the next chunk.
 * Lines carry no "\n" and lose one trailing "\r". An input whose first chunk holds a "\r" but no "\n" (old
 * Mac line ends) is split on "\r" instead. A line longer than `maxLineChars` is handed on cut to that
 * length, as one line; the rest of it, up to its newline, is dropped. Bytes are decoded as latin1 (one character per byte):
 * NMEA is ASCII, and junk bytes never make the reader fail. Lines are cut from the bytes (indexOf on the
 * Buffer) and decoded one by one: each becomes a flat string, which later character-by-character parsing
 * reads ~30% faster than split()'s sliced strings.
 */
export class LineSplitter {
  private carry = '';
  /** Offset of the carried line's first byte. */
  private carryStart = 0;
  /** The line end byte: "\n", or "\r" for CR-only input; -1 until a chunk tells. */
  private sep = -1;
  /** Inside an over-long line already handed on: its bytes are dropped up to its end. */
  private skipping = false;
  /** Where joined() puts a carried line and the next chunk together. */
  private scratch = Buffer.alloc(0);

  /** `maxLineChars`: a longer line without end (binary junk) is handed on in pieces rather than grown without bound. */
  constructor(private readonly maxLineChars = MAX_LINE_CHARS) {}

  /**
   * Appends the lines `buf` completes to `lines`, and, when `starts` is given, the offset where each begins
   * (`base` = offset of buf[0]). Returns the offset just after the last newline in `buf`.
   */
  push(buf: Buffer, lines: string[], starts?: number[], base = 0): number {
    const sep = this.lineEnd(buf);
    let start = this.firstLineStart(buf, sep);
    if (start < 0) return base;
    for (;;) {
      const nl = buf.indexOf(sep, start);
      if (nl < 0) break;
      const end = nl > start && buf[nl - 1] === 13 ? nl - 1 : nl;
      let line = latin1(buf, start, end);
      if (this.carry.length > 0) {
        if (nl === start && this.carry.charCodeAt(this.carry.length - 1) === 13) this.carry = this.carry.slice(0, -1);
        line = this.carry + line;
        this.carry = '';
        starts?.push(this.carryStart);
      } else if (starts) starts.push(base + start);
      lines.push(line);
      start = nl + 1;
    }
    const afterLastNewline = base + start;
    if (start < buf.length) {
      if (this.carry.length === 0) this.carryStart = base + start;
      this.carry += latin1(buf, start, buf.length);
    }
    if (this.carry.length > this.maxLineChars) {
      lines.push(this.carry.slice(0, this.maxLineChars));
      starts?.push(this.carryStart);
      this.carry = '';
      this.skipping = true;
    }
    return afterLastNewline;
  }

  /**
   * Like push(), with the lines as ranges of one string per chunk (`out.text`), so that a caller reading
   * them character by character makes no string per line. Ranges keep a line's trailing "\r" when the
   * line ends are "\n" (callers trim). Same lines as push() otherwise. With `base` (the offset of buf[0]),
   * `out.textStart` is the offset of `out.text[0]` (one character per byte, so line i starts at
   * textStart + starts[i]); returns the offset just after the last newline in `buf`, as push() does.
   */
  pushRanges(buf: Buffer, out: LineRanges, base = 0): number {
    out.count = 0;
    out.text = '';
    out.textStart = base;
    const sep = this.lineEnd(buf);
    let start = this.firstLineStart(buf, sep);
    if (start < 0) return base;
    const last = buf.lastIndexOf(sep);
    if (last >= start) {
      // Everything up to the last line end, after what was carried: one string, cut into ranges.
      out.textStart = this.carry.length > 0 ? this.carryStart : base + start;
      // One flat string: a concatenation would be a cons string, slower for every charCodeAt after it.
      const text = this.carry.length === 0 ? latin1(buf, start, last + 1) : this.joined(buf, start, last + 1);
      this.carry = '';
      const sepChar = sep === 10 ? '\n' : '\r';
      let from = 0;
      for (;;) {
        const nl = text.indexOf(sepChar, from);
        if (nl < 0) break;
        out.push(from, nl);
        from = nl + 1;
      }
      out.text = text;
      start = last + 1;
    }
    const afterLastNewline = base + start;
    if (start < buf.length) {
      if (this.carry.length === 0) this.carryStart = base + start;
      this.carry += latin1(buf, start, buf.length);
    }
    if (this.carry.length > this.maxLineChars) {
      // The cut line follows the text's last line end in the input (or is all of it): offsets stay textStart + i.
      if (out.text.length === 0) out.textStart = this.carryStart;
      const from = out.text.length;
      out.text += this.carry.slice(0, this.maxLineChars);
      out.push(from, out.text.length);
      this.carry = '';
      this.skipping = true;
    }
    return afterLastNewline;
  }

  /** The carried line's bytes and then `buf[start, end)` as one flat string (through a buffer kept for it: no fresh megabyte per chunk). */
  private joined(buf: Buffer, start: number, end: number): string {
    const n = this.carry.length + end - start;
    if (this.scratch.length < n) this.scratch = Buffer.allocUnsafe(Math.max(n, 2 * this.scratch.length));
    const at = this.scratch.write(this.carry, 0, 'latin1');
    buf.copy(this.scratch, at, start, end);
    return latin1(this.scratch, 0, n);
  }

  /** The line end byte, told by the first chunk that holds one. */
  private lineEnd(buf: Buffer): number {
    if (this.sep < 0) this.sep = buf.indexOf(10) >= 0 ? 10 : buf.indexOf(13) >= 0 ? 13 : -1;
    return this.sep < 0 ? 10 : this.sep;
  }

  /** Where the first line of `buf` starts: after the rest of an over-long line being dropped (-1: all of buf is). */
  private firstLineStart(buf: Buffer, sep: number): number {
    if (!this.skipping) return 0;
    const nl = buf.indexOf(sep);
    if (nl < 0) return -1;
    this.skipping = false;
    return nl + 1;
  }

  /** The last line when the input does not end with a newline: its text, start offset and end offset. */
  finish(): { line: string; start: number; end: number } | null {
    const carry = this.carry;
    if (carry.length === 0) return null;
    this.carry = '';
    const line = carry.charCodeAt(carry.length - 1) === 13 ? carry.slice(0, -1) : carry;
    return { line, start: this.carryStart, end: this.carryStart + carry.length };
  }
}

/** Lines of a chunk as [starts[i], ends[i]) ranges of `text`. */
export class LineRanges {
  text = '';
  /** Offset in the input of text[0] (pushRanges with a base). */
  textStart = 0;
  count = 0;
  starts = new Int32Array(4096);
  ends = new Int32Array(4096);

  push(start: number, end: number): void {
    if (this.count === this.starts.length) {
      const s = new Int32Array(this.count * 2);
      s.set(this.starts);
      this.starts = s;
      const e = new Int32Array(this.count * 2);
      e.set(this.ends);
      this.ends = e;
    }
    this.starts[this.count] = start;
    this.ends[this.count++] = end;
  }
}

/** The lines of one chunk as ranges of one string (no string per line): see LineSplitter.pushRanges. */
export interface RangeBlock {
  /** Line i is text[ranges.starts[i], ranges.ends[i]) (a trailing "\r" may remain) and starts at byte ranges.textStart + ranges.starts[i]. */
  ranges: LineRanges;
  /** Offset just after the last line's newline. */
  end: number;
}

/** Lines of the chunks as ranges, the same LineRanges object every time (read it before the next). */
async function* rangeBlocks(chunks: AsyncIterable<Chunk>): AsyncGenerator<RangeBlock> {
  // Offsets stay exact: an over-long line is one line (cut), and the next starts after its newline.
  const splitter = new LineSplitter();
  const ranges = new LineRanges();
  for await (const { chunk, base } of chunks) {
    const end = splitter.pushRanges(chunk, ranges, base);
    if (ranges.count > 0) yield { ranges, end };
  }
  const last = splitter.finish();
  if (last) {
    ranges.count = 0;
    ranges.text = last.line;
    ranges.textStart = last.start;
    ranges.push(0, last.line.length);
    yield { ranges, end: last.end };
  }
}

/** Yields the lines of `pathOrDash` as ranges, one LineRanges per chunk read (the same object each time: read it before the next). */
export async function* readLineRanges(pathOrDash: string, options: ReadLinesOptions = {}): AsyncIterable<LineRanges> {
  for await (const block of rangeBlocks(readChunks(pathOrDash, options))) yield block.ranges;
}

/** Yields the lines of `pathOrDash` in batches (one batch per chunk read); see LineSplitter. */
export async function* readLines(pathOrDash: string, options: ReadLinesOptions = {}): AsyncIterable<string[]> {
  for await (const block of readLineBlocks(readChunks(pathOrDash, options))) yield block.lines;
}

/** Lines of one chunk, each with the offset where it starts. */
export interface LineBlock {
  lines: string[];
  /** starts[i] = byte offset of lines[i]; `end` = offset just after the last line's newline. */
  starts: number[];
  end: number;
}

async function* readLineBlocks(chunks: AsyncIterable<Chunk>): AsyncGenerator<LineBlock> {
  const splitter = new LineSplitter();
  for await (const { chunk, base } of chunks) {
    const lines: string[] = [];
    const starts: number[] = [];
    const end = splitter.push(chunk, lines, starts, base);
    if (lines.length > 0) yield { lines, starts, end };
  }
  const last = splitter.finish();
  if (last) yield { lines: [last.line], starts: [last.start], end: last.end };
}

export interface OffsetReader<B> {
  blocks: AsyncIterable<B>;
  /** Bytes consumed from the file so far (compressed bytes for gzip), for progress. */
  fileBytesRead(): number;
  /** File size in bytes (0 for stdin). */
  readonly fileSize: number;
  /** After the blocks: why a .gz stopped early (cut short, unreadable bytes after it), else null. */
  issue(): string | null;
}

/** Lines of `path` ('-' = stdin) from decompressed byte `startOffset` (a line start), with their offsets. */
export function openOffsetLines(path: string, startOffset = 0, chunkBytes = 1 << 20): OffsetReader<LineBlock> {
  return offsetReader(path, startOffset, chunkBytes, readLineBlocks);
}

/** openOffsetLines() with the lines of each chunk as ranges of one string. */
export function openOffsetRanges(path: string, startOffset = 0, chunkBytes = 1 << 20): OffsetReader<RangeBlock> {
  return offsetReader(path, startOffset, chunkBytes, rangeBlocks);
}

function offsetReader<B>(path: string, startOffset: number, chunkBytes: number, blocks: (c: AsyncIterable<Chunk>) => AsyncIterable<B>): OffsetReader<B> {
  let consumed = startOffset;
  let issue: string | null = null;
  const chunks = readChunks(path, { startOffset, chunkBytes, onProgress: (n) => (consumed = n), onIssue: (s) => (issue = s) });
  return { blocks: blocks(chunks), fileBytesRead: () => consumed, fileSize: inputSize(path) ?? 0, issue: () => issue };
}
