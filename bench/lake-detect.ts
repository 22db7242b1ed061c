// `tumen detect --lake` against `tumen detect`: a simulated world ingested into a store, detected there, the
// store exported as a lake (`tumen export --format parquet --partition-by day`), then detected from the lake
// in one process and (with --workers W) over a local cluster of W workers. CPU-s and peak RSS of each
// command from /usr/bin/time (the cluster run: wall, and the workers' CPU-s from /proc); the three event
// sets compared (ids and content). Runs the built CLI: `npm run build` first.
//   npm run build && npx tsx bench/lake-detect.ts [--vessels 150] [--days 6] [--seed 31] [--workers 2] [--runs 1]
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { simulate } from '../src/sim/world.js';
import { clusterDown, clusterUp } from '../src/cluster/local.js';
import { withStore } from '../src/store/db.js';
import { queryEvents } from '../src/store/events-write.js';
import { arg } from './args.js';

const vessels = Number(arg('vessels', '150'));
const days = Number(arg('days', '6'));
const seed = Number(arg('seed', '31'));
const workerCount = Number(arg('workers', '2'));
const runs = Number(arg('runs', '1'));
const bin = resolve(import.meta.dirname, '../bin/tumen.js');
const load = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** Runs the CLI under /usr/bin/time: CPU-s (user + sys), peak RSS MB, wall s. */
function timed(args: string[]): { cpuS: number; rssMb: number; wallS: number; out: string } {
  const t0 = Date.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %U %S %M', process.execPath, bin, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`tumen ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  const m = /TIME ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr)!;
  return { cpuS: Number(m[1]) + Number(m[2]), rssMb: Number(m[3]) / 1024, wallS: (Date.now() - t0) / 1000, out: r.stdout.trim() };
}

function cpuS(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

const dir = mkdtempSync(join(tmpdir(), 'tumen-bench-lake-'));
const nmea = join(dir, 'world.nmea');
writeFileSync(nmea, `${[...simulate({ seed, vessels, days }).lines].join('\n')}\n`);
const db = join(dir, 'store.duckdb');
timed(['ingest', nmea, '--db', db]);
const lake = join(dir, 'lake');
const exp = timed(['export', '--db', db, '--format', 'parquet', '--partition-by', 'day', '--out', lake]);
const key = async (file: string): Promise<string[]> => (await withStore(file, (s) => queryEvents(s), { readOnly: true })).map((e) => JSON.stringify(e)).sort();
console.log(`world: ${vessels} ships × ${days} d (seed ${seed}); lake export ${exp.cpuS.toFixed(1)} CPU-s`);
try {
  for (let k = 0; k < runs; k++) {
    const single = timed(['detect', '--db', db]);
    const want = await key(db);
    console.log(`tumen detect:                 ${single.cpuS.toFixed(1)} CPU-s, ${single.rssMb.toFixed(0)} MB, wall ${single.wallS.toFixed(1)} s, load ${load()}; ${want.length} events`);
    const ldb = join(dir, `lake-${k}.duckdb`);
    const inProc = timed(['detect', '--lake', lake, '--db', ldb]);
    const same = JSON.stringify(await key(ldb)) === JSON.stringify(want);
    console.log(`tumen detect --lake:          ${inProc.cpuS.toFixed(1)} CPU-s, ${inProc.rssMb.toFixed(0)} MB, wall ${inProc.wallS.toFixed(1)} s, load ${load()}; events ${same ? '= tumen detect' : '≠ tumen detect'}`);
    if (workerCount > 0) {
      const cdir = join(dir, `cluster-${k}`);
      const up = await clusterUp(cdir, 0, () => undefined);
      const workers: ChildProcess[] = [];
      try {
        for (let i = 1; i <= workerCount; i++) {
          const out = openSync(join(cdir, 'logs', `bench-worker-${i}.log`), 'a');
          workers.push(spawn(process.execPath, [bin, 'worker', '--nats', up.url, '--id', `w${i}`], { stdio: ['ignore', out, out] }));
        }
        await new Promise((r) => setTimeout(r, 5_000)); // workers up and pulling
        const cpu0 = workers.map((w) => cpuS(w.pid!));
        const cdb = join(dir, `cluster-${k}.duckdb`);
        const run = timed(['detect', '--lake', lake, '--nats', up.url, '--db', cdb]);
        const wcpu = workers.map((w, i) => cpuS(w.pid!) - cpu0[i]!);
        const csame = JSON.stringify(await key(cdb)) === JSON.stringify(want);
        console.log(`tumen detect --lake --nats (${workerCount} workers): wall ${run.wallS.toFixed(1)} s, coordinator ${run.cpuS.toFixed(1)} CPU-s ${run.rssMb.toFixed(0)} MB, workers ${wcpu.map((c) => c.toFixed(1)).join(' + ')} CPU-s, load ${load()}; events ${csame ? '= tumen detect' : '≠ tumen detect'}`);
      } finally {
        for (const w of workers) w.kill('SIGTERM');
        await new Promise((r) => setTimeout(r, 3000));
        for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
        await clusterDown(cdir);
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
