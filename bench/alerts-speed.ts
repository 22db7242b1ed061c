// Cost of watch rules in `tumen detect`: the detection pipeline over a simulated world, alone and with the
// alert evaluator tapped into the same replay (runPipeline's observer), plus the evaluator alone over the same
// time-ordered stream. Rules: one dark rule per watched IMO (all ports of interest, 50 km), one active and
// one encounter rule, with `listed` IMOs on a list. Medians of `runs`.
//   npx tsx bench/alerts-speed.ts [--seed 2] [--vessels 200] [--days 5] [--watched 20] [--listed 20] [--runs 3]
import { performance } from 'node:perf_hooks';
import { arg } from './args.js';
import { simulate } from '../src/sim/world.js';
import { decodeLines } from './detect-decode.js';
import { memoryInput, runPipeline } from '../src/detectors/pipeline.js';
import { AlertEvaluator, type ListingIndex } from '../src/alerts/evaluator.js';
import { makeRule } from '../src/alerts/rules.js';
import { isImoPresent, isValidImo } from '../src/reference/imo.js';
import type { Listing } from '../src/alerts/types.js';

const seed = Number(arg('seed', '2')), vessels = Number(arg('vessels', '200')), days = Number(arg('days', '5'));
const watched = Number(arg('watched', '20')), listed = Number(arg('listed', '20')), runs = Number(arg('runs', '3'));

const { positions, statics } = decodeLines(simulate({ seed, vessels, days }).lines);
const imos = [...new Set(statics.map((s) => s.imo).filter((i): i is number => isImoPresent(i) && isValidImo(i)))].map((i) => String(i).padStart(7, '0'));
const rules = [
  ...imos.slice(0, watched).map((imo) => makeRule({ kind: 'dark', imo })),
  makeRule({ kind: 'active' }), makeRule({ kind: 'encounter' }),
];
const listings: ListingIndex = new Map(imos.slice(-listed).map((imo): [string, Listing[]] => [`imo:${imo}`, [{ list: 'bench', version: null, name: imo, key: imo, matched_on: 'imo', value: imo }]]));

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const plain: number[] = [], tapped: number[] = [], alone: number[] = [];
let raised = 0;
for (let r = 0; r < runs; r++) {
  let t = performance.now();
  const base = await runPipeline(memoryInput(positions, statics));
  plain.push(performance.now() - t);
  const ev = new AlertEvaluator(rules, listings);
  t = performance.now();
  const withAlerts = await runPipeline(memoryInput(positions, statics), { observer: ev });
  for (const e of withAlerts.events) ev.pushEvent(e);
  raised = ev.take().length;
  tapped.push(performance.now() - t);
  if (withAlerts.events.length !== base.events.length) throw new Error('the tap changed the events');
  const byTime = [...positions].sort((a, b) => a.timeMs - b.timeMs || a.mmsi - b.mmsi);
  const st = [...statics].sort((a, b) => a.timeMs - b.timeMs);
  const solo = new AlertEvaluator(rules, listings);
  t = performance.now();
  let si = 0;
  for (const p of byTime) {
    while (si < st.length && st[si]!.timeMs <= p.timeMs) solo.pushStatic(st[si++]!);
    solo.pushPosition(p);
  }
  alone.push(performance.now() - t);
}
const p = median(plain), w = median(tapped), a = median(alone);
console.log(`world: seed ${seed}, ${vessels} vessels, ${days} days: ${positions.length} positions, ${statics.length} statics; ${rules.length} rules (${watched} dark), ${listed} listed IMOs`);
console.log(`detect pipeline alone ${(p / 1000).toFixed(2)} s; with watch rules ${(w / 1000).toFixed(2)} s (${(((w - p) / p) * 100).toFixed(1)} %); ${raised} alerts`);
console.log(`evaluator alone ${(a / 1000).toFixed(3)} s = ${((a * 1e6) / positions.length).toFixed(0)} ns/position; medians of ${runs}`);
