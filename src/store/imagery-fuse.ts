// Fusion over the store: the AIS around all scenes is summarised per vessel and hour in one pass
// (imagery/track-index.ts); each scene then reads only its own hour of raw positions, takes every vessel's
// reports either side of the acquisition, and the core fuses them (imagery/fusion.ts).
import type { DuckDBDataChunk } from '@duckdb/node-api';
import type { Store } from './db.js';
import { ensurePositionsSchema } from './positions.js';
import { ensureEventsSchema } from './events.js';
import { ensureImagerySchema, readDetections, readScenes } from './imagery.js';
import { darkDetectionEvents, withImageryEvidence } from '../imagery/events.js';
import { darkPortCallsSeen } from '../imagery/seen-port-calls.js';
import type { TumenEvent } from '../events/schema.js';
import { fuseScene, isReal } from '../imagery/fusion.js';
import { withGapVerdicts, withIntentionalGaps, type IntentionalGaps, type SilentSpan } from '../imagery/intentional.js';
import { deepInland } from '../imagery/inland.js';
import { explainedGaps, withReceptionGaps, type JudgedGap, type ReceptionGaps } from '../imagery/reception.js';
import { landIndex, type LandIndex } from '../geo/land.js';
import { FUSION_PARAMS, type FusionParams } from '../imagery/params.js';
import { silentAt, type SilentVessel } from '../imagery/candidates.js';
import { MS_PER_BUCKET, TrackIndex, type CellFilter, type Neighbours } from '../imagery/track-index.js';
import type { AisVessel, Scene, SceneFusion, TrackPoint } from '../imagery/types.js';

const MS_PER_H = 3_600_000;
const KM_PER_DEG = 111.195;

/** Vessels farther than this from a footprint in the window are not read for it: 100 km is 3.6 h at 15 kn. */
export const AIS_PAD_KM = 100;
/** Dark candidates are looked for this far around a footprint: 14 days' gap can take a ship anywhere in a
 *  sea, but its reports at 20 kn within a day's sailing are what make it a plausible candidate (Tumen). */
export const SILENT_PAD_KM = 900;

function padded(s: Scene, km: number): { latMin: number; latMax: number; lonMin: number; lonMax: number } {
  const dLat = km / KM_PER_DEG;
  const midLat = (s.bbox.lat_min + s.bbox.lat_max) / 2;
  const dLon = km / (KM_PER_DEG * Math.max(0.1, Math.cos((midLat * Math.PI) / 180)));
  return { latMin: s.bbox.lat_min - dLat, latMax: s.bbox.lat_max + dLat, lonMin: s.bbox.lon_min - dLon, lonMax: s.bbox.lon_max + dLon };
}

const TRACK_POINT = `{'t': epoch_ms(time)::DOUBLE, 'lat': lat, 'lon': lon, 'speed': speed, 'course': course}`;
const NAN = `'NaN'::DOUBLE`;

/** The hour and 1° cell summary of every vessel's reports in [fromMs, toMs] inside `box`
 *  (imagery/track-index.ts): one aggregation over the positions for the whole fusion run. */
