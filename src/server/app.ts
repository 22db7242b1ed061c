// The HTTP application: every route, one error handler, optional CORS, the web UI as static files.
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { serveStatic } from '@hono/node-server/serve-static';
import type { ServerContext } from './context.js';
import { onError, onNotFound } from './errors.js';
import { OPENAPI } from './openapi.js';
import { responseCache } from './response-cache.js';
import { securityHeaders } from './security.js';
import { webCache } from './web-cache.js';
import { healthRoutes } from './routes/health.js';
import { vesselRoutes } from './routes/vessels.js';
import { trackRoutes } from './routes/track.js';
import { streamRoutes } from './routes/stream.js';
import { exportRoutes } from './routes/exports.js';
import { eventContextRoutes } from './routes/event-context.js';
import { eventRoutes } from './routes/events.js';
import { screeningRoutes } from './routes/screening.js';
import { writeRoutes } from './routes/writes.js';
import { portRoutes } from './routes/ports.js';
import { alertRoutes } from './routes/alerts.js';
import { reportRoutes } from './routes/report.js';
import { fuelRoutes } from './routes/fuel.js';
import { siteRoutes } from './routes/sites.js';
import { imageryRoutes } from './routes/imagery.js';

export function createApp(ctx: ServerContext): Hono {
  const app = new Hono();
  app.onError(onError);
  app.notFound(onNotFound);
  app.use('*', securityHeaders());
  if (ctx.corsOrigin) {
    app.use('/api/*', cors({ origin: ctx.corsOrigin, allowHeaders: ['Authorization', 'Content-Type'], allowMethods: ['GET', 'POST', 'PUT', 'DELETE'] }));
  }
  app.get('/openapi.json', (c) => c.json(OPENAPI));
  const cache = responseCache(ctx.cacheEntries);
  app.use('/api/events', cache);
  app.use('/api/vessels/:mmsi/track', cache);
  // Order matters: fixed paths (stream, export) before /api/events/:id.
  for (const routes of [healthRoutes, vesselRoutes, trackRoutes, streamRoutes, exportRoutes, eventContextRoutes, eventRoutes, screeningRoutes, writeRoutes, portRoutes, alertRoutes, reportRoutes, fuelRoutes, siteRoutes, imageryRoutes]) {
    app.route('/', routes(ctx));
  }
  if (ctx.webRoot) {
    const root = ctx.webRoot;
    app.use('/*', webCache(), serveStatic({ root }));
    app.get('/', serveStatic({ root, path: 'index.html' }));
  }
  return app;
}
