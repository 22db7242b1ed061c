// Evidence beyond AIS: satellite detections fused with AIS, the fuel-cap monitor, and site observations
// (reads open; observation writes behind the bearer token, every edit kept with who/when/before/after).
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { bodyLimit } from 'hono/body-limit';
import type { ServerContext } from '../context.js';
import { requireToken } from '../auth.js';
import { badRequest, httpError, notFound } from '../errors.js';
import { apiRoute, ERROR_RESPONSE, jsonResponse, mount } from '../schema.js';
import { idValue } from '../schemas.js';
import { MAX_JSON_BYTES } from '../params.js';
import { fuelReport } from '../../store/fuel.js';
import { fuseStored } from '../../store/imagery-fuse.js';
import { detectionRecord, sceneSummary } from '../../io/detections-out.js';
import { listSites, observationHistory, observationsOf, saveObservations } from '../../store/sites.js';
import { observationOf } from '../../sites/parse.js';
import { seriesWithFlags } from '../../sites/changes.js';

const tooLarge = () => { throw httpError(413, `body larger than ${MAX_JSON_BYTES} bytes`); };

function editorOf(header: string | undefined, body: Record<string, unknown>): string {
  const who = String(body.analyst ?? header ?? '').trim();
  if (!/^[\w .@-]{1,64}$/.test(who)) throw badRequest('say who is editing: "analyst" in the body or an X-Analyst header (1–64 letters, digits, space, . @ - _)');
  return who;
}

const SITE_ID = z.object({ id: idValue('site id') });
const OBSERVATION_ID = z.object({ id: idValue('observation id') });
/** An observation as posted; its fields are checked by observationOf() (src/sites), which names the bad one. */
const OBSERVATION_BODY = z.looseObject({
  time: z.string().optional().describe('ISO-8601 time of the image or visit'),
  counts: z.record(z.string(), z.union([z.number(), z.string()])).optional().describe('counts by category, e.g. {"rail_cars": 30}'),
  vessel_lengths_m: z.union([z.array(z.number()), z.string()]).optional().describe('lengths of the vessels seen, metres'),
  image_ref: z.string().nullish(),
  analyst: z.string().nullish().describe('who observed (else the X-Analyst header)'),
  note: z.string().nullish(),
}, { error: 'body must be a JSON object: {"time", "counts": {...}, "image_ref", "analyst", "note"}' });

export const EVIDENCE_ROUTES = {
  fuel: apiRoute({
    method: 'get', path: '/api/fuel',
    summary: 'fuel-cap monitor (UNSCR 2397): tanker deliveries to the DPRK with low/central/high barrels, yearly totals and running sums vs the 500,000 bbl cap',
    query: z.object({ year: z.coerce.number({ error: 'year must be a year like 2024' }).int('year must be a year like 2024').min(1990, 'year must be a year like 2024').max(2100, 'year must be a year like 2024').optional().describe('calendar year') }),
    responses: { 200: jsonResponse('{"deliveries": [...], "years": [...]}') },
  }),
  detections: apiRoute({
    method: 'get', path: '/api/detections',
    summary: 'satellite detections fused with AIS: per detection mmsi|null, confidence, dark, ranked candidates {mmsi, score, why}; per scene counts and the AIS vessels expected in the footprint but not detected',
    query: z.object({ scene: z.string().regex(/^[\w.:-]{1,128}$/, 'scene must be a scene id (letters, digits, . : - _)').optional().describe('one scene id') }),
    responses: { 200: jsonResponse('{"scenes": [...], "detections": [...]}'), 404: ERROR_RESPONSE },
  }),
  sites: apiRoute({ method: 'get', path: '/api/sites', summary: 'watched sites (rail yards, piers, berths, border crossings) with sources', responses: { 200: jsonResponse('{"sites": [...]}') } }),
  series: apiRoute({
    method: 'get', path: '/api/sites/{id}/series', summary: "a site's observations in time order with change flags", params: SITE_ID,
    responses: { 200: jsonResponse('{"site", "series"}'), 404: ERROR_RESPONSE },
  }),
  history: apiRoute({
    method: 'get', path: '/api/observations/{id}/history', summary: 'every edit of an observation: edited_at, editor, action, before, after', params: OBSERVATION_ID,
    responses: { 200: jsonResponse('{"id", "edits": [...]}') },
  }),
  observe: apiRoute({
    method: 'post', path: '/api/sites/{id}/observations', summary: 'add an observation (counts by category, image_ref, analyst, note); kept in the edit history',
    secured: true, params: SITE_ID, body: OBSERVATION_BODY, responses: { 200: jsonResponse('unchanged'), 201: jsonResponse('created'), 413: ERROR_RESPONSE },
  }),
  edit: apiRoute({
    method: 'put', path: '/api/observations/{id}', summary: 'edit an observation (who: "analyst" or X-Analyst); before/after kept',
    secured: true, params: OBSERVATION_ID, body: OBSERVATION_BODY, responses: { 200: jsonResponse('updated'), 404: ERROR_RESPONSE, 413: ERROR_RESPONSE },
  }),
};

