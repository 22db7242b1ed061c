// The map: MapLibre (offline basemap or ?style= URL) drawing everything in one WebGL context: line/circle
// layers for the selected event's geometry (dashed gap lines, ports, candidate ports) and tracks of up to
// MAPLIBRE_TRACK_MAX_POINTS, symbol layers for event markers, labels, arrows and ticks (src/web/map-symbols.ts).
// Two GeoJSON sources of our own: `tracks`, and `overlay` for the selection and every mark; what a page sets
// in one task goes to the worker as one update (each source update is a worker round trip and a frame, in
// software rendering 0.1–0.5 s each). The playback marker is a DOM marker: moving it draws no frame.
// Only a longer track goes to deck.gl (MapboxOverlay, made when first needed) as binary attributes: one
// Float32Array of lon/lat pairs plus path start indices, so a million points cost one buffer upload.
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource, LngLatBoundsLike, Map as MlMap } from 'maplibre-gl';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Layer } from '@deck.gl/core';
import { addSymbolLayers, IconRegistry, MARK_KINDS, points, type MarkKind } from './map-symbols.js';
import { attachCoarseLand, offlineStyle } from './basemap.js';
import { attachFineCoast } from './fine-coast.js';
import { CANDIDATE_HEX, SITE_HEX, VOYAGE_HEX, GAP_HEX, PARTNER_RGB, PORT_HEX, REACHABLE_HEX, SCENE_HEX, DETECTION_MATCHED_HEX, TRACK_RGB, eventStyle, hex, type RGB } from './colors.js';
import { sharedPorts, type TrackJson, type TumenEventJson } from './api.js';
import { el } from './dom.js';
import { legend } from './legend.js';
import { trackMarks, type TrackMark } from './track-marks.js';

export interface PortLabel { id: string; name: string; country: string; lat: number; lon: number; size: string; role: string | null }

/** Ports of interest are always labelled; other ports from this zoom on (fewer labels than the eye can read otherwise). */
const ALL_PORT_LABELS_ZOOM = 7;

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

/** deck.gl's code (about half the bundle) is fetched and run only for a track too long for MapLibre. */
const loadDeck = async () => {
  const [{ MapboxOverlay }, { PathLayer }] = await Promise.all([import('@deck.gl/mapbox'), import('@deck.gl/layers')]);
  return { MapboxOverlay, PathLayer };
};
type Deck = Awaited<ReturnType<typeof loadDeck>>;

/** Up to this many points a track is drawn by MapLibre's own line layer, past it by deck.gl's PathLayer
 *  (binary attributes). MapLibre's line program is already compiled for the coast; the PathLayer's is a
 *  second program in a second WebGL context: ~1.2 of the 4.5 browser CPU-s of a ship page in software
 *  rendering (SwiftShader, bench/ui-pages.ts). The page asks for 20,000 points by default. */
const MAPLIBRE_TRACK_MAX_POINTS = 50_000;

/** The packed tracks as GeoJSON lines (one per gap-free piece), for MapLibre. */
function trackLines(packed: BinaryTracks): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = [];
  for (let i = 0; i < packed.length; i++) {
    const from = packed.startIndices[i];
    const to = i + 1 < packed.length ? packed.startIndices[i + 1] : packed.pointCount;
    if (to - from < 2) continue;
    const coordinates: Array<[number, number]> = [];
    for (let k = from; k < to; k++) coordinates.push([packed.positions[2 * k], packed.positions[2 * k + 1]]);
    features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } });
  }
  return { type: 'FeatureCollection', features };
}

/** Sends `fc` to a GeoJSON source unless both it and what is there are empty: every setData is a round trip
 *  through MapLibre's one worker and a new frame, and a page's "clear the map, then draw" cleared empty sources. */
function setSourceData(map: MlMap, source: string, before: GeoJSON.FeatureCollection, fc: GeoJSON.FeatureCollection): void {
  if (before === fc || (before.features.length === 0 && fc.features.length === 0)) return;
  (map.getSource(source) as GeoJSONSource | undefined)?.setData(fc);
}

/** The one source of the selection's geometry and of every mark (its layers filter on `kind` / `mark`). */
const OVERLAY = 'overlay';

