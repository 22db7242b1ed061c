// The web UI in Debian's Chromium (playwright-core), against a real server on a store the test fills.
// Asserts pixels of screenshots (land and track colours), the filters, the vessel page, the exports.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { Store } from '../../src/store/db.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { ANGARA, CHON_MA_SAN, angaraPositions, fillStore } from '../server/fixture-store.js';

const CHROMIUM = '/usr/bin/chromium';
const WEB_ROOT = resolve(import.meta.dirname, '../../dist/web');
// Colours from src/web/basemap.ts and src/web/colors.ts.
const LAND: [number, number, number] = [0xe8, 0xe1, 0xcf];
const SEA: [number, number, number] = [0xa8, 0xc8, 0xe0];
const TRACK: [number, number, number] = [255, 102, 0];

let store: Store;
let server: RunningServer;
let browser: BrowserContext;
let page: Page;
let profile: string;

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
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (scripts/test.sh does: apt-get install chromium)`);
  if (!existsSync(join(WEB_ROOT, 'index.html'))) throw new Error(`${WEB_ROOT}/index.html is missing: run npm run build (it builds the web UI)`);
  store = await Store.open(':memory:');
  await fillStore(store);
  server = await startServer({ store, port: 0, token: null, webRoot: WEB_ROOT });
  profile = await mkdtemp(join(tmpdir(), 'tumen-chromium-'));
  // A fresh profile per run, so nothing cached from a previous run changes what the test sees.
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
    viewport: { width: 1200, height: 800 },
    acceptDownloads: true,
  });
  page = browser.pages()[0] ?? await browser.newPage();
  page.on('pageerror', (err) => console.error('page error:', err.message));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  store?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

describe('web UI', () => {
  it('lists events and the filters change the list', async () => {
    await page.goto(server.url);
    await page.waitForSelector('#events tbody tr');
    expect(await page.locator('#events tbody tr').count()).toBe(3);
    await page.selectOption('#filters select[name=type]', 'gap');
    await page.click('#filters button[type=submit]');
    await page.waitForFunction(() => document.querySelectorAll('#events tbody tr').length === 1);
    expect(await page.locator('#events tbody tr').getAttribute('data-id')).toBe('gap-angara-1');
    await page.selectOption('#filters select[name=type]', '');
    await page.fill('#filters input[name=mmsi]', String(CHON_MA_SAN));
    await page.click('#filters button[type=submit]');
    await page.waitForFunction(() => document.querySelectorAll('#events tbody tr').length === 2);
    expect(await page.locator('#events tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))).toEqual(['enc-1', 'pv-chon-1']);
  }, 60_000);

  it('selecting an event shows it: the gap as a dashed line on the map', async () => {
    await page.fill('#filters input[name=mmsi]', '');
    await page.selectOption('#filters select[name=type]', 'gap');
    await page.click('#filters button[type=submit]');
    await page.waitForFunction(() => document.querySelectorAll('#events tbody tr').length === 1);
    await page.click('#events tbody tr');
    await page.waitForSelector('#selected-event');
    expect(await page.textContent('#selected-event h3')).toContain(String(ANGARA));
    const gapFeatures = await page.evaluate(() => {
      const m = (window as any).tumen.map.map;
      return m.querySourceFeatures('selection').filter((f: any) => f.properties.kind === 'gap_line').length;
    });
    expect(gapFeatures).toBeGreaterThan(0);
  }, 60_000);

  it('a vessel page opens and the map shows land and the track', async () => {
    await page.goto(`${server.url}/#/vessel/${ANGARA}`);
    await page.waitForSelector('#vessel-title');
    expect(await page.textContent('#vessel-title')).toBe(`ANGARA · MMSI ${ANGARA}`);
    expect(await page.textContent('#track-summary')).toContain(`${angaraPositions().length} positions`);
    expect(await page.textContent('#track-summary')).toContain('1 gap');
    await waitMapIdle();
    await page.waitForTimeout(500);
    const shot = await page.locator('#map').screenshot();
    const counts = await countColours(shot, { land: LAND, sea: SEA, track: TRACK });
    expect(counts.land).toBeGreaterThan(5000);
    expect(counts.sea).toBeGreaterThan(5000);
    expect(counts.track).toBeGreaterThan(100);
  }, 60_000);

  it('the time slider moves the playback marker', async () => {
    const before = await page.textContent('#clock');
    await page.locator('#time-slider').evaluate((s: HTMLInputElement) => { s.value = s.max; s.dispatchEvent(new Event('input')); });
    expect(await page.textContent('#clock')).not.toBe(before);
    expect(await page.textContent('#clock')).toContain('2024-03-02 00:00');
  }, 30_000);

  it('exports download and parse: GeoJSON and CSV', async () => {
    const [geo] = await Promise.all([page.waitForEvent('download'), page.click('#vessel-exports a[data-export=geojson]')]);
    const fc = JSON.parse(readFileSync(await geo.path(), 'utf8'));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.find((f: any) => f.properties.kind === 'track').properties.points).toBe(angaraPositions().length);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#vessel-exports a[data-export=csv]')]);
    const lines = readFileSync(await csv.path(), 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('mmsi,time,lat,lon,speed_kn,gap_before');
    expect(lines.length).toBe(angaraPositions().length + 1);
  }, 60_000);

  it('the evidence report downloads with the map image, timeline, sources and detector parameters', async () => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#vessel-report')]);
    expect(dl.suggestedFilename()).toBe(`tumen-report-${ANGARA}.html`);
    const html = readFileSync(await dl.path(), 'utf8');
    expect(html).toContain('<h1>Tumen evidence report: ANGARA (MMSI 273000001)</h1>');
    const img = /<img class="map"[^>]*src="data:image\/png;base64,([^"]+)"/.exec(html);
    expect(img).not.toBeNull();
    const counts = await countColours(Buffer.from(img![1], 'base64'), { land: LAND, track: TRACK });
    expect(counts.land).toBeGreaterThan(5000);
    expect(counts.track).toBeGreaterThan(100);
    expect(html).toContain('<svg class="timeline"');
    expect(html).toContain('GAP_PARAMS');
    expect(html).toContain('minGapH');
    expect(html).toContain('Natural Earth');
  }, 60_000);

  it('an event selection exports as KML and as an evidence report', async () => {
    await page.goto(`${server.url}/#/?type=gap`);
    await page.waitForFunction(() => document.querySelectorAll('#events tbody tr').length === 1);
    const [kml] = await Promise.all([page.waitForEvent('download'), page.click('#event-exports a[data-export=kml]')]);
    const text = readFileSync(await kml.path(), 'utf8');
    expect(text).toMatch(/^<\?xml/);
    expect(text.match(/<Placemark>/g)).toHaveLength(1);
    expect(text).toContain('<name>gap ANGARA (MMSI 273000001) 2024-03-01T08:00:00.000Z</name>');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#event-report')]);
    const html = readFileSync(await dl.path(), 'utf8');
    expect(html).toContain('<h2>Events (1)</h2>');
    expect(html).toContain('gap-angara-1');
    expect(html).toContain('selection: <code>?type=gap</code>');
  }, 60_000);
});
