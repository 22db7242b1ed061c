// kill -9 in the middle of a file, rerun the same command: the store ends identical to one clean run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/db.js';
import { ingestFiles } from '../../src/ingest/ingest.js';
import { fixture, tempDir } from './helpers.js';
import { cliArgv } from '../cli-process.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

const BATCH = 1000;
function cliArgs(db: string, file: string): string[] {
  return cliArgv(['ingest', '--db', db, '--start', '2012-01-01', '--batch', String(BATCH), file]);
}

/** The same ingest in this process (same options as the command). */
async function ingestHere(db: string, file: string) {
  const store = await Store.open(db);
  try {
    return await ingestFiles(store, [file], { startMs: Date.UTC(2012, 0, 1), batchRows: BATCH });
  } finally {
    store.close();
  }
}

async function fingerprint(db: string) {
  const store = await Store.open(db, { readOnly: true });
  try {
    const one = async (sql: string) => Object.values((await store.one<Record<string, unknown>>(sql))!).map((v) => String(v));
    return {
      positions: await one(`SELECT count(*), sum(hash(mmsi, time, lat, lon, speed, course, heading, status, stations)) FROM positions`),
      statics: await one(`SELECT count(*), sum(hash(mmsi, time, shipname, callsign, imo, destination, draught)) FROM statics`),
      identities: await one(`SELECT count(*), sum(hash(mmsi, field, value, first_seen, last_seen, messages)) FROM identity_history`),
      log: await one(`SELECT count(*), min(status), max(status), sum(lines), sum(messages), sum(positions), sum(statics), sum(duplicates), sum(not_stored), string_agg(rejects::VARCHAR, ';') FROM ingest_log`),
    };
  } finally {
    store.close();
  }
}

describe('resume after kill -9', () => {
  it('keeps committed batches and completes the file on rerun with no duplicates', async () => {
    const { dir, cleanup } = tempDir();
    try {
      // Real captures concatenated: DMA ($PGHP), exactEarth (satellite), AMSA (mostly untimed -> --start).
      const input = join(dir, 'capture.nmea');
      writeFileSync(input, Buffer.concat([
        gunzipSync(readFileSync(fixture('ais', 'dma-stream_example.txt.gz'))),
        gunzipSync(readFileSync(fixture('ingest', 'amsa-exact-earth-augmented.txt.gz'))),
        gunzipSync(readFileSync(fixture('ais', 'amsa-ais.txt.gz'))),
      ]));
      const size = statSync(input).size;

      const clean = join(dir, 'clean.duckdb');
      expect((await ingestHere(clean, input))[0].status).toBe('done');

      const killed = join(dir, 'killed.duckdb');
      const child = spawn(process.execPath, cliArgs(killed, input), { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
      let exited = false;
      child.on('exit', () => (exited = true));
      // Kill once a few batches are committed (the WAL grows with each commit).
      const wal = `${killed}.wal`;
      const deadline = Date.now() + 50_000;
      while (!exited && Date.now() < deadline && !(existsSync(wal) && statSync(wal).size > 300_000)) {
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(exited, 'the ingest finished before it could be killed: input too small').toBe(false);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));

      const store = await Store.open(killed);
      const mid = await store.one<{ status: string; committed_offset: bigint; n: bigint }>(
        'SELECT status, committed_offset, (SELECT count(*) FROM positions) AS n FROM ingest_log');
      store.close();
      expect(mid!.status).toBe('running');
      expect(Number(mid!.committed_offset)).toBeGreaterThan(0);
      expect(Number(mid!.committed_offset)).toBeLessThan(size);
      expect(Number(mid!.n)).toBeGreaterThan(0);

      const rerun = spawnSync(process.execPath, cliArgs(killed, input), { cwd: root, encoding: 'utf8' });
      expect(rerun.status, rerun.stderr).toBe(0);
      const [a, b] = [await fingerprint(clean), await fingerprint(killed)];
      expect(Number(a.positions[0])).toBeGreaterThan(20000);
      expect(b).toEqual(a);

      // and a third run adds nothing
      const third = await ingestHere(killed, input);
      expect(third[0].status).toBe('skipped');
      expect(await fingerprint(killed)).toEqual(a);
    } finally {
      cleanup();
    }
  }, 120_000);
});
