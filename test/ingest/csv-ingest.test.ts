// CSV exports through DuckDB's reader: presets detected from the header, values and sentinels mapped.
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/ingest/ingest.js';
import { parseColumnMap } from '../../src/ingest/formats.js';
import { readIdentityHistory } from '../../src/store/identities.js';
import { count, fixture, withTempStore } from './helpers.js';

describe('Danish Maritime Authority aisdk export', () => {
  it('is detected and its text statuses and day-first times are decoded', async () => {
    await withTempStore(async (store) => {
      const [r] = await ingestFiles(store, [fixture('ingest', 'dma-aisdk_20180208_sample.csv')]);
      expect(r.format).toBe('dma');
      expect(r.counts!.positions).toBe(10);
      // row "92,08/02/2018 00:00:00,Class A,244678000,57.549578,11.666492,At anchor,-5.4,0.2,162.7,227.0,..."
      const row = await store.one(`SELECT strftime(time, '%Y-%m-%dT%H:%M:%S') AS t, lat, lon, round(speed::DOUBLE, 1) AS speed,
        round(course::DOUBLE, 1) AS course, heading, status, type FROM positions WHERE mmsi = 244678000`);
      expect(row).toEqual({ t: '2018-02-08T00:00:00', lat: 57.549578, lon: 11.666492, speed: 0.2, course: 162.7, heading: 227, status: 1, type: 1 });
      // "Reserved for future amendment [HSC]" -> 9, "Unknown value" -> 15
      expect(await count(store, 'SELECT count(*) FROM positions WHERE status = 9')).toBe(1);
      expect(await count(store, 'SELECT count(*) FROM positions WHERE status = 15')).toBe(2);
    });
  });
});

describe('MarineCadastre/NOAA layout', () => {
  it('is detected; heading 511 becomes null', async () => {
    await withTempStore(async (store) => {
      const [r] = await ingestFiles(store, [fixture('ingest', 'marinecadastre-derived-solent.csv')]);
      expect(r.format).toBe('marinecadastre');
      expect(r.counts!.positions).toBe(30);
      expect(await count(store, 'SELECT count(*) FROM positions WHERE heading IS NULL AND type = 1')).toBe(30);
      const row = await store.one(`SELECT strftime(time, '%Y-%m-%dT%H:%M:%S') AS t, lat, lon FROM positions WHERE mmsi = 235070762 ORDER BY time LIMIT 1`);
      expect(row).toEqual({ t: '2016-01-12T13:02:11', lat: 50.7730133333333, lon: -1.092935 });
    });
  });
});

