// GET /api/health and GET /api/stats.
import { Hono } from 'hono';
import type { ServerContext } from '../context.js';
import { tableExists, jsonSafe } from '../sql-util.js';
import { storeStats } from '../../store/store-stats.js';
import type { Store } from '../../store/db.js';
import { currentGeneration } from '../integrations.js';
import { apiRoute, jsonResponse, mount } from '../schema.js';

export const HEALTH_ROUTES = {
  health: apiRoute({ method: 'get', path: '/api/health', summary: 'liveness and configuration', responses: { 200: jsonResponse('ok') } }),
  stats: apiRoute({ method: 'get', path: '/api/stats', summary: 'counts of positions, vessels and events by type', responses: { 200: jsonResponse('stats') } }),
  storeStats: apiRoute({
    method: 'get', path: '/api/stats/store', summary: 'what `tumen stats --json` prints: messages, sources, rejects by reason, ingest log, feeds',
    responses: { 200: jsonResponse('store stats') },
  }),
};

async function countStore(store: Store): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { positions: 0, vessels: 0, first_position: null, last_position: null, events: 0, events_by_type: {} };
  if (await tableExists(store, 'positions')) {
    const row = await store.one(
      'SELECT count(*) AS positions, count(DISTINCT mmsi) AS vessels, min(time) AS first_position, max(time) AS last_position FROM positions',
    );
    Object.assign(out, jsonSafe(row));
  }
  if (await tableExists(store, 'events')) {
    const rows = await store.all<{ type: string; n: bigint }>('SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY type');
    out.events_by_type = Object.fromEntries(rows.map((r) => [r.type, Number(r.n)]));
    out.events = rows.reduce((s, r) => s + Number(r.n), 0);
  }
  if (await tableExists(store, 'identity_history')) {
    const row = await store.one<{ n: bigint }>('SELECT count(DISTINCT mmsi) AS n FROM identity_history');
    out.vessels_with_identity = Number(row?.n ?? 0);
  }
  return out;
}

/** The counts of /api/stats, kept until the store's next write: the landing page asks for them on every
 *  visit and they scan every position (count of distinct MMSIs: ~0.2 s at 20 M positions on an idle core,
 *  ~1 s under load). Safe because this process is the store's only writer while it serves (DuckDB's file
 *  lock), and every write path bumps the generation. */
const countsCache = new WeakMap<Store, { generation: number; counts: Promise<Record<string, unknown>> }>();

export function storeCounts(store: Store): Promise<Record<string, unknown>> {
  const generation = currentGeneration();
  const hit = countsCache.get(store);
  if (hit && hit.generation === generation) return hit.counts;
  const counts = countStore(store);
  countsCache.set(store, { generation, counts });
  counts.catch(() => { if (countsCache.get(store)?.counts === counts) countsCache.delete(store); });
  return counts;
}

export function healthRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  mount(app, HEALTH_ROUTES.health, async (c) => {
    await ctx.store.one('SELECT 1 AS ok');
    return c.json({
      status: 'ok', store: ctx.store.path, writes: ctx.token ? 'enabled' : 'disabled',
      live_subscribers: ctx.hub.subscriberCount, live_detection: ctx.live?.stats ?? null,
    });
  });

  mount(app, HEALTH_ROUTES.stats, async (c) => c.json(await storeCounts(ctx.store)));

  // What `tumen stats --json` prints (the CLI reads it here while this server holds the store for writing).
  mount(app, HEALTH_ROUTES.storeStats, async (c) => c.json(await storeStats(ctx.store)));

  return app;
}
