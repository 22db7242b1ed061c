// Connecting to the NATS cluster and creating what Tumen needs on it (idempotent): the reports and events
// streams and the two KV buckets, replicated over the cluster's nodes (RAFT).
import { connect, nanos, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, JetStreamApiCodes, JetStreamApiError, jetstreamManager, type JetStreamClient, type JetStreamManager, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { Kvm, type KV } from '@nats-io/kv';
import { ALL_REPORTS, CLUSTER_PARAMS, DEFAULT_CELLS, DEFAULT_PARTITIONS, EVENTS_STREAM, LAKE_OUT_STREAM, LAKE_WORK_STREAM, LAKE_WORK_SUBJECT, LEASE_BUCKET, REPORTS_STREAM, STATE_BUCKET } from './params.js';

export interface ClusterClient {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  leases: KV;
  state: KV;
  partitions: number;
  /** Spatial cells of the encounter detector (units e0…), fixed like the partitions. */
  cells: number;
  /** The leases bucket's TTL, fixed when the bucket is first created (workers renew at a fifth of it). */
  leaseTtlMs: number;
}

/** `nats://HOST:PORT[,nats://HOST:PORT…]`: the client learns the other nodes from the one it reaches. */
export function parseNatsUrl(url: string): string[] {
  const servers = url.split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of servers) {
    if (!/^nats:\/\/[^/\s]+:\d+$/.test(s)) throw new Error(`not a NATS URL: "${s}" (expected nats://HOST:PORT)`);
  }
  if (servers.length === 0) throw new Error('no NATS URL given (expected nats://HOST:PORT)');
  return servers;
}

export interface ReportsLimits {
  /** The reports stream's age and byte limits and duplicate window when this client creates it
   *  (CLUSTER_PARAMS defaults). */
  reportsMaxAgeMs?: number;
  reportsMaxBytes?: number;
  reportsDuplicateWindowMs?: number;
}

/**
 * Connects and makes sure the streams and buckets exist (created with `partitions` and `replicas` the first
 * time; afterwards the stored layout and lease TTL win: reports are already split by the one, running
 * workers renew by the other). A missing layout fails after `layoutReadMs` (CLUSTER_PARAMS.layoutReadMs).
 */
