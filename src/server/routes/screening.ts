// GET /api/screen (one vessel) and POST /api/screen (batch); GET /api/lists.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ServerContext } from '../context.js';
import { z } from 'zod';
import { httpError } from '../errors.js';
import { apiRoute, ERROR_RESPONSE, jsonResponse, mount } from '../schema.js';
import { listLists, screenVessels, type ScreenQuery } from '../integrations.js';
import { behaviourOf, type Behaviour } from '../../store/fleet-risk.js';
import { StoreScreener } from '../../store/screen.js';
import { MAX_JSON_BYTES, MAX_SCREEN_BATCH } from '../params.js';

/** One screening field: a string or number, trimmed; empty or null is absent. */
const screenField = (description: string, format?: [RegExp, string]) => z.union([z.string(), z.number()]).nullish()
  .transform((v) => (v === null || v === undefined || String(v).trim() === '' ? undefined : String(v).trim()))
  .pipe(format
    ? z.string().max(200, 'must be at most 200 characters').regex(format[0], format[1]).optional()
    : z.string().max(200, 'must be at most 200 characters').optional())
  .describe(description);

/** The vessel to screen: at least one of its IMO, MMSI, name, call sign, stated owner and operator. */
const SCREEN_QUERY = z.object({
  imo: screenField('IMO number (7 digits, "IMO" prefix allowed)', [/^(IMO\s*)?\d{7}$/i, 'must be 7 digits']),
  mmsi: screenField('MMSI (9 digits)', [/^\d{9}$/, 'must be 9 digits']),
  name: screenField('ship name'),
  callsign: screenField('call sign'),
  owner: screenField('registered owner as stated (matched by name against listed companies and persons)'),
  operator: screenField('operator or manager as stated (matched by name against listed companies and persons)'),
}).refine((q) => Object.values(q).some((v) => v !== undefined), 'give at least one of imo, mmsi, name, callsign, owner, operator');

/** The query without its absent fields. */
const screenQuery = (q: z.output<typeof SCREEN_QUERY>): ScreenQuery =>
  Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as ScreenQuery;

const SCREEN_LIST = z.array(SCREEN_QUERY).min(1, 'vessels is empty').max(MAX_SCREEN_BATCH, `at most ${MAX_SCREEN_BATCH} vessels per request`);

export const SCREENING_ROUTES = {
  one: apiRoute({
    method: 'get', path: '/api/screen', summary: 'screen one vessel against the loaded lists (give at least one of imo, mmsi, name, callsign, owner, operator)', query: SCREEN_QUERY,
    responses: { 200: jsonResponse('screening result') },
  }),
  batch: apiRoute({
    method: 'post', path: '/api/screen', summary: 'screen a batch: {"vessels": [{"imo": "9131010"}, {"name": "CHON MA SAN"}]} or the array alone',
    query: z.object({ with_risk: z.enum(['0', '1']).optional().describe('1: behaviour risk from the store beside each verdict') }),
    body: z.union([z.object({ vessels: SCREEN_LIST }), SCREEN_LIST], { error: 'body must be {"vessels": [...]} or an array' }),
    responses: { 200: jsonResponse('results'), 413: ERROR_RESPONSE },
  }),
  lists: apiRoute({ method: 'get', path: '/api/lists', summary: 'loaded sanctions lists with versions', responses: { 200: jsonResponse('lists') } }),
};

export function screeningRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  mount(app, SCREENING_ROUTES.one, async (c, { query }) => {
    const [result] = await screenVessels(ctx.store, [screenQuery(query)]);
    return c.json(result);
  });

  mount(app, SCREENING_ROUTES.batch, async (c, { query: { with_risk }, body }) => {
    const queries = (Array.isArray(body) ? body : body.vessels).map(screenQuery);
    const results = await screenVessels(ctx.store, queries);
    // ?with_risk=1: behaviour from the store beside each verdict (the UI's fleet table, `tumen screen --with-risk`).
    if (with_risk === '1') {
      const screener = await StoreScreener.open(ctx.store);
      for (const r of results) {
        const q = r.query;
        const key = q.mmsi ?? q.imo?.replace(/\D/g, '') ?? q.name ?? q.callsign;
        (r as typeof r & { behaviour?: Behaviour }).behaviour = key ? await behaviourOf(ctx.store, key, screener) : undefined;
      }
    }
    return c.json({ count: results.length, lists: await listLists(ctx.store), results });
  }, [bodyLimit({ maxSize: MAX_JSON_BYTES, onError: () => { throw httpError(413, `body larger than ${MAX_JSON_BYTES} bytes`); } })]);

  mount(app, SCREENING_ROUTES.lists, async (c) => c.json({ lists: await listLists(ctx.store) }));

  return app;
}
