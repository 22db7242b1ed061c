// Live replay through the cluster at a fixed rate (issue 12: "events within 2 s of their closing report (p99),
// memory flat"). A simulated world goes through the regular ingest into a scratch store and is replayed in
// time order (as `tumen ingest --to` does) at --rate reports/s for up to --seconds, to a local 3-node
// cluster with --workers workers of the built CLI. Event latency = when the event reached the events stream
// minus when its closing report was published; the closing report of an event is the one after which the
// single-process runner (the `tumen detect` engine, run here over the same sequence) first emits it. Events
// emitted only at the end of input (still open) have no closing report and are left out. Every 10 s the
// resident memory of every cluster process is read from /proc. At the end, the stored events are compared
// with the single runner's.
//   npm run build && npx tsx bench/cluster-live.ts [--vessels 180] [--days 4] [--seed 21] [--rate 500] [--seconds 600] [--workers 2]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DeliverPolicy } from '@nats-io/jetstream';
import { simulate } from '../src/sim/world.js';
import { Store } from '../src/store/db.js';
import { ingestFiles } from '../src/ingest/ingest.js';
import { storeInput } from '../src/store/pipeline-source.js';
import { replayInto } from '../src/detectors/pipeline.js';
import { buildAnchorages, storedStops } from '../src/store/anchorages.js';
import { portAreasFrom } from '../src/anchorages/collect.js';
import { DetectionRunner } from '../src/detectors/runner.js';
import { clusterDown, clusterUp, clusterWait, readCluster } from '../src/cluster/local.js';
import { connectCluster } from '../src/cluster/connect.js';
import { ReportPublisher } from '../src/cluster/publish.js';
import { encodePorts, mergePorts } from '../src/cluster/messages.js';
import { CLUSTER_PARAMS, EVENTS_STREAM, REPORTS_STREAM, STATE_BUCKET, workUnits } from '../src/cluster/params.js';
import { consumerName } from '../src/cluster/unit-keys.js';
import { withStore } from '../src/store/db.js';
import { queryEvents } from '../src/store/events-write.js';
import type { Position } from '../src/tracks/position.js';
import type { StaticReport } from '../src/detectors/detector.js';
import type { TumenEvent } from '../src/events/schema.js';
import { arg } from './args.js';

const vessels = Number(arg('vessels', '180'));
const days = Number(arg('days', '4'));
const seed = Number(arg('seed', '21'));
const rate = Number(arg('rate', '500'));
const seconds = Number(arg('seconds', '600'));
const workerCount = Number(arg('workers', '2'));
const bin = resolve(import.meta.dirname, '../bin/tumen.js');
const load = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const rssMb = (pid: number): number => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
  } catch {
    return NaN;
  }
};

/** CPU seconds (user + system) a process has used so far (clock ticks of 1/100 s in /proc). */
const cpuS = (pid: number): number => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return NaN;
  }
};

const dir = mkdtempSync(join(tmpdir(), 'tumen-bench-live-'));
const nmea = join(dir, 'world.nmea');
writeFileSync(nmea, `${[...simulate({ seed, vessels, days }).lines].join('\n')}\n`);

// The world as the cluster gets it: the regular ingest, then a time-ordered replay of the store.
type Report = { k: 'p'; p: Position } | { k: 's'; s: StaticReport };
const reports: Report[] = [];
const store = await Store.open(join(dir, 'scratch.duckdb'), { memoryLimit: '512MB' });
await ingestFiles(store, [nmea], {});
await buildAnchorages(store);
const stops = await storedStops(store);
await replayInto({ pushPosition: (p) => reports.push({ k: 'p', p }), pushStatic: (s) => reports.push({ k: 's', s }) }, storeInput(store));
store.close();
const total = Math.min(reports.length, Math.round(rate * seconds));
console.log(`world: ${vessels} ships × ${days} d, ${reports.length} reports; replaying ${total} at ${rate}/s (${(total / rate).toFixed(0)} s), ${workerCount} workers; load ${load()}`);

// The single runner over the same sequence: which report first completes each event.
const runner = new DetectionRunner({ ports: portAreasFrom(mergePorts([encodePorts(stops)])).areas });
const closedBy = new Map<string, number>();
const reference = new Map<string, TumenEvent>();
for (let n = 0; n < total; n++) {
  const r = reports[n]!;
  if (r.k === 'p') runner.pushPosition(r.p);
  else runner.pushStatic(r.s);
  const out = runner.take();
  for (const e of out.events) {
    if (!closedBy.has(e.id)) closedBy.set(e.id, n);
    reference.set(e.id, e);
  }
  for (const id of out.retracted) reference.delete(id);
}
runner.flush();
const end = runner.take();
for (const e of end.events) reference.set(e.id, e);
for (const id of end.retracted) reference.delete(id);
console.log(`single runner: ${reference.size} events, ${closedBy.size} completed before the end of input`);

