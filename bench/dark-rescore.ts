// Re-fuses stored bench worlds (built by bench/evidence-quality.ts --dir DIR) and scores identity and the dark
// flag against the simulator's truth, without re-simulating the AIS ingest or re-running detect: the quick loop
// for fusion rules. `--out FILE` writes every detection's verdict (JSON lines) so two code versions can be diffed.
//   npx tsx bench/dark-rescore.ts --seeds 36-41 --world unseen --dir DIR [--vessels 80] [--days 7] [--out FILE]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseVariation } from '../src/cli/commands/simulate.js';
import { simulate } from '../src/sim/index.js';
import { simulateImagery } from '../src/sim/imagery.js';
import { Store } from '../src/store/db.js';
import { fuseStored } from '../src/store/imagery-fuse.js';
import { arg, seedList } from './args.js';

const seeds = seedList(arg('seeds', '36'));
const vessels = Number(arg('vessels', '80'));
const days = Number(arg('days', '7'));
const dir = arg('dir', '/tmp/tumen-bench-imagery');
const out = arg('out', '');
const variation = parseVariation({ world: arg('world', 'unseen') });
const tot = { idN: 0, idOk: 0, tp: 0, fp: 0, fn: 0 };
const lines: string[] = [];
for (const seed of seeds) {
  const w = simulate({ seed, vessels, days, variation });
  const img = simulateImagery(w.vessels, w.startMs, w.endMs, seed);
  const truth = new Map(img.truth.map((t) => [t.detection_id, t]));
  const store = await Store.open(join(dir, `seed${seed}`, 'w.duckdb'));
  const s = { idN: 0, idOk: 0, tp: 0, fp: 0, fn: 0 };
  try {
    for (const f of await fuseStored(store)) for (const d of f.fusion.detections) {
      const t = truth.get(d.detection_id)!;
      const identity = d.mmsi ?? (d.dark ? d.candidates[0]?.mmsi ?? null : null);
      if (t.broadcasts && t.true_mmsi !== null) { s.idN++; if (identity === t.true_mmsi) s.idOk++; }
      if (d.dark && t.dark) s.tp++; else if (d.dark) s.fp++; else if (t.dark) s.fn++;
      lines.push(JSON.stringify({ seed, id: d.detection_id, dark: d.dark, identity, truthDark: t.dark, truth: t.true_mmsi, fa: t.false_alarm }));
    }
  } finally {
    store.close();
  }
  console.log(`seed ${seed}: identity ${s.idOk}/${s.idN}; dark TP ${s.tp} FP ${s.fp} FN ${s.fn}`);
  for (const k of Object.keys(s) as Array<keyof typeof s>) tot[k] += s[k];
}
const r = (a: number, b: number): string => (b ? (a / b).toFixed(3) : 'n/a');
console.log(`all (${seeds.join(',')}): identity ${r(tot.idOk, tot.idN)} (${tot.idOk}/${tot.idN}); dark precision ${r(tot.tp, tot.tp + tot.fp)} recall ${r(tot.tp, tot.tp + tot.fn)} (TP ${tot.tp} FP ${tot.fp} FN ${tot.fn})`);
if (out) writeFileSync(out, lines.join('\n') + '\n');
