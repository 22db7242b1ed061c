// The compiled builders and serialisers must say exactly what the field tables say.
import { describe, expect, it } from 'vitest';
import { Payload } from '../../src/ais/bits.js';
import { readFields } from '../../src/ais/fields.js';
import { MESSAGE_SPECS } from '../../src/ais/messages.js';
import { AisDecoder, messageToJson, WRITTEN, writeMessageJsonOpen } from '../../src/ais/index.js';
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
