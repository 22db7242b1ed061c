// What each live feed session received next to what it stored: lines and bytes read off the socket (written
// every flush, so also what was still uncommitted when a session was killed), datagrams the kernel dropped
// because the socket buffer was full (UDP), reconnects (TCP). One row per feed session (its ingest_log id).
import type { Store } from './db.js';
import { ensureIngestLogSchema, listIngestLog, type IngestLogEntry } from './ingest-log.js';

export const FEED_STATS_DDL = [
  `CREATE TABLE IF NOT EXISTS feed_stats (
    ingest_id INTEGER PRIMARY KEY,
    received_lines UBIGINT NOT NULL,
    received_bytes UBIGINT NOT NULL,
    kernel_drops UBIGINT,
    reconnects UINTEGER NOT NULL,
    updated TIMESTAMP NOT NULL
  )`,
] as const;

export interface FeedCounters {
  receivedLines: number;
  receivedBytes: number;
  /** Datagrams the kernel dropped on this socket (Linux /proc/net/udp); null when unknown (TCP, other OS). */
  kernelDrops: number | null;
  reconnects: number;
}

export interface FeedSession extends FeedCounters {
  id: number;
  source: string;
  status: IngestLogEntry['status'];
  startedMs: number;
  finishedMs: number | null;
  /** Lines committed to the store (with their positions, statics and rejects). */
  committedLines: number;
  /** Rows stored: positions + statics. */
  stored: number;
  duplicates: number;
  rejected: number;
  /**
   * Lines received but never committed: the batch in flight when the session was killed (at most one
   * flush interval), as last recorded. 0 for a session stopped cleanly.
   */
  uncommitted: number;
  note: string | null;
}

export async function ensureFeedSchema(store: Store): Promise<void> {
  await ensureIngestLogSchema(store);
  await store.ensureSchema(FEED_STATS_DDL);
}

export async function recordFeed(store: Store, ingestId: number, c: FeedCounters, nowMs: number): Promise<void> {
  await store.run(
    `INSERT INTO feed_stats VALUES (?, ?, ?, ?, ?, epoch_ms(?::BIGINT))
     ON CONFLICT (ingest_id) DO UPDATE SET received_lines = excluded.received_lines, received_bytes = excluded.received_bytes,
       kernel_drops = excluded.kernel_drops, reconnects = excluded.reconnects, updated = excluded.updated`,
    [ingestId, c.receivedLines, c.receivedBytes, c.kernelDrops, c.reconnects, Math.round(nowMs)],
  );
}

/** Every feed session, oldest first, with what it received, committed, stored and dropped. */
export async function listFeeds(store: Store): Promise<FeedSession[]> {
  const exists = Number((await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'feed_stats' AND NOT temporary`))?.n ?? 0) > 0;
  const counters = new Map<number, FeedCounters>();
  if (exists) {
    for (const r of await store.all<{ ingest_id: number; received_lines: bigint; received_bytes: bigint; kernel_drops: bigint | null; reconnects: number }>('SELECT * FROM feed_stats')) {
      counters.set(Number(r.ingest_id), {
        receivedLines: Number(r.received_lines), receivedBytes: Number(r.received_bytes),
        kernelDrops: r.kernel_drops === null ? null : Number(r.kernel_drops), reconnects: Number(r.reconnects),
      });
    }
  }
  return (await listIngestLog(store)).filter((e) => e.format === 'nmea-feed').map((e) => {
    const recorded = counters.get(e.id) ?? { receivedLines: e.lines, receivedBytes: e.bytes, kernelDrops: null, reconnects: 0 };
    // The received count is written just after each commit; a kill between the two leaves it one batch behind,
    // yet every committed line was received.
    const c = { ...recorded, receivedLines: Math.max(recorded.receivedLines, e.lines) };
    return {
      id: e.id, source: e.source, status: e.status, startedMs: e.startedMs, finishedMs: e.finishedMs, ...c,
      committedLines: e.lines, stored: e.positions + e.statics, duplicates: e.duplicates,
      rejected: Object.values(e.rejects).reduce((a, b) => a + b, 0),
      uncommitted: Math.max(0, c.receivedLines - e.lines),
      note: e.error,
    };
  });
}
