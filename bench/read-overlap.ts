// How long the store's time-ordered read (`streamPositionsByTime`, what `tumen detect` replays) keeps its
// consumer waiting, with a fixed amount of work per position standing in for the detectors — and a digest
// of every position read, so two builds can be shown to read the same positions in the same order.
//   npx tsx bench/read-overlap.ts --db STORE.duckdb [--work-us 20] [--slice 1500000]
// The store is opened read-only. "waiting" is wall time the consumer spent awaiting the next batch: DuckDB
// sorting a slice or filling a chunk, and the reader's own JS turning chunks into positions (it runs inside
// that await). CPU seconds are the whole process's (the reader's JS and DuckDB's threads); the work
// stand-in is a busy loop on the clock, so on a loaded box it stays the same wall time, not the same CPU.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { Store } from '../src/store/db.js';
import { streamPositionsByTime } from '../src/store/positions.js';
import { arg } from './args.js';

const db = arg('db', '');
if (!db) throw new Error('--db STORE.duckdb is required');
const workUs = Number(arg('work-us', '20'));
const slice = Number(arg('slice', '1500000'));

const store = await Store.open(db, { readOnly: true, memoryLimit: '300MB' });
const load0 = loadavg()[0]!;
const hash = createHash('md5');
const row = new Float64Array(10);
const t0 = performance.now();
const c0 = process.cpuUsage();
let rows = 0;
let waitingMs = 0;
let asked = performance.now();
for await (const batch of streamPositionsByTime(store, {}, 8192, slice)) {
  waitingMs += performance.now() - asked;
  for (const p of batch) {
    row[0] = p.mmsi; row[1] = p.timeMs; row[2] = p.lat; row[3] = p.lon;
    row[4] = p.speedKn ?? NaN; row[5] = p.courseDeg ?? NaN; row[6] = p.headingDeg ?? NaN; row[7] = p.status ?? NaN;
    row[8] = p.source === 'satellite' ? 2 : p.source === 'terrestrial' ? 1 : 0; row[9] = p.stations?.length ?? 0;
    hash.update(row);
    if (p.stations) hash.update(p.stations.join(','));
  }
  rows += batch.length;
  if (workUs > 0) {
    const until = performance.now() + (workUs * batch.length) / 1000;
    while (performance.now() < until);
  }
  asked = performance.now();
}
const cpu = process.cpuUsage(c0);
store.close();
console.log(JSON.stringify({
  rows, wallS: +((performance.now() - t0) / 1000).toFixed(2), waitingS: +(waitingMs / 1000).toFixed(2),
  cpuS: +((cpu.user + cpu.system) / 1e6).toFixed(2), workUs, slice, load: `${load0.toFixed(1)}-${loadavg()[0]!.toFixed(1)}`,
  digest: hash.digest('hex').slice(0, 16),
}));
