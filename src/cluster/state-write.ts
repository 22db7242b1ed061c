// Writing a unit's checkpoint to KV through a NATS node loss: while the state bucket elects a leader the
// write fails ("jetstream is not enabled", no responders, a timeout) and is tried again, as publishes are
// (src/cluster/publish-retry.ts). The write is conditional on the revision last written (a worker that lost
// the unit cannot overwrite the new owner's state), so a write that landed but whose reply was lost comes
// back as a revision mismatch on the retry: if the key holds exactly these bytes, it was ours.
import type { JetStreamManager } from '@nats-io/jetstream';
import { CLUSTER_PARAMS, STATE_BUCKET } from './params.js';
import { isRevisionMismatch } from './lease.js';

/** The part of a KV bucket a checkpoint write uses (the @nats-io/kv `KV`). */
export interface StateBucket {
  create(key: string, value: Uint8Array): Promise<number>;
  update(key: string, value: Uint8Array, revision: number): Promise<number>;
  get(key: string): Promise<{ operation: string; revision: number; value: Uint8Array } | null>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Writes `value` over `revision` (0: the key is new) and returns the new revision; throws on a revision
 *  mismatch (another owner wrote) or when failures outlast `retryMs`. */
export async function writeState(kv: StateBucket, key: string, value: Uint8Array, revision: number, retryMs: number = CLUSTER_PARAMS.publishRetryMs): Promise<number> {
  let firstFailure = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      return revision === 0 ? await kv.create(key, value) : await kv.update(key, value, revision);
    } catch (err) {
      if (isRevisionMismatch(err)) {
        if (attempt === 0) throw err;
        const e = await kv.get(key).catch(() => null);
        if (e && e.operation === 'PUT' && Buffer.from(e.value).equals(Buffer.from(value))) return e.revision;
        throw err;
      }
      const now = Date.now();
      if (attempt === 0) firstFailure = now;
      if (now - firstFailure > retryMs) throw err;
      await sleep(Math.min(2_000, 100 * 2 ** attempt));
    }
  }
}

/** Puts a value whose key names its content (an input's stops): writing it twice is harmless, so failures
 *  are simply retried, as publishes are, until `retryMs` has passed since the first. */
export async function putRetried(kv: { put(key: string, value: Uint8Array): Promise<number> }, key: string, value: Uint8Array, retryMs: number = CLUSTER_PARAMS.publishRetryMs): Promise<number> {
  let firstFailure = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      return await kv.put(key, value);
    } catch (err) {
      const now = Date.now();
      if (attempt === 0) firstFailure = now;
      if (now - firstFailure > retryMs) throw err;
      await sleep(Math.min(2_000, 100 * 2 ** attempt));
    }
  }
}

/** What removing state messages uses: the bucket's stream (message delete) and its last values. */
export interface StateRemover {
  jsm: { streams: Pick<JetStreamManager['streams'], 'deleteMessage'> };
  state: { get(key: string): Promise<{ revision: number } | null> };
}

/**
 * Removes state messages for good (a KV delete would leave a marker per key), each by its sequence: the one
 * the remover itself wrote or read, never "the key's last message". Keys of checkpoint parts are their
 * content, so the owner a unit moved to may write the same key again; deleting the key's last message would
 * then delete that owner's copy, which its head names. With one value per key (history 1) a rewrite has
 * already replaced the remover's message, and deleting that sequence does nothing.
 * Not by a filtered stream purge: nats-server before 2.9.18 replays one from its RAFT log, when a node
 * restarts, as a purge of the whole stream up to it (nats-io/nats-server#4196), so the restarted node's copy
 * of the bucket loses every older key (the layout, checkpoints) and serves that once it leads the bucket.
 * A message delete replays as itself. Best effort: a message left behind costs space, never correctness.
 */
export async function removeStateMessages(client: Pick<StateRemover, 'jsm'>, seqs: readonly number[]): Promise<void> {
  await Promise.all(seqs.map((seq) => client.jsm.streams.deleteMessage(`KV_${STATE_BUCKET}`, seq, false).catch(() => undefined)));
}

/**
 * Removes keys whose last message is older than `beforeSeq` (by sequence, as removeStateMessages): a key
 * written again since (by an owner that took the unit over after the head at `beforeSeq`) is left alone.
 */
export async function removeStateKeys(client: StateRemover, keys: readonly string[], beforeSeq: number = Number.POSITIVE_INFINITY): Promise<void> {
  const seqs = await Promise.all(keys.map(async (key) => {
    const e = await client.state.get(key).catch(() => null);
    return e && e.revision < beforeSeq ? e.revision : 0;
  }));
  await removeStateMessages(client, seqs.filter((s) => s > 0));
}
