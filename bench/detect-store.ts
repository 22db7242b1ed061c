// `tumen detect` and `tumen anchorages build` as a user runs them: the built CLI over a store of ≥ 10 M
// positions, under /usr/bin/time (wall, user + system CPU, peak RSS). Issue 8 targets: detect < 60 s and
// RSS < 1.5 GB; anchorage build < 30 s.
//   npm run build && npx tsx bench/detect-store.ts [--runs 3] [--positions 10000000] [--vessels 1000] [--days 3] [--seed 7]
// The store is built once (kept in --dir): `tumen simulate` writes a classic world, `tumen ingest` stores it
// (the user's path), then SQL appends copies of it back to back in time, each a fresh fleet (MMSIs
// renumbered within their MID, valid IMOs renumbered, names suffixed by the copy number so no copy looks
// like an identity handover of the previous one) until ≥ --positions rows: constant density, the store grows
// as history does. Every run times a fresh copy of that store file, so each anchorage build and each detect
// reads everything (the first detect on a store also builds the anchorages, as it does for a user).
// The peer in the same run: DuckDB itself reading the same columns in the same order (`COPY … TO parquet`
// of the sorted scan) — the floor any reader of the store has to pay.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { Store } from '../src/store/db.js';
import { arg, flag } from './args.js';

const runs = Number(arg('runs', '3'));
const target = Number(arg('positions', '10000000'));
const vessels = arg('vessels', '1000');
const days = Number(arg('days', '3'));
const seed = arg('seed', '7');
const dir = arg('dir', '/tmp/tumen-bench/detect-store');
const cli = new URL('../bin/tumen.js', import.meta.url).pathname;
mkdirSync(dir, { recursive: true });
const world = `${dir}/world-${vessels}x${days}-s${seed}`;
const storePath = `${dir}/store-${vessels}x${days}-s${seed}-${target}.duckdb`;

interface Timed { wall: number; cpu: number; rssMb: number; out: string }

/** Runs a command under /usr/bin/time; wall and CPU seconds, peak RSS. */
function timed(cmd: string, args: string[]): Timed {
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26, cwd: new URL('..', import.meta.url).pathname });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
  if (!m) throw new Error(`no timing in: ${r.stderr}`);
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rssMb: Number(m[4]) / 1024, out: `${r.stdout}${r.stderr.replace(/TIME .*\n?/, '')}` };
}

async function buildStore(): Promise<void> {
  if (!existsSync(`${world}/ais.nmea`)) {
    const s = timed('node', [cli, 'simulate', '--out', world, '--vessels', vessels, '--days', String(days), '--seed', seed]);
    console.log(`simulated in ${s.wall.toFixed(1)} s: ${s.out.split('\n')[1] ?? ''}`);
  }
  const ingested = `${world}/ingested.duckdb`;
  if (!existsSync(ingested)) {
    const ing = timed('node', [cli, 'ingest', '--db', `${ingested}.part`, `${world}/ais.nmea`]);
    console.log(`ingested in ${ing.wall.toFixed(1)} s (CPU ${ing.cpu.toFixed(1)} s)`);
    renameSync(`${ingested}.part`, ingested);
  }
  const tmp = `${storePath}.part`;
  copyFileSync(ingested, tmp);
  const store = await Store.open(tmp);
  try {
    const base = Number((await store.one<{ n: bigint }>('SELECT count(*) AS n FROM positions'))!.n);
    const copies = Math.ceil(target / base);
    const spanMs = days * 86_400_000;
    // A fresh MMSI per copy within the MID (×7 is a bijection mod 10^6), a different valid IMO (7 digits,
    // check digit Σ digit × weight 7..2 mod 10), names suffixed so a copy is not the previous copy renamed.
    const mmsi = (k: number) => `(mmsi // 1000000) * 1000000 + ((mmsi % 1000000) * 7 + ${k} * 131071) % 1000000`;
    const imoBase = (k: number) => `(((imo // 10 + ${k} * 7919) % 900000) + 100000)`;
    const digit = (k: number, i: number) => `((${imoBase(k)} // ${10 ** (5 - i)}) % 10)`;
    const imo = (k: number) => `CASE WHEN imo BETWEEN 1000000 AND 9999999 THEN ${imoBase(k)} * 10 + (${[0, 1, 2, 3, 4, 5].map((i) => `${digit(k, i)} * ${7 - i}`).join(' + ')}) % 10 ELSE imo END`;
    await store.run('CREATE TEMP TABLE base_positions AS SELECT * FROM positions');
    await store.run('CREATE TEMP TABLE base_statics AS SELECT * FROM statics');
    for (let k = 1; k < copies; k++) {
      const shift = `to_milliseconds(${k * spanMs})`;
      await store.run(`INSERT INTO positions SELECT ${mmsi(k)}, time + ${shift}, lat, lon, speed, course, heading, status, type, source, stations, dedup_key, ingest_id FROM base_positions`);
      await store.run(`INSERT INTO statics SELECT ${mmsi(k)}, time + ${shift}, type, ${imo(k)}, CASE WHEN shipname IS NULL THEN NULL ELSE shipname || ' ${k}' END, CASE WHEN callsign IS NULL THEN NULL ELSE callsign || '${k}' END, shiptype, to_bow, to_stern, to_port, to_starboard, draught, destination, length, beam, source, stations, dedup_key, ingest_id FROM base_statics`);
    }
    const n = Number((await store.one<{ n: bigint }>('SELECT count(*) AS n FROM positions'))!.n);
    console.log(`store: ${copies} copies of ${base} positions = ${n} positions`);
  } finally {
    store.close();
  }
  renameSync(tmp, storePath);
}

