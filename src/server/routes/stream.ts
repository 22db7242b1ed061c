// GET /api/events/stream — Server-Sent Events: one `event: tumen-event` message per new event,
// filtered like /api/events by type and mmsi; a comment heartbeat every 15 s keeps proxies open.
import { Hono } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { TumenEvent } from '../../events/schema.js';
import type { ServerContext } from '../context.js';
import { z } from 'zod';
import { apiRoute, ERROR_RESPONSE, mount } from '../schema.js';
import { EVENT_FILTERS } from '../schemas.js';
import { httpError } from '../errors.js';

const HEARTBEAT_MS = 15_000;

export const STREAM_ROUTE = apiRoute({
  method: 'get', path: '/api/events/stream', summary: 'Server-Sent Events: `event: tumen-event`, data = Event JSON',
  query: z.object({ type: EVENT_FILTERS.type, mmsi: EVENT_FILTERS.mmsi }),
  responses: { 200: { description: 'text/event-stream' }, 503: ERROR_RESPONSE },
});

export function streamRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  let streams = 0;
  mount(app, STREAM_ROUTE, (c, { query: { type: types, mmsi } }) => {
    if (streams >= ctx.maxStreams) {
      throw httpError(503, `too many event streams open (${ctx.maxStreams}); retry later`, { 'retry-after': '30' });
    }
    streams++;
    const wanted = (e: TumenEvent): boolean =>
      (!types || types.includes(e.type)) && (mmsi === undefined || e.mmsi === mmsi || e.other_mmsi === mmsi);
    return streamSSE(c, async (stream) => {
      try {
        await follow(stream);
      } finally {
        streams--;
      }
    });
    async function follow(stream: SSEStreamingApi): Promise<void> {
      const queue: TumenEvent[] = [];
      let wake: (() => void) | null = null;
      const unsubscribe = ctx.hub.subscribe((e) => {
        if (!wanted(e)) return;
        queue.push(e);
        wake?.();
      });
      let open = true;
      stream.onAbort(() => {
        open = false;
        unsubscribe();
        wake?.();
      });
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ subscribed: true }) });
      while (open) {
        while (queue.length) {
          const e = queue.shift()!;
          await stream.writeSSE({ event: 'tumen-event', id: e.id, data: JSON.stringify(e) });
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, HEARTBEAT_MS).unref();
        });
        wake = null;
        if (open && queue.length === 0) await stream.write(': keep-alive\n\n');
      }
      unsubscribe();
    }
  });
  return app;
}
