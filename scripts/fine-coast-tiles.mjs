// Cuts Natural Earth 1:10m land (src/reference/data, via the compiled dist/geo) into 5° GeoJSON tiles the
// web map loads when zoomed in (src/web/fine-coast.ts): each tile holds the land clipped as areas (for the
// fill) and the coastline clipped as lines (so tile edges are never drawn as coast). Coordinates to 1e-4°,
// as stored. Run by build-web.mjs after tsc.
import { join } from 'node:path';
import { writeTileDir } from './write-tiles.mjs';

export const TILE_DEG = 5;

export async function writeFineCoastTiles(root, outDir) {
  const { naturalEarth10mRings } = await import(join(root, 'dist/geo/land-data.js'));
  const { clipRing, clipLine } = await import(join(root, 'dist/geo/clip.js'));
  const { coords, ringStarts } = naturalEarth10mRings();
  const tiles = new Map();
  const tile = (key) => tiles.get(key) ?? (tiles.set(key, { areas: [], coast: [] }), tiles.get(key));
  const r4 = (v) => Math.round(v * 1e4) / 1e4;
  const pairs = (flat) => { const out = []; for (let i = 0; i < flat.length; i += 2) out.push([r4(flat[i]), r4(flat[i + 1])]); return out; };
  for (let r = 0; r + 1 < ringStarts.length; r++) {
    const a = ringStarts[r], b = ringStarts[r + 1];
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = a; i < b; i++) {
      const x = coords[i * 2], y = coords[i * 2 + 1];
      if (x < minX) minX = x; if (x > maxX) maxX = x; if (y < minY) minY = y; if (y > maxY) maxY = y;
    }
    // Column strip first, then each tile of the strip: a big ring (Eurasia) is walked once per column, not per tile.
    for (let tx = Math.floor(minX / TILE_DEG); tx * TILE_DEG <= maxX && tx < 180 / TILE_DEG; tx++) {
      const strip = { minLon: tx * TILE_DEG, maxLon: (tx + 1) * TILE_DEG, minLat: -90, maxLat: 90 };
      const stripArea = clipRing(coords, a, b, strip);
      const stripLines = clipLine(coords, a, b, strip);
      for (let ty = Math.floor(minY / TILE_DEG); ty * TILE_DEG <= maxY && ty < 90 / TILE_DEG; ty++) {
        const box = { ...strip, minLat: ty * TILE_DEG, maxLat: (ty + 1) * TILE_DEG };
        const area = stripArea.length ? clipRing(stripArea, 0, stripArea.length / 2, box) : [];
        const lines = stripLines.flatMap((l) => clipLine(l, 0, l.length / 2, box));
        if (!area.length && !lines.length) continue;
        const t = tile(`${tx}_${ty}`);
        if (area.length) t.areas.push([[...pairs(area), pairs(area.slice(0, 2))[0]]]);
        for (const l of lines) if (l.length >= 4) t.coast.push(pairs(l));
      }
    }
  }
  return writeTileDir(outDir, 'land10m', tiles, TILE_DEG);
}
