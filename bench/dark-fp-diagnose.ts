// Every false `dark` flag of a stored bench world, with what is needed to tell its mechanism apart: the
// detection (presence, length, distance to the footprint's edge), how the fusion flagged it (assigned or
// not, candidates), and the truth (false alarm, or which ship: transmitting?, its AIS reports around the
// acquisition, its gap events then and how they were judged).
//   npx tsx bench/evidence-quality.ts --seeds S --world W --dir DIR   (builds DIR/seedS/w.duckdb)
//   npx tsx bench/dark-fp-diagnose.ts --seeds S --world W --dir DIR [--vessels 80] [--days 7] [--fn]
import { join } from 'node:path';
import { parseVariation } from '../src/cli/commands/simulate.js';
import { simulate } from '../src/sim/index.js';
import { simulateImagery } from '../src/sim/imagery.js';
import { Store } from '../src/store/db.js';
import { fuseStored, vesselLengths } from '../src/store/imagery-fuse.js';
import { readDetections } from '../src/store/imagery.js';
import { distanceM } from '../src/geo/sphere.js';
import { arg, flag, seedList } from './args.js';

const seeds = seedList(arg('seeds', '30'));
const vessels = Number(arg('vessels', '80'));
const days = Number(arg('days', '7'));
const dir = arg('dir', '/tmp/tumen-bench-imagery');
const showFn = flag('fn');
const variation = parseVariation({ world: arg('world', 'unseen') });
const iso = (t: number): string => new Date(t).toISOString().slice(5, 16);

for (const seed of seeds) {
  const w = simulate({ seed, vessels, days, variation });
  const img = simulateImagery(w.vessels, w.startMs, w.endMs, seed);
  const truth = new Map(img.truth.map((t) => [t.detection_id, t]));
  const store = await Store.open(join(dir, `seed${seed}`, 'w.duckdb'));
  try {
    const fused = await fuseStored(store);
    const lengths = await vesselLengths(store);
    const raw = await readDetections(store, fused.map((f) => f.scene.scene_id));
    const rawById = new Map([...raw.values()].flat().map((d) => [d.detection_id, d]));
    for (const f of fused) for (const d of f.fusion.detections) {
      const t = truth.get(d.detection_id)!;
      const fp = d.dark && !t.dark, fn = !d.dark && t.dark;
      if (!fp && !(fn && showFn)) continue;
      const r = rawById.get(d.detection_id)!;
      const b = f.scene.bbox;
      const edgeKm = Math.min(distanceM(d.lat, d.lon, b.lat_min, d.lon), distanceM(d.lat, d.lon, b.lat_max, d.lon), distanceM(d.lat, d.lon, d.lat, b.lon_min), distanceM(d.lat, d.lon, d.lat, b.lon_max)) / 1000;
      console.log(`\n${fp ? 'FP' : 'FN'} seed ${seed} ${d.detection_id} ${iso(d.timeMs)} pres ${r.presence} len ${d.length_m} edge ${edgeKm.toFixed(1)} km at ${d.lat.toFixed(4)},${d.lon.toFixed(4)} assigned ${d.mmsi}`);
      for (const c of d.candidates.slice(0, 3)) console.log(`   cand ${c.mmsi} ${c.score} ${c.why}`);
      if (t.false_alarm) { console.log('   truth: FALSE ALARM'); continue; }
      const v = w.vessels[t.vessel_index!]!;
      console.log(`   truth: mmsi ${t.true_mmsi} role ${v.role} class ${v.cls} transmits ${v.transmits} len ${t.true_length_m} (statics ${lengths.get(t.true_mmsi ?? -1) ?? 'none'}) nearest other ${t.nearest_other_m} m; darkWindows ${v.darkWindows.length}`);
      const m = t.true_mmsi;
      const rows = await store.all<{ t: number; lat: number; lon: number; speed: number | null; course: number | null }>(
        `(SELECT epoch_ms(time)::DOUBLE AS t, lat, lon, speed, course FROM positions WHERE mmsi = ? AND time <= epoch_ms(?::BIGINT) ORDER BY time DESC LIMIT 2)
         UNION ALL (SELECT epoch_ms(time)::DOUBLE AS t, lat, lon, speed, course FROM positions WHERE mmsi = ? AND time > epoch_ms(?::BIGINT) ORDER BY time LIMIT 2) ORDER BY t`,
        [m, Math.round(d.timeMs), m, Math.round(d.timeMs)],
      );
      for (const p of rows) console.log(`   ais ${iso(Number(p.t))} (${((Number(p.t) - d.timeMs) / 3.6e6).toFixed(2)} h) ${(distanceM(d.lat, d.lon, Number(p.lat), Number(p.lon)) / 1000).toFixed(2)} km sog ${p.speed} cog ${p.course}`);
      const gaps = await store.all<{ a: number; b: number | null; pu: number | null; i: boolean | null }>(
        `SELECT epoch_ms(start)::DOUBLE AS a, epoch_ms("end")::DOUBLE AS b, json_extract(body, '$.evidence.reception.unheard_probability')::DOUBLE AS pu,
           json_extract(body, '$.intentional')::BOOLEAN AS i FROM events WHERE type = 'gap' AND mmsi = ? ORDER BY start`, [m]);
      console.log(`   gaps (${gaps.length}): ` + gaps.map((g) => `${iso(Number(g.a))}→${g.b === null ? 'open' : iso(Number(g.b))} pu ${g.pu === null ? '-' : Number(g.pu).toFixed(3)}${g.i ? ' INT' : ''}${Number(g.a) <= d.timeMs && d.timeMs <= (g.b === null ? Infinity : Number(g.b)) ? ' <== covers' : ''}`).join('; '));
    }
  } finally {
    store.close();
  }
}
