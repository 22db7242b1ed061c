// Reading scenes (JSON Lines or a GeoJSON FeatureCollection of footprints) and detections (CSV or GeoJSON
// points) from text. Pure: text in, records and counted rejects out. A file that is not a scenes/detections
// file at all throws (nothing is imported); a bad row is a reject with its reason.
import { parseCsvWithHeader } from '../lists/csv.js';
import type { BBox, Detection, Scene, Sensor } from './types.js';

export type Rejects = Record<string, number>;

export interface Parsed<T> {
  items: T[];
  rejects: Rejects;
}

const count = (r: Rejects, why: string): void => { r[why] = (r[why] ?? 0) + 1; };

function parseTime(v: unknown): number | null {
  if (typeof v !== 'string' || v.trim() === '') return null;
  const t = Date.parse(v);
  return Number.isFinite(t) ? t : null;
}

function parseSensor(v: unknown): Sensor | null {
  const s = String(v ?? '').trim().toLowerCase();
  if (s === 'sar' || s.startsWith('sentinel-1') || s === 's1' || s === 'radar') return 'sar';
  if (s === 'optical' || s.startsWith('sentinel-2') || s === 's2' || s === 'eo' || s === 'planet') return 'optical';
  return null;
}

function finite(v: unknown): number | null {
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function bboxOfRing(coords: unknown): BBox | null {
  const pts: unknown[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x) && x.length >= 2 && typeof x[0] === 'number') pts.push(x);
    else if (Array.isArray(x)) x.forEach(walk);
  };
  walk(coords);
  if (pts.length < 3) return null;
  let lat_min = Infinity, lat_max = -Infinity, lon_min = Infinity, lon_max = -Infinity;
  for (const p of pts as number[][]) {
    lon_min = Math.min(lon_min, p[0]!); lon_max = Math.max(lon_max, p[0]!);
    lat_min = Math.min(lat_min, p[1]!); lat_max = Math.max(lat_max, p[1]!);
  }
  return { lat_min, lat_max, lon_min, lon_max };
}

function validBBox(b: unknown): BBox | null {
  if (!b || typeof b !== 'object') return null;
  const o = b as Record<string, unknown>;
  const lat_min = finite(o.lat_min), lat_max = finite(o.lat_max), lon_min = finite(o.lon_min), lon_max = finite(o.lon_max);
  if (lat_min === null || lat_max === null || lon_min === null || lon_max === null) return null;
  if (lat_min < -90 || lat_max > 90 || lat_min >= lat_max || lon_min < -180 || lon_max > 180 || lon_min === lon_max) return null;
  return { lat_min, lat_max, lon_min, lon_max };
}

function sceneOf(props: Record<string, unknown>, bbox: unknown, r: Rejects): Scene | null {
  const id = typeof props.scene_id === 'string' ? props.scene_id.trim() : typeof props.scene_id === 'number' ? String(props.scene_id) : '';
  if (!id) { count(r, 'missing_scene_id'); return null; }
  const timeMs = parseTime(props.time);
  if (timeMs === null) { count(r, 'bad_time'); return null; }
  const sensor = parseSensor(props.sensor);
  if (!sensor) { count(r, 'unknown_sensor'); return null; }
  if (bbox === undefined || bbox === null) { count(r, 'no_footprint'); return null; }
  const b = validBBox(bbox);
  if (!b) { count(r, 'bad_footprint'); return null; }
  return { scene_id: id, timeMs, sensor, bbox: b };
}

