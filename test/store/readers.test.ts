// The readers other modules build on: positions by vessel and time with filters, statics in time order,
// identity runs (A -> B -> A is three runs), and the export formats.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { Store } from '../../src/store/db.js';
import { ingestFiles } from '../../src/ingest/ingest.js';
import { streamPositions, streamPositionsByTime, streamStatics } from '../../src/store/positions.js';
import { IDENTITIES_DDL, readIdentityHistory, rebuildIdentityHistory } from '../../src/store/identities.js';
import { exportPositions, exportWithStatics } from '../../src/io/export-positions.js';
import { LAKE_STATICS_DIR, lakeLayout, openLake } from '../../src/store/lake.js';
import { storeStats } from '../../src/store/store-stats.js';
import type { Position } from '../../src/tracks/position.js';
import { fixture, tempDir, withTempStore } from '../ingest/helpers.js';

let store: Store;
let dir: string;
let cleanup: () => void;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  store = await Store.open(join(dir, 'r.duckdb'));
  await ingestFiles(store, [
    fixture('ingest', 'solent-SolentAIS_20160112_130211.csv.gz'),
    fixture('ingest', 'amsa-exact-earth-augmented.txt.gz'),
  ]);
});
afterAll(() => {
  store.close();
  cleanup();
});

async function all<T>(it: AsyncIterable<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const b of it) out.push(...b);
  return out;
}

describe('streamPositions', () => {
  it('yields every position ordered by mmsi then time, in batches', async () => {
    let batches = 0;
    const ps: Position[] = [];
    for await (const b of streamPositions(store, {}, 5000)) {
      batches++;
      ps.push(...b);
    }
    const n = Number((await store.one<{ n: bigint }>('SELECT count(*) AS n FROM positions'))!.n);
    expect(ps.length).toBe(n);
    expect(batches).toBeGreaterThan(3);
    for (let i = 1; i < ps.length; i++) {
      const a = ps[i - 1];
      const b = ps[i];
      expect(a.mmsi < b.mmsi || (a.mmsi === b.mmsi && a.timeMs <= b.timeMs)).toBe(true);
    }
    // Solent row "2016-01-12 13:02:11.218,235070762,50.7730133333333,-1.092935,157.8,5.9"
    expect(ps.find((p) => p.mmsi === 235070762)).toEqual({
      mmsi: 235070762, timeMs: Date.UTC(2016, 0, 12, 13, 2, 11, 218), lat: 50.7730133333333, lon: -1.092935,
      speedKn: 5.9, courseDeg: 157.8, headingDeg: null, status: null, source: null, stations: null,
    });
  });

  it('filters by mmsi, time and bbox (also across the antimeridian)', async () => {
    const one = await all(streamPositions(store, { mmsi: 235070762, fromMs: Date.UTC(2016, 0, 12, 13, 10), toMs: Date.UTC(2016, 0, 12, 13, 20) }));
    expect(one.length).toBeGreaterThan(10);
    expect(one.every((p) => p.mmsi === 235070762 && p.timeMs >= Date.UTC(2016, 0, 12, 13, 10) && p.timeMs <= Date.UTC(2016, 0, 12, 13, 20))).toBe(true);
    const box = await all(streamPositions(store, { bbox: [-1.2, 50.7, -1.0, 50.8] }));
    expect(box.length).toBeGreaterThan(100);
    expect(box.every((p) => p.lon >= -1.2 && p.lon <= -1.0 && p.lat >= 50.7 && p.lat <= 50.8)).toBe(true);
    // exactEarth has one position at lon 150..180 and one at -120..-90: a box from 140°E across 180° to 90°W
    const wrap = await all(streamPositions(store, { bbox: [140, -90, -90, 90] }));
    const n = Number((await store.one<{ n: bigint }>('SELECT count(*) AS n FROM positions WHERE lon >= 140 OR lon <= -90'))!.n);
    expect(wrap.every((p) => p.lon >= 140 || p.lon <= -90)).toBe(true);
    expect(wrap.length).toBe(n);
    expect(n).toBeGreaterThan(0);
  });
});

