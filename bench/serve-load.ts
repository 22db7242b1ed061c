// Load benchmark of the HTTP API: autocannon against track and events queries on a store of ≥ 20 M
// positions. Run: npx tsx bench/serve-load.ts [--db /tmp/tumen-bench/serve.duckdb] [--rebuild]
//   [--vessels 2000] [--points 10500] [--duration 10] [--connections 8] [--runs 3] [--modes cold,warm] [--pool N]
//
// The store is synthetic, generated inside DuckDB from range(): N vessels × M positions every 2 min
// (a smooth drifting track in the Sea of Japan), each with one 13.3 h reporting gap, written in
// (mmsi, time) order as `tumen ingest` output is read, so DuckDB's zone maps prune a vessel's query to
// a row group or two; 50 events per vessel (gap / port_visit / encounter / loitering) with JSON bodies.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Store } from '../src/store/db.js';
import { ensurePositionsSchema } from '../src/store/positions.js';
import { ensureEventsSchema } from '../src/store/events.js';
import { startServer } from '../src/server/start.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: '/tmp/tumen-bench/serve.duckdb' },
    rebuild: { type: 'boolean', default: false },
    vessels: { type: 'string', default: '2000' },
    points: { type: 'string', default: '10500' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '8' },
    runs: { type: 'string', default: '3' },
    modes: { type: 'string', default: 'cold,warm' },
    pool: { type: 'string' },
  },
});
const VESSELS = Number(args.vessels);
const POINTS = Number(args.points);
const FIRST_MMSI = 273_000_000;
const T0 = '2024-01-01 00:00:00';

