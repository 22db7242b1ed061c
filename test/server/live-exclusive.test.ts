// An upload's ingest commits batches, then rewrites its rows in track order (new rowids). Live detection
// finds new rows by rowid: a pass between the two would read the rows twice. Run inside
// LiveDetection.exclusive, the ingest holds passes off, and the pass after it reads each row once.
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/db.js';
import { ensurePositionsSchema } from '../../src/store/positions.js';
import { clusterIngestPositions } from '../../src/store/positions-cluster.js';
import { LiveDetection } from '../../src/server/live-detect.js';
import { EventHub } from '../../src/server/event-hub.js';

/** An ingest as the upload runs it: 2 committed batches of 3 ships interleaved, a pause, then the rewrite. */
async function ingestLike(store: Store, between: () => Promise<unknown>): Promise<void> {
  for (const b of [0, 1]) {
    await store.run(`INSERT INTO positions (mmsi, time, lat, lon, dedup_key, ingest_id)
      SELECT 273000000 + s, TIMESTAMP '2024-03-01 00:00:00' + to_minutes((10 * (k + ${3 * b}))::INTEGER), 42, 132, hash(s, k, ${b}), 1
      FROM range(3) b(k), range(3) a(s) ORDER BY k, s`);
  }
  await between();
  await clusterIngestPositions(store, 1);
}

describe('LiveDetection.exclusive', () => {
  it('a pass asked for during an upload\'s ingest runs after it and reads each stored row once', async () => {
    for (const guarded of [false, true]) {
      const store = await Store.open(':memory:');
      await ensurePositionsSchema(store);
      const live = new LiveDetection(store, new EventHub());
      await live.start({ poll: false });
      let midPass: Promise<unknown> = Promise.resolve();
      const ingest = () => ingestLike(store, async () => { midPass = live.poll(); await new Promise((r) => setTimeout(r, 20)); });
      await (guarded ? live.exclusive(ingest) : ingest());
      await midPass;
      await live.poll();
      // 18 rows stored; unguarded, the pass in the middle read the 18 batch rows and the next one their 18 copies.
      expect(live.stats.positions).toBe(guarded ? 18 : 36);
      await live.stop();
      store.close();
    }
  });

  it('passes an error on and leaves later passes running', async () => {
    const store = await Store.open(':memory:');
    await ensurePositionsSchema(store);
    const live = new LiveDetection(store, new EventHub());
    await live.start({ poll: false });
    await expect(live.exclusive(async () => { throw new Error('bad upload'); })).rejects.toThrow('bad upload');
    await store.run(`INSERT INTO positions (mmsi, time, lat, lon, dedup_key, ingest_id) VALUES (273000001, TIMESTAMP '2024-03-01 00:00:00', 42, 132, 1, 1)`);
    await live.poll();
    expect(live.stats).toMatchObject({ positions: 1, errors: 0 });
    await live.stop();
    store.close();
  });
});
