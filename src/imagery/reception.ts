// A ship seen on an image while its AIS was unheard is dark only if the silence is its own doing. Where
// the gap detector's reception evidence says a transmitting ship there would likely have gone unheard too
// (the other ships present went unheard: an outage or a coverage hole; detectors/gap.ts), the silence is
// explained by reception: the ship is identified, but the image is no evidence that it switched its AIS
// off (GFW likewise counts only gaps in well-received areas as possible disabling events). The gap
// detector judges reception along the path between the gap's two ends; an image that puts the ship far
// off that path (at a port the path never went near) shows the judgment was about the wrong sea, so it
// does not apply. Core, no I/O: the store supplies the gaps (params.ts).
import { distanceM } from '../geo/sphere.js';
import { round3 } from './candidates.js';
import { FUSION_PARAMS, type FusionParams } from './params.js';
import type { FusedDetection, SceneFusion } from './types.js';

/** An AIS gap whose reception evidence explains the silence: its time and the two ends of its path (an
 *  open gap: its end is null and its path is the start point). */
export interface ReceptionGap {
  startMs: number;
  endMs: number;
  from: { lat: number; lon: number };
  to: { lat: number; lon: number } | null;
}

/** Per MMSI, its AIS gaps that reception explains. */
export type ReceptionGaps = ReadonlyMap<number, readonly ReceptionGap[]>;

/** Metres from a point to the segment a–b (flat projection around the point: gaps span ≤ a few 100 km). */
function toSegmentM(lat: number, lon: number, a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const k = Math.cos((lat * Math.PI) / 180);
  const ax = (a.lon - lon) * k, ay = a.lat - lat, bx = (b.lon - lon) * k, by = b.lat - lat;
  const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
  const f = len2 > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
  return distanceM(lat, lon, lat + ay + f * dy, lon + (ax + f * dx) / k);
}

/** An open gap has no far end; when the image matched the ship itself (its AIS track, dead-reckoned
 *  from the last report, put it there) the ship sailed on along its course, so its path runs to the
 *  sighting. A top-candidate sighting of an open gap (where its track did not lead) is judged on the start. */
function explained(gaps: ReceptionGaps, mmsi: number, d: FusedDetection, p: FusionParams): boolean {
  return (gaps.get(mmsi) ?? []).some((g) => g.startMs <= d.timeMs && d.timeMs <= g.endMs
    && toSegmentM(d.lat, d.lon, g.from, g.to ?? (d.mmsi === mmsi ? d : g.from)) <= p.receptionPathKm * 1000);
}

/** The fusion with each dark detection whose identity (its assigned vessel, else its top dark candidate)
 *  was then in a gap reception explains, seen near that gap's path, marked not dark and named by that vessel. */
export function withReceptionGaps(f: SceneFusion, gaps: ReceptionGaps, p: FusionParams = FUSION_PARAMS): SceneFusion {
  if (gaps.size === 0) return f;
  const detections = f.detections.map((d): FusedDetection => {
    if (!d.dark) return d;
    const top = d.candidates[0];
    const id = d.mmsi ?? top?.mmsi ?? null;
    if (id === null || !explained(gaps, id, d, p)) return d;
    const candidates = d.mmsi === null && top
      ? [{ ...top, why: `${top.why}; silent in a gap the reception evidence explains (not shown switched off)` }, ...d.candidates.slice(1)]
      : d.candidates;
    return { ...d, mmsi: id, confidence: d.mmsi === null ? round3(top?.score ?? 0) : d.confidence, dark: false, candidates };
  });
  return { ...f, detections };
}
