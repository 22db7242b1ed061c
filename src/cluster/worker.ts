// `tumen worker --nats URL`: claims work units through KV leases and runs them (src/cluster/unit.ts).
// Each worker heartbeats `worker.<id>` and holds `lease.<unit>` entries in a bucket whose entries expire
// after the lease TTL: a worker killed with -9 stops renewing, its leases vanish, and the others create
// them anew (KV create succeeds only on an absent key) and restore the units from their checkpoints.
// Workers share the units evenly: each aims at ceil(units / live workers) and hands back any beyond that.
// Every worker also takes history work items (src/cluster/lake-worker.ts) from a shared queue.
import type { KvEntry } from '@nats-io/kv';
import { connectCluster, type ClusterClient } from './connect.js';
import { CLUSTER_PARAMS, workUnits } from './params.js';
import { WorkUnit } from './unit.js';
import { LakeWorker } from './lake-worker.js';

export const leaseKey = (unit: string): string => `lease.${unit}`;
export const workerKey = (id: string): string => `worker.${id}`;

export interface WorkerOptions {
  url: string;
  id: string;
  log: (line: string) => void;
}

interface Held {
  unit: WorkUnit;
  revision: number;
}

export class Worker {
  private client!: ClusterClient;
  private readonly held = new Map<string, Held>();
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> = Promise.resolve();
  private closed = false;
  private workerCount = 1;
  private workersCountedMs = -Infinity;
  /** History work items (`tumen detect --lake`), taken beside the live units. */
  private lake: LakeWorker | null = null;

  constructor(private readonly opts: WorkerOptions) {}

  async start(): Promise<void> {
    this.client = await connectCluster(this.opts.url, { name: `tumen-worker-${this.opts.id}` });
    await this.heartbeat();
    this.timer = setInterval(() => { this.ticking = this.ticking.then(() => this.tick()).catch((err: Error) => this.opts.log(`worker ${this.opts.id}: ${err.message}`)); }, this.renewMs());
    await this.tick();
    this.lake = new LakeWorker(this.client, this.opts.id, this.opts.log);
    await this.lake.start();
  }

  /** Lease renewal period: a share of the bucket's TTL. */
  private renewMs(): number {
    return Math.max(100, Math.round(this.client.leaseTtlMs * CLUSTER_PARAMS.leaseRenewShare));
  }

  units(): string[] {
    return [...this.held.keys()].sort();
  }

  /** Checkpoints and hands back every unit, then disconnects. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
    await this.lake?.stop();
    for (const name of [...this.held.keys()]) await this.release(name);
    await this.client.leases.delete(workerKey(this.opts.id)).catch(() => undefined);
    await this.client.nc.drain();
  }

  private async heartbeat(): Promise<void> {
    await this.client.leases.put(workerKey(this.opts.id), JSON.stringify({ pid: process.pid, units: this.units() }));
  }

  private async tick(): Promise<void> {
    if (this.closed) return;
    const { leases } = this.client;
    for (const [name, h] of this.held) {
      if (h.unit.failed) { // lost its state to another owner: let the lease go
        this.held.delete(name);
        await h.unit.stop(false);
        await leases.delete(leaseKey(name), { previousSeq: h.revision }).catch(() => undefined); // only if still ours
        continue;
      }
      try {
        h.revision = await leases.update(leaseKey(name), this.opts.id, h.revision);
      } catch (err) {
        // A NATS node lost or a leader election: try again next tick (the TTL leaves several). Only a
        // revision mismatch means another worker took the unit.
        if (!/wrong last sequence/i.test((err as Error).message)) {
          this.opts.log(`worker ${this.opts.id}: lease of unit ${name} not renewed (${(err as Error).message}); retrying`);
          continue;
        }
        this.opts.log(`worker ${this.opts.id}: lost the lease of unit ${name}`);
        this.held.delete(name);
        await h.unit.stop(false);
      }
    }
    await this.heartbeat();
    const all = workUnits(this.client);
    const workers = await this.liveWorkers();
    const target = Math.ceil(all.length / Math.max(1, workers));
    if (this.held.size > target) {
      await this.release(this.units().at(-1)!);
      return;
    }
    for (const name of all) {
      if (this.held.size >= target) break;
      if (this.held.has(name)) continue;
      let revision: number;
      try {
        revision = await leases.create(leaseKey(name), this.opts.id);
      } catch {
        continue; // held by another worker
      }
      const unit = new WorkUnit(this.client, name, this.opts.log);
      this.held.set(name, { unit, revision });
      try {
        await unit.start();
      } catch (err) {
        this.held.delete(name);
        await leases.delete(leaseKey(name)).catch(() => undefined);
        throw err;
      }
    }
  }

  /** Live workers (heartbeats not expired), counted every few renewals: listing keys creates a
   *  consumer on the cluster, not something to do on every renewal. */
  private async liveWorkers(): Promise<number> {
    if (Date.now() - this.workersCountedMs < CLUSTER_PARAMS.rebalanceEveryRenewals * this.renewMs()) return this.workerCount;
    let n = 0;
    for await (const _ of await this.client.leases.keys('worker.*')) n++;
    this.workerCount = n;
    this.workersCountedMs = Date.now();
    return n;
  }

  private async release(name: string): Promise<void> {
    const h = this.held.get(name);
    if (!h) return;
    this.held.delete(name);
    await h.unit.stop(true);
    await this.client.leases.delete(leaseKey(name), { previousSeq: h.revision }).catch(() => undefined);
    this.opts.log(`worker ${this.opts.id}: released unit ${name}`);
  }
}

/** Who holds which unit, from the leases bucket (for `tumen cluster status`). */
export async function leaseHolders(client: ClusterClient): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const key of await client.leases.keys('lease.*')) {
    const e: KvEntry | null = await client.leases.get(key);
    if (e && e.operation === 'PUT') out.set(key.slice('lease.'.length), e.string());
  }
  return out;
}
