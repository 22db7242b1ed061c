// The OpenAPI 3.1 description of the API: every path, parameter and request body comes from the route
// declarations the server validates requests with (src/server/schema.ts); the shared components (Event,
// VesselLabel, Track, the error response) are written here.
import { jsonResponse, openApiPaths } from './schema.js';
import { API_ROUTES } from './api-routes.js';
import { EVENT_TYPES } from '../events/types.js';

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
    responses: { Error: jsonResponse('error', { type: 'object', properties: { error: { type: 'object', properties: { status: { type: 'integer' }, message: { type: 'string' } } } } }) },
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
  paths: openApiPaths(API_ROUTES),
};
