// GET /api/events/:id/context — what the map needs to show one event, as GeoJSON:
// gap → dashed line from the last position before to the first after; encounter → both tracks;
// port visit → its port; dark port call → its candidate ports; every event → the vessel's track around it.
import { Hono } from 'hono';
import { reachableRing } from '../../geo/reachable.js';
import { DARK_PORT_CALL_PARAMS } from '../../detectors/params.js';
import type { Store } from '../../store/db.js';
import type { TumenEvent } from '../../events/schema.js';
import { allPorts, type Port } from '../../reference/wpi.js';
import { eventFeature, featureCollection, trackFeatures, type Feature, type FeatureCollection } from '../../io/geojson.js';
import type { ServerContext } from '../context.js';
import { notFound } from '../errors.js';
import { tableExists } from '../sql-util.js';
import { getEvent } from './events.js';
import { readTrack } from './track.js';
import { z } from 'zod';
import { apiRoute, ERROR_RESPONSE, jsonResponse, mount } from '../schema.js';
import { idValue } from '../schemas.js';

/** Track shown around an event, each side (long enough to see the approach and the departure). */
const CONTEXT_MARGIN_MS = 6 * 3_600_000;
const CONTEXT_MAX_POINTS = 2000;

let portsById: Map<string, Port> | null = null;

/** A port as a point feature; where the event gives no position, the gazetteer's (ports of interest, then WPI). */
export function portFeature(p: { id: string; name: string; country: string; lat?: number; lon?: number }, kind: string, extra: Record<string, unknown> = {}): Feature | null {
  portsById ??= new Map(allPorts().map((x) => [x.id, x]));
  const known = portsById.get(p.id);
  const lat = typeof p.lat === 'number' ? p.lat : known?.lat;
  const lon = typeof p.lon === 'number' ? p.lon : known?.lon;
  if (lat === undefined || lon === undefined) return null;
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { kind, id: p.id, name: p.name, country: p.country, ...extra } };
}

async function positionAt(store: Store, mmsi: number, timeMs: number, dir: 'before' | 'after'): Promise<{ lat: number; lon: number; t: number } | undefined> {
  const sql = dir === 'before'
    ? 'SELECT lat, lon, epoch_ms(time)::DOUBLE AS t FROM positions WHERE mmsi = $mmsi::UINTEGER AND time <= epoch_ms($t::BIGINT) ORDER BY time DESC LIMIT 1'
    : 'SELECT lat, lon, epoch_ms(time)::DOUBLE AS t FROM positions WHERE mmsi = $mmsi::UINTEGER AND time >= epoch_ms($t::BIGINT) ORDER BY time LIMIT 1';
  return store.one(sql, { mmsi, t: timeMs });
}

export async function eventContext(store: Store, e: TumenEvent): Promise<FeatureCollection> {
  const startMs = Date.parse(e.start);
  const endMs = e.end ? Date.parse(e.end) : startMs;
  const features: Feature[] = [eventFeature(e)];
  const hasPositions = await tableExists(store, 'positions');
  const window = { fromMs: startMs - CONTEXT_MARGIN_MS, toMs: endMs + CONTEXT_MARGIN_MS, maxPoints: CONTEXT_MAX_POINTS };
  if (hasPositions) {
    const mmsis = e.other_mmsi ? [e.mmsi, e.other_mmsi] : [e.mmsi];
    for (const mmsi of mmsis) {
      const track = await readTrack(store, { mmsi, ...window });
      for (const f of trackFeatures(track)) {
        f.properties.role = mmsi === e.mmsi ? 'vessel' : 'partner';
        features.push(f);
      }
    }
  }
  if ((e.type === 'gap' || e.type === 'dark_port_call') && hasPositions) {
    const before = await positionAt(store, e.mmsi, startMs, 'before');
    const after = e.end ? await positionAt(store, e.mmsi, endMs, 'after') : undefined;
    const from = before ?? { lat: e.lat, lon: e.lon, t: startMs };
    if (after) {
      features.push({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: [[from.lon, from.lat], [after.lon, after.lat]] },
        properties: { kind: 'gap_line', mmsi: e.mmsi, start: new Date(from.t).toISOString(), end: new Date(after.t).toISOString(), open: false },
      });
    }
  }
  if (e.type === 'gap' || e.type === 'dark_port_call') {
    // Where it could have gone: the detector's own transit speed bound over the dark time.
    const ev = e.evidence as Record<string, unknown>;
    const endPt = typeof ev.end_lat === 'number' && typeof ev.end_lon === 'number' ? { lat: ev.end_lat, lon: ev.end_lon } : null;
    const hours = e.duration_h ?? (endMs - startMs) / 3_600_000;
    if (hours > 0) {
      features.push({
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: [reachableRing({ lat: e.lat, lon: e.lon }, e.end ? endPt : null, hours, DARK_PORT_CALL_PARAMS.maxTransitSpeedKn)] },
        properties: { kind: 'reachable', max_speed_kn: DARK_PORT_CALL_PARAMS.maxTransitSpeedKn, duration_h: Math.round(hours * 100) / 100 },
      });
    }
  }
  if (e.port) {
    const f = portFeature(e.port, 'port');
    if (f) features.push(f);
  }
  for (const c of e.candidates ?? []) {
    const { id, name, country, lat, lon, ...why } = c as typeof c & { lat?: number; lon?: number };
    const f = portFeature({ id, name, country, lat, lon }, 'candidate_port', why);
    if (f) features.push(f);
  }
  return featureCollection(features);
}

export const EVENT_CONTEXT_ROUTE = apiRoute({
  method: 'get', path: '/api/events/{id}/context', summary: 'GeoJSON to show an event: gap line, tracks, port, candidate ports',
  params: z.object({ id: idValue('event id') }), responses: { 200: jsonResponse('FeatureCollection'), 404: ERROR_RESPONSE },
});

export function eventContextRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  mount(app, EVENT_CONTEXT_ROUTE, async (c, { params: { id } }) => {
    const event = await getEvent(ctx.store, id);
    if (!event) throw notFound(`no event ${id}`);
    return c.json(await eventContext(ctx.store, event));
  });
  return app;
}
