// A unit's consumer of the reports stream, created anew on every (re)start to deliver from the report after
// its checkpoint. Not replicated and in memory (CLUSTER_PARAMS.unitConsumerReplicas): when its node dies the
// unit's watchdog (unit.ts) comes here again, and the old consumer must be gone before one of the same name is
// added — else the add finds it still assigned to the dead node and waits for an answer that never comes.
import { AckPolicy, DeliverPolicy, type JetStreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { ALL_REPORTS, CLUSTER_PARAMS, REPORTS_STREAM } from './params.js';
import { consumerName } from './unit-keys.js';
import { withTimeout } from './lease.js';

/** Deletes the unit's consumer (if any) and adds it again, delivering from `afterSeq + 1` (0: the first). */
export async function recreateConsumer(jsm: JetStreamManager, unit: string, afterSeq: number): Promise<void> {
  const name = consumerName(unit);
  await removeConsumer(jsm, name);
  await jsm.consumers.add(REPORTS_STREAM, {
    durable_name: name, filter_subject: ALL_REPORTS,
    // Not replicated, in memory: the unit's checkpoint is what it restarts from (params.ts).
    num_replicas: CLUSTER_PARAMS.unitConsumerReplicas, mem_storage: CLUSTER_PARAMS.unitConsumerMemory,
    // One ack per checkpoint covers every report before it (a unit's reports are processed in order).
    ack_policy: AckPolicy.All,
    max_ack_pending: CLUSTER_PARAMS.maxAckPending, ack_wait: nanos(60_000),
    ...(afterSeq > 0 ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: afterSeq + 1 } : { deliver_policy: DeliverPolicy.All }),
  });
}

/** Until the server says the consumer is not there (or `consumerDeleteWaitMs` has passed): a delete of a
 *  consumer whose node died is carried out by the cluster's meta leader but may never be answered, so
 *  each request is bounded and the answer looked for by asking after the consumer. */
async function removeConsumer(jsm: JetStreamManager, name: string): Promise<void> {
  const until = Date.now() + CLUSTER_PARAMS.consumerDeleteWaitMs;
  const ask = CLUSTER_PARAMS.consumerRequestWaitMs;
  try {
    await withTimeout(jsm.consumers.delete(REPORTS_STREAM, name), ask);
    return;
  } catch (err) {
    if (notFound(err)) return;
  }
  while (Date.now() < until) {
    try {
      await withTimeout(jsm.consumers.info(REPORTS_STREAM, name), ask);
      await withTimeout(jsm.consumers.delete(REPORTS_STREAM, name), ask).catch(() => undefined);
    } catch (err) {
      if (notFound(err)) return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

const notFound = (err: unknown): boolean => /consumer not found|10014/i.test(String((err as Error)?.message ?? err));
