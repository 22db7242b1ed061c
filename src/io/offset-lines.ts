// Reads a text file (plain or gzip, detected by magic bytes) as lines with the byte offset where each
// line starts in the decompressed stream, optionally from a given offset — the resume point of an ingest.
// Bytes are decoded as latin1 so that one character is one byte (NMEA is ASCII; stray bytes survive
// unchanged and fail the checksum instead of shifting offsets).
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { gunzipTolerant } from './gunzip.js';
import type { Readable } from 'node:stream';
import { LineRanges, LineSplitter, readFileChunks } from './lines.js';

export interface LineBlock {
  lines: string[];
  /** starts[i] = byte offset of lines[i]; `end` = offset just after the last line's newline. */
  starts: number[];
  end: number;
}

export interface OffsetLineReader {
  blocks: AsyncIterable<LineBlock>;
  /** Bytes consumed from the file so far (compressed bytes for gzip), for progress. */
  fileBytesRead(): number;
  /** File size in bytes (0 for stdin). */
  readonly fileSize: number;
  readonly gzip: boolean;
  /** After the blocks: why a .gz stopped early (cut short, unreadable bytes after it), else null. */
  issue(): string | null;
}

export function isGzipFile(path: string): boolean {
  if (path === '-') return false;
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(2);
    return readSync(fd, b, 0, 2, 0) === 2 && b[0] === 0x1f && b[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** Lines of `path` ('-' = stdin) starting at decompressed byte `startOffset` (must be a line start). */
export function openOffsetLines(path: string, startOffset = 0, highWaterMark = 1 << 20): OffsetLineReader {
  const src = openOffsetChunks(path, startOffset, highWaterMark);
  async function* blocks(): AsyncIterable<LineBlock> {
    // Offsets stay exact: an over-long line is one line (cut), and the next starts after its newline.
    const splitter = new LineSplitter();
    for await (const { chunk, base } of src.chunks) {
      const lines: string[] = [];
      const starts: number[] = [];
      const end = splitter.push(chunk, lines, starts, base);
      if (lines.length > 0) yield { lines, starts, end };
    }
    const last = splitter.finish();
    if (last) yield { lines: [last.line], starts: [last.start], end: last.end };
  }
  return { ...src.reader, blocks: blocks() };
}

/** Lines of one read chunk as ranges of one string (no string per line): see LineSplitter.pushRanges. */
export interface RangeBlock {
  /** Line i is text[ranges.starts[i], ranges.ends[i]) (a trailing "\r" may remain) and starts at byte ranges.textStart + ranges.starts[i]. */
  ranges: LineRanges;
  /** Offset just after the last line's newline. */
  end: number;
}

export interface OffsetRangeReader extends Omit<OffsetLineReader, 'blocks'> {
  /** The same LineRanges object every time: read it before asking for the next block. */
  blocks: AsyncIterable<RangeBlock>;
}

/** openOffsetLines() with the lines of each chunk as ranges of one string. */
export function openOffsetRanges(path: string, startOffset = 0, highWaterMark = 1 << 20): OffsetRangeReader {
  const src = openOffsetChunks(path, startOffset, highWaterMark);
  async function* blocks(): AsyncIterable<RangeBlock> {
    const splitter = new LineSplitter();
    const ranges = new LineRanges();
    for await (const { chunk, base } of src.chunks) {
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
  return { ...src.reader, blocks: blocks() };
}

/** The decompressed bytes of `path` from `startOffset`, each chunk with the offset of its first byte. */
function openOffsetChunks(path: string, startOffset: number, highWaterMark: number): {
  chunks: AsyncIterable<{ chunk: Buffer; base: number }>; reader: Omit<OffsetLineReader, 'blocks'>;
} {
  const gzip = isGzipFile(path);
  let raw: (Readable & { bytesRead?: number }) | null = null;
  let stream: AsyncIterable<Buffer>;
  let issue: string | null = null;
  if (path === '-') {
    raw = process.stdin;
    stream = raw;
  } else if (gzip) {
    raw = createReadStream(path, { highWaterMark });
    stream = gunzipTolerant(raw, () => createReadStream(path, { highWaterMark }), highWaterMark, (s) => (issue = s));
  } else if (statSync(path).isFile()) {
    // Synchronous reads: a read stream's thread-pool hand-offs cost CPU per KiB (see readFileChunks).
    stream = readFileChunks(path, highWaterMark, startOffset);
  } else {
    raw = createReadStream(path, { highWaterMark, start: startOffset });
    stream = raw;
  }
  const skip = gzip || path === '-' ? startOffset : 0;
  const fileSize = path === '-' ? 0 : statSync(path).size;
  let consumed = 0;
  async function* chunks(): AsyncIterable<{ chunk: Buffer; base: number }> {
    let pos = gzip || path === '-' ? 0 : startOffset; // decompressed offset of the next byte of `stream`
    for await (const buf of stream) {
      let chunk = buf;
      if (pos < skip) {
        const drop = Math.min(skip - pos, chunk.length);
        pos += drop;
        chunk = chunk.subarray(drop);
        if (chunk.length === 0) continue;
      }
      const base = pos;
      pos += chunk.length;
      consumed = raw?.bytesRead ?? pos;
      yield { chunk, base };
    }
  }
  return { chunks: chunks(), reader: { fileBytesRead: () => consumed, fileSize, gzip, issue: () => issue } };
}
