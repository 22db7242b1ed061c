// Issue 9 in the browser (Debian's Chromium via playwright-core) on the fixture store plus a DPRK tanker's
// dark call at Rajin, two satellite scenes and a Rajin pier count: the fuel page (chart against the cap,
// tankers by name · flag · IMO), the sites pages (series with the change flag, the observation form with
// the token, corrections and their history), the dark call's imagery and site counts in the event view
// (footprint and dark detection on the map), and the counts in the ship's timeline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openWorkbench, type Workbench } from './workbench.js';
import type { Store } from '../../src/store/db.js';
import type { RunningServer } from '../../src/server/start.js';
import { fillStore } from '../server/fixture-store.js';
import { DPC_ID, TANKER, fillIssue9 } from '../server/issue9-fixture.js';
import { PORTS_OF_INTEREST } from '../../src/reference/ports-of-interest.js';

const TOKEN = 'ui-token-issue9-0123456789';

let wb: Workbench;
let store: Store;
let server: RunningServer;
let page: Page;

beforeAll(async () => {
  wb = await openWorkbench({ token: TOKEN, fill: async (s) => { await fillStore(s); await fillIssue9(s); } });
  ({ store, server, page } = wb);
}, 240_000);

afterAll(async () => wb?.close());

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

  it('the fuel page maps the voyage: the delivery at Rajin labelled with the tanker and its barrels', async () => {
    await page.goto(`${server.url}/#/fuel`);
    await page.waitForSelector('#fuel-voyages');
    const drawn = await page.evaluate(() => (window as any).tumen.map.selection.features.map((f: any) => `${f.properties.kind}:${f.geometry.coordinates.flat().map((x: number) => x.toFixed(2)).join(',')}`));
    const rajin = PORTS_OF_INTEREST.find((x) => x.id === 'KPNJN')!;
    expect(drawn).toEqual([`port:${rajin.lon.toFixed(2)},${rajin.lat.toFixed(2)}`]);
    const labels = await page.evaluate(() => (window as any).tumen.map.labelData.map((l: any) => l.text));
    expect(labels).toHaveLength(1);
    expect(labels[0]).toMatch(/^YU JONG 2 · [\d,]+ bbl$/);
  }, 240_000);

  it('the sites map draws each site: its footprint, or the ±1 km circle its point is good to', async () => {
    await page.goto(`${server.url}/#/sites`);
    await page.waitForSelector('#sites-table');
    const drawn = await page.evaluate(() => (window as any).tumen.map.selection.features.map((f: any) => ({ id: f.properties.id, kind: f.properties.kind, approx: f.properties.approximate, n: f.geometry.coordinates[0].length })));
    expect(drawn).toHaveLength(6);
    expect(drawn.every((d: any) => d.kind === 'site' && d.approx === true && d.n === 33)).toBe(true);
    expect(await page.evaluate(() => (window as any).tumen.map.map.getLayer('sel-site-edge') !== undefined)).toBe(true);
  }, 240_000);

  it('the fuel and sites pages keep text contrast ≥ 4.5:1 and fit 390 px without sideways scrolling', async () => {
    for (const hash of ['#/fuel', '#/sites', '#/site/tumangang-yard']) {
      await page.goto(`${server.url}/${hash}`);
      await page.waitForFunction(() => !document.querySelector('#side .loading') && document.querySelector('#side table'));
      const worst = await page.evaluate(() => {
        const lum = (c: number[]) => { const [r, g, b] = c.map((v) => { const x = v / 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!; };
        const rgb = (x: string) => (x.match(/[\d.]+/g) ?? []).map(Number);
        const bgOf = (e: Element | null): number[] => {
          for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length >= 3 && (c[3] ?? 1) > 0.5) return c.slice(0, 3); }
          return [255, 255, 255];
        };
        let min = { ratio: 99, text: '' };
        for (const e of document.querySelectorAll('#side *')) {
          if (e.closest('[aria-hidden=true]') || !(e as HTMLElement).offsetParent) continue;
          if (![...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())) continue;
          const a = lum(rgb(getComputedStyle(e).color).slice(0, 3)), b = lum(bgOf(e));
          const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          if (ratio < min.ratio) min = { ratio, text: e.textContent!.trim().slice(0, 40) };
        }
        return min;
      });
      expect(worst.ratio, `${hash}: "${worst.text}"`).toBeGreaterThanOrEqual(4.5);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const hash of ['#/fuel', '#/sites', '#/site/tumangang-yard']) {
        await page.goto(`${server.url}/${hash}`);
        await page.waitForFunction(() => !document.querySelector('#side .loading') && document.querySelector('#side table'));
        expect(await page.evaluate(() => document.documentElement.scrollWidth), hash).toBeLessThanOrEqual(390);
        expect((await page.locator('#map').boundingBox())!.width, hash).toBeGreaterThan(380);
      }
    } finally {
      await page.setViewportSize({ width: 1200, height: 800 });
    }
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
    await page.fill('#obs-time', '2024-09-05T14:30');
    await page.fill('#obs-rail_cars', '12');
    await page.click('#obs-submit');
    await page.waitForSelector('#obs-status.error');
    expect(await page.textContent('#obs-status')).toContain('invalid API token');
    await page.fill('#obs-token', TOKEN);
    await page.click('#obs-submit');
    await page.waitForFunction((n) => document.querySelectorAll('#obs-table tbody tr').length === n + 1, before);
    const first = (await rows('#obs-table'))[0]!;
    expect(first).toContain('2024-09-05 14:30');
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
