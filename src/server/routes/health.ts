// GET /api/health and GET /api/stats.
import { Hono } from 'hono';
import type { ServerContext } from '../context.js';
import { tableExists, jsonSafe } from '../sql-util.js';
import { storeStats } from '../../store/store-stats.js';
import { apiRoute, jsonResponse, mount } from '../schema.js';

export const HEALTH_ROUTES = {
  health: apiRoute({ method: 'get', path: '/api/health', summary: 'liveness and configuration', responses: { 200: jsonResponse('ok') } }),
  stats: apiRoute({ method: 'get', path: '/api/stats', summary: 'counts of positions, vessels and events by type', responses: { 200: jsonResponse('stats') } }),
  storeStats: apiRoute({
    method: 'get', path: '/api/stats/store', summary: 'what `tumen stats --json` prints: messages, sources, rejects by reason, ingest log, feeds',
    responses: { 200: jsonResponse('store stats') },
  }),
};

export function healthRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  mount(app, HEALTH_ROUTES.health, async (c) => {
    await ctx.store.one('SELECT 1 AS ok');
    return c.json({
      status: 'ok', store: ctx.store.path, writes: ctx.token ? 'enabled' : 'disabled',
      live_subscribers: ctx.hub.subscriberCount, live_detection: ctx.live?.stats ?? null,
    });
  });

  mount(app, HEALTH_ROUTES.stats, async (c) => {
    const out: Record<string, unknown> = { positions: 0, vessels: 0, first_position: null, last_position: null, events: 0, events_by_type: {} };
    if (await tableExists(ctx.store, 'positions')) {
      const row = await ctx.store.one(
        'SELECT count(*) AS positions, count(DISTINCT mmsi) AS vessels, min(time) AS first_position, max(time) AS last_position FROM positions',
      );
      Object.assign(out, jsonSafe(row));
    }
    if (await tableExists(ctx.store, 'events')) {
      const rows = await ctx.store.all<{ type: string; n: bigint }>('SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY type');
      out.events_by_type = Object.fromEntries(rows.map((r) => [r.type, Number(r.n)]));
      out.events = rows.reduce((s, r) => s + Number(r.n), 0);
    }
    if (await tableExists(ctx.store, 'identity_history')) {
      const row = await ctx.store.one<{ n: bigint }>('SELECT count(DISTINCT mmsi) AS n FROM identity_history');
      out.vessels_with_identity = Number(row?.n ?? 0);
    }
    return c.json(out);
  });

  // What `tumen stats --json` prints (the CLI reads it here while this server holds the store for writing).
  mount(app, HEALTH_ROUTES.storeStats, async (c) => c.json(await storeStats(ctx.store)));

  return app;
}
