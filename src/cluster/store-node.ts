// The store node (`tumen serve --nats URL`): a durable consumer of the events stream writing every event
// into a DuckDB store, through the post-steps (loitering explained by an encounter, a gap explained by an
// identity handover: dropped or deleted, whichever arrives first), then acking. Events are upserted by id, so a redelivery or an event re-sent
// after a worker's restart changes nothing, and a later version of an event that was open at an
// end-of-input marker replaces it. Several store nodes (each its own store and consumer name) can run.
//
// Without an open server store the node holds its file while events keep coming and lets it go once a
// fetch finds none for its expiry (1 s), so `tumen events --db FILE` can read it when the flow pauses and
// after `tumen cluster wait` (DuckDB lets one process hold a file); a batch that finds the file busy waits
// and retries, its events still unacked. Opening the file for every batch cost ~130 ms of CPU each (the
// schema check on open, the checkpoint on close), a tenth of a core while events flow.
import { AckPolicy, DeliverPolicy, type Consumer, type JsMsg } from '@nats-io/jetstream';
import type { TumenEvent } from '../events/schema.js';
import { Store } from '../store/db.js';
import { ensureEventsSchema } from '../store/events.js';
import { deleteEventsById, queryEvents, upsertEvents } from '../store/events-write.js';
import { applyPostSteps, POST_STEPS, type PostStep } from '../detectors/post-steps.js';
import { connectCluster, type ClusterClient } from './connect.js';
import { EVENTS_STREAM } from './params.js';

export interface StoreNodeOptions {
  url: string;
  /** Store file (opened per batch), unless `store` is given (a running server's write connection). */
  dbPath: string;
  store?: Store;
  /** Durable consumer name: one per store node. */
  name: string;
  /** Called with the events newly stored (SSE). */
  onEvents?: (events: TumenEvent[]) => void;
  log: (line: string) => void;
}

const BATCH = 2_000;

export class StoreNode {
  private client!: ClusterClient;
  private post: PostStep[] = [];
  private stopped = false;
  /** The store file while events keep coming (no server store): let go when a fetch brings none. */
  private held: Store | null = null;
  private done: Promise<void> = Promise.resolve();
  /** Counters for status lines. */
  readonly stats = { events: 0, retracted: 0, batches: 0 };

  constructor(private readonly opts: StoreNodeOptions) {}

  async start(): Promise<void> {
    this.client = await connectCluster(this.opts.url, { name: `tumen-store-${this.opts.name}` });
    // The post-step's memory comes from what is stored: a restarted node judges new events the same way.
    this.post = POST_STEPS.map((p) => p.create());
    await this.withStore(async (store) => {
      for (const e of await queryEvents(store)) applyPostSteps(this.post, e);
    });
    this.release();
    const consumer = `store-${this.opts.name}`;
    try {
      await this.client.jsm.consumers.info(EVENTS_STREAM, consumer);
    } catch {
      await this.client.jsm.consumers.add(EVENTS_STREAM, {
        durable_name: consumer, filter_subject: 'tumen.events.>', ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All, max_ack_pending: 4 * BATCH,
      });
    }
    this.done = this.loop(consumer);
  }

  async close(): Promise<void> {
    this.stopped = true;
    await this.done.catch((err: Error) => this.opts.log(`store node: ${err.message}`));
    this.release();
    await this.client.nc.drain();
  }

  /** Fetches and stores until closed. A failed fetch (a NATS node lost, its consumer's leader moving:
   *  "heartbeats missed", timeouts) is retried; what it delivered before failing is stored and acked. */
  private async loop(name: string): Promise<void> {
    while (!this.stopped) {
      try {
        const consumer = await this.client.js.consumers.get(EVENTS_STREAM, name);
        while (!this.stopped) await this.batch(consumer);
      } catch (err) {
        if (this.stopped) break;
        this.opts.log(`store node: ${(err as Error).message}; retrying`);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  private async batch(consumer: Consumer): Promise<void> {
    const msgs: JsMsg[] = [];
    let failure: unknown = null;
    try {
      for await (const m of await consumer.fetch({ max_messages: BATCH, expires: 1000 })) msgs.push(m);
    } catch (err) {
      failure = err;
    }
    if (msgs.length > 0) await this.store(msgs);
    else this.release(); // a pause in the flow: readers may have the file
    if (failure) throw failure;
  }

  private async store(msgs: JsMsg[]): Promise<void> {
    const events: TumenEvent[] = [];
    const retract: string[] = [];
    for (const m of msgs) {
      const e = m.json<TumenEvent>();
      const v = applyPostSteps(this.post, e);
      if (v.keep) events.push(e);
      retract.push(...v.retract);
    }
    await this.withStore(async (store) => {
      await store.transaction(async () => {
        await upsertEvents(store, events);
        this.stats.retracted += await deleteEventsById(store, retract);
      });
    });
    for (const m of msgs) m.ack();
    this.stats.events += events.length;
    this.stats.batches++;
    this.opts.onEvents?.(events);
  }

  /** Lets the store file go (readers may open it). */
  private release(): void {
    this.held?.close();
    this.held = null;
  }

  /** Runs `fn` on the node's store: the server's connection, or the file, held since an earlier batch or
   *  opened now (retried while another process holds it) and kept for the next batch. A failure lets it go. */
  private async withStore(fn: (store: Store) => Promise<void>): Promise<void> {
    if (this.opts.store) {
      await ensureEventsSchema(this.opts.store);
      return fn(this.opts.store);
    }
    if (this.held) {
      try {
        return await fn(this.held);
      } catch (err) {
        this.release();
        throw err;
      }
    }
    for (let attempt = 0; ; attempt++) {
      let store: Store;
      try {
        store = await Store.open(this.opts.dbPath);
      } catch (err) {
        if (this.stopped || !/lock/i.test((err as Error).message)) throw err;
        if (attempt % 50 === 0) this.opts.log(`store node: ${this.opts.dbPath} is busy, retrying`);
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      try {
        await ensureEventsSchema(store);
        await fn(store);
        this.held = store;
        return;
      } catch (err) {
        store.close();
        throw err;
      }
    }
  }
}