describe('streamPositionsByTime', () => {
  it('reads time slices in typed columns: the same positions, fields and order as a plain query', async () => {
    const rows = await store.all<{ mmsi: number; t: number; lat: number; lon: number; speed: number | null; course: number | null; heading: number | null; status: number | null; source: string | null; stations: string[] | null }>(
      `SELECT mmsi, epoch_ms(time)::DOUBLE AS t, lat, lon, speed, course, heading, status, source, stations FROM positions ORDER BY time, mmsi, rowid`,
    );
    const expected: Position[] = rows.map((r) => ({
      mmsi: r.mmsi, timeMs: r.t, lat: r.lat, lon: r.lon,
      speedKn: r.speed === null ? null : Math.round(r.speed * 10) / 10, courseDeg: r.course === null ? null : Math.round(r.course * 10) / 10,
      headingDeg: r.heading, status: r.status, source: r.source as Position['source'], stations: r.stations && r.stations.length > 0 ? r.stations : null,
    }));
    const whole = await all(streamPositionsByTime(store));
    const sliced = await all(streamPositionsByTime(store, {}, 1000, 700));
    expect(whole.length).toBeGreaterThan(3000);
    expect(whole).toEqual(expected);
    expect(sliced).toEqual(expected);
    // The fixture has the cases the sentinels stand for: missing speed, heading and status, both sources, stations.
    expect(whole.some((p) => p.speedKn === null) && whole.some((p) => p.headingDeg === null) && whole.some((p) => p.status === null)).toBe(true);
    expect(new Set(whole.map((p) => p.source))).toEqual(new Set(['terrestrial', 'satellite', null].filter((s) => whole.some((p) => p.source === s))));
    expect(whole.some((p) => p.stations !== null)).toBe(true);
    // With a filter, slices cover exactly the filtered rows.
    const q = { fromMs: whole[100]!.timeMs, toMs: whole[2000]!.timeMs };
    expect(await all(streamPositionsByTime(store, q, 64, 250))).toEqual(expected.filter((p) => p.timeMs >= q.fromMs && p.timeMs <= q.toMs));
  });
});

describe('streamStatics', () => {
  it('yields static reports in time order with length and beam from the antenna distances', async () => {
    const s = await all(streamStatics(store));
    expect(s.length).toBeGreaterThan(500);
    for (let i = 1; i < s.length; i++) expect(s[i - 1].timeMs <= s[i].timeMs).toBe(true);
    const withDims = s.find((r) => r.lengthM !== null)!;
    const row = await store.one<{ to_bow: number; to_stern: number }>('SELECT to_bow, to_stern FROM statics WHERE mmsi = ? AND epoch_ms(time) = ? LIMIT 1', [withDims.mmsi, withDims.timeMs]);
    expect(withDims.lengthM).toBe(Number(row!.to_bow ?? 0) + Number(row!.to_stern ?? 0));
  });
});

describe('identity history', () => {
  it('A -> B -> A is three runs with first/last seen and message counts', async () => {
    await withTempStore(async (s) => {
      await s.run(`CREATE TABLE statics AS SELECT * FROM (VALUES
        (1::UINTEGER, TIMESTAMP '2024-01-01 00:00', 'ALPHA'), (1, TIMESTAMP '2024-01-01 01:00', 'ALPHA'),
        (1, TIMESTAMP '2024-01-02 00:00', 'BRAVO'), (1, TIMESTAMP '2024-01-03 00:00', 'ALPHA'),
        (2, TIMESTAMP '2024-01-01 00:00', 'ALPHA')) t(mmsi, time, shipname)`);
      for (const c of ['callsign', 'destination']) await s.run(`ALTER TABLE statics ADD COLUMN ${c} VARCHAR`);
      for (const c of ['imo', 'shiptype', 'to_bow', 'to_stern', 'to_port', 'to_starboard', 'draught', 'length', 'beam']) {
        await s.run(`ALTER TABLE statics ADD COLUMN ${c} DOUBLE`);
      }
      await s.ensureSchema(IDENTITIES_DDL);
      await rebuildIdentityHistory(s);
      const runs = await readIdentityHistory(s, 1);
      expect(runs.map((r) => [r.value, r.firstSeenMs, r.lastSeenMs, r.messages])).toEqual([
        ['ALPHA', Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1, 1), 2],
        ['BRAVO', Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 2), 1],
        ['ALPHA', Date.UTC(2024, 0, 3), Date.UTC(2024, 0, 3), 1],
      ]);
      expect((await readIdentityHistory(s)).length).toBe(4);
    });
  });
});