export async function readTrackIndex(store: Store, fromMs: number, toMs: number, box: Box): Promise<TrackIndex> {
  // Materialized (run, not stream): the server answers requests concurrently on one connection, and a
  // query between a stream's chunk fetches ends the stream early (an empty summary, no dark candidates).
  const result = await store.conn.run(
    `SELECT mmsi::DOUBLE AS mmsi, (epoch_ms(time) // ${MS_PER_BUCKET})::DOUBLE AS h, floor(lat) AS clat, floor(lon) AS clon,
       min(epoch_ms(time))::DOUBLE, arg_min(lat, time), arg_min(lon, time), arg_min(coalesce(speed::DOUBLE, ${NAN}), time), arg_min(coalesce(course::DOUBLE, ${NAN}), time),
       max(epoch_ms(time))::DOUBLE, arg_max(lat, time), arg_max(lon, time), arg_max(coalesce(speed::DOUBLE, ${NAN}), time), arg_max(coalesce(course::DOUBLE, ${NAN}), time)
     FROM positions
     WHERE time BETWEEN epoch_ms(?::BIGINT) AND epoch_ms(?::BIGINT) AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?
     GROUP BY ALL ORDER BY mmsi, h`,
    [Math.round(fromMs), Math.round(toMs), box.latMin, box.latMax, box.lonMin, box.lonMax],
  );
  // Each chunk's DOUBLE vectors copied as typed arrays: converting ~1 M rows × 14 columns to JS values one
  // by one cost as much as the aggregation itself (bench/imagery-speed.ts).
  const parts: Float64Array[][] = Array.from({ length: 14 }, () => []);
  let rows = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    for (let i = 0; i < 14; i++) parts[i]!.push(doubles(chunk, i));
    rows += chunk.rowCount;
  }
  const c = parts.map((p) => {
    const out = new Float64Array(rows);
    let at = 0;
    for (const a of p) { out.set(a, at); at += a.length; }
    return out;
  });
  const [mmsi, hour, cellLat, cellLon, firstT, firstLat, firstLon, firstSpeed, firstCourse, lastT, lastLat, lastLon, lastSpeed, lastCourse] = c as [Float64Array, ...Float64Array[]];
  return new TrackIndex({ mmsi, hour: hour!, cellLat: cellLat!, cellLon: cellLon!, firstT: firstT!, firstLat: firstLat!, firstLon: firstLon!, firstSpeed: firstSpeed!, firstCourse: firstCourse!, lastT: lastT!, lastLat: lastLat!, lastLon: lastLon!, lastSpeed: lastSpeed!, lastCourse: lastCourse! });
}

/** A DOUBLE column of a chunk as a Float64Array (NULL as NaN: the aggregates above never yield NULL). */
function doubles(chunk: DuckDBDataChunk, column: number): Float64Array {
  const vec = chunk.getColumnVector(column);
  const items = (vec as unknown as { items?: unknown }).items;
  if (items instanceof Float64Array) return items.slice(0, chunk.rowCount);
  const out = new Float64Array(chunk.rowCount);
  for (let i = 0; i < chunk.rowCount; i++) { const v = vec.getItem(i); out[i] = v === null ? NaN : Number(v); }
  return out;
}

/** Every vessel's last report at or before the scene time and first after it, within `limitH` and within
 *  `padKm` of the footprint (a report outside is not read, as if another transmitter on the MMSI): the
 *  scene's own hour read raw, the rest from the summary's cells that touch the padded box. */
export async function neighboursOfScene(store: Store, s: Scene, index: TrackIndex, padKm: number, limitH: number): Promise<Neighbours[]> {
  const t = Math.round(s.timeMs), h0 = Math.floor(t / MS_PER_BUCKET) * MS_PER_BUCKET;
  const b = padded(s, padKm);
  const rows = await store.conn.runAndReadAll(
    `SELECT mmsi, arg_max(${TRACK_POINT}, time) FILTER (WHERE time <= epoch_ms(?::BIGINT)) AS b,
       arg_min(${TRACK_POINT}, time) FILTER (WHERE time > epoch_ms(?::BIGINT)) AS a
     FROM positions WHERE time >= epoch_ms(?::BIGINT) AND time < epoch_ms(?::BIGINT) AND lat BETWEEN ? AND ? AND (? OR lon BETWEEN ? AND ?)
     GROUP BY mmsi`,
    [t, t, h0, h0 + MS_PER_BUCKET, b.latMin, b.latMax, !(b.lonMin >= -180 && b.lonMax <= 180 && b.lonMin <= b.lonMax), b.lonMin, b.lonMax],
  );
  const [mm, bb, aa] = rows.getColumnsJS() as [unknown[], Array<StructRow | null>, Array<StructRow | null>];
  const exact = new Map<number, { before: TrackPoint | null; after: TrackPoint | null }>();
  const inside = (r: TrackPoint | null): TrackPoint | null => (r && inBox(b, r.lat, r.lon) ? r : null);
  for (let i = 0; i < (mm?.length ?? 0); i++) exact.set(Number(mm[i]), { before: inside(trackPoint(bb[i])), after: inside(trackPoint(aa[i])) });
  const limitMs = limitH * MS_PER_H;
  return index.neighboursAt(s.timeMs, limitMs, cellsTouching(b), exact)
    .map((n) => ({ mmsi: n.mmsi, before: inside(n.before), after: inside(n.after) }))
    .filter((n) => (n.before && t - n.before.timeMs <= limitMs) || (n.after && n.after.timeMs - t <= limitMs));
}

