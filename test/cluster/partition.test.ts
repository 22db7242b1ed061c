// Vessels spread over partitions, threads and checkpoint chunks whatever their MMSIs' low bits: simulated
// MMSIs are all even, and real ones cluster by country (MID) and end in 0 more often than not.
import { describe, expect, it } from 'vitest';
import { partitionOf } from '../../src/cluster/params.js';
import { hashShare } from '../../src/parallel/detect-threads.js';

const evenMmsis = Array.from({ length: 1000 }, (_, i) => 273_000_000 + i * 2);
const roundMmsis = Array.from({ length: 1000 }, (_, i) => 412_000_000 + i * 10);

describe('partitionOf', () => {
  it('splits all-even and all-round MMSIs evenly over 2 and 3 partitions', () => {
    for (const mmsis of [evenMmsis, roundMmsis]) {
      for (const p of [2, 3]) {
        const counts = new Array<number>(p).fill(0);
        for (const m of mmsis) counts[partitionOf(m, p)]!++;
        for (const c of counts) expect(Math.abs(c - mmsis.length / p)).toBeLessThan(mmsis.length * 0.06);
      }
    }
  });
  it('is stable: the same MMSI always goes to the same partition', () => {
    expect(partitionOf(273939860, 2)).toBe(partitionOf(273939860, 2));
    expect(new Set(evenMmsis.slice(0, 50).map((m) => partitionOf(m, 4))).size).toBe(4);
  });
});

describe('hashShare', () => {
  it('spreads all-even MMSIs over [0, 1)', () => {
    const shares = evenMmsis.map(hashShare);
    expect(Math.min(...shares)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...shares)).toBeLessThan(1);
    expect(shares.filter((s) => s < 0.5).length).toBeGreaterThan(440);
    expect(shares.filter((s) => s < 0.5).length).toBeLessThan(560);
  });
});
