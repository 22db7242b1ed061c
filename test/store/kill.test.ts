// kill -9 during `detect`, `lists import`, `imagery import` and a served write, then the same command again: the store ends
// as one clean run leaves it. (kill -9 during `ingest` is test/ingest/resume.test.ts.) Each kill lands where the
// run is seen writing — its store's write-ahead log appears or grows past a size — not at a time on the clock,
// which on a loaded machine fell before the run had written anything (the command was still starting).
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withStore } from '../../src/store/db.js';
import { startServer } from '../../src/server/start.js';
import { ingestFiles } from '../../src/ingest/ingest.js';
import { fixture, tempDir } from '../ingest/helpers.js';
import { SANCTIONS_FIXTURES } from '../fixtures/sanctions/load.js';
import { tumen } from '../cli-harness.js';
import { CLI_CWD, cliArgv } from '../cli-process.js';


const walBytes = (db: string): number => (existsSync(`${db}.wal`) ? statSync(`${db}.wal`).size : 0);

/** Waits (polling every 5 ms) until `until()` holds, then kills `child` with SIGKILL; `killed` is false when
 *  the child exited first. */
async function killWhen(child: ReturnType<typeof spawn>, until: () => boolean): Promise<{ killed: boolean }> {
  let exited = false;
  const done = new Promise<void>((r) => child.once('exit', () => { exited = true; r(); }));
  while (!exited && !until()) await new Promise((r) => setTimeout(r, 5));
  const killed = !exited;
  if (killed) child.kill('SIGKILL');
  await done;
  return { killed };
}

