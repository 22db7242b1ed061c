// Satellite scenes and detections as stored. Import is one transaction (all or nothing) keyed by
// scene_id / detection_id, so a re-import of the same files changes nothing; rows that cannot be stored
// (detection outside its scene, unknown scene, scene far from any AIS data) are counted by reason.
import type { Store } from './db.js';
import type { Detection, Scene } from '../imagery/types.js';
import type { Rejects } from '../imagery/parse.js';
import { inBBox } from '../imagery/fusion.js';

export const IMAGERY_DDL = [
  `CREATE TABLE IF NOT EXISTS imagery_scenes (
    scene_id VARCHAR PRIMARY KEY,
    time TIMESTAMP NOT NULL,
    sensor VARCHAR NOT NULL,
    lat_min DOUBLE NOT NULL, lat_max DOUBLE NOT NULL, lon_min DOUBLE NOT NULL, lon_max DOUBLE NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS imagery_detections (
    detection_id VARCHAR PRIMARY KEY,
    scene_id VARCHAR NOT NULL,
    time TIMESTAMP NOT NULL,
    lat DOUBLE NOT NULL,
    lon DOUBLE NOT NULL,
    length_m DOUBLE,
    heading DOUBLE,
    sensor VARCHAR NOT NULL,
    presence DOUBLE
  )`,
] as const;

export async function ensureImagerySchema(store: Store): Promise<void> {
  await store.ensureSchema(IMAGERY_DDL);
}

/** A scene more than this far outside the AIS data's time range has nothing to fuse with. */
export const FAR_FROM_AIS_MS = 24 * 3_600_000;
/** A detection's time may differ from its scene's by this much (clock rounding in exports). */
const DETECTION_TIME_SLACK_MS = 5 * 60_000;

export interface ImportSummary {
  scenes: { read: number; new: number; updated: number; unchanged: number };
  detections: { read: number; new: number; updated: number; unchanged: number };
  rejects: { scenes: Rejects; detections: Rejects };
}

const bump = (r: Rejects, why: string): void => { r[why] = (r[why] ?? 0) + 1; };

/** Stores parsed scenes and detections in one transaction; returns what changed and what was rejected. */
export async function importImagery(
  store: Store,
  scenes: readonly Scene[],
  detections: ReadonlyArray<Detection & { sensorGiven?: boolean }>,
  parseRejects: { scenes: Rejects; detections: Rejects },
): Promise<ImportSummary> {
  await ensureImagerySchema(store);
  const rejects = { scenes: { ...parseRejects.scenes }, detections: { ...parseRejects.detections } };
  const range = await store.one<{ lo: number | null; hi: number | null }>(
    `SELECT epoch_ms(min(time))::DOUBLE AS lo, epoch_ms(max(time))::DOUBLE AS hi FROM positions`,
  ).catch(() => undefined);
  const lo = range?.lo ?? null, hi = range?.hi ?? null;
  const keptScenes = new Map<string, Scene>();
  for (const s of scenes) {
    if (keptScenes.has(s.scene_id)) { bump(rejects.scenes, 'duplicate_scene_id'); continue; }
    if (lo !== null && hi !== null && (s.timeMs < lo - FAR_FROM_AIS_MS || s.timeMs > hi + FAR_FROM_AIS_MS)) {
      bump(rejects.scenes, 'far_from_ais_data'); continue;
    }
    keptScenes.set(s.scene_id, s);
  }
  const stored = await readScenes(store);
  const known = new Map(stored.map((s) => [s.scene_id, s]));
  const keptDets = new Map<string, Detection>();
  const rejectedSceneIds = new Set(scenes.map((s) => s.scene_id).filter((id) => !keptScenes.has(id)));
  for (const d of detections) {
    const scene = keptScenes.get(d.scene_id) ?? known.get(d.scene_id);
    if (!scene) { bump(rejects.detections, rejectedSceneIds.has(d.scene_id) ? 'scene_rejected' : 'unknown_scene'); continue; }
    if (keptDets.has(d.detection_id)) { bump(rejects.detections, 'duplicate_detection_id'); continue; }
    if (!inBBox(scene, d.lat, d.lon)) { bump(rejects.detections, 'outside_scene'); continue; }
    if (Math.abs(d.timeMs - scene.timeMs) > DETECTION_TIME_SLACK_MS) { bump(rejects.detections, 'time_not_scene_time'); continue; }
    keptDets.set(d.detection_id, { ...d, sensor: d.sensorGiven === false ? scene.sensor : d.sensor });
  }
  return store.transaction(async () => {
    const sc = await upsert(store, 'imagery_scenes', 'scene_id', [...keptScenes.values()].map((s) => [
      s.scene_id, s.timeMs, s.sensor, s.bbox.lat_min, s.bbox.lat_max, s.bbox.lon_min, s.bbox.lon_max,
    ]), ['scene_id', 'time', 'sensor', 'lat_min', 'lat_max', 'lon_min', 'lon_max']);
    const dc = await upsert(store, 'imagery_detections', 'detection_id', [...keptDets.values()].map((d) => [
      d.detection_id, d.scene_id, d.timeMs, d.lat, d.lon, d.length_m, d.heading_deg, d.sensor, d.presence,
    ]), ['detection_id', 'scene_id', 'time', 'lat', 'lon', 'length_m', 'heading', 'sensor', 'presence']);
    return {
      scenes: { read: scenes.length + total(parseRejects.scenes), ...sc },
      detections: { read: detections.length + total(parseRejects.detections), ...dc },
      rejects,
    };
  });
}

