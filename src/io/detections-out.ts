// `tumen detections` output: one record per fused detection as JSON Lines, CSV or GeoJSON points, and
// per-scene summaries with the AIS vessels expected in the footprint but not detected. Pure.
import type { FusedDetection, MissedVessel, Scene } from '../imagery/types.js';
import { featureCollection, type Feature } from './geojson.js';

export type DetectionsFormat = 'jsonl' | 'csv' | 'geojson';

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The record the issue fixes: detection_id, scene_id, time, lat, lon, mmsi, confidence, dark, candidates. */
export function detectionRecord(d: FusedDetection): Record<string, unknown> {
  return {
    detection_id: d.detection_id, scene_id: d.scene_id, time: iso(d.timeMs), lat: d.lat, lon: d.lon,
    mmsi: d.mmsi, confidence: d.confidence, dark: d.dark, candidates: d.candidates,
    ...(d.length_m !== null ? { length_m: d.length_m } : {}),
  };
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function formatDetections(ds: readonly FusedDetection[], format: DetectionsFormat): string {
  if (format === 'jsonl') return ds.map((d) => `${JSON.stringify(detectionRecord(d))}\n`).join('');
  if (format === 'geojson') {
    const features: Feature[] = ds.map((d) => {
      const { lat, lon, ...props } = detectionRecord(d);
      return { type: 'Feature', geometry: { type: 'Point', coordinates: [lon as number, lat as number] }, properties: props };
    });
    return `${JSON.stringify(featureCollection(features))}\n`;
  }
  const header = 'detection_id,scene_id,time,lat,lon,length_m,mmsi,confidence,dark,top_candidate,top_score,candidates';
  const rows = ds.map((d) => [
    d.detection_id, d.scene_id, iso(d.timeMs), d.lat, d.lon, d.length_m, d.mmsi, d.confidence, d.dark,
    d.candidates[0]?.mmsi ?? null, d.candidates[0]?.score ?? null, d.candidates.map((c) => `${c.mmsi}:${c.score}`).join(' '),
  ].map(csvCell).join(','));
  return [header, ...rows].join('\n') + '\n';
}

export function sceneSummary(s: Scene, ds: readonly FusedDetection[], missed: readonly MissedVessel[]): Record<string, unknown> {
  return {
    scene_id: s.scene_id, time: iso(s.timeMs), sensor: s.sensor, bbox: s.bbox,
    detections: ds.length, matched: ds.filter((d) => d.mmsi !== null).length, dark: ds.filter((d) => d.dark).length,
    unexplained_not_dark: ds.filter((d) => d.mmsi === null && !d.dark).length,
    missed: missed.map((m) => ({ mmsi: m.mmsi, lat: m.lat, lon: m.lon, sigma_m: m.sigma_m })),
  };
}
