// Encounter detection at 1×, 4× and 16× the data, to show it grows like n (log n), not n²: a seeded crowd of
// vessels steaming on random courses at constant density (the sea area grows with the fleet), each
// reporting every 3 minutes for 24 h, plus one planted 3 h rendezvous per 1,000 vessels. Positions are
// generated in global time order on the fly (no big arrays); the generator's own time (measured alone) is
// subtracted. Prints detector time, comparisons (distance computations) and events found.
//   npx tsx bench/encounter-scaling.ts [baseVessels=1000] [runs=3]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createEncounterDetector } from '../src/detectors/encounter.js';
import type { Position } from '../src/tracks/position.js';
import { mulberry32 } from '../src/sim/prng.js';

const HOUR = 3_600_000;
const T0 = Date.parse('2024-05-01T00:00:00Z');
const STEP_MS = 180_000;
const DEG_PER_NM = 1 / 60;

const seeded = mulberry32;

interface Ship { mmsi: number; lat0: number; lon0: number; vLat: number; vLon: number; speed: number; offsetMs: number; meet: number }

function* crowd(n: number, hours: number): Generator<Position> {
  const rnd = seeded(n);
  const side = 4 * Math.sqrt(n / 1000); // degrees: constant density, 1,000 vessels per 4°×4°
  const ships: Ship[] = [];
  for (let i = 0; i < n; i++) {
    const course = rnd() * 2 * Math.PI, speed = 6 + rnd() * 8;
    const lat0 = -side / 2 + rnd() * side;
    ships.push({
      mmsi: 200_000_000 + i, lat0, lon0: -side / 2 + rnd() * side, speed, offsetMs: Math.floor(rnd() * 9) * 20_000,
      vLat: Math.cos(course) * speed * DEG_PER_NM, vLon: (Math.sin(course) * speed * DEG_PER_NM) / Math.cos((lat0 * Math.PI) / 180),
      meet: -1,
    });
  }
  // Ships 1000k and 1000k+1 meet: the first drifts at its start point 06:00–09:00, the second 200 m north.
  for (let i = 0; i + 1 < n; i += 1000) {
    const a = ships[i]!, b = ships[i + 1]!;
    a.meet = 0; b.meet = 1; b.lat0 = a.lat0 + 0.0018; b.lon0 = a.lon0;
  }
  const byOffset = new Map<number, Ship[]>();
  for (const s of ships) (byOffset.get(s.offsetMs) ?? byOffset.set(s.offsetMs, []).get(s.offsetMs)!).push(s);
  const offsets = [...byOffset.keys()].sort((x, y) => x - y);
  for (let t = T0; t < T0 + hours * HOUR; t += STEP_MS) {
    for (const off of offsets) {
      const time = t + off;
      for (const s of byOffset.get(off)!) {
        const h = (time - T0) / HOUR;
        if (s.meet >= 0) {
          const drifting = h >= 6 && h <= 9;
          const away = drifting ? 0 : h < 6 ? h - 6 : h - 9; // approach / leave on opposite courses
          const dir = s.meet === 0 ? 1 : -1;
          yield { mmsi: s.mmsi, timeMs: time, lat: s.lat0 + dir * away * 10 * DEG_PER_NM, lon: s.lon0, speedKn: drifting ? 0.4 : 10, courseDeg: null, headingDeg: null, status: null };
          continue;
        }
        yield { mmsi: s.mmsi, timeMs: time, lat: s.lat0 + s.vLat * h, lon: s.lon0 + s.vLon * h, speedKn: s.speed, courseDeg: null, headingDeg: null, status: null };
      }
    }
  }
}

/** Time to generate the input alone, subtracted from the detector runs. */
function generateOnly(n: number): number {
  const t0 = performance.now();
  let k = 0;
  for (const p of crowd(n, 24)) k += p.mmsi & 1;
  return performance.now() - t0 + (k < 0 ? 1 : 0);
}

function once(n: number): { ms: number; positions: number; comparisons: number; slots: number; events: number; allPairs: number } {
  const det = createEncounterDetector({ ports: [] });
  let positions = 0, events = 0;
  const t0 = performance.now();
  for (const p of crowd(n, 24)) {
    positions++;
    events += det.pushPosition(p).length;
  }
  events += det.flush().length;
  const ms = performance.now() - t0 - generateOnly(n);
  const c = det.counters;
  return { ms, positions, comparisons: c.comparisons, slots: c.slots, events, allPairs: ((n * (n - 1)) / 2) * c.slots };
}

// Each run in a fresh process: a heap and JIT state left over from a smaller run distort the larger ones.
const base = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 3);
if (process.env.TUMEN_BENCH_VESSELS) {
  console.log(JSON.stringify(once(Number(process.env.TUMEN_BENCH_VESSELS))));
} else {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const rows: Array<{ scale: number; n: number; ms: number; positions: number; comparisons: number; events: number; allPairs: number }> = [];
  for (const scale of [1, 4, 16]) {
    const n = base * scale;
    const results = Array.from({ length: runs }, () => {
      const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
        env: { ...process.env, TUMEN_BENCH_VESSELS: String(n) }, encoding: 'utf8', maxBuffer: 1 << 20,
      });
      if (child.status !== 0) throw new Error(`bench child failed: ${child.stderr}`);
      return JSON.parse(child.stdout.trim().split('\n').pop()!) as ReturnType<typeof once>;
    });
    const r = results[0]!;
    rows.push({ scale, n, ms: median(results.map((x) => x.ms)), positions: r.positions, comparisons: r.comparisons, events: r.events, allPairs: r.allPairs });
    console.error(`${scale}× done`);
  }
  console.log('| scale | vessels | positions | median detector ms | ms ratio vs 1× | positions ratio | comparisons | all-pairs comparisons | encounters (planted) |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.scale}× | ${r.n} | ${r.positions} | ${r.ms.toFixed(0)} | ${(r.ms / rows[0]!.ms).toFixed(2)} | ${(r.positions / rows[0]!.positions).toFixed(0)} | ${r.comparisons} | ${r.allPairs.toExponential(2)} | ${r.events} (${Math.ceil(r.n / 1000)}) |`);
  }
}
