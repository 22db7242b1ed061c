// Track simplification: the point budget holds and every gap keeps both endpoints.
import { describe, expect, it } from 'vitest';
import { simplifyTrack } from '../../src/server/simplify.js';

const H = 3_600_000;

function track(n: number, gapsAt: number[]): { timeMs: number[]; lat: number[]; lon: number[] } {
  const timeMs: number[] = [];
  let t = 0;
  for (let i = 0; i < n; i++) {
    t += gapsAt.includes(i) ? 9 * H : 60_000;
    timeMs.push(t);
  }
  return { timeMs, lat: timeMs.map((_, i) => 40 + i * 1e-4), lon: timeMs.map((_, i) => 130 + i * 1e-4) };
}

describe('simplifyTrack', () => {
  it('keeps everything under the budget, and finds the gaps', () => {
    const tr = track(100, [40, 70]);
    const { keep, gaps } = simplifyTrack(tr, { maxPoints: 100, gapMs: 6 * H });
    expect(keep).toEqual([...Array(100).keys()]);
    expect(gaps).toEqual([[39, 40], [69, 70]]);
  });

  it('samples 100 000 points to the budget and keeps first, last and gap endpoints', () => {
    const gapsAt = [10_000, 50_000, 50_001, 99_999];
    const tr = track(100_000, gapsAt);
    const { keep, gaps } = simplifyTrack(tr, { maxPoints: 1000, gapMs: 6 * H });
    expect(keep.length).toBeLessThanOrEqual(1000);
    expect(keep.length).toBeGreaterThan(900);
    expect(keep[0]).toBe(0);
    expect(keep.at(-1)).toBe(99_999);
    for (const g of gapsAt) {
      expect(keep).toContain(g - 1);
      expect(keep).toContain(g);
    }
    // Gaps are reported on the kept indices, each between two consecutive raw positions.
    expect(gaps.map(([a, b]) => [keep[a], keep[b]])).toEqual(gapsAt.map((g) => [g - 1, g]));
    expect([...keep].sort((a, b) => a - b)).toEqual(keep);
  });

  it('an empty track is empty', () => {
    expect(simplifyTrack({ timeMs: [], lat: [], lon: [] }, { maxPoints: 10, gapMs: H })).toEqual({ keep: [], gaps: [] });
  });
});
