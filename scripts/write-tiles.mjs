// Writes cut tiles as <outDir>/<name>/<tx>_<ty>.json (the land as areas, the coastline as lines) and an
// index.json of the tiles there, for the web map to load the tiles of its view.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function writeTileDir(outDir, name, tiles, tileDeg) {
  const dir = join(outDir, name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  let bytes = 0;
  for (const [key, t] of tiles) {
    const fc = { type: 'FeatureCollection', features: [
      ...(t.areas.length ? [{ type: 'Feature', properties: { kind: 'land' }, geometry: { type: 'MultiPolygon', coordinates: t.areas } }] : []),
      ...(t.coast.length ? [{ type: 'Feature', properties: { kind: 'coast' }, geometry: { type: 'MultiLineString', coordinates: t.coast } }] : []),
    ] };
    const text = JSON.stringify(fc);
    bytes += text.length;
    await writeFile(join(dir, `${key}.json`), text);
  }
  await writeFile(join(dir, 'index.json'), JSON.stringify({ tileDeg, tiles: [...tiles.keys()].sort() }));
  return { tiles: tiles.size, bytes };
}
