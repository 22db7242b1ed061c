// Which detection run made the stored events of each type, with its parameter overrides (`tumen detect
// --param`), so a report can say what the events were found with and give the command that finds them again.
// A run replaces the events of the types it ran; the latest run that ran a type is the one behind its events.
import type { Store } from './db.js';
import { tableExists } from './vessel-dossier.js';

const DDL = [
  `CREATE SEQUENCE IF NOT EXISTS detect_runs_id_seq START 1`,
  `CREATE TABLE IF NOT EXISTS detect_runs (
    id INTEGER NOT NULL DEFAULT nextval('detect_runs_id_seq'), run_at TIMESTAMP NOT NULL,
    command VARCHAR NOT NULL, types VARCHAR[] NOT NULL, params VARCHAR[] NOT NULL)`,
] as const;

export interface DetectRun {
  id: number;
  runAt: string;
  /** `tumen detect` or `tumen demo` (the demo detects on the simulated world's own coast). */
  command: string;
  types: string[];
  /** The overrides as given, `TYPE.NAME=VALUE`, in order; [] = every parameter at its default. */
  params: string[];
}

export async function recordDetectRun(store: Store, run: { command: string; types: readonly string[]; params: readonly string[]; atMs: number }): Promise<void> {
  await store.ensureSchema(DDL);
  await store.run(`INSERT INTO detect_runs (run_at, command, types, params) VALUES (epoch_ms($at::BIGINT), $command, $types::VARCHAR[], $params::VARCHAR[])`,
    { at: run.atMs, command: run.command, types: JSON.stringify(run.types), params: JSON.stringify(run.params) });
}

/** For each type asked for, the latest run that ran it (absent: no run recorded, e.g. a store older than this table). */
export async function detectRunsFor(store: Store, types: readonly string[]): Promise<Map<string, DetectRun>> {
  const out = new Map<string, DetectRun>();
  if (types.length === 0 || !(await tableExists(store, 'detect_runs'))) return out;
  const rows = await store.all<{ id: number; run_at: Date; command: string; types: string[]; params: string[] }>(
    'SELECT id, run_at, command, types, params FROM detect_runs ORDER BY id DESC');
  for (const r of rows) {
    const run: DetectRun = { id: r.id, runAt: r.run_at.toISOString(), command: r.command, types: [...r.types], params: [...r.params] };
    for (const t of types) if (!out.has(t) && run.types.includes(t)) out.set(t, run);
    if (out.size === types.length) break;
  }
  return out;
}
