// The identity history kept up to date batch by batch in memory (extendIdentityHistory) must be exactly
// what the SQL gaps-and-islands rebuild over all stored statics gives, whatever the batching and the order
// of files (late statics force the per-vessel rebuild path, new ones the in-memory extension).
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/ingest/ingest.js';
import { rebuildIdentityHistory } from '../../src/store/identities.js';
import type { Store } from '../../src/store/db.js';
import { fixture, withTempStore } from './helpers.js';

const EXACT_EARTH = fixture('ingest', 'amsa-exact-earth-augmented.txt.gz'); // satellite: statics arrive late
const DMA = fixture('ais', 'dma-stream_example.txt.gz');
const HERE = { worker: false, startMs: Date.UTC(2012, 0, 1) } as const;

async function runs(store: Store): Promise<string[]> {
  const rows = await store.all<Record<string, unknown>>(
    'SELECT mmsi, field, value, epoch_us(first_seen) AS f, epoch_us(last_seen) AS l, messages FROM identity_history ORDER BY ALL');
  return rows.map((r) => Object.values(r).map(String).join('|'));
}

describe('identity history kept up to date per batch', () => {
  it.each([
    ['one batch per file', [EXACT_EARTH, DMA], 300_000],
    ['many small batches', [EXACT_EARTH, DMA], 300],
    ['files in the other order, small batches', [DMA, EXACT_EARTH], 500],
  ])('%s: equals a full rebuild from statics', async (_, files, batchRows) => {
    await withTempStore(async (store) => {
      for (const f of files) expect((await ingestFiles(store, [f], { ...HERE, batchRows }))[0].status).toBe('done');
      const kept = await runs(store);
      expect(kept.length).toBeGreaterThan(1000);
      await rebuildIdentityHistory(store);
      expect(await runs(store)).toEqual(kept);
    });
  });

  it('a file read again (--force) changes nothing', async () => {
    await withTempStore(async (store) => {
      await ingestFiles(store, [EXACT_EARTH], { ...HERE, batchRows: 400 });
      const before = await runs(store);
      await ingestFiles(store, [EXACT_EARTH], { ...HERE, batchRows: 700, force: true });
      expect(await runs(store)).toEqual(before);
    });
  });
});