/** Runs `tumen ARGS` in a child process and kills it once its store's write-ahead log holds more than `overBytes`. */
async function killedRun(args: string[], db: string, overBytes: number): Promise<{ killed: boolean }> {
  const child = spawn(process.execPath, cliArgv(args), { cwd: CLI_CWD, stdio: 'ignore' });
  return killWhen(child, () => walBytes(db) > overBytes);
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

/** A list import writes its whole list in one commit: ~2 KB of write-ahead log per entry (17 MB for OFAC's
 *  whole SDN). Past 1 MB the kill lands inside that commit (or just after it), well above the few hundred
 *  bytes a new store's schema writes first. */
const MID_LIST_COMMIT_BYTES = 1 << 20;
/** OFAC's SDN cut to its first entries: a commit of a few MB, a sixth of the whole list's parse and index. */
const LIST_ENTRIES = 1500;

// Built once for the file: a store of a real capture (for detect and imagery), the cut SDN list and that list
// as one clean CLI import leaves it.
let shared: { dir: string; cleanup: () => void };
let base: string;
let sdn: string;
let cleanLists: Record<string, string>;
beforeAll(async () => {
  shared = tempDir();
  base = join(shared.dir, 'base.duckdb');
  await withStore(base, (s) => ingestFiles(s, [fixture('ais', 'dma-stream_example.txt.gz')]));
  sdn = join(shared.dir, 'sdn.csv');
  const rows = gunzipSync(readFileSync(join(SANCTIONS_FIXTURES, 'ofac-2021', 'sdn.csv.gz'))).toString('latin1').split('\n');
  writeFileSync(sdn, `${rows.slice(0, LIST_ENTRIES).join('\n')}\n`, 'latin1');
  const clean = join(shared.dir, 'clean-lists.duckdb');
  expect((await tumen(['lists', 'import', sdn, '--db', clean])).status).toBe(0);
  cleanLists = await fingerprint(clean);
  expect(Number(cleanLists.lists.split(' ')[0])).toBe(LIST_ENTRIES);
}, 180_000);
afterAll(() => shared?.cleanup());

describe('kill -9, then the same command again', () => {
  it('detect: killed once it has begun writing, rerun = clean run', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const clean = join(dir, 'clean.duckdb');
      copyFileSync(base, clean);
      expect((await tumen(['detect', '--db', clean])).status).toBe(0);
      const want = await fingerprint(clean);
      expect(Number(want.events.split(' ')[0])).toBeGreaterThan(0);
      const db = join(dir, 'killed.duckdb');
      copyFileSync(base, db);
      // Its first commit (the store held no write-ahead log before): the events are still to come.
      expect((await killedRun(['detect', '--db', db], db, 0)).killed).toBe(true);
      expect((await tumen(['detect', '--db', db])).status).toBe(0);
      expect(await fingerprint(db)).toEqual(want);
    } finally {
      cleanup();
    }
  }, 120_000);

  it('lists import: killed inside its commit, rerun = clean run; the list is never half loaded', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const db = join(dir, 'killed.duckdb');
      expect((await killedRun(['lists', 'import', sdn, '--db', db], db, MID_LIST_COMMIT_BYTES)).killed).toBe(true);
      const mid = await fingerprint(db);
      // Whatever the kill left: no list (no table yet, or the migrated empty table), or the whole list.
      expect([undefined, '0 null', cleanLists.lists]).toContain(mid.lists);
      expect((await tumen(['lists', 'import', sdn, '--db', db])).status).toBe(0);
      expect((await fingerprint(db)).lists).toEqual(cleanLists.lists);
    } finally {
      cleanup();
    }
  }, 120_000);

  it('a served write (list upload): server killed inside its commit, restarted, upload again = a clean upload', async () => {
    const { dir, cleanup } = tempDir();
    const token = 'kill-token-0123456789abcdef';
    const upload = async (url: string) => fetch(`${url}/api/lists?format=ofac&filename=sdn.csv`, {
      method: 'POST', body: readFileSync(sdn), headers: { authorization: `Bearer ${token}` },
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
      const child = spawn(process.execPath, cliArgv(['serve', '--db', db, '--port', '0']), {
        cwd: CLI_CWD, stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, TUMEN_API_TOKEN: token },
      });
      const url = await new Promise<string>((r) => {
        let out = '';
        child.stdout!.on('data', (d) => { out += String(d); const m = /tumen serve: (http:\/\/\S+)/.exec(out); if (m) r(m[1]); });
      });
      const before = walBytes(db);
      const pending = upload(url).catch(() => null);
      expect((await killWhen(child, () => walBytes(db) > before + MID_LIST_COMMIT_BYTES)).killed).toBe(true);
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

  it('imagery import: killed once it writes, rerun = clean run; scenes and detections never half imported', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const span = await withStore(base, (s) => s.one<{ t: number; lat: number; lon: number }>(
        'SELECT epoch_ms(min(time))::DOUBLE AS t, avg(lat) AS lat, avg(lon) AS lon FROM positions'));
      // Scenes over the capture's area at its time, each with detections inside its footprint (the kill waits
      // for the import's write, not the clock: no need for an import long enough to be caught by a timer).
      const scenes: string[] = [];
      const detections = ['detection_id,scene_id,time,lat,lon,length_m,sensor'];
      for (let k = 0; k < 100; k++) {
        const time = new Date(span!.t + k * 60_000).toISOString();
        const lat0 = span!.lat - 0.5 + (k % 10) * 0.1;
        const lon0 = span!.lon - 0.5 + Math.floor(k / 10) * 0.03;
        scenes.push(JSON.stringify({ scene_id: `s${k}`, time, sensor: 'sar', bbox: { lat_min: lat0, lat_max: lat0 + 0.1, lon_min: lon0, lon_max: lon0 + 0.1 } }));
        for (let d = 0; d < 40; d++) {
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
      expect(Number(want.detections.split(' ')[0])).toBe(4000);
      const db = join(dir, 'killed.duckdb');
      copyFileSync(base, db);
      // Its first write (the store held no write-ahead log before): the import's one commit, or what precedes it.
      expect((await killedRun(args(db), db, 0)).killed).toBe(true);
      const mid = await fingerprint(db);
      // Whatever the kill left: no imagery, or all of it — never the scenes without their detections.
      expect([undefined, '0 null', want.detections]).toContain(mid.detections);
      expect([undefined, '0 null', want.scenes]).toContain(mid.scenes);
      expect(mid.detections === want.detections).toBe(mid.scenes === want.scenes);
      expect((await tumen(args(db))).status).toBe(0);
      expect(await fingerprint(db)).toEqual(want);
    } finally {
      cleanup();
    }
  }, 180_000);
});
