// Detection quality and speed against the simulator's truth.
//   npx tsx bench/detect.ts [--seeds 1,2,3] [--vessels 200] [--days 7] [--show-misses]
// For each seed: simulate → write ais.nmea → ingest into a fresh DuckDB (dedup, late satellite lines, corrupt
// lines, as a user would) → run the pipeline from the store → score per event type vs truth/events.jsonl
// (same type, same mmsi — unordered pair for encounters — overlapping times; dark_port_call_port also needs
// the port; detected events around a GNSS glitch that match nothing are counted as glitch_events).
import { mkdirSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { simulate } from '../src/sim/world.js';
import { Store } from '../src/store/db.js';
import { storeInput } from '../src/store/pipeline-source.js';
import { memoryInput, runPipeline, type PipelineInput } from '../src/detectors/pipeline.js';
import { landIndex50m } from '../src/geo/land.js';
import { decodeLines } from './detect-decode.js';
import { scoreEvents, type TypeScore } from '../src/detectors/score.js';
import { arg, flag } from './args.js';

const seeds = arg('seeds', '1,2,3').split(',').map(Number);
const vessels = Number(arg('vessels', '200'));
const days = Number(arg('days', '7'));
const showMisses = flag('show-misses');
const dir = arg('dir', '/tmp/tumen-bench-detect');
/** --via-store: ingest the NMEA with `tumen ingest`'s code into DuckDB and detect from the store. */
const viaStore = flag('via-store');

const totals = new Map<string, { truth: number; detected: number; matched: number }>();
let glitchEventsTotal = 0;
for (const seed of seeds) {
  const seedDir = join(dir, `seed${seed}`);
  rmSync(seedDir, { recursive: true, force: true });
  mkdirSync(seedDir, { recursive: true });
  const t0 = performance.now();
  const sim = simulate({ seed, vessels, days });
  const nmea = join(seedDir, 'ais.nmea');
  const ws = createWriteStream(nmea);
  let buf: string[] = [];
  for (const line of sim.lines) {
    buf.push(line);
    if (buf.length >= 10_000) {
      if (!ws.write(`${buf.join('\n')}\n`)) await once(ws, 'drain');
      buf = [];
    }
  }
  if (buf.length) ws.write(`${buf.join('\n')}\n`);
  ws.end();
  await once(ws, 'finish');
  const truth = sim.truth();
  writeFileSync(join(seedDir, 'truth.jsonl'), truth.events.map((e) => JSON.stringify(e)).join('\n'));
  const t1 = performance.now();
  let store: Store | null = null;
  try {
    let input: PipelineInput;
    if (viaStore) {
      store = await Store.open(join(seedDir, 'w.duckdb'));
      const { ingestFiles } = await import('../src/ingest/ingest.js');
      await ingestFiles(store, [nmea]);
      input = storeInput(store);
    } else {
      const { readFileSync } = await import('node:fs');
      const decoded = decodeLines(readFileSync(nmea, 'utf8').split('\n'));
      input = memoryInput(decoded.positions, decoded.statics);
    }
    const t2 = performance.now();
    const { events, stats } = await runPipeline(input, { windowEndMs: sim.endMs, land: landIndex50m() }); // the coast the world was drawn on
    const t3 = performance.now();
    writeFileSync(join(seedDir, 'detected.jsonl'), events.map((e) => JSON.stringify(e)).join('\n'));
    const report = scoreEvents(truth.events, events, { glitches: truth.glitches.map((g) => ({ mmsi: g.mmsi, timeMs: Date.parse(g.time) })), unscored: truth.unscored });
    glitchEventsTotal += report.glitchEvents;
    console.log(`\n## seed ${seed}: ${vessels} vessels, ${days} days — ${stats.positions} positions, ${stats.vessels} MMSIs, ${stats.outliers} outliers (${truth.glitches.length} glitches in truth)`);
    console.log(`simulate ${((t1 - t0) / 1000).toFixed(1)} s, ${viaStore ? 'ingest' : 'decode'} ${((t2 - t1) / 1000).toFixed(1)} s, detect ${((t3 - t2) / 1000).toFixed(1)} s`);
    console.log('| type | truth | detected | matched | precision | recall | F1 |\n|---|---|---|---|---|---|---|');
    for (const [type, s] of Object.entries(report.byType)) {
      console.log(`| ${type} | ${s.truth} | ${s.detected} | ${s.matched} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.f1.toFixed(3)} |`);
      const t = totals.get(type) ?? { truth: 0, detected: 0, matched: 0 };
      t.truth += s.truth; t.detected += s.detected; t.matched += s.matched;
      totals.set(type, t);
    }
    console.log(`glitch events: ${report.glitchEvents}`);
    if (showMisses) {
      for (const [type, list] of Object.entries(report.falsePositives)) for (const e of list.slice(0, 5)) console.log('FP', type, JSON.stringify(e).slice(0, 400));
      for (const [type, list] of Object.entries(report.falseNegatives)) for (const e of list.slice(0, 5)) console.log('FN', type, JSON.stringify(e).slice(0, 400));
    }
  } finally {
    store?.close();
  }
}

console.log(`\n## all seeds (${seeds.join(', ')}): pooled counts`);
console.log('| type | truth | detected | matched | precision | recall | F1 |\n|---|---|---|---|---|---|---|');
for (const [type, t] of [...totals.entries()].sort()) {
  const s: TypeScore = {
    ...t, precision: t.detected ? t.matched / t.detected : 1, recall: t.truth ? t.matched / t.truth : 1, f1: 0,
  };
  s.f1 = s.precision + s.recall ? (2 * s.precision * s.recall) / (s.precision + s.recall) : 0;
  console.log(`| ${type} | ${t.truth} | ${t.detected} | ${t.matched} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.f1.toFixed(3)} |`);
}
console.log(`glitch events: ${glitchEventsTotal}`);
