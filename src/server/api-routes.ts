// Every API route declaration, in one list: the OpenAPI document is made from it, and a test checks that
// the server mounts exactly these routes (test/server/openapi-drift.test.ts).
import type { ApiRoute } from './schema.js';
import { HEALTH_ROUTES } from './routes/health.js';
import { VESSEL_ROUTES } from './routes/vessels.js';
import { TRACK_ROUTE } from './routes/track.js';
import { STREAM_ROUTE } from './routes/stream.js';
import { EXPORT_ROUTES } from './routes/exports.js';
import { EVENT_CONTEXT_ROUTE } from './routes/event-context.js';
import { EVENT_ROUTES } from './routes/events.js';
import { SCREENING_ROUTES } from './routes/screening.js';
import { WRITE_ROUTES } from './routes/writes.js';
import { PORTS_ROUTE } from './routes/ports.js';
import { ALERT_ROUTES } from './routes/alerts.js';
import { REPORT_ROUTE } from './routes/report.js';
import { FUEL_ROUTE } from './routes/fuel.js';
import { SITE_ROUTES } from './routes/sites.js';
import { IMAGERY_ROUTES } from './routes/imagery.js';

export const API_ROUTES: readonly ApiRoute[] = [
  ...Object.values(HEALTH_ROUTES), ...Object.values(VESSEL_ROUTES), TRACK_ROUTE, STREAM_ROUTE, ...Object.values(EXPORT_ROUTES),
  EVENT_CONTEXT_ROUTE, ...Object.values(EVENT_ROUTES), ...Object.values(SCREENING_ROUTES), ...Object.values(WRITE_ROUTES),
  PORTS_ROUTE, ...Object.values(ALERT_ROUTES), REPORT_ROUTE,
  FUEL_ROUTE, ...Object.values(SITE_ROUTES), ...Object.values(IMAGERY_ROUTES),
] as readonly ApiRoute[];
