// In-process decode throughput of position reports (types 1, 2, 3, 18) on one core: real AMSA sentences,
// repeated to ≥2 M messages, fed through AisDecoder.decodeLine. Median of several runs.
//   npx tsx bench/decode-throughput.ts [RUNS]
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { AisDecoder } from '../src/ais/index.js';

const runs = Number(process.argv[2] ?? 7);
const lines = gunzipSync(readFileSync(new URL('../test/fixtures/ais/amsa-ais.txt.gz', import.meta.url))).toString('latin1').split('\n');
const probe = new AisDecoder();
const positions = lines.filter((l) => {
  const r = probe.decodeLine(l);
  return r.kind === 'message' && [1, 2, 3, 18].includes(r.message.type);
});
const TARGET = 2_000_000;
const input: string[] = [];
while (input.length < TARGET) input.push(...positions);
console.log(`${positions.length} distinct real position reports, ${input.length} lines per run`);

// Wall time, and CPU time of this process (user+system, all its threads incl. GC): on a shared, loaded box
// the wall clock also counts time spent waiting for a core, the CPU time only the work done.
const rates: number[] = [];
const cpuRates: number[] = [];
for (let r = 0; r < runs; r++) {
  const d = new AisDecoder();
  let n = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < input.length; i++) if (d.decodeLine(input[i]).kind === 'message') n++;
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpuS = (c.user + c.system) / 1e6;
  rates.push(n / s);
  cpuRates.push(n / cpuS);
  console.log(`run ${r + 1}: ${n} messages in ${s.toFixed(3)} s wall (${(n / s / 1e6).toFixed(2)} M msg/s), ${cpuS.toFixed(3)} s CPU (${(n / cpuS / 1e6).toFixed(2)} M msg/s)`);
}
const median = (a: number[]): number => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.log(`median: ${(median(rates) / 1e6).toFixed(2)} M position reports/s wall, ${(median(cpuRates) / 1e6).toFixed(2)} M/s per CPU-second (target ≥ 2)`);
