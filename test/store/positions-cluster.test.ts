// Positions are stored sorted by week, MMSI and time (a ship's track is a few ranges), ties kept in arrival
// order: each NMEA batch as it is appended, a CSV ingest's rows rewritten at its end, the whole table by
// `tumen store sort`.
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/ingest/ingest.js';
import { ensurePositionsSchema } from '../../src/store/positions.js';
import { clusterIngestPositions, sortStoredPositions } from '../../src/store/positions-cluster.js';
import { fixture, withTempStore } from '../ingest/helpers.js';

type Row = { mmsi: number; t: number; lat: number; ingest_id: number };

describe('clusterIngestPositions', () => {
  it('sorts one ingest by week, mmsi, time; keeps ties in order; leaves other ingests alone', async () => {
    await withTempStore(async (store) => {
      await ensurePositionsSchema(store);
      // Ingest 1 arrives interleaved over two weeks (2024-01-01 is a Monday); ingest 2 is an older one.
      const rows: Array<[number, string, number, number]> = [
        [2, '2024-01-08 00:00:00', 1.0, 1], [1, '2024-01-08 00:00:00', 1.1, 1], [2, '2024-01-01 10:00:00', 1.2, 1],
        [1, '2024-01-01 12:00:00', 1.3, 1], [1, '2024-01-01 11:00:00', 1.4, 1], [1, '2024-01-01 11:00:00', 1.5, 1],
        [9, '2023-12-01 00:00:00', 2.0, 2],
      ];
      await store.run('INSERT INTO positions (mmsi, time, lat, lon, dedup_key, ingest_id) VALUES (9, TIMESTAMP \'2023-11-30 00:00:00\', 3.0, 0, 0, 2)');
      for (const [mmsi, t, lat, id] of rows) {
        await store.run('INSERT INTO positions (mmsi, time, lat, lon, dedup_key, ingest_id) VALUES ($m, $t::TIMESTAMP, $lat, 0, 0, $id)', { m: mmsi, t, lat, id });
      }
      expect(await clusterIngestPositions(store, 1)).toBe(6);
      const out = await store.all<Row>('SELECT mmsi, lat, ingest_id FROM positions ORDER BY rowid');
      expect(out.map((r) => [Number(r.mmsi), r.lat])).toEqual([
        [9, 3.0], [9, 2.0], // ingest 2 first, as stored
        [1, 1.4], [1, 1.5], [1, 1.3], [2, 1.2], // week of 01-01: mmsi 1 (tie at 11:00 in arrival order), then 2
        [1, 1.1], [2, 1.0], // week of 01-08
      ]);
      expect(await clusterIngestPositions(store, 3)).toBe(0);
    });
  });

  it('an NMEA ingest appends each batch as one sorted run: order breaks only between batches', async () => {
    await withTempStore(async (store) => {
      const batchRows = 500;
      const [out] = await ingestFiles(store, [fixture('ingest', 'amsa-exact-earth-augmented.txt.gz')], { batchRows });
      expect(out.status).toBe('done');
      const r = await store.all<{ n: bigint; unsorted: bigint }>(`SELECT count(*) AS n, count(*) FILTER (WHERE prev_key > key) AS unsorted FROM (
        SELECT row(date_trunc('week', time), mmsi, time) AS key, lag(row(date_trunc('week', time), mmsi, time)) OVER (ORDER BY rowid) AS prev_key
        FROM positions)`);
      expect(Number(r[0].n)).toBe(out.counts!.positions);
      expect(Number(r[0].n)).toBeGreaterThan(2 * batchRows);
      // Arrival order (all ships interleaved) would break the order at most rows; one run per batch breaks it
      // once per batch at most (a station merge can also move a stored row to the end).
      expect(Number(r[0].unsorted)).toBeGreaterThan(0);
      expect(Number(r[0].unsorted)).toBeLessThan(Math.ceil(out.counts!.messages / batchRows));
    });
  });

  it('sortStoredPositions: the whole table across ingests, ties in stored order, same rows and columns', async () => {
    await withTempStore(async (store) => {
      await ensurePositionsSchema(store);
      // Two ingests in arrival order over two weeks, a tie (mmsi 1 at 11:00) split across them, and a leftover
      // of a killed run that must not survive.
      const rows: Array<[number, string, number, number, string | null]> = [
        [2, '2024-01-08 00:00:00', 1.0, 1, 'st-a'], [1, '2024-01-01 11:00:00', 1.1, 1, null], [2, '2024-01-01 10:00:00', 1.2, 1, null],
        [1, '2024-01-08 00:00:00', 1.3, 2, 'st-b'], [1, '2024-01-01 11:00:00', 1.4, 2, null], [1, '2024-01-01 09:00:00', 1.5, 2, null],
      ];
      for (const [mmsi, t, lat, id, st] of rows) {
        await store.run(`INSERT INTO positions (mmsi, time, lat, lon, speed, stations, dedup_key, ingest_id) VALUES ($m, $t::TIMESTAMP, $lat, 0, 7.5, ${st ? `['${st}']` : 'NULL'}, 42, $id)`, { m: mmsi, t, lat, id });
      }
      await store.run('CREATE TABLE positions_sorting (x INTEGER)');
      const weeks: number[] = [];
      expect(await sortStoredPositions(store, (done) => weeks.push(done))).toEqual({ rows: 6, weeks: 2 });
      expect(weeks).toEqual([1, 2]);
      const out = await store.all<{ mmsi: number; lat: number; ingest_id: number; stations: string[] | null; speed: number; dedup_key: bigint }>(
        'SELECT mmsi, lat, ingest_id, stations, speed, dedup_key FROM positions ORDER BY rowid');
      expect(out.map((r) => [Number(r.mmsi), r.lat, r.ingest_id])).toEqual([
        [1, 1.5, 2], [1, 1.1, 1], [1, 1.4, 2], [2, 1.2, 1], // week of 01-01: the 11:00 tie in stored order
        [1, 1.3, 2], [2, 1.0, 1], // week of 01-08
      ]);
      expect(out.map((r) => r.stations)).toEqual([null, null, null, null, ['st-b'], ['st-a']]);
      expect(out.every((r) => r.speed === 7.5 && Number(r.dedup_key) === 42)).toBe(true);
      expect(await store.all(`SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'positions%' ORDER BY 1`)).toEqual([{ table_name: 'positions' }]);
      // The swapped-in table has the schema's constraints and takes the next ingest's rows.
      await expect(store.run('INSERT INTO positions (mmsi, time, lat, lon, dedup_key) VALUES (1, NULL, 0, 0, 0)')).rejects.toThrow(/NOT NULL/);
      expect(await clusterIngestPositions(store, 2)).toBe(3);
    });
  });
});
