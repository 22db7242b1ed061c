// Transactions on one connection (the server answers requests concurrently on one store): two begun at
// once both commit, in turn; one begun inside another joins it; a failed one leaves the next unharmed.
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/db.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withStore(fn: (store: Store) => Promise<void>): Promise<void> {
  const store = await Store.open(':memory:');
  try {
    await store.run('CREATE TABLE t (x INTEGER)');
    await fn(store);
  } finally {
    store.close();
  }
}

const counts = async (store: Store) =>
  (await store.all<{ x: number; n: bigint }>('SELECT x, count(*) AS n FROM t GROUP BY x ORDER BY x')).map((r) => [r.x, Number(r.n)]);

describe('Store.transaction', () => {
  it('commits two transactions begun at once, one after the other', async () => {
    await withStore(async (store) => {
      const write = (x: number) => store.transaction(async () => {
        await store.run('INSERT INTO t VALUES (?)', [x]);
        await pause(20); // the other request's turn would come here
        await store.run('INSERT INTO t VALUES (?)', [x]);
      });
      await Promise.all([write(1), write(2)]);
      expect(await counts(store)).toEqual([[1, 2], [2, 2]]);
    });
  });

  it('runs a transaction begun inside another as part of it', async () => {
    await withStore(async (store) => {
      await expect(store.transaction(async () => {
        await store.run('INSERT INTO t VALUES (1)');
        await store.transaction(async () => store.run('INSERT INTO t VALUES (2)'));
        throw new Error('undo both');
      })).rejects.toThrow('undo both');
      expect(await counts(store)).toEqual([]);
    });
  });

  it('rolls back a failed transaction and runs the one queued after it', async () => {
    await withStore(async (store) => {
      const failing = store.transaction(async () => {
        await store.run('INSERT INTO t VALUES (1)');
        await pause(10);
        throw new Error('bad batch');
      });
      const next = store.transaction(async () => store.run('INSERT INTO t VALUES (2)'));
      await expect(failing).rejects.toThrow('bad batch');
      await next;
      expect(await counts(store)).toEqual([[2, 1]]);
    });
  });
});
