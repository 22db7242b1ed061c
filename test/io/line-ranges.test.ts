// pushRanges() cuts the same lines as push(), however the bytes are chunked: "\n", "\r\n" and "\r"-only line
// ends, a last line without an end, and lines over the length limit (cut, the rest dropped).
import { describe, expect, it } from 'vitest';
import { LineRanges, LineSplitter } from '../../src/io/lines.js';

function viaPush(chunks: Buffer[], max: number): string[] {
  const s = new LineSplitter(max);
  const lines: string[] = [];
  for (const c of chunks) s.push(c, lines);
  const last = s.finish();
  if (last) lines.push(last.line);
  return lines;
}

function viaRanges(chunks: Buffer[], max: number): string[] {
  const s = new LineSplitter(max);
  const out = new LineRanges();
  const lines: string[] = [];
  for (const c of chunks) {
    s.pushRanges(c, out);
    for (let i = 0; i < out.count; i++) {
      const line = out.text.slice(out.starts[i], out.ends[i]);
      lines.push(line.endsWith('\r') ? line.slice(0, -1) : line); // push() drops one "\r"; decode trims it
    }
  }
  const last = s.finish();
  if (last) lines.push(last.line);
  return lines;
}

/** Deterministic chunk sizes 1..maxChunk (a small LCG: the same cuts on every run). */
function chunked(text: string, maxChunk: number, seed: number): Buffer[] {
  const bytes = Buffer.from(text, 'latin1');
  const out: Buffer[] = [];
  let x = seed;
  for (let i = 0; i < bytes.length;) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const n = 1 + (x % maxChunk);
    out.push(bytes.subarray(i, i + n));
    i += n;
  }
  return out;
}

const INPUTS: Array<[string, string]> = [
  ['LF', '!AIVDM,1,1,,A,15M67FC000G?ufbE`FepT@3n00Sa,0*5C\n\n# comment\n$PGHP,1,2010,6,11,11,46,11,390,231,45,992190934,1,2B*5B\nlast'],
  ['CRLF', 'a,b\r\nccc\r\n\r\nddddd\r\ne'],
  ['CR only', 'one\rtwo\r\rthree\r'],
  ['over-long lines', `short\n${'x'.repeat(50)}\nok\n${'y'.repeat(33)}`],
  ['latin1 bytes', 'caf\xe9\n\xff\xfe\n'],
];

describe('LineSplitter.pushRanges', () => {
  for (const [name, text] of INPUTS) {
    it(`gives the lines push() gives: ${name}`, () => {
      const expected = viaPush([Buffer.from(text, 'latin1')], 20);
      expect(expected.length).toBeGreaterThan(1);
      for (const maxChunk of [1, 3, 7, 64]) {
        for (const seed of [1, 2, 3]) {
          const chunks = chunked(text, maxChunk, seed);
          expect(viaRanges(chunks, 20)).toEqual(viaPush(chunks, 20));
        }
      }
    });
  }

  for (const [name, text] of INPUTS) {
    it(`tells the byte offsets and block ends push() tells: ${name}`, () => {
      for (const maxChunk of [1, 3, 7, 64]) {
        for (const seed of [1, 2, 3]) {
          const chunks = chunked(text, maxChunk, seed);
          const a = new LineSplitter(20);
          const b = new LineSplitter(20);
          const out = new LineRanges();
          const pushed: number[] = [];
          const ranged: number[] = [];
          let base = 0;
          for (const c of chunks) {
            const endA = a.push(c, [], pushed, base);
            const endB = b.pushRanges(c, out, base);
            for (let i = 0; i < out.count; i++) ranged.push(out.textStart + out.starts[i]);
            expect(endB).toBe(endA);
            base += c.length;
          }
          expect(ranged).toEqual(pushed);
          expect(b.finish()).toEqual(a.finish());
        }
      }
    });
  }

  it('cuts a line that grows over the limit across reads and drops its rest', () => {
    const chunks = chunked(`a\n${'z'.repeat(45)}\nb\n`, 8, 5);
    expect(viaRanges(chunks, 20)).toEqual(['a', 'z'.repeat(20), 'b']);
  });
});
