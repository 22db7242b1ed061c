// kill -9 during `detect`, `lists import`, `imagery import` and a served write, then the same command again: the store ends
// as one clean run leaves it. (kill -9 during `ingest` is test/ingest/resume.test.ts.) The kill lands where
// the clock puts it — before, during or after the write transaction — and each of those must end the same.
import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { withStore } from '../../src/store/db.js';
import { startServer } from '../../src/server/start.js';
import { ingestFiles } from '../../src/ingest/ingest.js';
import { fixture, tempDir } from '../ingest/helpers.js';
import { SANCTIONS_FIXTURES } from '../fixtures/sanctions/load.js';
import { tumen } from '../cli-harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = join(root, 'test', 'ingest', 'run-cli.ts');
const SDN = join(SANCTIONS_FIXTURES, 'ofac-2021', 'sdn.csv.gz');

/** Starts the CLI in a child process and kills it with SIGKILL after `afterMs` (or when it exits first). */
async function killedRun(args: string[], afterMs: number, env: NodeJS.ProcessEnv = {}): Promise<{ killed: boolean }> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: root, stdio: 'ignore', env: { ...process.env, ...env } });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const timer = new Promise<'timer'>((r) => setTimeout(() => r('timer'), afterMs));
  const first = await Promise.race([exited.then(() => 'exit' as const), timer]);
  if (first === 'timer') child.kill('SIGKILL');
  await exited;
  return { killed: first === 'timer' };
}

async function fingerprint(db: string): Promise<Record<string, string>> {
  return withStore(db, async (store) => {
    const one = async (sql: string) => Object.values((await store.one<Record<string, unknown>>(sql)) ?? {}).map(String).join(' ');
    const has = async (t: string) => Number((await store.one<{ n: bigint }>('SELECT count(*) AS n FROM information_schema.tables WHERE table_name = $t', { t }))!.n) > 0;
    const out: Record<string, string> = {};
    if (await has('events')) out.events = await one('SELECT count(*), sum(hash(id, type, mmsi, start, "end", body)) FROM events');
    if (await has('list_entries')) out.lists = await one('SELECT count(*), sum(hash(list, key, body)) FROM list_entries');
    if (await has('lists')) out.listRows = await one('SELECT count(*), string_agg(name || version || entries || vessels, \';\') FROM lists');
    if (await has('imagery_scenes')) out.scenes = await one('SELECT count(*), sum(hash(scene_id, time, sensor, lat_min, lat_max, lon_min, lon_max)) FROM imagery_scenes');
    if (await has('imagery_detections')) out.detections = await one('SELECT count(*), sum(hash(detection_id, scene_id, time, lat, lon, length_m, sensor)) FROM imagery_detections');
    if (await has('positions')) out.positions = await one('SELECT count(*), sum(hash(mmsi, time, lat, lon)) FROM positions');
    return out;
  });
}

