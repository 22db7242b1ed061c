// `tumen ingest` of one file by several builds, alternated run by run so all see the same load, each into a
// fresh store. Per run: wall, CPU-s of the process (user + sys), peak RSS, and per thread from /proc (sampled
// every 50 ms): the decoding thread(s) = the busiest threads other than the main one, start-up = CPU of all
// threads before the first decoding thread has used CPU, tail = CPU and wall after the last one stopped.
// start + decoding + tail is the CPU of the critical path: the work that cannot overlap (Linux only).
//   npx tsx bench/ingest-ab.ts FILE RUNS BUILD_A [BUILD_B …] [-- EXTRA INGEST ARGS]   (BUILD = a built checkout)
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const [file, runsArg, ...builds] = dash < 0 ? argv : argv.slice(0, dash);
const extra = dash < 0 ? [] : argv.slice(dash + 1);
if (!file || builds.length === 0) throw new Error('usage: ingest-ab.ts FILE RUNS BUILD_A [BUILD_B …] [-- ARGS]');
const decoders = Number(extra[extra.indexOf('--threads') + 1] ?? 1) || 1;
const TICK_S = 0.01; // USER_HZ = 100 on Linux
const SAMPLE_MS = 50;

interface Run { build: string; wall: number; cpu: number; rssMb: number; decode: number; start: number; tail: number; tailWall: number; main: number; load: number }

function threadTicks(pid: number): Map<number, number> {
  const out = new Map<number, number>();
  let tids: string[];
  try { tids = readdirSync(`/proc/${pid}/task`); } catch { return out; }
  for (const t of tids) {
    try {
      const f = readFileSync(`/proc/${pid}/task/${t}/stat`, 'utf8');
      const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
      out.set(Number(t), Number(rest[11]) + Number(rest[12]));
    } catch { /* the thread ended between readdir and read */ }
  }
  return out;
}

async function runOnce(build: string): Promise<Run> {
  const db = join(tmpdir(), `ingest-ab-${process.pid}.duckdb`);
  for (const f of [db, `${db}.wal`]) rmSync(f, { force: true });
  const load = loadavg()[0];
  const t0 = performance.now();
  const child = spawn('/usr/bin/time', ['-f', '%U %S %M %e', process.execPath, resolve(build, 'bin/tumen.js'), 'ingest', resolve(file), '--db', db, ...extra],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  // Per thread: last ticks seen, and the sample times at which it first/last grew.
  const seen = new Map<number, { ticks: number; firstMs: number; lastGrowMs: number }>();
  const samples: Array<{ ms: number; ticks: Map<number, number> }> = [];
  let nodePid = 0;
  const timer = setInterval(() => {
    if (nodePid === 0) {
      try { nodePid = Number(readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(' ')[0]) || 0; } catch { /* not yet */ }
      if (nodePid === 0) return;
    }
    const ms = performance.now() - t0;
    const ticks = threadTicks(nodePid);
    samples.push({ ms, ticks });
    for (const [tid, n] of ticks) {
      const s = seen.get(tid);
      if (s === undefined) seen.set(tid, { ticks: n, firstMs: ms, lastGrowMs: n > 0 ? ms : -1 });
      else if (n > s.ticks) { s.ticks = n; s.lastGrowMs = ms; }
    }
  }, SAMPLE_MS);
  const code = await new Promise<number>((res) => child.on('close', (c) => res(c ?? 1)));
  clearInterval(timer);
  const wallMs = performance.now() - t0;
  for (const f of [db, `${db}.wal`]) rmSync(f, { force: true });
  const last = stderr.trim().split('\n').pop()!.split(' ').map(Number);
  if (code !== 0 || last.length !== 4) throw new Error(`${build}: exit ${code}\n${stderr}`);
  const [user, sys, rssKb, wall] = last;
  const others = [...seen].filter(([tid]) => tid !== nodePid).sort((a, b) => b[1].ticks - a[1].ticks);
  const dec = others.slice(0, decoders);
  const decStart = Math.min(...dec.map(([, s]) => s.firstMs));
  const decEnd = Math.max(...dec.map(([, s]) => s.lastGrowMs));
  // CPU of all threads up to a sample time (threads that ended before keep their last count).
  const cpuAt = (ms: number): number => {
    const last = new Map<number, number>();
    for (const s of samples) {
      if (s.ms > ms) break;
      for (const [tid, n] of s.ticks) last.set(tid, n);
    }
    return [...last.values()].reduce((a, b) => a + b, 0) * TICK_S;
  };
  const total = user + sys;
  if (process.env.THREADS) {
    console.log([...seen].sort((a, b) => b[1].ticks - a[1].ticks).filter(([, s]) => s.ticks > 0)
      .map(([tid, s]) => `${tid === nodePid ? 'main' : tid} ${(s.ticks * TICK_S).toFixed(2)} [${(s.firstMs / 1000).toFixed(1)}–${(s.lastGrowMs / 1000).toFixed(1)}]`).join(', '));
  }
  return {
    build, wall, cpu: total, rssMb: rssKb / 1024, load,
    decode: dec.reduce((a, [, s]) => a + s.ticks, 0) * TICK_S,
    main: (seen.get(nodePid)?.ticks ?? 0) * TICK_S,
    start: cpuAt(decStart - SAMPLE_MS),
    tail: total - cpuAt(decEnd), tailWall: wallMs / 1000 - decEnd / 1000,
  };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const runs: Run[] = [];
for (let r = 0; r < Number(runsArg ?? 3); r++) {
  for (const b of builds) {
    if (!existsSync(resolve(b, 'bin/tumen.js'))) throw new Error(`${b}: no bin/tumen.js`);
    const x = await runOnce(b);
    runs.push(x);
    console.log(`${b}: wall ${x.wall.toFixed(2)} s, CPU ${x.cpu.toFixed(2)} s, RSS ${x.rssMb.toFixed(0)} MB, load ${x.load.toFixed(1)}; ` +
      `critical path ${(x.start + x.decode + x.tail).toFixed(2)} CPU-s = start ${x.start.toFixed(2)} + decoding ${x.decode.toFixed(2)} + tail ${x.tail.toFixed(2)} (${x.tailWall.toFixed(2)} s wall); main thread ${x.main.toFixed(2)}, other threads ${(x.cpu - x.main - x.decode).toFixed(2)}`);
  }
}
for (const b of builds) {
  const xs = runs.filter((x) => x.build === b);
  const m = (f: (x: Run) => number) => median(xs.map(f)).toFixed(2);
  console.log(`${b}: medians of ${xs.length}: wall ${m((x) => x.wall)} s, CPU ${m((x) => x.cpu)} s, critical path ${m((x) => x.start + x.decode + x.tail)} CPU-s ` +
    `(start ${m((x) => x.start)}, decoding ${m((x) => x.decode)}, tail ${m((x) => x.tail)}, tail wall ${m((x) => x.tailWall)} s), ` +
    `main thread ${m((x) => x.main)}, other threads ${m((x) => x.cpu - x.main - x.decode)}, ` +
    `peak RSS ${Math.max(...xs.map((x) => x.rssMb)).toFixed(0)} MB max, load ${Math.min(...xs.map((x) => x.load)).toFixed(1)}–${Math.max(...xs.map((x) => x.load)).toFixed(1)}`);
}
