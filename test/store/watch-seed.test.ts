// What a restarted server (or a reloaded rule) starts the watch rules from: the store's latest IMO and fix
// per MMSI, and for ships a dark rule watches, their track before the silence and who was heard near them.
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/db.js';
import { ensurePositionsSchema } from '../../src/store/positions.js';
import { watchSeed } from '../../src/store/watch.js';
import { makeRule } from '../../src/alerts/rules.js';
import { WATCH_TRACK_SEED_H } from '../../src/alerts/evaluator.js';

const WATCHED = 273000001;
const NEAR = 412000003; // ~11 km north of the watched ship's last fix
const FAR = 412000004; // ~111 km north: beyond heardNearbyKm (50)

async function store(): Promise<Store> {
  const s = await Store.open(':memory:');
  await ensurePositionsSchema(s);
  await s.run(`INSERT INTO statics (mmsi, time, imo, dedup_key, ingest_id) VALUES (${WATCHED}, TIMESTAMP '2024-03-01 00:00:00', 9074729, 1, 1)`);
  // The watched ship: every 30 min from 00:00 to 20:00 (41 fixes), heard by 'st-a' until 10:00, by the satellite after.
  await s.run(`INSERT INTO positions (mmsi, time, lat, lon, speed, course, status, source, stations, dedup_key, ingest_id)
    SELECT ${WATCHED}, TIMESTAMP '2024-03-01 00:00:00' + to_minutes((30 * k)::INTEGER), 42.5, 133.0, 10 + k, 90, 0,
      CASE WHEN k <= 20 THEN 'terrestrial' ELSE 'satellite' END, CASE WHEN k <= 20 THEN ['st-a'] ELSE NULL END, hash(1, k), 1
    FROM range(41) b(k)`);
  // Two other ships hourly from 18:00 to 23:00 (6 fixes each; 3 after the watched ship's last fix at 20:00).
  for (const [mmsi, lat] of [[NEAR, 42.6], [FAR, 43.5]] as const) {
    await s.run(`INSERT INTO positions (mmsi, time, lat, lon, speed, course, status, source, stations, dedup_key, ingest_id)
      SELECT ${mmsi}, TIMESTAMP '2024-03-01 18:00:00' + to_minutes((60 * k)::INTEGER), ${lat}, 133.0, 8, 0, 0, 'terrestrial', ['st-b'], hash(${mmsi}, k), 1
      FROM range(6) b(k)`);
  }
  return s;
}

describe('watchSeed', () => {
  it('gives a watched ship its last WATCH_TRACK_SEED_H hours of positions and the ships heard within 50 km since', async () => {
    const s = await store();
    try {
      const plain = await watchSeed(s);
      expect(plain.recent).toBeUndefined();
      expect(plain.imoOf.get(WATCHED)).toBe('9074729');
      expect(plain.clockMs).toBe(Date.parse('2024-03-01T23:00:00Z'));

      const seed = await watchSeed(s, [makeRule({ kind: 'dark', imo: '9074729' })]);
      expect(WATCH_TRACK_SEED_H).toBe(12);
      const track = seed.recent!.get(WATCHED)!;
      // 08:00..20:00 every 30 min: 25 fixes, in time order, the last one the satellite's.
      expect(track.map((p) => new Date(p.timeMs).toISOString().slice(11, 16))).toEqual(
        Array.from({ length: 25 }, (_, i) => `${String(8 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`));
      expect(track[0]).toMatchObject({ mmsi: WATCHED, speedKn: 26, courseDeg: 90, source: 'terrestrial', stations: ['st-a'] });
      expect(track.at(-1)).toMatchObject({ speedKn: 50, source: 'satellite', stations: null });
      expect([...seed.recent!.keys()]).toEqual([WATCHED]);
      expect(seed.heardNearby!.get(WATCHED)).toEqual({ positions: 3, vessels: [NEAR] });

      const byMmsi = await watchSeed(s, [makeRule({ kind: 'dark', mmsi: NEAR })]);
      expect([...byMmsi.recent!.keys()]).toEqual([NEAR]);
      expect(byMmsi.recent!.get(NEAR)).toHaveLength(6);
      expect(byMmsi.heardNearby!.has(NEAR)).toBe(false); // nobody within 50 km after 23:00
    } finally {
      s.close();
    }
  });
});
