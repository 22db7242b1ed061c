// The offline basemap: a sea-coloured background, and Natural Earth land — 1:50m below FINE_ZOOM (a GeoJSON
// the build step derives from npm world-atlas), 1:10m tiles from it on (src/web/fine-coast.ts). No tiles
// server, no glyphs, no network.
// The 1:50m land (1 MB, 60,000 vertices) is loaded for the view only, in 10° tiles (scripts/coarse-land-tiles.mjs),
// and not at all until a view needs it: MapLibre parses, indexes and cuts a GeoJSON source in its one worker as
// soon as the source is added, whatever the zoom, and the pages' own tracks and marks waited behind that — a
// ship's page that opens at zoom 8 for land it never draws, the landing page for the whole world's when its
// view needs a few tiles (bench/RESULTS.md, issue 11). Zoomed out past a region, the whole file is loaded.
import type { GeoJSONSource, Map as MlMap, StyleSpecification } from 'maplibre-gl';
import { landTiles } from './land-tiles.js';

export const SEA_COLOR = '#a8c8e0';
export const LAND_COLOR = '#e8e1cf';
export const COAST_COLOR = '#7d8a99';
/** From this zoom on the map draws the 1:10m coast instead of 1:50m. */
export const FINE_ZOOM = 6;

export function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'sea', type: 'background', paint: { 'background-color': SEA_COLOR } }],
  };
}

/** More 10° tiles than this in view: the whole-world file instead (a view zoomed out past a region). */
const MAX_COARSE_TILES = 24;

/** The 1:50m land and coastline (below every other layer but the sea), drawn from `firstView` on (for a
 *  ship's page, its fit: the default view before it is a placeholder, not worth land tiles or frames)
 *  whenever the map is zoomed out below FINE_ZOOM: the 10° tiles in view (`land50m/`), or the whole-world
 *  file `landUrl` for a view wider than MAX_COARSE_TILES (kept from then on: it covers every view). A ship's
 *  page that opens at zoom 8 never loads either. */
export function attachCoarseLand(map: MlMap, baseUrl: string, landUrl: string, firstView: Promise<void>): void {
  const tiles = landTiles(baseUrl, 'land50m');
  let viewed = false;
  let shown = '';
  const show = (data: string | GeoJSON.FeatureCollection): void => {
    const source = map.getSource('land') as GeoJSONSource | undefined;
    if (source) { source.setData(data); return; }
    // No tiles past FINE_ZOOM: the layers stop there.
    map.addSource('land', { type: 'geojson', data, maxzoom: FINE_ZOOM });
    const before = map.getStyle().layers.find((l) => l.id !== 'sea')?.id;
    // Tiles hold areas (`kind: 'land'`) and coast lines (`kind: 'coast'`); the whole-world file, polygons only.
    map.addLayer({ id: 'land', type: 'fill', source: 'land', maxzoom: FINE_ZOOM, filter: ['!=', ['get', 'kind'], 'coast'], paint: { 'fill-color': LAND_COLOR, 'fill-antialias': false } }, before);
    map.addLayer({ id: 'coastline', type: 'line', source: 'land', maxzoom: FINE_ZOOM, filter: ['!=', ['get', 'kind'], 'land'], paint: { 'line-color': COAST_COLOR, 'line-width': 0.7 } }, before);
  };
  const update = async (): Promise<void> => {
    if (!viewed || map.getZoom() >= FINE_ZOOM || !map.getLayer('sea') || shown === 'world') return;
    const keys = await tiles.keysIn(map.getBounds(), MAX_COARSE_TILES);
    const key = keys ? keys.join(',') : 'world';
    if (key === shown || shown === 'world') return;
    shown = key;
    if (!keys) { show(landUrl); return; }
    const fc = await tiles.collection(keys);
    if (shown === key) show(fc as GeoJSON.FeatureCollection); // else moved on meanwhile
  };
  map.on('style.load', () => {
    // The index (3 kB) at once: the page's first fit then asks for its tiles in the same task.
    void tiles.keysIn(map.getBounds(), 0);
    void update();
  });
  map.on('moveend', () => void update());
  void firstView.then(() => { viewed = true; void update(); });
}
