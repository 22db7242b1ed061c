// Every wrong identity of a stored bench world (built by bench/evidence-quality.ts --dir DIR), classified by how
// the fusion named the detection and where the true ship's AIS put it: the mechanisms table of bench/RESULTS.md.
//   npx tsx bench/identity-diagnose.ts --seeds S --world W --dir DIR [--vessels 80] [--days 7] [--verbose]
import { join } from 'node:path';
import { parseVariation } from '../src/cli/commands/simulate.js';
import { simulate } from '../src/sim/index.js';
import { simulateImagery } from '../src/sim/imagery.js';
import { Store } from '../src/store/db.js';
import { fuseStored } from '../src/store/imagery-fuse.js';
import { distanceM } from '../src/geo/sphere.js';
import { SPOOFED_WHY } from '../src/imagery/candidates.js';
import { arg, flag, seedList } from './args.js';

const seeds = seedList(arg('seeds', '36'));
const vessels = Number(arg('vessels', '80'));
const days = Number(arg('days', '7'));
const dir = arg('dir', '/tmp/tumen-bench-imagery');
const verbose = flag('verbose');
const variation = parseVariation({ world: arg('world', 'unseen') });
const iso = (t: number): string => new Date(t).toISOString().slice(5, 16);
const counts = new Map<string, number>();

for (const seed of seeds) {
  const w = simulate({ seed, vessels, days, variation });
  const img = simulateImagery(w.vessels, w.startMs, w.endMs, seed);
  const truth = new Map(img.truth.map((t) => [t.detection_id, t]));
  const store = await Store.open(join(dir, `seed${seed}`, 'w.duckdb'));
  try {
    const fused = await fuseStored(store);
    for (const f of fused) {
      const ids = f.fusion.detections.map((d) => d.mmsi ?? (d.dark ? d.candidates[0]?.mmsi ?? null : null));
      f.fusion.detections.forEach((d, i) => {
        const t = truth.get(d.detection_id)!;
        if (!t.broadcasts || t.true_mmsi === null || ids[i] === t.true_mmsi) return;
        const id = ids[i];
        const head = d.candidates[0];
        const rank = d.candidates.findIndex((c) => c.mmsi === t.true_mmsi);
        const shared = id !== null && ids.filter((x) => x === id).length > 1;
        const spoofTop = d.candidates.find((c) => c.why.includes(SPOOFED_WHY));
        let how: string;
        if (id === null) how = d.dark ? 'dark, no candidate' : 'unnamed (not matched, not dark)';
        else if (head?.why.includes('reception evidence explains') || head?.why.includes('own record explains')) how = 'named by a candidate in a reception-explained gap';
        else if (head?.why.includes('unheard since the AIS data began') && d.mmsi !== null && !head.why.startsWith('dark')) how = 'matched to AIS, silent, unheard since start';
        else if (head?.why.includes('unheard since the AIS data began')) how = 'named: unheard since the data began';
        else if (d.mmsi !== null && !d.candidates.find((c) => c.mmsi === d.mmsi)?.why.startsWith('dark')) how = 'matched to another ship\'s AIS';
        else how = spoofTop && head === spoofTop ? 'dark, top candidate a spoofer' : 'dark, top candidate another silent ship';
        const where = rank < 0 ? 'true ship not a candidate' : `true ship candidate #${rank + 1}`;
        const key = `${how} | ${where}${shared ? ' | name shared in scene' : ''}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        if (verbose) console.log(`${seed} ${d.detection_id} ${iso(d.timeMs)} true ${t.true_mmsi} (len ${t.true_length_m}, dark ${t.dark}) → ${id}: ${key}\n   ${d.candidates.slice(0, 4).map((c) => `${c.mmsi} ${c.score} ${c.why}`).join('\n   ')}`);
      });
    }
  } finally {
    store.close();
  }
}
for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(4)}  ${k}`);
