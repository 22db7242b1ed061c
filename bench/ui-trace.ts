// Where a page's time to "map drawn" goes: loads the landing page (triage) and a ship's page once each in
// Debian's Chromium (headless, SwiftShader: no GPU) against `tumen serve` on a store file, with a Chrome trace,
// and prints (a) a timeline from navigation start: every request (start → end, bytes), the map's events
// (created, style loaded, first frame, each source loaded, idle) and the side panel done, and (b) per browser
// thread the time in top-level tasks until the map is drawn, with the heaviest kinds of work in each.
// Run: npx tsx bench/ui-trace.ts STORE.duckdb "SHIP" [cold|warm] [trace-dir|none] [frames]   (needs npm run build;
//   `frames` also lists every frame, source update and icon drawn)
//   cold: a fresh profile per page (first visit); warm: the page loaded once before, then traced.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startServer } from '../src/server/start.js';

const [dbPath, ship = 'SIBIR', mode = 'warm', traceDir, detail] = process.argv.slice(2);
if (!dbPath) throw new Error('usage: npx tsx bench/ui-trace.ts STORE.duckdb "SHIP" [cold|warm] [trace-dir]');
const server = await startServer({ dbPath, port: 0, token: null, webRoot: resolve(import.meta.dirname, '../dist/web'), cacheEntries: 0 });

/** Records the map's events (from the moment main.ts publishes `window.tumen`) on `window.__marks`. */
const HOOK = `(() => {
  const marks = window.__marks = [];
  const mark = (name) => marks.push([name, performance.now()]);
  let value;
  Object.defineProperty(window, 'tumen', { configurable: true, get: () => value, set: (v) => {
    value = v; mark('map created');
    const m = v.map.map;
    m.once('style.load', () => mark('style loaded'));
    m.once('render', () => mark('first frame'));
    m.once('load', () => mark('map load'));
    const seen = new Set();
    m.on('sourcedata', (e) => { if (e.isSourceLoaded && e.sourceDataType !== 'metadata' && !seen.has(e.sourceId)) { seen.add(e.sourceId); mark('source ' + e.sourceId + ' loaded'); } });
    m.on('idle', () => mark('idle'));
    let frames = 0;
    m.on('render', () => { frames++; if (window.__logFrames) mark('frame ' + frames); });
    m.on('sourcedata', (e) => { if (window.__logFrames && e.sourceDataType !== 'metadata' && e.tile === undefined) mark('data ' + e.sourceId + (e.isSourceLoaded ? ' (loaded)' : '')); });
    m.on('styleimagemissing', (e) => { if (window.__logFrames) mark('icon ' + e.id.slice(0, 30)); });
    m.on('moveend', () => mark('moveend z' + m.getZoom().toFixed(1)));
  } });
})();`;

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'gpu', 'toplevel', 'loading', 'disabled-by-default-v8.compile'].join(',');

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string } }

