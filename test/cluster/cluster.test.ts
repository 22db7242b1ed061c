// The cluster keeps the runner's contract: on the contract world, `tumen ingest FILE --to nats://…` +
// `tumen cluster wait` stores exactly the events of `tumen ingest FILE && tumen detect` (ids and content),
// also when a worker is killed with -9 mid-run, and when one of the three NATS nodes is. Starts its own
// nats-server nodes (scripts/test.sh installs the package when missing) and workers from source.
// Off unless TUMEN_CLUSTER_TESTS=1: each case takes 1.5–4 min on the loaded 2-core box (children run from
// source through tsx, every unit reads every report), too long for the suite. docs/cluster.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asLines, contractWorld } from '../contract/world.js';
import { tumen } from '../cli-harness.js';
import { withStore } from '../../src/store/db.js';
import { queryEvents } from '../../src/store/events-write.js';
import { alive, clusterDown, clusterUp, clusterWait, readCluster } from '../../src/cluster/local.js';
import { ingestToCluster } from '../../src/cluster/ingest-to.js';
import { connectCluster } from '../../src/cluster/connect.js';
import { leaseHolders } from '../../src/cluster/worker.js';
import { consumerName } from '../../src/cluster/unit.js';
import { REPORTS_STREAM, workUnits } from '../../src/cluster/params.js';
import type { TumenEvent } from '../../src/events/schema.js';

const hasNats = (() => {
  try {
    execFileSync('nats-server', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

const root = resolve(__dirname, '../..');
// Children run from source: tsx's loader by absolute URL (they start in the cluster directory).
process.env.TUMEN_CLI = JSON.stringify([process.execPath, '--import', pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href, join(root, 'test/ingest/run-cli.ts')]);

let dir: string;
let nmea: string;
let expected: TumenEvent[];

const clusterEvents = (cdir: string) => withStore(join(cdir, 'tumen.duckdb'), (s) => queryEvents(s));

/** Progress of the slowest unit: the least stream sequence delivered, over the stream's last. */
async function progress(url: string): Promise<number> {
  const c = await connectCluster(url, { name: 'test-progress' });
  try {
    const last = (await c.jsm.streams.info(REPORTS_STREAM)).state.last_seq;
    let min = Infinity;
    for (const u of workUnits(c.partitions)) {
      try {
        min = Math.min(min, (await c.jsm.consumers.info(REPORTS_STREAM, consumerName(u))).delivered.stream_seq);
      } catch { min = 0; }
    }
    return last ? min / last : 0;
  } finally {
    await c.nc.drain();
  }
}

async function until(what: string, ms: number, ok: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!hasNats || !process.env.TUMEN_CLUSTER_TESTS)('cluster on NATS JetStream', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tumen-cluster-'));
    nmea = join(dir, 'world.nmea');
    writeFileSync(nmea, `${contractWorld().lines.join('\n')}\n`);
    const db = join(dir, 'single.duckdb');
    expect((await tumen(['ingest', nmea, '--db', db])).status).toBe(0);
    expect((await tumen(['detect', '--db', db])).status).toBe(0);
    expected = await withStore(db, (s) => queryEvents(s));
  }, 120_000);

  // A case that timed out skips its own cluster down: stop what is still recorded, then remove the files.
  afterAll(async () => {
    for (const c of ['c1', 'c2']) if (dir && existsSync(join(dir, c, 'cluster.json'))) await clusterDown(join(dir, c));
    if (dir && !process.env.TUMEN_KEEP_TEST_DIR) rmSync(dir, { recursive: true, force: true });
  });

  it('gives the events of tumen detect although a worker is killed with -9 mid-run', async () => {
    const cdir = join(dir, 'c1');
    const up = await clusterUp(cdir, 2, () => undefined);
    try {
      const pub = ingestToCluster(up.url, [nmea], {}, '256MB');
      await until('units halfway', 120_000, async () => (await progress(up.url)) > 0.3);
      const victim = up.processes.find((p) => p.role === 'worker' && p.index === 1)!;
      const c = await connectCluster(up.url, { name: 'test' });
      const held = [...(await leaseHolders(c))].filter(([, w]) => w === 'w1').map(([u]) => u);
      process.kill(victim.pid, 'SIGKILL');
      const killedAt = Date.now();
      // Recovery: every unit the victim held is leased by the survivor again.
      await until('takeover', 30_000, async () => {
        const now = await leaseHolders(c);
        return held.every((u) => now.get(u) === 'w2');
      });
      const recoveryMs = Date.now() - killedAt;
      await c.nc.drain();
      console.log(`worker kill -9: units ${held.join(',')} taken over in ${recoveryMs} ms`);
      expect(held.length).toBeGreaterThan(0);
      await pub;
      await clusterWait(cdir, 120_000);
      const got = await clusterEvents(cdir);
      expect(got.length).toBe(expected.length);
      expect(asLines(got)).toEqual(asLines(expected));
    } finally {
      await clusterDown(cdir);
    }
  }, 400_000);

  it('gives the same events when one of the three NATS nodes is killed with -9 mid-run', async () => {
    const cdir = join(dir, 'c2');
    const up = await clusterUp(cdir, 2, () => undefined);
    try {
      const pub = ingestToCluster(up.url, [nmea], {}, '256MB');
      await until('units started', 120_000, async () => (await progress(up.url)) > 0.2);
      const node = readCluster(cdir).processes.find((p) => p.role === 'nats' && p.index === 2)!;
      process.kill(node.pid, 'SIGKILL');
      const killedAt = Date.now();
      await until('node gone', 5_000, async () => !alive(node.pid));
      const r = await pub;
      console.log(`NATS node kill -9: ${r.published} reports published, ${r.retries} sent again after a failure`);
      await clusterWait(cdir, 120_000);
      console.log(`NATS node kill -9: all events stored ${Date.now() - killedAt} ms after the kill`);
      const got = await clusterEvents(cdir);
      expect(asLines(got)).toEqual(asLines(expected));
    } finally {
      await clusterDown(cdir);
    }
  }, 400_000);
});
