// Detection quality over a matrix of world variations (docs/simulator.md "World variations"): for each
// variation and seed, simulate → NMEA lines → decode in-process (bench/detect-decode.ts, as bench/detect.ts)
// → runPipeline → score against the truth (src/detectors/score.ts: same type, same MMSI — the unordered pair
// for encounters — time intervals overlapping with ±20 min; gap_intentional = intentional gaps on both
// sides; dark_port_call_port also needs the port; loitering and encounters on scripted meetings heard too
// thinly to be truth are excused, and counted apart). Counts are pooled over the seeds of a variation.
//   npx tsx bench/detect-matrix.ts [--seeds 101,102] [--vessels 150] [--days 4] [--only classic,unseen]
//                                  [--dense-vessels 2500] [--dense-days 1.5] [--no-dense] [--json out.json] [--show-misses]
//                                  [--coast sim|own]  (sim: the 1:50 m coast the world was drawn on; own: the
//                                  detectors' default 1:10 m coast, as a user runs them — the world's lanes
//                                  and berths were not drawn on it)
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { landIndex, landIndex50m } from '../src/geo/land.js';
import { simulate } from '../src/sim/world.js';
import { CLASSIC_WORLD, UNSEEN_WORLD, variationLabel, type WorldVariation } from '../src/sim/variation.js';
import { memoryInput, runPipeline } from '../src/detectors/pipeline.js';
import { scoreEvents } from '../src/detectors/score.js';
import { decodeLines } from './detect-decode.js';
import { arg, flag } from './args.js';

const seeds = arg('seeds', '101,102').split(',').map(Number);
const vessels = Number(arg('vessels', '150'));
const days = Number(arg('days', '4'));
const denseVessels = Number(arg('dense-vessels', '2500'));
const denseDays = Number(arg('dense-days', '1.5'));
const only = flag('only') ? new Set(arg('only', '').split(',')) : null;
const showMisses = flag('show-misses');
const coast = arg('coast', 'sim');
if (coast !== 'sim' && coast !== 'own') throw new Error(`--coast ${coast}: expected sim or own`);

interface Variation { name: string; variation: WorldVariation; vessels: number; days: number; seeds: number[]; tuned: boolean }
const V = (name: string, v: Partial<WorldVariation>, tuned = false): Variation => ({ name, variation: { ...CLASSIC_WORLD, ...v }, vessels, days, seeds, tuned });
const matrix: Variation[] = [
  V('classic', {}, true),
  V('berths=spread', { berths: 'spread' }),
  V('receivers=random', { receivers: 'random' }),
  V('receivers=sparse', { receivers: 'sparse' }),
  V('receiver changes', { receiverChanges: true }),
  V('satellite=thin', { satellite: 'thin' }),
  V('satellite=none', { satellite: 'none' }),
  V('evaders=varied', { evaders: 'varied' }),
  V('unseen (all axes)', UNSEEN_WORLD),
];
if (!flag('no-dense')) {
  const dense = (name: string, v: Partial<WorldVariation>): Variation => ({ ...V(name, v), vessels: denseVessels, days: denseDays, seeds: [seeds[0]!] });
  matrix.push(dense('dense classic', {}));
  matrix.push(dense('dense + saturation', { saturation: true }));
  matrix.push(dense('dense unseen (all axes)', UNSEEN_WORLD));
}