describe('generic CSV', () => {
  it('Solent CSV (gzip) maps by header names; exact duplicate rows are stored once', async () => {
    await withTempStore(async (store) => {
      const [r] = await ingestFiles(store, [fixture('ingest', 'solent-SolentAIS_20160112_130211.csv.gz')]);
      expect(r.format).toBe('csv');
      expect(r.counts!.messages).toBe(18623);
      expect(r.counts!.positions + r.counts!.duplicates).toBe(18623);
      expect(await count(store, 'SELECT count(*) FROM positions')).toBe(r.counts!.positions);
      expect(await count(store, 'SELECT count(DISTINCT mmsi) FROM positions')).toBe(91);
      // millisecond times survive: 2016-01-12 13:02:11.218,235070762,...
      expect(await count(store, `SELECT epoch_ms(time) FROM positions WHERE mmsi = 235070762 ORDER BY time LIMIT 1`)).toBe(Date.UTC(2016, 0, 12, 13, 2, 11, 218));
    });
  });

  it('a gzip CSV is recognised by its bytes, whatever its name', async () => {
    await withTempStore(async (store, dir) => {
      const f = join(dir, 'solent.export');
      writeFileSync(f, readFileSync(fixture('ingest', 'solent-SolentAIS_20160112_130211.csv.gz')));
      const [r] = await ingestFiles(store, [f]);
      expect(r.format).toBe('csv');
      expect(r.counts!.messages).toBe(18623);
    });
  });

  it('NARI layout: epoch-second times', async () => {
    await withTempStore(async (store) => {
      const [r] = await ingestFiles(store, [fixture('ingest', 'nari-dynamic.csv')]);
      expect(r.counts!.positions).toBe(10);
      // 245257000,0,0,0.1,13.1,36,-4.4657183,48.38249,1443650402
      const row = await store.one('SELECT epoch_ms(time)::DOUBLE AS t, lat, lon, heading FROM positions WHERE mmsi = 245257000 ORDER BY time LIMIT 1');
      expect(row).toEqual({ t: 1443650402000, lat: 48.38249, lon: -4.4657183, heading: 36 });
      expect(await count(store, 'SELECT count(*) FROM positions WHERE heading IS NULL')).toBe(7); // the 7 rows with 511 = not available
    });
  });

  it('--columns maps arbitrary headers; bad rows are counted by reason', async () => {
    await withTempStore(async (store, dir) => {
      // the NARI rows with renamed headers, plus three broken copies of real rows
      const src = readFileSync(fixture('ingest', 'nari-dynamic.csv'), 'utf8').trim().split('\n');
      const body = src.slice(1);
      const broken = [
        body[0].replace('1443650402', 'yesterday'), // unparseable time
        body[1].replace('48.38242', '123.5'), // latitude out of range
        body[2].replace('228131600', ''), // no MMSI
      ];
      const f = join(dir, 'renamed.csv');
      writeFileSync(f, `${['id', 'nav', 'rot', 'knots', 'cog', 'hdg', 'x_deg', 'y_deg', 'epoch'].join(',')}\n${[...body, ...broken].join('\n')}\n`);
      const columns = parseColumnMap('mmsi=id,time=epoch,lat=y_deg,lon=x_deg,speed=knots,course=cog,heading=hdg,status=nav');
      const [r] = await ingestFiles(store, [f], { columns });
      expect(r.status).toBe('done');
      expect(r.counts!.positions).toBe(10);
      expect(r.counts!.rejects).toEqual({ bad_time: 1, out_of_range: 1, truncated: 1 });
      const strict = await ingestFiles(store, [f], { columns, strict: true }).catch((e: Error) => e.message);
      // already ingested: skipped, so strict has nothing to stop at
      expect(strict).not.toBeInstanceOf(Error);
    });
  });

  it('a CSV without a recognisable column fails with the list of columns', async () => {
    await withTempStore(async (store, dir) => {
      const f = join(dir, 'odd.csv');
      writeFileSync(f, 'a,b,c\n1,2,3\n');
      const [r] = await ingestFiles(store, [f]);
      expect(r.status).toBe('failed');
      expect(r.message).toMatch(/no mmsi column recognised \(columns: a, b, c\).*--columns mmsi=COLUMN/);
    });
  });
});

describe('identity history', () => {
  it('records every change per field as its own run (real: AMSA terrestrial vs exactEarth satellite)', async () => {
    await withTempStore(async (store) => {
      await ingestFiles(store, [fixture('ingest', 'amsa-exact-earth-augmented.txt.gz')]);
      const runs = await readIdentityHistory(store);
      expect(runs.length).toBeGreaterThan(1000);
      const fields = new Set(runs.map((r) => r.field));
      for (const f of ['shipname', 'callsign', 'imo', 'shiptype', 'destination', 'draught', 'to_bow']) expect(fields.has(f as never)).toBe(true);
      // every run's message count adds up to the static reports carrying that field
      const byField = await store.all<{ n: bigint }>('SELECT count(*) AS n FROM statics WHERE shipname IS NOT NULL');
      expect(runs.filter((r) => r.field === 'shipname').reduce((a, r) => a + r.messages, 0)).toBe(Number(byField[0].n));
    });
  });
});
