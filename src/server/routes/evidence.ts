// Evidence beyond AIS: satellite detections fused with AIS, the fuel-cap monitor, and site observations
// (reads open; observation writes behind the bearer token, every edit kept with who/when/before/after).
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ServerContext } from '../context.js';
import { requireToken } from '../auth.js';
import { badRequest, notFound } from '../errors.js';
import { MAX_JSON_BYTES } from '../params.js';
import { fuelReport } from '../../store/fuel.js';
import { fuseStored } from '../../store/imagery-fuse.js';
import { detectionRecord, sceneSummary } from '../../io/detections-out.js';
import { listSites, observationHistory, observationsOf, saveObservations } from '../../store/sites.js';
import { observationOf } from '../../sites/parse.js';
import { seriesWithFlags } from '../../sites/changes.js';

const tooLarge = () => { throw badRequest(`body larger than ${MAX_JSON_BYTES} bytes`); };

function editorOf(header: string | undefined, body: Record<string, unknown>): string {
  const who = String(body.analyst ?? header ?? '').trim();
  if (!/^[\w .@-]{1,64}$/.test(who)) throw badRequest('say who is editing: "analyst" in the body or an X-Analyst header (1–64 letters, digits, space, . @ - _)');
  return who;
}

export function evidenceRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  const auth = requireToken(ctx.token);

  app.get('/api/fuel', async (c) => {
    const y = c.req.query('year');
    const year = y === undefined ? undefined : Number(y);
    if (year !== undefined && !(Number.isInteger(year) && year >= 1990 && year <= 2100)) throw badRequest('year must be a year like 2024');
    return c.json(await fuelReport(ctx.store, year));
  });

  app.get('/api/detections', async (c) => {
    const scene = c.req.query('scene');
    if (scene !== undefined && !/^[\w.:-]{1,128}$/.test(scene)) throw badRequest('scene must be a scene id (letters, digits, . : - _)');
    const fused = await fuseStored(ctx.store, { sceneId: scene });
    if (scene !== undefined && fused.length === 0) throw notFound(`no scene "${scene}"`);
    return c.json({
      scenes: fused.map((f) => sceneSummary(f.scene, f.fusion.detections, f.fusion.missed)),
      detections: fused.flatMap((f) => f.fusion.detections.map(detectionRecord)),
    });
  });

  app.get('/api/sites', async (c) => c.json({ sites: await listSites(ctx.store) }));

  app.get('/api/sites/:id/series', async (c) => {
    const site = (await listSites(ctx.store)).find((s) => s.id === c.req.param('id'));
    if (!site) throw notFound(`no site "${c.req.param('id')}"`);
    return c.json({ site, series: seriesWithFlags(site, await observationsOf(ctx.store, site.id)) });
  });

  app.get('/api/observations/:id/history', async (c) => c.json({ id: c.req.param('id'), edits: await observationHistory(ctx.store, c.req.param('id')) }));

  // Create (POST, id derived or given) or edit (PUT /api/observations/:id) one observation.
  const save = async (c: { req: { json(): Promise<unknown>; header(n: string): string | undefined }; json(o: unknown, s?: 201 | 200): Response }, id: string | null, siteId: string | null) => {
    let body: unknown;
    try { body = await c.req.json(); } catch { throw badRequest('body must be JSON: {"time", "counts": {...}, "image_ref", "analyst", "note"}'); }
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('body must be a JSON object');
    const rec = { ...(body as Record<string, unknown>), ...(siteId ? { site_id: siteId } : {}), ...(id ? { id } : {}) };
    const editor = editorOf(c.req.header('x-analyst'), rec);
    const sites = new Set((await listSites(ctx.writeStore)).map((s) => s.id));
    const obs = observationOf(rec, sites);
    if (typeof obs === 'string') throw badRequest(`observation rejected: ${obs}`);
    const r = await saveObservations(ctx.writeStore, [obs], editor, new Date().toISOString());
    return c.json({ observation: obs, ...r }, r.new ? 201 : 200);
  };
  const limit = bodyLimit({ maxSize: MAX_JSON_BYTES, onError: tooLarge });
  app.post('/api/sites/:id/observations', auth, limit, async (c) => save(c, null, c.req.param('id')));
  app.put('/api/observations/:id', auth, limit, async (c) => {
    const existing = (await observationsOf(ctx.writeStore)).find((o) => o.id === c.req.param('id'));
    if (!existing) throw notFound(`no observation "${c.req.param('id')}"`);
    return save(c, existing.id, existing.site_id);
  });
  return app;
}
