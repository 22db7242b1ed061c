// Evidence endpoints: /api/fuel, /api/detections, /api/sites with token-guarded observation edits and
// their history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/db.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { fillStore } from './fixture-store.js';

const TOKEN = 'evidence-token-0123456789abcdef';
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

describe('evidence API', () => {
  let store: Store;
  let server: RunningServer;
  let base: string;
  beforeAll(async () => {
    store = await Store.open(':memory:');
    await fillStore(store);
    server = await startServer({ store, port: 0, token: TOKEN, webRoot: null });
    base = server.url;
  });
  afterAll(async () => { await server?.close(); store?.close(); });

  it('answers /api/fuel with deliveries and years, and refuses a bad year', async () => {
    const r = await fetch(`${base}/api/fuel`);
    expect(r.status).toBe(200);
    const body = await r.json();
    expect(Array.isArray(body.deliveries)).toBe(true);
    expect(Array.isArray(body.years)).toBe(true);
    expect((await fetch(`${base}/api/fuel?year=twenty`)).status).toBe(400);
  });

  it('answers /api/detections (empty without imagery) and 404 for an unknown scene', async () => {
    expect(await (await fetch(`${base}/api/detections`)).json()).toEqual({ scenes: [], detections: [] });
    expect((await fetch(`${base}/api/detections?scene=S9`)).status).toBe(404);
  });

  it('lists the curated sites, takes an observation with the token only, and keeps its history', async () => {
    const sites = (await (await fetch(`${base}/api/sites`)).json()).sites.map((s: { id: string }) => s.id);
    expect(sites).toEqual(['dunai-pier', 'khasan-yard', 'rajin-piers', 'tumangang-yard', 'tumen-river-bridge', 'vostochny-oil']);
    const obs = { time: '2024-08-01T03:00:00Z', counts: { rail_cars: 30 }, analyst: 'ana', image_ref: 'S2A_20240801' };
    expect((await fetch(`${base}/api/sites/khasan-yard/observations`, { method: 'POST', body: JSON.stringify(obs), headers: { 'content-type': 'application/json' } })).status).toBe(401);
    const created = await fetch(`${base}/api/sites/khasan-yard/observations`, { method: 'POST', body: JSON.stringify(obs), headers: auth });
    expect(created.status).toBe(201);
    const id = (await created.json()).observation.id;
    const bad = await fetch(`${base}/api/sites/nowhere/observations`, { method: 'POST', body: JSON.stringify(obs), headers: auth });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/unknown_site/);
    const edited = await fetch(`${base}/api/observations/${id}`, { method: 'PUT', body: JSON.stringify({ ...obs, counts: { rail_cars: 31 }, analyst: 'bob' }), headers: auth });
    expect(edited.status).toBe(200);
    const h = (await (await fetch(`${base}/api/observations/${id}/history`)).json()).edits;
    expect(h.map((e: { editor: string; action: string }) => `${e.editor}:${e.action}`)).toEqual(['ana:create', 'bob:update']);
    expect(h[1].before.counts).toEqual({ rail_cars: 30 });
    const series = (await (await fetch(`${base}/api/sites/khasan-yard/series`)).json()).series;
    expect(series.map((p: { total_rail_cars: number }) => p.total_rail_cars)).toEqual([149, 31]);
  });
});
