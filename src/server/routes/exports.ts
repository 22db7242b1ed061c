// Downloads: a vessel (track + its events) or an event selection as GeoJSON, KML or CSV.
import { Hono, type Context } from 'hono';
import { eventFeature, featureCollection, trackFeatures } from '../../io/geojson.js';
import { toKml } from '../../io/kml.js';
import { eventsToCsv, trackToCsv } from '../../report/csv.js';
import type { ServerContext } from '../context.js';
import { labelEvents, vesselLabels, vesselText } from '../../store/vessel-labels.js';
import { z } from 'zod';
import { eventQueryOf, queryEvents } from './events.js';
import { readTrack, trackQueryOf } from './track.js';
import { apiRoute, mount } from '../schema.js';
import { EVENT_QUERY, EXPORT_FORMAT, MMSI_PATH, TRACK_QUERY } from '../schemas.js';

type Format = z.output<typeof EXPORT_FORMAT>;
const MIME: Record<Format, string> = {
  geojson: 'application/geo+json; charset=utf-8',
  kml: 'application/vnd.google-earth.kml+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

function download(c: Context, body: string, fmt: Format, filename: string): Response {
  return c.body(body, 200, { 'content-type': MIME[fmt], 'content-disposition': `attachment; filename="${filename}.${fmt}"` });
}

const FILE = { 200: { description: 'file' } };

export const EXPORT_ROUTES = {
  vessel: apiRoute({
    method: 'get', path: '/api/vessels/{mmsi}/export/{format}', summary: 'download track + events as geojson, kml or csv (track only)',
    params: MMSI_PATH.extend({ format: EXPORT_FORMAT }), query: TRACK_QUERY, responses: FILE,
  }),
  events: apiRoute({
    method: 'get', path: '/api/events/export/{format}', summary: 'download an event selection as geojson, kml or csv',
    params: z.object({ format: EXPORT_FORMAT }), query: EVENT_QUERY, responses: FILE,
  }),
};

export function exportRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  mount(app, EXPORT_ROUTES.vessel, async (c, { params: { mmsi, format: fmt }, query }) => {
    const q = trackQueryOf(mmsi, query);
    const track = await readTrack(ctx.store, { ...q, maxPoints: q.maxPoints === 5000 ? 2_000_000 : q.maxPoints });
    const events = await labelEvents(ctx.store, (await queryEvents(ctx.store, { mmsi, fromMs: q.fromMs, toMs: q.toMs, limit: 5000 })).events);
    const name = `tumen-vessel-${mmsi}`;
    if (fmt === 'csv') return download(c, trackToCsv(track), fmt, name);
    const fc = featureCollection([...trackFeatures(track), ...events.map(eventFeature)]);
    const label = (await vesselLabels(ctx.store, [mmsi])).get(mmsi);
    return download(c, fmt === 'kml' ? toKml(fc, `Tumen: ${vesselText(label, mmsi)}`) : JSON.stringify(fc), fmt, name);
  });

  mount(app, EXPORT_ROUTES.events, async (c, { params: { format: fmt }, query }) => {
    const q = eventQueryOf(query);
    const events = await labelEvents(ctx.store, (await queryEvents(ctx.store, { ...q, limit: c.req.query('limit') ? q.limit : 5000 })).events);
    if (fmt === 'csv') return download(c, eventsToCsv(events), fmt, 'tumen-events');
    const fc = featureCollection(events.map(eventFeature));
    return download(c, fmt === 'kml' ? toKml(fc, 'Tumen: events') : JSON.stringify(fc), fmt, 'tumen-events');
  });

  return app;
}
