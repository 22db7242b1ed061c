// The identity of an input file for "already ingested?" and resume: SHA-256 of its first MiB plus its size.
// Content-based (a renamed or copied file is recognised) without hashing gigabytes; a file that grew is a
// new key, and the dedup rule then stores only what is new in it.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';

export const FILE_KEY_HEAD_BYTES = 1 << 20;

export function fileKey(path: string): string {
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(Math.min(size, FILE_KEY_HEAD_BYTES));
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return `sha256-head:${createHash('sha256').update(buf.subarray(0, got)).digest('hex')}:size:${size}`;
  } finally {
    closeSync(fd);
  }
}
