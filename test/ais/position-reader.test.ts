// The position fields read straight from a report's bits (what ingest keeps of a new type 1-3/18 report)
// equal the fully decoded message's, and every report the full decode rejects or keeps without a position
// is left to it.
import { describe, expect, it } from 'vitest';
import { Payload } from '../../src/ais/bits.js';
import { decodePayload } from '../../src/ais/message.js';
import { readPositionReport, type PositionFields } from '../../src/ais/index.js';

const ARMOUR = '0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVW`abcdefghijklmnopqrstuvw';

/** A deterministic stream of numbers in [0, 1). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function payloadOf(text: string): Payload {
  const p = new Payload();
  const n = p.scanArmour(text, 0, text.length);
  p.finish(n, 0);
  return p;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

describe('readPositionReport', () => {
  it('agrees with decodePayload on 20,000 random 168-bit reports of types 1, 2, 3 and 18', () => {
    const next = rng(7);
    const out: PositionFields = { mmsi: 0, lat: null, lon: null, speed: null, course: null, heading: null, status: null };
    let read = 0;
    let left = 0;
    for (let k = 0; k < 20_000; k++) {
      let text = '123B'[k % 4];
      for (let i = 1; i < 28; i++) text += ARMOUR[Math.floor(next() * 64)];
      if (k % 50 === 0) text = text[0] + '000000' + text.slice(7); // MMSI 0 (and part of the next field)
      const p = payloadOf(text);
      const full = decodePayload(p);
      const fast = readPositionReport(p.six, out);
      const m = full.ok ? full.message : null;
      const keeps = m !== null && typeof m.lat === 'number' && typeof m.lon === 'number';
      expect(fast).toBe(keeps);
      if (!fast || m === null) {
        left++;
        continue;
      }
      read++;
      expect(out).toEqual({
        mmsi: m.mmsi, lat: m.lat, lon: m.lon, speed: num(m.speed), course: num(m.course), heading: num(m.heading),
        status: m.type <= 3 ? num(m.status) : null,
      });
    }
    // Both outcomes occur often (random bits put lat, lon, course and heading out of range).
    expect(read).toBeGreaterThan(5_000);
    expect(left).toBeGreaterThan(5_000);
  });

  it('reads the not-available values as null and a class B heading of 360-510 as null, keeping the position', () => {
    const out: PositionFields = { mmsi: 0, lat: null, lon: null, speed: null, course: null, heading: null, status: null };
    // Type 18, mmsi 235000000, speed 1023, course 3600, heading 400 (bits set by hand below).
    const bits = new Array<number>(168).fill(0);
    const put = (start: number, width: number, v: number) => {
      for (let i = 0; i < width; i++) bits[start + i] = Math.floor(v / 2 ** (width - 1 - i)) & 1;
    };
    put(0, 6, 18);
    put(8, 30, 235000000);
    put(46, 10, 1023);
    put(57, 28, Math.round(10.5 * 600000));
    put(85, 27, Math.round(55.25 * 600000));
    put(112, 12, 3600);
    put(124, 9, 400);
    let text = '';
    for (let c = 0; c < 28; c++) {
      let v = 0;
      for (let i = 0; i < 6; i++) v = v * 2 + bits[6 * c + i];
      text += String.fromCharCode(v < 40 ? v + 48 : v + 56);
    }
    expect(readPositionReport(payloadOf(text).six, out)).toBe(true);
    expect(out).toEqual({ mmsi: 235000000, lat: 55.25, lon: 10.5, speed: null, course: null, heading: null, status: null });
  });
});
