// Truth for a gap still open at the world's end: intentional only if the transmitter was scripted off
// before the world ended (docs/simulator.md "gap": "scripted off at some moment inside the gap"). A dark
// window scripted after the end is not inside it: the ship was unheard, not yet switched off (issue 8;
// development seeds 207 and 210 on receivers=sparse: DPRK tankers unheard on their way back to load, their
// next delivery scripted a day after the world's end, counted as intentional gaps).
import { describe, expect, it } from 'vitest';
import { TruthCollector } from '../../src/sim/truth.js';
import type { SimVessel } from '../../src/sim/vessel.js';

const H = 3_600_000, T0 = Date.parse('2024-03-01T00:00:00Z'), MMSI = 445000001;

function openGapOf(darkFromH: number): boolean | undefined {
  const v = {
    index: 0, role: 'dprk_tanker', cls: 'A', transmits: true, shiptype: 80, dims: {}, sendsType19: false,
    identities: [{ mmsi: MMSI, fromMs: T0 }], draughts: [], spoofs: [], phases: [], destination: 'VOSTOCHNY', script: [],
    darkWindows: [{ startMs: T0 + darkFromH * H, endMs: T0 + (darkFromH + 30) * H, portStay: null }],
  } as unknown as SimVessel;
  const truth = new TruthCollector([v], [], []);
  for (let t = T0; t <= T0 + 2 * H; t += 10 * 60_000) truth.onPosition(v, MMSI, t, 42.4, 131.9, 10, 'normal', 42.4, 131.9);
  const events = truth.finish(T0 + 20 * H, [], []);
  const gaps = events.filter((e) => e.type === 'gap');
  expect(gaps).toHaveLength(1);
  expect(gaps[0]!.end).toBeNull();
  return gaps[0]!.intentional;
}

describe('truth: a gap open at the world end', () => {
  it('is not intentional when the dark window begins after the world ends', () => {
    expect(openGapOf(40)).toBe(false);
  });
  it('is intentional when the transmitter went off before the world ended', () => {
    expect(openGapOf(10)).toBe(true);
  });
});