export function evidenceRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  const auth = requireToken(ctx.token);

  mount(app, EVIDENCE_ROUTES.fuel, async (c, { query: { year } }) => {
    return c.json(await fuelReport(ctx.store, year));
  });

  mount(app, EVIDENCE_ROUTES.detections, async (c, { query: { scene } }) => {
    const fused = await fuseStored(ctx.store, { sceneId: scene });
    if (scene !== undefined && fused.length === 0) throw notFound(`no scene "${scene}"`);
    return c.json({
      scenes: fused.map((f) => sceneSummary(f.scene, f.fusion.detections, f.fusion.missed)),
      detections: fused.flatMap((f) => f.fusion.detections.map(detectionRecord)),
    });
  });

  mount(app, EVIDENCE_ROUTES.sites, async (c) => c.json({ sites: await listSites(ctx.store) }));

  mount(app, EVIDENCE_ROUTES.series, async (c, { params: { id } }) => {
    const site = (await listSites(ctx.store)).find((s) => s.id === id);
    if (!site) throw notFound(`no site "${id}"`);
    return c.json({ site, series: seriesWithFlags(site, await observationsOf(ctx.store, site.id)) });
  });

  mount(app, EVIDENCE_ROUTES.history, async (c, { params: { id } }) => c.json({ id, edits: await observationHistory(ctx.store, id) }));

  // Create (POST, id derived or given) or edit (PUT /api/observations/:id) one observation.
  const save = async (c: Context, body: Record<string, unknown>, id: string | null, siteId: string | null) => {
    const rec = { ...body, ...(siteId ? { site_id: siteId } : {}), ...(id ? { id } : {}) };
    const editor = editorOf(c.req.header('x-analyst'), rec);
    const sites = new Set((await listSites(ctx.writeStore)).map((s) => s.id));
    const obs = observationOf(rec, sites);
    if (typeof obs === 'string') throw badRequest(`observation rejected: ${obs}`);
    const r = await saveObservations(ctx.writeStore, [obs], editor, new Date().toISOString());
    return c.json({ observation: obs, ...r }, r.new ? 201 : 200);
  };
  const writes = [auth, bodyLimit({ maxSize: MAX_JSON_BYTES, onError: tooLarge })];
  mount(app, EVIDENCE_ROUTES.observe, async (c, { params: { id }, body }) => save(c, body, null, id), writes);
  mount(app, EVIDENCE_ROUTES.edit, async (c, { params: { id }, body }) => {
    const existing = (await observationsOf(ctx.writeStore)).find((o) => o.id === id);
    if (!existing) throw notFound(`no observation "${id}"`);
    return save(c, body, existing.id, existing.site_id);
  }, writes);
  return app;
}
