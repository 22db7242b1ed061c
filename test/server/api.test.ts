// The HTTP API against a real server on loopback (port 0) and a store the test fills itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/db.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { ANGARA, CHON_MA_SAN, EVENTS, GAP_FROM_MS, GAP_TO_MS, T0, angaraPositions, fillStore } from './fixture-store.js';

const TOKEN = 'test-token-0123456789abcdef';
let store: Store;
let server: RunningServer;
let readOnly: RunningServer;

const get = async (path: string, base = server.url) => {
  const res = await fetch(base + path);
  return { status: res.status, body: await res.json() as any };
};

beforeAll(async () => {
  store = await Store.open(':memory:');
  await fillStore(store);
  server = await startServer({ store, port: 0, token: TOKEN, webRoot: null });
  readOnly = await startServer({ store, port: 0, token: null, webRoot: null });
});

afterAll(async () => {
  await server?.close();
  await readOnly?.close();
  store?.close();
});

describe('read endpoints', () => {
  it('binds loopback and answers health', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { status, body } = await get('/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', writes: 'enabled' });
  });

  it('counts positions, vessels and events', async () => {
    const { body } = await get('/api/stats');
    expect(body.positions).toBe(angaraPositions().length + 24);
    expect(body.vessels).toBe(2);
    expect(body.events).toBe(3);
    expect(body.events_by_type).toEqual({ encounter: 1, gap: 1, port_visit: 1 });
  });

  it('finds vessels by name, IMO, MMSI and call sign', async () => {
    expect((await get('/api/vessels?q=angara')).body.vessels.map((v: any) => v.mmsi)).toEqual([ANGARA]);
    expect((await get('/api/vessels?q=8660313')).body.vessels[0]).toMatchObject({ mmsi: CHON_MA_SAN, shipname: 'CHON MA SAN', imo: '8660313', flag: 'KP' });
    expect((await get(`/api/vessels?q=${CHON_MA_SAN}`)).body.vessels[0].mmsi).toBe(CHON_MA_SAN);
    expect((await get('/api/vessels?q=UBCL5')).body.vessels[0].shipname).toBe('ANGARA');
    expect((await get('/api/vessels?q=nothing-like-this')).body.count).toBe(0);
    // LIKE wildcards in the query are literal text, not patterns.
    expect((await get('/api/vessels?q=%25')).body.count).toBe(0);
  });

  it('returns vessel detail with identity history', async () => {
    const { status, body } = await get(`/api/vessels/${CHON_MA_SAN}`);
    expect(status).toBe(200);
    expect(body.shipname).toBe('CHON MA SAN');
    expect(body.identities.filter((r: any) => r.field === 'shipname').map((r: any) => r.value)).toEqual(['CHONMASAN', 'CHON MA SAN']);
    expect(body.activity.positions).toBe(24);
    expect(body.event_counts).toEqual({ encounter: 1, port_visit: 1 });
    expect((await get('/api/vessels/123456789')).status).toBe(404);
  });

  it('returns the full track with the gap marked', async () => {
    const { body } = await get(`/api/vessels/${ANGARA}/track`);
    const n = angaraPositions().length;
    expect(body.total_points).toBe(n);
    expect(body.simplified).toBe(false);
    expect(body.time_ms.length).toBe(n);
    expect(body.gaps).toHaveLength(1);
    const [a, b] = body.gaps[0];
    expect(body.time_ms[a]).toBe(GAP_FROM_MS);
    expect(body.time_ms[b]).toBe(GAP_TO_MS);
    expect(body.lat[0]).toBeCloseTo(42.75, 6);
  });

  it('simplifies to the point budget and keeps the gap endpoints', async () => {
    const { body } = await get(`/api/vessels/${ANGARA}/track?maxPoints=20`);
    expect(body.simplified).toBe(true);
    expect(body.time_ms.length).toBeLessThanOrEqual(20);
    expect(body.time_ms.length).toBeGreaterThanOrEqual(10);
    expect(body.gaps).toHaveLength(1);
    expect(body.time_ms[body.gaps[0][0]]).toBe(GAP_FROM_MS);
    expect(body.time_ms[body.gaps[0][1]]).toBe(GAP_TO_MS);
    expect(body.time_ms.at(-1)).toBe(T0 + 24 * 3_600_000);
  });

  it('filters the track by time and bbox', async () => {
    const byTime = (await get(`/api/vessels/${ANGARA}/track?from=2024-03-01T18:00:00Z&to=2024-03-01T19:00:00Z`)).body;
    expect(byTime.time_ms).toEqual([0, 1, 2, 3, 4, 5, 6].map((k) => GAP_TO_MS + k * 600_000));
    const byBox = (await get(`/api/vessels/${ANGARA}/track?bbox=132.9,42.6,133.2,42.8`)).body;
    expect(byBox.total_points).toBeGreaterThan(0);
    expect(Math.min(...byBox.lon)).toBeGreaterThanOrEqual(132.9);
  });

  it('lists events newest first, filtered and paginated', async () => {
    const all = (await get('/api/events')).body;
    expect(all.events.map((e: any) => e.id)).toEqual(['enc-1', 'gap-angara-1', 'pv-chon-1']);
    expect((await get('/api/events?type=gap')).body.events.map((e: any) => e.id)).toEqual(['gap-angara-1']);
    expect((await get(`/api/events?mmsi=${CHON_MA_SAN}`)).body.events.map((e: any) => e.id)).toEqual(['enc-1', 'pv-chon-1']);
    expect((await get('/api/events?port=RUVYP')).body.events.map((e: any) => e.id)).toEqual(['pv-chon-1']);
    expect((await get('/api/events?bbox=130,42,131,42.5')).body.events.map((e: any) => e.id)).toEqual(['enc-1']);
    expect((await get('/api/events?from=2024-03-01T21:00:00Z')).body.events.map((e: any) => e.id)).toEqual(['enc-1']);
    const p1 = (await get('/api/events?limit=2')).body;
    expect(p1.events.map((e: any) => e.id)).toEqual(['enc-1', 'gap-angara-1']);
    const p2 = (await get(`/api/events?limit=2&cursor=${p1.next_cursor}`)).body;
    expect(p2.events.map((e: any) => e.id)).toEqual(['pv-chon-1']);
    expect(p2.next_cursor).toBeNull();
    expect((await get('/api/events/gap-angara-1')).body).toEqual({
      ...EVENTS[0], vessel: { mmsi: ANGARA, name: 'ANGARA', imo: '9179842', callsign: 'UBCL5', flag: 'RU', shiptype: null },
    });
  });

  it('gives the map what it needs to show a gap', async () => {
    const fc = (await get('/api/events/gap-angara-1/context')).body;
    const line = fc.features.find((f: any) => f.properties.kind === 'gap_line');
    const pts = angaraPositions();
    const before = pts.filter((p) => p.t <= GAP_FROM_MS).at(-1)!;
    const after = pts.find((p) => p.t >= GAP_TO_MS)!;
    expect(line.geometry.coordinates).toEqual([[before.lon, before.lat], [after.lon, after.lat]]);
    const enc = (await get('/api/events/enc-1/context')).body;
    expect(enc.features.filter((f: any) => f.properties.kind === 'track').map((f: any) => f.properties.mmsi).sort()).toEqual([ANGARA, CHON_MA_SAN].sort());
    const pv = (await get('/api/events/pv-chon-1/context')).body;
    expect(pv.features.find((f: any) => f.properties.kind === 'port').geometry.coordinates).toEqual([133.0833, 42.75]);
  });

  it('serves an OpenAPI 3.1 document listing the routes', async () => {
    const { body } = await get('/openapi.json');
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/vessels/{mmsi}/track', '/api/events', '/api/events/stream', '/api/screen']));
  });
});