const TYPES = ['gap', 'gap_intentional', 'port_visit', 'dark_port_call', 'dark_port_call_port', 'encounter', 'loitering', 'spoofing', 'shared_mmsi', 'identity_change', 'draught_change'];
type Pooled = Record<string, { truth: number; detected: number; matched: number }>;
const results: Array<{ name: string; label: string; tuned: boolean; vessels: number; days: number; seeds: number[]; pooled: Pooled; excused: Record<string, number>; positions: number; glitchEvents: number; seconds: number; satelliteShare: number; receivers: number }> = [];

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}; coast given to the detectors: ${coast === 'sim' ? "the world's own 1:50 m" : 'their default 1:10 m'}`);
for (const m of matrix) {
  if (only && !only.has(m.name)) continue;
  const pooled: Pooled = {};
  let positions = 0, glitchEvents = 0, satelliteLines = 0, lines = 0, receivers = 0;
  const excused: Record<string, number> = {};
  const t0 = performance.now();
  for (const seed of m.seeds) {
    const sim = simulate({ seed, vessels: m.vessels, days: m.days, variation: m.variation });
    const decoded = decodeLines(sim.lines);
    const truth = sim.truth();
    // The coast the world was drawn on (1:50 m; its lanes and classic berths may cross 1:10 m land), as
    // bench/detect.ts does; the detectors learn their ports from the data themselves.
    const { events, stats } = await runPipeline(memoryInput(decoded.positions, decoded.statics), { windowEndMs: sim.endMs, land: coast === 'sim' ? landIndex50m() : landIndex() });
    positions += stats.positions;
    satelliteLines += sim.counts.satelliteLines; lines += sim.counts.lines; receivers += sim.stations.length;
    const report = scoreEvents(truth.events, events, { glitches: truth.glitches.map((g) => ({ mmsi: g.mmsi, timeMs: Date.parse(g.time) })), unscored: truth.unscored });
    glitchEvents += report.glitchEvents;
    for (const [type, list] of Object.entries(report.excused)) excused[type] = (excused[type] ?? 0) + list.length;
    for (const [type, s] of Object.entries(report.byType)) {
      const p = (pooled[type] ??= { truth: 0, detected: 0, matched: 0 });
      p.truth += s.truth; p.detected += s.detected; p.matched += s.matched;
    }
    if (showMisses) {
      for (const [type, list] of Object.entries(report.falsePositives)) for (const e of list.slice(0, 4)) console.log(`  [${m.name} seed ${seed}] FP ${type}`, JSON.stringify(e).slice(0, 420));
      for (const [type, list] of Object.entries(report.falseNegatives)) for (const e of list.slice(0, 4)) console.log(`  [${m.name} seed ${seed}] FN ${type}`, JSON.stringify(e).slice(0, 420));
      for (const [type, list] of Object.entries(report.excused)) for (const e of list.slice(0, 4)) console.log(`  [${m.name} seed ${seed}] excused ${type}`, JSON.stringify(e).slice(0, 420));
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  results.push({ name: m.name, label: variationLabel(m.variation), tuned: m.tuned, vessels: m.vessels, days: m.days, seeds: m.seeds, pooled, excused, positions, glitchEvents, seconds, satelliteShare: satelliteLines / lines, receivers: receivers / m.seeds.length });
  console.log(`\n### ${m.name}${m.tuned ? ' — TUNED ON (the detectors were developed on this world)' : ''}`);
  console.log(`variation ${variationLabel(m.variation)}; ${m.vessels} ships × ${m.days} days, seeds ${m.seeds.join(', ')}; ${positions} positions; `
    + `${(receivers / m.seeds.length).toFixed(0)} receivers, ${(100 * satelliteLines / lines).toFixed(1)} % satellite lines; ${glitchEvents} glitch events; ${seconds.toFixed(0)} s`);
  const ex = Object.entries(excused);
  if (ex.length > 0) console.log(`excused (detections on scripted meetings heard too thinly to be truth, not counted): ${ex.map(([t, n]) => `${t} ${n}`).join(', ')}`);
  console.log('| type | truth | detected | matched | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|---:|');
  for (const type of TYPES) {
    const p = pooled[type];
    if (!p) continue;
    const { precision, recall, f1 } = prf(p);
    console.log(`| ${type} | ${p.truth} | ${p.detected} | ${p.matched} | ${fmt(precision)} | ${fmt(recall)} | ${fmt(f1)} |`);
  }
}

function prf(p: { truth: number; detected: number; matched: number }) {
  const precision = p.detected ? p.matched / p.detected : p.truth ? 0 : NaN;
  const recall = p.truth ? p.matched / p.truth : NaN;
  const f1 = p.truth === 0 && p.detected === 0 ? NaN : precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
function fmt(x: number): string {
  return Number.isNaN(x) ? '–' : x.toFixed(3);
}

console.log('\n### F1 per type and variation (– = no truth and nothing detected; pooled counts)');
console.log(`| variation | ${TYPES.join(' | ')} |\n|---|${TYPES.map(() => '---:').join('|')}|`);
for (const r of results) {
  console.log(`| ${r.name}${r.tuned ? ' (tuned on)' : ''} | ${TYPES.map((t) => { const p = r.pooled[t]; return p ? `${fmt(prf(p).f1)}` : '–'; }).join(' | ')} |`);
}
const json = arg('json', '');
if (json) writeFileSync(json, JSON.stringify(results, null, 2) + '\n');
