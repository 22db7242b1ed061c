// What imagery and site counts say about one event (the event page): the scenes taken while it lasted
// near it or its ports — footprints and detections drawn on the map (dark: filled black; matched to AIS:
// hollow green; neither: small grey, a likely false alarm), each detection's ranked candidates listed —
// and analysts' counts at sites nearby on those days.
import { api } from './api.js';
import { el, fmtTime, table, vesselLink, type VesselLabelJson } from './dom.js';

interface Candidate { mmsi: number; score: number; why: string; vessel?: VesselLabelJson }
interface DetectionJson {
  detection_id: string; time: string; lat: number; lon: number; mmsi: number | null; confidence: number; dark: boolean;
  length_m?: number; candidates: Candidate[]; vessel?: VesselLabelJson | null;
}
interface SceneJson {
  scene_id: string; time: string; sensor: string; bbox: { lat_min: number; lat_max: number; lon_min: number; lon_max: number };
  counts: { detections: number; matched: number; dark: number; missed: number }; detections: DetectionJson[];
  missed: Array<{ mmsi: number; vessel?: VesselLabelJson }>;
}
export interface CoincidentJson {
  event_id: string; site: { id: string; name: string; kind: string }; distance_km: number; length_match: boolean | null; why: string;
  observation: { id: string; time: string; counts: Record<string, number>; vessel_lengths_m: number[]; analyst: string | null };
}

export interface EventImagery {
  features: GeoJSON.Feature[];
  /** The page section, naming the event's own ship among the candidates; null when there is nothing. */
  section(mmsi: number): HTMLElement | null;
}

/** Imagery and site counts for the event: map features and a section for the page (null when none). */
export async function eventImagery(eventId: string): Promise<EventImagery> {
  const [img, obs] = await Promise.all([
    api<{ scenes: SceneJson[] }>(`api/events/${encodeURIComponent(eventId)}/imagery`).catch(() => ({ scenes: [] as SceneJson[] })),
    api<{ links: CoincidentJson[] }>(`api/observations/coincident?event=${encodeURIComponent(eventId)}`).catch(() => ({ links: [] as CoincidentJson[] })),
  ]);
  const features: GeoJSON.Feature[] = [];
  for (const s of img.scenes) {
    const b = s.bbox;
    features.push({ type: 'Feature', properties: { kind: 'scene', id: s.scene_id },
      geometry: { type: 'Polygon', coordinates: [[[b.lon_min, b.lat_min], [b.lon_max, b.lat_min], [b.lon_max, b.lat_max], [b.lon_min, b.lat_max], [b.lon_min, b.lat_min]]] } });
    for (const d of s.detections) {
      features.push({ type: 'Feature', properties: { kind: 'detection', id: d.detection_id, status: d.dark ? 'dark' : d.mmsi !== null ? 'matched' : 'unexplained' },
        geometry: { type: 'Point', coordinates: [d.lon, d.lat] } });
    }
  }
  return { features, section: (mmsi) => section(img.scenes, obs.links, mmsi) };
}

function section(scenes: SceneJson[], links: CoincidentJson[], mmsi: number): HTMLElement | null {
  const img = { scenes }, obs = { links };
  const blocks: HTMLElement[] = [];
  if (img.scenes.length) {
    blocks.push(el('h3', {}, 'Satellite imagery at the time'),
      el('p', { class: 'muted' }, 'Dashed purple: scene footprints. Detections: filled black = dark (a ship no AIS explains), hollow green = matched to an AIS ship, small grey = likely false alarm.'));
    for (const s of img.scenes) {
      blocks.push(el('p', { 'data-scene': s.scene_id }, el('b', {}, `${s.scene_id}`), ` · ${s.sensor} · ${fmtTime(s.time)} · ${s.counts.detections} detections: ${s.counts.matched} matched, ${s.counts.dark} dark; ${s.counts.missed} AIS ships expected but not seen`));
      const t = table(['detection', 'status', 'length', 'who (or candidates, ranked)'], s.detections.map((d) => [
        d.detection_id, d.dark ? el('b', { class: 'dark-text' }, 'dark') : d.mmsi !== null ? 'matched' : 'likely false alarm',
        d.length_m !== undefined ? `${d.length_m} m` : '—',
        d.mmsi !== null ? el('span', {}, vesselLink(d.vessel ?? undefined, d.mmsi), ` (${Math.round(d.confidence * 100)} %)`)
          : el('span', {}, ...d.candidates.slice(0, 3).flatMap((c, i) => [i ? '; ' : '', vesselLink(c.vessel, c.mmsi),
            `${c.mmsi === mmsi ? ' ← this ship' : ''} ${c.score.toFixed(2)} (${c.why})`])),
      ]));
      t.classList.add('detections');
      blocks.push(t);
    }
  }
  if (obs.links.length) {
    blocks.push(el('h3', {}, 'Site counts at the time'));
    const t = table(['site', 'image', 'counts', 'ship length?'], obs.links.map((l) => [
      el('a', { href: `#/site/${encodeURIComponent(l.site.id)}` }, l.site.name), fmtTime(l.observation.time),
      Object.entries(l.observation.counts).map(([k, v]) => `${k.replace(/_/g, ' ')} ${v}`).join(', '),
      l.length_match === null ? '—' : l.length_match ? el('b', {}, 'yes') : 'no',
    ]));
    t.id = 'event-observations';
    blocks.push(t, el('p', { class: 'muted' }, obs.links.map((l) => l.why).join(' · ')));
  }
  return blocks.length ? el('section', { id: 'event-imagery' }, ...blocks) : null;
}
