// The detection replay of two or more builds, alternated in one process over the same positions and statics
// held in memory: what `tumen detect` spends ~78 % of its CPU on (bench/RESULTS.md, eighth pass), without
// the store read, the anchorage update and the process start, whose run-to-run spread hides a few per cent.
//   npx tsx bench/detect-ab.ts --db STORE.duckdb --builds /work/wt/base,/work/wt/new [--runs 4]
// Each build is a checkout with `npm run build` done: its dist/ is imported as it stands. The store is read
// once by the first build (positions in time order, statics, ports from its stored anchorages, as the
// command does); each run is that build's runPipeline over them. Runs alternate (A B, B A, …); CPU seconds
// are the process's over the run (user + system), medians per build; the events of every run are hashed,
// so the builds are shown to find the same events.
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Position } from '../src/tracks/position.js';
import type { StaticReport } from '../src/detectors/detector.js';
import { arg } from './args.js';

const db = arg('db', '');
const builds = arg('builds', '').split(',').filter(Boolean);
const runs = Number(arg('runs', '4'));
if (!db || builds.length === 0) throw new Error('--db STORE.duckdb and --builds DIR[,DIR…] are required');

type Pipeline = typeof import('../src/detectors/pipeline.js');
const from = async <T>(build: string, module: string): Promise<T> => (await import(`${build}/dist/${module}`)) as T;

const first = builds[0]!;
const { Store } = await from<typeof import('../src/store/db.js')>(first, 'store/db.js');
const { storeInput } = await from<typeof import('../src/store/pipeline-source.js')>(first, 'store/pipeline-source.js');
const { storedStops } = await from<typeof import('../src/store/anchorages.js')>(first, 'store/anchorages.js');
const { portAreasFrom } = await from<typeof import('../src/anchorages/collect.js')>(first, 'anchorages/collect.js');
const store = await Store.open(db, { readOnly: true, memoryLimit: '300MB' });
const input = storeInput(store);
const positions: Position[] = [];
const statics: StaticReport[] = [];
for await (const batch of input.positionsByTime()) for (const p of batch) positions.push(p);
for await (const batch of input.statics()) for (const s of batch) statics.push(s);
const stops = { ...(await storedStops(store)), positions: 0 };
store.close();
console.log(`${db}: ${positions.length} positions, ${statics.length} statics, ${stops.stops.length} stops`);

const pipelines: Pipeline[] = [];
for (const b of builds) pipelines.push(await from<Pipeline>(b, 'detectors/pipeline.js'));
const cpu: number[][] = builds.map(() => []);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (let r = 0; r < runs; r++) {
  const order = builds.map((_, i) => (r % 2 === 0 ? i : builds.length - 1 - i));
  for (const i of order) {
    const pipeline = pipelines[i]!;
    const ports = portAreasFrom(stops).areas;
    const load0 = loadavg()[0]!;
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    const { events } = await pipeline.runPipeline(pipeline.memoryInput(positions, statics), { ports });
    const c = process.cpuUsage(c0);
    const s = (c.user + c.system) / 1e6;
    cpu[i]!.push(s);
    const digest = createHash('md5').update(JSON.stringify(events)).digest('hex').slice(0, 12);
    console.log(`run ${r + 1} ${builds[i]}: ${s.toFixed(2)} CPU-s, ${((performance.now() - w0) / 1000).toFixed(1)} s wall, load ${load0.toFixed(1)}–${loadavg()[0]!.toFixed(1)}, ${events.length} events ${digest}, ${new Date().toISOString().slice(11, 19)} UTC`);
  }
}
builds.forEach((b, i) => console.log(`${b}: median ${median(cpu[i]!).toFixed(2)} CPU-s over ${runs} (${cpu[i]!.map((x) => x.toFixed(2)).join(', ')})`));
