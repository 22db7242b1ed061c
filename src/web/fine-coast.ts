// A finer coast when zoomed in: from FINE_ZOOM on, the map swaps Natural Earth 1:50m for 1:10m, loading
// only the 5° tiles in view (built by scripts/fine-coast-tiles.mjs into land10m/). The 1:50m coast puts
// quays and whole harbours on land at port scale; 1:10m is what the detectors use (src/geo/land.ts).
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import { COAST_COLOR, FINE_ZOOM, LAND_COLOR } from './basemap.js';
import { landTiles } from './land-tiles.js';
/** More tiles than this in view means the view is too wide for 1:10m to matter. */
const MAX_TILES = 12;

export function attachFineCoast(map: MlMap, baseUrl: string): void {
  const tiles = landTiles(baseUrl, 'land10m');
  map.on('style.load', () => {
    // The index (12 kB) at once: a page that fits a ship's track asks for the tiles in the same task as its
    // moveend, not a round trip and a (slow, in software rendering) frame later.
    void tiles.keysIn(map.getBounds(), 0);
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
    const keys = await tiles.keysIn(map.getBounds(), MAX_TILES);
    if (!keys) return;
    const key = keys.join(',');
    if (key === shown) return;
    shown = key;
    const fc = await tiles.collection(keys);
    if (shown !== key) return; // moved on meanwhile
    (map.getSource('land-fine') as GeoJSONSource).setData(fc as GeoJSON.FeatureCollection);
  };
  map.on('moveend', () => void update());
}
