// Each published input in its own order, whatever the stream's. The publisher numbers its messages (`i` its
// input id, `n` 0, 1, 2 …); a publish that failed (no responders while a stream leader is elected) is sent
// again and lands after messages published later, so the stream holds that input out of order. A unit
// passes on each input's messages in `n` order: a message ahead of the next expected one waits here (at
// most a publish window of them: the publisher sends no new window before the last is fully stored), one
// already passed (a redelivery) is dropped. Places whose message the server dropped as a duplicate (a
// re-sent file) are named by a `skip` message, so nothing waits for them. Kept in the unit's checkpoint.
import type { ReportMessage } from './messages.js';

export interface Sequenced {
  r: ReportMessage;
  /** Stream sequence the message was stored at. */
  seq: number;
}

export interface InputOrderState {
  next: Array<[string, number]>;
  waiting: Array<[string, Array<[number, Sequenced]>]>;
}

/** A place whose message the server dropped as a duplicate. */
const SKIPPED: Sequenced = { r: { k: 'skip', ranges: [] }, seq: 0 };

export class InputOrder {
  private readonly next: Map<string, number>;
  private readonly waiting: Map<string, Map<number, Sequenced>>;

  constructor(state?: InputOrderState) {
    this.next = new Map(state?.next ?? []);
    this.waiting = new Map((state?.waiting ?? []).map(([id, list]) => [id, new Map(list)]));
  }

  /** The messages now ready, in their input's order (none, this one, or this one and those it unblocks). */
  accept(m: Sequenced): Sequenced[] {
    const { i, n } = m.r;
    if (i === undefined) return [m];
    if (m.r.k === 'skip') {
      for (const [a, b] of m.r.ranges) for (let k = a; k <= b; k++) this.hold(i, k, SKIPPED);
      return this.drain(i);
    }
    if (n === undefined) return [m];
    this.hold(i, n, m);
    return this.drain(i);
  }

  private hold(i: string, n: number, m: Sequenced): void {
    if (n < (this.next.get(i) ?? 0)) return; // passed already (a redelivery)
    let held = this.waiting.get(i);
    if (!held) this.waiting.set(i, (held = new Map()));
    // A place named skipped may still hold a message: a retried publish whose first send was stored.
    if (m !== SKIPPED || !held.has(n)) held.set(n, m);
  }

  /** Passes on input `i`'s messages from its next expected place while they are there. */
  private drain(i: string): Sequenced[] {
    const held = this.waiting.get(i);
    if (!held) return [];
    const out: Sequenced[] = [];
    let k = this.next.get(i) ?? 0;
    for (let w = held.get(k); w; w = held.get(k)) {
      if (w !== SKIPPED && w.r.k !== 'skip') out.push(w);
      held.delete(k++);
    }
    if (held.size === 0) this.waiting.delete(i);
    this.next.set(i, k);
    return out;
  }

  /** Messages waiting for an earlier one of their input. */
  get waitingCount(): number {
    let n = 0;
    for (const h of this.waiting.values()) n += h.size;
    return n;
  }

  snapshot(): InputOrderState {
    return { next: [...this.next], waiting: [...this.waiting].map(([id, h]) => [id, [...h]]) };
  }
}
