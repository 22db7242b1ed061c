// The cluster's scaling model from measured per-unit cost, in process (no NATS): the world's reports in
// time order through one DetectionRunner per work unit of a layout (src/cluster/unit-options.ts unitRunnerOptions),
// CPU time of each, against one runner doing everything (the single-process `tumen detect` engine). Also a
// unit owning nothing (the read + segment floor every unit pays), and the union of the units' events
// compared with the single runner's.
//   npx tsx bench/cluster-units.ts [--vessels 150] [--days 4] [--seed 12] [--partitions 4] [--cells 2] [--runs 3]
import { cpuUsage } from 'node:process';
import { simulate } from '../src/sim/world.js';
import { DetectionRunner, type RunnerOptions } from '../src/detectors/runner.js';
import { unitRunnerOptions } from '../src/cluster/unit-options.js';
import { workUnits } from '../src/cluster/params.js';
import { applyPostSteps, POST_STEPS } from '../src/detectors/post-steps.js';
import { timeOrdered } from '../test/contract/world.js';
import { decodeLines } from './detect-decode.js';
import { arg } from './args.js';

const vessels = Number(arg('vessels', '150'));
const days = Number(arg('days', '4'));
const seed = Number(arg('seed', '12'));
const layout = { partitions: Number(arg('partitions', '4')), cells: Number(arg('cells', '2')) };
const runs = Number(arg('runs', '3'));

const sim = simulate({ seed, vessels, days });
const lines = [...sim.lines];
const w = { ...decodeLines(lines), endMs: sim.endMs, lines };
const reports = timeOrdered(w);
console.log(`world: seed ${seed}, ${vessels} ships, ${days} days: ${reports.length} reports (${w.positions.length} positions)`);

function run(options: RunnerOptions): { cpuS: number; ids: Map<string, string> } {
  const t = cpuUsage();
  const r = new DetectionRunner({ windowEndMs: w.endMs, ...options });
  const ids = new Map<string, string>();
  const take = (): void => {
    const out = r.take();
    for (const e of out.events) ids.set(e.id, JSON.stringify(e));
    for (const id of out.retracted) ids.delete(id);
  };
  for (let i = 0; i < reports.length; i++) {
    const x = reports[i]!;
    if (x.kind === 'position') r.pushPosition(x.p);
    else r.pushStatic(x.s);
    if ((i & 1023) === 0) take();
  }
  r.flush();
  take();
  const u = cpuUsage(t);
  return { cpuS: (u.user + u.system) / 1e6, ids };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rows: Array<[string, number[]]> = [];
run({}); // warm-up (JIT), not counted
let single = new Map<string, string>();
const union = new Map<string, string>();
const cases: Array<[string, RunnerOptions]> = [
  ['single process (everything)', {}],
  // A cell that is fed nothing: every vessel segmented, no detector — what every unit pays per report.
  ['floor: owns nothing (reception + segmenters)', { ownsVessel: () => false, cell: { feeds: () => false, owns: () => false }, postSteps: false }],
  ...workUnits(layout).map((u): [string, RunnerOptions] => [`unit ${u}`, unitRunnerOptions(u, layout)]),
];
for (const [name, opts] of cases) {
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const r = run(opts);
    times.push(r.cpuS);
    if (k === 0 && name.startsWith('single')) single = r.ids;
    if (k === 0 && name.startsWith('unit')) for (const [id, e] of r.ids) union.set(id, e);
  }
  rows.push([name, times]);
  console.log(`${name}: ${times.map((t) => t.toFixed(2)).join(' / ')} CPU-s, median ${median(times).toFixed(2)}`);
}
// The units' events through the post-steps as the store node applies them (the single runner applied them inline).
const post = POST_STEPS.map((p) => p.create(undefined));
const stored = new Map<string, string>();
for (const [id, json] of [...union].sort((a, b) => JSON.parse(a[1]).start.localeCompare(JSON.parse(b[1]).start))) {
  const v = applyPostSteps(post, JSON.parse(json));
  for (const r of v.retract) stored.delete(r);
  if (v.keep) stored.set(id, json);
}
const same = stored.size === single.size && [...single].every(([id, e]) => stored.get(id) === e);
console.log(`events: single ${single.size}, units ${stored.size} after post-steps: ${same ? 'identical' : 'DIFFERENT'}`);
const unitMedians = rows.filter(([n]) => n.startsWith('unit')).map(([n, t]) => [n, median(t)] as const);
const sum = unitMedians.reduce((s, [, t]) => s + t, 0);
const max = Math.max(...unitMedians.map(([, t]) => t));
const singleS = median(rows[0]![1]);
const floorS = median(rows[1]![1]);
console.log(`model: units sum ${sum.toFixed(2)} CPU-s (${(sum / singleS).toFixed(2)}× single ${singleS.toFixed(2)}), largest unit ${max.toFixed(2)}, floor ${floorS.toFixed(2)}`);
console.log(`  ideal speed-up with one core per unit: single / largest = ${(singleS / max).toFixed(2)}×; per report ${((floorS / reports.length) * 1e6).toFixed(2)} µs floor, ${((singleS / reports.length) * 1e6).toFixed(2)} µs single`);
