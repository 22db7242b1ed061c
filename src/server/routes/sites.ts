// Sites watched on imagery and analysts' counts there: GET the sites, a site's series with change flags, an
// observation's edit history, and the observations that coincide with an event or a ship's events; POST a
// new observation and PUT an edit (token; every change kept with who, when, before and after).
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { ServerContext } from '../context.js';
import { requireToken } from '../auth.js';
import { badRequest, httpError, notFound } from '../errors.js';
import { MAX_JSON_BYTES } from '../params.js';
import { apiRoute, ERROR_RESPONSE, jsonResponse, mount } from '../schema.js';
import { idValue, mmsiValue, timeValue } from '../schemas.js';
import { timeRange } from '../validate.js';
import { listSites, observationById, observationHistory, observationsOf, saveObservations } from '../../store/sites.js';
import { seriesWithFlags } from '../../sites/changes.js';
import { observationOf } from '../../sites/parse.js';
import { COUNT_CATEGORIES, type Observation, type Site } from '../../sites/types.js';
import { queryEvents } from '../../store/events-write.js';
import { siteLinksFor } from '../site-links.js';
import { tableExists } from '../sql-util.js';
import { getEvent } from './events.js';

const SITE_PATH = z.object({ id: idValue('site id') });
const OBSERVATION_PATH = z.object({ id: idValue('site id'), obs: idValue('observation id') });

const EDITOR = /^[\w .@-]{1,64}$/;
const count = z.number({ error: 'counts must be whole numbers' }).int('counts must be whole numbers').min(0, 'counts must not be negative');
/** An observation as entered in the form or by a client; the site comes from the path. */
const OBSERVATION_BODY = z.object({
  editor: z.string().trim().regex(EDITOR, 'editor must be 1–64 letters, digits, space, . @ - _').optional()
    .describe('who makes this change, kept in the edit history (else the X-Analyst header; one of the two is required)'),
  time: z.string().refine((s) => Number.isFinite(Date.parse(s)), 'time must be an ISO-8601 date or date-time').describe('image acquisition time (UTC)'),
  counts: z.partialRecord(z.enum(COUNT_CATEGORIES, { error: `count categories are ${COUNT_CATEGORIES.join(', ')}` }), count)
    .refine((c) => Object.keys(c).length > 0, 'counts needs at least one category').describe(`counts by category (${COUNT_CATEGORIES.join(', ')})`),
  vessel_lengths_m: z.array(z.number().positive('vessel lengths must be positive metres')).max(100).default([]).describe('lengths of vessels alongside, metres'),
  image_ref: z.string().max(2000).nullish(), analyst: z.string().max(200).nullish(), note: z.string().max(2000).nullish(), source: z.string().max(2000).nullish(),
}).strict();

export const SITE_ROUTES = {
  list: apiRoute({
    method: 'get', path: '/api/sites', summary: 'watched sites (rail yards, piers, berths, border crossings) with their sources and number of observations',
    responses: { 200: jsonResponse('sites') },
  }),
  series: apiRoute({
    method: 'get', path: '/api/sites/{id}/observations', summary: "a site's observations in time order, each with its change flags",
    params: SITE_PATH, query: z.object({ from: timeValue('from'), to: timeValue('to') }),
    responses: { 200: jsonResponse('site and series'), 404: ERROR_RESPONSE },
  }),
  add: apiRoute({
    method: 'post', path: '/api/sites/{id}/observations', summary: 'add an observation (counts on an image) to a site; logged in the edit history',
    secured: true, params: SITE_PATH, body: OBSERVATION_BODY, responses: { 201: jsonResponse('the stored observation'), 404: ERROR_RESPONSE, 409: ERROR_RESPONSE },
  }),
  edit: apiRoute({
    method: 'put', path: '/api/sites/{id}/observations/{obs}', summary: 'replace an observation; the edit history keeps who, when, before and after',
    secured: true, params: OBSERVATION_PATH, body: OBSERVATION_BODY, responses: { 200: jsonResponse('the stored observation'), 404: ERROR_RESPONSE },
  }),
  history: apiRoute({
    method: 'get', path: '/api/sites/{id}/observations/{obs}/history', summary: "an observation's edits: who, when, action, before, after",
    params: OBSERVATION_PATH, responses: { 200: jsonResponse('edits'), 404: ERROR_RESPONSE },
  }),
  coincident: apiRoute({
    method: 'get', path: '/api/observations/coincident',
    summary: "observations at sites near an event (or each of a ship's events) while it lasted, with whether a vessel alongside has the ship's length",
    query: z.object({ event: idValue('event id').optional(), mmsi: mmsiValue().optional(), from: timeValue('from'), to: timeValue('to') }),
    responses: { 200: jsonResponse('links'), 404: ERROR_RESPONSE },
  }),
};

