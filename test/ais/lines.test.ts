// src/io/lines.ts: batches of lines from plain and gzipped files, \r\n handled, progress reported.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS, readLines } from '../../src/io/lines.js';
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

  it('a named pipe is read as a stream (regular files are read synchronously): same lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tumen-lines-'));
    const original = fixtureLines('dma-stream_example.txt.gz').map((l) => l.replace(/\r$/, ''));
    const plain = join(dir, 'stream.txt');
    writeFileSync(plain, original.join('\n') + '\n');
    const fifo = join(dir, 'fifo');
    await new Promise((resolve) => spawn('mkfifo', [fifo]).on('exit', resolve));
    const writer = spawn('sh', ['-c', `cat "${plain}" > "${fifo}"`]);
    const written = new Promise((resolve) => writer.on('exit', resolve));
    const viaFifo = await collect(fifo, 4096);
    expect(await written).toBe(0);
    expect(viaFifo.lines).toEqual(original);
    expect((await collect(plain, 4096)).lines).toEqual(original);
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
  it('a line over 1 MiB is one line, cut to 1 MiB; the lines after it are intact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tumen-lines-'));
    const p = join(dir, 'long.txt');
    writeFileSync(p, Buffer.concat([Buffer.from('first\n'), Buffer.alloc(3 << 20, 0x41), Buffer.from('\nafter\n'), Buffer.alloc(2 << 20, 0x42)]));
    const { lines } = await collect(p, 1 << 16);
    expect(lines.map((l) => l.length)).toEqual([5, MAX_LINE_CHARS, 5, MAX_LINE_CHARS]);
    expect(lines[2]).toBe('after');
  });

  it('a CR-only file (old Mac line ends) is split on CR', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tumen-lines-'));
    const p = join(dir, 'cr.txt');
    const original = fixtureLines('amsa-nmea-timestamped.txt').map((l) => l.replace(/\r$/, ''));
    writeFileSync(p, original.join('\r') + '\r');
    const { lines } = await collect(p, 1000);
    expect(lines).toEqual(original);
  });
});

describe('gzip cut short or followed by junk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tumen-gz-'));
  const original = fixtureLines('dma-stream_example.txt.gz');
  const text = original.join('\n') + '\n';
  const gz = gzipSync(text);

  it('a truncated .gz yields every readable line and reports the cut', async () => {
    const p = join(dir, 'cut.gz');
    writeFileSync(p, gz.subarray(0, Math.floor(gz.length * 0.8)));
    const issues: string[] = [];
    const lines: string[] = [];
    for await (const b of readLines(p, { onIssue: (s) => issues.push(s) })) lines.push(...b);
    expect(lines.length).toBeGreaterThan(original.length * 0.7);
    // Every line but the last (cut mid-line) is a line of the original, in order.
    expect(lines.slice(0, -1)).toEqual(original.slice(0, lines.length - 1).map((l) => l.replace(/\r$/, '')));
    expect(issues).toEqual([expect.stringMatching(/^gzip stream cut short \(unexpected end of file\)/)]);
  });

  for (const [name, junk] of [['text', Buffer.from('garbage after the member\n')], ['a false gzip header', Buffer.from([0x1f, 0x8b, 0x78, 0x78])]] as const) {
    it(`junk after the gzip member (${name}): all of the member's lines, and the junk reported`, async () => {
      const p = join(dir, `junk-${name.length}.gz`);
      writeFileSync(p, Buffer.concat([gz, junk]));
      const issues: string[] = [];
      const lines: string[] = [];
      for await (const b of readLines(p, { onIssue: (s) => issues.push(s) })) lines.push(...b);
      expect(lines).toEqual(original.map((l) => l.replace(/\r$/, '')));
      expect(issues).toEqual([expect.stringMatching(/^unreadable data after the gzip stream .* after \d+ decompressed bytes/)]);
    });
  }

  it('tumen ingest of a truncated .gz stores the readable part and says so in the log row', async () => {
    const { ingestFiles } = await import('../../src/ingest/ingest.js');
    const { Store } = await import('../../src/store/db.js');
    const p = join(dir, 'cut-ingest.gz');
    writeFileSync(p, gz.subarray(0, Math.floor(gz.length * 0.8)));
    const store = await Store.open(join(dir, 'cut.duckdb'));
    try {
      const [r] = await ingestFiles(store, [p]);
      expect(r.status).toBe('done');
      expect(r.counts!.positions).toBeGreaterThan(1000);
      expect(r.message).toMatch(/cut-ingest\.gz: gzip stream cut short/);
      const row = await store.one<{ error: string }>('SELECT error FROM ingest_log');
      expect(row!.error).toMatch(/gzip stream cut short/);
    } finally {
      store.close();
    }
  });
});
