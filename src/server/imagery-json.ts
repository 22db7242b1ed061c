// Imagery as the API and the evidence report show it: stored scenes filtered by time and place, fused with
// the AIS and labelled (who each detection is, or dark with ranked candidates; AIS ships expected but not
// seen), and the scenes that bear on one event (taken while it lasted, near it or the ports it names).
import type { Store } from '../store/db.js';
import type { BBox } from './validate.js';
import { tableExists } from './sql-util.js';
import { readScenes } from '../store/imagery.js';
import { fuseStored } from '../store/imagery-fuse.js';
import { detectionRecord, sceneSummary } from '../io/detections-out.js';
import { vesselLabels } from '../store/vessel-labels.js';
import type { Scene } from '../imagery/types.js';
import type { TumenEvent } from '../events/schema.js';
import { allPorts } from '../reference/wpi.js';

/** Fusion reads the AIS around each scene (~0.1–1 s a scene on a big store): a request fuses at most this many. */
export const MAX_FUSED_SCENES = 50;
/** Scenes taken this long before or after an event still show where the ship (or its absence) was. */
export const EVENT_MARGIN_MS = 6 * 3_600_000;
/** A scene bears on an event when its footprint comes this close to the event or a port it names. */
export const EVENT_PAD_KM = 30;
const KM_PER_DEG = 111.195;

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
/** The `tumen detections` record (io/detections-out.ts's detectionRecord), typed. */
interface DetectionRecord {
  detection_id: string; scene_id: string; time: string; lat: number; lon: number; mmsi: number | null; confidence: number; dark: boolean;
  candidates: Array<{ mmsi: number; score: number; why: string }>; length_m?: number;
}

export const sceneJson = (s: Scene) => ({ scene_id: s.scene_id, time: iso(s.timeMs), sensor: s.sensor, bbox: s.bbox });

function inBox(s: Scene, b: BBox): boolean {
  const { minLon, minLat, maxLon, maxLat } = b;
  const lonOk = minLon <= maxLon ? s.bbox.lon_max >= minLon && s.bbox.lon_min <= maxLon : s.bbox.lon_max >= minLon || s.bbox.lon_min <= maxLon;
  return lonOk && s.bbox.lat_max >= minLat && s.bbox.lat_min <= maxLat;
}

export async function scenesIn(store: Store, f: { fromMs?: number; toMs?: number; bbox?: BBox }): Promise<Scene[]> {
  if (!(await tableExists(store, 'imagery_scenes'))) return [];
  return (await readScenes(store)).filter((s) => (f.fromMs === undefined || s.timeMs >= f.fromMs) && (f.toMs === undefined || s.timeMs <= f.toMs) && (!f.bbox || inBox(s, f.bbox)));
}

/** Fuses each scene and labels every MMSI named (assigned, candidate or missed). */
export async function fusedScenes(store: Store, scenes: readonly Scene[]) {
  // One call for all: fusion summarises the AIS around every scene in one pass (imagery/track-index.ts).
  const out = scenes.length ? await fuseStored(store, { sceneIds: scenes.map((s) => s.scene_id) }) : [];
  const mmsis = out.flatMap((f) => [...f.fusion.detections.flatMap((d) => [d.mmsi ?? 0, ...d.candidates.map((c) => c.mmsi)]), ...f.fusion.missed.map((m) => m.mmsi)]);
  const labels = await vesselLabels(store, mmsis);
  return out.map((f) => {
    const { detections, matched, dark, unexplained_not_dark } = sceneSummary(f.scene, f.fusion.detections, f.fusion.missed) as Record<string, number>;
    return {
      ...sceneJson(f.scene), counts: { detections, matched, dark, unexplained_not_dark, missed: f.fusion.missed.length },
      missed: f.fusion.missed.map((m) => ({ mmsi: m.mmsi, lat: m.lat, lon: m.lon, sigma_m: m.sigma_m, vessel: labels.get(m.mmsi) })),
      detections: f.fusion.detections.map((d) => ({
        ...(detectionRecord(d) as unknown as DetectionRecord), vessel: d.mmsi === null ? null : labels.get(d.mmsi),
        candidates: d.candidates.map((c) => ({ ...c, vessel: labels.get(c.mmsi) })),
      })),
    };
  });
}

/** Points an event is about: its position and the ports it names (inferred port, candidates). */
function eventPoints(e: TumenEvent): Array<{ lat: number; lon: number }> {
  const ports = new Map(allPorts().map((p) => [p.id, p]));
  const pts = [{ lat: e.lat, lon: e.lon }];
  const named = [e.port, ...((e as { candidates?: Array<{ id: string }> }).candidates ?? [])];
  for (const p of named) { const k = p ? ports.get(p.id) : undefined; if (k) pts.push({ lat: k.lat, lon: k.lon }); }
  const ev = e.evidence as Record<string, unknown>;
  if (typeof ev.end_lat === 'number' && typeof ev.end_lon === 'number') pts.push({ lat: ev.end_lat, lon: ev.end_lon });
  return pts;
}

function nearScene(s: Scene, p: { lat: number; lon: number }, km: number): boolean {
  const dLat = km / KM_PER_DEG, dLon = km / (KM_PER_DEG * Math.max(0.1, Math.cos((p.lat * Math.PI) / 180)));
  return p.lat >= s.bbox.lat_min - dLat && p.lat <= s.bbox.lat_max + dLat && p.lon >= s.bbox.lon_min - dLon && p.lon <= s.bbox.lon_max + dLon;
}

export type FusedSceneJson = Awaited<ReturnType<typeof fusedScenes>>[number];

/** The scenes that bear on `e` (taken while it lasted, ±EVENT_MARGIN_MS, near it or its ports), not fused. */
export async function scenesForEvent(store: Store, e: TumenEvent): Promise<Scene[]> {
  const startMs = Date.parse(e.start), endMs = e.end === null ? startMs : Date.parse(e.end);
  const pts = eventPoints(e);
  return (await scenesIn(store, { fromMs: startMs - EVENT_MARGIN_MS, toMs: endMs + EVENT_MARGIN_MS }))
    .filter((s) => pts.some((p) => nearScene(s, p, EVENT_PAD_KM)));
}

/** The scenes that bear on `e`, fused (at most MAX_FUSED_SCENES). */
export async function imageryForEvent(store: Store, e: TumenEvent): Promise<FusedSceneJson[]> {
  return fusedScenes(store, (await scenesForEvent(store, e)).slice(0, MAX_FUSED_SCENES));
}
