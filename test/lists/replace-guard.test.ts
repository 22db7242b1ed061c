// `tumen lists import` never wipes or silently shrinks a loaded list: empty files, wrong columns and a file
// cut short are refused (exit 1, nothing changed) unless --allow-shrink; the API's upload uses the same guard.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tumen } from '../cli-harness.js';
import { fixtureText, SANCTIONS_FIXTURES } from '../fixtures/sanctions/load.js';
import { guardListReplacement, ListImportRefused, type GuardEntry, type ShrinkDiff } from '../../src/lists/replace-guard.js';
import { withStore } from '../../src/store/db.js';
import { listLists } from '../../src/store/lists.js';
import { startServer } from '../../src/server/start.js';

const dir = mkdtempSync(join(tmpdir(), 'tumen-guard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const loaded = (db: string) => withStore(db, async (s) => (await listLists(s)).map((l) => [l.name, l.entries, l.vessels]));

/** A folder holding only `sdn.csv` with `text`. */
function sdnFolder(name: string, text: string): string {
  const d = join(dir, name);
  mkdirSync(d);
  writeFileSync(join(d, 'sdn.csv'), text, 'latin1');
  return join(d, 'sdn.csv');
}

/** What the store works out in SQL (store/lists.ts stagedDiff), from two in-memory versions. */
function diffOf(before: GuardEntry[], after: GuardEntry[]): ShrinkDiff {
  const kept = new Set(after.map((e) => e.key));
  const removed = before.filter((e) => !kept.has(e.key));
  const vessels = (l: GuardEntry[]): number => l.filter((e) => e.kind === 'vessel').length;
  return {
    entriesBefore: before.length, entriesAfter: after.length, removed: removed.length,
    vesselsBefore: vessels(before), vesselsAfter: vessels(after), vesselsRemoved: vessels(removed),
    sample: [...removed.filter((e) => e.kind === 'vessel'), ...removed.filter((e) => e.kind !== 'vessel')].slice(0, 10),
  };
}
const guard = (before: GuardEntry[], after: GuardEntry[], opts?: Parameters<typeof guardListReplacement>[2]) => guardListReplacement('l', diffOf(before, after), opts);

describe('the replace guard', () => {
  const e = (key: string, kind = 'vessel') => ({ key, kind, name: `N${key}` });
  it('passes a normal update, refuses empty and >10 % shrinks, names what would go', () => {
    const before = Array.from({ length: 100 }, (_, i) => e(String(i), i < 20 ? 'vessel' : 'person'));
    expect(guard(before, before.slice(0, 95).concat(e('x'))).removed).toBe(5);
    expect(() => guard(before, [], { rejected: 3, firstReject: 'record 1: expected 12 columns' }))
      .toThrow(/no list entries; 3 records rejected, the first: record 1: expected 12 columns/);
    // 12 of 20 vessels removed (60 %) while only 12 % of the entries: refused; 10 removals are always free.
    expect(guard(before, before.slice(10)).removed).toBe(10);
    const noVessels = before.slice(12);
    try {
      guard(before, noVessels);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ListImportRefused);
      expect((err as ListImportRefused).diff).toMatchObject({ removed: 12, vesselsRemoved: 12, vesselsBefore: 20, entriesAfter: 88 });
      expect((err as Error).message).toMatch(/- 0 vessel N0\n/);
    }
    expect(guard(before, noVessels, { allowShrink: true }).vesselsAfter).toBe(8);
    expect(guard([], [e('a')]).removed).toBe(0);
  });
});

describe('tumen lists import', () => {
  const db = join(dir, 'cli.duckdb');
  const sdnText = fixtureText('ofac-2021/sdn.csv.gz', 'latin1');

  it('refuses an empty file, wrong columns and a file cut to 10 %, keeping the list; --allow-shrink accepts', async () => {
    const first = await tumen(['lists', 'import', join(SANCTIONS_FIXTURES, 'ofac-2021/sdn.csv.gz'), '--db', db]);
    expect(first.status, first.stderr).toBe(0);
    const full = await loaded(db);
    expect(full).toEqual([['ofac-sdn', 8976, 406]]);

    const empty = await tumen(['lists', 'import', sdnFolder('empty', ''), '--source', 'ofac', '--db', db]);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toMatch(/refusing to import ofac-sdn: the file holds no list entries.*8976 loaded entries are kept/);

    const wrong = await tumen(['lists', 'import', sdnFolder('wrong', 'imo,name,reason\n9187629,ARTAVIL,x\n'), '--source', 'ofac', '--db', db]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/no list entries; 4 records rejected, the first: sdn.csv record 1: expected 12 columns/);

    const lines = sdnText.split('\n');
    const cut = sdnFolder('cut', lines.slice(0, Math.round(lines.length / 10)).join('\n'));
    const shrink = await tumen(['lists', 'import', cut, '--db', db]);
    expect(shrink.status).toBe(1);
    expect(shrink.stderr).toMatch(/it would remove 8078 of 8976 entries \(402 of 406 vessels\), more than 10 %/);
    expect(shrink.stderr).toMatch(/removed \(sample\):\n {2}- \d+ vessel /);
    expect(await loaded(db)).toEqual(full);

    const allowed = await tumen(['lists', 'import', cut, '--allow-shrink', '--db', db]);
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(allowed.stdout).toMatch(/-8078 removed/);
    expect((await loaded(db))[0][1]).toBeLessThan(1000);
  });

  it('the API upload is refused with 409 and the same diff unless allow_shrink=true', async () => {
    const apiDb = join(dir, 'api.duckdb');
    const token = 'guard-token-0123456789abcdef';
    const server = await startServer({ dbPath: apiDb, port: 0, token, webRoot: null });
    try {
      const post = (body: string, query = '') => fetch(`${server.url}/api/lists?format=csv&filename=w.csv${query}`, {
        method: 'POST', body, headers: { authorization: `Bearer ${token}` },
      });
      const rows = Array.from({ length: 20 }, (_, i) => `${9000000 + i * 11},SHIP ${i},r`).join('\n');
      expect((await post(`imo,name,reason\n${rows}\n`)).status).toBe(201);
      const cut = await post(`imo,name,reason\n${rows.split('\n').slice(0, 5).join('\n')}\n`);
      expect(cut.status).toBe(409);
      expect(((await cut.json()) as { error: { message: string } }).error.message).toMatch(/remove 15 of 20 entries.*allow_shrink=true/s);
      expect((await post(`imo,name,reason\n${rows.split('\n').slice(0, 5).join('\n')}\n`, '&allow_shrink=true')).status).toBe(201);
    } finally {
      await server.close();
    }
  });
});
