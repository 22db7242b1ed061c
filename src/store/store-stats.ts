// What the store holds: counts, time span, sources, rejects by reason and the ingest log.
import type { Store } from './db.js';
import { listIngestLog, type IngestLogEntry } from './ingest-log.js';
import { listFeeds, type FeedSession } from './feeds.js';

export interface StoreStats {
  messages: number;
  positions: number;
  staticReports: number;
  vessels: number;
  identityRuns: number;
  firstMs: number | null;
  lastMs: number | null;
  bySource: Record<string, number>;
  rejects: Record<string, number>;
  duplicates: number;
  ingests: IngestLogEntry[];
  /** Live feed sessions: received vs committed and stored, rejected, dropped by the kernel, reconnects. */
  feeds: FeedSession[];
}

async function tableExists(store: Store, name: string): Promise<boolean> {
  const r = await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = ? AND NOT temporary`, [name]);
  return Number(r?.n ?? 0) > 0;
}

export async function storeStats(store: Store): Promise<StoreStats> {
  const s: StoreStats = {
    messages: 0, positions: 0, staticReports: 0, vessels: 0, identityRuns: 0, firstMs: null, lastMs: null,
    bySource: {}, rejects: {}, duplicates: 0, ingests: [], feeds: [],
  };
  if (await tableExists(store, 'positions')) {
    const r = await store.one<{ n: bigint; lo: number | null; hi: number | null }>(
      'SELECT count(*) AS n, epoch_ms(min(time))::DOUBLE AS lo, epoch_ms(max(time))::DOUBLE AS hi FROM positions');
    s.positions = Number(r?.n ?? 0);
    s.firstMs = r?.lo ?? null;
    s.lastMs = r?.hi ?? null;
    for (const row of await store.all<{ source: string | null; n: bigint }>('SELECT source, count(*) AS n FROM positions GROUP BY source ORDER BY source')) {
      s.bySource[row.source ?? 'unknown'] = Number(row.n);
    }
    const st = await store.one<{ n: bigint; v: bigint }>(
      'SELECT (SELECT count(*) FROM statics) AS n, (SELECT count(*) FROM (SELECT mmsi FROM positions UNION SELECT mmsi FROM statics)) AS v');
    s.staticReports = Number(st?.n ?? 0);
    s.vessels = Number(st?.v ?? 0);
  }
  if (await tableExists(store, 'identity_history')) {
    s.identityRuns = Number((await store.one<{ n: bigint }>('SELECT count(*) AS n FROM identity_history'))?.n ?? 0);
  }
  if (await tableExists(store, 'ingest_log')) {
    s.ingests = await listIngestLog(store);
    s.feeds = await listFeeds(store);
    // A file read again (--start after no_time rejects, --force, a new attempt after a failure) has several
    // rows reading the same lines: only its latest row counts, so its messages and rejects count once.
    const latest = new Map<string, number>();
    for (const e of s.ingests) if (e.fileKey !== null) latest.set(e.fileKey, Math.max(latest.get(e.fileKey) ?? -1, e.id));
    for (const e of s.ingests) {
      if (e.fileKey !== null && latest.get(e.fileKey) !== e.id) continue;
      s.messages += e.messages;
      s.duplicates += e.duplicates;
      for (const [k, n] of Object.entries(e.rejects)) s.rejects[k] = (s.rejects[k] ?? 0) + n;
    }
  }
  return s;
}
