// Fast line reader for NMEA/CSV inputs: a file path, a .gz file (detected by its magic bytes), or "-" for
// stdin. Reads big chunks, splits on \n, drops a trailing \r, and yields lines in batches.
import { createReadStream, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

export interface ReadLinesOptions {
  /** Called after every chunk read from the source with bytes consumed so far and the total (null for stdin). */
  onProgress?: (bytesRead: number, totalBytes: number | null) => void;
  /** Chunk size read from the file. Default 1 MiB. */
  chunkBytes?: number;
}

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;

/** Size of the input in bytes (compressed size for .gz), or null for stdin. */
export function inputSize(pathOrDash: string): number | null {
  if (pathOrDash === '-') return null;
  return statSync(pathOrDash).size;
}

/**
 * Yields the lines of `pathOrDash` in batches (one batch per chunk read). Lines carry no "\n" or "\r".
 * Bytes are decoded as latin1: NMEA is ASCII, and junk bytes never make the reader fail.
 */
export async function* readLines(pathOrDash: string, options: ReadLinesOptions = {}): AsyncIterable<string[]> {
  const chunkBytes = options.chunkBytes ?? 1 << 20;
  const total = inputSize(pathOrDash);
  const raw: Readable = pathOrDash === '-' ? process.stdin : createReadStream(pathOrDash, { highWaterMark: chunkBytes });
  let bytesRead = 0;
  let carry = '';
  let gunzip: ReturnType<typeof createGunzip> | null = null;
  let first = true;

  const split = (text: string): string[] => {
    const joined = carry.length > 0 ? carry + text : text;
    const lines = joined.split('\n');
    carry = lines.pop() as string;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      if (l.length > 0 && l.charCodeAt(l.length - 1) === 13) lines[i] = l.slice(0, -1);
    }
    return lines;
  };

  for await (const chunk of raw as AsyncIterable<Buffer>) {
    if (first) {
      first = false;
      if (chunk.length >= 2 && chunk[0] === GZIP_MAGIC_0 && chunk[1] === GZIP_MAGIC_1) gunzip = createGunzip({ chunkSize: chunkBytes });
    }
    bytesRead += chunk.length;
    if (gunzip === null) {
      const lines = split(chunk.toString('latin1'));
      options.onProgress?.(bytesRead, total);
      if (lines.length > 0) yield lines;
      continue;
    }
    // Gzip: feed the chunk and collect what it inflates to before reading more (bounded memory).
    const out: Buffer[] = [];
    const onData = (b: Buffer): void => { out.push(b); };
    gunzip.on('data', onData);
    await new Promise<void>((resolve, reject) => {
      const g = gunzip as ReturnType<typeof createGunzip>;
      g.once('error', reject);
      g.write(chunk, () => { g.off('error', reject); resolve(); });
    });
    gunzip.off('data', onData);
    options.onProgress?.(bytesRead, total);
    for (const b of out) {
      const lines = split(b.toString('latin1'));
      if (lines.length > 0) yield lines;
    }
  }
  if (gunzip !== null) {
    const g = gunzip;
    const out: Buffer[] = [];
    g.on('data', (b: Buffer) => out.push(b));
    await new Promise<void>((resolve, reject) => {
      g.once('error', reject);
      g.once('end', resolve);
      g.end();
    });
    for (const b of out) {
      const lines = split(b.toString('latin1'));
      if (lines.length > 0) yield lines;
    }
  }
  if (carry.length > 0) {
    const last = carry.charCodeAt(carry.length - 1) === 13 ? carry.slice(0, -1) : carry;
    carry = '';
    yield [last];
  }
}
