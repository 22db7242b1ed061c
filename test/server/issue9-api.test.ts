// Issue 9 over HTTP: /api/fuel, /api/sites (+ observations: validated writes with the token, every edit in
// the history), /api/observations/coincident, /api/scenes, /api/detections and /api/events/{id}/imagery,
// on a real server (port 0) over the fixture store plus issue9-fixture.ts; and a read-only store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../src/store/db.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { fillStore } from './fixture-store.js';
import { ANGARA, DPC_ID, TANKER, fillIssue9 } from './issue9-fixture.js';

const TOKEN = 'test-token-issue9-0123456789';
let store: Store;
let server: RunningServer;

const get = async (path: string) => {
  const res = await fetch(server.url + path);
  return { status: res.status, body: await res.json() as any };
};
const send = async (method: string, path: string, body: unknown, token: string | null = TOKEN) => {
  const res = await fetch(server.url + path, {
    method, body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  return { status: res.status, body: await res.json() as any };
};

beforeAll(async () => {
  store = await Store.open(':memory:');
  await fillStore(store);
  await fillIssue9(store);
  server = await startServer({ store, port: 0, token: TOKEN, webRoot: null });
});

afterAll(async () => {
  await server?.close();
  store?.close();
});

describe('/api/fuel', () => {
  it('lists the tanker delivery with its draught-change volume, the vessel label and the yearly total vs the cap', async () => {
    const { status, body } = await get('/api/fuel');
    expect(status).toBe(200);
    expect(body.cap_bbl).toBe(500_000);
    expect(body.deliveries).toHaveLength(1);
    const d = body.deliveries[0];
    expect(d).toMatchObject({ mmsi: TANKER, kind: 'dark_port_call', port: 'Najin/Rajin', method: 'draught_change', draught_before_m: 6.5, draught_after_m: 3 });
    expect(d.vessel).toMatchObject({ name: 'YU JONG 2', flag: 'KP', imo: '8604838' });
    // TPC = 1.025 × 0.85 × 100 × 18 / 100 = 15.6825 t/cm; 350 cm; × 7.23 bbl/t.
    expect(d.barrels.central).toBe(Math.round(15.6825 * 350 * 7.23));
    expect(body.years).toHaveLength(1);
    expect(body.years[0]).toMatchObject({ year: 2024, deliveries: 1, cap_bbl: 500_000, pending: { deliveries: 0, barrels: { low: 0, central: 0, high: 0 } } });
    expect(body.pending).toEqual([]);
    expect(body.years[0].running[0].cumulative_bbl).toBe(d.barrels.central);
    expect(body.years[0].by_vessel[0].vessel.name).toBe('YU JONG 2');
  });
  it('filters by year and rejects a bad year', async () => {
    expect((await get('/api/fuel?year=2023')).body.deliveries).toEqual([]);
    const bad = await get('/api/fuel?year=twenty');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/year must be a year/);
  });
});

describe('/api/sites', () => {
  it('lists the curated sites with their observation counts', async () => {
    const { body } = await get('/api/sites');
    const ids = body.sites.map((s: any) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['tumangang-yard', 'khasan-yard', 'rajin-piers', 'vostochny-oil', 'dunai-pier', 'tumen-river-bridge']));
    expect(body.sites.find((s: any) => s.id === 'rajin-piers').observations).toBe(1);
    expect(body.sites.find((s: any) => s.id === 'tumangang-yard').change_flags).toBeGreaterThan(0);
  });
  it("gives a site's series with the change flag of 73 rail cars against the documented ≤ 20", async () => {
    const { body } = await get('/api/sites/tumangang-yard/observations');
    const oct = body.series.find((p: any) => p.time.startsWith('2023-10'));
    expect(oct.flags).toEqual([{ category: 'rail_cars', count: 73, baseline: 20, basis: 'documented' }]);
    expect((await get('/api/sites/nowhere/observations')).status).toBe(404);
  });
  it('adds an observation only with the token, validates it, and keeps every edit', async () => {
    const obs = { editor: 'analyst A', time: '2024-03-05T00:00:00Z', counts: { rail_cars: 12, locomotives: 1 }, note: 'clear sky' };
    expect((await send('POST', '/api/sites/khasan-yard/observations', obs, null)).status).toBe(401);
    expect((await send('POST', '/api/sites/khasan-yard/observations', obs, 'wrong-token')).status).toBe(403);
    const negative = await send('POST', '/api/sites/khasan-yard/observations', { ...obs, counts: { rail_cars: -1 } });
    expect(negative.status).toBe(400);
    expect(negative.body.error.message).toMatch(/counts must not be negative/);
    expect((await send('POST', '/api/sites/khasan-yard/observations', { ...obs, counts: { wagons: 3 } })).status).toBe(400);
    expect((await send('POST', '/api/sites/khasan-yard/observations', { ...obs, editor: '' })).body.error.message).toMatch(/editor/);
    expect((await send('POST', '/api/sites/atlantis/observations', obs)).status).toBe(404);
    const made = await send('POST', '/api/sites/khasan-yard/observations', obs);
    expect(made.status).toBe(201);
    const id = made.body.observation.id;
    expect(made.body.observation).toMatchObject({ site_id: 'khasan-yard', counts: { rail_cars: 12, locomotives: 1 }, note: 'clear sky' });
    expect((await send('POST', '/api/sites/khasan-yard/observations', obs)).status).toBe(409);

    const edited = await send('PUT', `/api/sites/khasan-yard/observations/${id}`, { ...obs, editor: 'analyst B', counts: { rail_cars: 14, locomotives: 1 } });
    expect(edited.status).toBe(200);
    expect(edited.body.changed).toBe(true);
    expect((await send('PUT', '/api/sites/khasan-yard/observations/obs-none', obs)).status).toBe(404);
    const { body } = await get(`/api/sites/khasan-yard/observations/${id}/history`);
    expect(body.edits.map((e: any) => [e.editor, e.action])).toEqual([['analyst A', 'create'], ['analyst B', 'update']]);
    expect(body.edits[1].before.counts.rail_cars).toBe(12);
    expect(body.edits[1].after.counts.rail_cars).toBe(14);
    const series = (await get('/api/sites/khasan-yard/observations')).body.series;
    expect(series.filter((p: any) => p.id === id).map((p: any) => p.counts.rail_cars)).toEqual([14]);
  });
});

