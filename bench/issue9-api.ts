// CPU time of issue 9's API routes (what the fuel, sites and event pages and the report ask for) on a store
// given with --db: the server runs in this process (read-only, port 0) and each request's user+sys CPU of
// the process is measured; medians of --runs. Usage: npx tsx bench/issue9-api.ts --db STORE [--runs 3]
import { startServer } from '../src/server/start.js';
import { Store } from '../src/store/db.js';

const arg = (name: string, fallback?: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0 || !process.argv[i + 1]) { if (fallback !== undefined) return fallback; throw new Error(`--${name} is required`); }
  return process.argv[i + 1]!;
};
const db = arg('db');
const runs = Number(arg('runs', '3'));

const probe = await Store.open(db, { readOnly: true });
const scene = (await probe.one<{ id: string }>('SELECT scene_id AS id FROM imagery_scenes ORDER BY scene_id LIMIT 1'))?.id;
// A dark port call with imagery evidence (named by a scene), else any.
const dpc = (await probe.one<{ id: string }>(`SELECT id FROM events WHERE type = 'dark_port_call' ORDER BY (body::VARCHAR LIKE '%imagery%') DESC, id LIMIT 1`))?.id;
probe.close();

const server = await startServer({ dbPath: db, port: 0, token: null, webRoot: null });
const paths = [
  '/api/fuel', '/api/sites', '/api/sites/tumangang-yard/observations', '/api/scenes',
  ...(scene ? [`/api/detections?scene=${scene}`] : []),
  ...(dpc ? [`/api/events/${dpc}/imagery`, `/api/observations/coincident?event=${dpc}`, `/api/report?event=${dpc}&format=html`] : []),
];
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`store ${db}; ${runs} runs each; CPU = user+sys of this process (server in-process)`);
for (const p of paths) {
  const cpu: number[] = [], wall: number[] = [];
  let bytes = 0, status = 0;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage(), t0 = performance.now();
    const res = await fetch(server.url + p);
    const body = await res.arrayBuffer();
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e6);
    wall.push((performance.now() - t0) / 1000);
    bytes = body.byteLength;
    status = res.status;
  }
  console.log(`${p.padEnd(60)} ${status} ${String(bytes).padStart(8)} B  CPU ${median(cpu).toFixed(3)} s  wall ${median(wall).toFixed(3)} s`);
}
await server.close();
