// A plain NMEA file cut into byte-range chunks for decoding in several threads. Chunk k holds the lines
// whose first byte lies in [start, end); its decoder first re-reads a few lines before `start` (multipart
// fragments, a lone tag block or $PGHP header), exactly as a resumed ingest does. The chunks are committed
// in file order, so the store's resume point stays one offset and a rerun after kill -9 is unchanged.
import { closeSync, openSync, readSync } from 'node:fs';
import { RESUME_CONTEXT_LINES } from './decode-file.js';

export interface FileChunk {
  index: number;
  /** Line start where decoding begins (context lines before `start` are decoded, not counted). */
  contextOffset: number;
  /** Lines starting at or after this offset are counted... */
  start: number;
  /** ...and before this one (Infinity = to the end of the file, whose pending fragments are then dropped). */
  end: number;
}

/** Chunks are at least this big: below it the per-chunk commit and context cost more than they save. */
export const MIN_CHUNK_BYTES = 1 << 20;
/** And at most this big: how far one thread may decode ahead of the commits (memory), and the tail's length. */
export const MAX_CHUNK_BYTES = 32 << 20;

/**
 * Chunk size for `bytes` left to read by `threads` threads: about four chunks per thread (so the last
 * chunk, decoded by one thread alone, is short), within [MIN_CHUNK_BYTES, MAX_CHUNK_BYTES].
 */
export function chunkBytesFor(bytes: number, threads: number): number {
  return Math.max(MIN_CHUNK_BYTES, Math.min(MAX_CHUNK_BYTES, Math.floor(bytes / (4 * threads))));
}

/**
 * Cuts [committedOffset, fileSize) into chunks of `chunkBytes`. The first chunk keeps the resume point's
 * context offset; the others' context offsets are found later by `contextOffsetBefore` (in the thread
 * that decodes them). The last chunk runs to the end of the file.
 */
export function planChunks(resumeOffset: number, committedOffset: number, fileSize: number, chunkBytes: number): FileChunk[] {
  const out: FileChunk[] = [];
  for (let start = committedOffset, k = 0; k === 0 || start < fileSize; start += chunkBytes, k++) {
    const end = start + chunkBytes >= fileSize ? Infinity : start + chunkBytes;
    out.push({ index: k, contextOffset: k === 0 ? resumeOffset : -1, start, end });
    if (end === Infinity) break;
  }
  return out;
}

/** Newline, the line end of the files cut into chunks (CR-only files are read in one piece). */
const NL = 10;

/**
 * The start of the `lines`-th line before the first line starting at or after `offset` (0 when the file
 * has fewer lines before it): where a chunk's decoder begins so that it has the same context lines as a
 * resumed ingest.
 */
export function contextOffsetBefore(path: string, offset: number, lines = RESUME_CONTEXT_LINES): number {
  if (offset <= 0) return 0;
  const fd = openSync(path, 'r');
  try {
    // Line starts before `offset` are nl + 1 for the newlines at nl <= offset - 2: count them backwards.
    const buf = Buffer.allocUnsafe(64 << 10);
    let found = 0;
    for (let to = offset - 1; to > 0;) {
      const from = Math.max(0, to - buf.length);
      const n = readSync(fd, buf, 0, to - from, from);
      for (let i = n - 1; i >= 0; i--) if (buf[i] === NL && ++found === lines) return from + i + 1;
      to = from;
    }
    return 0;
  } finally {
    closeSync(fd);
  }
}

/** True when the file's first 64 KiB hold a newline ("\n" ends its lines, not a lone "\r"). */
export function hasNewlines(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(64 << 10);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).indexOf(NL) >= 0;
  } finally {
    closeSync(fd);
  }
}
