// A worker's share of history (`tumen detect --lake DIR --nats URL`): it takes work items — one UTC day of
// the lake for one work unit — from the work-queue stream through the workers' shared consumer. For an
// item it restores the unit's runner from its state after the day before (KV), replays the day's positions
// and statics from the lake (the store's own readers over the Parquet files, src/store/lake.ts), sends the
// events the day completed (Nats-Msg-Id = run + event id), writes the state after the day, queues the unit's
// next day, then acks. A worker that dies mid-item leaves it unacked: it goes to another worker after the
// ack wait, which redoes the day from the same state — the same events with the same ids, dropped as
// duplicates — so each event arrives once however often a day is done.
//
// Days of one unit follow each other (a day needs the chains' state at the end of the one before); the
// units of a day run in parallel over the workers. The last day flushes (open gaps, runs still going), as
// `tumen detect` does at the end of the store.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Consumer, JsMsg } from '@nats-io/jetstream';
import { AckPolicy } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { DetectionRunner, type RunnerOptions, type RunnerState } from '../detectors/runner.js';
import type { TumenEvent } from '../events/schema.js';
import { replayInto } from '../detectors/pipeline.js';
import { portAreasFrom } from '../anchorages/collect.js';
import { openLake } from '../store/lake.js';
import { storeInput } from '../store/pipeline-source.js';
import type { ClusterClient } from './connect.js';
import { mergePorts, type ReportMessage } from './messages.js';
import { publishWindow } from './publish-retry.js';
import { unitRunnerOptions } from './unit-options.js';
import { CLUSTER_PARAMS, LAKE_WORK_STREAM, LAKE_WORK_SUBJECT, LAKE_WORKERS_CONSUMER, lakeOutSubject } from './params.js';
import { dayStateKey, getJson, planKey, portsKey, putJson, type LakeItem, type LakeOut, type LakePlan } from './lake-messages.js';

type PortsMessage = Extract<ReportMessage, { k: 'ports' }>;

/** A run's plan and runner options, read once per run. */
interface RunSetup {
  plan: LakePlan;
  ports: RunnerOptions['ports'];
}

export async function ensureLakeConsumer(client: ClusterClient): Promise<Consumer> {
  try {
    await client.jsm.consumers.info(LAKE_WORK_STREAM, LAKE_WORKERS_CONSUMER);
  } catch {
    await client.jsm.consumers.add(LAKE_WORK_STREAM, {
      durable_name: LAKE_WORKERS_CONSUMER, filter_subject: LAKE_WORK_SUBJECT, ack_policy: AckPolicy.Explicit,
      ack_wait: nanos(CLUSTER_PARAMS.lakeAckWaitTtls * client.leaseTtlMs), max_deliver: -1,
    });
  }
  return client.js.consumers.get(LAKE_WORK_STREAM, LAKE_WORKERS_CONSUMER);
}

export class LakeWorker {
  private stopped = false;
  private done: Promise<void> = Promise.resolve();
  private readonly runs = new Map<string, RunSetup>();
  /** Items done by this worker (status lines). */
  items = 0;

  constructor(private readonly client: ClusterClient, private readonly workerId: string, private readonly log: (line: string) => void) {}

  async start(): Promise<void> {
    const consumer = await ensureLakeConsumer(this.client);
    this.done = this.loop(consumer);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.done.catch(() => undefined);
  }