interface StructRow { t: unknown; lat: unknown; lon: unknown; speed: unknown; course: unknown }

function trackPoint(r: StructRow | null | undefined): TrackPoint | null {
  if (!r) return null;
  return {
    timeMs: Number(r.t), lat: Number(r.lat), lon: Number(r.lon),
    speedKn: r.speed === null ? null : Math.round(Number(r.speed) * 10) / 10,
    courseDeg: r.course === null ? null : Number(r.course),
  };
}

/** The AIS vessels of a scene (their reports either side of it, from neighboursOfScene within windowH and
 *  AIS_PAD_KM: those the position estimate may use), with their lengths from statics. */
export function aisVessels(around: readonly Neighbours[], lengths: ReadonlyMap<number, number>): AisVessel[] {
  return around.map((n) => ({ mmsi: n.mmsi, points: [n.before, n.after].filter((r): r is TrackPoint => r !== null), lengthM: lengths.get(n.mmsi) ?? null }));
}

interface Box { latMin: number; latMax: number; lonMin: number; lonMax: number }
/** The 1° cells (floor(lat), floor(lon)) a box touches. */
function cellsTouching(b: Box): CellFilter {
  const cell: Box = { latMin: Math.floor(b.latMin), latMax: Math.floor(b.latMax), lonMin: Math.floor(b.lonMin), lonMax: Math.floor(b.lonMax) };
  return (cLat, cLon) => inBox(cell, cLat, cLon);
}

/** Longitudes measured eastwards from lonMin, so a box across 180° (lonMin > lonMax, or beyond ±180) works. */
function inBox(b: Box, lat: number, lon: number): boolean {
  if (lat < b.latMin || lat > b.latMax) return false;
  const width = b.lonMin <= b.lonMax ? b.lonMax - b.lonMin : b.lonMax - b.lonMin + 360;
  return width >= 360 || (((lon - b.lonMin) % 360) + 360) % 360 <= width;
}

/** Length overall per MMSI from static reports: the reported length, else to_bow + to_stern (the latest
 *  non-zero). One scan for all vessels, read once per fusion run. */
export async function vesselLengths(store: Store): Promise<Map<number, number>> {
  const rows = await store.all<{ mmsi: number; len: number }>(
    `SELECT mmsi, arg_max(coalesce(length, to_bow::DOUBLE + to_stern::DOUBLE), time) AS len FROM statics
     WHERE coalesce(length, to_bow::DOUBLE + to_stern::DOUBLE) > 0 GROUP BY mmsi`,
  );
  return new Map(rows.map((r) => [Number(r.mmsi), Number(r.len)]));
}

/** Vessels silent at the scene time with a report before or after it within SILENT_PAD_KM of the footprint,
 *  plus vessels whose track then is flagged as spoofed. */
export async function silentNearScene(store: Store, s: Scene, index: TrackIndex, lengths: ReadonlyMap<number, number>, p: FusionParams = FUSION_PARAMS, dataStartMs = -Infinity): Promise<SilentVessel[]> {
  const around = await neighboursOfScene(store, s, index, SILENT_PAD_KM, p.darkCandidateWindowH);
  const out = silentAt(around, s.timeMs, lengths, p, dataStartMs);
  const listed = new Set(out.map((v) => v.mmsi));
  for (const m of await spoofedAt(store, Math.round(s.timeMs))) if (!listed.has(m)) out.push({ mmsi: m, lengthM: lengths.get(m) ?? null, before: null, after: null, spoofing: true });
  return out;
}

/** The time of the first AIS report in the store (−∞ when it holds none). */
async function firstReportMs(store: Store): Promise<number> {
  const r = await store.one<{ t: number | null }>('SELECT epoch_ms(min(time))::DOUBLE AS t FROM positions');
  return r?.t === null || r?.t === undefined ? -Infinity : Number(r.t);
}

