// `tumen cluster up|down|status|wait --dir DIR`: a whole cluster on loopback for trials and tests — three
// nats-server nodes clustered with RAFT (JetStream replicas 3), N workers and one store node writing
// DIR/tumen.duckdb. DIR keeps the configuration files a user would deploy (nats-N.conf), the servers'
// data, the logs and cluster.json (ports and pids).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectCluster, type ClusterClient } from './connect.js';
import { DEFAULT_CELLS, DEFAULT_PARTITIONS, EVENTS_STREAM, REPORTS_STREAM, workUnits } from './params.js';
import { consumerName } from './unit-keys.js';
import { Store, StoreLockedError } from '../store/db.js';
import { leaseHolders } from './worker.js';

export interface ClusterProcess {
  role: 'nats' | 'worker' | 'store';
  index: number;
  pid: number;
  port?: number;
  /** A NATS node's monitoring port (/varz, /jsz) and Go profiling port (/debug/pprof), when asked for. */
  monitorPort?: number;
  profPort?: number;
}

export interface ClusterFile {
  url: string;
  dir: string;
  processes: ClusterProcess[];
}

const NODES = 3;

export const clusterFile = (dir: string): string => join(dir, 'cluster.json');

export function readCluster(dir: string): ClusterFile {
  const f = clusterFile(dir);
  if (!existsSync(f)) throw new Error(`no cluster in ${dir} (start one with: tumen cluster up --dir ${dir})`);
  return JSON.parse(readFileSync(f, 'utf8')) as ClusterFile;
}

/** How to start this CLI as a child: TUMEN_CLI (a JSON array, e.g. for tests running from source) or
 *  this Node with bin/tumen.js. */