if (flag('rebuild')) rmSync(storePath, { force: true });
if (!existsSync(storePath)) await buildStore();
const info = await Store.open(storePath, { readOnly: true });
const counts = (await info.one<{ p: bigint; s: bigint; v: bigint; span: number }>(
  'SELECT (SELECT count(*) FROM positions) AS p, (SELECT count(*) FROM statics) AS s, (SELECT count(DISTINCT mmsi) FROM positions) AS v, (SELECT (epoch_ms(max(time)) - epoch_ms(min(time))) / 86400000 FROM positions) AS span',
))!;
info.close();
console.log(`store ${storePath}: ${counts.p} positions, ${counts.s} statics, ${counts.v} MMSIs, ${Number(counts.span).toFixed(1)} days`);
console.log(`machine: nproc ${cpus().length}, ${cpus()[0]!.model}, node ${process.version}, ${new Date().toISOString()}, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const results: Record<'floor' | 'anchorages' | 'detect', Timed[]> = { floor: [], anchorages: [], detect: [] };
const work = `${dir}/run.duckdb`;
const floorSql = "COPY (SELECT mmsi, epoch_ms(time) AS t, lat, lon, speed, course, heading, status, source, stations FROM positions ORDER BY time, mmsi, rowid) TO '/dev/null' (FORMAT parquet)";
for (let r = 0; r < runs; r++) {
  rmSync(work, { force: true });
  copyFileSync(storePath, work);
  results.floor.push(timed('node', ['-e', `const {DuckDBInstance}=require('@duckdb/node-api');(async()=>{const i=await DuckDBInstance.create(${JSON.stringify(work)});const c=await i.connect();await c.run(${JSON.stringify(floorSql)});})()`]));
  results.anchorages.push(timed('node', [cli, 'anchorages', 'build', '--full', '--db', work]));
  rmSync(work, { force: true });
  copyFileSync(storePath, work);
  results.detect.push(timed('node', [cli, 'detect', '--db', work]));
  const line = (k: keyof typeof results) => { const x = results[k].at(-1)!; return `${k} ${x.wall.toFixed(1)} s wall, ${x.cpu.toFixed(1)} s CPU, ${x.rssMb.toFixed(0)} MB`; };
  console.log(`run ${r + 1} (load ${loadavg()[0]!.toFixed(2)}): ${line('floor')}; ${line('anchorages')}; ${line('detect')}`);
}
rmSync(work, { force: true });
console.log(`\nanchorages build: ${results.anchorages.at(-1)!.out.trim()}`);
console.log(`detect: ${results.detect.at(-1)!.out.trim()}`);
console.log(`\n| command | median wall s | median CPU s | median peak RSS MB | target |`);
console.log('|---|---|---|---|---|');
const row = (name: string, k: keyof typeof results, tgt: string) =>
  console.log(`| ${name} | ${median(results[k].map((x) => x.wall)).toFixed(1)} (${results[k].map((x) => x.wall.toFixed(1)).join(', ')}) | ${median(results[k].map((x) => x.cpu)).toFixed(1)} | ${median(results[k].map((x) => x.rssMb)).toFixed(0)} | ${tgt} |`);
row('DuckDB sorted scan of the same columns (floor)', 'floor', '—');
row('`tumen anchorages build --full`', 'anchorages', '< 30 s');
row('`tumen detect` (fresh store: builds the anchorages first)', 'detect', '< 60 s, < 1.5 GB');
