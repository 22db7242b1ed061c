// Satellite imagery over the API: the stored scenes (footprints, cheap), detections fused with AIS for a
// scene or a time window (who each is, or dark with ranked candidates; AIS vessels expected but not seen),
// and the scenes that bear on one event (acquired while it lasted, footprint near it or its ports).
import { Hono } from 'hono';
import { z } from 'zod';
import type { ServerContext } from '../context.js';
import type { Store } from '../../store/db.js';
import { badRequest, notFound } from '../errors.js';
import { apiRoute, ERROR_RESPONSE, jsonResponse, mount } from '../schema.js';
import { bboxValue, idValue, timeValue } from '../schemas.js';
import { timeRange, type BBox } from '../validate.js';
import { tableExists } from '../sql-util.js';
import { readScenes } from '../../store/imagery.js';
import { fuseStored } from '../../store/imagery-fuse.js';
import { detectionRecord, sceneSummary } from '../../io/detections-out.js';
import { vesselLabels } from '../../store/vessel-labels.js';
import type { Scene } from '../../imagery/types.js';
import type { TumenEvent } from '../../events/schema.js';
import { allPorts } from '../../reference/wpi.js';
import { getEvent } from './events.js';

/** Fusion reads the AIS around each scene (~0.1–1 s a scene on a big store): a request fuses at most this many. */
export const MAX_FUSED_SCENES = 50;
/** Scenes taken this long before or after an event still show where the ship (or its absence) was. */
const EVENT_MARGIN_MS = 6 * 3_600_000;
/** A scene bears on an event when its footprint comes this close to the event or a port it names. */
const EVENT_PAD_KM = 30;
const KM_PER_DEG = 111.195;

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
const sceneJson = (s: Scene) => ({ scene_id: s.scene_id, time: iso(s.timeMs), sensor: s.sensor, bbox: s.bbox });

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

function inBox(s: Scene, b: BBox): boolean {
  const { minLon, minLat, maxLon, maxLat } = b;
  const lonOk = minLon <= maxLon ? s.bbox.lon_max >= minLon && s.bbox.lon_min <= maxLon : s.bbox.lon_max >= minLon || s.bbox.lon_min <= maxLon;
  return lonOk && s.bbox.lat_max >= minLat && s.bbox.lat_min <= maxLat;
}

async function scenesIn(store: Store, f: { fromMs?: number; toMs?: number; bbox?: BBox }): Promise<Scene[]> {
  if (!(await tableExists(store, 'imagery_scenes'))) return [];
  return (await readScenes(store)).filter((s) => (f.fromMs === undefined || s.timeMs >= f.fromMs) && (f.toMs === undefined || s.timeMs <= f.toMs) && (!f.bbox || inBox(s, f.bbox)));
}

/** Fuses each scene and labels every MMSI named (assigned, candidate or missed). */
async function fused(store: Store, scenes: readonly Scene[]) {
  const out = [];
  for (const s of scenes) out.push(...(await fuseStored(store, { sceneId: s.scene_id })));
  const mmsis = out.flatMap((f) => [...f.fusion.detections.flatMap((d) => [d.mmsi ?? 0, ...d.candidates.map((c) => c.mmsi)]), ...f.fusion.missed.map((m) => m.mmsi)]);
  const labels = await vesselLabels(store, mmsis);
  return out.map((f) => {
    const { detections, matched, dark, unexplained_not_dark } = sceneSummary(f.scene, f.fusion.detections, f.fusion.missed) as Record<string, number>;
    return {
      ...sceneJson(f.scene), counts: { detections, matched, dark, unexplained_not_dark, missed: f.fusion.missed.length },
      missed: f.fusion.missed.map((m) => ({ mmsi: m.mmsi, lat: m.lat, lon: m.lon, sigma_m: m.sigma_m, vessel: labels.get(m.mmsi) })),
      detections: f.fusion.detections.map((d) => ({
        ...detectionRecord(d), vessel: d.mmsi === null ? null : labels.get(d.mmsi),
        candidates: d.candidates.map((c) => ({ ...c, vessel: labels.get(c.mmsi) })),
      })),
    };
  });
}

/** Points an event is about: its position and the ports it names (inferred port, candidates). */
function eventPoints(e: TumenEvent): Array<{ lat: number; lon: number }> {
  const ports = new Map(allPorts().map((p) => [p.id, p]));
  const pts = [{ lat: e.lat, lon: e.lon }];
  const named = [e.port, ...((e as { candidates?: Array<{ id: string }> }).candidates ?? [])];
  for (const p of named) { const k = p ? ports.get(p.id) : undefined; if (k) pts.push({ lat: k.lat, lon: k.lon }); }
  const ev = e.evidence as Record<string, unknown>;
  if (typeof ev.end_lat === 'number' && typeof ev.end_lon === 'number') pts.push({ lat: ev.end_lat, lon: ev.end_lon });
  return pts;
}

function nearScene(s: Scene, p: { lat: number; lon: number }, km: number): boolean {
  const dLat = km / KM_PER_DEG, dLon = km / (KM_PER_DEG * Math.max(0.1, Math.cos((p.lat * Math.PI) / 180)));
  return p.lat >= s.bbox.lat_min - dLat && p.lat <= s.bbox.lat_max + dLat && p.lon >= s.bbox.lon_min - dLon && p.lon <= s.bbox.lon_max + dLon;
}

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
    const out = await fused(ctx.store, scenes);
    return c.json({ scenes: out.map(({ detections: _, ...s }) => s), detections: out.flatMap((s) => s.detections) });
  });

  mount(app, IMAGERY_ROUTES.event, async (c, { params: { id } }) => {
    const e = await getEvent(ctx.store, id);
    if (!e) throw notFound(`no event "${id}"`);
    const startMs = Date.parse(e.start), endMs = e.end === null ? startMs : Date.parse(e.end);
    const pts = eventPoints(e);
    const scenes = (await scenesIn(ctx.store, { fromMs: startMs - EVENT_MARGIN_MS, toMs: endMs + EVENT_MARGIN_MS }))
      .filter((s) => pts.some((p) => nearScene(s, p, EVENT_PAD_KM))).slice(0, MAX_FUSED_SCENES);
    const out = await fused(ctx.store, scenes);
    return c.json({ event_id: e.id, scenes: out });
  });

  return app;
}
