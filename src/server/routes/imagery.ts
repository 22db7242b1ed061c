// Satellite imagery over the API: the stored scenes (footprints, cheap), detections fused with AIS for a
// scene or a time window (who each is, or dark with ranked candidates; AIS vessels expected but not seen),
// and the scenes that bear on one event (acquired while it lasted, footprint near it or its ports).
import { Hono } from 'hono';
import { z } from 'zod';
import type { ServerContext } from '../context.js';
import { badRequest, notFound } from '../errors.js';
import { apiRoute, ERROR_RESPONSE, jsonResponse, mount } from '../schema.js';
import { bboxValue, idValue, timeValue } from '../schemas.js';
import { timeRange } from '../validate.js';
import { tableExists } from '../sql-util.js';
import { readScenes } from '../../store/imagery.js';
import type { Scene } from '../../imagery/types.js';
import { fusedScenes, imageryForEvent, MAX_FUSED_SCENES, sceneJson, scenesIn } from '../imagery-json.js';
import { getEvent } from './events.js';

export const IMAGERY_ROUTES = {
  scenes: apiRoute({
    method: 'get', path: '/api/scenes', summary: 'imported satellite scenes (footprints), with their detection counts',
    query: z.object({ from: timeValue('from'), to: timeValue('to'), bbox: bboxValue() }),
    responses: { 200: jsonResponse('scenes') },
  }),
  detections: apiRoute({
    method: 'get', path: '/api/detections',
    summary: `satellite detections fused with AIS (mmsi or dark, confidence, ranked candidates) for one scene or the scenes in a time window (at most ${MAX_FUSED_SCENES})`,
    query: z.object({ scene: idValue('scene id').optional(), from: timeValue('from'), to: timeValue('to') }),
    responses: { 200: jsonResponse('detections and per-scene summaries'), 404: ERROR_RESPONSE },
  }),
  event: apiRoute({
    method: 'get', path: '/api/events/{id}/imagery',
    summary: 'scenes acquired while an event lasted (±6 h) whose footprint comes within 30 km of it or its ports, with their fused detections',
    params: z.object({ id: idValue('event id') }),
    responses: { 200: jsonResponse('scenes with detections'), 404: ERROR_RESPONSE },
  }),
};

export function imageryRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  mount(app, IMAGERY_ROUTES.scenes, async (c, { query: { from, to, bbox } }) => {
    timeRange(from, to);
    const scenes = await scenesIn(ctx.store, { fromMs: from, toMs: to, bbox });
    const counts = new Map<string, number>();
    if (scenes.length) {
      for (const r of await ctx.store.all<{ scene_id: string; n: bigint }>('SELECT scene_id, count(*) AS n FROM imagery_detections GROUP BY scene_id')) counts.set(r.scene_id, Number(r.n));
    }
    return c.json({ scenes: scenes.map((s) => ({ ...sceneJson(s), detections: counts.get(s.scene_id) ?? 0 })) });
  });

  mount(app, IMAGERY_ROUTES.detections, async (c, { query: { scene, from, to } }) => {
    timeRange(from, to);
    let scenes: Scene[];
    if (scene !== undefined) {
      scenes = (await tableExists(ctx.store, 'imagery_scenes')) ? await readScenes(ctx.store, scene) : [];
      if (scenes.length === 0) throw notFound(`no scene "${scene}" in the store (import it with tumen imagery import)`);
    } else {
      scenes = await scenesIn(ctx.store, { fromMs: from, toMs: to });
      if (scenes.length > MAX_FUSED_SCENES) throw badRequest(`${scenes.length} scenes match: narrow with scene=ID or from/to to at most ${MAX_FUSED_SCENES}`);
    }
    const out = await fusedScenes(ctx.store, scenes);
    return c.json({ scenes: out.map(({ detections: _, ...s }) => s), detections: out.flatMap((s) => s.detections) });
  });

  mount(app, IMAGERY_ROUTES.event, async (c, { params: { id } }) => {
    const e = await getEvent(ctx.store, id);
    if (!e) throw notFound(`no event "${id}"`);
    return c.json({ event_id: e.id, scenes: await imageryForEvent(ctx.store, e) });
  });

  return app;
}
