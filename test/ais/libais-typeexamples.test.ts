// libais typeexamples: one real USCG-framed sentence per message type, with libais's expected JSON.
// Compared on every field both produce; the differences below are deliberate (Tumen follows gpsd).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AisDecoder } from '../../src/ais/index.js';
import { FIXTURES } from './helpers.js';

const nmea = readFileSync(FIXTURES + 'libais-typeexamples.nmea', 'utf8').trim().split('\n');
const expected: Array<Record<string, unknown>> = readFileSync(FIXTURES + 'libais-typeexamples.json', 'utf8')
  .trim().split('\n').map((l) => JSON.parse(l));

/** Lines whose values are impossible: Tumen rejects them as out_of_range (libais prints them). */
const OUT_OF_RANGE: Record<number, string> = {
  10: 'type 27 lon 200.2°', 20: 'type 2 lat -101.5°', 22: 'type 11 hour 26', 23: 'type 9 lat -99.4°',
};

/** Where Tumen deliberately gives another value than libais: line -> field -> Tumen's value. */
const OURS: Record<number, Record<string, unknown>> = {
  0: { lon: null, lat: null }, // 181/91 "not available" -> null
  1: { heading: null }, // 511 -> null
  2: { imo: 9383663, shiptype_text: 'Tanker - all ships of this type' }, // gpsd: number, gpsd wording
  5: { heading: null },
  7: { retransmit: false }, // bit 70 read as gpsd does (gpsdecode 3.22 agrees); libais inverts it
  18: { shiptype_text: 'Cargo - Hazardous category B' }, // gpsd wording
  19: { name: "9%&//3*37_+P]['<RD^6" }, // ITU six-bit table (gpsd agrees); libais maps two codes otherwise
  24: { band_a: false, band_b: false }, // gpsd booleans
};

describe('libais typeexamples', () => {
  it('covers 26 lines, types 1..27 except one', () => {
    expect(nmea.length).toBe(26);
    expect(new Set(expected.map((e) => e.type)).size).toBe(26);
  });

  nmea.forEach((line, i) => {
    const e = expected[i];
    it(`line ${i}: type ${e.type}`, () => {
      const r = new AisDecoder().decodeLine(line);
      if (OUT_OF_RANGE[i] !== undefined) {
        expect(r).toMatchObject({ kind: 'reject', reason: 'out_of_range' });
        return;
      }
      expect(r.kind).toBe('message');
      if (r.kind !== 'message') return;
      // USCG trailing fields: station r003669946 and the receive time.
      expect(r.meta.station).toMatch(/^00366994[56]$/);
      expect(r.meta.timeMs).toBeGreaterThan(Date.UTC(2011, 11, 31));
      let compared = 0;
      for (const [key, want] of Object.entries(e)) {
        if (!(key in r.message) || key === 'class' || key === 'device' || key === 'scaled') continue;
        compared++;
        const got = r.message[key];
        const ours = OURS[i]?.[key];
        if (ours !== undefined || (OURS[i] !== undefined && key in OURS[i])) expect(got, key).toEqual(ours);
        else if (typeof want === 'number' && !Number.isInteger(want)) expect(got as number, key).toBeCloseTo(want, 4); // libais float32
        else expect(got, key).toEqual(want);
      }
      expect(compared).toBeGreaterThanOrEqual(3);
    });
  });
});
