// The compiled builders and serialisers must say exactly what the field tables say.
import { describe, expect, it } from 'vitest';
import { Payload, text } from '../../src/ais/bits.js';
import { readFields } from '../../src/ais/fields.js';
import { MESSAGE_SPECS } from '../../src/ais/messages.js';
import { AisDecoder, messageToJson, WRITTEN, writeMessageJsonOpen } from '../../src/ais/index.js';
import { writeFixed, writeInt, writeScaled, writeSixText } from '../../src/ais/json-bytes.js';
import { decodeAll, fixtureLines, messagesOf } from './helpers.js';

describe('compiled field tables', () => {
  const lines = fixtureLines('dma-stream_example.txt.gz').concat(fixtureLines('libais-typeexamples.nmea'));
  const messages = messagesOf(decodeAll(lines).results);

  it('every decoded message equals the generic table walk over its payload', () => {
    const p = new Payload();
    let checked = 0;
    for (const m of messages) {
      const n = p.append(m.payload, 0, m.payload.length, 0);
      p.finish(n, 0);
      const spec = MESSAGE_SPECS[m.message.type];
      if (spec === undefined) continue;
      // Fields a type's extra code rewrites (e.g. absent interrogation parts) are not the table's to say.
      const rewritten: Record<string, unknown> = { mmsi: m.message.mmsi };
      spec.extra?.(p.six, 0, rewritten);
      const generic: Record<string, unknown> = { type: m.message.type, repeat: m.message.repeat, mmsi: m.message.mmsi };
      readFields(p.six, Number.MAX_SAFE_INTEGER, spec.fields.filter((f) => f.minBits === 0 && f.kind !== 3 && !(f.name in rewritten)), generic);
      for (const [k, v] of Object.entries(generic)) expect(m.message[k], `${m.message.type}.${k}`).toEqual(v);
      checked++;
    }
    expect(checked).toBe(messages.length);
    expect(checked).toBeGreaterThan(4000);
  });

  it('messageToJson is byte-identical to JSON.stringify', () => {
    for (const m of messages) expect(messageToJson(m.message)).toBe(JSON.stringify(m.message));
  });
});

describe('JSON written straight from the bits (decodeLineInto)', () => {
  it('gives the bytes of JSON.stringify(decodeLine(...).message) for every fixture line', () => {
    const lines = fixtureLines('amsa-ais.txt.gz').concat(fixtureLines('dma-stream_example.txt.gz'), fixtureLines('libais-typeexamples.nmea'));
    const a = new AisDecoder();
    const b = new AisDecoder();
    const buf = new Uint8Array(1 << 16);
    let direct = 0;
    for (const line of lines) {
      const ra = a.decodeLine(line);
      const rb = b.decodeLineInto(line, buf, 0);
      if (rb === WRITTEN) {
        direct++;
        expect(ra.kind).toBe('message');
        if (ra.kind !== 'message') continue;
        const json = new TextDecoder().decode(buf.subarray(0, b.writtenEnd)) + '}';
        expect(json).toBe(JSON.stringify(ra.message));
        expect(b.writtenMeta).toEqual(ra.meta);
      } else {
        expect(rb.kind).toBe(ra.kind);
        if (rb.kind === 'message' && ra.kind === 'message') {
          const end = writeMessageJsonOpen(rb.message, buf, 0);
          expect(new TextDecoder().decode(buf.subarray(0, end)) + '}').toBe(JSON.stringify(ra.message));
        }
      }
    }
    expect(direct).toBeGreaterThan(25000);
    expect(b.counts).toEqual(a.counts);
  });
});

describe('sixbit text written from the bits', () => {
  it('gives JSON.stringify(text(...)): quotes and backslashes escaped, cut at "@", trailing spaces dropped', () => {
    // Sixbit values 34 ('"'), 28 ('\\') and 32 (' ') need care, 0 ('@') ends the text; a small LCG picks the rest.
    const six = new Uint8Array(64 + 16);
    const b = new Uint8Array(256);
    let x = 7;
    const next = (n: number) => ((x = (x * 1103515245 + 12345) % 2147483648), x % n);
    let escaped = 0;
    for (let round = 0; round < 2000; round++) {
      for (let i = 0; i < 64; i++) six[i] = [28, 32, 34, 63][next(12)] ?? next(64);
      const start = 6 * (1 + next(6)) + (round % 2 === 0 ? 0 : 1 + next(5)); // aligned to a sixbit or not
      const chars = 1 + next(20);
      const bitLen = start + next(chars * 6 + 12);
      const want = JSON.stringify(text(six, bitLen, start, chars));
      if (want.includes('\\')) escaped++;
      const end = writeSixText(b, 0, six, bitLen, start, chars);
      expect(new TextDecoder().decode(b.subarray(0, end)), `start ${start} chars ${chars} bitLen ${bitLen}`).toBe(want);
    }
    expect(escaped).toBeGreaterThan(200);
  });
});

describe('number writers print what JavaScript prints', () => {
  const print = (write: (b: Uint8Array, p: number) => number): string => {
    const b = new Uint8Array(64);
    return new TextDecoder().decode(b.subarray(0, write(b, 0)));
  };
  const cases: Array<[number, number]> = [
    [0, 7], [1, 7], [-1, 7], [9, 7], [10, 7], [-10, 7], [1234567, 7], [-1233953833, 7], [1800000000, 7], [-910000000, 7],
    [5, 1], [1023, 1], [3600, 1], [-5, 1], [40, 1], [12, 4], [-1086000, 4], [7, 0], [2147483647, 2], [4294967295, 3],
  ];
  for (const [n, decimals] of cases) {
    const pow = 10 ** decimals;
    it(`${n} / 10^${decimals}`, () => {
      const v = Math.round((n / pow) * pow) / pow;
      expect(print((b, p) => writeScaled(b, p, n, decimals, pow))).toBe(String(n / pow));
      expect(print((b, p) => writeFixed(b, p, v, decimals, pow))).toBe(String(v));
    });
  }
  for (const v of [0, 7, 10, 99, 100, 2147483647, 2147483648, 9007199254740991, -42]) {
    it(`integer ${v}`, () => expect(print((b, p) => writeInt(b, p, v))).toBe(String(v)));
  }
});
