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
await copyFile(resolve(root, 'src/web/index.html'), resolve(out, 'index.html'));
await copyFile(resolve(root, 'src/web/style.css'), resolve(out, 'style.css'));
await copyFile(resolve(maplibreDist, 'maplibre-gl.css'), resolve(out, 'maplibre-gl.css'));
await copyFile(resolve(maplibreDist, 'maplibre-gl-worker.mjs'), resolve(out, 'maplibre-gl-worker.mjs'));

const topo = JSON.parse(await readFile(require.resolve('world-atlas/land-50m.json'), 'utf8'));
const land = feature(topo, topo.objects.land);
await writeFile(resolve(out, 'land-50m.geojson'), JSON.stringify(land));
console.log(`build-web: ${out} (app.js, index.html, land-50m.geojson with ${land.features.length} land features)`);

// Natural Earth 1:10m coast in 5° tiles, for the map zoomed in (src/web/fine-coast.ts).
const { writeFineCoastTiles } = await import('./fine-coast-tiles.mjs');
const fine = await writeFineCoastTiles(root, out);
console.log(`build-web: land10m/ with ${fine.tiles} tiles of the 1:10m coast (${(fine.bytes / 1e6).toFixed(1)} MB)`);
