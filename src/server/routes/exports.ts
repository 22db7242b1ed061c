// Downloads: a vessel (track + its events) or an event selection as GeoJSON, KML or CSV.
import { Hono, type Context } from 'hono';
import { eventFeature, featureCollection, trackFeatures } from '../../io/geojson.js';
import { toKml } from '../../io/kml.js';
import { eventsToCsv, trackToCsv } from '../../report/csv.js';
import type { ServerContext } from '../context.js';
import { badRequest } from '../errors.js';
import { labelEvents, vesselLabels, vesselText } from '../../store/vessel-labels.js';
import { parseEventQuery, queryEvents } from './events.js';
import { parseTrackQuery, readTrack } from './track.js';

const FORMATS = ['geojson', 'kml', 'csv'] as const;
type Format = (typeof FORMATS)[number];
const MIME: Record<Format, string> = {
  geojson: 'application/geo+json; charset=utf-8',
  kml: 'application/vnd.google-earth.kml+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

function format(raw: string): Format {
  if (!(FORMATS as readonly string[]).includes(raw)) throw badRequest(`export format must be one of ${FORMATS.join(', ')}`);
  return raw as Format;
}

function download(c: Context, body: string, fmt: Format, filename: string): Response {
  return c.body(body, 200, { 'content-type': MIME[fmt], 'content-disposition': `attachment; filename="${filename}.${fmt}"` });
}

export function exportRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  app.get('/api/vessels/:mmsi/export/:format', async (c) => {
    const fmt = format(c.req.param('format'));
    const q = parseTrackQuery(c.req.param('mmsi'), (k) => c.req.query(k));
    const track = await readTrack(ctx.store, { ...q, maxPoints: q.maxPoints === 5000 ? 2_000_000 : q.maxPoints });
    const events = await labelEvents(ctx.store, (await queryEvents(ctx.store, { mmsi: q.mmsi, fromMs: q.fromMs, toMs: q.toMs, limit: 5000 })).events);
    const name = `tumen-vessel-${q.mmsi}`;
    if (fmt === 'csv') return download(c, trackToCsv(track), fmt, name);
    const fc = featureCollection([...trackFeatures(track), ...events.map(eventFeature)]);
    const label = (await vesselLabels(ctx.store, [q.mmsi])).get(q.mmsi);
    return download(c, fmt === 'kml' ? toKml(fc, `Tumen: ${vesselText(label, q.mmsi)}`) : JSON.stringify(fc), fmt, name);
  });

  app.get('/api/events/export/:format', async (c) => {
    const fmt = format(c.req.param('format'));
    const q = parseEventQuery((k) => c.req.query(k));
    const events = await labelEvents(ctx.store, (await queryEvents(ctx.store, { ...q, limit: c.req.query('limit') ? q.limit : 5000 })).events);
    if (fmt === 'csv') return download(c, eventsToCsv(events), fmt, 'tumen-events');
    const fc = featureCollection(events.map(eventFeature));
    return download(c, fmt === 'kml' ? toKml(fc, 'Tumen: events') : JSON.stringify(fc), fmt, 'tumen-events');
  });

  return app;
}
