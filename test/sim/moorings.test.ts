// Distinct mooring slots (variation `moorings`): ships lying at one berth at the same time are apart, as at
// a real quay; `moorings: shared` keeps the old world where they all lie on the berth point.
import { describe, expect, it } from 'vitest';
import { distanceM } from '../../src/geo/sphere.js';
import { simulate, UNSEEN_WORLD } from '../../src/sim/index.js';
import { MOORING } from '../../src/sim/params.js';
import { SLOT_OFFSETS } from '../../src/sim/moorings.js';
import { PlanCursor, type TrueState } from '../../src/sim/plan.js';
import type { WorldVariation } from '../../src/sim/variation.js';

const H = 3_600_000;

/** Closest distance between two ships moored in the same port at the same hour, and how many such pairs. */
function mooredPairs(variation: Partial<WorldVariation>) {
  const w = simulate({ seed: 3, vessels: 120, days: 3, variation });
  const cursors = w.vessels.map((v) => new PlanCursor(v.phases));
  let minM = Infinity, pairs = 0, within50 = 0;
  for (let t = w.startMs; t < w.endMs; t += H) {
    const moored: Array<{ port: string; lat: number; lon: number }> = [];
    for (const c of cursors) {
      const s: TrueState = { lat: 0, lon: 0, sogKn: 0, cogDeg: 0, headingDeg: 0, status: 0, portId: null };
      if (c.at(t, s) && s.status === 5 && s.portId && s.sogKn === 0) moored.push({ port: s.portId, lat: s.lat, lon: s.lon });
    }
    for (let i = 0; i < moored.length; i++) for (let j = i + 1; j < moored.length; j++) {
      const a = moored[i]!, b = moored[j]!;
      if (a.port !== b.port) continue;
      const d = distanceM(a.lat, a.lon, b.lat, b.lon);
      pairs++;
      if (d < 50) within50++;
      minM = Math.min(minM, d);
    }
  }
  return { minM, pairs, within50 };
}

describe('mooring slots', () => {
  it('are ordered nearest the berth point first, the berth point itself first', () => {
    expect(SLOT_OFFSETS[0]).toEqual({ along: 0, tier: 0 });
    expect(SLOT_OFFSETS[1]).toEqual({ along: 0, tier: 1 });
    expect(SLOT_OFFSETS).toHaveLength((2 * MOORING.alongHalfSlots + 1) * MOORING.tiers);
  });

  it('keep ships moored in one port at the same time apart (classic berths)', () => {
    const slots = mooredPairs({});
    expect(slots.pairs).toBeGreaterThan(50);
    expect(slots.within50).toBe(0);
    expect(slots.minM).toBeGreaterThan(MOORING.tierSpacingM * 0.9);
    const shared = mooredPairs({ moorings: 'shared' });
    expect(shared.within50).toBeGreaterThan(20);
  }, 60_000);

  it('keep them apart on spread quays too', () => {
    const spread = mooredPairs({ ...UNSEEN_WORLD });
    expect(spread.pairs).toBeGreaterThan(5);
    expect(spread.within50).toBe(0);
  }, 60_000);
});
