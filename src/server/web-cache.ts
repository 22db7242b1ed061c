// Caching of the web UI's files (app.js, MapLibre's worker, the land GeoJSON, the 1:10m coast tiles):
// `Cache-Control: no-cache` and a 304 when the browser's copy is current (its If-Modified-Since equals the
// file's Last-Modified, which serveStatic sets). A revisit then costs a round trip per file, not 4 MB of
// transfer, and Chromium can reuse the compiled code it keeps beside a cached script. no-cache, not a max-age:
// after `npm run build` the next load sees the new files. Without it the browser guessed a freshness from the
// file's age (a tenth of it) and the server ignored its revalidations.
import type { MiddlewareHandler } from 'hono';

export function webCache(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const modified = res.headers.get('Last-Modified');
    if (res.status !== 200 || !modified) return;
    res.headers.set('Cache-Control', 'no-cache');
    const since = c.req.header('If-Modified-Since');
    if (since === undefined || Date.parse(since) < Date.parse(modified)) return;
    await res.body?.cancel(); // the file's read stream, not started yet
    const headers = new Headers(res.headers);
    for (const h of ['Content-Length', 'Content-Type', 'Content-Encoding']) headers.delete(h);
    c.res = new Response(null, { status: 304, headers });
  };
}
