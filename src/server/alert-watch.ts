// The watch rules between the store and the alert evaluator (src/alerts): for `tumen detect` (a replay of
// the store, fed as the runPipeline's observer) and for `tumen serve` (the live feed, as an observer of live
// detection). New alerts are stored once (content-derived ids), labelled with who each ship is, published
// to SSE subscribers and delivered to their rule's webhook.
import type { Store } from '../store/db.js';
import type { TumenEvent } from '../events/schema.js';
import type { StaticReport } from '../detectors/detector.js';
import type { Position } from '../tracks/position.js';
import { AlertEvaluator } from '../alerts/evaluator.js';
import type { WatchRule } from '../alerts/types.js';
import { insertNewAlerts, labelAlerts, listRules, loadListings, watchSeed, type LabelledAlert } from '../store/watch.js';
import { deliverAlerts, resumeDeliveries, type DeliveryDeps, type DeliverySummary } from './alert-delivery.js';
import type { Hub } from './event-hub.js';
import type { LiveObserver } from './live-detect.js';
import type { SilenceJudge } from '../detectors/runner.js';

export interface Watch {
  evaluator: AlertEvaluator;
  rules: Map<string, WatchRule>;
  /** Identifiers on loaded lists the rules can match (0: no list loaded, or its index not built). */
  listedIdentifiers: number;
}

/** The stored rules as an evaluator; null when there are none. `seeded`: start from the store's state (live). */
export async function loadWatch(store: Store, seeded: boolean): Promise<Watch | null> {
  const stored = await listRules(store);
  if (stored.length === 0) return null;
  const listings = await loadListings(store);
  const rules = stored.map((r) => r.rule);
  return {
    evaluator: new AlertEvaluator(rules, listings, seeded ? await watchSeed(store, rules) : undefined),
    rules: new Map(rules.map((r) => [r.id, r])),
    listedIdentifiers: listings.size,
  };
}

export interface RaiseResult {
  raised: number;
  fresh: LabelledAlert[];
  deliveries: Promise<DeliverySummary>;
}

/** Stores what the evaluator raised since the last call; the new ones are labelled and sent to webhooks
 *  (their attempts logged through `logStore`, default `store`). */
export async function raiseAlerts(store: Store, watch: Watch, nowMs: number, deps: DeliveryDeps = {}, logStore: Store = store): Promise<RaiseResult> {
  const raised = watch.evaluator.take();
  const fresh = await labelAlerts(store, await insertNewAlerts(store, raised, nowMs));
  return { raised: raised.length, fresh, deliveries: fresh.length ? deliverAlerts(logStore, fresh, watch.rules, deps) : Promise.resolve({ delivered: 0, failed: 0, unhooked: 0 }) };
}

/** After a replay (`tumen detect`): its events go to the evaluator, then alerts are raised and delivered. */
export async function finishReplay(store: Store, watch: Watch, events: readonly TumenEvent[], nowMs: number, deps: DeliveryDeps = {}): Promise<RaiseResult> {
  for (const e of events) watch.evaluator.pushEvent(e);
  return raiseAlerts(store, watch, nowMs, deps);
}

/** What a user must hear about rules that cannot fire: listed-ship rules with no list identifiers loaded. */
export function watchWarnings(watch: Watch): string[] {
  const listed = [...watch.rules.values()].filter((r) => r.kind !== 'dark_near_port');
  return listed.length && watch.listedIdentifiers === 0
    ? [`${listed.length} listed-ship rule(s) cannot match: no IMO or MMSI of any loaded list is indexed (tumen lists import FILE)`]
    : [];
}

/** Watch rules on the live feed: reloaded when rules or lists change, alerts to SSE and webhooks. */
export class LiveAlerts implements LiveObserver {
  private watch: Watch | null = null;
  private judge: SilenceJudge | null = null;
  private readonly deliveries = new Set<Promise<unknown>>();
  private readonly stopping = new AbortController();
  readonly stats = { alerts: 0, delivered: 0, failed: 0 };

  /** `logStore`: a connection of its own for the delivery log, written while live passes run. */
  constructor(private readonly store: Store, private readonly logStore: Store, private readonly hub: Hub<LabelledAlert>, private readonly deps: DeliveryDeps = {}) {}

  /** Live detection's silence judge, handed to every evaluator built from now on. */
  useSilenceJudge(judge: SilenceJudge): void {
    this.judge = judge;
    this.watch?.evaluator.useSilenceJudge(judge);
  }

  /** Rebuilds the evaluator from the store (call between live passes: LiveDetection.serialised). */
  async reload(): Promise<void> {
    this.watch = await loadWatch(this.store, true);
    this.watch?.evaluator.useSilenceJudge(this.judge);
    // A rule just added may already hold (a watched ship silent for days): raise it now.
    if (this.watch) await this.afterPass([]);
  }

  pushStatic(s: StaticReport): void {
    this.watch?.evaluator.pushStatic(s);
  }

  pushPosition(p: Position): void {
    this.watch?.evaluator.pushPosition(p);
  }

  async afterPass(events: readonly TumenEvent[]): Promise<void> {
    if (!this.watch) return;
    for (const e of events) this.watch.evaluator.pushEvent(e);
    const { fresh, deliveries } = await raiseAlerts(this.store, this.watch, Date.now(), { ...this.deps, signal: this.stopping.signal }, this.logStore);
    this.stats.alerts += fresh.length;
    for (const a of fresh) this.hub.publish(a);
    const pending = deliveries.then((d) => { this.stats.delivered += d.delivered; this.stats.failed += d.failed; })
      .catch((err: Error) => console.error(`tumen serve: webhook delivery: ${err.message}`))
      .finally(() => this.deliveries.delete(pending));
    this.deliveries.add(pending);
  }

  /** Deliveries an earlier server left unfinished (killed, or stopped while backing off) go on in the background. */
  resumePending(): void {
    const pending = resumeDeliveries(this.logStore, this.watch?.rules ?? new Map(), { ...this.deps, signal: this.stopping.signal })
      .then((d) => { this.stats.delivered += d.delivered; this.stats.failed += d.failed; })
      .catch((err: Error) => console.error(`tumen serve: resuming webhook deliveries: ${err.message}`))
      .finally(() => this.deliveries.delete(pending));
    this.deliveries.add(pending);
  }

  /** Stops retrying and waits for attempts in flight (each is logged). */
  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.all([...this.deliveries]);
  }
}
