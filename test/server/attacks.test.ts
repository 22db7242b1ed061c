// The API under attack: one test per class of hostile request. Every answer is a 4xx/503 with a JSON
// message (never a 500, never a stack trace), and carries the security headers.
import { connect } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/db.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { ANGARA, fillStore } from './fixture-store.js';

const TOKEN = 'attack-token-0123456789abcdef';
const auth = { authorization: `Bearer ${TOKEN}` };
let store: Store;
let server: RunningServer;
let webRoot: string;
const bodies: string[] = [];

async function hit(path: string, init?: RequestInit): Promise<{ status: number; text: string; headers: Headers }> {
  const res = await fetch(server.url + path, init);
  const text = await res.text();
  bodies.push(text);
  return { status: res.status, text, headers: res.headers };
}

beforeAll(async () => {
  webRoot = mkdtempSync(join(tmpdir(), 'tumen-web-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(webRoot, 'app.js'), '');
  store = await Store.open(':memory:');
  await fillStore(store);
  server = await startServer({ store, port: 0, token: TOKEN, webRoot, maxStreams: 2, headersTimeoutMs: 1000 });
});

afterAll(async () => {
  await server?.close();
  store?.close();
  rmSync(webRoot, { recursive: true, force: true });
  // No answer to anything below carried a stack trace or a source path.
  for (const b of bodies) expect(b).not.toMatch(/\n\s+at |node_modules|\.[jt]s:\d+|DuckDB|Error:/);
});

describe('bad parameters are 400, not 500', () => {
  it.each([
    ['/api/vessels?q=99999999999999999999', /q: a number of more than 9 digits is neither an MMSI nor an IMO/],
    ['/api/events?type=%20', /type must list at least one of gap/],
    ['/api/events/export/csv?type=%20', /type must list at least one/],
    ['/api/events/export/geojson?type=,', /type must list at least one/],
    ['/api/events?limit=-1', /limit must be a whole number/],
    ['/api/events?limit=99999999999999999999', /limit must be between 1 and 5000/],
    ['/api/vessels?limit=-5', /limit: Too small/],
    ['/api/vessels?limit=1e400', /limit: Invalid input/],
    [`/api/vessels/${ANGARA}/track?maxPoints=0`, /maxPoints/],
    ['/api/vessels/99999999999999999999', /mmsi must be a number of 1 to 9 digits/],
    ['/api/events?port=x%27%20OR%20%271%27=%271', /port must be a port id/],
    ['/api/events?cursor=%00%00', /cursor is not one this server issued/],
    ['/api/events?from=2024-13-45T99:99', /from is not a valid time|from must be/],
  ])('%s', async (path, message) => {
    const r = await hit(path);
    expect(r.status, r.text).toBe(400);
    expect(JSON.parse(r.text).error.message).toMatch(message);
  });

  it('SQL in a search is a search term, not SQL', async () => {
    const r = await hit(`/api/vessels?q=${encodeURIComponent("' OR 1=1 --")}`);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text).count).toBe(0);
  });
});

describe('path traversal', () => {
  it.each([
    `/api/vessels/${ANGARA}/export/..%2F..%2F..%2Fetc%2Fpasswd`,
    '/api/events/export/..%2F..%2Fpackage.json',
    '/..%2F..%2F..%2Fetc%2Fpasswd',
    '/%2e%2e/%2e%2e/etc/passwd',
  ])('%s is refused', async (path) => {
    const r = await hit(path);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.text).not.toMatch(/root:/);
  });
});

describe('uploads', () => {
  const multipart = (body: string) => ({
    method: 'POST', body, headers: { ...auth, 'content-type': 'multipart/form-data; boundary=XYZ' },
  });
  it('malformed multipart to /api/lists and /api/ingest: 400', async () => {
    for (const path of ['/api/lists?format=csv', '/api/ingest']) {
      const broken = await hit(path, multipart('--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nimo,name\n'));
      expect(broken.status, broken.text).toBe(400);
      const noFile = await hit(path, multipart('--XYZ\r\nContent-Disposition: form-data; name="other"\r\n\r\nx\r\n--XYZ--\r\n'));
      expect(noFile.status, noFile.text).toBe(400);
      expect(JSON.parse(noFile.text).error.message).toMatch(/needs a field named "file"/);
    }
  });

  it('POST /api/ingest?filename=.. stays in its temp folder', async () => {
    const r = await hit('/api/ingest?filename=..', { method: 'POST', body: '!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n', headers: auth });
    expect(r.status, r.text).toBeLessThan(500);
    const up = await hit('/api/ingest?filename=..%2F..%2Fx.nmea', { method: 'POST', body: 'x\n', headers: auth });
    expect(up.status, up.text).toBeLessThan(500);
  });

  it('a body over the limit is 413', async () => {
    const r = await hit(`/api/watchlist/${ANGARA}`, { method: 'PUT', body: 'x'.repeat(8 * 1024 * 1024 + 1), headers: auth });
    expect(r.status).toBe(413);
    expect(r.text).toMatch(/body larger than 8388608 bytes/);
  });
});

describe('tokens', () => {
  it('are read from the Authorization header only, never from the query string', async () => {
    for (const q of [`token=${TOKEN}`, `access_token=${TOKEN}`]) {
      expect((await hit(`/api/watchlist/${ANGARA}?${q}`, { method: 'PUT' })).status).toBe(401);
    }
    expect((await hit(`/api/watchlist/${ANGARA}`, { method: 'PUT', headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(403);
    expect((await hit(`/api/watchlist/${ANGARA}`, { method: 'PUT', headers: { authorization: `Basic ${TOKEN}` } })).status).toBe(403);
  });
});

describe('headers', () => {
  it('CSP, nosniff, frame and referrer policies on pages, API answers and errors', async () => {
    for (const [path, status] of [['/', 200], ['/api/health', 200], ['/api/events?type=x', 400], ['/api/nothing', 404]] as const) {
      const r = await hit(path);
      expect(r.status).toBe(status);
      expect(r.headers.get('content-security-policy')).toMatch(/default-src 'self'.*script-src 'self'.*frame-ancestors 'none'/);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});

describe('slow and greedy clients', () => {
  it('a client that never finishes its headers is cut off', async () => {
    const started = Date.now();
    const closed = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\n'));
      let got = '';
      socket.on('data', (d) => { got += d.toString(); });
      socket.on('close', () => resolve(got));
      socket.on('error', reject);
      setTimeout(() => { socket.destroy(); reject(new Error('socket still open after 8 s')); }, 8000).unref();
    });
    expect(closed).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('event streams beyond the cap are 503 with Retry-After; a closed one frees its slot', async () => {
    const a = new AbortController();
    const b = new AbortController();
    const s1 = await fetch(`${server.url}/api/events/stream`, { signal: a.signal });
    const s2 = await fetch(`${server.url}/api/events/stream`, { signal: b.signal });
    expect([s1.status, s2.status]).toEqual([200, 200]);
    const third = await hit('/api/events/stream');
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('30');
    a.abort();
    let again = 503;
    for (let i = 0; i < 50 && again === 503; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const res = await fetch(`${server.url}/api/events/stream`).catch(() => null);
      again = res?.status ?? 503;
      if (res && res.status === 200) await res.body?.cancel();
    }
    expect(again).toBe(200);
    b.abort();
  });
});
