// A restarted server's live judge of silences knows the receivers from the stored history (the last
// LIVE_RECEPTION_SEED_H hours), not from nothing: the same silence is judged on ships present there.
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/db.js';
import { ensurePositionsSchema } from '../../src/store/positions.js';
import { LIVE_RECEPTION_SEED_H, LiveDetection } from '../../src/server/live-detect.js';
import { EventHub } from '../../src/server/event-hub.js';

const T0 = Date.parse('2024-03-01T00:00:00Z');
const H = 3_600_000;

/** Five ships 1 km apart off Vladivostok, heard by one coastal station every 10 min for 48 h; one more ship
 *  heard 10 days before (outside the seed window). */
async function storeWithHistory(): Promise<Store> {
  const store = await Store.open(':memory:');
  await ensurePositionsSchema(store);
  await store.run(`INSERT INTO positions (mmsi, time, lat, lon, speed, course, status, source, stations, dedup_key, ingest_id)
    SELECT 273000000 + s, TIMESTAMP '2024-03-01 00:00:00' + to_minutes((10 * k)::INTEGER), 42.6 + s * 0.01, 132.3, 10, 90, 0, 'terrestrial', ['vlad'], hash(s, k), 1
    FROM range(5) a(s), range(288) b(k)`);
  await store.run(`INSERT INTO positions (mmsi, time, lat, lon, speed, course, status, source, stations, dedup_key, ingest_id)
    SELECT 273999999, TIMESTAMP '2024-02-20 00:00:00' + to_minutes((10 * k)::INTEGER), 42.6, 132.3, 10, 90, 0, 'terrestrial', ['vlad'], hash(9, k), 1 FROM range(10) b(k)`);
  return store;
}

function judgeOneSilence(live: LiveDetection, endMs: number) {
  return live.silenceJudge()({
    // North at 4 kn, along the ships the station hears: an hour on and a reach cell (gap params reachExitBeyondKm)
    // further it is still where the station hears ships; east, or north at 10 kn, it would have left the
    // station's learned reach (judged on the satellite).
    last: { timeMs: endMs - 6 * H, lat: 42.62, lon: 132.3, courseDeg: 0, speedKn: 4 },
    next: null, endMs, durationH: 6, startOwn: ['vlad'], endOwn: ['vlad'], positionsBefore: 60,
  });
}

describe('live reception seeded from the store', () => {
  it('a started server has learned the last hours of stored positions, and judges a silence on them', async () => {
    expect(LIVE_RECEPTION_SEED_H).toBe(96);
    const store = await storeWithHistory();
    const empty = await Store.open(':memory:');
    try {
      const live = new LiveDetection(store, new EventHub());
      await live.start({ poll: false });
      await live.poll(); // queued after the seed
      expect(live.seededPositions).toBe(5 * 288);
      const fresh = new LiveDetection(empty, new EventHub());
      await fresh.start({ poll: false });
      await fresh.poll();
      expect(fresh.seededPositions).toBe(0);
      const endMs = T0 + 47 * H;
      const seeded = judgeOneSilence(live, endMs).evidence;
      const unseeded = judgeOneSilence(fresh, endMs).evidence;
      // Unseeded, the receiver seems down and the place unheard; seeded, it is up and hears 5 ships x 6/h.
      expect(unseeded.reception_positions_per_day).toBe(0);
      expect(unseeded.reception.own_stations_down_hours).toBe(5);
      expect(seeded.reception_positions_per_day).toBe(720);
      expect(seeded.reception.own_stations_down_hours).toBe(0);
      expect(seeded.reception.ships_present_satellite).toBe(4);
      await live.stop();
      await fresh.stop();
    } finally {
      store.close();
      empty.close();
    }
  });
});