/** MMSIs with a stored spoofing event covering `t` (their broadcast position then is not where they are). */
async function spoofedAt(store: Store, t: number): Promise<number[]> {
  await ensureEventsSchema(store);
  const rows = await store.all<{ mmsi: number }>(
    `SELECT DISTINCT mmsi FROM events WHERE type = 'spoofing' AND start <= epoch_ms(?::BIGINT) AND coalesce("end", start) >= epoch_ms(?::BIGINT)`,
    [t, t],
  );
  return rows.map((r) => Number(r.mmsi));
}

/** Every stored AIS gap as the gap detector judged it, per MMSI; an open gap runs to the end of time. */
export async function judgedGaps(store: Store): Promise<Map<number, JudgedGap[]>> {
  await ensureEventsSchema(store);
  const rows = await store.all<{ mmsi: number; a: number; b: number | null; lat: number; lon: number; lat2: number | null; lon2: number | null; pu: number | null; i: boolean | null }>(
    `SELECT mmsi, epoch_ms(start)::DOUBLE AS a, epoch_ms("end")::DOUBLE AS b, lat, lon,
       json_extract(body, '$.evidence.end_lat')::DOUBLE AS lat2, json_extract(body, '$.evidence.end_lon')::DOUBLE AS lon2,
       json_extract(body, '$.evidence.reception.unheard_probability')::DOUBLE AS pu, json_extract(body, '$.intentional')::BOOLEAN AS i
     FROM events WHERE type = 'gap'`,
  );
  const all = new Map<number, JudgedGap[]>();
  for (const r of rows) {
    const m = Number(r.mmsi);
    const list = all.get(m) ?? [];
    list.push({
      startMs: Number(r.a), endMs: r.b === null ? Infinity : Number(r.b), from: { lat: Number(r.lat), lon: Number(r.lon) },
      to: r.lat2 === null || r.lon2 === null ? null : { lat: Number(r.lat2), lon: Number(r.lon2) },
      intentional: r.i === true, unheardProbability: r.pu === null ? 0 : Number(r.pu),
    });
    all.set(m, list);
  }
  return all;
}

/** The stored AIS gaps that reception explains, per MMSI (imagery/reception.ts explainedGaps: by the ships
 *  around, or by the vessel's own record). */
export async function receptionGaps(store: Store, p: FusionParams = FUSION_PARAMS): Promise<ReceptionGaps> {
  return explainedGaps(await judgedGaps(store), p);
}

/** The first AIS report of each of `mmsis` (absent: none stored). */
async function firstHeard(store: Store, mmsis: readonly number[]): Promise<Map<number, number>> {
  if (mmsis.length === 0) return new Map();
  const rows = await store.all<{ mmsi: number; t: number }>(
    `SELECT mmsi, epoch_ms(min(time))::DOUBLE AS t FROM positions WHERE mmsi IN (${mmsis.map(() => '?').join(',')}) GROUP BY mmsi`, [...mmsis]);
  return new Map(rows.map((r) => [Number(r.mmsi), Number(r.t)]));
}

/** The stored AIS gaps the gap detector called intentional, per MMSI (imagery/intentional.ts); an open
 *  gap runs to the end of time. */
export async function intentionalGaps(store: Store): Promise<IntentionalGaps> {
  await ensureEventsSchema(store);
  const rows = await store.all<{ mmsi: number; a: number; b: number | null }>(
    `SELECT mmsi, epoch_ms(start)::DOUBLE AS a, epoch_ms("end")::DOUBLE AS b FROM events
     WHERE type = 'gap' AND json_extract(body, '$.intentional')::BOOLEAN`,
  );
  const out = new Map<number, SilentSpan[]>();
  for (const r of rows) {
    const m = Number(r.mmsi);
    const list = out.get(m) ?? [];
    list.push({ startMs: Number(r.a), endMs: r.b === null ? Infinity : Number(r.b) });
    out.set(m, list);
  }
  return out;
}

export interface StoredFusion {
  scene: Scene;
  fusion: SceneFusion;
}

