// Issue 9 in the browser (Debian's Chromium via playwright-core) on the fixture store plus a DPRK tanker's
// dark call at Rajin, two satellite scenes and a Rajin pier count: the fuel page (chart against the cap,
// tankers by name · flag · IMO), the sites pages (series with the change flag, the observation form with
// the token, corrections and their history), the dark call's imagery and site counts in the event view
// (footprint and dark detection on the map), and the counts in the ship's timeline.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type TestBrowser } from './browser.js';
import { Store } from '../../src/store/db.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { fillStore } from '../server/fixture-store.js';
import { DPC_ID, TANKER, fillIssue9 } from '../server/issue9-fixture.js';

const WEB_ROOT = resolve(import.meta.dirname, '../../dist/web');
const TOKEN = 'ui-token-issue9-0123456789';

let store: Store;
let server: RunningServer;
let chrome: TestBrowser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) throw new Error(`${WEB_ROOT}/index.html is missing: run npm run build (it builds the web UI)`);
  store = await Store.open(':memory:');
  await fillStore(store);
  await fillIssue9(store);
  server = await startServer({ store, port: 0, token: TOKEN, webRoot: WEB_ROOT });
  chrome = await openBrowser();
  page = chrome.page;
}, 240_000);

afterAll(async () => {
  await chrome?.close();
  await server?.close();
  store?.close();
});

const rows = (sel: string) => page.locator(`${sel} tbody tr`).evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));

