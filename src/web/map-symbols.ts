// Event markers, port and place labels, direction arrows and time ticks as MapLibre symbol layers, their
// glyphs and texts drawn once each into icons on a 2D canvas (the offline style has no glyph server).
// They used to be deck.gl TextLayers: a second WebGL context, whose every frame software rendering reads
// back, was ~1.8 of a page's 4.6 browser CPU-s (bench/RESULTS.md, issue 11). deck.gl now draws only a
// track too long for MapLibre (src/web/map.ts).
import type { Map as MlMap } from 'maplibre-gl';
import type { RGB } from './colors.js';

export interface IconSpec {
  text: string;
  sizePx: number;
  rgb: RGB;
  /** White halo width, CSS px. */
  outlinePx: number;
  /** Halo opacity (0..1). */
  outlineAlpha?: number;
  bold?: boolean;
}

const FONT = 'system-ui, sans-serif';

/** An icon id that names what it draws, so the same text and style is one image. */
export function iconId(s: IconSpec): string {
  return `t|${s.sizePx}|${s.rgb.join(',')}|${s.outlinePx}|${s.outlineAlpha ?? 1}|${s.bold ? 1 : 0}|${s.text}`;
}

/** Draws `s` (text with a white halo) at the screen's pixel ratio. */
export function drawIcon(s: IconSpec, ratio: number): { width: number; height: number; data: Uint8Array } {
  const c = document.createElement('canvas');
  const g = c.getContext('2d', { willReadFrequently: true })!;
  const font = `${s.bold ? 700 : 600} ${s.sizePx * ratio}px ${FONT}`;
  g.font = font;
  const pad = Math.ceil(s.outlinePx * ratio) + 1;
  const w = Math.max(1, Math.ceil(g.measureText(s.text).width) + 2 * pad);
  const h = Math.ceil(s.sizePx * ratio * 1.3) + 2 * pad;
  c.width = w;
  c.height = h;
  g.font = font;
  g.textBaseline = 'middle';
  g.lineJoin = 'round';
  if (s.outlinePx > 0) {
    g.strokeStyle = `rgba(255,255,255,${s.outlineAlpha ?? 1})`;
    g.lineWidth = 2 * s.outlinePx * ratio;
    g.strokeText(s.text, pad, h / 2);
  }
  g.fillStyle = `rgb(${s.rgb.join(',')})`;
  g.fillText(s.text, pad, h / 2);
  return { width: w, height: h, data: new Uint8Array(g.getImageData(0, 0, w, h).data.buffer) };
}

/** Keeps every icon a feature names drawable: drawn when MapLibre first misses it (also after a style swap).
 *  Through MapLibre's missing-image resolver, which it awaits before it answers the worker: the
 *  `styleimagemissing` event fires only after the answer was made without the icon, and the image added
 *  then reloads no tile (the tile's icon dependencies are recorded after that check). A marker whose icon
 *  was new in the overlay's last update was then never drawn, until some later update of the overlay. */
export class IconRegistry {
  private readonly specs = new Map<string, IconSpec>();

  constructor(private readonly map: MlMap) {
    map.setMissingStyleImageResolver((id) => {
      const s = this.specs.get(id);
      if (!s || map.hasImage(id)) return;
      const ratio = window.devicePixelRatio || 1;
      map.addImage(id, drawIcon(s, ratio), { pixelRatio: ratio });
    });
  }

  /** The id of `s`'s icon, registered for drawing on demand. */
  id(s: IconSpec): string {
    const id = iconId(s);
    if (!this.specs.has(id)) this.specs.set(id, s);
    return id;
  }
}

/** The kinds of marks, each a symbol layer of that id over the map's one overlay source (features tell theirs
 *  in the `mark` property). One source, not one per kind: each GeoJSON source costs a round trip through
 *  MapLibre's one worker, its own tiles and a frame whenever it changes (bench/RESULTS.md, issue 11). */
export const MARK_KINDS = ['port-labels', 'track-marks', 'labels', 'events'] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

/** Every marker shown, none hidden by label collision (as deck.gl drew them). */
const ALWAYS = { 'icon-allow-overlap': true, 'icon-ignore-placement': true } as const;

/** Adds the marks' layers over `source`, above every other layer. */
export function addSymbolLayers(m: MlMap, source: string): void {
  const of = (kind: MarkKind) => ['==', ['get', 'mark'], kind] as ['==', ['get', string], string];
  const left = { 'icon-anchor': 'left' as const, 'icon-offset': ['get', 'offset'] as ['get', string] };
  m.addLayer({ id: 'port-labels', type: 'symbol', source, filter: of('port-labels'), layout: { 'icon-image': ['get', 'icon'], ...left, ...ALWAYS } });
  m.addLayer({ id: 'track-marks', type: 'symbol', source, filter: of('track-marks'), layout: {
    'icon-image': ['get', 'icon'], 'icon-anchor': ['get', 'anchor'], 'icon-offset': ['get', 'offset'], 'icon-rotate': ['get', 'rotate'], ...ALWAYS } });
  m.addLayer({ id: 'labels', type: 'symbol', source, filter: of('labels'), layout: { 'icon-image': ['get', 'icon'], ...left, ...ALWAYS } });
  m.addLayer({ id: 'events', type: 'symbol', source, filter: of('events'), layout: { 'icon-image': ['get', 'icon'], ...ALWAYS } });
}

/** Point features of one kind of mark. */
export function points(mark: MarkKind, items: Array<{ at: [number, number]; props: Record<string, unknown> }>): GeoJSON.Feature[] {
  return items.map((i) => ({ type: 'Feature', properties: { ...i.props, mark }, geometry: { type: 'Point', coordinates: i.at } }));
}
