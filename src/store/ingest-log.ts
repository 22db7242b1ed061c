// One row per ingest of a file or feed session: what was read, stored and rejected (by reason), and the
// resume point committed with each batch, so a killed ingest continues where its last batch ended.
import type { Store } from './db.js';

export const INGEST_LOG_DDL = [
  `CREATE SEQUENCE IF NOT EXISTS ingest_log_id_seq START 1`,
  `CREATE TABLE IF NOT EXISTS ingest_log (
    id INTEGER NOT NULL DEFAULT nextval('ingest_log_id_seq'),
    source VARCHAR NOT NULL,
    file_key VARCHAR,
    format VARCHAR,
    started TIMESTAMP NOT NULL,
    finished TIMESTAMP,
    lines UBIGINT NOT NULL DEFAULT 0,
    bytes UBIGINT NOT NULL DEFAULT 0,
    messages UBIGINT NOT NULL DEFAULT 0,
    stored UBIGINT NOT NULL DEFAULT 0,
    positions UBIGINT NOT NULL DEFAULT 0,
    statics UBIGINT NOT NULL DEFAULT 0,
    duplicates UBIGINT NOT NULL DEFAULT 0,
    not_stored UBIGINT NOT NULL DEFAULT 0,
    rejects JSON NOT NULL DEFAULT '{}',
    skipped JSON NOT NULL DEFAULT '{}',
    status VARCHAR NOT NULL,
    error VARCHAR,
    resume_offset UBIGINT NOT NULL DEFAULT 0,
    committed_offset UBIGINT NOT NULL DEFAULT 0,
    carry_time_ms DOUBLE
  )`,
] as const;

/** running: in progress or killed (resumable); done; failed (error or --strict stop); stopped (Ctrl-C on a feed). */
export type IngestStatus = 'running' | 'done' | 'failed' | 'stopped';

export interface IngestCounts {
  lines: number;
  bytes: number;
  messages: number;
  positions: number;
  statics: number;
  duplicates: number;
  /** Messages with nothing to store (base stations, binary messages, positions not available...). */
  notStored: number;
  rejects: Record<string, number>;
  skipped: Record<string, number>;
}

export function emptyCounts(): IngestCounts {
  return { lines: 0, bytes: 0, messages: 0, positions: 0, statics: 0, duplicates: 0, notStored: 0, rejects: {}, skipped: {} };
}

export interface IngestLogEntry extends IngestCounts {
  id: number;
  source: string;
  fileKey: string | null;
  format: string | null;
  startedMs: number;
  finishedMs: number | null;
  status: IngestStatus;
  error: string | null;
  resumeOffset: number;
  committedOffset: number;
  carryTimeMs: number | null;
}

const SELECT = `SELECT id, source, file_key, format, epoch_ms(started)::DOUBLE AS started, epoch_ms(finished)::DOUBLE AS finished,
  lines, bytes, messages, positions, statics, duplicates, not_stored, rejects::VARCHAR AS rejects, skipped::VARCHAR AS skipped,
  status, error, resume_offset, committed_offset, carry_time_ms FROM ingest_log`;

function fromRow(r: Record<string, unknown>): IngestLogEntry {
  const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
  return {
    id: n(r.id), source: String(r.source), fileKey: (r.file_key as string | null) ?? null, format: (r.format as string | null) ?? null,
    startedMs: n(r.started), finishedMs: r.finished === null ? null : n(r.finished),
    lines: n(r.lines), bytes: n(r.bytes), messages: n(r.messages), positions: n(r.positions), statics: n(r.statics),
    duplicates: n(r.duplicates), notStored: n(r.not_stored),
    rejects: JSON.parse(String(r.rejects ?? '{}')), skipped: JSON.parse(String(r.skipped ?? '{}')),
    status: r.status as IngestStatus, error: (r.error as string | null) ?? null,
    resumeOffset: n(r.resume_offset), committedOffset: n(r.committed_offset),
    carryTimeMs: r.carry_time_ms === null || r.carry_time_ms === undefined ? null : Number(r.carry_time_ms),
  };
}

export async function ensureIngestLogSchema(store: Store): Promise<void> {
  await store.ensureSchema(INGEST_LOG_DDL);
}

/** The latest log entry for a file key (any status). */
export async function findByFileKey(store: Store, fileKey: string): Promise<IngestLogEntry | undefined> {
  const row = await store.one(`${SELECT} WHERE file_key = ? ORDER BY id DESC LIMIT 1`, [fileKey]);
  return row ? fromRow(row) : undefined;
}

export async function listIngestLog(store: Store): Promise<IngestLogEntry[]> {
  return (await store.all(`${SELECT} ORDER BY id`)).map(fromRow);
}

export async function startIngestLog(store: Store, e: { source: string; fileKey: string | null; format: string; startedMs: number }): Promise<number> {
  const row = await store.one<{ id: number }>(
    `INSERT INTO ingest_log (source, file_key, format, started, status) VALUES (?, ?, ?, epoch_ms(?::BIGINT), 'running') RETURNING id`,
    [e.source, e.fileKey, e.format, Math.round(e.startedMs)],
  );
  return Number(row!.id);
}

/** Records the counts and the resume point; called inside each batch's transaction. */
export async function recordProgress(
  store: Store,
  id: number,
  c: IngestCounts,
  resume: { resumeOffset: number; committedOffset: number; carryTimeMs: number | null },
): Promise<void> {
  await store.run(
    `UPDATE ingest_log SET lines = ?, bytes = ?, messages = ?, stored = ?, positions = ?, statics = ?, duplicates = ?, not_stored = ?,
       rejects = ?, skipped = ?, resume_offset = ?, committed_offset = ?, carry_time_ms = ? WHERE id = ?`,
    [c.lines, c.bytes, c.messages, c.positions + c.statics, c.positions, c.statics, c.duplicates, c.notStored,
      JSON.stringify(c.rejects), JSON.stringify(c.skipped), resume.resumeOffset, resume.committedOffset, resume.carryTimeMs, id],
  );
}

export async function finishIngestLog(store: Store, id: number, status: IngestStatus, finishedMs: number, error: string | null = null): Promise<void> {
  await store.run(`UPDATE ingest_log SET status = ?, finished = epoch_ms(?::BIGINT), error = ? WHERE id = ?`, [status, Math.round(finishedMs), error, id]);
}

/**
 * Feed sessions still marked running were killed (this process holds the store's write lock, so no other
 * feed is live): they become 'stopped' with a note. Their committed batches stay. Returns how many.
 */
export async function closeKilledFeeds(store: Store, nowMs: number): Promise<number> {
  const r = await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM ingest_log WHERE status = 'running' AND format = 'nmea-feed'`);
  const n = Number(r?.n ?? 0);
  if (n > 0) {
    await store.run(`UPDATE ingest_log SET status = 'stopped', finished = coalesce(finished, epoch_ms(?::BIGINT)),
      error = 'killed: the feed process ended without stopping; its committed batches are kept' WHERE status = 'running' AND format = 'nmea-feed'`, [Math.round(nowMs)]);
  }
  return n;
}

export async function reopenIngestLog(store: Store, id: number): Promise<void> {
  await store.run(`UPDATE ingest_log SET status = 'running', finished = NULL, error = NULL WHERE id = ?`, [id]);
}
