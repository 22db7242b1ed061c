// GET /api/events/stream — Server-Sent Events: one `event: tumen-event` message per new event,
// filtered like /api/events by type and mmsi.
import { Hono } from 'hono';
import type { TumenEvent } from '../../events/schema.js';
import type { ServerContext } from '../context.js';
import { z } from 'zod';
import { apiRoute, ERROR_RESPONSE, mount } from '../schema.js';
import { EVENT_FILTERS } from '../schemas.js';
import { followHub, StreamSlots } from '../sse.js';

export const STREAM_ROUTE = apiRoute({
  method: 'get', path: '/api/events/stream', summary: 'Server-Sent Events: `event: tumen-event`, data = Event JSON',
  query: z.object({ type: EVENT_FILTERS.type, mmsi: EVENT_FILTERS.mmsi }),
  responses: { 200: { description: 'text/event-stream' }, 503: ERROR_RESPONSE },
});

export function streamRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  const slots = new StreamSlots(ctx.maxStreams);
  mount(app, STREAM_ROUTE, (c, { query: { type: types, mmsi } }) => {
    const wanted = (e: TumenEvent): boolean =>
      (!types || types.includes(e.type)) && (mmsi === undefined || e.mmsi === mmsi || e.other_mmsi === mmsi);
    return followHub(c, slots, ctx.hub, { event: 'tumen-event', wanted, id: (e) => e.id });
  });
  return app;
}