const total = (r: Rejects): number => Object.values(r).reduce((a, b) => a + b, 0);

type Row = Array<string | number | null>;

/** INSERT OR REPLACE through a staging table, counting rows that are new, changed or identical. */
async function upsert(store: Store, table: string, key: string, rows: Row[], cols: string[]): Promise<{ new: number; updated: number; unchanged: number }> {
  if (rows.length === 0) return { new: 0, updated: 0, unchanged: 0 };
  const stage = `${table}_stage`;
  await store.run(`CREATE OR REPLACE TEMP TABLE ${stage} AS SELECT * FROM ${table} LIMIT 0`);
  const timeCol = cols.indexOf('time');
  const BATCH = 500;
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    const tuple = `(${cols.map((_, k) => (k === timeCol ? 'epoch_ms(?::BIGINT)' : '?')).join(', ')})`;
    await store.run(`INSERT INTO ${stage} (${cols.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`,
      chunk.flatMap((r) => r.map((v, k) => (k === timeCol ? Math.round(v as number) : v))));
  }
  const counts = await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${stage} JOIN ${table} USING (${key})`);
  // Compare whole rows: the staged row equals the stored one exactly when re-imported unchanged.
  const same = await store.one<{ n: bigint }>(
    `SELECT count(*) AS n FROM (SELECT * FROM ${stage} INTERSECT SELECT * FROM ${table})`,
  );
  await store.run(`INSERT OR REPLACE INTO ${table} SELECT * FROM ${stage}`);
  await store.run(`DROP TABLE ${stage}`);
  const existing = Number(counts?.n ?? 0), unchanged = Number(same?.n ?? 0);
  return { new: rows.length - existing, updated: existing - unchanged, unchanged };
}

interface SceneRow { scene_id: string; t: number; sensor: string; lat_min: number; lat_max: number; lon_min: number; lon_max: number }

export async function readScenes(store: Store, sceneId?: string): Promise<Scene[]> {
  await ensureImagerySchema(store);
  const rows = await store.all<SceneRow>(
    `SELECT scene_id, epoch_ms(time)::DOUBLE AS t, sensor, lat_min, lat_max, lon_min, lon_max FROM imagery_scenes
     ${sceneId !== undefined ? 'WHERE scene_id = ?' : ''} ORDER BY time, scene_id`, sceneId !== undefined ? [sceneId] : [],
  );
  return rows.map((r) => ({ scene_id: r.scene_id, timeMs: r.t, sensor: r.sensor as Scene['sensor'], bbox: { lat_min: r.lat_min, lat_max: r.lat_max, lon_min: r.lon_min, lon_max: r.lon_max } }));
}

interface DetRow { detection_id: string; scene_id: string; t: number; lat: number; lon: number; length_m: number | null; heading: number | null; sensor: string; presence: number | null }

/** Detections of the given scenes (all when omitted), grouped by scene_id, each group in id order. */
export async function readDetections(store: Store, sceneIds?: readonly string[]): Promise<Map<string, Detection[]>> {
  await ensureImagerySchema(store);
  const where = sceneIds ? (sceneIds.length ? `WHERE scene_id IN (${sceneIds.map(() => '?').join(', ')})` : 'WHERE false') : '';
  const rows = await store.all<DetRow>(
    `SELECT detection_id, scene_id, epoch_ms(time)::DOUBLE AS t, lat, lon, length_m, heading, sensor, presence
     FROM imagery_detections ${where} ORDER BY scene_id, detection_id`, sceneIds ? [...sceneIds] : [],
  );
  const out = new Map<string, Detection[]>();
  for (const r of rows) {
    const list = out.get(r.scene_id) ?? [];
    list.push({ detection_id: r.detection_id, scene_id: r.scene_id, timeMs: r.t, lat: r.lat, lon: r.lon, length_m: r.length_m, heading_deg: r.heading, sensor: r.sensor as Detection['sensor'], presence: r.presence });
    out.set(r.scene_id, list);
  }
  return out;
}