/** Scenes from JSON Lines or a GeoJSON FeatureCollection (footprint polygon → its bounding box). */
export function parseScenes(text: string): Parsed<Scene> {
  const rejects: Rejects = {};
  const items: Scene[] = [];
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{') && /"FeatureCollection"/.test(trimmed.slice(0, 200))) {
    let fc: { type?: unknown; features?: unknown };
    try { fc = JSON.parse(trimmed) as typeof fc; } catch (err) { throw new Error(`scenes: not valid GeoJSON (${(err as Error).message})`); }
    if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error('scenes: GeoJSON must be a FeatureCollection with "features"');
    for (const f of fc.features as Array<{ geometry?: { type?: string; coordinates?: unknown }; properties?: Record<string, unknown> }>) {
      const geom = f?.geometry;
      const box = geom && (geom.type === 'Polygon' || geom.type === 'MultiPolygon') ? bboxOfRing(geom.coordinates) ?? {} : (f?.properties?.bbox ?? null);
      const s = sceneOf(f?.properties ?? {}, box, rejects);
      if (s) items.push(s);
    }
    return { items, rejects };
  }
  let lineNo = 0, parsedAny = false;
  for (const line of trimmed.split(/\r?\n/)) {
    lineNo++;
    if (line.trim() === '') continue;
    let o: unknown;
    try { o = JSON.parse(line); } catch {
      if (!parsedAny && lineNo === 1) throw new Error('scenes: neither JSON Lines nor a GeoJSON FeatureCollection (first line is not JSON)');
      count(rejects, 'bad_json'); continue;
    }
    parsedAny = true;
    if (!o || typeof o !== 'object' || Array.isArray(o)) { count(rejects, 'bad_json'); continue; }
    const rec = o as Record<string, unknown>;
    const s = sceneOf(rec, rec.bbox, rejects);
    if (s) items.push(s);
  }
  return { items, rejects };
}

function detectionOf(rec: Record<string, unknown>, r: Rejects): Detection | null {
  const id = String(rec.detection_id ?? '').trim();
  if (!id) { count(r, 'missing_detection_id'); return null; }
  const scene = String(rec.scene_id ?? '').trim();
  if (!scene) { count(r, 'missing_scene_id'); return null; }
  const timeMs = parseTime(rec.time);
  if (timeMs === null) { count(r, 'bad_time'); return null; }
  const lat = finite(rec.lat), lon = finite(rec.lon);
  if (lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) { count(r, 'bad_position'); return null; }
  const len = finite(rec.length_m);
  if (rec.length_m !== undefined && rec.length_m !== null && String(rec.length_m).trim() !== '' && len === null) { count(r, 'bad_length'); return null; }
  if (len !== null && len <= 0) { count(r, 'negative_length'); return null; }
  const heading = finite(rec.heading);
  const presence = finite(rec.presence ?? rec.confidence ?? rec.score);
  if (presence !== null && (presence < 0 || presence > 1)) { count(r, 'bad_presence'); return null; }
  const sensor = rec.sensor === undefined || String(rec.sensor).trim() === '' ? null : parseSensor(rec.sensor);
  if (rec.sensor !== undefined && String(rec.sensor).trim() !== '' && !sensor) { count(r, 'unknown_sensor'); return null; }
  return { detection_id: id, scene_id: scene, timeMs, lat, lon, length_m: len, heading_deg: heading === null ? null : ((heading % 360) + 360) % 360, sensor: sensor ?? 'sar', presence };
}

/** Detections from CSV (header row) or a GeoJSON FeatureCollection of points. `sensor` left empty takes the scene's. */
export function parseDetections(text: string): Parsed<Detection & { sensorGiven: boolean }> {
  const rejects: Rejects = {};
  const items: Array<Detection & { sensorGiven: boolean }> = [];
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{')) {
    let fc: { type?: unknown; features?: unknown };
    try { fc = JSON.parse(trimmed) as typeof fc; } catch (err) { throw new Error(`detections: not valid GeoJSON (${(err as Error).message})`); }
    if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error('detections: GeoJSON must be a FeatureCollection with "features"');
    for (const f of fc.features as Array<{ geometry?: { type?: string; coordinates?: unknown }; properties?: Record<string, unknown> }>) {
      const c = f?.geometry?.type === 'Point' && Array.isArray(f.geometry.coordinates) ? (f.geometry.coordinates as unknown[]) : null;
      if (!c) { count(rejects, 'not_a_point'); continue; }
      const props = f.properties ?? {};
      const d = detectionOf({ ...props, lon: c[0], lat: c[1] }, rejects);
      if (d) items.push({ ...d, sensorGiven: props.sensor !== undefined });
    }
    return { items, rejects };
  }
  const { header, rows } = parseCsvWithHeader(trimmed);
  const missing = ['detection_id', 'scene_id', 'time', 'lat', 'lon'].filter((h) => !header.includes(h));
  if (missing.length) throw new Error(`detections: CSV header lacks ${missing.join(', ')} (expected detection_id,scene_id,time,lat,lon,length_m,sensor[,heading,presence])`);
  for (const row of rows) {
    const d = detectionOf(row, rejects);
    if (d) items.push({ ...d, sensorGiven: (row.sensor ?? '') !== '' });
  }
  return { items, rejects };
}
