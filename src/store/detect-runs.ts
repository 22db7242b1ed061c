// Which detection run made the stored events, with its parameter overrides (`tumen detect --param`), so a
// report can say what the events were found with and give the command that finds them again.
// A batch run (`tumen detect`, the demo, the cluster) replaces the events of the types it ran: the latest
// batch run that ran a type is the one behind its events. Live detection in `tumen serve` (feed and
// uploads) replaces nothing: each server session that stores events is a run of its own, and every event
// it stores is linked to it (`live_event_runs`), until a later batch run of the type replaces them.
import type { Store } from './db.js';
import { tableExists } from './vessel-dossier.js';

const DDL = [
  `CREATE SEQUENCE IF NOT EXISTS detect_runs_id_seq START 1`,
  `CREATE TABLE IF NOT EXISTS detect_runs (
    id INTEGER NOT NULL DEFAULT nextval('detect_runs_id_seq'), run_at TIMESTAMP NOT NULL,
    command VARCHAR NOT NULL, types VARCHAR[] NOT NULL, params VARCHAR[] NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS live_event_runs (event_id VARCHAR NOT NULL, run_id INTEGER NOT NULL)`,
] as const;

export interface DetectRun {
  id: number;
  runAt: string;
  /** `tumen detect`, `tumen demo` (the demo detects on the simulated world's own coast) or, for live
   *  detection, `tumen serve (live: feed and uploads)`. */
  command: string;
  types: string[];
  /** The overrides as given, `TYPE.NAME=VALUE`, in order; [] = every parameter at its default. */
  params: string[];
  /** Found live by a server session (its events are linked one by one) rather than by a batch run. */
  live: boolean;
}

/** Records a run; its id (live detection links its events to it). */
export async function recordDetectRun(store: Store, run: { command: string; types: readonly string[]; params: readonly string[]; atMs: number }): Promise<number> {
  await store.ensureSchema(DDL);
  const row = await store.one<{ id: number }>(`INSERT INTO detect_runs (run_at, command, types, params) VALUES (epoch_ms($at::BIGINT), $command, $types::VARCHAR[], $params::VARCHAR[]) RETURNING id`,
    { at: run.atMs, command: run.command, types: JSON.stringify(run.types), params: JSON.stringify(run.params) });
  return Number(row!.id);
}

/** Links events stored by live detection to the server session's run. */
export async function linkLiveEvents(store: Store, runId: number, eventIds: readonly string[]): Promise<void> {
  if (eventIds.length === 0) return;
  await store.ensureSchema(DDL);
  await store.run('INSERT INTO live_event_runs SELECT unnest($ids::VARCHAR[]), $run', { ids: JSON.stringify(eventIds), run: runId });
}

interface RunRow { id: number; run_at: Date; command: string; types: string[]; params: string[]; live: boolean }

const toRun = (r: RunRow): DetectRun => ({ id: r.id, runAt: r.run_at.toISOString(), command: r.command, types: [...r.types], params: [...r.params], live: r.live });

async function allRuns(store: Store): Promise<RunRow[]> {
  if (!(await tableExists(store, 'detect_runs'))) return [];
  const linked = await tableExists(store, 'live_event_runs');
  return store.all<RunRow>(`SELECT id, run_at, command, types, params, ${linked ? 'id IN (SELECT run_id FROM live_event_runs)' : 'false'} AS live
    FROM detect_runs ORDER BY id DESC`);
}

/** For each type asked for, the latest batch run that ran it (absent: no run recorded, e.g. a store older than this table). */
export async function detectRunsFor(store: Store, types: readonly string[]): Promise<Map<string, DetectRun>> {
  const out = new Map<string, DetectRun>();
  if (types.length === 0) return out;
  for (const r of await allRuns(store)) {
    if (r.live) continue;
    const run = toRun(r);
    for (const t of types) if (!out.has(t) && run.types.includes(t)) out.set(t, run);
    if (out.size === types.length) break;
  }
  return out;
}

/**
 * The run behind each event: the live session that stored it, unless a batch run of its type came later
 * (and replaced it); otherwise the latest batch run of its type. Absent: no run recorded.
 */
export async function detectRunsOf(store: Store, events: ReadonlyArray<{ id: string; type: string }>): Promise<Map<string, DetectRun>> {
  const out = new Map<string, DetectRun>();
  if (events.length === 0) return out;
  const rows = await allRuns(store);
  const batch = await detectRunsFor(store, [...new Set(events.map((e) => e.type))]);
  const liveOf = new Map<string, number>();
  if (rows.some((r) => r.live)) {
    const links = await store.all<{ event_id: string; run_id: number }>(
      'SELECT event_id, max(run_id) AS run_id FROM live_event_runs WHERE event_id IN (SELECT unnest($ids::VARCHAR[])) GROUP BY event_id',
      { ids: JSON.stringify(events.map((e) => e.id)) });
    for (const l of links) liveOf.set(l.event_id, Number(l.run_id));
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const e of events) {
    const b = batch.get(e.type);
    const liveId = liveOf.get(e.id);
    if (liveId !== undefined && (!b || liveId > b.id) && byId.has(liveId)) out.set(e.id, toRun(byId.get(liveId)!));
    else if (b) out.set(e.id, b);
  }
  return out;
}
