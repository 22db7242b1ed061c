// `tumen anchorages build|list|export` on a real capture (the Solent, Dstl), incremental rebuild.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgram } from '../../src/cli/main.js';
import { Store } from '../../src/store/db.js';
import { streamFixColumns, streamPositionsByTime } from '../../src/store/positions.js';
import { scanStopColumns, scanStops } from '../../src/anchorages/collect.js';
import type { Stop } from '../../src/anchorages/stationary.js';

async function tumen(...args: string[]): Promise<string> {
  let out = '';
  const write = process.stdout.write;
  process.stdout.write = ((s: string) => { out += s; return true; }) as typeof process.stdout.write;
  try {
    await buildProgram().parseAsync(['node', 'tumen', ...args]);
  } finally {
    process.stdout.write = write;
  }
  return out;
}

describe('tumen anchorages', () => {
  it('builds from the store, incrementally, lists and exports GeoJSON and CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tumen-anch-'));
    const db = join(dir, 's.duckdb');
    await tumen('ingest', '--db', db, new URL('../fixtures/tracks/solent-20160112.csv.gz', import.meta.url).pathname);
    const first = await tumen('anchorages', 'build', '--db', db);
    expect(first).toMatch(/^read \d+ positions; \d+ new stops, \d+ in all\n/);
    expect(first).toMatch(/stops ≥ 30 min, cells with ≥ 2 vessels/);
    const again = await tumen('anchorages', 'build', '--db', db);
    // Incremental: reads from an hour before the last build's newest position; the same stops result.
    expect(again).toMatch(/^read 18619 positions since 2016-01-12T13:/);
    const total = (out: string) => /(\d+) in all/.exec(out)?.[1];
    expect(total(again)).toBe(total(first));
    expect(first).toMatch(/→ 5 anchorages \(3 named from the gazetteer, 2 unnamed\)/);
    const list = await tumen('anchorages', 'list', '--db', db);
    expect(list.split('\n')[0]).toMatch(/^\d+ anchorages \(\d+ named from the gazetteer, \d+ unnamed\)$/);
    await tumen('anchorages', 'export', '--db', db, '--out', join(dir, 'a.geojson'));
    await tumen('anchorages', 'export', '--db', db, '--out', join(dir, 'a.csv'));
    const gj = JSON.parse(readFileSync(join(dir, 'a.geojson'), 'utf8')) as { type: string; features: unknown[] };
    const csv = readFileSync(join(dir, 'a.csv'), 'utf8').trim().split('\n');
    expect(gj.type).toBe('FeatureCollection');
    expect(csv[0]).toBe('anchorage_id,name,country,labelled,label_distance_m,lat,lon,vessels,stops,stopped_h');
    expect(csv.length - 1).toBe(gj.features.length);
  });
});

describe('the anchorage build reads the store in typed-column chunks', () => {
  it('finds exactly the stops of the row-by-row time-ordered scan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tumen-anch-cols-'));
    const db = join(dir, 's.duckdb');
    await tumen('ingest', '--db', db, new URL('../fixtures/tracks/solent-20160112.csv.gz', import.meta.url).pathname);
    const store = await Store.open(db);
    try {
      const byRow = await scanStops(streamPositionsByTime(store));
      const byColumns = await scanStopColumns(streamFixColumns(store));
      const key = (s: Stop) => `${s.mmsi} ${s.startMs} ${s.endMs} ${s.lat} ${s.lon} ${s.positions}`;
      expect(byColumns.positions).toBe(18620);
      expect(byRow.stops.length).toBeGreaterThan(20);
      expect(byColumns.stops.map(key).sort()).toEqual(byRow.stops.map(key).sort());
      expect([byColumns.firstMs, byColumns.lastMs]).toEqual([byRow.firstMs, byRow.lastMs]);
      // A time filter (the incremental build) reads only the later positions.
      const late = await scanStopColumns(streamFixColumns(store, { fromMs: byRow.lastMs! - 3_600_000 }));
      expect(late.positions).toBeGreaterThan(0);
      expect(late.positions).toBeLessThan(18620);
    } finally {
      store.close();
    }
  });
});
