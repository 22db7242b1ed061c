// The evidence map drawn for print: an SVG (vector: sharp on paper at any size) in Web Mercator with the
// Natural Earth 1:10m coast clipped to the frame, a graticule labelled in degrees and minutes, a scale bar
// in nautical miles and kilometres, a north arrow, port labels placed without overlaps, the tracks with
// direction arrows and their first/last times, dark stretches dashed, the reachable area, candidate ports
// with their share, event symbols and a legend of what is drawn. Nothing of the screen (no playback
// marker, no controls). Pure: the land rings and the features come in, SVG markup goes out.
import type { FlatRings } from '../geo/land-data.js';
import { clipLine, clipRing, ringsInBox, type Box } from '../geo/clip.js';
import { escapeHtml as esc } from './escape.js';
import { CANDIDATE_HEX, GAP_HEX, PARTNER_RGB, PORT_HEX, REACHABLE_HEX, TRACK_RGB, eventStyle, hex } from '../web/colors.js';
import type { Feature, FeatureCollection } from '../io/geojson.js';

export interface MapPort { name: string; country: string; lat: number; lon: number; role: string | null; size: string }

export interface PrintMapInput {
  /** Features as the map API gives them: kind track | track_gap | gap_line | event | reachable | port | candidate_port. */
  features: FeatureCollection;
  land: FlatRings;
  /** Gazetteer ports, labelled where they fall in the frame (ports of interest first). */
  ports: readonly MapPort[];
  widthPx?: number;
  heightPx?: number;
}

const LAND_FILL = '#e8e1cf';
const SEA_FILL = '#d6e6f2';
const COAST = '#6b7785';
const MARGIN = 34; // frame inset for graticule labels
const MAX_PORT_LABELS = 24;
const NM_M = 1852;
const EARTH_R = 6_371_008.8;

const mercY = (lat: number): number => (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (Math.max(-85, Math.min(85, lat)) * Math.PI) / 360));
const invMercY = (y: number): number => (360 / Math.PI) * Math.atan(Math.exp((y * Math.PI) / 180)) - 90;

/** Every coordinate pair of a feature that sets the frame (not the reachable area: it can span a sea). */
function framingPoints(fc: FeatureCollection): Array<[number, number]> {
  const pts: Array<[number, number]> = [];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') pts.push([c[0], c[1] as number]);
    else if (Array.isArray(c)) for (const x of c) walk(x);
  };
  for (const f of fc.features) if (f.properties.kind !== 'reachable') walk(f.geometry.coordinates);
  return pts;
}

/** The frame: the features' extent padded 12 %, at least ~0.3° across, stretched to the page's aspect. */
export function frameBox(fc: FeatureCollection, widthPx: number, heightPx: number): Box {
  const pts = framingPoints(fc);
  if (pts.length === 0) return { minLon: 129, maxLon: 134, minLat: 40, maxLat: 44 };
  let minLon = Math.min(...pts.map((p) => p[0])), maxLon = Math.max(...pts.map((p) => p[0]));
  let y0 = mercY(Math.min(...pts.map((p) => p[1]))), y1 = mercY(Math.max(...pts.map((p) => p[1])));
  const padX = Math.max(0.15, (maxLon - minLon) * 0.12), padY = Math.max(0.15, (y1 - y0) * 0.12);
  minLon -= padX; maxLon += padX; y0 -= padY; y1 += padY;
  const aspect = (widthPx - 2 * MARGIN) / (heightPx - 2 * MARGIN);
  const w = maxLon - minLon, h = y1 - y0;
  if (w / h > aspect) { const grow = (w / aspect - h) / 2; y0 -= grow; y1 += grow; } else { const grow = (h * aspect - w) / 2; minLon -= grow; maxLon += grow; }
  return { minLon, maxLon, minLat: invMercY(y0), maxLat: invMercY(y1) };
}

/** A step of 1/2/2.5/5 × 10^k giving about `target` intervals over `span`. */
function niceStep(span: number, target: number, steps: readonly number[]): number {
  const raw = span / target;
  return steps.find((s) => s >= raw) ?? steps[steps.length - 1]!;
}

