// Sites: curated sites and example series seeded, observations imported with rejects, edits kept with
// who/when/before/after, change flags against history or the documented baseline.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../src/store/db.js';
import { listSites, observationHistory, observationsOf, saveObservations } from '../../src/store/sites.js';
import { parseObservations } from '../../src/sites/parse.js';
import { seriesWithFlags } from '../../src/sites/changes.js';
import { CURATED_SITES } from '../../src/sites/curated.js';

describe('sites', () => {
  it('flags 73 rail cars at Tumangang against the documented ≤ 20, then 255 against 73', () => {
    const site = CURATED_SITES.find((s) => s.id === 'tumangang-yard')!;
    const obs = [
      { id: 'a', site_id: site.id, time: '2023-10-05T00:00:00Z', counts: { rail_cars: 73 }, vessel_lengths_m: [], image_ref: null, analyst: null, note: null, source: null },
      { id: 'b', site_id: site.id, time: '2024-06-15T00:00:00Z', counts: { ore_cars: 175, box_cars: 14, tank_cars: 66 }, vessel_lengths_m: [], image_ref: null, analyst: null, note: null, source: null },
      { id: 'c', site_id: site.id, time: '2024-07-15T00:00:00Z', counts: { rail_cars: 240 }, vessel_lengths_m: [], image_ref: null, analyst: null, note: null, source: null },
    ];
    const s = seriesWithFlags(site, obs);
    expect(s[0]!.flags).toEqual([{ category: 'rail_cars', count: 73, baseline: 20, basis: 'documented' }]);
    expect(s[1]!.total_rail_cars).toBe(255);
    expect(s[1]!.flags).toEqual([{ category: 'rail_cars', count: 255, baseline: 73, basis: 'history' }]);
    expect(s[2]!.flags).toEqual([]);
  });

  it('imports observations with counted rejects and keeps every edit', async () => {
    const store = await Store.open(join(mkdtempSync(join(tmpdir(), 'sites-')), 's.duckdb'));
    try {
      const sites = await listSites(store);
      expect(sites.map((s) => s.id)).toContain('khasan-yard');
      expect((await observationsOf(store, 'tumangang-yard')).map((o) => o.id)).toEqual(['csis-tumangang-2023-10', 'csis-tumangang-2024-06']);
      const csv = ['id,site_id,time,rail_cars,tank_cars,analyst', 'o1,khasan-yard,2024-07-01T00:00:00Z,40,10,ana', 'o2,nowhere,2024-07-01T00:00:00Z,4,,ana',
        'o3,khasan-yard,2024-07-01T00:00:00Z,-4,,ana', 'o4,khasan-yard,last week,4,,ana'].join('\n');
      const parsed = parseObservations(csv, new Set(sites.map((s) => s.id)));
      expect(parsed.rejects).toEqual({ unknown_site: 1, negative_count: 1, bad_time: 1 });
      expect(await saveObservations(store, parsed.items, 'ana', '2024-07-02T00:00:00Z')).toEqual({ new: 1, updated: 0, unchanged: 0 });
      expect(await saveObservations(store, parsed.items, 'ana', '2024-07-02T00:00:00Z')).toEqual({ new: 0, updated: 0, unchanged: 1 });
      const edited = { ...parsed.items[0]!, counts: { rail_cars: 42, tank_cars: 10 } };
      expect(await saveObservations(store, [edited], 'bob', '2024-07-03T00:00:00Z')).toEqual({ new: 0, updated: 1, unchanged: 0 });
      const h = await observationHistory(store, 'o1');
      expect(h.map((x) => [x.editor, x.action, x.edited_at])).toEqual([['ana', 'create', '2024-07-02T00:00:00Z'], ['bob', 'update', '2024-07-03T00:00:00Z']]);
      expect((h[1]!.before as { counts: unknown }).counts).toEqual({ rail_cars: 40, tank_cars: 10 });
      expect((h[1]!.after as { counts: unknown }).counts).toEqual({ rail_cars: 42, tank_cars: 10 });
    } finally {
      store.close();
    }
  });
});
