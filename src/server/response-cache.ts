// A small LRU of read responses (events pages, tracks), keyed by the request URL. Safe because this
// process is the store's only writer (DuckDB locks the file): every write path — uploads, list imports,
// the live feed and live detection — bumps the store generation, which empties the cache.
import type { MiddlewareHandler } from 'hono';
import { currentGeneration } from './integrations.js';

export function responseCache(maxEntries: number): MiddlewareHandler {
  const entries = new Map<string, { generation: number; body: string; type: string }>();
  return async (c, next) => {
    if (maxEntries <= 0 || c.req.method !== 'GET') return next();
    const key = c.req.url;
    const generation = currentGeneration();
    const hit = entries.get(key);
    if (hit && hit.generation === generation) {
      entries.delete(key);
      entries.set(key, hit); // most recently used last
      return c.body(hit.body, 200, { 'content-type': hit.type, 'x-tumen-cache': 'hit' });
    }
    await next();
    if (c.res.status !== 200) return;
    const body = await c.res.clone().text();
    entries.set(key, { generation, body, type: c.res.headers.get('content-type') ?? 'application/json' });
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  };
}
