// The map: MapLibre (offline basemap or ?style= URL) with deck.gl drawing tracks and event markers
// (MapboxOverlay, not interleaved), and MapLibre line/circle layers for the selected event's geometry
// (dashed gap lines, ports, candidate ports). Tracks go to deck.gl as binary attributes: one Float32Array
// of lon/lat pairs plus path start indices, so a million points cost one buffer upload, not a million objects.
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource, LngLatBoundsLike, Map as MlMap } from 'maplibre-gl';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { offlineStyle } from './basemap.js';
import { CANDIDATE_HEX, EVENT_RGB, GAP_HEX, PARTNER_RGB, PORT_HEX, TRACK_RGB, hex, type RGB } from './colors.js';
import type { TrackJson, TumenEventJson } from './api.js';

export interface BinaryTracks {
  length: number;
  startIndices: Uint32Array;
  positions: Float32Array;
  pointCount: number;
}

/** Packs tracks into one binary buffer, splitting each at its gaps (a gap is drawn dashed, not solid). */
export function packTracks(tracks: TrackJson[]): BinaryTracks {
  let points = 0;
  for (const t of tracks) points += t.time_ms.length;
  const positions = new Float32Array(points * 2);
  const starts: number[] = [];
  let k = 0;
  for (const t of tracks) {
    const gapStarts = new Set(t.gaps.map(([a]) => a));
    starts.push(k);
    for (let i = 0; i < t.time_ms.length; i++) {
      positions[2 * k] = t.lon[i];
      positions[2 * k + 1] = t.lat[i];
      k++;
      if (gapStarts.has(i) && i < t.time_ms.length - 1) starts.push(k);
    }
  }
  return { length: starts.length, startIndices: new Uint32Array(starts), positions, pointCount: points };
}

const EMPTY_FC = { type: 'FeatureCollection' as const, features: [] };

export class TumenMap {
  readonly map: MlMap;
  private readonly overlay: MapboxOverlay;
  private trackLayers: Layer[] = [];
  private eventLayer: Layer | null = null;
  private playhead: Layer | null = null;
  private selection: GeoJSON.FeatureCollection = EMPTY_FC;
  readonly ready: Promise<void>;
  onEventClick: (e: TumenEventJson) => void = () => {};