function cliCommand(): string[] {
  if (process.env.TUMEN_CLI) return JSON.parse(process.env.TUMEN_CLI) as string[];
  const here = dirname(fileURLToPath(import.meta.url));
  return [process.execPath, resolve(here, '../../bin/tumen.js')];
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

/** The nats-server configuration of node `i` (1-based) of a 3-node loopback cluster. */
export function natsConfig(i: number, dir: string, clientPorts: number[], routePorts: number[], monitor?: { http: number; prof: number }): string {
  const routes = routePorts.filter((_, k) => k !== i - 1).map((p) => `    nats-route://127.0.0.1:${p}`).join('\n');
  return `# Tumen cluster node ${i} of ${NODES} (written by tumen cluster up). For machines of their own, replace
# 127.0.0.1 by each node's address, keep server_name unique, and list every other node under routes.
server_name: tumen-${i}
listen: 127.0.0.1:${clientPorts[i - 1]}
# Checkpoints of work units travel as one message each (src/cluster/params.ts maxStateBytes).
max_payload: 8MB
${monitor ? `# Monitoring (/varz, /jsz) and Go profiling (/debug/pprof/heap), loopback only.
http: 127.0.0.1:${monitor.http}
prof_port: ${monitor.prof}
` : ''}jetstream {
  store_dir: "${join(dir, `nats-${i}`)}"
  max_memory_store: 256MB
  max_file_store: 8GB
}
cluster {
  name: tumen
  listen: 127.0.0.1:${routePorts[i - 1]}
  routes: [
${routes}
  ]
}
`;
}

function spawnDetached(cmd: string[], log: string, cwd: string): number {
  const out = openSync(log, 'a');
  const child = spawn(cmd[0]!, cmd.slice(1), { detached: true, stdio: ['ignore', out, out], cwd });
  child.unref();
  return child.pid!;
}

export interface ClusterUpOptions {
  /** TTL of the leases bucket (the takeover time after a worker dies); default CLUSTER_PARAMS.leaseTtlMs. */
  leaseTtlMs?: number;
  /** Vessel partitions and spatial cells (defaults DEFAULT_PARTITIONS, DEFAULT_CELLS), fixed for the cluster's life. */
  partitions?: number;
  cells?: number;
  /** The reports stream's limits and duplicate window (defaults CLUSTER_PARAMS.reportsMaxAgeMs,
   *  reportsMaxBytes, reportsDuplicateWindowMs). */
  reportsMaxAgeMs?: number;
  reportsMaxBytes?: number;
  reportsDuplicateWindowMs?: number;
  /** Give each NATS node a monitoring and a profiling port (benchmarks read the servers' memory from them). */
  monitor?: boolean;
}

export async function clusterUp(dir: string, workers: number, log: (line: string) => void, opts: ClusterUpOptions = {}): Promise<ClusterFile> {
  dir = resolve(dir);
  if (existsSync(clusterFile(dir))) throw new Error(`a cluster is already recorded in ${dir} (tumen cluster down --dir ${dir} first)`);
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const clientPorts: number[] = [], routePorts: number[] = [];
  for (let i = 0; i < NODES; i++) {
    clientPorts.push(await freePort());
    routePorts.push(await freePort());
  }
  const processes: ClusterProcess[] = [];
  for (let i = 1; i <= NODES; i++) {
    const conf = join(dir, `nats-${i}.conf`);
    const monitor = opts.monitor ? { http: await freePort(), prof: await freePort() } : undefined;
    writeFileSync(conf, natsConfig(i, dir, clientPorts, routePorts, monitor));
    processes.push({
      role: 'nats', index: i, pid: spawnDetached(['nats-server', '-c', conf], join(dir, 'logs', `nats-${i}.log`), dir), port: clientPorts[i - 1],
      ...(monitor ? { monitorPort: monitor.http, profPort: monitor.prof } : {}),
    });
  }
  const url = `nats://127.0.0.1:${clientPorts[0]}`;
  const file: ClusterFile = { url, dir, processes };
  writeFileSync(clusterFile(dir), JSON.stringify(file, null, 2));
  log(`nats: 3 nodes on ports ${clientPorts.join(', ')}; waiting for JetStream`);
  const client = await untilReady(url, 30_000, opts);
  await client.nc.drain();
  const cli = cliCommand();
  processes.push({ role: 'store', index: 1, pid: spawnDetached([...cli, 'serve', '--nats', url, '--db', join(dir, 'tumen.duckdb')], join(dir, 'logs', 'store.log'), dir) });
  for (let i = 1; i <= workers; i++) {
    processes.push({ role: 'worker', index: i, pid: spawnDetached([...cli, 'worker', '--nats', url, '--id', `w${i}`], join(dir, 'logs', `worker-${i}.log`), dir) });
  }
  writeFileSync(clusterFile(dir), JSON.stringify(file, null, 2));
  return file;
}

/** Connects once JetStream answers (the three nodes have elected a meta leader) and the streams exist. */
async function untilReady(url: string, timeoutMs: number, opts: ClusterUpOptions): Promise<ClusterClient> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      // The layout explicitly: this client sets the cluster up (an attempt that failed half-way may have
      // created the state bucket already).
      return await connectCluster(url, { name: 'tumen-cluster', ...opts, partitions: opts.partitions ?? DEFAULT_PARTITIONS, cells: opts.cells ?? DEFAULT_CELLS });
    } catch (err) {
      last = (err as Error).message;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  throw new Error(`NATS at ${url} not ready within ${timeoutMs / 1000} s: ${last}`);
}

export const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** One line per process: `worker 1 pid 12345 alive units v0,v1`. */
export async function clusterStatus(dir: string): Promise<string[]> {
  const file = readCluster(dir);
  let holders = new Map<string, string>();
  try {
    const client = await connectCluster(file.url, { name: 'tumen-status' });
    holders = await leaseHolders(client);
    await client.nc.drain();
  } catch { /* NATS down: pids only */ }
  return file.processes.map((p) => {
    const state = alive(p.pid) ? 'alive' : 'dead';
    if (p.role === 'nats') return `nats ${p.index} pid ${p.pid} ${state} port ${p.port}`;
    if (p.role === 'store') return `store ${p.index} pid ${p.pid} ${state} db ${join(file.dir, 'tumen.duckdb')}`;
    const units = [...holders].filter(([, w]) => w === `w${p.index}`).map(([u]) => u).sort();
    return `worker ${p.index} pid ${p.pid} ${state} units ${units.join(',') || '-'}`;
  });
}

/**
 * Until every published report is processed by every unit (all units' consumers exist, nothing pending or
 * unacknowledged) and every event is stored (the store node's consumer likewise), twice in a row, and the
 * store node has let its file go (it holds it while events keep coming: `tumen events --db` can read it).
 */