async function tracePage(page: Page, hash: string, label: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d: { value: TraceEvent[] }) => { chunks.push(...d.value); });
  const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  await page.goto('about:blank');
  const tracing = traceDir !== 'none';
  if (tracing) await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  const t0 = Date.now();
  await page.goto(`${server.url}/${hash}`);
  const sideMs = await page.waitForFunction(() => (!document.getElementById('side')!.hasAttribute('aria-busy') && !document.querySelector('#side .loading') ? performance.now() : 0), null, { timeout: 300_000 });
  const side = Number(await sideMs.jsonValue());
  const drawn = await page.evaluate(() => new Promise<number>((ok) => {
    const m = (window as unknown as { tumen: { map: { map: { loaded(): boolean; isMoving(): boolean; once(ev: string, f: () => void): void } } } }).tumen.map.map;
    if (m.loaded() && !m.isMoving()) ok(performance.now()); else m.once('idle', () => ok(performance.now()));
  }));
  const wall = Date.now() - t0;
  const marks = await page.evaluate(() => (window as unknown as { __marks: Array<[string, number]> }).__marks);
  const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => {
    const e = r as PerformanceResourceTiming;
    return { name: e.name.replace(location.origin, ''), start: e.startTime, resp: e.responseStart, end: e.responseEnd, bytes: e.encodedBodySize, cached: e.transferSize === 0 };
  }));
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd };
  });
  if (tracing) {
    await cdp.send('Tracing.end');
    await done;
  }
  if (traceDir && tracing) await writeFile(join(traceDir, `${label}.json`), JSON.stringify({ traceEvents: chunks }));

  console.log(`\n== ${label} (${hash}): side panel ${side.toFixed(0)} ms, map drawn ${drawn.toFixed(0)} ms (wall from goto ${wall} ms), load ${loadavg()[0].toFixed(1)}`);
  const lines: Array<[number, string]> = [
    [nav.dcl, 'DOMContentLoaded'], [side, 'side panel done'], [drawn, 'map drawn'],
    ...marks.map(([n, t]) => [t, `map: ${n}`] as [number, string]),
    ...resources.map((r) => [r.start, `fetch ${r.name.slice(0, 70)} → resp +${(r.resp - r.start).toFixed(0)}, end ${r.end.toFixed(0)} ms, ${(r.bytes / 1024).toFixed(0)} kB${r.cached ? ' (cache)' : ''}`] as [number, string]),
  ];
  for (const [t, s] of lines.sort((a, b) => a[0] - b[0])) console.log(`${t.toFixed(0).padStart(7)} ms  ${s}`);

  // Per thread: time in top-level tasks (RunTask) and the heaviest named work inside, until the map was drawn.
  const names = new Map<string, string>();
  for (const e of chunks) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  const navStart = chunks.find((e) => e.name === 'navigationStart')?.ts ?? Math.min(...chunks.filter((e) => e.ts > 0).map((e) => e.ts));
  const end = navStart + drawn * 1000;
  const perThread = new Map<string, { task: number; kinds: Map<string, number> }>();
  for (const e of chunks) {
    if (e.ph !== 'X' || !e.dur || e.ts < navStart || e.ts > end) continue;
    const th = names.get(`${e.pid}:${e.tid}`) ?? `tid ${e.tid}`;
    const t = perThread.get(th) ?? { task: 0, kinds: new Map() };
    perThread.set(th, t);
    if (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') t.task += e.dur;
    else t.kinds.set(e.name, (t.kinds.get(e.name) ?? 0) + e.dur);
  }
  console.log('  busy per thread until the map was drawn (top-level tasks; the kinds overlap, nested work counts in each):');
  for (const [th, t] of [...perThread].sort((a, b) => b[1].task - a[1].task).slice(0, 10)) {
    if (t.task < 20_000) continue;
    const top = [...t.kinds].sort((a, b) => b[1] - a[1]).slice(0, 7).map(([k, v]) => `${k} ${(v / 1000).toFixed(0)}`).join(', ');
    console.log(`  ${th.padEnd(28)} ${(t.task / 1000).toFixed(0).padStart(6)} ms  [${top}]`);
  }
}

const launch = async (profile: string): Promise<BrowserContext> => chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 860 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-first-run', '--disable-background-networking'],
});

try {
  const dossier = await (await fetch(`${server.url}/api/dossier?q=${encodeURIComponent(ship)}`)).json() as { mmsis: number[] };
  const views = { triage: '#/', ship: `#/vessel/${dossier.mmsis[0]}` };
  for (const [name, hash] of Object.entries(views)) {
    const profile = await mkdtemp(join(tmpdir(), 'tumen-bench-trace-'));
    const browser = await launch(profile);
    try {
      await browser.addInitScript(HOOK);
      if (detail) await browser.addInitScript('window.__logFrames = true;');
      const page = browser.pages()[0] ?? (await browser.newPage());
      if (mode === 'warm') {
        await page.goto(`${server.url}/${hash}`);
        await page.waitForFunction(() => (window as unknown as { tumen?: { map: { map: { loaded(): boolean } } } }).tumen?.map.map.loaded(), null, { timeout: 300_000 });
        await page.waitForTimeout(500);
      }
      await tracePage(page, hash, `${name}-${mode}`);
    } finally {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    }
  }
} finally {
  await server.close();
}
