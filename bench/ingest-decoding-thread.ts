// The decoding thread's work of `tumen ingest` alone (read + decode + in-batch dedup + batch columns, no
// store): the critical path of a file ingest. Each run is a fresh process per build, builds alternated, so
// that all see the same load; CPU seconds (user + sys) of the process and the counts, which must agree.
//   npx tsx bench/ingest-decoding-thread.ts FILE RUNS DIST_A [DIST_B …]   (DIST = a built dist/ directory)
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const [file, runsArg, ...dists] = process.argv.slice(2);
if (!file || dists.length === 0) throw new Error('usage: ingest-decoding-thread.ts FILE RUNS DIST_A [DIST_B …]');

// One run inside a child process: the same decodeFile/NmeaDecodeStage/toBatchData the worker thread uses.
const child = `
const dist = process.argv[1];
const { decodeFile } = await import(dist + '/ingest/decode-file.js');
const { NmeaDecodeStage } = await import(dist + '/ingest/nmea-decode.js');
const { toBatchData } = await import(dist + '/ingest/position-batch.js');
const { emptyCounts } = await import(dist + '/store/ingest-log.js');
const t0 = process.cpuUsage();
const stage = new NmeaDecodeStage({ startMs: null, source: null, strict: false, batchRows: 300000, label: 'bench',
  timeWindow: { minMs: Date.UTC(1990, 0, 1), maxMs: Date.now() + 86400000 } }, emptyCounts(), null);
let rows = 0;
await decodeFile(stage, process.argv[2], 0, 0, 0, async (taken) => { const { data } = toBatchData(taken.batch); rows += data.length + data.statics.length; }, () => {});
const c = process.cpuUsage(t0);
console.log(JSON.stringify({ cpuS: (c.user + c.system) / 1e6, rows, messages: stage.counts.messages, duplicates: stage.counts.duplicates }));
`;

const cpu = new Map<string, number[]>();
for (let r = 0; r < Number(runsArg ?? 3); r++) {
  for (const d of dists) {
    // The decoding thread's young generation (nmea-file.ts DECODER_YOUNG_GENERATION_MB = 64: semi-spaces of 16 MB here).
    const p = spawnSync(process.execPath, ['--max-semi-space-size=16', '--input-type=module', '-e', child, resolve(d), resolve(file)], { encoding: 'utf8' });
    if (p.status !== 0) throw new Error(p.stderr);
    const out = JSON.parse(p.stdout) as { cpuS: number; rows: number; messages: number; duplicates: number };
    cpu.set(d, [...(cpu.get(d) ?? []), out.cpuS]);
    console.log(`${d}: ${out.cpuS.toFixed(2)} CPU-s, rows ${out.rows}, messages ${out.messages}, duplicates ${out.duplicates}`);
  }
}
for (const [d, xs] of cpu) {
  const s = [...xs].sort((a, b) => a - b);
  console.log(`${d}: median ${s[Math.floor(s.length / 2)].toFixed(2)} CPU-s of ${s.map((x) => x.toFixed(2)).join(', ')}`);
}
