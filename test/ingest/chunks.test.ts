// A plain NMEA file decoded in chunks by several threads must give the store one thread gives (same rows,
// identity runs and counts), and a kill -9 in the middle of such an ingest must resume to that same store.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeWorld } from '../../src/cli/commands/simulate.js';
import { chunkBytesFor, contextOffsetBefore, MIN_CHUNK_BYTES, planChunks } from '../../src/ingest/file-chunks.js';
import { ingestFiles, type IngestOptions } from '../../src/ingest/ingest.js';
import { Store } from '../../src/store/db.js';
import { tempDir } from './helpers.js';
import { cliArgv } from '../cli-process.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Everything a chunked ingest could get wrong: rows, stations, identity runs, the log's counts. */
async function fingerprint(db: string) {
  const store = await Store.open(db, { readOnly: true });
  try {
    const one = async (sql: string) => Object.values((await store.one<Record<string, unknown>>(sql))!).map((v) => String(v));
    return {
      positions: await one(`SELECT count(*), sum(hash(mmsi, time, lat, lon, speed, course, heading, status, stations)) FROM positions`),
      statics: await one(`SELECT count(*), sum(hash(mmsi, time, shipname, callsign, imo, destination, draught, stations)) FROM statics`),
      identities: await one(`SELECT count(*), sum(hash(mmsi, field, value, first_seen, last_seen, messages)) FROM identity_history`),
      log: await one(`SELECT count(*), min(status), sum(lines), sum(messages), sum(positions), sum(statics), sum(duplicates), sum(not_stored), string_agg(rejects::VARCHAR, ';'), string_agg(skipped::VARCHAR, ';') FROM ingest_log`),
    };
  } finally {
    store.close();
  }
}

async function ingestInto(db: string, file: string, opts: IngestOptions) {
  const store = await Store.open(db);
  try {
    const [r] = await ingestFiles(store, [file], opts);
    expect(r.status, r.message ?? '').toBe('done');
    return r;
  } finally {
    store.close();
  }
}

describe('file chunks', () => {
  it('a chunk begins 8 lines before its first counted line (the resume context), and chunks tile the file', () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, 'lines.txt');
      const lines = Array.from({ length: 40 }, (_, i) => `line ${i} ${'x'.repeat(i % 7)}`);
      writeFileSync(file, `${lines.join('\n')}\n`);
      const starts = lines.map((_, i) => lines.slice(0, i).reduce((a, l) => a + l.length + 1, 0));
      // The first line starting at or after offset starts[20] + 3 is line 21: context = lines 13..20.
      expect(contextOffsetBefore(file, starts[20] + 3)).toBe(starts[13]);
      expect(contextOffsetBefore(file, starts[20])).toBe(starts[12]); // lines 12..19 before line 20
      expect(contextOffsetBefore(file, starts[5])).toBe(0);
      expect(contextOffsetBefore(file, 0)).toBe(0);

      const c = planChunks(10, 100, 1000, 300);
      expect(c.map((x) => [x.contextOffset, x.start, x.end])).toEqual([[10, 100, 400], [-1, 400, 700], [-1, 700, Infinity]]);
      expect(planChunks(0, 0, 50, 300).map((x) => x.end)).toEqual([Infinity]);
      expect(chunkBytesFor(10_000, 2)).toBe(MIN_CHUNK_BYTES);
      expect(chunkBytesFor(8e9, 2)).toBe(32 << 20);
    } finally {
      cleanup();
    }
  });

  describe('on a simulated world (tag blocks, multipart statics, late satellite lines)', () => {
    const { dir, cleanup } = tempDir();
    let file = '';
    beforeAll(async () => {
      file = (await writeWorld(join(dir, 'w'), { vessels: 40, days: 1, seed: 7 })).nmeaPath;
    }, 60_000);
    afterAll(cleanup);

    it('one thread, chunks in this thread, and two worker threads store the same', async () => {
      const batchRows = 5000;
      await ingestInto(join(dir, 'one.duckdb'), file, { batchRows, threads: 1 });
      const here = await ingestInto(join(dir, 'here.duckdb'), file, { batchRows, worker: false, threads: 2, chunkBytes: 150_000 });
      await ingestInto(join(dir, 'two.duckdb'), file, { batchRows, threads: 2, chunkBytes: 230_000 });
      const one = await fingerprint(join(dir, 'one.duckdb'));
      expect(Number(one.positions[0])).toBeGreaterThan(10_000);
      expect(here.counts!.lines).toBeGreaterThan(statSync(file).size / 150_000 * 100); // many chunks' lines
      expect(await fingerprint(join(dir, 'here.duckdb'))).toEqual(one);
      expect(await fingerprint(join(dir, 'two.duckdb'))).toEqual(one);
    }, 120_000);

    it('kill -9 during a two-thread ingest, then the same command: the store of one clean run', async () => {
      const big = join(dir, 'big.nmea');
      // Four copies of the day, each a day later (tag block c: shifted), so most rows are new.
      const { readFileSync } = await import('node:fs');
      const text = readFileSync(file, 'latin1');
      const shifted = (days: number) => text.replace(/\\([^*\\]*)\*[0-9A-F]{2}\\/g, (_, tag: string) => {
        const body = tag.replace(/c:(\d{10})/, (_c, c: string) => `c:${Number(c) + days * 86_400}`);
        let sum = 0;
        for (let i = 0; i < body.length; i++) sum ^= body.charCodeAt(i);
        return `\\${body}*${sum.toString(16).toUpperCase().padStart(2, '0')}\\`;
      });
      writeFileSync(big, [0, 1, 2, 3].map(shifted).join(''), 'latin1');
      expect(statSync(big).size).toBeGreaterThan(3 * MIN_CHUNK_BYTES);
      const args = (db: string) => cliArgv(['ingest', '--db', db, '--threads', '2', '--batch', '2000', big]);

      const clean = join(dir, 'clean.duckdb');
      const ok = spawnSync(process.execPath, args(clean), { cwd: root, encoding: 'utf8' });
      expect(ok.status, ok.stderr).toBe(0);

      const killed = join(dir, 'killed.duckdb');
      const child = spawn(process.execPath, args(killed), { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
      let exited = false;
      child.on('exit', () => (exited = true));
      const wal = `${killed}.wal`;
      const deadline = Date.now() + 60_000;
      while (!exited && Date.now() < deadline && !(existsSync(wal) && statSync(wal).size > 2_000_000)) {
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(exited, 'the ingest finished before it could be killed: input too small').toBe(false);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));

      const mid = await Store.open(killed);
      const log = await mid.one<{ status: string; committed_offset: bigint }>('SELECT status, committed_offset FROM ingest_log');
      mid.close();
      expect(log!.status).toBe('running');
      expect(Number(log!.committed_offset)).toBeGreaterThan(0);
      expect(Number(log!.committed_offset)).toBeLessThan(statSync(big).size);

      const rerun = spawnSync(process.execPath, args(killed), { cwd: root, encoding: 'utf8' });
      expect(rerun.status, rerun.stderr).toBe(0);
      expect(await fingerprint(killed)).toEqual(await fingerprint(clean));
    }, 240_000);
  });
});
