// The silence under judgement is no evidence of how well its place is heard: the dark ship's own bridged
// hours are left out of the coverage it is judged against (issue 8; diagnosed on development seeds 207–208,
// arms shuttles switching off 17 nm off Vladivostok, where their own silence was half the ship-hours).
import { describe, expect, it } from 'vitest';
import { ReceptionIndex } from '../../src/detectors/reception.js';
import { GapDetector } from '../../src/detectors/gap.js';
import { HOUR, MIN, T0, leg } from './helpers.js';

const DARK = 273000001;

describe('leave-one-out reception for a gap', () => {
  it('a sparse place visited by a few ships, every one heard: a 30 h silence there 25 nm out is intentional', () => {
    const idx = new ReceptionIndex();
    // Eight ships report every 10 min for 60 h, heard by a coastal station; each spends two hours at the
    // place (hours 8k, 8k + 1) and the rest 40 km east, in the same satellite block.
    for (let k = 0; k < 8; k++) {
      for (let t = T0; t < T0 + 60 * HOUR; t += 10 * MIN) {
        const h = Math.floor((t - T0) / HOUR);
        const here = h >= 8 * k && h < 8 * k + 2;
        idx.add(42.5, here ? 131.0 : 131.5, t, false, 200000000 + k);
      }
    }
    // The dark ship: heard 12 h at the place, silent from hour 14 to 44, heard again 5 km away.
    const own = [...leg(DARK, T0 + 2 * HOUR, 73, 10, 42.5, 131.0, 0, 0.0005, 1, 90), ...leg(DARK, T0 + 44 * HOUR, 7, 10, 42.55, 131.05, 0, 0.0005, 1, 90)];
    for (const p of own) idx.add(p.lat, p.lon, p.timeMs, false, p.mmsi);
    const d = new GapDetector({ reception: idx, shoreDistanceM: () => 25 * 1852 });
    const g = own.flatMap((p) => d.pushPosition(p))[0]!;
    const r = g.evidence.reception as Record<string, number>;
    // With its own 29 bridged hours counted as "present, unheard" the place read as covered 0.24, and every
    // hour no other ship was there as a station outage: not intentional.
    expect(r.terrestrial_heard_share).toBeGreaterThan(0.9);
    expect(r.unmeasured_hours).toBe(0);
    expect(r.expected_heard_hours).toBeGreaterThan(25);
    expect(g.intentional).toBe(true);
  });
});
