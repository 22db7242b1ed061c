// How the web map copes with a million track points: loads the UI in Debian's Chromium (headless,
// SwiftShader software WebGL — a worst case: no GPU), hands deck.gl 10 k / 100 k / 1 M points as binary
// attributes through the page's own TumenMap.setTracks, and measures the time to pack + draw the first
// frame and the frame rate while panning for 3 s (0 points = the basemap alone).
// Run: npx tsx bench/serve-web-1m.ts [0,10000,100000,1000000] (needs npm run build).
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { Store } from '../src/store/db.js';
import { startServer } from '../src/server/start.js';

const store = await Store.open(':memory:');
const server = await startServer({ store, port: 0, token: null, webRoot: resolve(import.meta.dirname, '../dist/web') });
const profile = await mkdtemp(join(tmpdir(), 'tumen-bench-chromium-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1200, height: 800 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = browser.pages()[0] ?? (await browser.newPage());
  await page.goto(server.url);
  await page.waitForFunction(() => (window as any).tumen?.map?.map?.loaded());
  console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model}); Chromium headless, SwiftShader (no GPU)`);
  const sizes = (process.argv[2] ?? '0,10000,100000,1000000').split(',').map(Number);
  for (const n of sizes) {
    // A plain string: tsx's helpers must not leak into the page.
    const r = (await page.evaluate(`(async (n) => {
      const tm = window.tumen.map;
      const m = tm.map;
      const track = { mmsi: 1, total_points: n, simplified: false, time_ms: new Array(n), lon: new Array(n), lat: new Array(n), speed_kn: [], gaps: [[n / 2 - 1, n / 2]], gap_h: 6 };
      for (let i = 0; i < n; i++) { track.time_ms[i] = i * 1000; track.lon[i] = 128 + 6 * (i / n) + 0.3 * Math.sin(i / 50); track.lat[i] = 40 + 2 * Math.sin(i / (n / 7)) + 0.2 * Math.cos(i / 37); }
      m.jumpTo({ center: [131, 41], zoom: 5 });
      const t0 = performance.now();
      tm.setTracks([track]);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const firstFrameMs = performance.now() - t0;
      let frames = 0;
      const t1 = performance.now();
      await new Promise((done) => {
        const step = () => {
          frames++;
          m.panBy([4, 2], { animate: false });
          if (performance.now() - t1 < 3000) requestAnimationFrame(step); else done();
        };
        requestAnimationFrame(step);
      });
      const fps = frames / ((performance.now() - t1) / 1000);
      tm.setTracks([]);
      return { firstFrameMs, fps };
})(${n})`)) as { firstFrameMs: number; fps: number };
    console.log(`${n.toLocaleString('en')} points: pack + first frame ${r.firstFrameMs.toFixed(0)} ms, panning ${r.fps.toFixed(1)} frames/s`);
  }
} finally {
  await browser.close();
  await server.close();
  store.close();
  await rm(profile, { recursive: true, force: true });
}
