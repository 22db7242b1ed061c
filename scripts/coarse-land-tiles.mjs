// Cuts the 1:50m land (the GeoJSON build-web.mjs derives from world-atlas) into 10° GeoJSON tiles that the
// web map loads for the view when zoomed out to a region (src/web/basemap.ts), as land10m/ does for 1:10m:
// each tile holds the land clipped as areas, holes (lakes) kept, and the coastline clipped as lines, so tile
// edges are never drawn as coast. The landing page's view needs a few tiles (~40 kB) where the whole file is
// 1.0 MB, which MapLibre's one worker parsed, indexed and cut before it drew the page's events.
import { join } from 'node:path';
import { writeTileDir } from './write-tiles.mjs';

export const COARSE_TILE_DEG = 10;

export async function writeCoarseLandTiles(root, outDir, land) {
  const { clipRing, clipLine } = await import(join(root, 'dist/geo/clip.js'));
  const d = COARSE_TILE_DEG;
  const tiles = new Map();
  const tile = (key) => tiles.get(key) ?? (tiles.set(key, { areas: [], coast: [] }), tiles.get(key));
  const r3 = (v) => Math.round(v * 1e3) / 1e3;
  const ring = (flat) => { const out = []; for (let i = 0; i < flat.length; i += 2) out.push([r3(flat[i]), r3(flat[i + 1])]); out.push(out[0]); return out; };
  for (const f of land.features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polygons) {
      const rings = poly.map((r) => r.flat());
      let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      const outer = rings[0];
      for (let i = 0; i < outer.length; i += 2) {
        minX = Math.min(minX, outer[i]); maxX = Math.max(maxX, outer[i]);
        minY = Math.min(minY, outer[i + 1]); maxY = Math.max(maxY, outer[i + 1]);
      }
      for (let tx = Math.floor(minX / d); tx * d <= maxX && tx < 180 / d; tx++) {
        for (let ty = Math.floor(minY / d); ty * d <= maxY && ty < 90 / d; ty++) {
          const box = { minLon: tx * d, maxLon: (tx + 1) * d, minLat: ty * d, maxLat: (ty + 1) * d };
          const area = clipRing(outer, 0, outer.length / 2, box);
          if (!area.length) continue;
          const holes = rings.slice(1).map((h) => clipRing(h, 0, h.length / 2, box)).filter((h) => h.length);
          const t = tile(`${tx}_${ty}`);
          t.areas.push([ring(area), ...holes.map(ring)]);
          for (const r of rings) for (const l of clipLine(r, 0, r.length / 2, box)) if (l.length >= 4) t.coast.push(ring(l).slice(0, -1));
        }
      }
    }
  }
  return writeTileDir(outDir, 'land50m', tiles, d);
}