export class TumenMap {
  readonly map: MlMap;
  /** deck.gl, only while a track is too long for MapLibre (a second WebGL context costs every frame). */
  private deckOverlay: MapboxOverlay | null = null;
  private trackLayers: Layer[] = [];
  /** Counts setTracks calls: a deck.gl load that finishes after a later call draws nothing. */
  private trackSeq = 0;
  private readonly icons: IconRegistry;
  private readonly marks: Record<MarkKind, GeoJSON.Feature[]> = { 'port-labels': [], 'track-marks': [], labels: [], events: [] };
  /** What the overlay source holds (or will, once the pending update is sent). */
  private overlay: GeoJSON.FeatureCollection = EMPTY_FC;
  private overlayPending = false;
  private playhead: maplibregl.Marker | null = null;
  /** False on a `fitsFirstView` page until its first view is settled: no port labels for the placeholder view. */
  private viewSettled = true;
  private eventsById = new Map<string, TumenEventJson>();
  private portsShown = new Map<string, PortLabel>();
  private portLabelKey = '';
  /** The labels set last (candidate ports, fuel deliveries, sites), as given. */
  labelData: Array<{ at: [number, number]; text: string; rgb: RGB }> = [];
  private selection: GeoJSON.FeatureCollection = EMPTY_FC;
  private tracks: GeoJSON.FeatureCollection = EMPTY_FC;
  private trackColor: RGB = TRACK_RGB;
  private labelled = new Set<string>();
  private ports: PortLabel[] = [];
  readonly ready: Promise<void>;
  onEventClick: (e: TumenEventJson) => void = () => {};

  /** Tracks longer than this go to deck.gl (`?deckPoints=N` lowers it, so the browser test can take that path). */
  private readonly maplibreTrackMaxPoints: number;

  /** Settles the first view of a `fitsFirstView` page: its first fit, or `firstViewSettled()` if it fits nothing. */
  private settleFirstView: () => void = () => {};

