// kill -9 of a UDP listener (`tumen ingest --listen`) mid-stream: every batch it committed is in the store
// whole (the positions of exactly the first N lines it said it committed), `tumen stats` tells what it had
// received but not committed, and the next session marks the killed one and goes on.
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { withStore } from '../../src/store/db.js';
import { ingestFiles } from '../../src/ingest/ingest.js';
import { listFeeds } from '../../src/store/feeds.js';
import { fixture, tempDir, withTempStore } from './helpers.js';
import { tumen } from '../cli-harness.js';
import { cliArgv } from '../cli-process.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const lines = gunzipSync(readFileSync(fixture('ais', 'dma-stream_example.txt.gz'))).toString('latin1').split('\n').slice(0, 6000);

const walBytes = (db: string): number => (existsSync(`${db}.wal`) ? statSync(`${db}.wal`).size : 0);

async function freeUdpPort(): Promise<number> {
  const s = createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', r));
  const port = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** Positions stored by ingesting the first `n` lines as a file. */
async function positionsOfPrefix(n: number, dir: string): Promise<number> {
  const f = join(dir, `prefix-${n}.nmea`);
  writeFileSync(f, `${lines.slice(0, n).join('\n')}\n`);
  return withTempStore(async (store) => (await ingestFiles(store, [f]))[0].counts!.positions);
}

describe('kill -9 of a live listener', () => {
  it('loses nothing it committed; stats tell what it received but had not committed', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const db = join(dir, 'feed.duckdb');
      const port = await freeUdpPort();
      const child = spawn(process.execPath, cliArgv(['ingest', '--listen', `udp://127.0.0.1:${port}`, '--db', db, '--flush-seconds', '0.2']),
        { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      await new Promise<void>((resolve, reject) => {
        let err = '';
        child.stderr!.on('data', (b: Buffer) => {
          err += b.toString();
          if (err.includes('listening on')) resolve();
        });
        child.once('exit', () => reject(new Error(`listener exited: ${err}`)));
      });
      // Two lines a datagram ($PGHP + its sentence), 40 datagrams every 20 ms (~4,000 lines/s). The first half,
      // a pause for commits (this machine may be loaded), then the second half, killed while it streams.
      const tx = createSocket('udp4');
      let sent = 0;
      const send = async (upTo: number) => {
        while (sent < upTo) {
          for (let k = 0; k < 40 && sent < upTo; k++, sent += 2) {
            await new Promise<void>((r) => tx.send(`${lines.slice(sent, sent + 2).join('\n')}\n`, port, '127.0.0.1', () => r()));
          }
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      const walBefore = walBytes(db);
      await send(lines.length / 2);
      // Until the listener has committed some of it (its write-ahead log grows; it flushes every 0.2 s), at
      // most 6 s (the pause this wait replaced).
      for (const deadline = Date.now() + 6000; walBytes(db) <= walBefore && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 20));
      const rest = send(lines.length);
      await new Promise((r) => setTimeout(r, 300));
      child.kill('SIGKILL');
      await rest;
      await exited;
      tx.close();

      const { committed, positions, feeds } = await withStore(db, async (store) => {
        const log = await store.one<{ lines: bigint; positions: bigint; status: string }>('SELECT lines, positions, status FROM ingest_log');
        expect(log!.status).toBe('running'); // as the kill left it
        const n = Number((await store.one<{ n: bigint }>('SELECT count(*) AS n FROM positions'))!.n);
        expect(n).toBe(Number(log!.positions));
        return { committed: Number(log!.lines), positions: n, feeds: await listFeeds(store) };
      });
      expect(committed).toBeGreaterThan(0);
      expect(committed).toBeLessThanOrEqual(sent);
      // The committed batches hold exactly the positions of the lines they counted.
      expect(positions).toBe(await positionsOfPrefix(committed, dir));
      expect(feeds[0].receivedLines).toBeGreaterThanOrEqual(committed);
      expect(feeds[0].uncommitted).toBe(feeds[0].receivedLines - committed);

      // The next session closes the killed one's row; stats show both sessions.
      const again = spawn(process.execPath, cliArgv(['ingest', '--listen', `udp://127.0.0.1:${port}`, '--db', db, '--flush-seconds', '0.2']),
        { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
      const againExit = new Promise<void>((r) => again.once('exit', () => r()));
      await new Promise<void>((r) => again.stderr!.on('data', (b: Buffer) => { if (b.toString().includes('listening on')) r(); }));
      again.kill('SIGINT');
      await againExit;
      const stats = await tumen(['stats', '--db', db]);
      expect(stats.status).toBe(0);
      expect(stats.stdout).toMatch(/live feeds/);
      expect(stats.stdout).toMatch(new RegExp(`\\n\\s+1\\s+stopped\\s+${feeds[0].receivedLines}\\s+${committed}\\s`));
      await withStore(db, async (store) => {
        const rows = await listFeeds(store);
        expect(rows).toHaveLength(2);
        expect(rows[0].note).toMatch(/^killed/);
        expect(rows[1].status).toBe('stopped');
      });
    } finally {
      cleanup();
    }
  }, 120_000);
});
