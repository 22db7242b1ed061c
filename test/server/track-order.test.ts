// The track route reads a ship's rows in stored order (a clustered store keeps them in time order) and sorts
// them itself when they are not: rows stored in arrival order must come back in time order, fields aligned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/db.js';
import { ensurePositionsSchema } from '../../src/store/positions.js';
import { readTrack } from '../../src/server/routes/track.js';

const MMSI = 273000001;
const T0 = Date.parse('2024-03-01T00:00:00Z');
let store: Store;

beforeAll(async () => {
  store = await Store.open(':memory:');
  await ensurePositionsSchema(store);
  // Arrival order: minute 2, 0, 3, 1 (lon tells the minute).
  for (const [k, min] of [2, 0, 3, 1].entries()) {
    await store.run('INSERT INTO positions (mmsi, time, lat, lon, speed, course, dedup_key) VALUES ($m, epoch_ms($t::BIGINT), 42.0, $lon, $s, 90, $k)',
      { m: MMSI, t: T0 + min * 60_000, lon: 130 + min / 100, s: min, k: k + 1 });
  }
});

afterAll(() => store?.close());

describe('readTrack', () => {
  it('returns rows stored out of time order in time order, every field with its row', async () => {
    const t = await readTrack(store, { mmsi: MMSI, maxPoints: 100 });
    expect(t.time_ms).toEqual([0, 1, 2, 3].map((m) => T0 + m * 60_000));
    expect(t.lon).toEqual([130, 130.01, 130.02, 130.03]);
    expect(t.speed_kn).toEqual([0, 1, 2, 3]);
    expect(t.total_points).toBe(4);
  });
});
