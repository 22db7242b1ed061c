// Resampling one vessel's track to fixed time slots (GFW encounters pipeline: 10 min), incrementally: each
// new fix yields the slots between the previous fix and itself, linearly interpolated — but never across a
// gap longer than `maxGapMs` (no invented positions while a vessel is silent).
import { distanceM, impliedSpeedKn } from '../geo/sphere.js';
import { normLon } from './geo-stats.js';

export interface Fix {
  timeMs: number;
  lat: number;
  lon: number;
  speedKn: number | null;
}

export interface Sample {
  slotMs: number;
  lat: number;
  lon: number;
  speedKn: number;
}

const NONE: Sample[] = [];

/** (The returned array may be shared: do not modify it.) Slots t with prev.timeMs < t <= next.timeMs; after no fix, or a silence longer than `maxGapMs`, only
 *  t == next.timeMs (a fix exactly on a slot). `prev.timeMs` must be < `next.timeMs`. */
export function resampleStep(prev: Fix | null, next: Fix, intervalMs: number, maxGapMs: number): Sample[] {
  if (!prev || next.timeMs - prev.timeMs > maxGapMs) {
    return next.timeMs % intervalMs === 0
      ? [{ slotMs: next.timeMs, lat: next.lat, lon: next.lon, speedKn: next.speedKn ?? 0 }]
      : NONE;
  }
  const dt = next.timeMs - prev.timeMs;
  if (dt <= 0) return NONE;
  const first = Math.floor(prev.timeMs / intervalMs) * intervalMs + intervalMs;
  if (first > next.timeMs) return NONE; // most fixes: no slot boundary since the previous one
  const out: Sample[] = [];
  // Speed: reported SOG interpolated when both fixes carry it, else the implied speed between them.
  const implied = impliedSpeedKn(distanceM(prev.lat, prev.lon, next.lat, next.lon), dt);
  let dLon = next.lon - prev.lon;
  if (dLon > 180) dLon -= 360;
  else if (dLon < -180) dLon += 360;
  for (let t = first; t <= next.timeMs; t += intervalMs) {
    const f = (t - prev.timeMs) / dt;
    const speed = prev.speedKn !== null && next.speedKn !== null ? prev.speedKn + f * (next.speedKn - prev.speedKn) : implied;
    out.push({ slotMs: t, lat: prev.lat + f * (next.lat - prev.lat), lon: normLon(prev.lon + f * dLon), speedKn: speed });
  }
  return out;
}