  private async loop(consumer: Consumer): Promise<void> {
    while (!this.stopped) {
      let m: JsMsg | null = null;
      try {
        const pull = consumer.next({ expires: 2_000 });
        const guard = new AbortController();
        const lost = sleep(CLUSTER_PARAMS.lakePullGuardMs, 'lost' as const, { signal: guard.signal }).catch(() => null);
        const answer = await Promise.race([pull, lost]).finally(() => guard.abort());
        if (answer === 'lost') {
          pull.then((late) => late?.nak(), () => undefined);
          this.log(`lake: a pull had no answer in ${CLUSTER_PARAMS.lakePullGuardMs} ms; pulling again`);
          continue;
        }
        m = answer;
        if (m) await this.process(m);
      } catch (err) {
        if (this.stopped) break;
        this.log(`lake: ${(err as Error).message}; the item goes back to the queue`);
        m?.nak(1_000);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  private async setup(run: string): Promise<RunSetup | null> {
    let s = this.runs.get(run);
    if (!s) {
      const plan = await getJson<LakePlan>(this.client.state, planKey(run));
      const ports = await getJson<PortsMessage>(this.client.state, portsKey(run));
      if (!plan || !ports) return null;
      s = { plan, ports: portAreasFrom(mergePorts([ports])).areas };
      this.runs.set(run, s);
    }
    return s;
  }

  private async process(m: JsMsg): Promise<void> {
    const item = m.json<LakeItem>();
    const s = await this.setup(item.run);
    if (!s) { // the run was finished or abandoned (its coordinator removed the plan): nothing to do
      this.log(`lake: run ${item.run} has no plan; item ${item.unit} day ${item.day} dropped`);
      m.term();
      return;
    }
    const { plan } = s;
    const options: RunnerOptions = {
      ...unitRunnerOptions(item.unit, plan.layout), ports: s.ports,
      ...(plan.types ? { types: new Set(plan.types) } : {}), ...(plan.params ? { params: plan.params } : {}),
    };
    let runner: DetectionRunner;
    if (item.day === 0) runner = new DetectionRunner(options);
    else {
      const state = await getJson<RunnerState>(this.client.state, dayStateKey(item.run, item.unit, item.day - 1));
      if (!state) throw new Error(`run ${item.run}: no state of unit ${item.unit} after day ${plan.lake.days[item.day - 1]}`);
      runner = DetectionRunner.restore(state, options);
    }
    const day = plan.lake.days[item.day]!;
    const events: TumenEvent[] = [];
    let toldMs = Date.now();
    try {
      const lake = await openLake(plan.dir, plan.lake, day);
      try {
        await replayInto(runner, storeInput(lake), () => {
          events.push(...runner.take().events);
          if (Date.now() - toldMs > this.client.leaseTtlMs * CLUSTER_PARAMS.leaseRenewShare) { // a long day: keep the item ours
            m.working();
            toldMs = Date.now();
          }
        });
      } finally {
        lake.close();
      }
    } catch (err) {
      // The lake cannot be read here (not at this path on this machine, a file gone): the run cannot finish,
      // so its coordinator is told (and stops with the reason) rather than the item going round for ever.
      const reason = `worker ${this.workerId} cannot read ${plan.dir} day ${day}: ${(err as Error).message}`;
      await publishWindow(this.client.js, [{ subject: lakeOutSubject(item.run), data: JSON.stringify({ k: 'error', unit: item.unit, reason } satisfies LakeOut), msgId: `${item.run}.${item.unit}.${item.day}.error` }], this.log);
      m.term();
      this.log(`lake: ${reason}`);
      return;
    }
    const last = item.day === plan.lake.days.length - 1;
    if (last) runner.flush();
    events.push(...runner.take().events);
    const out = lakeOutSubject(item.run);
    const msg = (o: LakeOut): string => JSON.stringify(o);
    for (let i = 0; i < events.length; i += CLUSTER_PARAMS.publishWindow) {
      const window = events.slice(i, i + CLUSTER_PARAMS.publishWindow);
      await publishWindow(this.client.js, window.map((e) => ({ subject: out, data: msg({ k: 'e', e }), msgId: `${item.run}.${e.id}` })), this.log);
    }
    if (last) {
      await publishWindow(this.client.js, [{ subject: out, data: msg({ k: 'done', unit: item.unit, stats: runner.stats }), msgId: `${item.run}.${item.unit}.done` }], this.log);
    } else {
      await putJson(this.client.state, dayStateKey(item.run, item.unit, item.day), runner.snapshot());
      const next: LakeItem = { ...item, day: item.day + 1 };
      await publishWindow(this.client.js, [{ subject: LAKE_WORK_SUBJECT, data: JSON.stringify(next), msgId: `${item.run}.${item.unit}.${next.day}` }], this.log);
    }
    await m.ackAck();
    this.items++;
    // The state before this day is no longer needed (a redo of this day would need it: only after the ack).
    if (item.day > 0) await this.client.state.delete(dayStateKey(item.run, item.unit, item.day - 1)).catch(() => undefined);
    this.log(`lake: run ${item.run} unit ${item.unit} day ${day}: ${events.length} events`);
  }
}
