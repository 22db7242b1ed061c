// The run behind each stored event: the latest batch run of its type, unless a live server session stored
// it after that run (then that session's run), until a later batch run of the type replaces it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/db.js';
import { detectRunsFor, detectRunsOf, linkLiveEvents, recordDetectRun } from '../../src/store/detect-runs.js';

const T0 = Date.UTC(2024, 5, 1);
let store: Store;
beforeAll(async () => { store = await Store.open(':memory:'); });
afterAll(() => store.close());

const gapA = { id: 'gap-a', type: 'gap' };
const gapB = { id: 'gap-b', type: 'gap' };
const enc = { id: 'enc-c', type: 'encounter' };

describe('detect runs behind events', () => {
  it('a store with no runs cites none', async () => {
    expect((await detectRunsOf(store, [gapA, enc])).size).toBe(0);
  });

  it('live events cite their session; batch events and batch-only lookups the batch run', async () => {
    const batch = await recordDetectRun(store, { command: 'tumen detect', types: ['gap', 'encounter'], params: ['gap.minGapH=8'], atMs: T0 });
    const live = await recordDetectRun(store, { command: 'tumen serve (live: feed and uploads)', types: ['gap', 'encounter'], params: [], atMs: T0 + 3_600_000 });
    expect(live).toBe(batch + 1);
    await linkLiveEvents(store, live, [gapA.id]);
    const of = await detectRunsOf(store, [gapA, gapB, enc]);
    expect(of.get('gap-a')).toMatchObject({ id: live, live: true, params: [], runAt: new Date(T0 + 3_600_000).toISOString() });
    expect(of.get('gap-b')).toMatchObject({ id: batch, live: false, params: ['gap.minGapH=8'] });
    expect(of.get('enc-c')).toMatchObject({ id: batch, live: false });
    // The per-type answer never names a live session: it replaced nothing.
    expect((await detectRunsFor(store, ['gap'])).get('gap')?.id).toBe(batch);
  });

  it('a later batch run of the type takes over the live event (it replaced it); other types do not', async () => {
    await recordDetectRun(store, { command: 'tumen detect', types: ['encounter'], params: [], atMs: T0 + 7_200_000 });
    expect((await detectRunsOf(store, [gapA])).get('gap-a')?.live).toBe(true);
    const again = await recordDetectRun(store, { command: 'tumen detect', types: ['gap'], params: [], atMs: T0 + 10_800_000 });
    expect((await detectRunsOf(store, [gapA])).get('gap-a')).toMatchObject({ id: again, live: false });
  });
});
