// The OpenAPI document and the server cannot drift: every route the server mounts is in the document and
// every documented operation is mounted; every documented parameter is validated by the server (a value
// its schema forbids is a 400 naming it), and a request the document allows is never a 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { Store } from '../../src/store/db.js';
import { createApp } from '../../src/server/app.js';
import { EventHub, Hub } from '../../src/server/event-hub.js';
import { OPENAPI } from '../../src/server/openapi.js';
import { ANGARA, fillStore } from './fixture-store.js';

const TOKEN = 'drift-token-0123456789abcdef';
let store: Store;
let app: Hono;

type Param = { name: string; in: 'query' | 'path'; required: boolean; schema: Record<string, unknown> };
type Operation = { parameters?: Param[]; requestBody?: { content: Record<string, { schema: Record<string, unknown> }> }; security?: unknown };
const operations = Object.entries(OPENAPI.paths as Record<string, Record<string, Operation>>)
  .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));

/** A valid value for a path parameter, so that the request reaches the parameter under test. */
const GOOD_PATH: Record<string, string> = { mmsi: String(ANGARA), id: 'no-such-id', format: 'csv' };

/** A value the parameter's schema forbids, or null when it forbids nothing a URL can carry. */
function forbidden(schema: Record<string, unknown>): string | null {
  if (Array.isArray(schema.enum)) return 'not-a-listed-value';
  if (schema.type === 'integer' || schema.type === 'number') return 'abc';
  if (typeof schema.pattern === 'string') {
    for (const v of ['<>', 'a b c', '..', 'x'.repeat(300)]) if (!new RegExp(schema.pattern).test(v)) return v;
  }
  if (typeof schema.maxLength === 'number') return 'x'.repeat(schema.maxLength + 1);
  return null;
}

function url(path: string, query: Record<string, string> = {}, pathValues: Record<string, string> = {}): string {
  const p = path.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(pathValues[n] ?? GOOD_PATH[n]));
  const qs = new URLSearchParams(query).toString();
  return qs ? `${p}?${qs}` : p;
}

const request = (method: string, target: string, body?: string) => app.request(target, {
  method, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, ...(body !== undefined ? { body } : {}),
});

beforeAll(async () => {
  store = await Store.open(':memory:');
  await fillStore(store);
  app = createApp({
    store, writeStore: store, live: null, alerts: null, alertHub: new Hub(), token: TOKEN, hub: new EventHub(), webRoot: null, corsOrigin: null, cacheEntries: 0, maxStreams: 10,
  });
});

afterAll(() => store?.close());

describe('OpenAPI document = mounted routes', () => {
  it('every /api route the server mounts is documented, and every documented operation is mounted', () => {
    const mounted = new Set(app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`));
    const documented = new Set(operations.map((o) => `${o.method} ${o.path}`));
    expect([...mounted].filter((r) => !documented.has(r)), 'mounted but not documented').toEqual([]);
    expect([...documented].filter((r) => !mounted.has(r)), 'documented but not mounted').toEqual([]);
    expect(documented.size).toBeGreaterThanOrEqual(29);
  });

  it('documents the query parameters of the main routes, with their bounds', () => {
    const params = (path: string, method = 'GET') => operations.find((o) => o.path === path && o.method === method)?.op.parameters ?? [];
    expect(params('/api/events').map((p) => p.name)).toEqual(['type', 'from', 'to', 'bbox', 'mmsi', 'port', 'risk', 'all_visits', 'limit', 'cursor']);
    expect(params('/api/events').find((p) => p.name === 'limit')?.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 5000 });
    expect(params('/api/vessels/{mmsi}/track').map((p) => `${p.in}:${p.name}`)).toEqual(['path:mmsi', 'query:from', 'query:to', 'query:bbox', 'query:maxPoints']);
    expect(params('/api/lists', 'POST').find((p) => p.name === 'format')?.schema.enum).toEqual(['ofac', 'ofac-xml', 'un', 'opensanctions', 'csv']);
    const body = operations.find((o) => o.path === '/api/screen' && o.method === 'POST')?.op.requestBody?.content['application/json'].schema;
    expect(JSON.stringify(body)).toContain('"callsign"');
  });
});

describe('every documented parameter is validated by the server', () => {
  const cases = operations.flatMap(({ path, method, op }) => (op.parameters ?? []).flatMap((p) => {
    const bad = forbidden(p.schema);
    return bad === null ? [] : [{ path, method, name: p.name, where: p.in, bad }];
  }));

  it('has cases for most parameters', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases.map((c) => [`${c.method} ${c.path} ${c.where}:${c.name}=${c.bad.slice(0, 20)}`, c] as const))('%s is a 400 naming it', async (_, c) => {
    const target = c.where === 'path' ? url(c.path, {}, { [c.name]: c.bad }) : url(c.path, { [c.name]: c.bad });
    const res = await request(c.method, target, c.method === 'GET' || c.method === 'DELETE' ? undefined : '{}');
    const text = await res.text();
    expect(res.status, text).toBe(400);
    expect(JSON.parse(text).error.message).toContain(c.name === 'format' && c.where === 'path' ? 'format' : c.name);
  });
});

describe('a request the document allows is not refused', () => {
  // Streams never end; GET /api/screen needs one of its four optional parameters (said in its summary),
  // GET /api/report and GET /api/observations/coincident one of event and vessel/mmsi.
  const gets = operations.filter((o) => o.method === 'GET' && !o.path.endsWith('/stream') && o.path !== '/api/screen' && o.path !== '/api/report'
    && o.path !== '/api/observations/coincident'
    && !(o.op.parameters ?? []).some((p) => p.required && p.in === 'query'));
  it.each(gets.map((o) => [o.path, o] as const))('GET %s with only its path parameters', async (_, o) => {
    const res = await request('GET', url(o.path));
    expect([200, 404], `${o.path}: ${res.status} ${await res.clone().text()}`).toContain(res.status);
  });

  it('a batch screening body as documented is accepted; one the schema forbids is a 400 naming the field', async () => {
    const ok = await request('POST', '/api/screen', JSON.stringify({ vessels: [{ imo: '9179842' }, { name: 'ANGARA' }] }));
    expect(ok.status).not.toBe(400);
    const bad = await request('POST', '/api/screen', JSON.stringify({ vessels: [{ mmsi: '12' }] }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/vessels\[0\]\.mmsi must be 9 digits/);
  });
});
