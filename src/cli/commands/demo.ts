// `tumen demo`: simulate a few days of the Russia–DPRK region with a fixed seed, ingest the NMEA into a
// store, run the detectors, and print what Tumen found — with the simulator's truth beside it.
// It then serves the web map on the demo store and prints the URL (`--no-serve` stops after the summary).
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { Store } from '../../store/db.js';
import { ingestFiles } from '../../ingest/ingest.js';
import { storeInput } from '../../store/pipeline-source.js';
import { replaceEvents } from '../../store/events-write.js';
import { runPipeline } from '../../detectors/pipeline.js';
import { DETECTOR_TYPES } from '../../detectors/registry.js';
import { recordDetectRun } from '../../store/detect-runs.js';
import { landIndex50m } from '../../geo/land.js';
import { vesselLabels, vesselText, type VesselLabel } from '../../store/vessel-labels.js';
import { scoreEvents } from '../../detectors/score.js';
import type { TumenEvent } from '../../events/schema.js';
import { writeWorld } from './simulate.js';
import type { SimOptions } from '../../sim/index.js';
import { serveUntilSignal } from '../until-signal.js';

/** The demo world: fixed, so every demo shows the same story. Five days fit Chongjin deliveries and Rajin shuttles. */
export const DEMO_WORLD: SimOptions = { seed: 20240301, vessels: 150, days: 5, start: '2024-03-01T00:00:00Z' };

export interface DemoOptions {
  out: string;
  db: string;
  world?: Partial<SimOptions>;
  /** Progress lines (stderr in the CLI). */
  log?: (line: string) => void;
}

export interface DemoResult {
  dbPath: string;
  outDir: string;
  summary: string;
  detected: TumenEvent[];
  truth: TumenEvent[];
}

const hours = (e: TumenEvent): number => (e.end === null ? NaN : (Date.parse(e.end) - Date.parse(e.start)) / 3_600_000);
const fmtTime = (iso: string): string => iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, 'Z');

/** Simulate → ingest → detect → summary. Pure orchestration of the other modules; no process exit. */
export async function runDemo(o: DemoOptions): Promise<DemoResult> {
  const log = o.log ?? (() => {});
  const world = { ...DEMO_WORLD, ...o.world };
  log(`simulating ${world.vessels} ships over ${world.days} days (seed ${world.seed}) into ${o.out}`);
  const w = await writeWorld(o.out, world);
  log(`ingesting ${w.nmeaPath} into ${o.db}`);
  const store = await Store.open(o.db);
  try {
    const outcomes = await ingestFiles(store, [w.nmeaPath]);
    const failed = outcomes.find((x) => x.status === 'failed');
    if (failed) throw new Error(`demo ingest failed: ${failed.message}`);
    log('detecting');
    const { events, stats } = await runPipeline(storeInput(store), { windowEndMs: w.result.endMs, land: landIndex50m() }); // the simulated coast
    await replaceEvents(store, events);
    await recordDetectRun(store, { command: 'tumen demo', types: [...DETECTOR_TYPES], params: [], atMs: Date.now() });
    const counts = outcomes[0]!.counts;
    const labels = await vesselLabels(store, events.flatMap((e) => (e.other_mmsi === undefined ? [e.mmsi] : [e.mmsi, e.other_mmsi])));
    const summary = formatSummary(w, events, stats, counts, o.db, labels);
    return { dbPath: o.db, outDir: o.out, summary, detected: events, truth: w.events };
  } finally {
    await store.close();
  }
}