async function siteOr404(ctx: ServerContext, id: string): Promise<{ site: Site; all: Site[] }> {
  const all = await listSites(ctx.store);
  const site = all.find((s) => s.id === id);
  if (!site) throw notFound(`no site "${id}" (known: ${all.map((s) => s.id).join(', ')})`);
  return { site, all };
}

/** Who makes a change: the body's editor, else the X-Analyst header. */
function editorOf(body: { editor?: string }, header: string | undefined): string {
  const who = body.editor ?? header?.trim();
  if (!who || !EDITOR.test(who)) throw badRequest('say who is editing: "editor" in the body or an X-Analyst header (1–64 letters, digits, space, . @ - _)');
  return who;
}

/** The body as an Observation of `siteId` (the parser the CSV/JSON import uses, so both agree). */
function observationFrom(siteId: string, body: z.output<typeof OBSERVATION_BODY>, id?: string): Observation {
  const { editor: _, ...rest } = body;
  const o = observationOf({ ...rest, site_id: siteId, ...(id ? { id } : {}) }, new Set([siteId]));
  if (typeof o === 'string') throw badRequest(`observation rejected: ${o.replace(/_/g, ' ')}`);
  return o;
}

export function siteRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  const writes = [requireToken(ctx.token), bodyLimit({ maxSize: MAX_JSON_BYTES, onError: () => { throw httpError(413, `body larger than ${MAX_JSON_BYTES} bytes`); } })];

  mount(app, SITE_ROUTES.list, async (c) => {
    const sites = await listSites(ctx.store);
    const obs = await observationsOf(ctx.store);
    const bySite = new Map<string, Observation[]>();
    for (const o of obs) bySite.set(o.site_id, [...(bySite.get(o.site_id) ?? []), o]);
    return c.json({
      sites: sites.map((s) => {
        const series = seriesWithFlags(s, bySite.get(s.id) ?? []);
        return { ...s, observations: series.length, last_observation: series.at(-1)?.time ?? null, change_flags: series.reduce((n, p) => n + p.flags.length, 0) };
      }),
    });
  });

  mount(app, SITE_ROUTES.series, async (c, { params: { id }, query: { from, to } }) => {
    timeRange(from, to);
    const { site } = await siteOr404(ctx, id);
    // Flags need the history before `from`: compute over all, then cut.
    const series = seriesWithFlags(site, await observationsOf(ctx.store, id))
      .filter((p) => (from === undefined || Date.parse(p.time) >= from) && (to === undefined || Date.parse(p.time) <= to));
    return c.json({ site, series });
  });

  mount(app, SITE_ROUTES.add, async (c, { params: { id }, body }) => {
    const editor = editorOf(body, c.req.header('x-analyst'));
    await siteOr404(ctx, id);
    const o = observationFrom(id, body);
    if (await observationById(ctx.writeStore, o.id)) throw httpError(409, `observation ${o.id} exists (same site, time and counts): edit it with PUT /api/sites/${id}/observations/${o.id}`);
    await saveObservations(ctx.writeStore, [o], editor, new Date().toISOString());
    return c.json({ observation: o }, 201);
  }, writes);

  mount(app, SITE_ROUTES.edit, async (c, { params: { id, obs }, body }) => {
    const editor = editorOf(body, c.req.header('x-analyst'));
    await siteOr404(ctx, id);
    const old = await observationById(ctx.writeStore, obs);
    if (!old || old.site_id !== id) throw notFound(`no observation "${obs}" at site ${id}`);
    const o = observationFrom(id, body, obs);
    const r = await saveObservations(ctx.writeStore, [o], editor, new Date().toISOString());
    return c.json({ observation: o, changed: r.updated > 0 }, 200);
  }, writes);

  mount(app, SITE_ROUTES.history, async (c, { params: { id, obs } }) => {
    const o = await observationById(ctx.store, obs);
    if (!o || o.site_id !== id) throw notFound(`no observation "${obs}" at site ${id}`);
    return c.json({ observation: o, edits: await observationHistory(ctx.store, obs) });
  });

  mount(app, SITE_ROUTES.coincident, async (c, { query: { event, mmsi, from, to } }) => {
    timeRange(from, to);
    if ((event === undefined) === (mmsi === undefined)) throw badRequest('give one of event=ID or mmsi=N');
    let events;
    if (event !== undefined) {
      const e = await getEvent(ctx.store, event);
      if (!e) throw notFound(`no event "${event}"`);
      events = [e];
    } else {
      events = (await tableExists(ctx.store, 'events')) ? await queryEvents(ctx.store, { mmsi, fromMs: from, toMs: to }) : [];
    }
    return c.json({ links: await siteLinksFor(ctx.store, events) });
  });

  return app;
}