export async function connectCluster(url: string, opts: { name: string; partitions?: number; cells?: number; replicas?: number; leaseTtlMs?: number; layoutReadMs?: number } & ReportsLimits): Promise<ClusterClient> {
  const nc = await connect({ servers: parseNatsUrl(url), name: opts.name, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
  try {
    const js = jetstream(nc);
    const jsm = await jetstreamManager(nc, { timeout: 10_000 });
    const replicas = opts.replicas ?? (nc.info?.cluster ? 3 : 1);
    await ensureStreams(jsm, replicas, opts);
    const kvm = new Kvm(js);
    // An existing bucket is opened as it is: its TTL was chosen by the client that created it.
    const leases = await kvm.create(LEASE_BUCKET, { replicas, history: 1, ttl: opts.leaseTtlMs ?? CLUSTER_PARAMS.leaseTtlMs });
    const leaseTtlMs = (await leases.status()).ttl;
    const newCluster = !(await streamExists(jsm, `KV_${STATE_BUCKET}`));
    const state = await kvm.create(STATE_BUCKET, { replicas, history: 1, maxValueSize: CLUSTER_PARAMS.maxStateBytes });
    // The layout is fixed by the client that sets the cluster up (reports already published are split by
    // it): only that one, or one asked for a layout, writes it; every other client reads it, and fails
    // rather than go on with a default if it is missing from a cluster that exists (a node serving a copy
    // of the bucket that lost keys: src/cluster/state-write.ts).
    const fixed = async (key: string, asked: number | undefined, otherwise: number): Promise<number> => {
      if (asked !== undefined || newCluster) {
        try {
          await state.create(key, String(asked ?? otherwise));
        } catch { /* set before */ }
      }
      return readFixed(state, key, opts.layoutReadMs ?? CLUSTER_PARAMS.layoutReadMs);
    };
    const partitions = await fixed(PARTITIONS_KEY, opts.partitions, DEFAULT_PARTITIONS);
    const cells = await fixed(CELLS_KEY, opts.cells, DEFAULT_CELLS);
    return { nc, js, jsm, leases, state, partitions, cells, leaseTtlMs };
  } catch (err) {
    await nc.close();
    throw err;
  }
}

const PARTITIONS_KEY = 'config.partitions';
const CELLS_KEY = 'config.cells';

async function streamExists(jsm: JetStreamManager, name: string): Promise<boolean> {
  try {
    await jsm.streams.info(name);
    return true;
  } catch (err) {
    // Anything but "not found" (an election, a timeout): treated as existing, so nothing is written.
    return !(err instanceof JetStreamApiError && err.code === JetStreamApiCodes.StreamNotFound);
  }
}

/** A layout value, read until a replica that has it answers (reads may go to any replica: direct get) or
 *  `waitMs` have passed. */
async function readFixed(state: KV, key: string, waitMs: number): Promise<number> {
  const deadline = Date.now() + waitMs;
  let last = 'missing';
  for (;;) {
    try {
      const e = await state.get(key);
      if (e && e.operation === 'PUT') {
        const n = Number(e.string());
        if (!Number.isInteger(n) || n < 1) throw new Error(`bad value in KV ${STATE_BUCKET}/${key}: "${e.string()}" (expected a positive integer)`);
        return n;
      }
      last = 'missing';
    } catch (err) {
      if ((err as Error).message.startsWith('bad value')) throw err;
      last = (err as Error).message;
    }
    if (Date.now() > deadline) {
      throw new Error(`the cluster's layout KV ${STATE_BUCKET}/${key} could not be read (${last}); it is written once, when the cluster is set up (tumen cluster up --partitions P --cells C), and never defaulted afterwards`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function ensureStreams(jsm: JetStreamManager, replicas: number, limits: ReportsLimits): Promise<void> {
  const reportsMaxAgeMs = limits.reportsMaxAgeMs ?? CLUSTER_PARAMS.reportsMaxAgeMs;
  const streams = [
    // Bounded by age (and bytes, if asked): units restore from their checkpoint and the state bucket, never
    // from behind it. The server wants the duplicate window within the age limit.
    {
      name: REPORTS_STREAM, subjects: [ALL_REPORTS], windowMs: Math.min(limits.reportsDuplicateWindowMs ?? CLUSTER_PARAMS.reportsDuplicateWindowMs, reportsMaxAgeMs),
      maxAgeMs: reportsMaxAgeMs, maxBytes: limits.reportsMaxBytes ?? CLUSTER_PARAMS.reportsMaxBytes,
    },
    { name: EVENTS_STREAM, subjects: ['tumen.events.>'], windowMs: CLUSTER_PARAMS.eventsDuplicateWindowMs },
    // History work items: removed once acked; a next-day item published twice (a redone day) is dropped.
    { name: LAKE_WORK_STREAM, subjects: [LAKE_WORK_SUBJECT], windowMs: CLUSTER_PARAMS.eventsDuplicateWindowMs, retention: RetentionPolicy.Workqueue },
    { name: LAKE_OUT_STREAM, subjects: ['tumen.lake.out.>'], windowMs: CLUSTER_PARAMS.eventsDuplicateWindowMs, maxAgeMs: CLUSTER_PARAMS.lakeOutMaxAgeMs },
  ];
  for (const s of streams) {
    try {
      await jsm.streams.info(s.name);
    } catch {
      await jsm.streams.add({
        name: s.name, subjects: s.subjects, storage: StorageType.File, retention: s.retention ?? RetentionPolicy.Limits,
        num_replicas: replicas, duplicate_window: nanos(s.windowMs), ...(s.maxAgeMs ? { max_age: nanos(s.maxAgeMs) } : {}),
        ...('maxBytes' in s && s.maxBytes !== undefined && s.maxBytes > 0 ? { max_bytes: s.maxBytes } : {}),
      });
    }
  }
}
