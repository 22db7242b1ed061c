// `tumen store sort`: an old store's positions (here two ingests stored in arrival order, as before the
// per-ingest rewrite) come out in one week/MMSI/time order, every row kept; a missing store is an error.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tumen } from '../cli-harness.js';
import { Store } from '../../src/store/db.js';
import { ensurePositionsSchema } from '../../src/store/positions.js';

const ORDER_CHECK = `SELECT count(*) AS n, count(*) FILTER (WHERE prev_key > key) AS unsorted, count(DISTINCT ingest_id) AS ingests,
  sum(hash(mmsi, time, lat, lon, dedup_key)) AS digest FROM (
  SELECT *, row(date_trunc('week', time), mmsi, time) AS key, lag(row(date_trunc('week', time), mmsi, time)) OVER (ORDER BY rowid) AS prev_key FROM positions)`;

describe('tumen store sort', () => {
  it('sorts every ingest\'s rows into one track order, same rows', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'tumen-sort-')), 's.duckdb');
    const store = await Store.open(db);
    await ensurePositionsSchema(store);
    // Two "ingests" interleaving 40 ships over 10 days (Fri 1 to Sun 10 March: two ISO weeks), in arrival order.
    for (const id of [1, 2]) {
      await store.run(`INSERT INTO positions (mmsi, time, lat, lon, dedup_key, ingest_id)
        SELECT 273000000 + s, TIMESTAMP '2024-03-01 00:00:00' + to_minutes((10 * k + ${id})::INTEGER), 42 + s * 0.01, 132, hash(s, k, ${id}), ${id}
        FROM range(1440) b(k), range(40) a(s) ORDER BY k, s`);
    }
    const before = await store.one<{ n: bigint; unsorted: bigint; digest: bigint }>(ORDER_CHECK);
    store.close();
    expect(Number(before!.unsorted)).toBeGreaterThan(1000);

    const r = await tumen(['store', 'sort', '--db', db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^sorted 115200 positions over 2 weeks by week, MMSI, time in [\d.]+ s\n$/);
    const after = await Store.open(db, { readOnly: true });
    const check = await after.one<{ n: bigint; unsorted: bigint; ingests: bigint; digest: bigint }>(ORDER_CHECK);
    after.close();
    expect(Number(check!.n)).toBe(115200);
    expect(Number(check!.unsorted)).toBe(0);
    expect(Number(check!.ingests)).toBe(2);
    expect(check!.digest).toBe(before!.digest);
  });

  it('says there is no store rather than making one', async () => {
    const r = await tumen(['store', 'sort', '--db', join(tmpdir(), 'tumen-no-such-store.duckdb')]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/no store at .*tumen-no-such-store\.duckdb/);
  });
});