/** Fuses every stored scene (or one) with the stored AIS; `onScene` reports progress. */
export async function fuseStored(store: Store, opts: { sceneId?: string; /** Only these scenes (one AIS summary for all). */ sceneIds?: readonly string[]; onScene?: (done: number, total: number) => void; params?: FusionParams; land?: LandIndex } = {}): Promise<StoredFusion[]> {
  await ensurePositionsSchema(store);
  const p = opts.params ?? FUSION_PARAMS;
  const land = opts.land ?? landIndex();
  const inland = deepInland(land);
  const wanted = opts.sceneIds ? new Set(opts.sceneIds) : null;
  const scenes = (await readScenes(store, opts.sceneId)).filter((s) => !wanted || wanted.has(s.scene_id));
  const dets = await readDetections(store, scenes.map((s) => s.scene_id));
  const lengths = await vesselLengths(store);
  const judged = await judgedGaps(store);
  const unheard = explainedGaps(judged, p);
  const switchedOff = await intentionalGaps(store);
  const dataStartMs = await firstReportMs(store);
  const out: StoredFusion[] = [];
  if (scenes.length === 0) return out;
  // One hour summary of the AIS for every scene: ±the dark-candidate window around the scenes' times,
  // inside the union of their footprints padded for candidates (all longitudes if one crosses 180°).
  const windowMs = p.darkCandidateWindowH * MS_PER_H;
  const union = scenes.map((s) => padded(s, SILENT_PAD_KM)).reduce((u, b) => ({
    latMin: Math.min(u.latMin, b.latMin), latMax: Math.max(u.latMax, b.latMax), lonMin: Math.min(u.lonMin, b.lonMin), lonMax: Math.max(u.lonMax, b.lonMax),
  }));
  if (scenes.some((s) => s.bbox.lon_min > s.bbox.lon_max) || union.lonMin < -180 || union.lonMax > 180) { union.lonMin = -180; union.lonMax = 180; }
  const index = await readTrackIndex(store,
    scenes.reduce((m, s) => Math.min(m, s.timeMs), Infinity) - windowMs, scenes.reduce((m, s) => Math.max(m, s.timeMs), -Infinity) + windowMs, union);
  for (const s of scenes) {
    const ais = aisVessels(await neighboursOfScene(store, s, index, AIS_PAD_KM, p.windowH), lengths);
    const sceneDets = dets.get(s.scene_id) ?? [];
    let fusion = fuseScene(s, sceneDets, ais, null, p, inland);
    if (fusion.detections.some((d) => d.dark && d.mmsi === null)) fusion = fuseScene(s, sceneDets, ais, await silentNearScene(store, s, index, lengths, p, dataStartMs), p, inland);
    fusion = withReceptionGaps(fusion, unheard, p, land);
    const silentMatched = fusion.detections.filter((d) => d.dark && d.mmsi !== null).map((d) => d.mmsi!);
    fusion = withGapVerdicts(fusion, judged, await firstHeard(store, silentMatched), dataStartMs, p);
    const byId = new Map(sceneDets.map((d) => [d.detection_id, d]));
    fusion = withIntentionalGaps(fusion, switchedOff, (d) => isReal(byId.get(d.detection_id)!, p, inland), p);
    out.push({ scene: s, fusion });
    opts.onScene?.(out.length, scenes.length);
  }
  return out;
}

/** After `tumen detect`: dark_detection events from the stored imagery, and the imagery evidence added to
 *  the run's dark port calls and spoofing events. Null when the store holds no scenes. */
export async function imageryEvents(store: Store, runEvents: readonly TumenEvent[]): Promise<{ darkDetections: TumenEvent[]; updated: TumenEvent[]; seenCalls: TumenEvent[]; scenes: number } | null> {
  await ensureImagerySchema(store);
  const n = await store.one<{ n: bigint }>('SELECT count(*) AS n FROM imagery_scenes');
  if (!n || Number(n.n) === 0) return null;
  const fused = await fuseStored(store);
  const lengths = await vesselLengths(store);
  const updated = withImageryEvidence(runEvents.filter((e) => e.type === 'dark_port_call' || e.type === 'spoofing'), fused, lengths);
  // Gaps not called intentional whose ship an image shows dark at a watched port (imagery/seen-port-calls.ts).
  const seenCalls = darkPortCallsSeen(runEvents.filter((e) => e.type === 'gap'), runEvents, fused, lengths);
  return { darkDetections: darkDetectionEvents(fused), updated, seenCalls, scenes: fused.length };
}