const GRID_STEPS_DEG = [1 / 60, 2 / 60, 5 / 60, 10 / 60, 0.25, 0.5, 1, 2, 5, 10, 20, 30];
const SCALE_STEPS_NM = [0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

/** 42.5, 'lat' → 42°30′N. */
export function degText(v: number, axis: 'lat' | 'lon'): string {
  const hemi = axis === 'lat' ? (v >= 0 ? 'N' : 'S') : v >= 0 ? 'E' : 'W';
  const a = Math.abs(v);
  let d = Math.floor(a), m = Math.round((a - d) * 60);
  if (m === 60) { d += 1; m = 0; }
  return `${d}°${m ? `${String(m).padStart(2, '0')}′` : ''}${hemi}`;
}

const fmt = (n: number): string => n.toFixed(1);

export function printMapSvg(input: PrintMapInput): string {
  const W = input.widthPx ?? 900, H = input.heightPx ?? 620;
  const box = frameBox(input.features, W, H);
  const y0 = mercY(box.minLat), y1 = mercY(box.maxLat);
  const sx = (W - 2 * MARGIN) / (box.maxLon - box.minLon);
  const X = (lon: number): number => MARGIN + (lon - box.minLon) * sx;
  const Y = (lat: number): number => H - MARGIN - (mercY(lat) - y0) * ((H - 2 * MARGIN) / (y1 - y0));
  const path = (flat: ArrayLike<number>, close: boolean): string => {
    const out: string[] = [];
    let lx = NaN, ly = NaN;
    for (let i = 0; i < flat.length; i += 2) {
      const px = X(flat[i]!), py = Y(flat[i + 1]!);
      // Sub-pixel steps add bytes, not detail.
      if (i > 0 && i + 2 < flat.length && Math.abs(px - lx) < 0.6 && Math.abs(py - ly) < 0.6) continue;
      out.push(`${out.length ? 'L' : 'M'}${fmt(px)} ${fmt(py)}`);
      lx = px; ly = py;
    }
    return out.join('') + (close ? 'Z' : '');
  };
  const parts: string[] = [];
  const clipId = 'frame';
  parts.push(`<defs><clipPath id="${clipId}"><rect x="${MARGIN}" y="${MARGIN}" width="${W - 2 * MARGIN}" height="${H - 2 * MARGIN}"/></clipPath>`
    + '<marker id="arrow" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 1 L9 5 L0 9 z" fill="context-stroke"/></marker></defs>');
  parts.push(`<rect x="${MARGIN}" y="${MARGIN}" width="${W - 2 * MARGIN}" height="${H - 2 * MARGIN}" fill="${SEA_FILL}"/>`);

  // Land: areas clipped to a slightly larger box (no hairline at the frame), coast as clipped lines.
  const pad = (box.maxLon - box.minLon) * 0.02;
  const landBox: Box = { minLon: box.minLon - pad, maxLon: box.maxLon + pad, minLat: box.minLat - pad, maxLat: box.maxLat + pad };
  const { coords, ringStarts } = input.land;
  const areas: string[] = [], coast: string[] = [];
  for (const r of ringsInBox(coords, ringStarts, landBox)) {
    const ring = clipRing(coords, ringStarts[r]!, ringStarts[r + 1]!, landBox);
    if (ring.length) areas.push(path(ring, true));
    for (const line of clipLine(coords, ringStarts[r]!, ringStarts[r + 1]!, landBox)) coast.push(path(line, false));
  }
  parts.push(`<g clip-path="url(#${clipId})"><path class="land" d="${areas.join('')}" fill="${LAND_FILL}" fill-rule="evenodd"/>`
    + `<path class="coast" d="${coast.join('')}" fill="none" stroke="${COAST}" stroke-width="0.6"/>`);

  // Graticule.
  const grid = niceStep(Math.max(box.maxLon - box.minLon, box.maxLat - box.minLat), 7, GRID_STEPS_DEG);
  const gridLines: string[] = [], gridLabels: string[] = [];
  for (let lon = Math.ceil(box.minLon / grid) * grid; lon <= box.maxLon; lon += grid) {
    gridLines.push(`M${fmt(X(lon))} ${MARGIN}V${H - MARGIN}`);
    gridLabels.push(`<text x="${fmt(X(lon))}" y="${MARGIN - 6}" text-anchor="middle">${degText(lon, 'lon')}</text><text x="${fmt(X(lon))}" y="${H - MARGIN + 14}" text-anchor="middle">${degText(lon, 'lon')}</text>`);
  }
  for (let lat = Math.ceil(box.minLat / grid) * grid; lat <= box.maxLat; lat += grid) {
    gridLines.push(`M${MARGIN} ${fmt(Y(lat))}H${W - MARGIN}`);
    gridLabels.push(`<text x="${MARGIN - 4}" y="${fmt(Y(lat) + 3)}" text-anchor="end">${degText(lat, 'lat')}</text><text x="${W - MARGIN + 4}" y="${fmt(Y(lat) + 3)}">${degText(lat, 'lat')}</text>`);
  }
  parts.push(`<path class="graticule" d="${gridLines.join('')}" stroke="#8796a5" stroke-width="0.4" stroke-dasharray="2 3" fill="none"/>`);

  const byKind = (k: string): Feature[] => input.features.features.filter((f) => f.properties.kind === k);
  const drawn = new Set<string>();
  for (const f of byKind('reachable')) {
    if (f.geometry.type !== 'Polygon') continue;
    parts.push(`<path class="reachable" d="${path(f.geometry.coordinates[0]!.flat(), true)}" fill="${REACHABLE_HEX}" fill-opacity="0.12" stroke="${REACHABLE_HEX}" stroke-width="1.2" stroke-dasharray="5 3"/>`);
    drawn.add('reachable');
  }
  // Tracks, each part with a direction arrow at its middle, first and last times at its ends.
  const labels: Array<{ x: number; y: number; text: string; cls: string; prio: number }> = [];
  for (const f of byKind('track')) {
    const partner = f.properties.role === 'partner';
    const color = hex(partner ? PARTNER_RGB : TRACK_RGB);
    const lines = f.geometry.type === 'MultiLineString' ? f.geometry.coordinates : f.geometry.type === 'LineString' ? [f.geometry.coordinates] : [];
    for (const line of lines) {
      parts.push(`<path class="track" d="${path(line.flat(), false)}" fill="none" stroke="${color}" stroke-width="1.8" stroke-linejoin="round"/>`);
      if (line.length >= 3) {
        const m = Math.floor(line.length / 2);
        const [a, b] = [line[m - 1]!, line[m]!];
        parts.push(`<path class="arrow" d="M${fmt(X(a[0]!))} ${fmt(Y(a[1]!))}L${fmt(X(b[0]!))} ${fmt(Y(b[1]!))}" stroke="${color}" stroke-width="1.8" marker-end="url(#arrow)"/>`);
      }
    }
    drawn.add(partner ? 'partner' : 'track');
    const first = lines[0]?.[0], last = lines[lines.length - 1]?.at(-1);
    const when = (iso: unknown): string => String(iso ?? '').slice(5, 16).replace('T', ' ');
    if (first) labels.push({ x: X(first[0]!), y: Y(first[1]!), text: `start ${when(f.properties.start)}Z`, cls: 'time', prio: 2 });
    if (last) labels.push({ x: X(last[0]!), y: Y(last[1]!), text: `end ${when(f.properties.end)}Z`, cls: 'time', prio: 2 });
  }
  for (const f of [...byKind('track_gap'), ...byKind('gap_line')]) {
    if (f.geometry.type !== 'LineString') continue;
    parts.push(`<path class="dark" d="${path(f.geometry.coordinates.flat(), false)}" fill="none" stroke="${GAP_HEX}" stroke-width="2" stroke-dasharray="5 4"/>`);
    drawn.add('dark');
  }
  // Ports: inferred / visited (filled), candidates (hollow, with their share), then the gazetteer.
  const placed = new Set<string>();
  const at = (lat: number, lon: number): string => `${lon.toFixed(2)},${lat.toFixed(2)}`;
  for (const f of byKind('port')) {
    if (f.geometry.type !== 'Point') continue;
    const [lon, lat] = f.geometry.coordinates as [number, number];
    if (placed.has(at(lat, lon))) continue; // many visits to one port: one symbol, one label
    parts.push(`<circle class="port" cx="${fmt(X(lon))}" cy="${fmt(Y(lat))}" r="6" fill="${PORT_HEX}" stroke="#fff" stroke-width="1.5"/>`);
    labels.push({ x: X(lon), y: Y(lat), text: `${f.properties.name} (${f.properties.country})`, cls: 'port-main', prio: 0 });
    placed.add(at(lat, lon));
    drawn.add('port');
  }
  const candidates = byKind('candidate_port');
  const scoreOf = (f: Feature): number => Number(f.properties.score ?? f.properties.feasibility ?? 0);
  const total = candidates.reduce((a, f) => a + scoreOf(f), 0) || 1;
  const candidateAt = new Set<string>();
  for (const f of candidates) {
    if (f.geometry.type !== 'Point') continue;
    const [lon, lat] = f.geometry.coordinates as [number, number];
    if (candidateAt.has(at(lat, lon))) continue;
    candidateAt.add(at(lat, lon));
    parts.push(`<circle class="candidate" cx="${fmt(X(lon))}" cy="${fmt(Y(lat))}" r="5" fill="#fff" stroke="${CANDIDATE_HEX}" stroke-width="2.5"/>`);
    // A share given with the feature (per dark period) wins; null means "several periods": the name alone.
    const share = f.properties.share === undefined ? scoreOf(f) / total : f.properties.share as number | null;
    const text = share === null ? String(f.properties.name) : `${f.properties.name} ${Math.round(share * 100)} %`;
    if (!placed.has(at(lat, lon))) labels.push({ x: X(lon), y: Y(lat), text, cls: 'candidate', prio: 1 });
    placed.add(at(lat, lon));
    drawn.add('candidate');
  }
  const inFrame = (lat: number, lon: number): boolean => lon > box.minLon && lon < box.maxLon && lat > box.minLat && lat < box.maxLat;
  const SIZE_RANK: Record<string, number> = { POI: 0, L: 1, M: 2, S: 3, V: 4, U: 5 };
  const gazetteer = input.ports.filter((p) => inFrame(p.lat, p.lon) && !placed.has(at(p.lat, p.lon)))
    .sort((a, b) => (a.role ? 0 : 1) - (b.role ? 0 : 1) || (SIZE_RANK[a.size] ?? 9) - (SIZE_RANK[b.size] ?? 9) || a.name.localeCompare(b.name));
  for (const p of gazetteer) {
    labels.push({ x: X(p.lon), y: Y(p.lat), text: p.name, cls: p.role ? 'poi' : 'place', prio: p.role ? 3 : 4 });
  }
  // Events.
  for (const f of byKind('event')) {
    if (f.geometry.type !== 'Point') continue;
    const [lon, lat] = f.geometry.coordinates as [number, number];
    const st = eventStyle(String(f.properties.type));
    parts.push(`<text class="event" x="${fmt(X(lon))}" y="${fmt(Y(lat) + 5)}" text-anchor="middle" font-size="15" fill="${hex(st.rgb)}" stroke="#000" stroke-width="0.5">${st.shape}</text>`);
    drawn.add(`event:${f.properties.type}`);
  }
  parts.push('</g>');

  // Labels, most important first, each placed right of its point unless it would overlap one already placed.
  const boxes: Array<[number, number, number, number]> = [];
  let gazetteerShown = 0;
  const overlaps = (b: [number, number, number, number]): boolean => boxes.some((o) => b[0] < o[2] && b[2] > o[0] && b[1] < o[3] && b[3] > o[1]);
  const labelSvg: string[] = [];
  for (const l of labels.sort((a, b) => a.prio - b.prio)) {
    const gazet = l.cls === 'poi' || l.cls === 'place';
    if (gazet && gazetteerShown >= MAX_PORT_LABELS) continue;
    const w = l.text.length * 5.6 + 4, h = 12;
    const tries: Array<[number, 'start' | 'end']> = [[l.x + 7, 'start'], [l.x - 7, 'end']];
    for (const [x, anchor] of tries) {
      const b: [number, number, number, number] = anchor === 'start' ? [x, l.y - h / 2, x + w, l.y + h / 2] : [x - w, l.y - h / 2, x, l.y + h / 2];
      if (b[0] < MARGIN || b[2] > W - MARGIN || b[1] < MARGIN || b[3] > H - MARGIN || overlaps(b)) continue;
      boxes.push(b);
      if (gazet) {
        gazetteerShown++;
        labelSvg.push(`<circle cx="${fmt(l.x)}" cy="${fmt(l.y)}" r="${l.cls === 'poi' ? 2.5 : 1.6}" fill="#333"/>`);
        if (l.cls === 'poi') drawn.add('poi');
      }
      labelSvg.push(`<text class="label ${l.cls}" x="${fmt(x)}" y="${fmt(l.y + 4)}" text-anchor="${anchor}">${esc(l.text)}</text>`);
      break;
    }
  }
  parts.push(`<g class="labels">${labelSvg.join('')}</g>`);

  parts.push(`<rect x="${MARGIN}" y="${MARGIN}" width="${W - 2 * MARGIN}" height="${H - 2 * MARGIN}" fill="none" stroke="#333" stroke-width="1"/>`);
  parts.push(`<g class="graticule-labels" font-size="9" fill="#333">${gridLabels.join('')}</g>`);
  parts.push(scaleBar(box, W, H, sx));
  parts.push(`<g class="north" transform="translate(${W - MARGIN - 22} ${MARGIN + 12})"><path d="M0 16 L6 0 L12 16 L6 12 z" fill="#333"/><text x="6" y="28" text-anchor="middle" font-size="10" font-weight="700">N</text></g>`);
  parts.push(legendSvg(drawn, W, H));
  return `<svg class="print-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="Helvetica, Arial, sans-serif" font-size="10">`
    + `<style>.label{font-size:10px;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round;fill:#222}.label.port-main{font-weight:700;fill:${PORT_HEX};font-size:11px}`
    + `.label.candidate{fill:${CANDIDATE_HEX};font-weight:700}.label.poi{font-weight:700}.label.time{font-size:9px;fill:#444}</style>`
    + `${parts.join('')}</svg>`;
}

/** Nautical miles (the sea's unit) over kilometres, about a fifth of the frame, at the frame's middle latitude. */
function scaleBar(box: Box, W: number, H: number, sx: number): string {
  const lat = (box.minLat + box.maxLat) / 2;
  // Metres per pixel at that latitude in Mercator: degrees per pixel × metres per degree of longitude there.
  const mPerPx = ((1 / sx) * Math.PI * EARTH_R * Math.cos((lat * Math.PI) / 180)) / 180;
  const frameNm = ((W - 2 * MARGIN) * mPerPx) / NM_M;
  const nm = niceStep(frameNm, 5, SCALE_STEPS_NM);
  const nmPx = (nm * NM_M) / mPerPx;
  const km = niceStep((nm * NM_M) / 1000, 1, [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000]);
  const kmPx = (km * 1000) / mPerPx;
  const x = MARGIN + 10, y = H - MARGIN - 30;
  return `<g class="scale-bar" font-size="9" fill="#222"><rect x="${x - 4}" y="${y - 12}" width="${fmt(Math.max(nmPx, kmPx) + 48)}" height="34" fill="#fff" fill-opacity="0.85"/>`
    + `<path d="M${x} ${y - 4}V${y}H${fmt(x + nmPx)}V${y - 4}" stroke="#222" fill="none" stroke-width="1.2"/><text x="${fmt(x + nmPx + 4)}" y="${y}">${nm} nm</text>`
    + `<path d="M${x} ${y + 10}V${y + 6}H${fmt(x + kmPx)}V${y + 10}" stroke="#222" fill="none" stroke-width="1.2"/><text x="${fmt(x + kmPx + 4)}" y="${y + 10}">${km} km</text>`
    + `<text x="${x}" y="${y + 20}" font-size="7" fill="#555">at ${degText(lat, 'lat')} (Mercator)</text></g>`;
}

/** The legend lists only what this map draws. */
function legendSvg(drawn: Set<string>, W: number, H: number): string {
  const rows: Array<[string, string]> = [];
  const line = (color: string, dash: string): string => `<path d="M0 0H18" stroke="${color}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;
  if (drawn.has('track')) rows.push([line(hex(TRACK_RGB), ''), 'track of the vessel (arrow: direction)']);
  if (drawn.has('partner')) rows.push([line(hex(PARTNER_RGB), ''), 'track of the other ship']);
  if (drawn.has('dark')) rows.push([line(GAP_HEX, '5 4'), 'dark: no AIS received']);
  if (drawn.has('reachable')) rows.push([`<rect x="0" y="-5" width="18" height="10" fill="${REACHABLE_HEX}" fill-opacity="0.2" stroke="${REACHABLE_HEX}" stroke-dasharray="4 2"/>`, 'reachable while dark']);
  if (drawn.has('port')) rows.push([`<circle cx="9" cy="0" r="5" fill="${PORT_HEX}"/>`, 'inferred / visited port']);
  if (drawn.has('candidate')) rows.push([`<circle cx="9" cy="0" r="4" fill="#fff" stroke="${CANDIDATE_HEX}" stroke-width="2.5"/>`, 'candidate port (share of score)']);
  if (drawn.has('poi')) rows.push(['<circle cx="9" cy="0" r="2.5" fill="#333"/>', 'port of interest (bold) / port']);
  for (const key of [...drawn].filter((k) => k.startsWith('event:')).sort()) {
    const st = eventStyle(key.slice(6));
    rows.push([`<text x="9" y="5" text-anchor="middle" font-size="13" fill="${hex(st.rgb)}" stroke="#000" stroke-width="0.5">${st.shape}</text>`, st.label]);
  }
  if (rows.length === 0) return '';
  const w = 200, h = rows.length * 15 + 8;
  const x = W - MARGIN - w - 6, y = H - MARGIN - h - 6;
  return `<g class="legend" transform="translate(${x} ${y})"><rect width="${w}" height="${h}" fill="#fff" fill-opacity="0.9" stroke="#999"/>`
    + rows.map(([sym, text], i) => `<g transform="translate(6 ${i * 15 + 11})">${sym}<text x="24" y="3">${esc(text)}</text></g>`).join('') + '</g>';
}
