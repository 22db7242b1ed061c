// GET /api/ports: the ports the detectors know (curated ports of interest, then the World Port Index), for
// the map's labels and the port filters. Static reference data: computed once, cached by the browser.
import { Hono } from 'hono';
import type { ServerContext } from '../context.js';
import { allPorts } from '../../reference/wpi.js';
import { apiRoute, jsonResponse, mount } from '../schema.js';

export const PORTS_ROUTE = apiRoute({
  method: 'get', path: '/api/ports', summary: 'ports of interest and World Port Index ports (map labels)', responses: { 200: jsonResponse('ports') },
});

let body: string | null = null;

function portsJson(): string {
  body ??= JSON.stringify({
    source: 'Tumen ports of interest (curated, with sources) + NGA World Port Index Pub 150',
    ports: allPorts().map((p) => ({ id: p.id, name: p.name, country: p.country, lat: p.lat, lon: p.lon, size: p.size, role: p.role ?? null })),
  });
  return body;
}

export function portRoutes(_ctx: ServerContext): Hono {
  const app = new Hono();
  mount(app, PORTS_ROUTE, (c) => c.body(portsJson(), 200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'max-age=86400' }));
  return app;
}
