// Time until the landing page (triage) and a ship's page are interactive: loads them in Debian's Chromium
// (headless, SwiftShader: no GPU) against `tumen serve` on a store file, and reports the median over runs of
// (a) navigation start -> every section of the side panel rendered (no loading line left), (b) -> the map
// drawn too (MapLibre idle after that and two animation frames, the land of the view loaded: land, track, events), and (c) the API requests the page makes, timed
// from Node (server time without the browser), and (d) the browser's CPU seconds until the map is drawn (all
// its processes, from /proc: wall time on a loaded 2-core box says more about the load than the page), and
// (e) the frames MapLibre drew until then (each one a software render and read-back in SwiftShader) and whether
// the 1:50m land was fetched.
// Target: < 2 s with 20 M positions.
// Run: npx tsx bench/ui-pages.ts STORE.duckdb "SHIP QUERY" [runs=3] [page query, e.g. pace=0]   (needs npm run build)
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../src/server/start.js';

const [dbPath, ship = 'SIBIR', runsArg = '3', pageQuery = ''] = process.argv.slice(2);
if (!dbPath) throw new Error('usage: npx tsx bench/ui-pages.ts STORE.duckdb "SHIP" [runs]');
const runs = Number(runsArg);
const server = await startServer({ dbPath, port: 0, token: null, webRoot: resolve(import.meta.dirname, '../dist/web'), cacheEntries: 0 });
/** In the page: resolves once the map is drawn (false), or true if its land never loaded in 15 s. A string,
 *  not a function: tsx would name the inner functions with a helper the page does not have. */
const DRAWN = `new Promise((done) => {
  const m = window.tumen.map.map;
  const landDrawn = () => {
    const id = m.getZoom() < 6 ? 'land' : 'land-fine';
    return m.getSource(id) !== undefined && m.isSourceLoaded(id) && m.querySourceFeatures(id).length > 0;
  };
  const giveUp = setTimeout(() => done(true), 15000);
  const check = () => { if (m.loaded() && !m.isMoving() && landDrawn()) { clearTimeout(giveUp); done(false); } else m.once('idle', check); };
  requestAnimationFrame(() => requestAnimationFrame(check));
})`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const profile = await mkdtemp(join(tmpdir(), 'tumen-bench-ui-'));
/** User + system CPU seconds of the browser's processes (found by its profile directory), with those of the
 *  processes they have reaped (cutime, cstime): a renderer that exits between two readings (a navigation
 *  to another site swaps it) would otherwise take its CPU with it. */
const browserCpuS = (): number => {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(profile)) continue;
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    } catch { /* exited */ }
  }
  return ticks / 100;
};
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 860 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-first-run', '--disable-background-networking'],
});
// Counts the map's frames from the moment main.ts publishes `window.tumen`.
await browser.addInitScript(`(() => {
  let value;
  window.__frames = 0;
  Object.defineProperty(window, 'tumen', { configurable: true, get: () => value, set: (v) => { value = v; v.map.map.on('render', () => { window.__frames++; }); } });
})();`);
try {
  const stats = await (await fetch(`${server.url}/api/stats`)).json() as { positions: number; events: number };
  console.log(`store ${dbPath}: ${stats.positions} positions, ${stats.events} events; ${cpus().length} cores, load ${loadavg()[0].toFixed(1)}`);
  const page = browser.pages()[0] ?? (await browser.newPage());
  const dossier = await (await fetch(`${server.url}/api/dossier?q=${encodeURIComponent(ship)}`)).json() as { mmsis: number[] };
  const views = { triage: '#/', ship: `#/vessel/${dossier.mmsis[0]}` };
  for (const [name, hash] of Object.entries(views)) {
    const ms: number[] = [];
    const drawnMs: number[] = [];
    const cpuS: number[] = [];
    const frames: number[] = [];
    let coarseLand = 0;
    const landMissing: boolean[] = [];
    const apiMs = new Map<string, number[]>();
    for (let r = 0; r < runs; r++) {
      const urls: string[] = [];
      let landFetched = false;
      const onReq = (req: { url(): string }) => {
        if (req.url().includes('/api/')) urls.push(req.url());
        if (req.url().endsWith('/land-50m.geojson')) landFetched = true; // by MapLibre's worker
      };
      page.on('request', onReq);
      await page.goto('about:blank');
      const c0 = browserCpuS();
      const t0 = Date.now();
      await page.goto(`${server.url}/${pageQuery ? `?${pageQuery}` : ''}${hash}`);
      await page.waitForFunction(() => !document.getElementById('side')!.hasAttribute('aria-busy') && !document.querySelector('#side .loading'), null, { timeout: 300_000 });
      ms.push(Date.now() - t0);
      // Two animation frames first: a fit done with the side panel requests its tiles only at the map's next
      // render, and until then the map reports itself loaded (the view before the fit was). And the land of the
      // view drawn (1:50m below zoom 6, 1:10m from it on): a page adds it once it has fetched the tiles in view,
      // so the map may be idle before (given up after 15 s, for a view of open sea).
      landMissing.push(await page.evaluate(DRAWN) as boolean);
      drawnMs.push(Date.now() - t0);
      cpuS.push(browserCpuS() - c0);
      frames.push(await page.evaluate(() => (window as unknown as { __frames: number }).__frames));
      if (landFetched) coarseLand++;
      page.off('request', onReq);
      for (const u of new Set(urls)) {
        const a = Date.now();
        await (await fetch(u)).arrayBuffer();
        const key = new URL(u).pathname;
        apiMs.set(key, [...(apiMs.get(key) ?? []), Date.now() - a]);
      }
    }
    console.log(`${name} (${hash}): side panel after ${median(ms)} ms median of ${runs} (${ms.join(', ')}), map drawn after ${median(drawnMs)} ms (${drawnMs.join(', ')}), browser ${median(cpuS).toFixed(2)} CPU-s (${cpuS.map((c) => c.toFixed(2)).join(', ')}), ${median(frames)} frames (${frames.join(', ')}), 1:50m land fetched in ${coarseLand} of ${runs}${landMissing.some(Boolean) ? `, NO LAND DRAWN in ${landMissing.filter(Boolean).length}` : ''}; API from Node: ${[...apiMs].map(([k, v]) => `${k} ${median(v)} ms`).join(', ')}`);
  }
} finally {
  await browser.close();
  await server.close();
  await rm(profile, { recursive: true, force: true });
}