const cdir = join(dir, 'cluster');
const up = await clusterUp(cdir, 0, () => undefined, { monitor: true });
const workers: ChildProcess[] = [];
for (let i = 1; i <= workerCount; i++) {
  const out = openSync(join(cdir, 'logs', `bench-worker-${i}.log`), 'a');
  workers.push(spawn(process.execPath, [bin, 'worker', '--nats', up.url, '--id', `w${i}`, '--log-memory', '30'], { stdio: ['ignore', out, out] }));
}
const pids = [...readCluster(cdir).processes.map((p) => ({ name: `${p.role}${p.index}`, pid: p.pid })), ...workers.map((w, i) => ({ name: `worker${i + 1}`, pid: w.pid! }))];
const client = await connectCluster(up.url, { name: 'bench-live' });
let replayS = NaN;
try {
  // Event arrivals on the events stream (first arrival of each id).
  const arrived = new Map<string, number>();
  const consumer = await client.js.consumers.get(EVENTS_STREAM, { filter_subjects: 'tumen.events.>', deliver_policy: DeliverPolicy.All });
  const events = await consumer.consume();
  const reading = (async () => {
    for await (const m of events) {
      const e = m.json<TumenEvent>();
      if (!arrived.has(e.id)) arrived.set(e.id, Date.now());
    }
  })();
  // Workers up and every unit running (its consumer there) before the first report: a fixed 5 s wait let the
  // replay start while units of the cluster just up were still starting (one 14 s late), and that start-up
  // was most of the latency tail. How long it took is printed; --start-early keeps the old fixed wait.
  const tUp = Date.now();
  if (process.argv.includes('--start-early')) await new Promise((r) => setTimeout(r, 5_000));
  else {
    const units = workUnits(client);
    for (;;) {
      const ok = await Promise.all(units.map((u) => client.jsm.consumers.info(REPORTS_STREAM, consumerName(u)).then(() => true, () => false)));
      if (ok.every(Boolean)) break;
      if (Date.now() - tUp > 300_000) throw new Error('units not all running within 300 s');
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  console.log(`units running ${((Date.now() - tUp) / 1000).toFixed(1)} s after the workers were started; load ${load()}`);
  const publisher = new ReportPublisher(client);
  await publisher.ports(stops);
  const publishedAt = new Float64Array(total);
  const samples: Array<{ t: number; load: string; rss: number[]; streams: string }> = [];
  // What the NATS nodes hold: each stream's messages and bytes (the KV buckets are streams too).
  const streamState = async (): Promise<string> => {
    const out: string[] = [];
    for (const name of [REPORTS_STREAM, EVENTS_STREAM, `KV_${STATE_BUCKET}`]) {
      const i = await client.jsm.streams.info(name).catch(() => null);
      out.push(i ? `${name} ${i.state.messages} msgs ${(i.state.bytes / 1e6).toFixed(1)} MB` : `${name} ?`);
    }
    return out.join(', ');
  };
  const cpu0 = pids.map((p) => cpuS(p.pid));
  const t0 = Date.now();
  let lastSample = -Infinity;
  let n = 0;
  while (n < total) {
    // At most one publish window in flight (as `tumen ingest --to`): behind schedule, the publisher catches up
    // window by window instead of sending every report due at once (tens of thousands in flight timed out
    // together on a loaded box, and their retries with them).
    const due = Math.min(total, Math.floor(((Date.now() - t0) / 1000) * rate), n + CLUSTER_PARAMS.publishWindow);
    const now = Date.now();
    for (; n < due; n++) {
      const r = reports[n]!;
      if (r.k === 'p') publisher.pushPosition(r.p);
      else publisher.pushStatic(r.s);
      publishedAt[n] = now;
    }
    await publisher.settle();
    if (now - lastSample >= 10_000) {
      lastSample = now;
      samples.push({ t: (now - t0) / 1000, load: load(), rss: pids.map((p) => rssMb(p.pid)), streams: await streamState() });
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const behindS = (Date.now() - t0) / 1000 - total / rate;
  const cpuReplay = pids.map((p, i) => cpuS(p.pid) - cpu0[i]!);
  replayS = (Date.now() - t0) / 1000;
  await publisher.end();
  await clusterWait(cdir, 1_800_000);
  const cpuAll = pids.map((p, i) => cpuS(p.pid) - cpu0[i]!);
  const caughtUpS = (Date.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 1_000));
  events.stop();
  await reading.catch(() => undefined);

  const lat: number[] = [];
  let missing = 0;
  for (const [id, k] of closedBy) {
    const a = arrived.get(id);
    if (a === undefined) missing++;
    else lat.push((a - publishedAt[k]!) / 1000);
  }
  // The slowest events, by when their closing report was published (does the tail come late, with the state?).
  const slow = [...closedBy].map(([id, k]) => ({ id, t: (publishedAt[k]! - t0) / 1000, l: arrived.has(id) ? (arrived.get(id)! - publishedAt[k]!) / 1000 : NaN }))
    .sort((a, b) => b.l - a.l).slice(0, 10);
  console.log(`slowest events (published at t s: latency s): ${slow.map((x) => `${x.t.toFixed(0)}: ${x.l.toFixed(2)}`).join(', ')}`);
  lat.sort((a, b) => a - b);
  const q = (p: number, xs: number[] = lat): string => (xs.length ? xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!.toFixed(2) : 'n/a');
  // The first 30 s apart: what start-up adds (JIT, the first checkpoints on a cluster just up) against the
  // steady state.
  const split = (early: boolean) => [...closedBy].filter(([id, k]) => publishedAt[k]! - t0 < 30_000 === early && arrived.has(id))
    .map(([id, k]) => (arrived.get(id)! - publishedAt[k]!) / 1000).sort((a, b) => a - b);
  const early = split(true), later = split(false);
  console.log(`event latency, closing report in the first 30 s (${early.length} events): p50 ${q(0.5, early)} s, p99 ${q(0.99, early)} s, max ${q(1, early)} s; after (${later.length}): p50 ${q(0.5, later)} s, p99 ${q(0.99, later)} s, max ${q(1, later)} s`);
  console.log(`published ${total} reports in ${((Date.now() - t0) / 1000).toFixed(0)} s (publisher ${behindS.toFixed(1)} s behind schedule at the last report)`);
  console.log(`event latency after the closing report (${lat.length} events; ${missing} never arrived): p50 ${q(0.5)} s, p90 ${q(0.9)} s, p99 ${q(0.99)} s, max ${q(1)} s`);
  // What the cores went to: each process's CPU over the replay, and until every unit had caught up.
  const perReport = (xs: number[]) => xs.map((c, i) => `${pids[i]!.name} ${c.toFixed(0)} s (${((c / total) * 1e6).toFixed(0)} µs/report)`).join(', ');
  console.log(`CPU over the ${replayS.toFixed(0)} s replay: ${perReport(cpuReplay)}`);
  console.log(`CPU until caught up (${caughtUpS.toFixed(0)} s): ${perReport(cpuAll)}; all ${cpuAll.reduce((a, b) => a + b, 0).toFixed(0)} s = ${((cpuAll.reduce((a, b) => a + b, 0) / total) * 1e6).toFixed(0)} µs/report`);
  console.log(`rss MB every 10 s (${pids.map((p) => p.name).join(', ')}):`);
  for (const s of samples) console.log(`  t ${s.t.toFixed(0).padStart(4)} s  load ${s.load}  ${s.rss.map((r) => r.toFixed(0)).join(' ')}  | ${s.streams}`);
  // Flat or not: each process's mean (and max) resident memory over the first and the last 2 minutes.
  const span = (from: number, to: number) => samples.filter((x) => x.t >= from && x.t < to);
  const lastT = samples.at(-1)?.t ?? 0;
  const stat = (xs: typeof samples, i: number) => {
    const v = xs.map((x) => x.rss[i]!).filter(Number.isFinite);
    return v.length ? `${(v.reduce((a, b) => a + b, 0) / v.length).toFixed(0)} (max ${Math.max(...v).toFixed(0)})` : 'n/a';
  };
  // Each process's mean resident memory in each minute of the replay (flat or not, minute by minute).
  console.log(`rss MB, mean of each minute (${pids.map((p) => p.name).join(', ')}):`);
  for (let m = 0; m * 60 <= lastT; m++) {
    const xs = span(m * 60, (m + 1) * 60);
    if (xs.length) console.log(`  min ${m}: ${pids.map((_, i) => { const v = xs.map((x) => x.rss[i]!).filter(Number.isFinite); return (v.reduce((a, b) => a + b, 0) / v.length).toFixed(0); }).join(' ')}  (load ${xs[0]!.load})`);
  }
  const first = span(0, 120), last = span(lastT - 120, lastT + 1);
  console.log(`rss MB, mean (max) over the first 2 min → the last 2 min (t ≥ ${(lastT - 120).toFixed(0)} s):`);
  pids.forEach((p, i) => console.log(`  ${p.name.padEnd(8)} ${stat(first, i)} → ${stat(last, i)}`));
  const stored = await withStore(join(cdir, 'tumen.duckdb'), (s) => queryEvents(s));
  const ids = (es: Iterable<TumenEvent>): string => [...es].map((e) => e.id).sort().join(',');
  console.log(`stored ${stored.length} events; ids ${ids(stored) === ids(reference.values()) ? '= the single runner\'s' : `≠ the single runner's (${reference.size})`}`);
} finally {
  await client.nc.drain();
  for (const w of workers) w.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 3000));
  for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
  // Checkpoint bytes written to KV, as each unit reports them when its worker hands it back (SIGTERM above).
  let cpBytes = 0, cps = 0;
  for (let i = 1; i <= workerCount; i++) {
    const log = readFileSync(join(cdir, 'logs', `bench-worker-${i}.log`), 'utf8');
    for (const m of log.matchAll(/released unit \S+ \(\d+ reports, (\d+) checkpoints, (\d+) bytes of checkpoint written\)/g)) {
      cps += Number(m[1]);
      cpBytes += Number(m[2]);
    }
  }
  // The workers' own memory lines (heap, external, each unit's state size), every 30 s.
  for (let i = 1; i <= workerCount; i++) {
    const lines = readFileSync(join(cdir, 'logs', `bench-worker-${i}.log`), 'utf8').split('\n').filter((l) => l.includes(' memory: '));
    console.log(`worker ${i} memory (every 30 s):`);
    for (const l of lines) console.log(`  ${l}`);
  }
  console.log(`checkpoints: ${cps} written, ${(cpBytes / 1e6).toFixed(1)} MB gzipped in all, ${(cpBytes / 1e3 / replayS).toFixed(1)} kB/s over the ${replayS.toFixed(0)} s replay`);
  // Where each NATS node's Go heap is, by the server function that allocated it (its heap profile, saved
  // beside the logs).
  for (const p of readCluster(cdir).processes.filter((x) => x.profPort)) {
    try {
      const text = await (await fetch(`http://127.0.0.1:${p.profPort}/debug/pprof/heap?debug=1`)).text();
      writeFileSync(join(cdir, 'logs', `heap-nats-${p.index}.txt`), text);
      console.log(`nats ${p.index} heap in use by allocating function: ${heapBySite(text)}`);
    } catch (err) {
      console.log(`nats ${p.index} heap profile: ${(err as Error).message}`);
    }
  }
  await clusterDown(cdir);
  if (!process.env.TUMEN_KEEP_BENCH_DIR) rmSync(dir, { recursive: true, force: true });
}

/** A Go heap profile (text, debug=1) summed by the innermost nats-server function of each record's stack:
 *  the eight largest, in MB of heap in use at the last collection (scaled from the samples). */
function heapBySite(text: string): string {
  const sums = new Map<string, number>();
  let total = 0;
  for (const rec of text.split(/\n(?=\d+: \d+ \[)/).slice(1)) {
    const head = /^(\d+): (\d+) \[/.exec(rec);
    if (!head || head[1] === '0') continue;
    // The text profile holds the samples as taken: an allocation of s bytes is sampled with probability
    // 1 - exp(-s / 512 kB), so small ones (a duplicate-window id) count for thousands each.
    const count = Number(head[1]);
    const bytes = Number(head[2]) / (1 - Math.exp(-Number(head[2]) / count / 524_288));
    total += bytes;
    const fn = /#\s+0x[0-9a-f]+\s+\S*nats-server\/v2\/server\.(\S+?)\+0x/.exec(rec)?.[1] ?? /#\s+0x[0-9a-f]+\s+(\S+?)\+0x/.exec(rec)?.[1] ?? '?';
    sums.set(fn, (sums.get(fn) ?? 0) + bytes);
  }
  const top = [...sums].sort((a, b) => b[1] - a[1]).slice(0, 8);
  return `${(total / 1e6).toFixed(0)} MB in all; ${top.map(([f, b]) => `${f} ${(b / 1e6).toFixed(1)}`).join(', ')}`;
}
