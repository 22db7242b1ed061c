// The cluster's names and settings in one place, each with why it has its value (docs/cluster.md).
import { mmsiHash } from '../detectors/mmsi-hash.js';

/** Stream of decoded reports, one subject per vessel partition plus the end-of-input marker. */
export const REPORTS_STREAM = 'TUMEN_REPORTS';
export const reportSubject = (partition: number): string => `tumen.reports.${partition}`;
export const END_SUBJECT = 'tumen.reports.end';
/** The stops of each published input, ahead of its reports (the units' port areas are learned from them). */
export const PORTS_SUBJECT = 'tumen.reports.ports';
/** Places of an input the server dropped as duplicates (src/cluster/input-order.ts). */
export const SKIP_SUBJECT = 'tumen.reports.skip';
export const ALL_REPORTS = 'tumen.reports.>';
/** Stream of detected events, one subject per work unit. */
export const EVENTS_STREAM = 'TUMEN_EVENTS';
export const eventSubject = (unit: string): string => `tumen.events.${unit}`;
/** History (`tumen detect --lake DIR --nats URL`): work items, one per lake day and work unit, on a work-queue
 *  stream (an item is removed once a worker acks it); each run's events and unit-finished marks on its own
 *  subject of an output stream. */
export const LAKE_WORK_STREAM = 'TUMEN_LAKE_WORK';
export const LAKE_WORK_SUBJECT = 'tumen.lake.work';
export const LAKE_OUT_STREAM = 'TUMEN_LAKE_OUT';
export const lakeOutSubject = (run: string): string => `tumen.lake.out.${run}`;
/** The workers' shared durable consumer of the work items. */
export const LAKE_WORKERS_CONSUMER = 'lake-workers';
/** KV keys of a lake run in the state bucket: its plan, its stops, and each unit's state after each day. */
export const lakeKey = (run: string, ...parts: Array<string | number>): string => ['lake', run, ...parts].join('.');
/** KV buckets: leases and worker heartbeats (entries expire after LEASE_TTL_MS), checkpoints (kept). */
export const LEASE_BUCKET = 'tumen-leases';
export const STATE_BUCKET = 'tumen-state';
/** Partition count, fixed when the streams are created (hash of MMSI mod P). */
export const DEFAULT_PARTITIONS = 4;
/** Spatial cells of the encounter detector (src/detectors/spatial-cells.ts), fixed likewise: a unit's
 *  checkpoint holds its cell's state. */
export const DEFAULT_CELLS = 2;

/** How a cluster's work is cut: vessel partitions and spatial cells (KV `config.*`). */
export interface Layout {
  partitions: number;
  cells: number;
}

