// The OpenAPI 3.1 description of the API. Query parameters of routes validated by a zod schema come from
// that schema (src/server/schemas.ts); the rest is written by hand next to the routes it describes.
import { queryParameters } from './schema.js';
import { VESSEL_SEARCH_QUERY } from './schemas.js';
import { EVENT_TYPES } from '../events/types.js';

const q = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }) => ({ name, in: 'query', description, schema });
const mmsiPath = { name: 'mmsi', in: 'path', required: true, description: 'Maritime Mobile Service Identity (1–9 digits)', schema: { type: 'integer' } };
const time = (name: string) => q(name, `${name === 'from' ? 'start' : 'end'} of the time window: ISO-8601 UTC or epoch ms`);
const bbox = q('bbox', 'minLon,minLat,maxLon,maxLat in degrees');
const json = (description: string, schema: Record<string, unknown> = { type: 'object' }) => ({ description, content: { 'application/json': { schema } } });
const err = { $ref: '#/components/responses/Error' };
const secured = [{ bearer: [] }];
const eventFilters = [
  q('type', 'comma-separated event types', { type: 'string', example: 'gap,dark_port_call' }),
  time('from'), time('to'), bbox,
  q('mmsi', 'events of this vessel (as subject or partner)', { type: 'integer' }),
  q('port', 'port id (event port or dark-call candidate), e.g. KPNJN'),
  q('risk', 'only vessels at least this risk level', { type: 'string', enum: ['low', 'medium', 'high', 'sanctioned'] }),
];

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Tumen API',
    version: '0.1.0',
    description: 'AIS tracks, dark-activity events, sanctions screening and risk for investigators and compliance systems. Reads are open; writes need `Authorization: Bearer <token>`.',
    license: { name: 'Apache-2.0' },
  },
  servers: [{ url: '/' }],
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    responses: { Error: json('error', { type: 'object', properties: { error: { type: 'object', properties: { status: { type: 'integer' }, message: { type: 'string' } } } } }) },
    schemas: {
      Event: {
        type: 'object',
        required: ['id', 'type', 'mmsi', 'start', 'end', 'lat', 'lon', 'evidence'],
        properties: {
          id: { type: 'string' }, type: { type: 'string', enum: [...EVENT_TYPES] },
          mmsi: { type: 'integer' }, start: { type: 'string', format: 'date-time' }, end: { type: ['string', 'null'], format: 'date-time' },
          lat: { type: 'number' }, lon: { type: 'number' }, evidence: { type: 'object' }, other_mmsi: { type: 'integer' },
          port: { type: 'object' }, candidates: { type: 'array', items: { type: 'object' } },
          vessel: { $ref: '#/components/schemas/VesselLabel' }, other_vessel: { $ref: '#/components/schemas/VesselLabel' },
        },
      },
      VesselLabel: {
        type: 'object',
        description: 'who a vessel is: latest name, IMO, call sign and ship type from its static reports, flag from its MMSI',
        properties: {
          mmsi: { type: 'integer' }, name: { type: ['string', 'null'] }, imo: { type: ['string', 'null'] }, callsign: { type: ['string', 'null'] },
          flag: { type: ['string', 'null'] }, shiptype: { type: ['string', 'null'] },
        },
      },
      Track: {
        type: 'object',
        properties: {
          mmsi: { type: 'integer' }, total_points: { type: 'integer' }, simplified: { type: 'boolean' },
          time_ms: { type: 'array', items: { type: 'number' } }, lon: { type: 'array', items: { type: 'number' } }, lat: { type: 'array', items: { type: 'number' } },
          speed_kn: { type: 'array', items: { type: ['number', 'null'] } }, course_deg: { type: 'array', items: { type: ['number', 'null'] } },
          gaps: { type: 'array', items: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 } }, gap_h: { type: 'number' },
        },
      },
    },
  },
  paths: {
    '/api/health': { get: { summary: 'liveness and configuration', responses: { 200: json('ok') } } },
    '/api/stats': { get: { summary: 'counts of positions, vessels and events by type', responses: { 200: json('stats') } } },
    '/api/risk': { get: { summary: 'risk level and score of up to 200 vessels', parameters: [q('mmsi', 'comma-separated MMSIs')], responses: { 200: json('risk by MMSI'), 400: err } } },
    '/api/ports': { get: { summary: 'ports of interest and World Port Index ports (map labels)', responses: { 200: json('ports') } } },
    '/api/stats/store': { get: { summary: 'what `tumen stats --json` prints: messages, sources, rejects by reason, ingest log', responses: { 200: json('store stats') } } },
    '/api/dossier': { get: { summary: 'a ship\'s dossier by MMSI, IMO, name, former name or call sign: every MMSI it used, identities, lists screened against (versions), events with partners\' names, risk', parameters: [q('q', 'MMSI, IMO, name or call sign')], responses: { 200: json('dossier'), 400: err, 404: err } } },
    '/api/vessels': { get: { summary: 'search vessels by name, IMO, MMSI or call sign (with risk level)', parameters: queryParameters(VESSEL_SEARCH_QUERY), responses: { 200: json('matches'), 400: err } } },
    '/api/vessels/{mmsi}': { get: { summary: 'vessel detail: identity history, activity, list matches, risk breakdown', parameters: [mmsiPath], responses: { 200: json('vessel'), 400: err, 404: err } } },
    '/api/vessels/{mmsi}/track': {
      get: {
        summary: 'track, columnar, simplified to a point budget (gap endpoints always kept)',
        parameters: [mmsiPath, time('from'), time('to'), bbox, q('maxPoints', '2–2000000, default 5000', { type: 'integer' })],
        responses: { 200: json('track', { $ref: '#/components/schemas/Track' }), 400: err },
      },
    },
    '/api/vessels/{mmsi}/export/{format}': {
      get: { summary: 'download track + events as geojson, kml or csv (track only)', parameters: [mmsiPath, { name: 'format', in: 'path', required: true, schema: { enum: ['geojson', 'kml', 'csv'] } }, time('from'), time('to')], responses: { 200: { description: 'file' }, 400: err } },
    },
    '/api/events': {
      get: {
        summary: 'events, newest first, keyset-paginated',
        parameters: [...eventFilters, q('limit', '1–5000, default 100', { type: 'integer' }), q('cursor', 'next_cursor of the previous page')],
        responses: { 200: json('page', { type: 'object', properties: { count: { type: 'integer' }, events: { type: 'array', items: { $ref: '#/components/schemas/Event' } }, next_cursor: { type: ['string', 'null'] } } }), 400: err },
      },
    },
    '/api/events/{id}': { get: { summary: 'one event', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: json('event', { $ref: '#/components/schemas/Event' }), 404: err } } },
    '/api/events/{id}/context': { get: { summary: 'GeoJSON to show an event: gap line, tracks, port, candidate ports', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: json('FeatureCollection'), 404: err } } },
    '/api/events/export/{format}': { get: { summary: 'download an event selection as geojson, kml or csv', parameters: [{ name: 'format', in: 'path', required: true, schema: { enum: ['geojson', 'kml', 'csv'] } }, ...eventFilters], responses: { 200: { description: 'file' }, 400: err } } },
    '/api/events/stream': { get: { summary: 'Server-Sent Events: `event: tumen-event`, data = Event JSON', parameters: [eventFilters[0], eventFilters[4]], responses: { 200: { description: 'text/event-stream' } } } },
    '/api/screen': {
      get: { summary: 'screen one vessel against the loaded lists', parameters: [q('imo', '7 digits'), q('mmsi', '9 digits'), q('name', 'ship name'), q('callsign', 'call sign')], responses: { 200: json('screening result'), 400: err } },
      post: { summary: 'screen a batch', requestBody: json('{"vessels": [{"imo": "9131010"}, {"name": "CHON MA SAN"}]}'), responses: { 200: json('results'), 400: err } },
    },
    '/api/lists': {
      get: { summary: 'loaded sanctions lists with versions', responses: { 200: json('lists') } },
      post: { summary: 'import a list file (raw body or multipart field "file")', security: secured, parameters: [q('format', 'ofac | ofac-xml | un | opensanctions | csv')], responses: { 201: json('import summary'), 400: err, 401: err, 403: err } },
    },
    '/api/ingest': { post: { summary: 'upload an AIS file (NMEA or CSV) to ingest; new events go to SSE subscribers', security: secured, parameters: [q('filename', 'name, used to guess the format'), q('format', 'force a format')], responses: { 201: json('ingest summary'), 400: err, 401: err, 403: err } } },
    '/api/detections': { get: { summary: 'satellite detections fused with AIS: per detection mmsi|null, confidence, dark, ranked candidates {mmsi, score, why}; per scene counts and the AIS vessels expected in the footprint but not detected', parameters: [q('scene', 'one scene id')], responses: { 200: json('{"scenes": [...], "detections": [...]}'), 400: err, 404: err } } },
    '/api/fuel': { get: { summary: 'fuel-cap monitor (UNSCR 2397): tanker deliveries to the DPRK with low/central/high barrels, yearly totals and running sums vs the 500,000 bbl cap', parameters: [q('year', 'calendar year', { type: 'integer' })], responses: { 200: json('{"deliveries": [...], "years": [...]}'), 400: err } } },
    '/api/sites': { get: { summary: 'watched sites (rail yards, piers, berths, border crossings) with sources', responses: { 200: json('{"sites": [...]}') } } },
    '/api/sites/{id}/series': { get: { summary: "a site's observations in time order with change flags", parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: json('{"site", "series"}'), 404: err } } },
    '/api/sites/{id}/observations': { post: { summary: 'add an observation (counts by category, image_ref, analyst, note); kept in the edit history', security: secured, parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], requestBody: json('{"time": "2024-08-01T03:00:00Z", "counts": {"rail_cars": 30}, "analyst": "ana", "image_ref": "…"}'), responses: { 200: json('unchanged'), 201: json('created'), 400: err, 401: err, 403: err } } },
    '/api/observations/{id}': { put: { summary: 'edit an observation (who: "analyst" or X-Analyst); before/after kept', security: secured, parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], requestBody: json('observation'), responses: { 200: json('updated'), 400: err, 401: err, 403: err, 404: err } } },
    '/api/observations/{id}/history': { get: { summary: 'every edit of an observation: edited_at, editor, action, before, after', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: json('{"id", "edits": [...]}') } } },
    '/api/watchlist': { get: { summary: 'watched vessels', responses: { 200: json('watchlist') } } },
    '/api/watchlist/{mmsi}': {
      put: { summary: 'watch a vessel', security: secured, parameters: [mmsiPath], requestBody: json('{"note": "…"}'), responses: { 200: json('entry'), 400: err, 401: err, 403: err } },
      delete: { summary: 'stop watching', security: secured, parameters: [mmsiPath], responses: { 204: { description: 'removed' }, 401: err, 403: err, 404: err } },
    },
  },
} as const;
