// src/io/lines.ts: batches of lines from plain and gzipped files, \r\n handled, progress reported.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readLines } from '../../src/io/lines.js';
import { FIXTURES, fixtureLines } from './helpers.js';

async function collect(path: string, chunkBytes?: number): Promise<{ lines: string[]; progress: number[] }> {
  const lines: string[] = [];
  const progress: number[] = [];
  for await (const batch of readLines(path, { chunkBytes, onProgress: (b) => progress.push(b) })) lines.push(...batch);
  return { lines, progress };
}

describe('readLines', () => {
  it('plain and gzip give the same lines (gzip detected by magic bytes, not the name)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tumen-lines-'));
    const original = fixtureLines('dma-stream_example.txt.gz');
    const expected = original.map((l) => l.replace(/\r$/, ''));
    const noSuffix = join(dir, 'stream');
    writeFileSync(noSuffix, gzipSync(original.join('\n') + '\n'));
    const plain = join(dir, 'stream.txt');
    writeFileSync(plain, original.join('\n') + '\n');
    const a = await collect(noSuffix, 4096);
    const b = await collect(plain, 4096);
    expect(a.lines).toEqual(expected);
    expect(b.lines).toEqual(expected);
    expect(b.progress[b.progress.length - 1]).toBe(Buffer.byteLength(original.join('\n') + '\n'));
  });

  it('handles \\r\\n, a last line without newline, and lines split across chunks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tumen-lines-'));
    const p = join(dir, 'crlf.txt');
    writeFileSync(p, 'first line\r\nsecond\r\n\r\nlast');
    const { lines } = await collect(p, 3);
    expect(lines).toEqual(['first line', 'second', '', 'last']);
  });

  it('a real gzipped capture', async () => {
    const { lines } = await collect(FIXTURES + 'amsa-ais.txt.gz');
    expect(lines.length).toBe(44687);
    expect(lines[0]).toBe('!ABVDM,1,1,6,B,1G7lQJ001PbomTie:ms2sR@40000,0*34');
  });
});

describe('readLines bounds', () => {
  it('a file without newlines comes out in bounded pieces', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tumen-lines-'));
    const p = join(dir, 'noline.bin');
    writeFileSync(p, Buffer.alloc(3 << 20, 0x41));
    const { lines } = await collect(p, 1 << 16);
    expect(lines.join('').length).toBe(3 << 20);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual((1 << 20) + (1 << 16));
  });
});
