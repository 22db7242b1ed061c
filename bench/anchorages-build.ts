// Anchorage learning speed (issue 8 target: build over 10 M positions < 30 s). The Solent capture (18,623
// real positions, 91 MMSIs) replayed as copies with fresh MMSIs and shifted times until 10 M positions
// have streamed through the stop scan (src/anchorages/collect.ts) and the learner; no invented tracks.
//   npx tsx bench/anchorages-build.ts [runs=3] [positions=10000000]
import { portAreasFrom, scanStops } from '../src/anchorages/collect.js';
import type { Position } from '../src/tracks/position.js';
import { readSolent } from './real-check.js';

const runs = Number(process.argv[2] ?? 3);
const target = Number(process.argv[3] ?? 10_000_000);
const base = readSolent(new URL('../test/fixtures/tracks/solent-20160112.csv.gz', import.meta.url).pathname).positions.sort((a, b) => a.mmsi - b.mmsi || a.timeMs - b.timeMs);

async function* replay(): AsyncIterable<Position[]> {
  let n = 0;
  for (let k = 0; n < target; k++) {
    const shiftMs = k * 7_200_000;
    const batch = base.slice(0, Math.min(base.length, target - n)).map((p) => ({ ...p, mmsi: p.mmsi + k * 1_000_000_000, timeMs: p.timeMs + shiftMs }));
    n += batch.length;
    yield batch;
  }
}

const times: number[] = [];
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  const scan = await scanStops(replay());
  const { learned } = portAreasFrom(scan);
  const s = (performance.now() - t0) / 1000;
  times.push(s);
  console.log(`run ${r + 1}: ${scan.positions} positions, ${scan.stops.length} stops, ${learned.anchorages.length} anchorages (${learned.cellsKept} cells) in ${s.toFixed(1)} s; RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
}
times.sort((a, b) => a - b);
console.log(`median ${times[Math.floor(times.length / 2)]!.toFixed(1)} s over ${runs} runs (target < 30 s)`);