describe('/api/observations/coincident', () => {
  it('links the Rajin pier count to the dark call there, with the vessel alongside of the tanker\'s length', async () => {
    const { body } = await get(`/api/observations/coincident?event=${DPC_ID}`);
    expect(body.links).toHaveLength(1);
    expect(body.links[0]).toMatchObject({ event_id: DPC_ID, site: { id: 'rajin-piers' }, length_match: true });
    expect(body.links[0].distance_km).toBeLessThan(2);
    expect((await get(`/api/observations/coincident?mmsi=${TANKER}`)).body.links.map((l: any) => l.observation.id)).toEqual(['obs-rajin-1']);
    expect((await get(`/api/observations/coincident?mmsi=${ANGARA}`)).body.links).toEqual([]);
    expect((await get('/api/observations/coincident')).status).toBe(400);
  });
});

describe('/api/scenes, /api/detections, /api/events/{id}/imagery', () => {
  it('lists the scenes with their footprints and detection counts', async () => {
    const { body } = await get('/api/scenes');
    expect(body.scenes.map((s: any) => [s.scene_id, s.detections])).toEqual([['S-SEA', 1], ['S-RAJIN', 1]]);
    expect((await get('/api/scenes?bbox=130.1,42.1,130.5,42.35')).body.scenes.map((s: any) => s.scene_id)).toEqual(['S-RAJIN']);
  });
  it('fuses a scene: the detection on ANGARA\'s track is ANGARA; the one at Rajin is dark', async () => {
    const sea = await get('/api/detections?scene=S-SEA');
    expect(sea.body.detections).toHaveLength(1);
    expect(sea.body.detections[0]).toMatchObject({ detection_id: 'd-sea-angara', mmsi: ANGARA, dark: false, vessel: { name: 'ANGARA' } });
    const rajin = await get('/api/detections?scene=S-RAJIN');
    expect(rajin.body.detections[0]).toMatchObject({ detection_id: 'd-rajin-dark', mmsi: null, dark: true });
    expect(rajin.body.scenes[0].counts).toMatchObject({ detections: 1, dark: 1, matched: 0 });
    expect((await get('/api/detections?scene=S-NONE')).status).toBe(404);
    expect((await get('/api/detections')).body.detections).toHaveLength(2);
  });
  it('shows the Rajin scene in the dark call\'s imagery, with the tanker among the dark candidates', async () => {
    const { body } = await get(`/api/events/${DPC_ID}/imagery`);
    expect(body.scenes.map((s: any) => s.scene_id)).toEqual(['S-RAJIN']);
    const d = body.scenes[0].detections[0];
    expect(d.dark).toBe(true);
    expect(d.candidates.map((c: any) => c.mmsi)).toContain(TANKER);
    expect((await get('/api/events/no-such-event/imagery')).status).toBe(404);
  });
});

