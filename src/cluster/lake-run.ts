// `tumen detect --lake DIR --nats URL`: detection over a lake of history, split over the cluster's workers
// as day × work-unit items (src/cluster/lake-worker.ts). This coordinator learns the port areas from the
// lake's stops (as `tumen detect` learns them from the store's), writes the run's plan to KV, queues each
// unit's first day, and collects the run's events until every unit has done its last day; then it applies
// the post-steps over all of them, as the store node does. Events are deduplicated by id (a redone day sends
// its events again), so the result is `tumen detect`'s over the store the lake was exported from.
import { nuid } from '@nats-io/transport-node';
import type { TumenEvent } from '../events/schema.js';
import type { ParamOverrides } from '../detectors/registry.js';
import type { RunnerStats } from '../detectors/runner.js';
import { applyPostSteps, POST_STEPS } from '../detectors/post-steps.js';
import { countByType, sortedEvents, type PipelineStats } from '../detectors/pipeline.js';
import { addCounts } from '../detectors/vessel-chain.js';
import { lakeLayout, lakeStops, openLake } from '../store/lake.js';
import { connectCluster } from './connect.js';
import { encodePorts } from './messages.js';
import { publishWindow } from './publish-retry.js';
import { ensureLakeConsumer } from './lake-worker.js';
import { LAKE_OUT_STREAM, LAKE_WORK_SUBJECT, lakeKey, lakeOutSubject, workUnits } from './params.js';
import { planKey, portsKey, putJson, type LakeItem, type LakeOut, type LakePlan } from './lake-messages.js';

export interface LakeRunOptions {
  types?: string[];
  params?: ParamOverrides;
  log: (line: string) => void;
  /** Say so when no unit has finished for this long (no worker running?). */
  quietWarnMs?: number;
}

export interface LakeRunResult {
  run: string;
  days: number;
  units: number;
  events: TumenEvent[];
  stats: PipelineStats;
}

export async function detectLakeOnCluster(url: string, dir: string, opts: LakeRunOptions): Promise<LakeRunResult> {
  const lake = await lakeLayout(dir);
  const all = await openLake(dir, lake);
  let ports;
  try {
    ports = encodePorts(await lakeStops(all));
  } finally {
    all.close();
  }
  const client = await connectCluster(url, { name: 'tumen-detect-lake' });
  const run = nuid.next();
  try {
    const units = workUnits(client);
    const plan: LakePlan = { dir, lake, layout: { partitions: client.partitions, cells: client.cells }, ...(opts.types ? { types: opts.types } : {}), ...(opts.params ? { params: opts.params } : {}) };
    await putJson(client.state, planKey(run), plan);
    await putJson(client.state, portsKey(run), ports);
    await ensureLakeConsumer(client);
    // Read the run's output from its start, before any item is queued.
    const consumer = await client.js.consumers.get(LAKE_OUT_STREAM, { filter_subjects: lakeOutSubject(run) });
    const messages = await consumer.consume();
    await publishWindow(client.js, units.map((unit) => ({ subject: LAKE_WORK_SUBJECT, data: JSON.stringify({ run, unit, day: 0 } satisfies LakeItem), msgId: `${run}.${unit}.0` })), opts.log);
    opts.log(`lake run ${run}: ${lake.days.length} days × ${units.length} units queued (${lake.days[0]} … ${lake.days.at(-1)})`);
    const byId = new Map<string, TumenEvent>();
    const finished = new Map<string, RunnerStats>();
    const quiet = setInterval(() => opts.log(`lake run ${run}: ${finished.size} of ${units.length} units done, ${byId.size} events so far (are workers running? tumen worker --nats ${url})`), opts.quietWarnMs ?? 60_000);
    try {
      for await (const m of messages) {
        const o = m.json<LakeOut>();
        if (o.k === 'e') byId.set(o.e.id, o.e);
        else if (o.k === 'error') throw new Error(`${o.reason} (every worker must read the lake at ${dir}: a shared file system)`);
        else {
          finished.set(o.unit, o.stats);
          opts.log(`lake run ${run}: unit ${o.unit} done (${finished.size} of ${units.length})`);
          if (finished.size === units.length) break;
        }
      }
    } finally {
      clearInterval(quiet);
      messages.stop();
    }
    // Post-steps over every unit's events, as the store node applies them (order-independent).
    const post = POST_STEPS.map((p) => p.create());
    const kept = new Map<string, TumenEvent>();
    for (const e of sortedEvents(byId.values())) {
      const v = applyPostSteps(post, e);
      for (const id of v.retract) kept.delete(id);
      if (v.keep) kept.set(e.id, e);
    }
    const events = sortedEvents(kept.values());
    return { run, days: lake.days.length, units: units.length, events, stats: { ...runStats(finished), eventsByType: countByType(events) } };
  } finally {
    for (const key of [planKey(run), portsKey(run)]) await client.state.delete(key).catch(() => undefined);
    // Day states left by redone days (each unit's last one is removed by its worker).
    for await (const key of await client.state.keys(`${lakeKey(run)}.>`)) await client.state.delete(key).catch(() => undefined);
    await client.nc.drain();
  }
}

/** The run's counts: positions and segments as every unit saw them (unit g segments every vessel), the
 *  candidates dropped summed over the units (each type is one kind of unit's). */
function runStats(finished: ReadonlyMap<string, RunnerStats>): RunnerStats {
  const g = finished.get('g')!;
  const dropped: Record<string, Record<string, number>> = {};
  for (const s of finished.values()) for (const [type, byReason] of Object.entries(s.dropped)) addCounts(dropped, type, byReason);
  return { ...g, dropped };
}
