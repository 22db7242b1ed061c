// The web UI in Debian's Chromium (playwright-core), against a real server on a store the test fills: the
// workflows of the investigator (triage, an encounter with both tracks, a dark period, one ship by a former
// name, a fleet screened, a finding exported), permalinks with back/forward, the 390 px layout, keyboard
// use and text contrast (>= 4.5:1, measured in the page). Pixels of screenshots check land and track.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openWorkbench, type Workbench } from './workbench.js';
import type { Store } from '../../src/store/db.js';
import type { RunningServer } from '../../src/server/start.js';
import { importList } from '../../src/server/integrations.js';
import { ANGARA, CHON_MA_SAN, angaraPositions, fillStore } from '../server/fixture-store.js';

// Colours from src/web/basemap.ts and src/web/colors.ts.
const LAND: [number, number, number] = [0xe8, 0xe1, 0xcf];
const SEA: [number, number, number] = [0xa8, 0xc8, 0xe0];
const TRACK: [number, number, number] = [213, 94, 0];

let wb: Workbench;
let store: Store;
let server: RunningServer;
let page: Page;

/** Counts screenshot pixels within `tol` of each colour, decoding the PNG in the page's own canvas. */
async function countColours(png: Buffer, colours: Record<string, [number, number, number]>, tol = 12): Promise<Record<string, number>> {
  return page.evaluate(async ({ b64, colours, tol }) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const out: Record<string, number> = {};
    for (const [name, [r, gr, b]] of Object.entries(colours)) {
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - r) <= tol && Math.abs(d[i + 1] - gr) <= tol && Math.abs(d[i + 2] - b) <= tol) n++;
      out[name] = n;
    }
    return out;
  }, { b64: png.toString('base64'), colours, tol });
}

const waitMapIdle = () => page.waitForFunction(() => {
  const m = (window as any).tumen?.map?.map;
  return m && m.loaded() && m.areTilesLoaded() && !m.isMoving();
}, null, { timeout: 20_000 });

beforeAll(async () => {
  wb = await openWorkbench({
    fill: async (s) => {
      await fillStore(s);
      // A one-entry watchlist naming CHON MA SAN by IMO, so the fleet screen and "listed ships" have something to find.
      await importList(s, { format: 'csv', filename: 'watch.csv', content: new TextEncoder().encode('imo,name,reason\n8660313,CHON MA SAN,test\n'), importedAt: new Date('2024-03-05T00:00:00Z') });
    },
  });
  ({ store, server, page } = wb);
}, 240_000);

afterAll(async () => wb?.close());