export async function clusterWait(dir: string, timeoutMs: number, log?: (line: string) => void): Promise<void> {
  const file = readCluster(dir);
  const t0 = Date.now();
  const deadline = t0 + timeoutMs;
  // What it waits for, each time that changes (`--verbose`): where the time goes after a failure.
  let said: string | null = null;
  const say = (what: string): void => {
    const kind = what.replace(/[\d.]+/g, 'N');
    if (kind !== said) log?.(`cluster wait ${((Date.now() - t0) / 1000).toFixed(1)} s: ${what || 'idle'}`);
    said = kind;
  };
  const pause = () => new Promise((r) => setTimeout(r, 250));
  // A cluster electing leaders (a node just lost) answers nothing for seconds: that is not idle, not an error.
  let client: ClusterClient | null = null;
  let lastError = '';
  while (!client) {
    try {
      client = await connectCluster(file.url, { name: 'tumen-wait' });
    } catch (err) {
      lastError = (err as Error).message;
      if (Date.now() > deadline) throw new Error(`cluster not reachable within ${timeoutMs / 1000} s (${lastError}; tumen cluster status --dir ${dir})`);
      await pause();
    }
  }
  try {
    let quiet = 0;
    let busy = '';
    while (quiet < 2) {
      if (Date.now() > deadline) throw new Error(`cluster not idle within ${timeoutMs / 1000} s${busy ? ` (${busy})` : ''}${lastError ? ` (last error: ${lastError})` : ''} (tumen cluster status --dir ${dir})`);
      let now = false;
      try {
        busy = await notIdle(client);
        if (busy === '' && !(await storeFree(join(file.dir, 'tumen.duckdb')))) busy = 'store node: still holding tumen.duckdb';
        now = busy === '';
        say(busy);
      } catch (err) {
        lastError = (err as Error).message;
        say(`no answer (${lastError})`);
      }
      quiet = now ? quiet + 1 : 0;
      await pause();
    }
  } finally {
    await client.nc.drain();
  }
}

/** True when the store file can be opened (or is not there yet): the store node is not holding it. */
async function storeFree(path: string): Promise<boolean> {
  if (!existsSync(path)) return true;
  try {
    (await Store.open(path, { readOnly: true })).close();
    return true;
  } catch (err) {
    if (err instanceof StoreLockedError) return false;
    throw err;
  }
}

/** What is not idle yet ('' once everything is): the first consumer behind, with its numbers. */
async function notIdle(client: ClusterClient): Promise<string> {
  const last = (await client.jsm.streams.info(REPORTS_STREAM)).state.last_seq;
  for (const unit of workUnits(client)) {
    let info;
    try {
      info = await client.jsm.consumers.info(REPORTS_STREAM, consumerName(unit));
    } catch (err) {
      if (last === 0) continue;
      return `unit ${unit}: no consumer (${(err as Error).message})`;
    }
    if (info.num_pending > 0 || info.num_ack_pending > 0 || info.delivered.stream_seq < last) {
      return `unit ${unit}: delivered ${info.delivered.stream_seq} of ${last}, ${info.num_pending} pending, ${info.num_ack_pending} unacked (ack floor ${info.ack_floor.stream_seq}), ${info.num_redelivered} redelivered`;
    }
  }
  try {
    const store = await client.jsm.consumers.info(EVENTS_STREAM, 'store-main');
    return store.num_pending === 0 && store.num_ack_pending === 0 ? '' : `store node: ${store.num_pending} events pending, ${store.num_ack_pending} unacked, ${store.num_redelivered} redelivered`;
  } catch {
    const n = (await client.jsm.streams.info(EVENTS_STREAM)).state.messages;
    return n === 0 ? '' : `store node: no consumer, ${n} events in the stream`;
  }
}

/** SIGTERM to workers and the store node (they checkpoint and hand back), then to the NATS nodes. */
export async function clusterDown(dir: string, timeoutMs = 20_000): Promise<string[]> {
  const file = readCluster(dir);
  const out: string[] = [];
  const stop = async (procs: ClusterProcess[]): Promise<void> => {
    for (const p of procs) if (alive(p.pid)) process.kill(p.pid, 'SIGTERM');
    const deadline = Date.now() + timeoutMs;
    while (procs.some((p) => alive(p.pid)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    for (const p of procs) {
      if (alive(p.pid)) process.kill(p.pid, 'SIGKILL');
      out.push(`${p.role} ${p.index} pid ${p.pid} stopped`);
    }
  };
  await stop(file.processes.filter((p) => p.role !== 'nats'));
  await stop(file.processes.filter((p) => p.role === 'nats'));
  rmSync(clusterFile(dir), { force: true });
  return out;
}