describe('export', () => {
  it('CSV, Parquet and GeoJSON hold the filtered positions', async () => {
    const q = { mmsi: [235070762] };
    const n = (await all(streamPositions(store, q))).length;
    const csv = join(dir, 'p.csv');
    expect(await exportPositions(store, { format: 'csv', out: csv, query: q })).toBe(n);
    const rows = readFileSync(csv, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('mmsi,time,lat,lon,speed,course,heading,status,type,source,stations');
    expect(rows[1]).toBe('235070762,2016-01-12T13:02:11.218Z,50.7730133333333,-1.092935,5.9,157.8,,,1,,');
    expect(rows.length).toBe(n + 1);
    const pq = join(dir, "it's.parquet"); // a quote in the path must not break the COPY
    expect(await exportPositions(store, { format: 'parquet', out: pq, query: q })).toBe(n);
    const back = await store.one<{ n: bigint }>('SELECT count(*) AS n FROM read_parquet(?)', [pq]);
    expect(Number(back!.n)).toBe(n);
    const gj = join(dir, 'l.geojson');
    expect(await exportPositions(store, { format: 'geojson', out: gj, query: { mmsi: [235070762, 235013375] }, lines: true })).toBeGreaterThan(n);
    const fc = JSON.parse(readFileSync(gj, 'utf8'));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f: { properties: { mmsi: number } }) => f.properties.mmsi)).toEqual([235013375, 235070762]);
    expect(fc.features[1].geometry.type).toBe('LineString');
    expect(fc.features[1].geometry.coordinates.length).toBe(n);
    expect(fc.features[1].geometry.coordinates[0]).toEqual([-1.092935, 50.7730133333333]);
  });

  it('Parquet partitioned by day: one hive directory per UTC day, every position once', async () => {
    const lake = join(dir, 'lake');
    const n = await exportPositions(store, { format: 'parquet', out: lake, partitionBy: 'day' });
    const total = await store.one<{ n: bigint }>('SELECT count(*) AS n FROM positions');
    expect(n).toBe(Number(total!.n));
    const days = await store.all<{ day: string; n: bigint }>(
      `SELECT strftime(time, '%Y-%m-%d') AS day, count(*) AS n FROM positions GROUP BY day ORDER BY day`);
    expect(readdirSync(lake).filter((f) => f !== LAKE_STATICS_DIR).sort()).toEqual(days.map((d) => `day=${d.day}`));
    const back = await store.all<{ day: string; n: bigint }>(
      `SELECT CAST(day AS VARCHAR) AS day, count(*) AS n FROM read_parquet(?, hive_partitioning = true) GROUP BY day ORDER BY day`, [join(lake, '*', '*.parquet')]);
    expect(back.map((d) => [d.day, Number(d.n)])).toEqual(days.map((d) => [d.day, Number(d.n)]));
    await expect(exportPositions(store, { format: 'csv', out: join(dir, 'x.csv'), partitionBy: 'day' })).rejects.toThrow(/--partition-by is for --format parquet/);
  });

  it('a lake read back (every day, or one) gives the store\'s positions by time and statics in the same order', async () => {
    const lake = join(dir, 'lake-read');
    const n = await exportWithStatics(store, { format: 'parquet', out: lake, partitionBy: 'day' });
    const statics = await store.one<{ n: bigint }>('SELECT count(*) AS n FROM statics');
    expect(n.statics).toBe(Number(statics!.n));
    expect(n.statics).toBeGreaterThan(100);
    const layout = await lakeLayout(lake);
    expect(layout.days.length).toBeGreaterThan(1);
    const flat = async <T>(it: AsyncIterable<T[]>): Promise<T[]> => {
      const out: T[] = [];
      for await (const b of it) out.push(...b);
      return out;
    };
    // Small time slices: the reader's slicing, over a lake view, must not reorder ties either.
    const want = await flat(streamPositionsByTime(store, {}, 4096, 5_000));
    const wantStatics = await flat(streamStatics(store));
    const all = await openLake(lake, layout);
    try {
      expect(await flat(streamPositionsByTime(all, {}, 4096, 5_000))).toEqual(want);
      expect(await flat(streamStatics(all))).toEqual(wantStatics);
    } finally {
      all.close();
    }
    // Day by day, concatenated: the same again (what the cluster's lake work items read).
    const byDay: Position[] = [];
    for (const day of layout.days) {
      const one = await openLake(lake, layout, day);
      try {
        byDay.push(...await flat(streamPositionsByTime(one)));
      } finally {
        one.close();
      }
    }
    expect(byDay).toEqual(want);
    await expect(lakeLayout(join(dir, 'no-lake'))).rejects.toThrow(/no day=YYYY-MM-DD/);
  });
});

describe('stats', () => {
  it('adds up the ingest log and the tables', async () => {
    const s = await storeStats(store);
    const log = s.ingests;
    expect(log.length).toBe(2);
    expect(s.positions).toBe(log[0].positions + log[1].positions);
    expect(s.messages).toBe(log[0].messages + log[1].messages);
    // The CSV says nothing of the source; the exactEarth file's $PGHP 1AIS_S reports are satellite.
    expect(s.bySource).toEqual({ satellite: 1407, unknown: s.positions - 1407 });
    expect(s.bySource.satellite).toBeLessThan(log[1].positions);
    expect(s.rejects).toEqual(log[1].rejects);
    expect(new Date(s.firstMs!).toISOString().slice(0, 10)).toBe('2012-01-31');
    expect(new Date(s.lastMs!).toISOString().slice(0, 10)).toBe('2016-01-12');
  });
});
