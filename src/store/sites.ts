// Sites and their observations as stored, with every edit kept (who, when, before, after). The curated
// sites and the example series are seeded on first use (INSERT OR IGNORE: an analyst's edit is not undone).
import type { Store } from './db.js';
import { CURATED_SITES, EXAMPLE_OBSERVATIONS } from '../sites/curated.js';
import type { Observation, Site } from '../sites/types.js';

export const SITES_DDL = [
  `CREATE TABLE IF NOT EXISTS sites (id VARCHAR PRIMARY KEY, body JSON NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS site_observations (id VARCHAR PRIMARY KEY, site_id VARCHAR NOT NULL, time TIMESTAMP NOT NULL, body JSON NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS site_observation_edits (
    observation_id VARCHAR NOT NULL, edited_at TIMESTAMP NOT NULL, editor VARCHAR NOT NULL, action VARCHAR NOT NULL, before JSON, after JSON)`,
] as const;

export async function ensureSitesSchema(store: Store): Promise<void> {
  try {
    await store.ensureSchema(SITES_DDL);
  } catch (err) {
    // A read-only store made before sites existed: readers give the curated sites (sitesStored is false).
    if (/read-only mode/.test((err as Error).message)) return;
    throw err;
  }
  const n = await store.one<{ n: bigint }>('SELECT count(*) AS n FROM sites');
  if (Number(n?.n ?? 0) > 0) return;
  await store.transaction(async () => {
    for (const s of CURATED_SITES) await store.run('INSERT OR IGNORE INTO sites VALUES (?, ?::JSON)', [s.id, JSON.stringify(s)]);
    for (const o of EXAMPLE_OBSERVATIONS) await store.run('INSERT OR IGNORE INTO site_observations VALUES (?, ?, ?::TIMESTAMPTZ::TIMESTAMP, ?::JSON)', [o.id, o.site_id, o.time, JSON.stringify(o)]);
  });
}

/** False only on a read-only store made before sites existed: readers then give the curated sites and series. */
async function sitesStored(store: Store): Promise<boolean> {
  const row = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'site_observation_edits' AND schema_name = 'main'");
  return Number(row?.n ?? 0) > 0;
}

const body = <T>(r: { body: unknown }): T => (typeof r.body === 'string' ? JSON.parse(r.body) : r.body) as T;

export async function listSites(store: Store): Promise<Site[]> {
  await ensureSitesSchema(store);
  if (!(await sitesStored(store))) return [...CURATED_SITES];
  return (await store.all<{ body: unknown }>('SELECT body FROM sites ORDER BY id')).map((r) => body<Site>(r));
}

export async function observationsOf(store: Store, siteId?: string, range: { fromMs?: number; toMs?: number } = {}): Promise<Observation[]> {
  await ensureSitesSchema(store);
  if (!(await sitesStored(store))) {
    return EXAMPLE_OBSERVATIONS.filter((o) => (siteId === undefined || o.site_id === siteId) && (range.fromMs === undefined || Date.parse(o.time) >= range.fromMs)
      && (range.toMs === undefined || Date.parse(o.time) <= range.toMs)).sort((a, b) => a.time.localeCompare(b.time) || a.id.localeCompare(b.id));
  }
  const where: string[] = [];
  const params: Array<string | number> = [];
  if (siteId !== undefined) { where.push('site_id = ?'); params.push(siteId); }
  if (range.fromMs !== undefined) { where.push('time >= epoch_ms(?::BIGINT)'); params.push(Math.round(range.fromMs)); }
  if (range.toMs !== undefined) { where.push('time <= epoch_ms(?::BIGINT)'); params.push(Math.round(range.toMs)); }
  return (await store.all<{ body: unknown }>(`SELECT body FROM site_observations ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY time, id`, params)).map((r) => body<Observation>(r));
}

/** Inserts or replaces observations in one transaction, logging each change; returns counts. */
export async function saveObservations(store: Store, obs: readonly Observation[], editor: string, nowIso: string): Promise<{ new: number; updated: number; unchanged: number }> {
  await ensureSitesSchema(store);
  return store.transaction(async () => {
    const c = { new: 0, updated: 0, unchanged: 0 };
    for (const o of obs) {
      const old = await store.one<{ body: unknown }>('SELECT body FROM site_observations WHERE id = ?', [o.id]);
      const before = old ? body<Observation>(old) : null;
      if (before && JSON.stringify(before) === JSON.stringify(o)) { c.unchanged++; continue; }
      await store.run('INSERT OR REPLACE INTO site_observations VALUES (?, ?, ?::TIMESTAMPTZ::TIMESTAMP, ?::JSON)', [o.id, o.site_id, o.time, JSON.stringify(o)]);
      await store.run('INSERT INTO site_observation_edits VALUES (?, ?::TIMESTAMPTZ::TIMESTAMP, ?, ?, ?::JSON, ?::JSON)',
        [o.id, nowIso, editor, before ? 'update' : 'create', before ? JSON.stringify(before) : null, JSON.stringify(o)]);
      if (before) c.updated++; else c.new++;
    }
    return c;
  });
}

export async function observationHistory(store: Store, id: string): Promise<Array<{ edited_at: string; editor: string; action: string; before: unknown; after: unknown }>> {
  await ensureSitesSchema(store);
  if (!(await sitesStored(store))) return [];
  const rows = await store.all<{ t: string; editor: string; action: string; before: unknown; after: unknown }>(
    `SELECT strftime(edited_at, '%Y-%m-%dT%H:%M:%SZ') AS t, editor, action, before, after FROM site_observation_edits WHERE observation_id = ? ORDER BY edited_at, rowid`, [id],
  );
  const j = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  return rows.map((r) => ({ edited_at: r.t, editor: r.editor, action: r.action, before: j(r.before), after: j(r.after) }));
}

/** One stored observation by id, or undefined. */
export async function observationById(store: Store, id: string): Promise<Observation | undefined> {
  await ensureSitesSchema(store);
  if (!(await sitesStored(store))) return EXAMPLE_OBSERVATIONS.find((o) => o.id === id);
  const row = await store.one<{ body: unknown }>('SELECT body FROM site_observations WHERE id = ?', [id]);
  return row ? body<Observation>(row) : undefined;
}