describe('kill -9, then the same command again', () => {
  it('detect: killed mid-run, rerun = clean run', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const base = join(dir, 'base.duckdb');
      await withStore(base, (s) => ingestFiles(s, [fixture('ais', 'dma-stream_example.txt.gz')]));
      const clean = join(dir, 'clean.duckdb');
      copyFileSync(base, clean);
      expect((await tumen(['detect', '--db', clean])).status).toBe(0);
      const want = await fingerprint(clean);
      expect(Number(want.events.split(' ')[0])).toBeGreaterThan(0);
      for (const afterMs of [4000]) {
        const db = join(dir, `killed-${afterMs}.duckdb`);
        copyFileSync(base, db);
        await killedRun(['detect', '--db', db], afterMs);
        expect((await tumen(['detect', '--db', db])).status).toBe(0);
        expect(await fingerprint(db)).toEqual(want);
      }
    } finally {
      cleanup();
    }
  }, 120_000);

  it('lists import: killed mid-run, rerun = clean run; the list is never half loaded', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const clean = join(dir, 'clean.duckdb');
      expect((await tumen(['lists', 'import', SDN, '--db', clean])).status).toBe(0);
      const want = await fingerprint(clean);
      for (const afterMs of [4000]) {
        const db = join(dir, `killed-${afterMs}.duckdb`);
        await killedRun(['lists', 'import', SDN, '--db', db], afterMs);
        const mid = await fingerprint(db);
        // Whatever the kill left: no list (no table yet, or the migrated empty table), or the whole list.
        expect([undefined, '0 null', want.lists]).toContain(mid.lists);
        expect((await tumen(['lists', 'import', SDN, '--db', db])).status).toBe(0);
        expect((await fingerprint(db)).lists).toEqual(want.lists);
      }
    } finally {
      cleanup();
    }
  }, 120_000);

  it('a served write (list upload): server killed mid-request, restarted, upload again = a clean upload', async () => {
    const { dir, cleanup } = tempDir();
    const token = 'kill-token-0123456789abcdef';
    const upload = async (url: string) => fetch(`${url}/api/lists?format=ofac&filename=sdn.csv.gz`, {
      method: 'POST', body: readFileSync(SDN), headers: { authorization: `Bearer ${token}` },
    });
    const uploadHere = async (db: string) => {
      const server = await startServer({ dbPath: db, port: 0, token, webRoot: null });
      try {
        expect((await upload(server.url)).status).toBe(201);
      } finally {
        await server.close();
      }
    };
    try {
      const clean = join(dir, 'clean.duckdb');
      await uploadHere(clean);
      const want = await fingerprint(clean);
      const db = join(dir, 'served.duckdb');
      const port = 20000 + Math.floor(Math.random() * 20000);
      const child = spawn(process.execPath, ['--import', 'tsx', entry, 'serve', '--db', db, '--port', String(port)], {
        cwd: root, stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, TUMEN_API_TOKEN: token },
      });
      await new Promise<void>((r) => child.stdout!.on('data', (d) => { if (String(d).includes('tumen serve: http')) r(); }));
      const pending = upload(`http://127.0.0.1:${port}`).catch(() => null);
      await new Promise((r) => setTimeout(r, 400));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      await pending;
      const mid = await fingerprint(db);
      // Nothing loaded (no table yet, or its empty table created before the import's transaction), or all.
      expect([undefined, '0 null', want.lists]).toContain(mid.lists);
      await uploadHere(db);
      expect((await fingerprint(db)).lists).toEqual(want.lists);
    } finally {
      cleanup();
    }
  }, 120_000);
  it('imagery import: killed mid-run, rerun = clean run; scenes and detections never half imported', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const base = join(dir, 'base.duckdb');
      await withStore(base, (s) => ingestFiles(s, [fixture('ais', 'dma-stream_example.txt.gz')]));
      const span = await withStore(base, (s) => s.one<{ t: number; lat: number; lon: number }>(
        'SELECT epoch_ms(min(time))::DOUBLE AS t, avg(lat) AS lat, avg(lon) AS lon FROM positions'));
      // Scenes over the capture's area at its time, each with detections inside its footprint: enough rows
      // that the import takes a while, so the kill can land inside it.
      const scenes: string[] = [];
      const detections = ['detection_id,scene_id,time,lat,lon,length_m,sensor'];
      for (let k = 0; k < 300; k++) {
        const time = new Date(span!.t + k * 60_000).toISOString();
        const lat0 = span!.lat - 0.5 + (k % 10) * 0.1;
        const lon0 = span!.lon - 0.5 + Math.floor(k / 10) * 0.03;
        scenes.push(JSON.stringify({ scene_id: `s${k}`, time, sensor: 'sar', bbox: { lat_min: lat0, lat_max: lat0 + 0.1, lon_min: lon0, lon_max: lon0 + 0.1 } }));
        for (let d = 0; d < 200; d++) {
          detections.push(`d${k}-${d},s${k},${time},${(lat0 + 0.0004 * (d + 1)).toFixed(5)},${(lon0 + 0.0004 * (d + 1)).toFixed(5)},${50 + d},sar`);
        }
      }
      const scenesFile = join(dir, 'scenes.jsonl');
      const detectionsFile = join(dir, 'detections.csv');
      writeFileSync(scenesFile, `${scenes.join('\n')}\n`);
      writeFileSync(detectionsFile, `${detections.join('\n')}\n`);
      const args = (db: string) => ['imagery', 'import', '--scenes', scenesFile, '--detections', detectionsFile, '--db', db];
      const clean = join(dir, 'clean.duckdb');
      copyFileSync(base, clean);
      expect((await tumen(args(clean))).status).toBe(0);
      const want = await fingerprint(clean);
      expect(Number(want.detections.split(' ')[0])).toBe(60_000);
      let killed = 0;
      for (const afterMs of [3000, 5000]) {
        const db = join(dir, `killed-${afterMs}.duckdb`);
        copyFileSync(base, db);
        if ((await killedRun(args(db), afterMs)).killed) killed++;
        const mid = await fingerprint(db);
        // Whatever the kill left: no imagery, or all of it.
        expect([undefined, '0 null', want.detections]).toContain(mid.detections);
        expect([undefined, '0 null', want.scenes]).toContain(mid.scenes);
        expect((await tumen(args(db))).status).toBe(0);
        expect(await fingerprint(db)).toEqual(want);
      }
      expect(killed).toBeGreaterThan(0); // at least one run was still going when killed
    } finally {
      cleanup();
    }
  }, 180_000);
});
