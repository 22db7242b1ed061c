// Simulator throughput: build a world and stream its lines (no disk), several runs, medians. Peer in the
// same run: Tumen's AisDecoder reading the very same lines back (the simulator should not be the slow
// side of a simulate → ingest pipeline).
//   npx tsx bench/sim.ts [--vessels 200] [--days 7] [--runs 3]
import { cpus } from 'node:os';
import { simulate } from '../src/sim/index.js';
import { AisDecoder } from '../src/ais/index.js';
import { arg } from './args.js';

const vessels = Number(arg('vessels', '200'));
const days = Number(arg('days', '7'));
const runs = Number(arg('runs', '3'));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const simS: number[] = [], decS: number[] = [], simCpu: number[] = [], decCpu: number[] = [];
const cpuS = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
let lines: string[] = [];
let positions = 0;
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  const c0 = cpuS();
  const w = simulate({ seed: 1, vessels, days });
  lines = [];
  for (const l of w.lines) lines.push(l);
  simS.push((performance.now() - t0) / 1000);
  simCpu.push(cpuS() - c0);
  positions = w.counts.emittedPositions;
  const t1 = performance.now();
  const c1 = cpuS();
  const d = new AisDecoder();
  for (const l of lines) d.decodeLine(l);
  d.flush();
  decS.push((performance.now() - t1) / 1000);
  decCpu.push(cpuS() - c1);
}
const s = median(simS), d = median(decS);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}`);
console.log(`world ${vessels} ships × ${days} days: ${lines.length} lines, ${positions} positions heard`);
console.log(`simulate (build + stream): median ${s.toFixed(2)} s of [${simS.map((x) => x.toFixed(2)).join(', ')}] = ${Math.round(lines.length / s)} lines/s`);
console.log(`decode the same lines:     median ${d.toFixed(2)} s of [${decS.map((x) => x.toFixed(2)).join(', ')}] = ${Math.round(lines.length / d)} lines/s`);
console.log(`CPU seconds (user+sys, less sensitive to a shared box): simulate median ${median(simCpu).toFixed(2)}, decode median ${median(decCpu).toFixed(2)}`);
console.log(`ratio simulate / decode: wall ${(s / d).toFixed(2)}, CPU ${(median(simCpu) / median(decCpu)).toFixed(2)}`);