  /** `fitsFirstView`: the page will fit its content (a ship's track, an event, the landing page's events), so
   *  the default view is a placeholder until the page's first `fitTo` (or `firstViewSettled()`): no land tiles
   *  and no port labels for it, each a worker round trip and a frame (in software rendering 0.1–0.3 s of the
   *  main thread that the page's own data then waits behind). */
  constructor(container: HTMLElement, styleUrl: string | null, opts: { maplibreTrackMaxPoints?: number; fitsFirstView?: boolean } = {}) {
    this.maplibreTrackMaxPoints = opts.maplibreTrackMaxPoints ?? MAPLIBRE_TRACK_MAX_POINTS;
    maplibregl.setWorkerUrl(new URL('maplibre-gl-worker.mjs', document.baseURI).href);
    this.map = new maplibregl.Map({
      container,
      style: styleUrl ?? offlineStyle(),
      center: [131.5, 42.5],
      zoom: 5,
      attributionControl: { compact: true, customAttribution: 'Land: Natural Earth 1:50m, 1:10m zoomed in (public domain)' },
      // The evidence report reads the canvas back with toDataURL.
      canvasContextAttributes: { preserveDrawingBuffer: true },
      // Markers and labels appear at once: a fade-in is 300 ms of back-to-back frames after every change of
      // them, each frame a software render and read-back (SwiftShader, no GPU) of 0.1–0.5 s.
      fadeDuration: 0,
    });
    if (!styleUrl) {
      const firstView = opts.fitsFirstView ? new Promise<void>((resolve) => {
        this.viewSettled = false;
        this.settleFirstView = () => { resolve(); if (!this.viewSettled) { this.viewSettled = true; this.updatePortLabels(); } };
      }) : Promise.resolve();
      attachCoarseLand(this.map, document.baseURI, new URL('land-50m.geojson', document.baseURI).href, firstView);
      attachFineCoast(this.map, document.baseURI);
    }
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'nautical' }), 'bottom-right');
    this.icons = new IconRegistry(this.map);
    this.hookPointer();
    container.append(legend());
    this.map.on('moveend', () => this.updatePortLabels());
    void sharedPorts<{ ports: PortLabel[] }>().then((j) => {
      this.ports = j.ports;
      this.updatePortLabels();
    }).catch(() => { /* labels are a help, not a need */ });
    // Re-added on every style load, so a swapped online style keeps the selection layers.
    this.map.on('style.load', () => this.addSelectionLayers());
    this.ready = new Promise((resolve) => this.map.once('idle', () => resolve()));
  }

  private addSelectionLayers(): void {
    const m = this.map;
    if (m.getSource('selection')) return;
    // Width and colour constant (not data-driven), so MapLibre reuses the coastline's line program.
    m.addSource('tracks', { type: 'geojson', data: this.tracks });
    m.addLayer({ id: 'track-line', type: 'line', source: 'tracks', paint: { 'line-color': hex(this.trackColor), 'line-width': 2 } });
    m.addSource(OVERLAY, { type: 'geojson', data: this.overlay });
    m.addLayer({ id: 'sel-reachable', type: 'fill', source: OVERLAY, filter: ['==', ['get', 'kind'], 'reachable'],
      paint: { 'fill-color': REACHABLE_HEX, 'fill-opacity': 0.12 } });
    m.addLayer({ id: 'sel-reachable-edge', type: 'line', source: OVERLAY, filter: ['==', ['get', 'kind'], 'reachable'],
      paint: { 'line-color': REACHABLE_HEX, 'line-width': 1.5, 'line-dasharray': [4, 2] } });
    // Watched sites: their footprint (solid edge) or, for a site known only as a point, the ±1 km its
    // position is good to (dashed edge: an uncertainty, not an outline).
    m.addLayer({ id: 'sel-site', type: 'fill', source: OVERLAY, filter: ['==', ['get', 'kind'], 'site'],
      paint: { 'fill-color': SITE_HEX, 'fill-opacity': 0.15 } });
    m.addLayer({ id: 'sel-site-edge', type: 'line', source: OVERLAY, filter: ['==', ['get', 'kind'], 'site'],
      paint: { 'line-color': SITE_HEX, 'line-width': 2, 'line-dasharray': ['case', ['get', 'approximate'], ['literal', [3, 2]], ['literal', [1, 0]]] } });
    // Fuel voyages: loading call → delivery, drawn as a straight leg (the route sailed is not claimed).
    m.addLayer({ id: 'sel-voyage', type: 'line', source: OVERLAY, filter: ['==', ['get', 'kind'], 'voyage'],
      paint: { 'line-color': VOYAGE_HEX, 'line-width': 2, 'line-dasharray': [4, 2] } });
    m.addLayer({ id: 'sel-track', type: 'line', source: OVERLAY, filter: ['==', ['get', 'kind'], 'track'],
      paint: { 'line-color': ['match', ['get', 'role'], 'partner', hex(PARTNER_RGB), hex(TRACK_RGB)], 'line-width': 2.5 } });
    m.addLayer({ id: 'sel-gap', type: 'line', source: OVERLAY, filter: ['in', ['get', 'kind'], ['literal', ['gap_line', 'track_gap']]],
      paint: { 'line-color': GAP_HEX, 'line-width': 2.5, 'line-dasharray': [2, 2] } });
    m.addLayer({ id: 'sel-candidate', type: 'circle', source: OVERLAY, filter: ['==', ['get', 'kind'], 'candidate_port'],
      paint: { 'circle-radius': 7, 'circle-color': '#fff', 'circle-stroke-color': CANDIDATE_HEX, 'circle-stroke-width': 3 } });
    m.addLayer({ id: 'sel-port', type: 'circle', source: OVERLAY, filter: ['==', ['get', 'kind'], 'port'],
      paint: { 'circle-radius': 9, 'circle-color': PORT_HEX, 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } });
    m.addLayer({ id: 'sel-scene', type: 'line', source: OVERLAY, filter: ['==', ['get', 'kind'], 'scene'],
      paint: { 'line-color': SCENE_HEX, 'line-width': 2, 'line-dasharray': [3, 2] } });
    // Imagery detections: dark = filled black, matched to AIS = hollow green ring, unexplained = small grey.
    m.addLayer({ id: 'sel-detection', type: 'circle', source: OVERLAY, filter: ['==', ['get', 'kind'], 'detection'],
      paint: {
        'circle-radius': ['match', ['get', 'status'], 'unexplained', 4, 7],
        'circle-color': ['match', ['get', 'status'], 'dark', '#000000', 'matched', '#ffffff', '#9a9a9a'],
        'circle-stroke-color': ['match', ['get', 'status'], 'dark', '#ffffff', 'matched', DETECTION_MATCHED_HEX, '#ffffff'],
        'circle-stroke-width': ['match', ['get', 'status'], 'matched', 3, 1.5],
      } });
    m.addLayer({ id: 'sel-event', type: 'circle', source: OVERLAY, filter: ['==', ['get', 'kind'], 'event'],
      paint: { 'circle-radius': 6, 'circle-color': '#ffd60a', 'circle-stroke-color': '#000', 'circle-stroke-width': 1.5 } });
    addSymbolLayers(m, OVERLAY);
  }

  private setMarks(kind: MarkKind, features: GeoJSON.Feature[]): void {
    if (features.length === 0 && this.marks[kind].length === 0) return;
    this.marks[kind] = features;
    this.overlayChanged();
  }

  /** Sends the overlay once, after every change made in this task (a page sets its selection, events and
   *  labels, then fits: one worker round trip, with the port labels of the fitted view). */
  private overlayChanged(): void {
    if (this.overlayPending) return;
    this.overlayPending = true;
    queueMicrotask(() => {
      this.overlayPending = false;
      const before = this.overlay;
      this.overlay = { type: 'FeatureCollection', features: [...this.selection.features, ...MARK_KINDS.flatMap((k) => this.marks[k])] };
      setSourceData(this.map, OVERLAY, before, this.overlay);
    });
  }

  /** Hover text and clicks on event markers and port labels (MapLibre's rendered features). */
  private hookPointer(): void {
    const popup = new maplibregl.Popup({ closeButton: false, closeOnClick: false, className: 'map-tip', maxWidth: '320px' });
    const hit = (p: maplibregl.PointLike): { layer: string; key: string } | null => {
      const layers = ['events', 'port-labels'].filter((l) => this.map.getLayer(l));
      const f = layers.length ? this.map.queryRenderedFeatures(p, { layers })[0] : undefined;
      return f ? { layer: f.layer.id, key: String(f.properties?.key) } : null;
    };
    this.map.on('mousemove', (ev) => {
      const h = hit(ev.point);
      const text = h ? tooltip(h.layer === 'events' ? this.eventsById.get(h.key) : this.portsShown.get(h.key), h.layer)?.text : undefined;
      this.map.getCanvas().style.cursor = h?.layer === 'events' ? 'pointer' : '';
      if (!text) { popup.remove(); return; }
      const el = document.createElement('div');
      el.style.whiteSpace = 'pre-line';
      el.textContent = text;
      popup.setLngLat(ev.lngLat).setDOMContent(el).addTo(this.map);
    });
    this.map.on('click', (ev) => {
      const h = hit(ev.point);
      const e = h?.layer === 'events' ? this.eventsById.get(h.key) : undefined;
      if (e) this.onEventClick(e);
    });
  }

  private redraw(deck?: Deck): void {
    if (!this.deckOverlay) {
      if (this.trackLayers.length === 0 || !deck) return;
      this.deckOverlay = new deck.MapboxOverlay({ interleaved: false, layers: [] });
      this.map.addControl(this.deckOverlay);
    }
    this.deckOverlay.setProps({ layers: this.trackLayers });
  }

  private updatePortLabels(): void {
    if (!this.viewSettled) return;
    const z = this.map.getZoom();
    const b = this.map.getBounds();
    // Only what is in view: a few dozen labels, not the world's 3,600 ports.
    const data = this.ports.filter((p) => (p.role !== null || (z >= ALL_PORT_LABELS_ZOOM && b.contains([p.lon, p.lat])))
      && !this.labelled.has(`${p.lon.toFixed(2)},${p.lat.toFixed(2)}`));
    // The same labels after most moves (the ports of interest are always shown): no new data, no new frame.
    const shown = data.map((p) => p.id).join();
    if (shown === this.portLabelKey) return;
    this.portLabelKey = shown;
    this.portsShown = new Map(data.map((p) => [p.id, p]));
    this.setMarks('port-labels', points('port-labels', data.map((p) => ({ at: [p.lon, p.lat], props: {
      key: p.id, offset: [2, 0],
      icon: this.icons.id({ text: p.role ? `⚓ ${p.name}` : `· ${p.name}`, sizePx: p.role ? 13 : 11, rgb: p.role ? [0, 77, 56] : [60, 60, 70], outlinePx: 3, outlineAlpha: 0.9 }),
    } }))));
  }

  /** Text labels at points (candidate ports with their likelihood, the inferred port). */
  setLabels(labels: Array<{ at: [number, number]; text: string; rgb: RGB }>): void {
    // A labelled candidate replaces that port's plain label (no two labels on one place).
    this.labelled = new Set(labels.map((l) => `${l.at[0].toFixed(2)},${l.at[1].toFixed(2)}`));
    this.updatePortLabels();
    this.labelData = labels;
    this.setMarks('labels', points('labels', labels.map((l) => ({ at: l.at, props: {
      offset: [12, 0], icon: this.icons.id({ text: l.text, sizePx: 13, rgb: l.rgb, outlinePx: 4, outlineAlpha: 0.94, bold: true }),
    } }))));
  }

  /** Direction arrows and time ticks along the given tracks (the selected event's ships). */
  setTrackMarks(tracks: Array<{ coords: Array<[number, number]>; times?: number[]; rgb: RGB }>): void {
    const marks: TrackMark[] = tracks.flatMap((t) => trackMarks(t.coords, t.times, t.rgb));
    // Arrows: the glyph points east, `angle` is counter-clockwise from east; MapLibre rotates clockwise.
    this.setMarks('track-marks', points('track-marks', marks.map((m) => ({ at: m.at, props: m.kind === 'arrow'
      ? { anchor: 'center', offset: [0, 0], rotate: -m.angle, icon: this.icons.id({ text: '➤', sizePx: 14, rgb: m.rgb, outlinePx: 2 }) }
      : { anchor: 'left', offset: [6, -8], rotate: 0, icon: this.icons.id({ text: m.text, sizePx: 11, rgb: m.rgb, outlinePx: 3 }) } }))));
  }

  setTracks(tracks: TrackJson[], color: RGB = TRACK_RGB): BinaryTracks {
    const packed = packTracks(tracks);
    const small = packed.pointCount <= this.maplibreTrackMaxPoints;
    const before = this.tracks;
    this.tracks = small && packed.pointCount > 0 ? trackLines(packed) : EMPTY_FC;
    this.trackColor = color;
    setSourceData(this.map, 'tracks', before, this.tracks);
    if (this.map.getLayer('track-line')) this.map.setPaintProperty('track-line', 'line-color', hex(color));
    const seq = ++this.trackSeq;
    this.trackLayers = [];
    this.redraw();
    if (packed.pointCount > 0 && !small) {
      void loadDeck().then((deck) => {
        if (seq !== this.trackSeq) return;
        this.trackLayers = [new deck.PathLayer({
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
        this.redraw(deck);
      });
    }
    return packed;
  }

  setEvents(events: TumenEventJson[]): void {
    this.eventsById = new Map(events.map((e) => [e.id, e]));
    this.setMarks('events', points('events', events.map((e) => ({ at: [e.lon, e.lat], props: {
      key: e.id, icon: this.icons.id({ text: eventStyle(e.type).shape, sizePx: 18, rgb: eventStyle(e.type).rgb, outlinePx: 3 }),
    } }))));
  }

  /** The playback marker: a DOM element over the map (not in its canvas, so not in `capture()`). */
  setPlayhead(lonLat: [number, number] | null): void {
    if (!lonLat) { this.playhead?.remove(); return; }
    this.playhead ??= new maplibregl.Marker({ element: el('div', { class: 'playhead', 'aria-hidden': 'true' }) });
    this.playhead.setLngLat(lonLat);
    if (!this.playhead.getElement().isConnected) this.playhead.addTo(this.map);
  }

  setSelection(fc: GeoJSON.FeatureCollection | null): void {
    const before = this.selection;
    this.selection = fc ?? EMPTY_FC;
    if (!fc) { this.setTrackMarks([]); this.setLabels([]); }
    if (before !== this.selection && (before.features.length > 0 || this.selection.features.length > 0)) this.overlayChanged();
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
    this.settleFirstView();
  }

  /** The page is drawn (fitted or not): the view is the one to load the basemap for. */
  firstViewSettled(): void {
    this.settleFirstView();
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

/** Hover text for events and port labels. */
function tooltip(object: unknown, layerId: string | undefined): { text: string } | null {
  if (!object) return null;
  if (layerId === 'events') {
    const e = object as TumenEventJson;
    const who = e.vessel?.name ? `${e.vessel.name} (${e.vessel.flag ?? '?'}${e.vessel.imo ? `, IMO ${e.vessel.imo}` : ''})` : `MMSI ${e.mmsi}`;
    const other = e.other_mmsi ? ` + ${e.other_vessel?.name ?? `MMSI ${e.other_mmsi}`}` : '';
    const where = e.port ? `\nat ${e.port.name} (${e.port.country})` : e.candidates?.length ? `\nlikely ${e.candidates[0].name}` : '';
    return { text: `${eventStyle(e.type).label}: ${who}${other}\n${e.start.slice(0, 16).replace('T', ' ')}Z${e.duration_h ? `, ${Number(e.duration_h).toFixed(1)} h` : ''}${where}` };
  }
  if (layerId === 'port-labels') {
    const p = object as PortLabel;
    return { text: `${p.name} (${p.country}) ${p.id}${p.role ? ` · port of interest: ${p.role.replace('_', ' ')}` : ''}` };
  }
  return null;
}
