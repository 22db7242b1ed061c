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

describe('clusteredBatch (the decoding thread sorts its batch)', () => {
  it('moves every position column and its stations in cluster order; a subset in row order stays in that order', async () => {
    const { clusteredBatch, toBatchData, PositionBatch } = await import('../../src/ingest/position-batch.js');
    const b = new PositionBatch(16);
    const rows: Array<[number, string, string]> = [
      [9, '2024-01-08T00:00:00', 'A'], [3, '2024-01-02T00:00:05', 'B'], [9, '2024-01-02T00:00:00', 'A,B'], [3, '2024-01-02T00:00:01', 'C'], [3, '2024-01-02T00:00:01', 'A'],
    ];
    rows.forEach(([mmsi, iso, st], i) => b.addPosition(`payload${i}`, mmsi, ms(iso), i, -i, i, null, i, 0, 1, 1, st));
    const d = toBatchData(b).data;
    const c = clusteredBatch(d);
    const expected = [...clusterOrder(Int32Array.from([0, 1, 2, 3, 4]), d.mmsi, d.timeMs)];
    expect(expected).toEqual([3, 4, 1, 2, 0]);
    expect(c.clustered).toBe(true);
    expect(c.length).toBe(5);
    expect([...c.lat]).toEqual(expected);
    expect([...c.lon]).toEqual(expected.map((i) => -i));
    expect([...c.mmsi]).toEqual(expected.map((i) => rows[i][0]));
    expect([...c.timeMs]).toEqual(expected.map((i) => ms(rows[i][1])));
    expect([...c.k1]).toEqual(expected.map((i) => d.k1[i]));
    expect([...c.k2]).toEqual(expected.map((i) => d.k2[i]));
    expect([...c.heading]).toEqual(expected);
    expect([...c.course].every((x) => Number.isNaN(x))).toBe(true);
    expect([...c.stations.codes].map((k) => c.stations.values[k])).toEqual(expected.map((i) => rows[i][2]));
    // the rows a store check leaves, taken in row order, are the cluster order of those rows
    const kept = Int32Array.from([0, 2, 3]);
    expect([...kept].map((j) => expected[j])).toEqual([...clusterOrder(Int32Array.from([3, 1, 2]).sort(), d.mmsi, d.timeMs)]);
  });
});
