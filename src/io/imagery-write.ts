// The simulated imagery as files `tumen imagery import` reads: scenes.jsonl and detections.csv. Pure.
import type { SimImagery } from '../sim/imagery.js';

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

export function scenesJsonl(img: SimImagery): string {
  return img.scenes.map((s) => `${JSON.stringify({ scene_id: s.scene_id, time: iso(s.timeMs), sensor: s.sensor, bbox: s.bbox })}\n`).join('');
}

export function detectionsCsv(img: SimImagery): string {
  const rows = img.detections.map((d) => [d.detection_id, d.scene_id, iso(d.timeMs), d.lat, d.lon, d.length_m, d.sensor, d.presence].join(','));
  return ['detection_id,scene_id,time,lat,lon,length_m,sensor,presence', ...rows].join('\n') + '\n';
}
