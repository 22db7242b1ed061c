// A checkpoint's ack (AckPolicy.All: it covers every report before it), confirmed by the server.
import type { JsMsg } from '@nats-io/jetstream';
import type { ClusterClient } from './connect.js';

/** Acks `m` and waits for the server's confirmation, three tries (an ack is idempotent); past them the
 *  consumer's ack wait redelivers what is unacknowledged, and the unit acks it again. */
export async function ackConfirmed(m: JsMsg, nc: ClusterClient['nc']): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // Again by hand: the message sends its ack once. Its reply subject is the implementation's (not typed).
      if (attempt === 0 ? await m.ackAck({ timeout: 5_000 }) : (await nc.request((m as unknown as { reply: string }).reply, '+ACK', { timeout: 5_000 }), true)) return;
    } catch { /* no answer: a leader being elected */ }
  }
}
