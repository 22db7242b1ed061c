// The offline basemap: a sea-coloured background, and Natural Earth land — 1:50m below FINE_ZOOM (a GeoJSON
// the build step derives from npm world-atlas), 1:10m tiles from it on (src/web/fine-coast.ts). No tiles
// server, no glyphs, no network.
// On a page that opens zoomed in (a ship, an event) the 1:50m land (1 MB, 60,000 vertices) is loaded only if a
// view needs it: MapLibre parses and indexes a GeoJSON source in its one worker as soon as the source is
// added, whatever the zoom, and a ship's page that opens at zoom 8 waited behind that for its own track,
// after land tiles of the default view were cut and drawn only to be thrown away (bench/RESULTS.md, issue 11).
import type { Map as MlMap, StyleSpecification } from 'maplibre-gl';

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

/** The 1:50m land and coastline (below every other layer but the sea), drawn from `firstView` on (for a
 *  ship's page, its fit: the default view before it is a placeholder, not worth land tiles or frames)
 *  whenever the map is zoomed out below FINE_ZOOM. `early`: the source is added (fetched, parsed and
 *  indexed by the worker while the page waits for its API answers) at once, else only when first drawn — a
 *  ship's page that opens at zoom 8 never needs it. */
export function attachCoarseLand(map: MlMap, landUrl: string, firstView: Promise<void>, early: boolean): void {
  let viewed = false;
  const addSource = (): void => {
    // No tiles past FINE_ZOOM: the layers stop there.
    if (!map.getSource('land')) map.addSource('land', { type: 'geojson', data: landUrl, maxzoom: FINE_ZOOM });
  };
  const draw = (): void => {
    if (!viewed || map.getLayer('land') || map.getZoom() >= FINE_ZOOM || !map.getLayer('sea')) return;
    addSource();
    const before = map.getStyle().layers.find((l) => l.id !== 'sea')?.id;
    map.addLayer({ id: 'land', type: 'fill', source: 'land', maxzoom: FINE_ZOOM, paint: { 'fill-color': LAND_COLOR, 'fill-antialias': false } }, before);
    map.addLayer({ id: 'coastline', type: 'line', source: 'land', maxzoom: FINE_ZOOM, paint: { 'line-color': COAST_COLOR, 'line-width': 0.7 } }, before);
  };
  map.on('style.load', () => {
    if (early) addSource();
    draw();
  });
  map.on('moveend', draw);
  void firstView.then(() => { viewed = true; draw(); });
}
