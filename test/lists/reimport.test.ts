// Re-importing a list replaces its previous version and logs what changed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/db.js';
import { importList, listChanges, listLists, loadListEntries } from '../../src/store/lists.js';
import { parseCsvWatchlist } from '../../src/lists/csv-watchlist.js';

const dir = mkdtempSync(join(tmpdir(), 'tumen-lists-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('list re-import', () => {
  it('replaces the entries and records added / removed / changed counts', async () => {
    const store = await Store.open(join(dir, 't.duckdb'));
    try {
      const v1 = parseCsvWatchlist('imo,name,reason\n9187629,ARTAVIL,a\n8660313,CHON MA SAN,b\n7389704,RYE SONG GANG 1,c\n');
      v1.version = 'v1';
      const c1 = await importList(store, v1, { name: 'mine', file: 'v1.csv', importedAt: new Date('2026-01-01T00:00:00Z') });
      expect([c1.previousVersion, c1.added, c1.removed, c1.changed, c1.unchanged]).toEqual([null, 3, 0, 0, 0]);

      const v2 = parseCsvWatchlist('imo,name,reason\n9187629,ARTAVIL,a\n8660313,CHON MA SAN,b (UN KPe.061)\n9811000,LADY R,d\n');
      v2.version = 'v2';
      const c2 = await importList(store, v2, { name: 'mine', file: 'v2.csv', importedAt: new Date('2026-02-01T00:00:00Z') });
      expect([c2.previousVersion, c2.version, c2.added, c2.removed, c2.changed, c2.unchanged]).toEqual(['v1', 'v2', 1, 1, 1, 1]);
      expect(c2.details).toEqual({ added: ['IMO9811000'], removed: ['IMO7389704'], changed: ['IMO8660313'] });

      expect((await loadListEntries(store)).map((e) => e.entry.name).sort()).toEqual(['ARTAVIL', 'CHON MA SAN', 'LADY R']);
      const lists = await listLists(store);
      expect(lists.map((l) => [l.name, l.version, l.entries, l.vessels])).toEqual([['mine', 'v2', 3, 3]]);
      const log = await listChanges(store, 'mine');
      expect(log.map((r) => [r.changedAt, r.previousVersion, r.version, r.added, r.removed, r.changed])).toEqual([
        ['2026-01-01T00:00:00.000Z', null, 'v1', 3, 0, 0],
        ['2026-02-01T00:00:00.000Z', 'v1', 'v2', 1, 1, 1],
      ]);
    } finally {
      store.close();
    }
  });
});