describe('issue 9 pages', () => {
  it('the fuel page charts the cumulative barrels against the 500,000 cap and lists the tanker by name, flag and IMO', async () => {
    await page.goto(`${server.url}/#/fuel`);
    await page.waitForSelector('#fuel-voyages');
    const central = Math.round(15.6825 * 350 * 7.23);
    expect(await page.textContent('#fuel-title')).toBe('Fuel-cap monitor · 2024');
    expect(await page.textContent('#fuel-total')).toContain(`1 delivery, ${central.toLocaleString('en-US')} bbl`);
    expect(await page.textContent('#fuel-total')).toContain(`${((central / 500_000) * 100).toFixed(1)} % of the 500,000 bbl cap`);
    // The cap line sits above the cumulative line's end (the year is at 7.9 % of the cap).
    const geom = await page.evaluate(() => {
      const cap = document.querySelector('#fuel-chart .cap-line')!;
      const dots = [...document.querySelectorAll('#fuel-chart circle')].map((c) => Number(c.getAttribute('cy')));
      return { capY: Number(cap.getAttribute('y1')), dots, label: document.querySelector('#fuel-chart svg')!.getAttribute('aria-label') };
    });
    expect(geom.dots).toHaveLength(1);
    expect(geom.dots[0]).toBeGreaterThan(geom.capY);
    expect(geom.label).toContain('against the cap of 500,000');
    const voyages = await rows('#fuel-voyages');
    expect(voyages).toHaveLength(1);
    expect(voyages[0]).toContain('YU JONG 2 · KP · IMO 8604838');
    expect(voyages[0]).toContain('dark port call at Najin/Rajin');
    expect(voyages[0]).toContain('6.5 → 3 m');
    expect(voyages[0]).toContain(central.toLocaleString('en-US'));
  }, 240_000);

  it('the sites page lists the curated sites; a site shows its series with the change flag of 73 rail cars', async () => {
    await page.goto(`${server.url}/#/sites`);
    await page.waitForSelector('#sites-table');
    const sites = await rows('#sites-table');
    expect(sites).toHaveLength(6);
    expect(sites.join('\n')).toContain('Tumangang rail yard');
    await page.click('#sites-table a:text("Tumangang rail yard")');
    await page.waitForSelector('#obs-table');
    expect(await page.evaluate(() => location.hash)).toBe('#/site/tumangang-yard');
    expect((await rows('#obs-table')).join('\n')).toContain('CHANGE: rail cars 73 vs 20 (documented)');
    expect(await page.locator('#site-chart circle.flag').count()).toBeGreaterThan(0);
  }, 240_000);

  it('the observation form needs the token, saves a count, saves a correction, and shows who changed what', async () => {
    await page.goto(`${server.url}/#/site/khasan-yard`);
    await page.waitForSelector('#obs-form');
    const before = (await rows('#obs-table')).length;
    await page.fill('#obs-token', 'not-the-token');
    await page.fill('#obs-editor', 'analyst A');
    await page.fill('#obs-time', '2024-09-05');
    await page.fill('#obs-rail_cars', '12');
    await page.click('#obs-submit');
    await page.waitForSelector('#obs-status.error');
    expect(await page.textContent('#obs-status')).toContain('invalid API token');
    await page.fill('#obs-token', TOKEN);
    await page.click('#obs-submit');
    await page.waitForFunction((n) => document.querySelectorAll('#obs-table tbody tr').length === n + 1, before);
    const first = (await rows('#obs-table'))[0]!;
    expect(first).toContain('2024-09-05');
    expect(first).toContain('rail cars 12');
    // Correct it: the form fills from the row, the token is remembered for the tab.
    await page.locator('#obs-table tbody tr').first().locator('button[data-edit]').click();
    expect(await page.inputValue('#obs-rail_cars')).toBe('12');
    expect(await page.inputValue('#obs-token')).toBe(TOKEN);
    await page.fill('#obs-editor', 'analyst B');
    await page.fill('#obs-rail_cars', '14');
    await page.click('#obs-submit');
    await page.waitForFunction(() => document.querySelector('#obs-table tbody tr')?.textContent?.includes('rail cars 14'));
    expect((await rows('#obs-table')).length).toBe(before + 1);
    await page.locator('#obs-table tbody tr').first().locator('button[data-history]').click();
    await page.waitForSelector('#obs-history table');
    const edits = await rows('#obs-history');
    expect(edits).toHaveLength(2);
    expect(edits[0]).toMatch(/analyst A.*create.*rail cars 12/);
    expect(edits[1]).toMatch(/analyst B.*update.*rail cars 12.*rail cars 14/);
  }, 240_000);

  it('the dark call at Rajin shows the scene footprint, the dark detection with the tanker among its candidates, and the pier count', async () => {
    await page.goto(`${server.url}/#/event/${DPC_ID}`);
    await page.waitForSelector('#event-imagery');
    const text = await page.textContent('#event-imagery');
    expect(text).toContain('S-RAJIN · optical');
    expect(text).toContain('1 detections: 0 matched, 1 dark');
    const detection = (await rows('#event-imagery table.detections'))[0]!;
    expect(detection).toContain('d-rajin-dark');
    expect(detection).toContain('dark');
    expect(detection).toContain('101 m');
    expect(detection).toContain('YU JONG 2 · KP · IMO 8604838 ← this ship');
    const obs = (await rows('#event-observations'))[0]!;
    expect(obs).toContain('Rajin (Najin) port piers 1–3');
    expect(obs).toContain('vessels 2');
    expect(obs).toMatch(/yes$/);
    const drawn = await page.evaluate(() => (window as any).tumen.map.selection.features
      .filter((f: any) => ['scene', 'detection'].includes(f.properties.kind)).map((f: any) => `${f.properties.kind}:${f.properties.status ?? f.properties.id}`));
    expect(drawn).toEqual(['scene:S-RAJIN', 'detection:dark']);
  }, 240_000);

  it("the tanker's page puts the pier count in its timeline and lists it with its event", async () => {
    await page.goto(`${server.url}/#/vessel/${TANKER}`);
    await page.waitForSelector('#vessel-observations');
    expect(await page.textContent('#timeline')).toContain('site counts');
    const r = (await rows('#vessel-observations'))[0]!;
    expect(r).toContain('Rajin (Najin) port piers 1–3');
    expect(r).toContain('yes');
  }, 240_000);
});
