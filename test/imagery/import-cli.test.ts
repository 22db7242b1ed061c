// `tumen imagery import` and `tumen detections` end to end on a tiny store: idempotent re-import, rejects
// counted by reason, a broken file imports nothing, and the detection line shape the issue fixes.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgram } from '../../src/cli/main.js';
import { Store } from '../../src/store/db.js';
import { ensurePositionsSchema } from '../../src/store/positions.js';

async function run(args: string[]): Promise<{ out: string; err: string; code: number | undefined }> {
  const program = buildProgram();
  let out = '', err = '';
  const w = process.stdout.write, e = process.stderr.write;
  process.stdout.write = ((s: string) => { out += s; return true; }) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => { err += s; return true; }) as typeof process.stderr.write;
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'tumen', ...args]);
  } finally {
    process.stdout.write = w;
    process.stderr.write = e;
  }
  const code = process.exitCode as number | undefined;
  process.exitCode = undefined;
  return { out, err, code };
}

const T = '2024-03-01T02:00:00Z';
const SCENES = [
  `{"scene_id":"S1","time":"${T}","sensor":"sar","bbox":{"lat_min":42.0,"lat_max":42.5,"lon_min":130.0,"lon_max":130.6}}`,
  `{"scene_id":"S2","time":"${T}","sensor":"optical"}`,
  `{"scene_id":"S3","time":"2019-01-01T00:00:00Z","sensor":"sar","bbox":{"lat_min":42.0,"lat_max":42.5,"lon_min":130.0,"lon_max":130.6}}`,
].join('\n');
const DETECTIONS = [
  'detection_id,scene_id,time,lat,lon,length_m,sensor',
  `d-ais,S1,${T},42.2001,130.3001,118,sar`,
  `d-dark,S1,${T},42.1,130.5,150,sar`,
  `d-out,S1,${T},43.0,130.3,100,sar`,
  `d-neg,S1,${T},42.2,130.3,-3,sar`,
  `d-none,S9,${T},42.2,130.3,100,sar`,
  `d-old,S3,2019-01-01T00:00:00Z,42.2,130.3,100,sar`,
].join('\n');

async function fixtureStore(dir: string): Promise<string> {
  const db = join(dir, 't.duckdb');
  const store = await Store.open(db);
  await ensurePositionsSchema(store);
  // One ship moored at 42.2 N 130.3 E reporting every 10 min around the scene, 120 m long.
  await store.run(`INSERT INTO positions (mmsi, time, lat, lon, speed, course, dedup_key)
    SELECT 273000001, TIMESTAMP '2024-03-01 00:00:00' + INTERVAL (i * 10) MINUTE, 42.2, 130.3, 0, 0, i FROM range(0, 25) t(i)`);
  await store.run(`INSERT INTO statics (mmsi, time, shipname, to_bow, to_stern, dedup_key) VALUES (273000001, TIMESTAMP '2024-03-01 00:00:00', 'TEST SHIP', 100, 20, 1)`);
  store.close();
  return db;
}

describe('tumen imagery import / detections', () => {
  it('imports once, re-imports as unchanged, counts every reject by reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'img-'));
    const db = await fixtureStore(dir);
    writeFileSync(join(dir, 'scenes.jsonl'), SCENES);
    writeFileSync(join(dir, 'detections.csv'), DETECTIONS);
    const args = ['imagery', 'import', '--db', db, '--scenes', join(dir, 'scenes.jsonl'), '--detections', join(dir, 'detections.csv')];
    const first = await run(args);
    expect(first.out).toBe(
      'scenes: 3 read, 1 new, 0 updated, 0 unchanged, 2 rejected (far_from_ais_data 1, no_footprint 1)\n' +
      'detections: 6 read, 2 new, 0 updated, 0 unchanged, 4 rejected (negative_length 1, outside_scene 1, scene_rejected 1, unknown_scene 1)\n',
    );
    const again = await run(args);
    expect(again.out).toMatch(/^scenes: 3 read, 0 new, 0 updated, 1 unchanged/);
    expect(again.out).toMatch(/detections: 6 read, 0 new, 0 updated, 2 unchanged/);

    const fused = await run(['detections', '--db', db]);
    const lines = fused.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(Object.keys(lines[0]).slice(0, 9)).toEqual(['detection_id', 'scene_id', 'time', 'lat', 'lon', 'mmsi', 'confidence', 'dark', 'candidates']);
    const byId = Object.fromEntries(lines.map((l) => [l.detection_id, l]));
    expect(byId['d-ais']).toMatchObject({ mmsi: 273000001, dark: false, time: T });
    expect(byId['d-ais'].confidence).toBeGreaterThan(0.5);
    expect(byId['d-dark']).toMatchObject({ mmsi: null, dark: true });
    const missed = await run(['detections', '--db', db, '--missed']);
    expect(JSON.parse(missed.out.trim())).toMatchObject({ scene_id: 'S1', detections: 2, matched: 1, dark: 1, missed: [] });
    const csv = await run(['detections', '--db', db, '--format', 'csv', '--scene', 'S1']);
    expect(csv.out.split('\n')[0]).toBe('detection_id,scene_id,time,lat,lon,length_m,mmsi,confidence,dark,top_candidate,top_score,candidates');
    const none = await run(['detections', '--db', db, '--scene', 'NOPE']);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/no scene "NOPE"/);
  });

  it('imports nothing when a file is not a scenes/detections file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'img-'));
    const db = await fixtureStore(dir);
    writeFileSync(join(dir, 'scenes.jsonl'), SCENES);
    writeFileSync(join(dir, 'bad.csv'), 'foo,bar\n1,2\n');
    const r = await run(['imagery', 'import', '--db', db, '--scenes', join(dir, 'scenes.jsonl'), '--detections', join(dir, 'bad.csv')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/lacks detection_id.*nothing imported/);
    const list = await run(['detections', '--db', db]);
    expect(list.out).toBe('');
  });
});
