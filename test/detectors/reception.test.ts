import { describe, expect, it } from 'vitest';
import { ReceptionIndex } from '../../src/detectors/reception.js';
import { HOUR, T0 } from './helpers.js';

describe('reception index', () => {
  // 10 positions per hour for 24 h at 42.50, 132.50; half of them by satellite.
  const idx = new ReceptionIndex();
  for (let h = 0; h < 24; h++) for (let i = 0; i < 10; i++) idx.add(42.5, 132.5, T0 + h * HOUR + i * 60_000, i % 2 === 1);

  it('counts positions per day inside the gap hours only, per layer', () => {
    // gap from 02:30 to 12:30: whole hours strictly inside are 03..11 (9 h), 10/h → 240/day.
    expect(idx.positionsPerDay(42.5, 132.5, T0 + 2.5 * HOUR, T0 + 12.5 * HOUR, 15)).toBe(240);
    expect(idx.positionsPerDay(42.5, 132.5, T0 + 2.5 * HOUR, T0 + 12.5 * HOUR, 15, true)).toBe(120);
  });

  it('is local: 30 km away nothing is heard; a gap under 2 h has no whole hour inside', () => {
    expect(idx.positionsPerDay(42.5, 132.9, T0 + 2.5 * HOUR, T0 + 12.5 * HOUR, 15)).toBe(0);
    expect(idx.positionsPerDay(42.5, 132.5, T0 + 2.5 * HOUR, T0 + 3.9 * HOUR, 15)).toBe(0);
  });

  it('restores from its snapshot', () => {
    const back = ReceptionIndex.restore(JSON.parse(JSON.stringify(idx.snapshot())));
    expect(back.positionsPerDay(42.5, 132.5, T0, T0 + 20 * HOUR, 15, true)).toBe(idx.positionsPerDay(42.5, 132.5, T0, T0 + 20 * HOUR, 15, true));
  });

  it('takes positions after a query and out of time order (the live feed), counting them in the next query', () => {
    const live = new ReceptionIndex();
    for (let h = 0; h < 10; h++) live.add(42.5, 132.5, T0 + h * HOUR);
    // hours strictly inside (T0 - 0.5 h, T0 + 10.5 h): 00..09, 1 each → 24/day.
    expect(live.positionsPerDay(42.5, 132.5, T0 - 0.5 * HOUR, T0 + 10.5 * HOUR, 15)).toBe(24);
    live.add(42.5, 132.5, T0 + 3 * HOUR + 60_000); // into the past of the series
    live.add(42.5, 132.5, T0 + 20 * HOUR); // outside the queried hours
    live.add(42.5, 132.5, T0 + 9 * HOUR); // the last hour again
    expect(live.positionsPerDay(42.5, 132.5, T0 - 0.5 * HOUR, T0 + 10.5 * HOUR, 15)).toBeCloseTo(28.8, 9); // 12 in 10 h
    expect(live.positionsPerDay(42.5, 132.5, T0 + 2.5 * HOUR, T0 + 4.5 * HOUR, 15)).toBe(48);
    const back = ReceptionIndex.restore(live.snapshot());
    expect(back.snapshot().all).toEqual(live.snapshot().all);
    expect(back.positionsPerDay(42.5, 132.5, T0 - 0.5 * HOUR, T0 + 30 * HOUR, 15)).toBe(live.positionsPerDay(42.5, 132.5, T0 - 0.5 * HOUR, T0 + 30 * HOUR, 15));
  });
});
