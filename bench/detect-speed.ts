// Detection speed: the whole pipeline (segmentation + every detector) on simulated worlds of growing size,
// and the encounter detector alone, to show it grows like n log n (spatial grid, never all pairs).
//   node --max-old-space-size=12000 --import tsx bench/detect-speed.ts [--scales 1,4,16] [--base-vessels 150] [--days 6] [--runs 3]
// Each scale multiplies the number of vessels (same area, same days): density grows with n, the hard case
// for pair finding. Medians of `--runs` runs; the box is shared, so read ratios more than absolute times.
import { simulate } from '../src/sim/world.js';
import { memoryInput, runPipeline } from '../src/detectors/pipeline.js';
import { EncounterDetector } from '../src/detectors/encounter.js';
import { portIndex } from '../src/reference/wpi.js';
import { decodeLines } from './detect-decode.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : dflt;
};
const scales = arg('scales', '1,4,16').split(',').map(Number);
const baseVessels = Number(arg('base-vessels', '150'));
const days = Number(arg('days', '6'));
const runs = Number(arg('runs', '3'));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const rows: string[] = [];
let base: { n: number; allMs: number; encMs: number } | null = null;
for (const k of scales) {
  const vessels = baseVessels * k;
  const t0 = performance.now();
  const sim = simulate({ seed: 1, vessels, days });
  const decoded = decodeLines(sim.lines);
  const simMs = performance.now() - t0;
  const n = decoded.positions.length;
  const allTimes: number[] = [];
  const encTimes: number[] = [];
  let comparisons = 0;
  let events = 0;
  const byTime = [...decoded.positions].sort((a, b) => a.timeMs - b.timeMs || a.mmsi - b.mmsi);
  const ports = portIndex().ports.map((p) => ({ id: p.id, name: p.name, lat: p.lat, lon: p.lon }));
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    const res = await runPipeline(memoryInput(decoded.positions, decoded.statics), { windowEndMs: sim.endMs });
    allTimes.push(performance.now() - t);
    events = res.events.length;
    t = performance.now();
    const enc = new EncounterDetector({ ports });
    for (const p of byTime) enc.pushPosition(p);
    enc.flush();
    encTimes.push(performance.now() - t);
    comparisons = enc.counters.comparisons;
  }
  const allMs = median(allTimes), encMs = median(encTimes);
  base ??= { n, allMs, encMs };
  const nlogn = (n * Math.log(n)) / (base.n * Math.log(base.n));
  rows.push(
    `| ${k}× | ${vessels} | ${n.toLocaleString('en')} | ${(allMs / 1000).toFixed(2)} | ${((allMs * 1000) / n).toFixed(2)} | ${events} | ` +
      `${(encMs / 1000).toFixed(2)} | ${(encMs / base.encMs).toFixed(2)} | ${(n / base.n).toFixed(2)} | ${nlogn.toFixed(2)} | ${comparisons.toLocaleString('en')} |`,
  );
  console.log(`scale ${k}: simulated+decoded ${n} positions in ${(simMs / 1000).toFixed(1)} s; pipeline ${allTimes.map((x) => (x / 1000).toFixed(2)).join('/')} s; encounter ${encTimes.map((x) => (x / 1000).toFixed(2)).join('/')} s`);
}
console.log('\n| scale | vessels | positions | all detectors s | µs/position | events | encounter s | encounter time ratio | n ratio | n log n ratio | encounter distance checks |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