describe('the evidence report beyond AIS', () => {
  it('the dark call\'s report has its fuel delivery with the year\'s chart, the Rajin scene with the dark detection, and the pier count', async () => {
    const res = await fetch(`${server.url}/api/report?event=${DPC_ID}&format=html`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const central = Math.round(15.6825 * 350 * 7.23).toLocaleString('en-US');
    expect(html).toContain('<h2>Fuel deliveries (UNSCR 2397 cap: 500,000 bbl a year)</h2>');
    expect(html).toContain(`<td>YU JONG 2 (KP, IMO 8604838, MMSI ${TANKER})</td><td>dark port call at Najin/Rajin</td>`);
    expect(html).toContain(`<td>${central}</td>`);
    expect(html).toMatch(/<h3>2024: [\d,]+ bbl in 1 deliveries by all tankers = [\d.]+ % of the cap/);
    expect(html).toContain('class="fuel-chart"');
    expect(html).toContain('<h2>Satellite imagery during the events</h2>');
    expect(html).toMatch(/<td>d-rajin-dark<\/td><td>42\.2380, 130\.3020<\/td><td>101 m<\/td><td>DARK: no AIS ship explains it<\/td><td>YU JONG 2/);
    expect(html).toContain('<h2>Site counts during the events</h2>');
    expect(html).toContain('<td>Rajin (Najin) port piers 1–3</td><td>2024-03-01T00:00:00Z</td><td>vessels 2</td><td>100 m, 62 m</td><td>yes</td>');
  });
  it('a report on a ship with nothing beyond AIS has none of these sections', async () => {
    const html = await (await fetch(`${server.url}/api/report?event=enc-1&format=html`)).text();
    expect(html).not.toContain('Fuel deliveries');
    expect(html).not.toContain('Site counts during the events');
  });
});

describe('a read-only store made before sites and imagery existed', () => {
  it('serves the curated sites and empty imagery and fuel instead of failing on DDL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tumen-ro-'));
    const path = join(dir, 'old.duckdb');
    const w = await Store.open(path);
    await fillStore(w);
    w.close();
    const ro = await startServer({ dbPath: path, port: 0, token: null, webRoot: null });
    try {
      expect(ro.readOnly).toBe(true);
      const sites = await (await fetch(`${ro.url}/api/sites`)).json() as any;
      expect(sites.sites.find((s: any) => s.id === 'tumangang-yard').observations).toBeGreaterThan(0);
      expect((await (await fetch(`${ro.url}/api/scenes`)).json() as any).scenes).toEqual([]);
      expect(await (await fetch(`${ro.url}/api/detections`)).json()).toEqual({ scenes: [], detections: [] });
      const fuel = await fetch(`${ro.url}/api/fuel`);
      expect(fuel.status).toBe(200);
      expect((await fuel.json() as any).deliveries).toEqual([]);
    } finally {
      await ro.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
