// GET /api/fuel: the fuel-cap monitor (UNSCR 2397, 500,000 bbl a year) as the CLI's `tumen fuel` computes it
// (store/fuel.ts), with each delivery's and each vessel's label (name, flag, IMO) for the UI's table.
import { Hono } from 'hono';
import { z } from 'zod';
import type { ServerContext } from '../context.js';
import { fuelReport } from '../../store/fuel.js';
import { FUEL_PARAMS } from '../../fuel/params.js';
import { vesselLabels } from '../../store/vessel-labels.js';
import { apiRoute, jsonResponse, mount } from '../schema.js';
import { tableExists } from '../sql-util.js';

export const FUEL_ROUTE = apiRoute({
  method: 'get', path: '/api/fuel',
  summary: 'fuel-cap monitor: tanker deliveries to the DPRK with volume bands, per-vessel and yearly running totals vs the 500,000 bbl UNSCR 2397 cap',
  query: z.object({
    year: z.coerce.number({ error: 'year must be a year like 2024' }).int('year must be a year like 2024').min(1990, 'year must be 1990–2100').max(2100, 'year must be 1990–2100')
      .optional().describe('only this calendar year (1990–2100)'),
  }),
  responses: {
    200: jsonResponse('deliveries and yearly totals', {
      type: 'object',
      properties: {
        cap_bbl: { type: 'number' }, year: { type: ['integer', 'null'] },
        deliveries: { type: 'array', items: { type: 'object' } }, years: { type: 'array', items: { type: 'object' } },
        pending: { type: 'array', items: { type: 'object' }, description: 'possible deliveries not in the totals, each with its band and why: a call still open at the data\'s end, or a meeting with a DPRK-flagged ship where no draught measured a transfer' },
        set_aside: { type: 'array', items: { type: 'object' }, description: 'tanker silences and meetings not counted: the evidence puts them elsewhere (seen at another place, another listed port ranked first, or a DPRK-flagged partner that sailed on visibly to a foreign port with no transfer shown)' },
      },
    }),
  },
});

export function fuelRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  mount(app, FUEL_ROUTE, async (c, { query: { year } }) => {
    // A store with no AIS statics (read-only, nothing ingested) has no tankers: nothing delivered.
    const r = (await tableExists(ctx.store, 'statics')) ? await fuelReport(ctx.store, year) : { deliveries: [], years: [], pending: [], set_aside: [] };
    const labels = await vesselLabels(ctx.store, [...r.deliveries, ...r.pending, ...r.set_aside].map((d) => d.mmsi));
    return c.json({
      cap_bbl: FUEL_PARAMS.capBblPerYear, year: year ?? null,
      deliveries: r.deliveries.map((d) => ({ ...d, vessel: labels.get(d.mmsi) })),
      years: r.years.map((y) => ({ ...y, by_vessel: y.by_vessel.map((v) => ({ ...v, vessel: labels.get(v.mmsi) })) })),
      pending: r.pending.map((x) => ({ ...x, vessel: labels.get(x.mmsi) })),
      set_aside: r.set_aside.map((x) => ({ ...x, vessel: labels.get(x.mmsi) })),
    });
  });
  return app;
}