function formatSummary(
  w: Awaited<ReturnType<typeof writeWorld>>, events: TumenEvent[],
  stats: Awaited<ReturnType<typeof runPipeline>>['stats'],
  counts: { lines: number; positions: number; duplicates: number; rejects: Record<string, number> } | null,
  dbPath: string, labels: Map<number, VesselLabel>,
): string {
  const ship = (mmsi: number): string => vesselText(labels.get(mmsi), mmsi);
  const out: string[] = [];
  const r = w.result;
  const rejects = counts ? Object.values(counts.rejects).reduce((a, b) => a + b, 0) : 0;
  out.push(`Tumen demo — ${r.options.days} days from ${r.options.start}, Russian Far East / North Korea / Korea Strait`);
  out.push(`  ships simulated: ${r.vessels.length} (${r.vessels.filter((v) => !['cargo', 'tanker', 'ferry', 'fishing'].includes(v.role)).length} scripted evaders)`);
  out.push(`  NMEA lines: ${r.counts.lines} (${r.counts.satelliteLines} satellite, delivered late; ${r.counts.corruptLines} corrupt)`);
  if (counts) out.push(`  ingested: ${counts.positions} positions, ${counts.duplicates} duplicates dropped, ${rejects} lines rejected`);
  out.push(`  tracked: ${stats.vessels} MMSIs, ${stats.segments} segments, ${stats.outliers} outlier positions dropped`);
  const byType = new Map<string, number>();
  for (const e of events) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
  const truthBy = new Map<string, number>();
  for (const e of w.events) truthBy.set(e.type, (truthBy.get(e.type) ?? 0) + 1);
  const report = scoreEvents(w.events, events, { glitches: [] });
  out.push('');
  out.push('  events            found   truth   recall  precision');
  for (const type of [...new Set([...byType.keys(), ...truthBy.keys()])].sort()) {
    const s = report.byType[type];
    out.push(`  ${type.padEnd(17)} ${String(byType.get(type) ?? 0).padStart(5)}   ${String(truthBy.get(type) ?? 0).padStart(5)}   ${s ? s.recall.toFixed(2).padStart(6) : '     -'}  ${s ? s.precision.toFixed(2).padStart(9) : '        -'}`);
  }
  const dark = events
    .filter((e) => e.type === 'dark_port_call')
    .sort((a, b) => (hours(b) || 0) - (hours(a) || 0))
    .slice(0, 8);
  if (dark.length) {
    out.push('');
    out.push('  most notable dark events (dark port calls, longest first):');
    const width = Math.max(...dark.map((e) => ship(e.mmsi).length));
    for (const e of dark) {
      out.push(`    ${ship(e.mmsi).padEnd(width)}  dark ${Number.isFinite(hours(e)) ? hours(e).toFixed(0).padStart(3) : '  ?'} h  ${fmtTime(e.start)} → ${e.end ? fmtTime(e.end) : 'open'}  likely ${e.port?.name ?? '?'} (${e.port?.country ?? '?'})`);
    }
  }
  const other = events.filter((e) => ['encounter', 'spoofing', 'identity_change', 'shared_mmsi'].includes(e.type)).slice(0, 6);
  if (other.length) {
    out.push('');
    out.push('  other findings:');
    for (const e of other) {
      const what = e.type === 'encounter' && e.other_mmsi !== undefined ? ` with ${ship(e.other_mmsi)}`
        : e.type === 'identity_change' ? `, formerly ${identityText(e.old)}` : '';
      out.push(`    ${e.type.padEnd(16)} ${fmtTime(e.start)}  ${ship(e.mmsi)}${what}`);
    }
  }
  out.push('');
  out.push(`  truth: ${join(w.dir, 'truth', 'events.jsonl')}; events stored: tumen events --db ${dbPath}`);
  return out.join('\n') + '\n';
}

/** A former identity as broadcast: "GOLDEN PEARL (SL, IMO 9796389, MMSI 667906640, call sign 9LP5MG)". */
function identityText(o: Record<string, unknown> = {}): string {
  const bits = [o.flag, o.imo && `IMO ${o.imo}`, o.mmsi && `MMSI ${o.mmsi}`, o.callsign && `call sign ${o.callsign}`].filter(Boolean);
  return `${o.shipname ?? 'no name'}${bits.length ? ` (${bits.join(', ')})` : ''}`;
}

/**
 * What runs after the summary: the web map on the demo store, unless `--no-serve`; the server module is
 * imported lazily so the demo works without it.
 */
export async function afterDemo(result: DemoResult, opts: { serve?: boolean; port?: string }): Promise<void> {
  if (!opts.serve) {
    process.stdout.write(`  next: tumen serve --db ${result.dbPath}   (web map of these events)\n`);
    return;
  }
  const { startServer } = await import('../../server/start.js');
  const port = Number(opts.port ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got ${opts.port}`);
  const server = await startServer({ dbPath: result.dbPath, port, host: '127.0.0.1', log: (l) => console.error(l) });
  process.stdout.write(`tumen demo: web map on ${server.url}  (Ctrl-C to stop)\n`);
  await serveUntilSignal(server, result.dbPath);
}

export function register(program: Command): void {
  program
    .command('demo')
    .description('simulate a few days of the Russia–DPRK region, ingest, detect and show the result')
    .option('--out <dir>', 'where the simulated world goes', './tumen-demo')
    .option('--db <path>', 'demo store (default: <out>/demo.duckdb, recreated each run)')
    .option('--days <d>', 'days to simulate', String(DEMO_WORLD.days))
    .option('--vessels <n>', 'ships to simulate', String(DEMO_WORLD.vessels))
    .option('--seed <s>', 'random seed', String(DEMO_WORLD.seed))
    .option('--no-serve', 'stop after the summary instead of serving the web map')
    .option('--port <n>', 'port for the web map', '8080')
    .action(async (o: { out: string; db?: string; days: string; vessels: string; seed: string; serve?: boolean; port?: string }) => {
      const days = Number(o.days), vessels = Number(o.vessels), seed = Number(o.seed);
      if (!(days > 0) || !Number.isInteger(vessels) || vessels < 1 || !Number.isInteger(seed) || seed < 0) {
        throw new Error('--days must be > 0, --vessels a positive integer, --seed a non-negative integer');
      }
      const db = o.db ?? join(o.out, 'demo.duckdb');
      // The default demo store is ours to recreate; a store the user names is only added to (ingest dedups).
      if (o.db === undefined) for (const f of [db, `${db}.wal`]) if (existsSync(f)) rmSync(f);
      const result = await runDemo({ out: o.out, db, world: { days, vessels, seed }, log: (l) => process.stderr.write(`tumen demo: ${l}\n`) });
      process.stdout.write(result.summary);
      await afterDemo(result, o);
    });
}
