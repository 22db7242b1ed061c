// Builds the browser UI into dist/web: bundles src/web/main.ts with esbuild, copies the page, styles and
// MapLibre's worker, and converts Natural Earth land (world-atlas land-50m TopoJSON) into the GeoJSON
// the offline basemap draws — so the map works with no internet.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(root, 'dist/web');
const require = createRequire(import.meta.url);
const maplibreDist = dirname(require.resolve('maplibre-gl/dist/maplibre-gl.css'));

await mkdir(out, { recursive: true });
await build({
  entryPoints: [resolve(root, 'src/web/main.ts')],
  outdir: out,
  entryNames: 'app',
  // deck.gl (only for tracks too long for MapLibre, src/web/map.ts) in chunks of its own, loaded on demand.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
});
// early.js: a classic script of a few kB that the page runs before app.js, to ask for the first view's API
// answers at once (src/web/early.ts).
await build({
  entryPoints: [resolve(root, 'src/web/early.ts')],
  outfile: resolve(out, 'early.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  logLevel: 'warning',
});
// The chunks app.js imports statically (esbuild's shared helpers) are announced in the page, so the browser
// fetches them with app.js instead of after parsing it (one round trip less before the first line runs).
const appJs = await readFile(resolve(out, 'app.js'), 'utf8');
const staticChunks = [...new Set([...appJs.matchAll(/(?:import|from)\s*"\.\/(chunks\/[^"]+\.js)"/g)].map((m) => m[1]))];
const page = await readFile(resolve(root, 'src/web/index.html'), 'utf8');
await writeFile(resolve(out, 'index.html'), page.replace('<script type="module" src="app.js"></script>',
  [...staticChunks.map((c) => `<link rel="modulepreload" href="${c}">`), '<script type="module" src="app.js"></script>'].join('\n  ')));
await copyFile(resolve(root, 'src/web/style.css'), resolve(out, 'style.css'));
await copyFile(resolve(maplibreDist, 'maplibre-gl.css'), resolve(out, 'maplibre-gl.css'));
await copyFile(resolve(maplibreDist, 'maplibre-gl-worker.mjs'), resolve(out, 'maplibre-gl-worker.mjs'));

const topo = JSON.parse(await readFile(require.resolve('world-atlas/land-50m.json'), 'utf8'));
const land = feature(topo, topo.objects.land);
// To 1e-3° (a vertex moves ≤ 55 m): world-atlas quantised 1:50m to a grid of 0.0036° × 0.0017°, so nothing moves visibly, and the
// file the map fetches and parses before its first frame shrinks from 2.4 to 1.0 MB.
const r3 = (k, v) => (typeof v === 'number' ? Math.round(v * 1e3) / 1e3 : v);
await writeFile(resolve(out, 'land-50m.geojson'), JSON.stringify(land, r3));
console.log(`build-web: ${out} (app.js, index.html, land-50m.geojson with ${land.features.length} land features)`);
// The same land in 10° tiles, for a view zoomed out to a region (src/web/basemap.ts).
const { writeCoarseLandTiles } = await import('./coarse-land-tiles.mjs');
const coarse = await writeCoarseLandTiles(root, out, JSON.parse(await readFile(resolve(out, 'land-50m.geojson'), 'utf8')));
console.log(`build-web: land50m/ with ${coarse.tiles} tiles of the 1:50m land (${(coarse.bytes / 1e6).toFixed(1)} MB)`);

// Natural Earth 1:10m coast in 5° tiles, for the map zoomed in (src/web/fine-coast.ts).
const { writeFineCoastTiles } = await import('./fine-coast-tiles.mjs');
const fine = await writeFineCoastTiles(root, out);
console.log(`build-web: land10m/ with ${fine.tiles} tiles of the 1:10m coast (${(fine.bytes / 1e6).toFixed(1)} MB)`);
