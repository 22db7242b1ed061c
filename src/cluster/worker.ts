// `tumen worker --nats URL`: claims work units through KV leases and runs them (src/cluster/unit.ts).
// Each worker heartbeats `worker.<id>` and holds `lease.<unit>` entries in a bucket whose entries expire
// after the lease TTL: a worker killed with -9 stops renewing, its leases vanish, and the others create
// them anew (KV create succeeds only on an absent key) and restore the units from their checkpoints.
// Workers share the units evenly: each aims at ceil(units / live workers) and hands back any beyond that.
// Renewals run on their own timer, all leases at once, each bounded under the TTL (src/cluster/lease.ts):
// claiming, restoring or handing back units never holds them up.
// Every worker also takes history work items (src/cluster/lake-worker.ts) from a shared queue.
import { connectCluster, type ClusterClient } from './connect.js';
import { CLUSTER_PARAMS, LEASE_BUCKET, workUnits } from './params.js';
import { WorkUnit } from './unit.js';
import { LakeWorker } from './lake-worker.js';
import { renewLease, withTimeout } from './lease.js';

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
  /** A renewal of this lease is awaiting its answer (the next one waits for it). */
  renewing: boolean;
}

export class Worker {
  private client!: ClusterClient;
  private readonly held = new Map<string, Held>();
  private timer: NodeJS.Timeout | null = null;
  private renewTimer: NodeJS.Timeout | null = null;
  private heartbeating = false;
  private ticking: Promise<void> = Promise.resolve();
  private closed = false;
  private workerCount = 1;
  /** History work items (`tumen detect --lake`), taken beside the live units. */
  private lake: LakeWorker | null = null;
  private lakeStarting: Promise<void> = Promise.resolve();

  constructor(private readonly opts: WorkerOptions) {}

  async start(): Promise<void> {
    this.client = await connectCluster(this.opts.url, { name: `tumen-worker-${this.opts.id}` });
    await this.heartbeat();
    this.renewTimer = setInterval(() => this.renew(), this.renewMs());
    // Workers started together: let the others' heartbeats arrive before counting them and claiming.
    await new Promise((r) => setTimeout(r, CLUSTER_PARAMS.startupWaitRenewals * this.renewMs()));
    const tick = (): Promise<void> => (this.ticking = this.ticking.then(() => this.tick()).catch((err: Error) => this.opts.log(`worker ${this.opts.id}: ${err.message}`)));
    this.timer = setInterval(tick, this.renewMs());
    await tick();
    // History items beside the live units. Started in the background and tried again until it works: its
    // consumer's creation timing out on a loaded cluster once ended the whole worker ("tumen: timeout"),
    // units and all, 7 s after it had claimed them.
    this.lake = new LakeWorker(this.client, this.opts.id, this.opts.log);
    this.lakeStarting = this.startLake(this.lake);
  }

  private async startLake(lake: LakeWorker): Promise<void> {
    for (let attempt = 0; !this.closed; attempt++) {
      try {
        await lake.start();
        return;
      } catch (err) {
        this.opts.log(`worker ${this.opts.id}: history items not taken yet (${(err as Error).message}); retrying`);
        await new Promise((r) => setTimeout(r, Math.min(10_000, this.renewMs() * 2 ** Math.min(attempt, 3))));
      }
    }
  }

  /** Lease renewal period: a share of the bucket's TTL. */
  private renewMs(): number {
    return Math.max(100, Math.round(this.client.leaseTtlMs * CLUSTER_PARAMS.leaseRenewShare));
  }

  /** How long a renewal or heartbeat waits for an answer: under the TTL, so another try fits before it lapses. */
  private renewTimeoutMs(): number {
    return Math.max(100, Math.round(this.client.leaseTtlMs * CLUSTER_PARAMS.leaseRenewTimeoutShare));
  }

  units(): string[] {
    return [...this.held.keys()].sort();
  }

  /** Each unit held and the size of its state at its last checkpoint (JSON bytes: head and parts). */
  unitStates(): Array<{ unit: string; stateBytes: number }> {
    return this.units().map((unit) => ({ unit, stateBytes: this.held.get(unit)!.unit.stateBytes }));
  }

  /** Checkpoints and hands back every unit, then disconnects. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    if (this.renewTimer) clearInterval(this.renewTimer);
    await this.ticking;
    await this.lakeStarting;
    await this.lake?.stop();
    for (const name of [...this.held.keys()]) await this.release(name);
    await this.client.leases.delete(workerKey(this.opts.id)).catch(() => undefined);
    await this.client.nc.drain();
  }

  private async heartbeat(): Promise<void> {
    await this.client.leases.put(workerKey(this.opts.id), JSON.stringify({ pid: process.pid, units: this.units() }), { timeout: this.renewTimeoutMs() });
  }

  /** Renews every lease held (and the heartbeat) at once; a lease whose last renewal is still awaiting its
   *  answer is skipped this time. Never awaited by the caller: a slow server delays nothing else. */
  private renew(): void {
    if (this.closed) return;
    if (!this.heartbeating) {
      this.heartbeating = true;
      this.heartbeat()
        .catch((err: Error) => this.opts.log(`worker ${this.opts.id}: heartbeat not written (${err.message}); retrying`))
        .finally(() => { this.heartbeating = false; });
    }
    for (const [name, h] of this.held) {
      if (h.renewing || h.unit.failed) continue;
      h.renewing = true;
      const ours = (): boolean => !this.closed && this.held.get(name) === h;
      void renewLease(this.client.leases, leaseKey(name), this.opts.id, h.revision, this.renewTimeoutMs(), ours).then(async (r) => {
        h.renewing = false;
        if (!ours()) return; // handed back meanwhile
        if (r.kind === 'renewed') h.revision = r.revision;
        else if (r.kind === 'retry') this.opts.log(`worker ${this.opts.id}: lease of unit ${name} not renewed (${r.reason}); retrying`);
        else {
          this.opts.log(`worker ${this.opts.id}: lost the lease of unit ${name}`);
          this.held.delete(name);
          await h.unit.stop(false);
        }
      }).catch((err: Error) => this.opts.log(`worker ${this.opts.id}: unit ${name}: ${err.message}`));
    }
  }