describe('CORS', () => {
  it('is off by default and on for the configured origin only', async () => {
    const plain = await fetch(`${server.url}/api/health`, { headers: { origin: 'https://evil.example' } });
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
    const withCors = await startServer({ store, port: 0, token: null, webRoot: null, corsOrigin: 'https://desk.example' });
    try {
      const res = await fetch(`${withCors.url}/api/health`, { headers: { origin: 'https://desk.example' } });
      expect(res.headers.get('access-control-allow-origin')).toBe('https://desk.example');
    } finally {
      await withCors.close();
    }
  });
});

describe('exports', () => {
  it('exports a vessel as GeoJSON, KML and CSV', async () => {
    const res = await fetch(`${server.url}/api/vessels/${ANGARA}/export/geojson`);
    expect(res.headers.get('content-disposition')).toContain(`tumen-vessel-${ANGARA}.geojson`);
    const fc = await res.json() as any;
    expect(fc.type).toBe('FeatureCollection');
    const track = fc.features.find((f: any) => f.properties.kind === 'track');
    expect(track.geometry.type).toBe('MultiLineString');
    expect(track.geometry.coordinates).toHaveLength(2); // split at the gap
    expect(fc.features.filter((f: any) => f.properties.kind === 'event').map((f: any) => f.properties.id)).toEqual(['enc-1', 'gap-angara-1']);
    const kml = await (await fetch(`${server.url}/api/vessels/${ANGARA}/export/kml`)).text();
    expect(kml).toMatch(/^<\?xml/);
    expect(kml.match(/<Placemark>/g)).toHaveLength(4); // track, track gap, 2 events
    const csv = await (await fetch(`${server.url}/api/vessels/${ANGARA}/export/csv`)).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('mmsi,time,lat,lon,speed_kn,gap_before');
    expect(lines).toHaveLength(angaraPositions().length + 1);
    expect(lines.filter((l) => l.endsWith(',1'))).toEqual([`${ANGARA},2024-03-01T18:00:00.000Z,${angaraPositions().find((p) => p.t === GAP_TO_MS)!.lat},${angaraPositions().find((p) => p.t === GAP_TO_MS)!.lon},11.5,1`]);
  });

  it('exports an event selection as CSV', async () => {
    const csv = await (await fetch(`${server.url}/api/events/export/csv?type=gap,encounter`)).text();
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1].startsWith('enc-1,encounter,273000001,ANGARA,9179842,RU,2024-03-01T20:00:00.000Z')).toBe(true);
    expect(lines[1]).toContain(',445000002,CHON MA SAN,8660313,KP,');
  });
});

