// The web UI's files are revalidated, not re-sent: `Cache-Control: no-cache` and a 304 when the browser's copy
// is current; a changed file (newer than the copy) comes back whole. The API keeps its own headers.
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/db.js';
import { startServer, type RunningServer } from '../../src/server/start.js';

let store: Store;
let server: RunningServer;
let webRoot: string;
const BUILT = new Date('2026-12-01T10:00:00Z');

beforeAll(async () => {
  webRoot = mkdtempSync(join(tmpdir(), 'tumen-web-cache-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(webRoot, 'app.js'), 'console.log("app");');
  for (const f of ['index.html', 'app.js']) utimesSync(join(webRoot, f), BUILT, BUILT);
  store = await Store.open(':memory:');
  server = await startServer({ store, port: 0, token: null, webRoot });
});

afterAll(async () => {
  await server?.close();
  store?.close();
  rmSync(webRoot, { recursive: true, force: true });
});

describe('web UI files', () => {
  it('are sent with Last-Modified and no-cache, then answered 304 while unchanged', async () => {
    const first = await fetch(`${server.url}/app.js`);
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('console.log("app");');
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(first.headers.get('last-modified')).toBe(BUILT.toUTCString());
    const again = await fetch(`${server.url}/app.js`, { headers: { 'if-modified-since': BUILT.toUTCString() } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // The page itself too (served for /).
    const page = await fetch(`${server.url}/`, { headers: { 'if-modified-since': BUILT.toUTCString() } });
    expect(page.status).toBe(304);
  });

  it('come back whole when the copy is older than the file', async () => {
    const older = new Date(BUILT.getTime() - 60_000).toUTCString();
    const res = await fetch(`${server.url}/app.js`, { headers: { 'if-modified-since': older } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('console.log("app");');
  });

  it('leave API answers alone', async () => {
    const res = await fetch(`${server.url}/api/health`, { headers: { 'if-modified-since': new Date().toUTCString() } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).not.toBe('no-cache');
  });
});
