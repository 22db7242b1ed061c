// The offline basemap: sea background, Natural Earth 1:50m land fill and coastline, from a GeoJSON the
// build step derives from npm world-atlas — no tiles, no glyphs, no network.
import type { StyleSpecification } from 'maplibre-gl';

export const SEA_COLOR = '#a8c8e0';
export const LAND_COLOR = '#e8e1cf';
export const COAST_COLOR = '#7d8a99';

export function offlineStyle(landUrl: string): StyleSpecification {
  return {
    version: 8,
    sources: { land: { type: 'geojson', data: landUrl } },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': SEA_COLOR } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': LAND_COLOR, 'fill-antialias': false } },
      { id: 'coastline', type: 'line', source: 'land', paint: { 'line-color': COAST_COLOR, 'line-width': 0.7 } },
    ],
  };
}
