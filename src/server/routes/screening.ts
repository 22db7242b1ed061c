// GET /api/screen (one vessel) and POST /api/screen (batch); GET /api/lists.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ServerContext } from '../context.js';
import { badRequest } from '../errors.js';
import { listLists, screenVessels, type ScreenQuery } from '../integrations.js';
import { behaviourOf, type Behaviour } from '../../store/fleet-risk.js';
import { StoreScreener } from '../../store/screen.js';
import { MAX_JSON_BYTES, MAX_SCREEN_BATCH } from '../params.js';

const FIELDS = ['imo', 'mmsi', 'name', 'callsign'] as const;

export function toScreenQuery(raw: unknown, where: string): ScreenQuery {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw badRequest(`${where}: expected an object with imo, mmsi, name or callsign`);
  const q: ScreenQuery = {};
  for (const f of FIELDS) {
    const v = (raw as Record<string, unknown>)[f];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'string' && typeof v !== 'number') throw badRequest(`${where}.${f} must be a string or number`);
    const s = String(v).trim();
    if (s.length > 200) throw badRequest(`${where}.${f} is longer than 200 characters`);
    q[f] = s;
  }
  if (q.imo !== undefined && !/^(IMO\s*)?\d{7}$/i.test(q.imo)) throw badRequest(`${where}.imo must be 7 digits, got ${JSON.stringify(q.imo)}`);
  if (q.mmsi !== undefined && !/^\d{9}$/.test(q.mmsi)) throw badRequest(`${where}.mmsi must be 9 digits, got ${JSON.stringify(q.mmsi)}`);
  if (Object.keys(q).length === 0) throw badRequest(`${where}: give at least one of imo, mmsi, name, callsign`);
  return q;
}

export function screeningRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  app.get('/api/screen', async (c) => {
    const q = toScreenQuery(Object.fromEntries(FIELDS.map((f) => [f, c.req.query(f)])), 'query');
    const [result] = await screenVessels(ctx.store, [q]);
    return c.json(result);
  });

  app.post('/api/screen', bodyLimit({ maxSize: MAX_JSON_BYTES, onError: () => { throw badRequest(`body larger than ${MAX_JSON_BYTES} bytes`); } }), async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw badRequest('body must be JSON: {"vessels": [{"imo": "9131010"}, …]}');
    }
    const vessels = Array.isArray(body) ? body : (body as { vessels?: unknown })?.vessels;
    if (!Array.isArray(vessels)) throw badRequest('body must be {"vessels": [...]} or an array');
    if (vessels.length === 0) throw badRequest('vessels is empty');
    if (vessels.length > MAX_SCREEN_BATCH) throw badRequest(`at most ${MAX_SCREEN_BATCH} vessels per request`);
    const queries = vessels.map((v, i) => toScreenQuery(v, `vessels[${i}]`));
    const results = await screenVessels(ctx.store, queries);
    // ?with_risk=1: behaviour from the store beside each verdict (the UI's fleet table, `tumen screen --with-risk`).
    if (c.req.query('with_risk') === '1') {
      const screener = await StoreScreener.open(ctx.store);
      for (const r of results) {
        const q = r.query;
        const key = q.mmsi ?? q.imo?.replace(/\D/g, '') ?? q.name ?? q.callsign;
        (r as typeof r & { behaviour?: Behaviour }).behaviour = key ? await behaviourOf(ctx.store, key, screener) : undefined;
      }
    }
    return c.json({ count: results.length, lists: await listLists(ctx.store), results });
  });

  app.get('/api/lists', async (c) => c.json({ lists: await listLists(ctx.store) }));

  return app;
}
