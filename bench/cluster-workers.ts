// Cluster throughput with 1, 2, 4 workers on this machine: a local 3-node cluster (`tumen cluster up`
// with no workers), the world published first (`tumen ingest --to`), then W workers of the built CLI are
// started and timed until `tumen cluster wait` (every report processed, every event stored). Reports the
// wall time, the workers' CPU-s (from /proc at the end) and checks the stored events against `tumen detect`.
// The workers run the built CLI (dist/): build after every change to the source, or the baseline (run from
// source) and the workers disagree.
//   npm run build && npx tsx bench/cluster-workers.ts [--vessels 40] [--days 3] [--seed 12] [--workers 1,2,4] [--runs 1]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { simulate } from '../src/sim/world.js';
import { clusterDown, clusterUp, clusterWait } from '../src/cluster/local.js';
import { ingestToCluster } from '../src/cluster/ingest-to.js';
import { withStore } from '../src/store/db.js';
import { queryEvents } from '../src/store/events-write.js';
import { runDetect } from './cluster-detect.js';
import { arg } from './args.js';

const vessels = Number(arg('vessels', '40'));
const days = Number(arg('days', '3'));
const seed = Number(arg('seed', '12'));
const workerCounts = arg('workers', '1,2,4').split(',').map(Number);
const runs = Number(arg('runs', '1'));
const bin = resolve(import.meta.dirname, '../bin/tumen.js');

const dir = mkdtempSync(join(tmpdir(), 'tumen-bench-cluster-'));
const nmea = join(dir, 'world.nmea');
writeFileSync(nmea, `${[...simulate({ seed, vessels, days }).lines].join('\n')}\n`);
const expected = await runDetect(nmea, join(dir, 'single.duckdb'));
const key = (es: Array<{ id: string }>): string => es.map((e) => JSON.stringify(e)).sort().join('\n');

/** user + system CPU seconds of a live process, from /proc (clock ticks of 1/100 s). */
function cpuS(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

const load = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
for (let k = 0; k < runs; k++) {
  for (const n of workerCounts) {
    const cdir = join(dir, `w${n}-${k}`);
    const up = await clusterUp(cdir, 0, () => undefined);
    const workers: ChildProcess[] = [];
    try {
      const pub = await ingestToCluster(up.url, [nmea], {}, '256MB');
      const loadAt = load();
      const t0 = Date.now();
      for (let i = 1; i <= n; i++) {
        const out = openSync(join(cdir, 'logs', `bench-worker-${i}.log`), 'a');
        workers.push(spawn(process.execPath, [bin, 'worker', '--nats', up.url, '--id', `w${i}`], { stdio: ['ignore', out, out] }));
      }
      await clusterWait(cdir, 1_800_000);
      const wallS = (Date.now() - t0) / 1000;
      const cpu = workers.map((w) => cpuS(w.pid!));
      const got = await withStore(join(cdir, 'tumen.duckdb'), (s) => queryEvents(s));
      const same = key(got) === key(expected);
      if (!same) {
        const want = new Set(expected.map((e) => JSON.stringify(e)));
        const have = new Set(got.map((e) => JSON.stringify(e)));
        for (const e of got) if (!want.has(JSON.stringify(e))) console.log(`  cluster only: ${JSON.stringify(e)}`);
        for (const e of expected) if (!have.has(JSON.stringify(e))) console.log(`  detect only:  ${JSON.stringify(e)}`);
      }
      console.log(`workers ${n} run ${k + 1}: ${pub.published} reports in ${wallS.toFixed(1)} s wall = ${(pub.published / wallS).toFixed(0)} reports/s; workers CPU ${cpu.map((c) => c.toFixed(1)).join(' + ')} = ${cpu.reduce((a, b) => a + b, 0).toFixed(1)} s; load ${loadAt}; events ${got.length} ${same ? '= tumen detect' : `≠ tumen detect (${expected.length})`}`);
    } finally {
      for (const w of workers) w.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 3000));
      for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
      await clusterDown(cdir);
    }
  }
}
rmSync(dir, { recursive: true, force: true });