export const CLUSTER_PARAMS = {
  /** A lease not renewed this long expires and another worker takes the unit over: the recovery time after
   *  a kill -9 is about this plus the restore. Short for a loopback cluster; 10–30 s across machines.
   *  The default when the leases bucket is created (`tumen cluster up --lease-ttl`); the bucket keeps it. */
  leaseTtlMs: 10_000,
  /** Leases are renewed this often, as a share of the TTL (a fifth: a worker busy for seconds on a loaded
   *  machine still keeps its units). */
  leaseRenewShare: 1 / 5,
  /** A renewal (and a heartbeat) waits this share of the TTL for the server's answer, all of a worker's
   *  leases at once: with the client's 5 s default, renewals queued behind a lost NATS node let a 4 s lease
   *  lapse. Two tries fit in one TTL. */
  leaseRenewTimeoutShare: 2 / 5,
  /** A starting worker waits this many renewal periods after its first heartbeat before claiming units, so
   *  workers started together see each other and share the units at once instead of handing them back. */
  startupWaitRenewals: 1,
  /** Reports whose Nats-Msg-Id repeats within this window are dropped by the server. Every NATS node keeps
   *  each id of the window in memory, ~160 B of heap an id with the 80-character keys as ids (the 22 of
   *  `reportMsgId` save ~50 B of it) and ~2.5 times that in resident memory (bench/RESULTS.md, "Cluster:
   *  what grows in nats-server"), so a node grows by rate × window ids before it is flat: 6 h at 1,000
   *  reports/s is ~8 GB a node, at 20,000/s ~170 GB. 2 min
   *  (NATS's default) covers what the window must drop: a publish re-sent within `publishRetryMs` whose
   *  first send was stored (a unit also drops a place of its input it has passed: input-order.ts), and the
   *  same transmission from receivers that publish within seconds of each other. Satellite copies (30–240 min
   *  late) and a file re-sent later are stored again: size the window to them with `tumen cluster up
   *  --reports-duplicate-window` and the nodes' memory to rate × window. */
  reportsDuplicateWindowMs: 2 * 60_000,
  /** Reports older than this leave the reports stream (its memory and disk stay bounded). Units never read
   *  back behind their checkpoint (ports messages are restored from the state bucket), so only a unit down
   *  or behind for longer loses reports (it says so). A day: the duplicate window (which must not exceed
   *  it) four times over, and a night for an operator to bring a failed worker back
   *  (`tumen cluster up --reports-max-age`). */
  reportsMaxAgeMs: 24 * 3_600_000,
  /** The reports stream's byte limit, oldest removed first (-1: none, the disk's; `--reports-max-bytes`). */
  reportsMaxBytes: -1,
  /** Events whose Nats-Msg-Id (the event id) repeats within this window are dropped: it must outlast a
   *  unit's replay after a takeover (its checkpoint's age, the lease TTL, the restore; minutes on a loaded
   *  box), and the store's upsert absorbs what comes later. Events are a few per thousand reports, so 6 h of
   *  their ids costs the nodes little. */
  eventsDuplicateWindowMs: 6 * 3_600_000,
  /** Unacknowledged reports a unit may hold (flow control): above a checkpoint's worth. */
  maxAckPending: 50_000,
  /** Replicas of a unit's consumer, kept in memory: its delivered and acked state is not replicated. An R3
   *  consumer put every delivery through a RAFT group of its own on all three nodes (with R3 the nodes took
   *  0.51–0.63 ms a report, without 0.30–0.37 ms: bench/RESULTS.md "Cluster: units' consumers not
   *  replicated"); a unit needs none of it, since it restores from its KV checkpoint and re-creates its
   *  consumer from the sequence there on every (re)start. A consumer lost with its node is found by the
   *  unit's watchdog (`consumerLostHeartbeats`) and re-created on a live node. */
  unitConsumerReplicas: 1,
  unitConsumerMemory: true,
  /** A unit whose consumer misses this many idle heartbeats in a row (the client's, at half the pull's
   *  expiry: ~5 s for two) or is reported missing re-creates it from its checkpoint: an unreplicated
   *  consumer on a node that died answers no pull again, and the client would go on pulling for ever. */
  consumerLostHeartbeats: 2,
  /** Re-creating a lost consumer (removing it, then adding it, src/cluster/unit-consumer.ts) takes this
   *  long at most, every try included: with its node dead, the meta leader removes it but the answer to the
   *  delete may never come, an add of the same name before the removal waits 10 s in vain, and an add can
   *  itself be placed on the dead node (it is then removed and made again). Each request waits
   *  `consumerRequestWaitMs`: a loaded box answered adds in 0.01–0.3 s. */
  consumerDeleteWaitMs: 15_000,
  consumerRequestWaitMs: 2_000,
  /** While a lost consumer's delete goes unanswered, whether it is gone is asked this often (the meta leader
   *  answers "not found" once it has removed it; the delete's own answer may never come). */
  consumerPollMs: 250,
  /** A unit checkpoints (events published, state in KV, then acks) after this many reports or this long:
   *  each checkpoint serialises the unit's whole state, so not too often. */
  checkpointEveryReports: 20_000,
  checkpointEveryMs: 2_000,
  /** Capturing a checkpoint (snapshot + JSON) runs on the event loop that processes reports: at most this
   *  share of the time between checkpoints (a 150 ms capture spaces them 3 s apart). */
  checkpointCaptureShare: 0.05,
  /** A capture this long is logged (it delays every unit's events on that worker by as much). */
  slowCaptureLogMs: 250,
  /** A checkpoint taking this long from capture to acks and removals is logged with where the time went
   *  (the next one waits for it). */
  slowCheckpointLogMs: 5_000,
  /** Events completed are published this often between checkpoints (the live latency). */
  publishEveryMs: 200,
  /** Reports fetched per pull request. */
  fetchBatch: 1_000,
  /** One publish attempt waits this long for the server's ack before it is sent again (a loaded machine can
   *  take seconds to ack a replicated write; a request lost with a dying node must not hold a window long). */
  publishAttemptTimeoutMs: 15_000,
  /** Publishes are retried this long after their first failure: a stream leader election takes seconds,
   *  a client reconnecting to another node about as long. Past it the ingest fails (nothing is dropped). */
  publishRetryMs: 120_000,
  /** Publishes in flight before awaiting their acks (ingest). */
  publishWindow: 2_000,
  /** A lake work item not acked within this many lease TTLs goes to another worker (its worker died): the
   *  cluster's takeover time, with room for a slow fetch; a worker busy on a long day says it is still
   *  working at every lease renewal period. */
  lakeAckWaitTtls: 3,
  /** A lake worker's pull (2 s) that has not answered in this long was lost across a reconnect to another
   *  NATS node: the worker pulls again instead of waiting for it for ever (a late item it brings is nak'ed). */
  lakePullGuardMs: 10_000,
  /** A lake run's output is kept this long (the run's coordinator reads it as it comes). */
  lakeOutMaxAgeMs: 24 * 3_600_000,
  /** A client reads the cluster's layout (KV config.*) this long before it gives up: a replica catching up
   *  after a node restart may not have it yet; never replaced by a default (src/cluster/connect.ts). */
  layoutReadMs: 10_000,
  /** Largest checkpoint part (gzip JSON); the NATS servers are configured with this max_payload. */
  maxStateBytes: 8 * 1024 * 1024,
  /** A checkpoint's vessel chains go in this many parts by MMSI hash, each written only when one of its
   *  chains changed (src/cluster/checkpoint-parts.ts): more parts, fewer bytes per checkpoint where most
   *  vessels are quiet between two, but more KV keys to read at restore (Tumen). */
  checkpointVesselChunks: 64,
  /** At restore, listing a unit's parts to purge the ones its head does not read stops after this long: the
   *  leftovers of a crash cost space, not correctness, and must not hold a takeover up (Tumen). */
  partListingMs: 3_000,
} as const;

/** The vessel partition of an MMSI: its hash, so consecutive (and all-even) MMSIs spread. */
export function partitionOf(mmsi: number, partitions: number): number {
  return mmsiHash(mmsi) % partitions;
}

/** Work units: one per vessel partition (`v0`…) running the per-vessel detectors; `g`, the global
 *  (multi-vessel) detectors that are not spatial (identity changes: an IMO's MMSIs may be anywhere); one
 *  per spatial cell (`e0`…) running the spatial ones (encounters) on the positions in its squares and halo. */
export function workUnits({ partitions, cells }: Layout): string[] {
  return [...Array.from({ length: partitions }, (_, p) => `v${p}`), 'g', ...Array.from({ length: cells }, (_, c) => `e${c}`)];
}
