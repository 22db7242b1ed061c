// A unit's consumer of the reports stream, created anew on every (re)start to deliver from the report after
// its checkpoint. Not replicated and in memory (CLUSTER_PARAMS.unitConsumerReplicas): when its node dies the
// unit's watchdog (unit.ts) comes here again, and the old consumer must be gone before one of the same name is
// added — else the add finds it still assigned to the dead node and waits for an answer that never comes.
// The add itself can land on the dead node too: a single-replica consumer goes to one of the stream's peers,
// and for seconds after a kill -9 the meta leader still counts the dead node among them (2026-12-07: an add
// unanswered for 10 s, then the same add on a live node at once). So each add is bounded, and one unanswered
// is removed and made again.
import { AckPolicy, DeliverPolicy, type ConsumerConfig, type JetStreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { ALL_REPORTS, CLUSTER_PARAMS, REPORTS_STREAM } from './params.js';
import { consumerName } from './unit-keys.js';
import { withTimeout } from './lease.js';

/** The consumer requests a re-creation makes (a JetStreamManager's `consumers`). */
export type ConsumerApi = Pick<JetStreamManager['consumers'], 'add' | 'delete' | 'info'>;

/** How long each step waits (CLUSTER_PARAMS by default). */
export interface RecreateBounds {
  /** The whole re-creation, every try included; past it the last failure is thrown (the unit retries). */
  totalMs: number;
  /** One request (a delete, an add, an info). */
  requestMs: number;
  /** Between two questions whether the old consumer is gone. */
  pollMs: number;
}

const DEFAULT_BOUNDS: RecreateBounds = {
  totalMs: CLUSTER_PARAMS.consumerDeleteWaitMs,
  requestMs: CLUSTER_PARAMS.consumerRequestWaitMs,
  pollMs: CLUSTER_PARAMS.consumerPollMs,
};

/** The unit's consumer configuration, delivering from `afterSeq + 1` (0: the first). */
export function unitConsumerConfig(unit: string, afterSeq: number): Partial<ConsumerConfig> {
  return {
    durable_name: consumerName(unit), filter_subject: ALL_REPORTS,
    // Not replicated, in memory: the unit's checkpoint is what it restarts from (params.ts).
    num_replicas: CLUSTER_PARAMS.unitConsumerReplicas, mem_storage: CLUSTER_PARAMS.unitConsumerMemory,
    // One ack per checkpoint covers every report before it (a unit's reports are processed in order).
    ack_policy: AckPolicy.All,
    max_ack_pending: CLUSTER_PARAMS.maxAckPending, ack_wait: nanos(60_000),
    ...(afterSeq > 0 ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: afterSeq + 1 } : { deliver_policy: DeliverPolicy.All }),
  };
}

/** Deletes the unit's consumer (if any) and adds it again, delivering from `afterSeq + 1` (0: the first).
 *  Returns how many adds it took (1 unless one went unanswered). */
export async function recreateConsumer(api: ConsumerApi, unit: string, afterSeq: number, log: (line: string) => void = () => undefined, bounds: RecreateBounds = DEFAULT_BOUNDS): Promise<number> {
  const name = consumerName(unit);
  const config = unitConsumerConfig(unit, afterSeq);
  const until = Date.now() + bounds.totalMs;
  for (let adds = 1; ; adds++) {
    await removeConsumer(api, name, until, bounds);
    try {
      await withTimeout(api.add(REPORTS_STREAM, config), bounds.requestMs);
      return adds;
    } catch (err) {
      // Answered late on a loaded box, the add did land: a consumer with a leader and this start is ours.
      const info = await withTimeout(api.info(REPORTS_STREAM, name), bounds.requestMs).catch(() => null);
      if (info && info.cluster?.leader && info.config.deliver_policy === config.deliver_policy && (info.config.opt_start_seq ?? 0) === (config.opt_start_seq ?? 0)) return adds;
      if (Date.now() >= until) throw err;
      log(`unit ${unit}: adding its consumer: ${(err as Error).message} (placed on a lost node?); removing it and adding it again`);
    }
  }
}

/** Until the server says the consumer is not there (or `until` has passed): a delete of a consumer whose
 *  node died is carried out by the cluster's meta leader but may never be answered, so the answer is looked
 *  for by asking after the consumer every `pollMs` meanwhile, and the delete is sent again every request
 *  bound (it waited a whole bound before, ~2 s of every lost consumer's re-creation). */
async function removeConsumer(api: ConsumerApi, name: string, until: number, bounds: RecreateBounds): Promise<void> {
  let gone = false;
  const del = (): Promise<void> => withTimeout(api.delete(REPORTS_STREAM, name), bounds.requestMs).then(
    () => { gone = true; },
    (err: unknown) => { if (notFound(err)) gone = true; },
  );
  let deleting = del();
  let sentAt = Date.now();
  while (!gone && Date.now() < until) {
    await Promise.race([deleting, sleep(bounds.pollMs)]);
    if (gone) return;
    try {
      await withTimeout(api.info(REPORTS_STREAM, name), bounds.requestMs);
    } catch (err) {
      if (notFound(err)) return;
    }
    if (Date.now() - sentAt >= bounds.requestMs) {
      deleting = del();
      sentAt = Date.now();
    }
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const notFound = (err: unknown): boolean => /consumer not found|10014/i.test(String((err as Error)?.message ?? err));