describe('bad input gets a clear 400 from the one error handler', () => {
  const cases: Array<[string, RegExp]> = [
    ['/api/vessels/abc/track', /mmsi must be a number/],
    ['/api/vessels/1234567890', /mmsi must be a number/],
    [`/api/vessels/${ANGARA}/track?from=yesterday`, /from must be an ISO-8601 time/],
    [`/api/vessels/${ANGARA}/track?from=2024-03-02&to=2024-03-01`, /from must not be after to/],
    [`/api/vessels/${ANGARA}/track?bbox=1,2,3`, /bbox must be/],
    [`/api/vessels/${ANGARA}/track?bbox=10,50,5,60`, /inverted/],
    [`/api/vessels/${ANGARA}/track?maxPoints=1`, /maxPoints must be between/],
    ['/api/events?type=teleport', /type must be one of/],
    ['/api/events?limit=-3', /limit must be a whole number/],
    ['/api/events?cursor=bm90LWEtY3Vyc29y', /cursor/],
    ["/api/events?port=x'%20OR%201=1", /port must be a port id/],
    ['/api/events/export/pdf', /export format must be one of/],
    ['/api/screen', /give at least one of/],
    ['/api/screen?imo=123', /imo must be 7 digits/],
  ];
  for (const [path, message] of cases) {
    it(`GET ${path}`, async () => {
      const { status, body } = await get(path);
      expect(status).toBe(400);
      expect(body.error.status).toBe(400);
      expect(body.error.message).toMatch(message);
    });
  }

  it('unknown routes are a JSON 404', async () => {
    const { status, body } = await get('/api/nothing');
    expect(status).toBe(404);
    expect(body.error.message).toContain('/api/nothing');
  });

  it('rejects a malformed batch', async () => {
    const res = await fetch(`${server.url}/api/screen`, { method: 'POST', body: '{not json', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    const res2 = await fetch(`${server.url}/api/screen`, { method: 'POST', body: JSON.stringify({ vessels: [{ mmsi: '12' }] }) });
    expect(((await res2.json()) as any).error.message).toMatch(/vessels\[0\]\.mmsi must be 9 digits/);
  });
});

describe('writes need the token', () => {
  const put = (base: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/watchlist/${ANGARA}`, { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ note: 'Rajin shuttle' }) });

  it('missing token: 401 with WWW-Authenticate', async () => {
    const res = await put(server.url);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('wrong token: 403', async () => {
    const res = await put(server.url, { authorization: 'Bearer wrong-token-0000000000' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as any).error.message).toBe('invalid API token');
  });

  it('no token configured: writes disabled with 403 and a clear message', async () => {
    const res = await put(readOnly.url, { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(403);
    expect(((await res.json()) as any).error.message).toMatch(/writes are disabled.*TUMEN_API_TOKEN/);
    expect((await fetch(`${readOnly.url}/api/ingest`, { method: 'POST', body: 'x' })).status).toBe(403);
    expect((await fetch(`${readOnly.url}/api/lists?format=csv`, { method: 'POST', body: 'x' })).status).toBe(403);
  });

  it('right token: watchlist add, list, remove', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    expect((await put(server.url, auth)).status).toBe(200);
    expect((await get('/api/watchlist')).body.watchlist).toMatchObject([{ mmsi: ANGARA, note: 'Rajin shuttle' }]);
    const del = await fetch(`${server.url}/api/watchlist/${ANGARA}`, { method: 'DELETE', headers: auth });
    expect(del.status).toBe(204);
    expect((await get('/api/watchlist')).body.watchlist).toEqual([]);
    expect((await fetch(`${server.url}/api/watchlist/${ANGARA}`, { method: 'DELETE', headers: auth })).status).toBe(404);
  });
});

describe('Server-Sent Events', () => {
  it('a subscriber receives a published event, filtered by type', async () => {
    const ac = new AbortController();
    const res = await fetch(`${server.url}/api/events/stream?type=gap`, { signal: ac.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const deadline = Date.now() + 5000;
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        if (Date.now() > deadline) throw new Error(`no SSE message matching ${pattern} within 5 s; got ${JSON.stringify(text)}`);
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
    };
    await readUntil(/event: ready/);
    server.hub.publish(EVENTS[2]); // an encounter: filtered out
    server.hub.publish(EVENTS[0]);
    await readUntil(/event: tumen-event\n(.*\n)+\n/);
    const message = /event: tumen-event\n((?:.+\n)+)\n/.exec(text)![1];
    const fields = Object.fromEntries(message.trim().split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]));
    expect(fields.id).toBe('gap-angara-1');
    expect(JSON.parse(fields.data)).toEqual(EVENTS[0]);
    ac.abort();
  });
});
