// Publishing through a NATS node loss or a stream leader election. While a replicated stream elects a new
// leader (a few seconds after its node dies), publishes fail with "no responders" or time out; a client
// connected to the dead node reconnects to another. Every Tumen message carries a Nats-Msg-Id, so sending
// it again is safe: one that was stored but whose ack was lost comes back as a duplicate.
//
// A message sent again lands after messages published later: units put each input back in its order
// (src/cluster/input-order.ts), so a window's failures are simply sent again, as one window.
import type { JetStreamClient, PubAck } from '@nats-io/jetstream';
import { CLUSTER_PARAMS } from './params.js';

export interface Outgoing {
  subject: string;
  data: Uint8Array | string;
  msgId: string;
}

export interface WindowResult {
  acks: PubAck[];
  /** Sends again after a failure (an election, a reconnect). */
  retries: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Publishes `items` (all in flight at once) and returns their acks in order, sending the failed ones again
 * with backoff until `CLUSTER_PARAMS.publishRetryMs` has passed since the first failure; then throws the
 * last error.
 */
export async function publishWindow(js: JetStreamClient, items: readonly Outgoing[], log?: (line: string) => void): Promise<WindowResult> {
  const acks: Array<PubAck | undefined> = new Array(items.length);
  let todo = items.map((_, i) => i);
  let retries = 0;
  let firstFailure = 0;
  for (let attempt = 0; ; attempt++) {
    const sent = todo.map((i) => js.publish(items[i]!.subject, items[i]!.data, { msgID: items[i]!.msgId, timeout: CLUSTER_PARAMS.publishAttemptTimeoutMs }));
    const results = await Promise.allSettled(sent);
    const failed: number[] = [];
    let lastError: unknown;
    results.forEach((r, k) => {
      if (r.status === 'fulfilled') acks[todo[k]!] = r.value;
      else {
        failed.push(todo[k]!);
        lastError = r.reason;
      }
    });
    if (failed.length === 0) break;
    const now = Date.now();
    if (attempt === 0) firstFailure = now;
    if (now - firstFailure > CLUSTER_PARAMS.publishRetryMs) {
      throw new Error(`${failed.length} publishes still failing after ${Math.round((now - firstFailure) / 1000)} s: ${(lastError as Error)?.message ?? String(lastError)}`);
    }
    if (attempt === 0) log?.(`publish: ${failed.length} of ${todo.length} failed (${(lastError as Error)?.message ?? String(lastError)}); retrying`);
    retries += failed.length;
    todo = failed;
    await sleep(Math.min(2_000, 100 * 2 ** attempt));
  }
  return { acks: acks as PubAck[], retries };
}