  constructor(container: HTMLElement, styleUrl: string | null) {
    maplibregl.setWorkerUrl(new URL('maplibre-gl-worker.mjs', document.baseURI).href);
    this.map = new maplibregl.Map({
      container,
      style: styleUrl ?? offlineStyle(new URL('land-50m.geojson', document.baseURI).href),
      center: [131.5, 42.5],
      zoom: 5,
      attributionControl: { compact: true, customAttribution: 'Land: Natural Earth (public domain)' },
      // The evidence report reads the canvas back with toDataURL.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'nautical' }), 'bottom-right');
    this.overlay = new MapboxOverlay({ interleaved: false, layers: [] });
    this.map.addControl(this.overlay);
    // Re-added on every style load, so a swapped online style keeps the selection layers.
    this.map.on('style.load', () => this.addSelectionLayers());
    this.ready = new Promise((resolve) => this.map.once('idle', () => resolve()));
  }

  private addSelectionLayers(): void {
    const m = this.map;
    if (m.getSource('selection')) return;
    m.addSource('selection', { type: 'geojson', data: this.selection });
    m.addLayer({ id: 'sel-track', type: 'line', source: 'selection', filter: ['==', ['get', 'kind'], 'track'],
      paint: { 'line-color': ['match', ['get', 'role'], 'partner', hex(PARTNER_RGB), hex(TRACK_RGB)], 'line-width': 2.5 } });
    m.addLayer({ id: 'sel-gap', type: 'line', source: 'selection', filter: ['in', ['get', 'kind'], ['literal', ['gap_line', 'track_gap']]],
      paint: { 'line-color': GAP_HEX, 'line-width': 2.5, 'line-dasharray': [2, 2] } });
    m.addLayer({ id: 'sel-candidate', type: 'circle', source: 'selection', filter: ['==', ['get', 'kind'], 'candidate_port'],
      paint: { 'circle-radius': 7, 'circle-color': CANDIDATE_HEX, 'circle-stroke-color': '#333', 'circle-stroke-width': 1 } });
    m.addLayer({ id: 'sel-port', type: 'circle', source: 'selection', filter: ['==', ['get', 'kind'], 'port'],
      paint: { 'circle-radius': 9, 'circle-color': PORT_HEX, 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } });
    m.addLayer({ id: 'sel-event', type: 'circle', source: 'selection', filter: ['==', ['get', 'kind'], 'event'],
      paint: { 'circle-radius': 6, 'circle-color': '#ffd60a', 'circle-stroke-color': '#000', 'circle-stroke-width': 1.5 } });
  }

  private redraw(): void {
    this.overlay.setProps({ layers: [...this.trackLayers, ...(this.eventLayer ? [this.eventLayer] : []), ...(this.playhead ? [this.playhead] : [])] });
  }

  setTracks(tracks: TrackJson[], color: RGB = TRACK_RGB): BinaryTracks {
    const packed = packTracks(tracks);
    this.trackLayers = packed.pointCount === 0 ? [] : [new PathLayer({
      id: 'tracks',
      data: { length: packed.length, startIndices: packed.startIndices, attributes: { getPath: { value: packed.positions, size: 2 } } },
      _pathType: 'open',
      positionFormat: 'XY',
      getColor: color,
      getWidth: 2,
      widthUnits: 'pixels',
      widthMinPixels: 2,
      jointRounded: false,
    })];
    this.redraw();
    return packed;
  }

  setEvents(events: TumenEventJson[]): void {
    this.eventLayer = new ScatterplotLayer<TumenEventJson>({
      id: 'events',
      data: events,
      getPosition: (e) => [e.lon, e.lat],
      getFillColor: (e) => EVENT_RGB[e.type] ?? [80, 80, 80],
      getLineColor: [255, 255, 255],
      stroked: true,
      lineWidthMinPixels: 1,
      radiusUnits: 'pixels',
      getRadius: 6,
      pickable: true,
      onClick: ({ object }) => { if (object) this.onEventClick(object); },
    });
    this.redraw();
  }

  setPlayhead(lonLat: [number, number] | null): void {
    this.playhead = lonLat ? new ScatterplotLayer({
      id: 'playhead', data: [lonLat], getPosition: (p: [number, number]) => p, getFillColor: [255, 214, 10], getLineColor: [0, 0, 0],
      stroked: true, lineWidthMinPixels: 2, radiusUnits: 'pixels', getRadius: 8,
    }) : null;
    this.redraw();
  }

  setSelection(fc: GeoJSON.FeatureCollection | null): void {
    this.selection = fc ?? EMPTY_FC;
    (this.map.getSource('selection') as GeoJSONSource | undefined)?.setData(this.selection);
  }

  fitTo(lonLats: Array<[number, number]>): void {
    if (lonLats.length === 0) return;
    let [minLon, minLat, maxLon, maxLat] = [180, 90, -180, -90];
    for (const [lon, lat] of lonLats) {
      minLon = Math.min(minLon, lon); maxLon = Math.max(maxLon, lon);
      minLat = Math.min(minLat, lat); maxLat = Math.max(maxLat, lat);
    }
    const pad = 0.05;
    const bounds: LngLatBoundsLike = [[minLon - pad, minLat - pad], [maxLon + pad, maxLat + pad]];
    this.map.fitBounds(bounds, { padding: 40, duration: 0, maxZoom: 11 });
  }

  /** The map as the user sees it (basemap + deck.gl canvas), as a PNG data URL. */
  async capture(): Promise<string> {
    this.map.triggerRepaint();
    await new Promise<void>((resolve) => this.map.once('idle', () => resolve()));
    const base = this.map.getCanvas();
    const out = document.createElement('canvas');
    out.width = base.width;
    out.height = base.height;
    const g = out.getContext('2d')!;
    g.drawImage(base, 0, 0);
    const deckCanvas = this.map.getContainer().querySelector<HTMLCanvasElement>('canvas.deck-canvas, #deckgl-overlay, canvas:not(.maplibregl-canvas)');
    if (deckCanvas) g.drawImage(deckCanvas, 0, 0, out.width, out.height);
    return out.toDataURL('image/png');
  }
}
