// Re-runs the fuel-cap monitor over stored bench worlds (built by bench/evidence-quality.ts --dir DIR: each
// DIR/seedS/w.duckdb holds the detector events, the imagery's dark port calls and dark_detection events as
// `tumen detect` stores them, and DIR/seedS/truth/fuel.jsonl the simulator's deliveries) and scores delivery
// recall and the total against the truth, as the full bench does, without re-simulating, ingesting or fusing:
// the quick loop for fuel rules. `--verbose` prints every delivery and every silence set aside.
//   npx tsx bench/fuel-rescore.ts --seeds 45-47 --dir DIR [--verbose]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Store } from '../src/store/db.js';
import { fuelReport } from '../src/store/fuel.js';
import type { FuelTruth } from '../src/sim/fuel.js';
import { arg, flag, seedList } from './args.js';

const seeds = seedList(arg('seeds', '1'));
const dir = arg('dir', '/tmp/tumen-bench-imagery');
const verbose = flag('verbose');
const tot = { trueN: 0, found: 0, trueBbl: 0, estBbl: 0 };
// As bench/evidence-quality.ts: a true delivery is found by an estimated one of the same MMSI overlapping it.
const overlaps = (d: { mmsi: number; start: string; end: string | null }, t: FuelTruth): boolean =>
  d.mmsi === t.mmsi && Date.parse(d.start) <= Date.parse(t.end ?? '9999') && Date.parse(t.start) <= Date.parse(d.end ?? d.start);
for (const seed of seeds) {
  const truth = readFileSync(join(dir, `seed${seed}`, 'truth', 'fuel.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as FuelTruth);
  const store = await Store.open(join(dir, `seed${seed}`, 'w.duckdb'));
  try {
    const fuel = await fuelReport(store);
    const found = truth.filter((t) => fuel.deliveries.some((d) => overlaps(d, t)));
    const est = fuel.deliveries.reduce((a, d) => a + d.barrels.central, 0), tru = truth.reduce((a, t) => a + t.barrels, 0);
    tot.trueN += truth.length; tot.found += found.length; tot.trueBbl += tru; tot.estBbl += est;
    console.log(`seed ${seed}: fuel ${found.length}/${truth.length} true deliveries found, ${fuel.deliveries.length} estimated (${fuel.pending.length} pending, ${fuel.set_aside.length} set aside); ${est} bbl estimated vs ${tru} true`);
    if (verbose) {
      for (const d of fuel.deliveries) console.log(`  delivery ${d.mmsi} ${d.kind} ${d.port} ${d.start} → ${d.end} ${d.barrels.central} bbl ${d.method} ${truth.some((t) => overlaps(d, t)) ? 'true' : 'FALSE'}`);
      for (const x of fuel.pending) console.log(`  pending ${x.mmsi} ${x.kind} ${x.port} ${x.start} → ${x.end} ${x.barrels.central} bbl${truth.some((t) => overlaps(x, t)) ? ' (a TRUE delivery)' : ''}: ${x.why}`);
      for (const x of fuel.set_aside) console.log(`  set aside ${x.mmsi} ${x.kind} ${x.start} → ${x.end}: ${x.why}${truth.some((t) => overlaps(x, t)) ? ' (a TRUE delivery)' : ''}`);
    }
  } finally {
    store.close();
  }
}
console.log(`fuel: delivery recall ${tot.trueN ? (tot.found / tot.trueN).toFixed(3) : 'n/a'} (${tot.found}/${tot.trueN}); total ${tot.estBbl} bbl estimated vs ${tot.trueBbl} true: ${tot.trueBbl ? ((100 * (tot.estBbl - tot.trueBbl)) / tot.trueBbl).toFixed(1) : 'n/a'} %`);
