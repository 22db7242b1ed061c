// `tumen detect --lake DIR [--nats URL]`: detection over a lake of history (`tumen export --format parquet
// --partition-by day`) instead of the store's positions — in this process, or split over a cluster's workers
// as day × work-unit items (src/cluster/lake-run.ts). Either way the events are `tumen detect`'s over the
// store the lake was exported from; they are stored in --db as `tumen detect` stores its own.
import type { ParamOverrides } from '../../detectors/registry.js';
import type { EventType } from '../../events/types.js';
import type { PipelineResult } from '../../detectors/pipeline.js';
import { runPipeline } from '../../detectors/pipeline.js';
import { portAreasFrom } from '../../anchorages/collect.js';
import { lakeLayout, lakeStops, openLake } from '../../store/lake.js';
import { storeInput } from '../../store/pipeline-source.js';
import { withStore } from '../../store/db.js';
import { replaceEvents } from '../../store/events-write.js';
import { recordDetectRun } from '../../store/detect-runs.js';
import { detectLakeOnCluster } from '../../cluster/lake-run.js';

export interface LakeDetectOptions {
  db: string;
  lake: string;
  nats?: string;
  /** The runner's types to run (a subset only when --type was given). */
  types: EventType[];
  allTypes: boolean;
  params: ParamOverrides;
  paramSpecs: string[];
}

async function inProcess(dir: string, o: LakeDetectOptions): Promise<PipelineResult> {
  const layout = await lakeLayout(dir);
  const lake = await openLake(dir, layout);
  try {
    const { areas } = portAreasFrom(await lakeStops(lake));
    process.stderr.write(`lake: ${layout.days.length} days (${layout.days[0]} … ${layout.days.at(-1)})\n`);
    return await runPipeline(storeInput(lake), { types: new Set(o.types), params: o.params, ports: areas });
  } finally {
    lake.close();
  }
}

/** Runs the detection and stores its events; returns the summary line's parts. */
export async function detectLake(o: LakeDetectOptions): Promise<{ result: PipelineResult; inserted: number; deleted: number }> {
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const result = o.nats
    ? await detectLakeOnCluster(o.nats, o.lake, { ...(o.allTypes ? {} : { types: o.types }), params: o.params, log })
    : await inProcess(o.lake, o);
  return withStore(o.db, async (store) => {
    const r = await replaceEvents(store, result.events, o.types);
    const command = `tumen detect --lake ${o.lake}${o.nats ? ` --nats ${o.nats}` : ''}`;
    await recordDetectRun(store, { command, types: o.types, params: o.paramSpecs, atMs: Date.now() });
    return { result: { events: result.events, stats: result.stats }, ...r };
  });
}
