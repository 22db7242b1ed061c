// The threaded `tumen decode` must print exactly what one thread prints: blocks are cut where no decoder
// state crosses (findSafeCut) and decoded independently (decodeChunk).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeChunk, findSafeCut } from '../../src/cli/commands/decode-chunk.js';
import { decodeFiles, type Sink } from '../../src/cli/commands/decode.js';
import { FIXTURES } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function singleThread(file: string): Promise<{ text: string; counts: Record<string, number> }> {
  const chunks: Buffer[] = [];
  const sink: Sink = { closed: false, write: (c: Buffer) => { chunks.push(Buffer.from(c)); } };
  const s = await decodeFiles([FIXTURES + file], { format: 'jsonl', strict: false }, sink);
  return { text: Buffer.concat(chunks).toString('utf8'), counts: s.counts };
}

/** The same cutting as decode-parallel.ts, in-process. */
function blocks(bytes: Buffer, blockBytes: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = 0;
  while (bytes.length - start > blockBytes) {
    const view = bytes.subarray(start, start + blockBytes);
    let cut = findSafeCut(view, view.length);
    if (cut <= 0) cut = view.lastIndexOf(10) + 1;
    out.push(new Uint8Array(view.subarray(0, cut)));
    start += cut;
  }
  out.push(new Uint8Array(bytes.subarray(start)));
  return out;
}

describe('threaded decode', () => {
  for (const file of ['dma-stream_example.txt.gz', 'amsa-exact-earth-with-tag-block.txt', 'pyais-nmea_data_sample.txt']) {
    it(`${file}: blocks decoded apart give the single-thread output and counts`, async () => {
      const raw = readFileSync(FIXTURES + file);
      const bytes = file.endsWith('.gz') ? gunzipSync(raw) : raw;
      const one = await singleThread(file);
      const parts = blocks(bytes, 4096).map((b) => decodeChunk({ bytes: b, format: 'jsonl', strict: false }));
      expect(parts.length).toBeGreaterThan(2);
      const text = parts.map((p) => Buffer.from(p.out).toString('utf8')).join('');
      expect(text).toBe(one.text);
      const counts: Record<string, number> = {};
      for (const p of parts) for (const [k, v] of Object.entries(p.counts)) counts[k] = (counts[k] ?? 0) + v;
      expect(counts).toEqual(one.counts);
    });
  }

  it('a safe cut follows a completing sentence not preceded by an unfinished fragment', () => {
    const text = '!AIVDM,2,1,1,A,x,0*00\n!AIVDM,1,1,,B,z,0*00\n!AIVDM,2,2,1,A,y,0*00\n$PGHP,1\n!AIVDM,1,1,,A,w,0*00\n$PGHP,1\n';
    const b = Buffer.from(text);
    // The last line ($PGHP) must stay with what follows; after "w" is safe.
    expect(findSafeCut(b, b.length)).toBe(text.lastIndexOf('$PGHP'));
    // Within the first three lines: not after "z" (fragment 1 of 2 is open before it); after "y".
    const head = text.indexOf('$PGHP');
    expect(findSafeCut(b, head)).toBe(head);
    expect(findSafeCut(b, text.indexOf('!AIVDM,2,2'))).toBe(-1);
  });

  it('the built CLI with --threads 2 prints the same bytes as one thread', async () => {
    const bin = ROOT + 'bin/tumen.js';
    if (!existsSync(ROOT + 'dist/cli/commands/decode-worker.js')) throw new Error('run `npm run build` first');
    const run = (...args: string[]) => execFileSync('node', [bin, 'decode', ...args, FIXTURES + 'dma-stream_example.txt.gz'], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 26 }).toString();
    const threaded = run('--threads', '2', '--block-bytes', '32768');
    expect(threaded).toBe((await singleThread('dma-stream_example.txt.gz')).text);
  });
});
