// Parameter schemas shared by the routes (zod): they validate requests and describe them in the OpenAPI
// document (src/server/schema.ts). Values read by the parsers of validate.ts keep those parsers' messages.
import { z } from 'zod';
import { EVENT_TYPES } from '../events/types.js';
import { RISK_LEVELS } from './integrations.js';
import { boundedInt, parsedBy } from './schema.js';
import { enumList, intParam, optionalBbox, optionalMmsi, optionalTimeMs, parseMmsi } from './validate.js';

/** An MMSI has 9 digits and an IMO 7: a longer number can name no vessel. */
const MAX_DIGITS_IN_SEARCH = 9;

/** Optional text of a query string, described for OpenAPI by `meta` (its JSON Schema keywords). */
const text = (meta: Record<string, unknown>) => z.string().optional().meta(meta);

export const mmsiValue = (name = 'mmsi') => parsedBy(
  z.string().meta({ type: 'integer', minimum: 1, maximum: 999_999_999, description: 'Maritime Mobile Service Identity (1–9 digits)' }),
  (raw) => parseMmsi(raw, name),
);
export const MMSI_PATH = z.object({ mmsi: mmsiValue() });

/** A path segment naming a stored thing (event, site, observation, scene): bounded, no slashes. */
export const idValue = (what: string) => z.string().min(1).max(200).regex(/^[^/]+$/).describe(what);

export const timeValue = (name: 'from' | 'to') => parsedBy(
  text({ type: 'string', description: `${name === 'from' ? 'start' : 'end'} of the time window: ISO-8601 (UTC unless it says) or epoch ms`, example: '2024-03-01T00:00:00Z' }),
  (raw) => optionalTimeMs(raw, name),
);
export const bboxValue = () => parsedBy(text({ type: 'string', description: 'minLon,minLat,maxLon,maxLat in degrees (WGS 84)', example: '129,41,133,43.5' }), optionalBbox);

export const VESSEL_SEARCH_QUERY = z.object({
  q: z.string().max(200).trim()
    .refine((s) => !new RegExp(`^\\d{${MAX_DIGITS_IN_SEARCH + 1},}$`).test(s), `a number of more than ${MAX_DIGITS_IN_SEARCH} digits is neither an MMSI nor an IMO`)
    .default('')
    .describe('search text: name or call sign (substring), IMO or MMSI (exact)'),
  limit: boundedInt(1, 1000, 50, 'most vessels returned'),
});

const PORT_ID = /^[\w.:-]{1,64}$/;

/** Filters of /api/events, its exports and (type, mmsi) its stream. */
export const EVENT_FILTERS = {
  type: parsedBy(
    text({ type: 'string', description: `comma-separated event types: ${EVENT_TYPES.join(', ')}`, example: 'gap,dark_port_call' }),
    (raw) => enumList(raw, 'type', EVENT_TYPES),
  ),
  from: timeValue('from'),
  to: timeValue('to'),
  bbox: bboxValue(),
  mmsi: parsedBy(text({ type: 'integer', minimum: 1, maximum: 999_999_999, description: 'events of this vessel (as subject or partner)' }), (raw) => optionalMmsi(raw)),
  port: z.string().trim().regex(PORT_ID, 'port must be a port id such as KP-RAJIN').optional()
    .describe('port id (event port or dark-call candidate), e.g. KPNJN'),
  risk: parsedBy(
    text({ type: 'string', enum: [...RISK_LEVELS], description: 'only vessels at least this risk level' }),
    (raw) => enumList(raw, 'risk', RISK_LEVELS)?.[0],
  ),
  all_visits: z.enum(['0', '1', 'true', 'false']).optional()
    .describe('1: also port visits of confidence 1 (a single position), hidden by default'),
};

export const EVENT_PAGE = {
  limit: parsedBy(
    text({ type: 'integer', minimum: 1, maximum: 5000, default: 100, description: 'events per page' }),
    (raw) => intParam(raw, 'limit', { min: 1, max: 5000, fallback: 100 }),
  ),
  cursor: z.string().max(400).optional().describe('next_cursor of the previous page'),
};

export const EVENT_QUERY = z.object({ ...EVENT_FILTERS, ...EVENT_PAGE });

export const TRACK_QUERY = z.object({
  from: timeValue('from'),
  to: timeValue('to'),
  bbox: bboxValue(),
  maxPoints: parsedBy(
    text({ type: 'integer', minimum: 2, maximum: 2_000_000, default: 5000, description: 'point budget of the simplified track' }),
    (raw) => intParam(raw, 'maxPoints', { min: 2, max: 2_000_000, fallback: 5000 }),
  ),
});

export const EXPORT_FORMAT = z.enum(['geojson', 'kml', 'csv'], { error: 'export format must be one of geojson, kml, csv' })
  .describe('file format');

export const REPORT_FORMATS = ['html', 'pdf', 'kmz'] as const;

export const REPORT_QUERY = z.object({
  vessel: z.string().trim().min(1).max(200).optional().describe('the ship: MMSI, IMO, name, former name or call sign (or give event)'),
  event: z.string().trim().min(1).max(200).optional().describe('one event id instead of a ship'),
  events: z.string().trim().max(2000).optional()
    .describe('an event selection instead: the query string of GET /api/events (type, port, risk, from, to, mmsi, bbox, all_visits) plus intentional=1, e.g. type=gap&intentional=1 (empty: all events); the newest 500 events'),
  from: timeValue('from'),
  to: timeValue('to'),
  format: z.enum(REPORT_FORMATS).default('html').describe('html (self-contained), pdf (printed by the server\'s headless Chromium) or kmz (Google Earth)'),
}).refine((q) => [q.vessel, q.event, q.events].filter((x) => x !== undefined).length === 1, { message: 'give one of vessel, event or events', path: ['vessel'] });