const hashOf = () => page.evaluate(() => location.hash);
const rowIds = () => page.locator('table.events tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));

describe('web UI', () => {
  it('the landing page is a triage: encounters with both ships named, no port visits unless asked', async () => {
    await page.goto('about:blank');
    const lists: string[] = [];
    let appJsReleased = false;
    let listsBeforeAppJs = 0;
    let allAsked = (): void => {};
    const asked = new Promise<void>((ok) => { allAsked = ok; });
    const onReq = (r: import('playwright-core').Request) => {
      const u = new URL(r.url());
      if (u.pathname !== '/api/events') return;
      lists.push(u.search);
      if (!appJsReleased) listsBeforeAppJs++;
      if (lists.length === 6) allAsked();
    };
    // app.js held back until the six event lists are asked for (at most 10 s): only early.js can ask meanwhile.
    await page.route('**/app.js', async (route) => {
      await Promise.race([asked, new Promise((ok) => setTimeout(ok, 10_000))]);
      appJsReleased = true;
      await route.continue();
    });
    // Risk levels held back until the test lets them go: the rows must show without them.
    const riskAsked: string[] = [];
    let releaseRisk = (): void => {};
    const riskHeld = new Promise<void>((ok) => { releaseRisk = ok; });
    await page.route('**/api/risk?*', async (route) => {
      riskAsked.push(new URL(route.request().url()).searchParams.get('mmsi')!);
      await riskHeld;
      await route.continue();
    });
    page.on('request', onReq);
    // Land files asked for, by the page or MapLibre's worker.
    const landAsked: string[] = [];
    const onLand = (r: import('playwright-core').Request) => { if (/land-50m|land50m\/|land10m\//.test(r.url())) landAsked.push(r.url().split('/').slice(-2).join('/')); };
    page.on('request', onLand);
    try {
      await page.goto(server.url);
      await page.waitForSelector('#triage-listed table.events tbody tr', { timeout: 20_000 });
      await page.waitForSelector('#triage-sts table.events tbody tr');
      // Rows with names and a loading mark in the risk column while the risk request is unanswered.
      expect(await page.locator('#triage-sts tbody tr td.risk-cell').first().textContent()).toBe('…');
      expect(await page.textContent('#triage-sts')).toContain('ANGARA');
      releaseRisk();
      await page.waitForFunction(() => document.querySelectorAll('#triage td.risk-cell[aria-busy]').length === 0, null, { timeout: 20_000 });
    } finally {
      releaseRisk();
      page.off('request', onReq);
      await page.unroute('**/app.js');
      await page.unroute('**/api/risk?*');
    }
    // One risk request per distinct ship set among the sections with rows (the same set is never asked twice).
    const sets = await page.locator('#triage section').evaluateAll((boxes) => boxes.map((b) => [...new Set([...b.querySelectorAll('tbody tr a[href^="#/vessel/"]')]
      .map((a) => Number(decodeURIComponent(a.getAttribute('href')!.slice('#/vessel/'.length)))))].sort((x, y) => x - y).join(',')).filter((k) => k !== ''));
    expect(riskAsked.length).toBe(new Set(sets).size);
    expect(new Set(riskAsked).size).toBe(riskAsked.length);
    expect(await page.locator('#triage-sts tbody tr td.risk-cell').first().textContent()).toMatch(/^(sanctioned|high|medium|low) \(\d+\)$/);
    // Five sections and the listed ships' (a list is loaded), each asked once, all before app.js ran.
    expect(lists).toHaveLength(6);
    expect(new Set(lists).size).toBe(6);
    expect(listsBeforeAppJs).toBe(6);
    await page.waitForSelector('#triage-sts table.events tbody tr');
    expect(await page.textContent('#triage-sts')).toContain('ANGARA · RU · IMO 9179842 ↔ CHON MA SAN · KP · IMO 8660313');
    expect(await page.textContent('#triage-dark-calls .empty')).toBe('No dark port call in this window.');
    await page.waitForSelector('#triage-listed table.events tbody tr');
    // Port visits stay out of the triage, except as the activity of a listed ship.
    expect(await page.locator('#triage-listed tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))).toEqual(['pv-chon-1']);
    expect(await page.locator('#triage-sts tbody tr, #triage-dark-calls tbody tr, #triage-gaps tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))).toEqual(['enc-1']);
    expect(await page.getAttribute('a[href="#/events?type=port_visit"]', 'href')).toBe('#/events?type=port_visit');
    expect(await page.textContent('#live')).toBe('archive'); // no "live ●" without a feed
    // The map's land: the tiles of the fitted view (1:50m below zoom 6, 1:10m from it), never the whole world's
    // 1:50m file (1 MB that MapLibre's one worker parsed and cut before it drew the events).
    await page.waitForFunction(() => {
      const m = (window as any).tumen.map.map;
      const id = m.getZoom() < 6 ? 'land' : 'land-fine';
      return m.getSource(id) !== undefined && m.querySourceFeatures(id).length > 0;
    }, null, { timeout: 60_000 });
    page.off('request', onLand);
    expect(landAsked.filter((f) => f.endsWith('land-50m.geojson'))).toEqual([]);
    const landTiles = landAsked.filter((f) => !f.endsWith('index.json'));
    expect(landTiles.length).toBeGreaterThan(0);
    expect(landTiles.length).toBeLessThanOrEqual(12);
  }, 240_000);

  it('an encounter opens by keyboard at its own permalink, with both tracks, and back/forward walk the views', async () => {
    const row = page.locator('#triage-sts tbody tr').first();
    await row.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#event-title');
    expect(await hashOf()).toBe('#/event/enc-1');
    expect(await page.textContent('.who')).toBe('ANGARA · RU · IMO 9179842 ↔ CHON MA SAN · KP · IMO 8660313');
    const roles = await page.evaluate(async () => (await (await fetch('api/events/enc-1/context')).json()).features
      .filter((f: any) => f.properties.kind === 'track').map((f: any) => f.properties.role));
    expect(new Set(roles)).toEqual(new Set(['vessel', 'partner']));
    await page.goBack();
    await page.waitForSelector('#triage-sts table.events');
    expect(await hashOf()).toBe('');
    await page.goForward();
    await page.waitForSelector('#event-title');
    expect(await page.textContent('.who')).toContain('CHON MA SAN');
  }, 240_000);

  it('a dark period shows the dashed dark stretch and the area reachable while dark', async () => {
    await page.goto(`${server.url}/#/event/gap-angara-1`);
    await page.waitForSelector('#reachable-note');
    expect(await page.textContent('#reachable-note')).toContain('at most 18 kn for 10 h');
    // The map takes new source data asynchronously (a worker re-tiles it): wait for it, then look.
    const kindsOnMap = (): string[] => (window as any).tumen.map.map.querySourceFeatures('overlay', { filter: ['has', 'kind'] }).map((f: any) => f.properties.kind);
    await page.waitForFunction(() => {
      const k: string[] = (window as any).tumen.map.map.querySourceFeatures('overlay', { filter: ['has', 'kind'] }).map((f: any) => f.properties.kind);
      return k.includes('gap_line') && k.includes('reachable');
    }, null, { timeout: 30_000 }).catch(() => undefined);
    const kinds = await page.evaluate(kindsOnMap);
    expect(kinds).toContain('gap_line');
    expect(kinds).toContain('reachable');
  }, 240_000);

  it('filters are in the URL: apply adds a history entry, back restores the list', async () => {
    // The list shows its rows while its risk levels are still unanswered.
    let releaseRisk = (): void => {};
    const riskHeld = new Promise<void>((ok) => { releaseRisk = ok; });
    await page.route('**/api/risk?*', async (route) => { await riskHeld; await route.continue(); });
    try {
      await page.goto(`${server.url}/#/events`);
      await page.waitForFunction(() => document.querySelectorAll('table.events tbody tr').length === 3, null, { timeout: 20_000 });
      expect(await page.locator('table.events tbody tr td.risk-cell').first().textContent()).toBe('…');
      releaseRisk();
      await page.waitForFunction(() => document.querySelectorAll('table.events td.risk-cell[aria-busy]').length === 0, null, { timeout: 20_000 });
    } finally {
      releaseRisk();
      await page.unroute('**/api/risk?*');
    }
    await page.selectOption('#f-type', 'gap');
    await page.click('#filters button[type=submit]');
    await page.waitForFunction(() => document.querySelectorAll('table.events tbody tr').length === 1);
    expect(await hashOf()).toBe('#/events?type=gap');
    expect(await rowIds()).toEqual(['gap-angara-1']);
    await page.goBack();
    await page.waitForFunction(() => document.querySelectorAll('table.events tbody tr').length === 3);
    await page.goto(`${server.url}/#/events?mmsi=${CHON_MA_SAN}`);
    await page.waitForFunction(() => document.querySelectorAll('table.events tbody tr').length === 2);
    expect(await rowIds()).toEqual(['enc-1', 'pv-chon-1']);
  }, 240_000);

  it('a former name lands on the ship; a failed search clears the map', async () => {
    await page.fill('#search input', 'chonmasan');
    await page.press('#search input', 'Enter');
    await page.waitForSelector('#vessel-title');
    expect(await hashOf()).toBe(`#/vessel/${CHON_MA_SAN}`);
    expect(await page.textContent('#vessel-title')).toBe('CHON MA SAN · IMO 8660313');
    expect(await page.textContent('#screening')).toContain('MATCH against watchlist');
    await page.fill('#search input', 'NO SUCH SHIP');
    await page.press('#search input', 'Enter');
    await page.waitForSelector('#no-results');
    await page.waitForFunction(() => (window as any).tumen.map.map.querySourceFeatures('overlay', { filter: ['any', ['has', 'kind'], ['==', ['get', 'mark'], 'events']] }).length === 0, null, { timeout: 30_000 }).catch(() => undefined);
    expect(await page.evaluate(() => (window as any).tumen.map.map.querySourceFeatures('overlay', { filter: ['any', ['has', 'kind'], ['==', ['get', 'mark'], 'events']] }).length)).toBe(0);
  }, 240_000);

  it('a vessel page opens and the map shows land and the track', async () => {
    await page.goto(`${server.url}/#/vessel/${ANGARA}`);
    await page.waitForSelector('#vessel-title');
    expect(await page.textContent('#vessel-title')).toBe('ANGARA · IMO 9179842');
    expect(await page.textContent('#track-summary')).toContain(`${angaraPositions().length} positions`);
    expect(await page.textContent('#track-summary')).toContain('1 gap');
    await waitMapIdle();
    await page.waitForTimeout(500);
    const shot = await page.locator('#map').screenshot();
    const counts = await countColours(shot, { land: LAND, sea: SEA, track: TRACK });
    expect(counts.land).toBeGreaterThan(5000);
    expect(counts.sea).toBeGreaterThan(5000);
    expect(counts.track).toBeGreaterThan(100);
  }, 240_000);

  it('a track too long for MapLibre is drawn by deck.gl, its code fetched only then (?deckPoints= lowers the threshold)', async () => {
    const chunks: string[] = [];
    const onReq = (r: import('playwright-core').Request) => { if (r.url().includes('/chunks/')) chunks.push(r.url()); };
    page.on('request', onReq);
    await page.goto(`${server.url}/#/vessel/${ANGARA}`);
    await page.waitForSelector('#vessel-title');
    await waitMapIdle();
    expect(chunks).toEqual([]); // the default threshold (50,000 points): no deck.gl
    await page.goto(`${server.url}/?deckPoints=10#/vessel/${ANGARA}`);
    await page.waitForSelector('#vessel-title');
    await page.waitForFunction(() => document.querySelectorAll('#map canvas').length === 2, null, { timeout: 60_000 });
    await waitMapIdle();
    await page.waitForTimeout(500);
    page.off('request', onReq);
    expect(chunks.length).toBeGreaterThan(0);
    // MapLibre's own track line is empty: the track's pixels can only come from deck.gl's canvas.
    expect(await page.evaluate(() => (window as any).tumen.map.map.querySourceFeatures('tracks').length)).toBe(0);
    const withDeck = (await countColours(await page.locator('#map').screenshot(), { track: TRACK })).track;
    await page.evaluate(() => { document.querySelector<HTMLElement>('#map canvas:not(.maplibregl-canvas)')!.style.visibility = 'hidden'; });
    const without = (await countColours(await page.locator('#map').screenshot(), { track: TRACK })).track;
    // A few dozen pixels of that colour are not the track (marker edges); the track's are deck.gl's.
    expect(withDeck - without).toBeGreaterThan(100);
    expect(without).toBeLessThan(withDeck / 3);
  }, 240_000);

  it('event markers and port labels are drawn in the map\'s one canvas, the markers when they come last; hover names the ship, a click opens the event', async () => {
    await page.goto('about:blank');
    // The dossier (it brings the ship's events) held back until the track and the port labels are drawn: the
    // markers then come in the map's last update, with icons it has not drawn before. Icons drawn on
    // MapLibre's `styleimagemissing` event came after MapLibre had answered its worker without them, and
    // such markers were never drawn (in the suite, whenever the dossier answered last).
    let releaseDossier = (): void => {};
    const dossierHeld = new Promise<void>((ok) => { releaseDossier = ok; });
    await page.route('**/api/dossier?*', async (route) => { await dossierHeld; await route.continue(); });
    try {
      await page.goto(`${server.url}/#/vessel/${ANGARA}`);
      await page.waitForFunction(() => {
        const m = (window as any).tumen?.map?.map;
        return m && m.querySourceFeatures('tracks').length > 0 && m.queryRenderedFeatures({ layers: ['port-labels'] }).length > 0;
      }, null, { timeout: 60_000 });
      await waitMapIdle();
      expect(await page.evaluate(() => (window as any).tumen.map.map.queryRenderedFeatures({ layers: ['events'] }).length)).toBe(0);
      releaseDossier();
      await page.waitForSelector('#vessel-title');
    } finally {
      releaseDossier();
      await page.unroute('**/api/dossier?*');
    }
    await page.waitForFunction(() => (window as any).tumen.map.map.queryRenderedFeatures({ layers: ['events'] }).length > 0, null, { timeout: 30_000 });
    // One WebGL context: no deck.gl canvas for a track MapLibre draws.
    expect(await page.locator('#map canvas').count()).toBe(1);
    const drawn = await page.evaluate(() => {
      const m = (window as any).tumen.map.map;
      return {
        events: m.queryRenderedFeatures({ layers: ['events'] }).map((f: any) => f.properties.key).sort(),
        ports: m.queryRenderedFeatures({ layers: ['port-labels'] }).length,
      };
    });
    expect(drawn.events).toContain('gap-angara-1');
    expect(drawn.ports).toBeGreaterThan(0);
    const shot = await page.locator('#map').screenshot();
    expect((await countColours(shot, { gap: [230, 159, 0] }, 20)).gap).toBeGreaterThan(20); // the ◆ of the gap, in its colour
    const at = await page.evaluate(async () => {
      const t = (window as any).tumen.map;
      const e = await (await fetch('api/events/gap-angara-1')).json();
      const p = t.map.project([e.lon, e.lat]);
      const r = t.map.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    });
    await page.mouse.move(at.x, at.y);
    await page.waitForSelector('.maplibregl-popup', { timeout: 10_000 });
    expect(await page.textContent('.maplibregl-popup')).toMatch(/ANGARA \(RU, IMO 9179842\)/);
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(() => location.hash === '#/event/gap-angara-1');
    await page.waitForSelector('#event-title');
  }, 240_000);

  it('a vessel permalink asks for its dossier and its track at once, each a single time', async () => {
    await page.goto('about:blank');
    const seen: Array<{ url: string; startMs: number; endMs: number }> = [];
    const onDone = (req: import('playwright-core').Request) => {
      const t = req.timing();
      if (req.url().includes('/api/')) seen.push({ url: new URL(req.url()).pathname, startMs: t.startTime, endMs: t.startTime + t.responseEnd });
    };
    page.on('requestfinished', onDone);
    await page.goto(`${server.url}/#/vessel/${ANGARA}`);
    await page.waitForSelector('#vessel-title');
    page.off('requestfinished', onDone);
    const dossier = seen.filter((r) => r.url === '/api/dossier');
    const track = seen.filter((r) => r.url === `/api/vessels/${ANGARA}/track`);
    expect(dossier).toHaveLength(1);
    expect(track).toHaveLength(1);
    // Asked for before the dossier came back, not after.
    expect(track[0].startMs).toBeLessThan(dossier[0].endMs);
  }, 240_000);

  it('the time slider moves the playback marker', async () => {
    const before = await page.textContent('#clock');
    const marker = () => page.locator('#map .playhead').evaluate((m) => m.getBoundingClientRect().toJSON() as { x: number; y: number });
    const at = await marker();
    await page.locator('#time-slider').evaluate((s: HTMLInputElement) => { s.value = s.max; s.dispatchEvent(new Event('input')); });
    expect(await page.textContent('#clock')).not.toBe(before);
    const moved = await marker();
    expect(Math.hypot(moved.x - at.x, moved.y - at.y)).toBeGreaterThan(5);
    expect(await page.textContent('#clock')).toContain('2024-03-02 00:00');
  }, 240_000);

  it('exports download and parse: GeoJSON and CSV', async () => {
    const [geo] = await Promise.all([page.waitForEvent('download'), page.click('#vessel-exports a[data-export=geojson]')]);
    const fc = JSON.parse(readFileSync(await geo.path(), 'utf8'));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.find((f: any) => f.properties.kind === 'track').properties.points).toBe(angaraPositions().length);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#vessel-exports a[data-export=csv]')]);
    const lines = readFileSync(await csv.path(), 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('mmsi,time,lat,lon,speed_kn,gap_before');
    expect(lines.length).toBe(angaraPositions().length + 1);
  }, 240_000);

  it('the evidence pack downloads from the server: print map, names, timeline, detector parameters', async () => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#vessel-report')]);
    expect(dl.suggestedFilename()).toBe('tumen-report-imo9179842.html');
    const html = readFileSync(await dl.path(), 'utf8');
    expect(html).toContain('<h1>Tumen evidence: ANGARA (RU, IMO 9179842, MMSI 273000001)</h1>');
    // Drawn for print, not copied from the screen: vector land, the track, a scale bar; no playback marker image.
    expect(html).toMatch(/<svg class="print-map"[^]*<path class="land" d="M/);
    expect(html).toMatch(/<path class="track" d="M[^"]+"/);
    expect(html).toContain('class="scale-bar"');
    expect(html).not.toContain('data:image/png');
    expect(html).toContain('<svg class="timeline"');
    expect(html).toContain('GAP_PARAMS');
    expect(html).toContain('minGapH');
    expect(html).toContain('Natural Earth 1:10m');
    const kmz = await page.evaluate(async () => {
      const a = document.querySelector<HTMLAnchorElement>('#vessel-exports a[data-pack=kmz]')!;
      const r = await fetch(a.href);
      return { type: r.headers.get('content-type'), magic: [...new Uint8Array(await r.arrayBuffer()).slice(0, 4)] };
    });
    expect(kmz).toEqual({ type: 'application/vnd.google-earth.kmz', magic: [0x50, 0x4b, 0x03, 0x04] });
  }, 240_000);

  it('zoomed in, the map draws the 1:10m coast from the tiles in view only; the 1:50m land only zoomed out', async () => {
    // This page opened as a ship's permalink, fitted at zoom >= 6: the 1:50m land was never loaded.
    expect(await page.evaluate(() => { const m = (window as any).tumen.map.map; return { zoom: m.getZoom() >= 6, land: m.getSource('land') === undefined }; }))
      .toEqual({ zoom: true, land: true });
    await page.evaluate(() => (window as any).tumen.map.map.jumpTo({ center: [130.3, 42.25], zoom: 9 }));
    await page.waitForFunction(() => (window as any).tumen.map.map.querySourceFeatures('land-fine').length > 0, null, { timeout: 60_000 });
    // Every tile this page fetched so far (the ship page may have zoomed in before): Rajin's (130–135E,
    // 40–45N) among a handful, never the world's 1,461.
    const tiles = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.includes('/land10m/')).map((n) => n.split('/').pop()));
    expect(tiles).toContain('26_8.json');
    expect(tiles.length).toBeLessThanOrEqual(8);
    await page.evaluate(() => (window as any).tumen.map.map.jumpTo({ center: [130.3, 42.25], zoom: 4 }));
    await page.waitForFunction(() => (window as any).tumen.map.map.querySourceFeatures('land').length > 0, null, { timeout: 60_000 });
    const layers = await page.evaluate(() => {
      const m = (window as any).tumen.map.map;
      return { fine: m.getLayer('land-fine')?.minzoom, coarse: m.getLayer('land')?.maxzoom, under: m.getStyle().layers.slice(0, 3).map((l: any) => l.id) };
    });
    expect(layers).toEqual({ fine: 6, coarse: 6, under: ['sea', 'land', 'coastline'] });
  }, 240_000);

  it('an event selection exports as KML (ships by name) and as an evidence report', async () => {
    await page.goto(`${server.url}/#/events?type=gap`);
    await page.waitForFunction(() => document.querySelectorAll('table.events tbody tr').length === 1);
    const [kml] = await Promise.all([page.waitForEvent('download'), page.click('#event-exports a[data-export=kml]')]);
    const text = readFileSync(await kml.path(), 'utf8');
    expect(text).toMatch(/^<\?xml/);
    expect(text.match(/<Placemark>/g)).toHaveLength(1);
    expect(text).toContain('<name>gap ANGARA (MMSI 273000001) 2024-03-01T08:00:00.000Z</name>');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#event-report')]);
    const html = readFileSync(await dl.path(), 'utf8');
    expect(html).toContain('<h2>Events (1)</h2>');
    expect(html).toContain('gap-angara-1');
    // Made by the server, as `tumen report --events` makes it: print map, and the command that makes it again.
    expect(html).toContain('selection: <code>events matching ?type=gap</code>');
    expect(html).toContain('<svg class="print-map"');
    expect(html).toContain("tumen report --events type=gap");
  }, 240_000);

  it('a dropped fleet CSV gives list verdicts beside behaviour, exportable', async () => {
    await page.goto(`${server.url}/#/fleet`);
    await page.setInputFiles('#fleet-file', { name: 'fleet.csv', mimeType: 'text/csv', buffer: Buffer.from(`name,imo,mmsi\nCHON MA SAN,8660313,\nANGARA,,${ANGARA}\nGHOST,,999000001\n`) });
    await page.waitForSelector('#fleet-table');
    const cells = await page.locator('#fleet-table tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
    expect(cells.map((c) => c[3])).toEqual(['match', 'clear', 'clear']);
    expect(cells[0][5]).toMatch(/^sanctioned \(\d+\)$/);
    expect(cells[1][5]).toMatch(/^(low|medium|high) \(\d+\)$/);
    expect(cells[1][7]).toBe('1');
    expect(cells[2][5]).toBe('not in store');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#fleet-export')]);
    expect(readFileSync(await dl.path(), 'utf8').split('\r\n')[0]).toBe('name,imo,mmsi,verdict,best match,risk,last seen,dark events,MMSIs seen');
  }, 240_000);

  it('text contrast is at least 4.5:1 on the landing, event and vessel pages', async () => {
    for (const hash of ['#/', '#/event/gap-angara-1', `#/vessel/${ANGARA}`]) {
      await page.goto(`${server.url}/${hash}`);
      await page.waitForFunction(() => !document.getElementById('side')!.hasAttribute('aria-busy') && !document.querySelector('#side .loading'));
      const worst = await page.evaluate(() => {
        const lum = (c: number[]) => { const [r, g, b] = c.map((v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        const rgb = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number);
        const bgOf = (e: Element | null): number[] => {
          for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length >= 3 && (c[3] ?? 1) > 0.5) return c.slice(0, 3); }
          return [255, 255, 255];
        };
        let min = { ratio: 99, text: '' };
        for (const e of document.querySelectorAll('#side *, header *, #legend *')) {
          if (e.closest('[aria-hidden=true]') || !(e as HTMLElement).offsetParent) continue;
          const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
          if (!own) continue;
          const a = lum(rgb(getComputedStyle(e).color).slice(0, 3)), b = lum(bgOf(e));
          const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          if (ratio < min.ratio) min = { ratio, text: e.textContent!.trim().slice(0, 40) };
        }
        return min;
      });
      expect(worst.ratio, `${hash}: "${worst.text}"`).toBeGreaterThanOrEqual(4.5);
    }
  }, 240_000);

  it('is usable at 390 px: the map has a size, nothing scrolls sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${server.url}/#/event/enc-1`);
      await page.waitForSelector('#event-title');
      const box = await page.locator('#map').boundingBox();
      expect(box!.width).toBeGreaterThan(380);
      expect(box!.height).toBeGreaterThan(300);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await page.setViewportSize({ width: 1200, height: 800 });
    }
  }, 240_000);
});
