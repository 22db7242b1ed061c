// Satellite passes read as a chain: each satellite hour given that the ship went unheard in the satellite
// hour before it, from the other ships heard in both. A pass straddling a clock hour is one chance, not two;
// ships a satellite keeps missing pass after pass make a silence ordinary; passes that hear the other ships
// independently are read as before.
import { describe, expect, it } from 'vitest';
import { ReceptionIndex } from '../../src/detectors/reception.js';
import { GapDetector } from '../../src/detectors/gap.js';
import type { TumenEvent } from '../../src/events/schema.js';
import { HOUR, MIN, T0, leg } from './helpers.js';

const DARK = 273000001;
const frac = (x: number) => x - Math.floor(x);
/** A fixed pseudo-random number in [0, 1) per ship and pass. */
const draw = (ship: number, pass: number) => frac(Math.sin(ship * 12.9898 + pass * 78.233) * 43758.5453);

/** `ships` ships around (38.0, 133.0) for 48 h, reporting every 2 min, each heard by a distant station at
 *  the first and last minute (so present all along); a 12 min pass every 2 h from T0 + `offsetH`;
 *  `heard(ship, pass)` says whether that pass hears the ship (every report in it). */
function world(idx: ReceptionIndex, ships: number, offsetH: number, heard: (ship: number, pass: number) => boolean): void {
  for (let s = 0; s < ships; s++) {
    const lat = 38.0 + (s % 4) * 0.01, lon = 133.0 + Math.floor(s / 4) * 0.01;
    for (let t = T0; t < T0 + 48 * HOUR; t += 2 * MIN) {
      if (t === T0 || t + 2 * MIN >= T0 + 48 * HOUR) { idx.add(lat, lon, t, false, 200000000 + s); continue; }
      const since = (t - T0) / HOUR - offsetH;
      const pass = Math.floor(since / 2);
      if (since < 0 || since - pass * 2 > 0.2 || !heard(s, pass)) continue;
      idx.add(lat, lon, t, true, 200000000 + s);
    }
  }
}

/** The dark ship: 12 h of reports every 10 min, silent 20 h 80 nm offshore, then 1 h more. */
function gapOf(idx: ReceptionIndex): TumenEvent {
  const before = leg(DARK, T0 + 2 * HOUR, 73, 10, 38.0, 133.0, 0, 0.0005, 1, 90);
  const after = leg(DARK, T0 + 34 * HOUR, 7, 10, 38.05, 133.05, 0, 0.0005, 1, 90);
  for (const p of [...before, ...after]) idx.add(p.lat, p.lon, p.timeMs, false, p.mmsi);
  const d = new GapDetector({ reception: idx, shoreDistanceM: () => 80 * 1852 });
  const out = [...before, ...after].flatMap((p) => d.pushPosition(p));
  expect(out).toHaveLength(1);
  return out[0]!;
}

const reception = (g: TumenEvent) => g.evidence.reception as Record<string, number>;

describe('satellite passes as a chain', () => {
  it('a pass straddling a clock hour is one chance: a 20 h silence under 10 such passes is not intentional', () => {
    const idx = new ReceptionIndex();
    world(idx, 12, 0.9, (s, pass) => draw(s, pass) < 0.4); // xx:54–yy:06: every pass in two clock hours
    const g = gapOf(idx);
    const r = reception(g);
    expect(r.satellite_pass_hours).toBe(19);
    expect(r.expected_heard_hours).toBeGreaterThan(6); // the expectation adds up over hours either way
    // Read hour by hour as independent, each pass counted twice: about (1 − 0.4)^20.
    expect(r.unheard_probability_if_independent).toBeLessThan(1e-4);
    // As one chance per pass: about (1 − 0.4)^10.
    expect(r.unheard_probability).toBeGreaterThan(1e-3);
    expect(r.unheard_probability).toBeLessThan(3e-2);
    expect(g.intentional).toBe(false);
    expect(g.evidence).toMatchObject({ checks: { good_reception: false } });
  });

  it('ships a satellite keeps missing pass after pass: the silence is ordinary', () => {
    const idx = new ReceptionIndex();
    world(idx, 12, 0.3, (s) => s < 5); // the same 5 of 12 ships heard on every pass, the others on none
    const r = reception(gapOf(idx));
    expect(r.satellite_pass_hours).toBe(9);
    expect(r.unheard_probability_if_independent).toBeLessThan(1e-2);
    expect(r.unheard_probability).toBeGreaterThan(0.5); // missed on the first pass, missed on them all
  });

  it('passes that hear the ships independently are read as before', () => {
    const idx = new ReceptionIndex();
    world(idx, 48, 0.3, (s, pass) => draw(s, pass) < 0.5); // xx:18–xx:30: one clock hour per pass
    const r = reception(gapOf(idx));
    expect(r.satellite_pass_hours).toBe(9);
    expect(r.unheard_probability / r.unheard_probability_if_independent).toBeGreaterThanOrEqual(1);
    expect(r.unheard_probability / r.unheard_probability_if_independent).toBeLessThan(1.5); // 1.21: 48 ships, a little chance overlap
  });
});
