// Imagery fusion quality against the simulator's truth, over several seeds.
//   npx tsx bench/imagery-quality.ts [--seeds 1,2,3] [--vessels 120] [--days 7]
// For each seed: `tumen simulate` (AIS + scenes + detections + truth) → ingest the NMEA into a fresh DuckDB
// → import the imagery → `tumen detect` (so spoofing events are known) → fuse → score:
//   identity accuracy: detections of ships that broadcast AIS at some time, whose identity (mmsi, or the
//     top candidate of a dark detection) is the MMSI the ship broadcast at that time;
//   dark precision / recall: the dark flag against truth (a real ship whose AIS does not explain it).
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeWorld } from '../src/cli/commands/simulate.js';
import { Store } from '../src/store/db.js';
import { ingestFiles } from '../src/ingest/ingest.js';
import { importImagery } from '../src/store/imagery.js';
import { fuseStored } from '../src/store/imagery-fuse.js';
import { storeInput } from '../src/store/pipeline-source.js';
import { runPipeline } from '../src/detectors/pipeline.js';
import { replaceEvents } from '../src/store/events-write.js';
import { parseDetections, parseScenes } from '../src/imagery/parse.js';
import { simulateImagery } from '../src/sim/imagery.js';
import { detectionsCsv, scenesJsonl } from '../src/io/imagery-write.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : dflt;
};
const seeds = arg('seeds', '1,2,3').split(',').map(Number);
const vessels = Number(arg('vessels', '120'));
const days = Number(arg('days', '7'));
const dir = arg('dir', '/tmp/tumen-bench-imagery');
const verbose = args.includes('--verbose');

const tot = { idN: 0, idOk: 0, darkTP: 0, darkFP: 0, darkFN: 0, darkIdN: 0, darkIdOk: 0, dets: 0, fuseMs: 0 };
for (const seed of seeds) {
  const seedDir = join(dir, `seed${seed}`);
  rmSync(seedDir, { recursive: true, force: true });
  mkdirSync(seedDir, { recursive: true });
  const w = await writeWorld(seedDir, { seed, vessels, days });
  const img = simulateImagery(w.result.vessels, w.result.startMs, w.result.endMs, seed);
  const store = await Store.open(join(seedDir, 'w.duckdb'));
  try {
    await ingestFiles(store, [w.nmeaPath]);
    const { events } = await runPipeline(storeInput(store), {});
    await replaceEvents(store, events);
    const sc = parseScenes(scenesJsonl(img)), dc = parseDetections(detectionsCsv(img));
    await importImagery(store, sc.items, dc.items, { scenes: sc.rejects, detections: dc.rejects });
    const t0 = performance.now();
    const fused = await fuseStored(store);
    tot.fuseMs += performance.now() - t0;
    const truth = new Map(img.truth.map((t) => [t.detection_id, t]));
    const s = { idN: 0, idOk: 0, darkTP: 0, darkFP: 0, darkFN: 0, darkIdN: 0, darkIdOk: 0 };
    for (const f of fused) for (const d of f.fusion.detections) {
      const t = truth.get(d.detection_id)!;
      const identity = d.mmsi ?? (d.dark ? d.candidates[0]?.mmsi ?? null : null);
      if (t.broadcasts && t.true_mmsi !== null) {
        s.idN++;
        if (identity === t.true_mmsi) s.idOk++;
        else if (verbose) console.log('id miss', seed, d.detection_id, 'true', t.true_mmsi, 'dark', t.dark, '→', JSON.stringify({ mmsi: d.mmsi, dark: d.dark, c: d.candidates.slice(0, 3) }));
        if (t.dark) { s.darkIdN++; if (identity === t.true_mmsi) s.darkIdOk++; }
      }
      if (d.dark && t.dark) s.darkTP++;
      else if (d.dark) { s.darkFP++; if (verbose) console.log('dark FP', seed, d.detection_id, 'false_alarm', t.false_alarm, 'true', t.true_mmsi); }
      else if (t.dark) { s.darkFN++; if (verbose) console.log('dark FN', seed, d.detection_id, 'true', t.true_mmsi, '→', d.mmsi); }
    }
    const dets = fused.reduce((n, f) => n + f.fusion.detections.length, 0);
    tot.dets += dets;
    for (const k of Object.keys(s) as Array<keyof typeof s>) tot[k] += s[k];
    console.log(`seed ${seed}: ${fused.length} scenes, ${dets} detections; identity ${s.idOk}/${s.idN}` +
      ` (dark ships named ${s.darkIdOk}/${s.darkIdN}); dark TP ${s.darkTP} FP ${s.darkFP} FN ${s.darkFN}`);
  } finally {
    store.close();
  }
}
const r = (a: number, b: number): string => (b ? (a / b).toFixed(3) : 'n/a');
console.log(`\nall seeds (${seeds.join(',')}, ${vessels} vessels, ${days} days): ${tot.dets} detections`);
console.log(`identity accuracy ${r(tot.idOk, tot.idN)} (${tot.idOk}/${tot.idN}); dark ships named ${r(tot.darkIdOk, tot.darkIdN)} (${tot.darkIdOk}/${tot.darkIdN})`);
console.log(`dark precision ${r(tot.darkTP, tot.darkTP + tot.darkFP)} recall ${r(tot.darkTP, tot.darkTP + tot.darkFN)}`);
console.log(`fusion wall time ${(tot.fuseMs / 1000).toFixed(1)} s total`);
