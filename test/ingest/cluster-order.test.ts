// A batch's new positions are appended in the store's cluster order: week (Monday start, as DuckDB's
// date_trunc), MMSI, time as stored (whole ms); rows equal in all three keep their arrival order.
import { describe, expect, it } from 'vitest';
import { clusterOrder } from '../../src/ingest/cluster-order.js';

const ms = (iso: string): number => Date.parse(`${iso}Z`);

describe('clusterOrder', () => {
  it('orders by week, then MMSI, then time; ties in the order given', () => {
    // 2024-01-01 is a Monday: 2024-01-07 (Sunday) is in its week, 2024-01-08 starts the next.
    const mmsi = [2, 1, 2, 1, 1, 1, 3];
    const t = ['2024-01-08T00:00:00', '2024-01-08T00:00:00', '2024-01-01T10:00:00', '2024-01-07T23:59:59', '2024-01-01T11:00:00', '2024-01-01T11:00:00', '2023-12-31T23:00:00'].map(ms);
    const order = clusterOrder(Int32Array.from([0, 1, 2, 3, 4, 5, 6]), mmsi, t);
    // week of 2023-12-25: 3; week of 01-01: mmsi 1 at 11:00 (4 before 5), 23:59 Sunday, then mmsi 2; week of 01-08: 1, 2.
    expect([...order]).toEqual([6, 4, 5, 3, 2, 1, 0]);
  });

  it('takes only the rows given, and compares times as stored (whole ms, half to even)', () => {
    const mmsi = [5, 5, 5, 5, 5];
    const base = ms('2024-03-05T12:00:00');
    // 0.5 rounds to 0 and 1.5 to 2: rows 1 and 3 (both 0 ms once stored) keep their order; row 2 (2 ms) follows.
    const t = [base + 9, base + 0.5, base + 1.5, base + 0.4, base - 1];
    expect([...clusterOrder(Int32Array.from([1, 2, 3, 4]), mmsi, t)]).toEqual([4, 1, 3, 2]);
  });

  it('sorts long groups out of time order stably (arrival order is nearly, not always, time order)', () => {
    const n = 500;
    const rows = Int32Array.from({ length: n }, (_, i) => i);
    const mmsi = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 7 : 9));
    // Each vessel's times run backwards in pairs of equal times.
    const t = Array.from({ length: n }, (_, i) => ms('2024-05-01T00:00:00') + (n - (i >> 2)) * 1000);
    const order = [...clusterOrder(rows, mmsi, t)];
    const expected = [...rows].sort((a, b) => mmsi[a] - mmsi[b] || t[a] - t[b] || a - b);
    expect(order).toEqual(expected);
    expect(order.slice(0, 4)).toEqual([496, 498, 492, 494]);
  });
});
