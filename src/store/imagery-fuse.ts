// Fusion over the store: for each scene, only the AIS positions near its time window and footprint are
// read (a time + box filter DuckDB answers from its zone maps), then the core fuses them (imagery/fusion.ts).
import type { Store } from './db.js';
import { ensurePositionsSchema } from './positions.js';
import { ensureEventsSchema } from './events.js';
import { ensureImagerySchema, readDetections, readScenes } from './imagery.js';
import { darkDetectionEvents, withImageryEvidence } from '../imagery/events.js';
import type { TumenEvent } from '../events/schema.js';
import { fuseScene } from '../imagery/fusion.js';
import { FUSION_PARAMS, type FusionParams } from '../imagery/params.js';
import type { SilentVessel } from '../imagery/candidates.js';
import type { AisVessel, Scene, SceneFusion } from '../imagery/types.js';

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

/** Each vessel's positions within ±windowH of the scene near its footprint, and its length from statics. */
export async function aisNearScene(store: Store, s: Scene, lengths: ReadonlyMap<number, number>, p: FusionParams = FUSION_PARAMS): Promise<AisVessel[]> {
  const b = padded(s, AIS_PAD_KM);
  const reader = await store.conn.runAndReadAll(
    `SELECT mmsi, epoch_ms(time)::DOUBLE AS t, lat, lon, speed, course FROM positions
     WHERE time BETWEEN epoch_ms(?::BIGINT) AND epoch_ms(?::BIGINT) AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?
     ORDER BY mmsi, time`,
    [Math.round(s.timeMs - p.windowH * MS_PER_H), Math.round(s.timeMs + p.windowH * MS_PER_H), b.latMin, b.latMax, b.lonMin, b.lonMax],
  );
  const cols = reader.getColumnsJS();
  const [mm, tt, la, lo, sp, co] = cols as [unknown[], unknown[], unknown[], unknown[], unknown[], unknown[]];
  const out: AisVessel[] = [];
  let cur: AisVessel | null = null;
  for (let i = 0; i < (mm?.length ?? 0); i++) {
    const mmsi = Number(mm[i]);
    if (!cur || cur.mmsi !== mmsi) { cur = { mmsi, points: [], lengthM: null }; out.push(cur); }
    cur.points.push({
      timeMs: Number(tt[i]), lat: Number(la[i]), lon: Number(lo[i]),
      speedKn: sp[i] === null ? null : Math.round(Number(sp[i]) * 10) / 10,
      courseDeg: co[i] === null ? null : Number(co[i]),
    });
  }
  for (const v of out) v.lengthM = lengths.get(v.mmsi) ?? null;
  return out;
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

/** Vessels with no report within silentMinH of the scene time but reports within the candidate window
 *  near it (their last before and first after), plus vessels whose track then is flagged as spoofed. */
export async function silentNearScene(store: Store, s: Scene, lengths: ReadonlyMap<number, number>, p: FusionParams = FUSION_PARAMS): Promise<SilentVessel[]> {
  const b = padded(s, SILENT_PAD_KM);
  const t = Math.round(s.timeMs), w = p.darkCandidateWindowH * MS_PER_H, quiet = p.silentMinH * MS_PER_H;
  const rows = await store.all<{ mmsi: number; tb: number | null; latb: number | null; lonb: number | null; ta: number | null; lata: number | null; lona: number | null }>(
    `WITH w AS (
       SELECT mmsi, epoch_ms(time)::DOUBLE AS t, lat, lon FROM positions
       WHERE time BETWEEN epoch_ms(?::BIGINT) AND epoch_ms(?::BIGINT) AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?)
     SELECT mmsi,
       max(t) FILTER (WHERE t <= ?) AS tb, arg_max(lat, t) FILTER (WHERE t <= ?) AS latb, arg_max(lon, t) FILTER (WHERE t <= ?) AS lonb,
       min(t) FILTER (WHERE t > ?) AS ta, arg_min(lat, t) FILTER (WHERE t > ?) AS lata, arg_min(lon, t) FILTER (WHERE t > ?) AS lona
     FROM w GROUP BY mmsi
     HAVING coalesce(max(t) FILTER (WHERE t <= ?) < ?, true) AND coalesce(min(t) FILTER (WHERE t > ?) > ?, true)
     ORDER BY mmsi`,
    [t - w, t + w, b.latMin, b.latMax, b.lonMin, b.lonMax, t, t, t, t, t, t, t, t - quiet, t, t + quiet],
  );
  const spoofed = await spoofedAt(store, t);
  const out: SilentVessel[] = rows.map((r) => ({
    mmsi: Number(r.mmsi),
    lengthM: lengths.get(Number(r.mmsi)) ?? null,
    before: r.tb === null ? null : { timeMs: Number(r.tb), lat: Number(r.latb), lon: Number(r.lonb) },
    after: r.ta === null ? null : { timeMs: Number(r.ta), lat: Number(r.lata), lon: Number(r.lona) },
  }));
  const listed = new Set(out.map((v) => v.mmsi));
  for (const m of spoofed) if (!listed.has(m)) out.push({ mmsi: m, lengthM: lengths.get(m) ?? null, before: null, after: null, spoofing: true });
  return out;
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

export interface StoredFusion {
  scene: Scene;
  fusion: SceneFusion;
}

/** Fuses every stored scene (or one) with the stored AIS; `onScene` reports progress. */
export async function fuseStored(store: Store, opts: { sceneId?: string; onScene?: (done: number, total: number) => void; params?: FusionParams } = {}): Promise<StoredFusion[]> {
  await ensurePositionsSchema(store);
  const p = opts.params ?? FUSION_PARAMS;
  const scenes = await readScenes(store, opts.sceneId);
  const dets = await readDetections(store, scenes.map((s) => s.scene_id));
  const lengths = await vesselLengths(store);
  const out: StoredFusion[] = [];
  for (const s of scenes) {
    const ais = await aisNearScene(store, s, lengths, p);
    const sceneDets = dets.get(s.scene_id) ?? [];
    let fusion = fuseScene(s, sceneDets, ais, [], p);
    // The dark-candidate query is the expensive one (days of data around the scene): only when needed.
    if (fusion.detections.some((d) => d.dark && d.mmsi === null)) fusion = fuseScene(s, sceneDets, ais, await silentNearScene(store, s, lengths, p), p);
    out.push({ scene: s, fusion });
    opts.onScene?.(out.length, scenes.length);
  }
  return out;
}

/** After `tumen detect`: dark_detection events from the stored imagery, and the imagery evidence added to
 *  the run's dark port calls and spoofing events. Null when the store holds no scenes. */
export async function imageryEvents(store: Store, runEvents: readonly TumenEvent[]): Promise<{ darkDetections: TumenEvent[]; updated: TumenEvent[]; scenes: number } | null> {
  await ensureImagerySchema(store);
  const n = await store.one<{ n: bigint }>('SELECT count(*) AS n FROM imagery_scenes');
  if (!n || Number(n.n) === 0) return null;
  const fused = await fuseStored(store);
  const lengths = await vesselLengths(store);
  const updated = withImageryEvidence(runEvents.filter((e) => e.type === 'dark_port_call' || e.type === 'spoofing'), fused, lengths);
  return { darkDetections: darkDetectionEvents(fused), updated, scenes: fused.length };
}
