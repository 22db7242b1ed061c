// A finer coast when zoomed in: from FINE_ZOOM on, the map swaps Natural Earth 1:50m for 1:10m, loading
// only the 5° tiles in view (built by scripts/fine-coast-tiles.mjs into land10m/). The 1:50m coast puts
// quays and whole harbours on land at port scale; 1:10m is what the detectors use (src/geo/land.ts).
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import { COAST_COLOR, FINE_ZOOM, LAND_COLOR } from './basemap.js';
/** More tiles than this in view means the view is too wide for 1:10m to matter. */
const MAX_TILES = 12;

type Fc = { type: 'FeatureCollection'; features: unknown[] };

export function attachFineCoast(map: MlMap, baseUrl: string): void {
  const tiles = new Map<string, Promise<Fc | null>>();
  let index: Promise<{ tileDeg: number; tiles: Set<string> } | null> | null = null;
  const url = (p: string): string => new URL(`land10m/${p}`, baseUrl).href;
  const load = (key: string): Promise<Fc | null> => {
    if (!tiles.has(key)) tiles.set(key, fetch(url(`${key}.json`)).then((r) => (r.ok ? r.json() as Promise<Fc> : null)).catch(() => null));
    return tiles.get(key)!;
  };
  const loadIndex = (): NonNullable<typeof index> => (index ??= fetch(url('index.json')).then((r) => (r.ok ? r.json() : null))
    .then((j: { tileDeg: number; tiles: string[] } | null) => (j ? { tileDeg: j.tileDeg, tiles: new Set(j.tiles) } : null)).catch(() => null));
  map.on('style.load', () => {
    // The index (12 kB) at once: a page that fits a ship's track asks for the tiles in the same task as its
    // moveend, not a round trip and a (slow, in software rendering) frame later.
    void loadIndex();
    if (map.getSource('land-fine')) return;
    map.addSource('land-fine', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    const before = map.getStyle().layers.find((l) => l.id !== 'sea' && l.id !== 'land' && l.id !== 'coastline')?.id;
    map.addLayer({ id: 'land-fine', type: 'fill', source: 'land-fine', minzoom: FINE_ZOOM, filter: ['==', ['get', 'kind'], 'land'], paint: { 'fill-color': LAND_COLOR, 'fill-antialias': false } }, before);
    map.addLayer({ id: 'coastline-fine', type: 'line', source: 'land-fine', minzoom: FINE_ZOOM, filter: ['==', ['get', 'kind'], 'coast'], paint: { 'line-color': COAST_COLOR, 'line-width': 0.8 } }, before);
    void update();
  });
  let shown = '';
  const update = async (): Promise<void> => {
    if (map.getZoom() < FINE_ZOOM || !map.getSource('land-fine')) return;
    const idx = await loadIndex();
    if (!idx) return;
    const b = map.getBounds();
    const d = idx.tileDeg;
    const keys: string[] = [];
    for (let x = Math.floor(b.getWest() / d); x <= Math.floor(b.getEast() / d); x++) {
      for (let y = Math.floor(Math.max(-90, b.getSouth()) / d); y <= Math.floor(Math.min(89.999, b.getNorth()) / d); y++) {
        const n = 360 / d;
        const wx = ((((x + n / 2) % n) + n) % n) - n / 2; // wrap across the antimeridian
        if (idx.tiles.has(`${wx}_${y}`)) keys.push(`${wx}_${y}`);
      }
    }
    const key = keys.sort().join(',');
    if (key === shown || keys.length > MAX_TILES) return;
    shown = key;
    const fcs = await Promise.all(keys.map(load));
    if (shown !== key) return; // moved on meanwhile
    (map.getSource('land-fine') as GeoJSONSource).setData({ type: 'FeatureCollection', features: fcs.flatMap((f) => (f ? f.features : [])) } as GeoJSON.FeatureCollection);
  };
  map.on('moveend', () => void update());
}