  private async tick(): Promise<void> {
    if (this.closed) return;
    const { leases } = this.client;
    for (const [name, h] of this.held) {
      if (h.unit.failed) { // lost its state to another owner: let the lease go
        this.held.delete(name);
        await h.unit.stop(false);
        await withTimeout(leases.delete(leaseKey(name), { previousSeq: h.revision }), this.renewTimeoutMs()).catch(() => undefined); // only if still ours
      }
    }
    const all = workUnits(this.client);
    const t0 = Date.now();
    const workers = await this.liveWorkers();
    const countMs = Date.now() - t0;
    const target = Math.ceil(all.length / Math.max(1, workers));
    if (this.held.size > target) {
      await this.release(this.units().at(-1)!);
      return;
    }
    const claimed: Array<[string, Held]> = [];
    for (const name of all) {
      if (this.held.size >= target) break;
      if (this.held.has(name)) continue;
      let revision: number;
      try {
        revision = await leases.create(leaseKey(name), this.opts.id);
      } catch {
        continue; // held by another worker
      }
      const h: Held = { unit: new WorkUnit(this.client, name, this.opts.log), revision, renewing: false };
      this.held.set(name, h);
      claimed.push([name, h]);
    }
    if (claimed.length > 0) this.opts.log(`worker ${this.opts.id}: claimed units ${claimed.map(([n]) => n).join(',')} (${workers} live workers, ${countMs} ms to count; target ${target}, claims took ${Date.now() - t0 - countMs} ms)`);
    // Restored all at once (their leases are renewed meanwhile): a takeover of a dead worker's units waits
    // for the slowest restore, not for the sum of them.
    const failures = await Promise.all(claimed.map(async ([name, h]) => {
      try {
        await h.unit.start();
        return null;
      } catch (err) {
        if (this.held.get(name) === h) this.held.delete(name);
        await leases.delete(leaseKey(name)).catch(() => undefined);
        return err as Error;
      }
    }));
    const failed = failures.find((e): e is Error => e !== null);
    if (failed) throw failed;
  }

  /** Live workers (heartbeats not expired), counted on every tick: one stream-info request and a read per
   *  worker, bounded by the renewal timeout (the count of the tick before is kept if it fails). */
  private async liveWorkers(): Promise<number> {
    try {
      const ids = await withTimeout(liveKeys(this.client, 'worker.'), this.renewTimeoutMs());
      this.workerCount = ids.length;
    } catch (err) {
      this.opts.log(`worker ${this.opts.id}: counting workers: ${(err as Error).message}`);
    }
    return this.workerCount;
  }

  private async release(name: string): Promise<void> {
    const h = this.held.get(name);
    if (!h) return;
    this.held.delete(name);
    await h.unit.stop(true);
    await this.client.leases.delete(leaseKey(name), { previousSeq: h.revision }).catch(() => undefined);
    this.opts.log(`worker ${this.opts.id}: released unit ${name} (${h.unit.reports} reports, ${h.unit.checkpoints} checkpoints, ${h.unit.checkpointBytes} bytes of checkpoint written)`);
  }
}

/**
 * The keys of the leases bucket starting with `prefix` whose value is set (not deleted, not expired), with
 * their values. The keys come from one stream-info request (the bucket's subjects), not from a key listing:
 * a listing is a consumer told how many keys to expect, and a key that expired or was rewritten while it
 * ran (heartbeats are rewritten every renewal; a dead worker's expire) left it waiting for one that never
 * came — a takeover waited 10 s, the listing's bound, for that (2026-12-06).
 */
export async function liveEntries(client: Pick<ClusterClient, 'jsm' | 'leases'>, prefix: string): Promise<Map<string, string>> {
  const subjects = `$KV.${LEASE_BUCKET}.`;
  const info = await client.jsm.streams.info(`KV_${LEASE_BUCKET}`, { subjects_filter: `${subjects}${prefix}>` });
  const keys = Object.keys(info.state.subjects ?? {}).map((s) => s.slice(subjects.length));
  const entries = await Promise.all(keys.map(async (key) => [key, await client.leases.get(key)] as const));
  const out = new Map<string, string>();
  for (const [key, e] of entries) if (e && e.operation === 'PUT') out.set(key, e.string());
  return out;
}

export const liveKeys = async (client: Pick<ClusterClient, 'jsm' | 'leases'>, prefix: string): Promise<string[]> => [...(await liveEntries(client, prefix)).keys()];

/** Who holds which unit, from the leases bucket (for `tumen cluster status`). */
export async function leaseHolders(client: ClusterClient): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [key, holder] of await liveEntries(client, 'lease.')) out.set(key.slice('lease.'.length), holder);
  return out;
}
