// The fusion's AIS hour summary read while other queries run on the same connection (the server answers
// requests concurrently on one store): the summary must be whole, not cut short by the other queries.
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/db.js';
import { ensurePositionsSchema } from '../../src/store/positions.js';
import { readTrackIndex } from '../../src/store/imagery-fuse.js';

describe('readTrackIndex beside concurrent queries', () => {
  it('reads every vessel-hour whatever else runs on the connection', async () => {
    const store = await Store.open(':memory:');
    try {
      await ensurePositionsSchema(store);
      // 2,000 vessels × 24 hours, one report an hour at 40°N 130°E: 48,000 vessel-hours (many result chunks).
      await store.run(`INSERT INTO positions (mmsi, time, lat, lon, dedup_key)
        SELECT 100000000 + v, TIMESTAMP '2024-01-01' + INTERVAL (h) HOUR, 40.5, 130.5, v * 100 + h
        FROM range(2000) t(v), range(24) u(h)`);
      const box = { latMin: 40, latMax: 41, lonMin: 130, lonMax: 131 };
      const from = Date.UTC(2024, 0, 1), to = Date.UTC(2024, 0, 2);
      // Another request's queries, one after another while the summary is read.
      const others = (async () => { for (let i = 0; i < 50; i++) await store.all('SELECT count(*) AS n FROM positions'); })();
      const index = await readTrackIndex(store, from, to, box);
      await others;
      expect((index as unknown as { vessels: unknown[] }).vessels).toHaveLength(2000);
      expect((index as unknown as { c: { mmsi: Float64Array } }).c.mmsi).toHaveLength(48_000);
    } finally {
      store.close();
    }
  });
});
