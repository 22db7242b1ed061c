// Every client of one cluster agrees on its layout (KV config.partitions / config.cells), also after a NATS
// node was killed and started again. nats-server 2.9.10 (Debian's) replays a filtered stream purge of its
// RAFT log as a compaction of the whole stream when a node recovers (nats-io/nats-server#4196, fixed in
// 2.9.18): the restarted node's copy of the state bucket lost every key older than the purge, config.*
// included, and once it led the bucket a client with the default layout wrote 4 partitions over the
// cluster's 2. Three nodes on loopback (started here), one killed with -9 and started again. A client then
// fails, rather than take a default, when the layout is missing from a cluster that exists.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectCluster, type ClusterClient } from '../../src/cluster/connect.js';
import { natsConfig } from '../../src/cluster/local.js';
import { removeStateKeys } from '../../src/cluster/state-write.js';
import { STATE_BUCKET } from '../../src/cluster/params.js';
import { hasNats, freePort, sleep } from './nats-helpers.js';

async function until<T>(what: string, ms: number, get: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await get().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await sleep(200);
  }
}

const STREAM = `KV_${STATE_BUCKET}`;
let dir = '';
const nodes: Array<ChildProcess | undefined> = [];
const clients: ClusterClient[] = [];

afterAll(async () => {
  for (const c of clients) await c.nc.close().catch(() => undefined);
  for (const n of nodes) n?.kill('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!hasNats)('cluster layout after a NATS node restart', () => {
  it('stays the one the cluster was set up with when a state key was removed before the restart', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tumen-layout-'));
    mkdirSync(join(dir, 'logs'));
    const clientPorts = [await freePort(), await freePort(), await freePort()];
    const routePorts = [await freePort(), await freePort(), await freePort()];
    const start = (i: number): void => {
      const conf = join(dir, `nats-${i}.conf`);
      writeFileSync(conf, natsConfig(i, dir, clientPorts, routePorts));
      const out = openSync(join(dir, 'logs', `nats-${i}.log`), 'a');
      nodes[i - 1] = spawn('nats-server', ['-c', conf], { stdio: ['ignore', out, out] });
    };
    for (const i of [1, 2, 3]) start(i);
    // Clients on nodes 1 and 3 only: node 2 goes away.
    const url = `nats://127.0.0.1:${clientPorts[0]},nats://127.0.0.1:${clientPorts[2]}`;
    const setUp = await until('JetStream', 30_000, () => connectCluster(url, { name: 'test-up', partitions: 2, cells: 3 }));
    clients.push(setUp);
    expect([setUp.partitions, setUp.cells]).toEqual([2, 3]);
    // A unit's stale checkpoint part, removed as a checkpoint removes it, then later writes.
    const enc = new TextEncoder();
    await setUp.state.put('unit.v0.part.v1.aaaa', enc.encode('old part'));
    await removeStateKeys(setUp, ['unit.v0.part.v1.aaaa']);
    await setUp.state.put('unit.v0', enc.encode('head'));

    nodes[1]!.kill('SIGKILL');
    await sleep(500);
    start(2);
    // Until node 2 leads the state bucket (each step-down elects another replica).
    const leader = async () => (await setUp.jsm.streams.info(STREAM)).cluster?.leader;
    for (let i = 0; i < 20 && (await until('leader', 15_000, leader)) !== 'tumen-2'; i++) {
      await setUp.nc.request(`$JS.API.STREAM.LEADER.STEPDOWN.${STREAM}`, undefined, { timeout: 5_000 }).catch(() => undefined);
      await sleep(500);
    }
    expect(await leader()).toBe('tumen-2');
    // Node 2's copy, read from it as the leader (a direct get may be answered by any replica).
    const fromLeader = async (key: string) => (await setUp.jsm.streams.getMessage(STREAM, { last_by_subj: `$KV.${STATE_BUCKET}.${key}` }))?.string();
    expect(await fromLeader('config.cells')).toBe('3');

    const later = await until('a client with the default layout', 15_000, () => connectCluster(url, { name: 'test-later' }));
    clients.push(later);
    expect([later.partitions, later.cells]).toEqual([2, 3]);
    expect(await later.state.get('unit.v0.part.v1.aaaa')).toBeNull();
    expect((await later.state.get('unit.v0'))?.string()).toBe('head');
  }, 60_000);

  it('fails, rather than take the default, when the layout is missing from a cluster that exists', async () => {
    const c = clients[0]!;
    await c.jsm.streams.purge(STREAM, { filter: `$KV.${STATE_BUCKET}.config.partitions` });
    const url = `nats://127.0.0.1:${c.nc.info!.port}`;
    await expect(connectCluster(url, { name: 'test-missing', layoutReadMs: 1_000 })).rejects.toThrow(/layout KV tumen-state\/config\.partitions could not be read \(missing\)/);
    expect(await c.state.get('config.partitions')).toBeNull();
  }, 20_000);
});
