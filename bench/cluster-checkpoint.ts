// What a cluster unit's checkpoints weigh, in process (no NATS): the world's reports in time order through
// each unit's runner (src/cluster/unit-options.ts unitRunnerOptions); every --every reports (a checkpoint's worth:
// 2 s at 1,000 reports/s) the state is captured and sized three ways: whole (gzip of the JSON, as unit.ts
// wrote it before parts), in parts as unit.ts writes it now (src/cluster/checkpoint-parts.ts: the head and
// only the parts whose content changed since the previous capture), and an ideal per-vessel delta (the
// chains changed, the reception pairs changed, the rest whole). Prints bytes per checkpoint and bytes/s at
// --rate.
//   npx tsx bench/cluster-checkpoint.ts [--vessels 150] [--days 4] [--seed 12] [--every 2000] [--rate 1000] [--units v0,g,e0] [--start 0.6]
import { gzipSync } from 'node:zlib';
import { simulate } from '../src/sim/world.js';
import { DetectionRunner, type RunnerState } from '../src/detectors/runner.js';
import { unitRunnerOptions } from '../src/cluster/unit-options.js';
import { workUnits } from '../src/cluster/params.js';
import { splitState } from '../src/cluster/checkpoint-parts.js';
import { timeOrdered } from '../test/contract/world.js';
import { decodeLines } from './detect-decode.js';
import { arg } from './args.js';

const vessels = Number(arg('vessels', '150'));
const days = Number(arg('days', '4'));
const seed = Number(arg('seed', '12'));
const every = Number(arg('every', '2000'));
const rate = Number(arg('rate', '1000'));
const layout = { partitions: 4, cells: 2 };
const units = arg('units', workUnits(layout).join(',')).split(',');
/** Captures only past this fraction of the reports (the state filled: a long world's horizon reached). */
const start = Number(arg('start', '0'));

const sim = simulate({ seed, vessels, days });
const w = { ...decodeLines([...sim.lines]), endMs: sim.endMs };
const reports = timeOrdered({ ...w, lines: [] });
console.log(`world: seed ${seed}, ${vessels} ships, ${days} days: ${reports.length} reports; a capture every ${every} reports (${(every / rate).toFixed(1)} s at ${rate}/s)`);

const gz = (x: unknown): number => gzipSync(JSON.stringify(x)).length;
const kB = (n: number): string => (n / 1e3).toFixed(1);

for (const unit of units) {
  const runner = new DetectionRunner({ windowEndMs: w.endMs, ...unitRunnerOptions(unit, layout) });
  let prevVessels = new Map<number, string>();
  let prevPairs = new Map<number, number>();
  let prevParts = new Set<string>();
  const sum = { parts: 0, partsWritten: 0, partsHeld: 0, full: 0, reception: 0, vessels: 0, retired: 0, rest: 0, deltaVessels: 0, deltaReception: 0, changed: 0, held: 0, n: 0 };
  let lastFull = 0;
  for (let i = 0; i < reports.length; i++) {
    const x = reports[i]!;
    if (x.kind === 'position') runner.pushPosition(x.p);
    else runner.pushStatic(x.s);
    if ((i + 1) % every !== 0 || i < start * reports.length) continue;
    runner.take();
    const s: RunnerState = runner.snapshot();
    const full = gz(s);
    const split = splitState(s);
    const written = split.parts.filter((p) => !prevParts.has(`${p.name}.${p.hash}`));
    sum.parts += gz(split.head) + written.reduce((n, p) => n + gzipSync(p.json).length, 0);
    sum.partsWritten += written.length;
    sum.partsHeld += split.parts.length;
    prevParts = new Set(split.parts.map((p) => `${p.name}.${p.hash}`));
    const { reception, vessels: vs, retired, ...rest } = s;
    const now = new Map(vs.map(([m, c]) => [m, JSON.stringify(c)]));
    const changed = vs.filter(([m]) => now.get(m) !== prevVessels.get(m));
    const gone = [...prevVessels.keys()].filter((m) => !now.has(m));
    const pairs = new Map([...reception.all.map(([k, n]): [number, number] => [k * 2, n]), ...reception.terrestrial.map(([k, n]): [number, number] => [k * 2 + 1, n])]);
    const changedPairs = [...pairs].filter(([k, n]) => prevPairs.get(k) !== n);
    const droppedPairs = [...prevPairs.keys()].filter((k) => !pairs.has(k));
    const { all: _a, terrestrial: _t, ...receptionRest } = reception;
    sum.full += full;
    sum.reception += gz(reception);
    sum.vessels += gz(vs);
    sum.retired += gz(retired ?? []);
    sum.rest += gz(rest);
    sum.deltaVessels += gz({ changed, gone });
    sum.deltaReception += gz({ changedPairs, droppedPairs, receptionRest });
    sum.changed += changed.length;
    sum.held += vs.length;
    sum.n++;
    lastFull = full;
    prevVessels = now;
    prevPairs = pairs;
  }
  const per = (v: number): string => kB(v / sum.n);
  const perS = (v: number): string => kB((v / sum.n) * (rate / every));
  const delta = sum.deltaVessels + sum.deltaReception + sum.retired + sum.rest;
  console.log(`unit ${unit}: ${sum.n} captures, last ${kB(lastFull)} kB gz; mean kB gz per capture: whole ${per(sum.full)} = reception ${per(sum.reception)} + chains ${per(sum.vessels)} + retired ${per(sum.retired)} + globals etc. ${per(sum.rest)}`);
  console.log(`  chains changed per capture ${(sum.changed / sum.n).toFixed(1)} of ${(sum.held / sum.n).toFixed(1)}; delta per capture: chains ${per(sum.deltaVessels)} + reception ${per(sum.deltaReception)} + retired ${per(sum.retired)} + globals etc. ${per(sum.rest)} = ${per(delta)} kB`);
  console.log(`  parts written per capture ${(sum.partsWritten / sum.n).toFixed(1)} of ${(sum.partsHeld / sum.n).toFixed(1)}: ${per(sum.parts)} kB with the head`);
  console.log(`  at ${rate}/s: whole ${perS(sum.full)} kB/s, parts ${perS(sum.parts)} kB/s (${((sum.parts / sum.full) * 100).toFixed(0)} %), ideal delta ${perS(delta)} kB/s (${((delta / sum.full) * 100).toFixed(0)} %)`);
}