async function build(path: string): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  rmSync(path, { force: true });
  rmSync(`${path}.wal`, { force: true });
  const store = await Store.open(path);
  try {
    await ensurePositionsSchema(store);
    await ensureEventsSchema(store);
    const t = Date.now();
    await store.run(`INSERT INTO positions (mmsi, time, lat, lon, speed, course, heading, status, type, source, dedup_key)
      SELECT ${FIRST_MMSI} + v AS mmsi,
             TIMESTAMP '${T0}' + to_minutes(2 * k + (v % 60)) AS time,
             36.0 + (v % 40) * 0.15 + 0.6 * sin(k / 700.0 + v) AS lat,
             129.0 + (v % 50) * 0.08 + 2.5 * sin(k / 1900.0 + v * 0.1) AS lon,
             (8 + (k % 7))::FLOAT AS speed, ((k * 3 + v) % 360)::FLOAT AS course, ((k * 3 + v) % 360)::SMALLINT AS heading,
             0::UTINYINT AS status, 1::UTINYINT AS type, 'terrestrial' AS source, (v::UBIGINT << 32) + k AS dedup_key
      FROM range(${VESSELS}) r(v), range(${POINTS}) s(k)
      WHERE NOT (k BETWEEN 4000 AND 4399)
      ORDER BY mmsi, time`);
    const types = ['gap', 'port_visit', 'encounter', 'loitering'];
    await store.run(`INSERT INTO events
      SELECT 'ev-' || v || '-' || e AS id,
             ['${types.join("','")}'][1 + (e % 4)] AS type,
             ${FIRST_MMSI} + v AS mmsi,
             TIMESTAMP '${T0}' + to_minutes(e * 400 + v % 60) AS start,
             TIMESTAMP '${T0}' + to_minutes(e * 400 + v % 60 + 300) AS "end",
             36.0 + (v % 40) * 0.15 AS lat, 129.0 + (v % 50) * 0.08 AS lon,
             CASE WHEN e % 4 = 2 THEN ${FIRST_MMSI} + (v + 1) % ${VESSELS} END AS other_mmsi,
             CASE WHEN e % 4 = 1 THEN 'RUVYP' END AS port_id,
             json_object('id', 'ev-' || v || '-' || e, 'type', ['${types.join("','")}'][1 + (e % 4)], 'mmsi', ${FIRST_MMSI} + v,
               'start', strftime(TIMESTAMP '${T0}' + to_minutes(e * 400 + v % 60), '%Y-%m-%dT%H:%M:%S.000Z'),
               'end', strftime(TIMESTAMP '${T0}' + to_minutes(e * 400 + v % 60 + 300), '%Y-%m-%dT%H:%M:%S.000Z'),
               'lat', 36.0 + (v % 40) * 0.15, 'lon', 129.0 + (v % 50) * 0.08, 'evidence', json_object('duration_h', 5)) AS body
      FROM range(${VESSELS}) r(v), range(50) s(e)
      ORDER BY start`);
    console.log(`inserted in ${((Date.now() - t) / 1000).toFixed(1)} s; checkpointing`);
    await store.run('CHECKPOINT');
    const n = await store.one<{ n: bigint }>('SELECT count(*) AS n FROM positions');
    console.log(`built ${path}: ${Number(n?.n)} positions, ${VESSELS * 50} events in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  } finally {
    store.close();
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function load(url: string, name: string, paths: () => string): Promise<{ name: string; p50: number; p99: number; rps: number; errors: number }> {
  const runs: Array<{ p50: number; p99: number; rps: number; errors: number }> = [];
  for (let r = 0; r < Number(args.runs); r++) {
    const result = await autocannon({
      url,
      connections: Number(args.connections),
      duration: Number(args.duration),
      requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths() }) }],
    });
    runs.push({ p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average, errors: result.errors + result.non2xx });
  }
  const out = { name, p50: median(runs.map((x) => x.p50)), p99: median(runs.map((x) => x.p99)), rps: median(runs.map((x) => x.rps)), errors: runs.reduce((s, x) => s + x.errors, 0) };
  console.log(`${name}: p50 ${out.p50} ms, p99 ${out.p99} ms, ${out.rps} req/s, errors ${out.errors} (median of ${runs.length} runs of ${args.duration} s)`);
  return out;
}

const dbPath = args.db!;
if (args.rebuild || !existsSync(dbPath)) await build(dbPath);
const rnd = (n: number): number => Math.floor(Math.random() * n);
const mmsi = (): number => FIRST_MMSI + rnd(VESSELS);
const day = (): string => `2024-01-${String(2 + rnd(10)).padStart(2, '0')}`;
const all: Array<Record<string, unknown>> = [];
// Cold: every request reaches DuckDB. Warm: the server's response cache (valid until the next write).
for (const mode of args.modes!.split(',') as Array<'cold' | 'warm'>) {
  const server = await startServer({ dbPath, port: 0, token: null, webRoot: null, cacheEntries: mode === 'cold' ? 0 : 10_000, readConnections: args.pool ? Number(args.pool) : undefined });
  try {
    const stats = await (await fetch(`${server.url}/api/stats`)).json() as { positions: number; events: number };
    console.log(`[${mode}] store: ${stats.positions} positions, ${stats.events} events; ${cpus().length} cores (${cpus()[0]?.model}); ${args.connections} connections; read pool ${args.pool ?? 'default'}`);
    const scenarios: Array<[string, () => string]> = [
      ['track, whole vessel (~10k points, maxPoints 2000)', () => `/api/vessels/${mmsi()}/track?maxPoints=2000`],
      ['track, one day window', () => `/api/vessels/${mmsi()}/track?from=${day()}T00:00:00Z&to=${day().slice(0, 8)}${String(12 + rnd(10))}T00:00:00Z`],
      ['events, newest 100', () => '/api/events?limit=100'],
      ['events, by vessel', () => `/api/events?mmsi=${mmsi()}`],
      ['events, type + bbox + time', () => `/api/events?type=gap,encounter&bbox=129,36,131,39&from=${day()}&limit=100`],
    ];
    for (const [name, paths] of scenarios) all.push({ mode, ...(await load(server.url, `[${mode}] ${name}`, paths)) });
  } finally {
    await server.close();
  }
}
console.log(JSON.stringify(all));
// autocannon leaves a timer behind; the run is over.
process.exit(0);
