// Fusion speed: 10,000 detections (100 scenes × 100) against 10 M stored positions (5,000 vessels × 2,000
// reports, 5 min apart, sailing straight lines over 40–44 N 128–134 E). Times `fuseStored` (per scene:
// the AIS window query, the dark-candidate query, the core fusion).
//   npx tsx bench/imagery-speed.ts [--runs 3] [--dir /tmp/tumen-bench-imagery-speed]
import { mkdirSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Store } from '../src/store/db.js';
import { ensurePositionsSchema } from '../src/store/positions.js';
import { importImagery } from '../src/store/imagery.js';
import { fuseStored } from '../src/store/imagery-fuse.js';
import type { Detection, Scene } from '../src/imagery/types.js';

const args = process.argv.slice(2);
const arg = (n: string, d: string): string => { const i = args.indexOf(`--${n}`); return i >= 0 ? args[i + 1]! : d; };
const runs = Number(arg('runs', '3'));
const dir = arg('dir', '/tmp/tumen-bench-imagery-speed');
const VESSELS = 5000, REPORTS = 2000, STEP_S = 300;
const T0 = Date.parse('2024-03-01T00:00:00Z');
// Vessel v starts at a grid point and sails at 6–16 kn on a fixed course: position is a closed form, so the
// detections can be placed where the ships are.
const pos = (v: number, tS: number) => {
  const lat0 = 40 + (v % 71) * 0.056, lon0 = 128 + Math.floor(v / 71) * 0.085;
  const kn = 6 + (v % 11), c = ((v * 37) % 360) * Math.PI / 180, deg = (kn * 1852 * tS / 3600) / 111_195;
  return { lat: lat0 + deg * Math.cos(c) * 0.2, lon: lon0 + deg * Math.sin(c) * 0.2 / Math.cos(lat0 * Math.PI / 180) };
};

mkdirSync(dir, { recursive: true });
const db = join(dir, 'speed.duckdb');
if (!existsSync(db)) {
  const s = await Store.open(db);
  await ensurePositionsSchema(s);
  const t = performance.now();
  await s.run(`INSERT INTO positions (mmsi, time, lat, lon, speed, course, dedup_key)
    SELECT 200000000 + v, to_timestamp(${T0 / 1000} + i * ${STEP_S})::TIMESTAMP,
      40 + (v % 71) * 0.056 + ((6 + v % 11) * 1852 * i * ${STEP_S} / 3600 / 111195) * cos(radians((v * 37) % 360)) * 0.2,
      128 + floor(v / 71) * 0.085 + ((6 + v % 11) * 1852 * i * ${STEP_S} / 3600 / 111195) * sin(radians((v * 37) % 360)) * 0.2 / cos(radians(40 + (v % 71) * 0.056)),
      6 + v % 11, (v * 37) % 360, v * ${REPORTS} + i
    FROM range(0, ${REPORTS}) r(i), range(0, ${VESSELS}) w(v) ORDER BY i, v`);
  await s.run(`INSERT INTO statics (mmsi, time, to_bow, to_stern, dedup_key) SELECT 200000000 + v, to_timestamp(${T0 / 1000})::TIMESTAMP, 60 + v % 120, 20, v FROM range(0, ${VESSELS}) w(v)`);
  const scenes: Scene[] = [];
  const dets: Detection[] = [];
  for (let k = 0; k < 100; k++) {
    const tS = 3600 * 6 + k * 4500 + 137;
    const lat = 40.5 + (k % 7) * 0.45, lon = 128.5 + (k % 9) * 0.55;
    const sc: Scene = { scene_id: `S${k}`, timeMs: T0 + tS * 1000, sensor: 'sar', bbox: { lat_min: lat, lat_max: lat + 1.2, lon_min: lon, lon_max: lon + 1.6 } };
    scenes.push(sc);
    let n = 0;
    for (let v = (k * 53) % VESSELS; n < 100; v = (v + 7) % VESSELS) {
      const p = pos(v, tS);
      if (p.lat < sc.bbox.lat_min || p.lat > sc.bbox.lat_max || p.lon < sc.bbox.lon_min || p.lon > sc.bbox.lon_max) continue;
      dets.push({ detection_id: `S${k}-${n++}`, scene_id: sc.scene_id, timeMs: sc.timeMs, lat: p.lat + 0.0003, lon: p.lon - 0.0003, length_m: 80 + (v % 120), heading_deg: null, sensor: 'sar', presence: 0.9 });
    }
  }
  await importImagery(s, scenes, dets, { scenes: {}, detections: {} });
  console.log(`built ${VESSELS * REPORTS} positions, ${scenes.length} scenes, ${dets.length} detections in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  s.close();
}
const times: number[] = [], cpus: number[] = [];
const cpuS = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
let matched = 0, total = 0;
for (let r = 0; r < runs; r++) {
  const s = await Store.open(db);
  const t = performance.now(), c = cpuS();
  const fused = await fuseStored(s);
  times.push((performance.now() - t) / 1000);
  cpus.push(cpuS() - c); // process CPU: Node plus DuckDB's threads (the box is shared: wall time is inflated)
  total = fused.reduce((a, f) => a + f.fusion.detections.length, 0);
  matched = fused.reduce((a, f) => a + f.fusion.detections.filter((d) => d.mmsi !== null).length, 0);
  s.close();
}
times.sort((a, b) => a - b);
cpus.sort((a, b) => a - b);
console.log(`fusion of ${total} detections (${matched} matched) against ${VESSELS * REPORTS} positions: runs ${times.map((x) => x.toFixed(2)).join(', ')} s; median ${times[Math.floor(times.length / 2)]!.toFixed(2)} s; CPU ${cpus.map((x) => x.toFixed(2)).join(', ')} s, median ${cpus[Math.floor(cpus.length / 2)]!.toFixed(2)} s`);
if (args.includes('--clean')) rmSync(dir, { recursive: true, force: true });
