// Detection speed: the whole pipeline (segmentation + every detector) on simulated worlds of growing size,
// and the encounter detector alone, to show it grows like n log n (spatial grid, never all pairs).
//   node --max-old-space-size=12000 --import tsx bench/detect-speed.ts [--scales 1,4,16] [--base-vessels 150] [--days 6] [--runs 3] [--mode vessels|time]
// --mode vessels (default): each scale multiplies the number of vessels (same area, same days), so density
// grows with n — the hard case for pair finding. --mode time: the base world is simulated once and repeated
// `scale` times one after another in time, each copy a fresh fleet (MMSIs renumbered within their MID), so
// n grows at constant density, as years of history do. Medians of `--runs` runs; the box is shared by other
// jobs, so read ratios more than absolute times.
import { simulate } from '../src/sim/world.js';
import { runPipeline } from '../src/detectors/pipeline.js';
import { landIndex50m } from '../src/geo/land.js';
import { columnarInput, PositionColumns } from '../src/detectors/columnar-input.js';
import { EncounterDetector } from '../src/detectors/encounter.js';
import { portIndex } from '../src/reference/wpi.js';
import { decodeLines } from './detect-decode.js';
import { arg } from './args.js';

const scales = arg('scales', '1,4,16').split(',').map(Number);
const baseVessels = Number(arg('base-vessels', '150'));
const days = Number(arg('days', '6'));
const runs = Number(arg('runs', '3'));
const mode = arg('mode', 'vessels');

/** `copies` back-to-back copies of one decoded world, each shifted by `spanMs` and renumbered. */
function repeatInTime(d: ReturnType<typeof decodeLines>, copies: number, spanMs: number): ReturnType<typeof decodeLines> {
  if (copies === 1) return d;
  const out: ReturnType<typeof decodeLines> = { positions: [], statics: [], duplicates: d.duplicates * copies, rejected: d.rejected * copies };
  for (let k = 0; k < copies; k++) {
    const renum = (m: number): number => Math.floor(m / 1_000_000) * 1_000_000 + ((m % 1_000_000) * 7 + k * 131_071) % 1_000_000;
    for (const p of d.positions) out.positions.push({ ...p, mmsi: renum(p.mmsi), timeMs: p.timeMs + k * spanMs });
    for (const st of d.statics) out.statics.push({ ...st, mmsi: renum(st.mmsi), imo: st.imo === null ? null : renumImo(st.imo, k), timeMs: st.timeMs + k * spanMs });
  }
  return out;
}
/** A different valid IMO number (7 digits, check digit = Σ digit × weight 7..2 mod 10) per copy. */
function renumImo(imo: number, k: number): number {
  if (k === 0) return imo;
  const base = ((Math.floor(imo / 10) + k * 7919) % 900_000) + 100_000;
  const digits = String(base).split('').map(Number);
  const check = digits.reduce((sum, d, i) => sum + d * (7 - i), 0) % 10;
  return base * 10 + check;
}
let baseWorld: { decoded: ReturnType<typeof decodeLines>; endMs: number; startMs: number } | null = null;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const rows: string[] = [];
let base: { n: number; allMs: number; encMs: number } | null = null;
for (const k of scales) {
  const vessels = mode === 'time' ? baseVessels : baseVessels * k;
  const t0 = performance.now();
  let decoded: ReturnType<typeof decodeLines>;
  let endMs: number;
  if (mode === 'time') {
    if (!baseWorld) {
      const sim = simulate({ seed: 1, vessels, days });
      baseWorld = { decoded: decodeLines(sim.lines), endMs: sim.endMs, startMs: sim.startMs };
    }
    const span = baseWorld.endMs - baseWorld.startMs;
    decoded = repeatInTime(baseWorld.decoded, k, span);
    endMs = baseWorld.endMs + (k - 1) * span;
  } else {
    const sim = simulate({ seed: 1, vessels, days });
    decoded = decodeLines(sim.lines);
    endMs = sim.endMs;
  }
  const simMs = performance.now() - t0;
  const n = decoded.positions.length;
  const allTimes: number[] = [];
  const encTimes: number[] = [];
  let comparisons = 0;
  let events = 0;
  // Columns + sort orders built outside the timers (the store sorts in SQL and streams batches the same way);
  // the position objects are dropped so the detectors run on a small heap.
  const cols = new PositionColumns(n);
  for (const p of decoded.positions) cols.push(p);
  const statics = decoded.statics;
  decoded = { positions: [], statics: [], duplicates: 0, rejected: 0 };
  const input = columnarInput(cols, statics);
  const ports = portIndex().ports.map((p) => ({ id: p.id, name: p.name, lat: p.lat, lon: p.lon }));
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    const res = await runPipeline(input, { windowEndMs: endMs, land: landIndex50m() }); // the simulated coast
    allTimes.push(performance.now() - t);
    events = res.events.length;
    const enc = new EncounterDetector({ ports });
    let encMs = 0;
    for await (const batch of input.positionsByTime()) {
      t = performance.now();
      for (const p of batch) enc.pushPosition(p);
      encMs += performance.now() - t;
    }
    t = performance.now();
    enc.flush();
    encTimes.push(encMs + performance.now() - t);
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
console.log(`\nmode ${mode}: ${mode === 'time' ? `${baseVessels} vessels × ${days} days, repeated in time` : `vessels × scale, ${days} days`}`);
console.log('\n| scale | vessels | positions | all detectors s | µs/position | events | encounter s | encounter time ratio | n ratio | n log n ratio | encounter distance checks |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
