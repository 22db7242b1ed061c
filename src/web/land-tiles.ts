// Land cut at build time into GeoJSON tiles of a few degrees (land10m/: 1:10m in 5°, scripts/fine-coast-tiles.mjs;
// land50m/: 1:50m in 10°, scripts/coarse-land-tiles.mjs), loaded for the view only. Each tile has `kind: 'land'`
// areas and `kind: 'coast'` lines (tile edges are not coast). Tiles are fetched once and kept.
export type LandFc = { type: 'FeatureCollection'; features: unknown[] };

export interface LandTiles {
  /** The tiles that cover the bounds (that hold land), or null when more than `maxTiles` or no index. */
  keysIn(b: { getWest(): number; getEast(): number; getSouth(): number; getNorth(): number }, maxTiles: number): Promise<string[] | null>;
  /** The tiles' features as one collection. */
  collection(keys: string[]): Promise<LandFc>;
}

export function landTiles(baseUrl: string, dir: string): LandTiles {
  const tiles = new Map<string, Promise<LandFc | null>>();
  const url = (p: string): string => new URL(`${dir}/${p}`, baseUrl).href;
  const load = (key: string): Promise<LandFc | null> => {
    if (!tiles.has(key)) tiles.set(key, fetch(url(`${key}.json`)).then((r) => (r.ok ? r.json() as Promise<LandFc> : null)).catch(() => null));
    return tiles.get(key)!;
  };
  let index: Promise<{ tileDeg: number; tiles: Set<string> } | null> | null = null;
  const loadIndex = (): NonNullable<typeof index> => (index ??= fetch(url('index.json')).then((r) => (r.ok ? r.json() : null))
    .then((j: { tileDeg: number; tiles: string[] } | null) => (j ? { tileDeg: j.tileDeg, tiles: new Set(j.tiles) } : null)).catch(() => null));
  return {
    async keysIn(b, maxTiles) {
      const idx = await loadIndex();
      if (!idx) return null;
      const d = idx.tileDeg;
      const n = 360 / d;
      const xs = Math.floor(b.getEast() / d) - Math.floor(b.getWest() / d) + 1;
      if (xs > n) return null; // wider than the world
      const keys: string[] = [];
      for (let x = Math.floor(b.getWest() / d); x <= Math.floor(b.getEast() / d); x++) {
        for (let y = Math.floor(Math.max(-90, b.getSouth()) / d); y <= Math.floor(Math.min(89.999, b.getNorth()) / d); y++) {
          const wx = ((((x + n / 2) % n) + n) % n) - n / 2; // wrap across the antimeridian
          if (idx.tiles.has(`${wx}_${y}`)) keys.push(`${wx}_${y}`);
        }
      }
      return keys.length > maxTiles ? null : keys.sort();
    },
    async collection(keys) {
      const fcs = await Promise.all(keys.map(load));
      return { type: 'FeatureCollection', features: fcs.flatMap((f) => (f ? f.features : [])) };
    },
  };
}
