// Where a ship would have been during its silence: the path its reception is judged along.
import type { Position } from '../tracks/position.js';
import type { PathAt } from './hearing.js';
import { lerpLon } from './geo-stats.js';
import { destination, METRES_PER_NM, MS_PER_HOUR } from '../geo/sphere.js';
import type { GapParams, GapState } from './gap-types.js';

/** Where the ship would have been during the gap: along the line from its start to its end, or (open gap) a
 *  ship under way dead-reckoned from its last course and speed for at most `openGapDeadReckonH`, stopping
 *  short of land (it cannot sail through the coast), then held; a ship stopped, or with no course, held at
 *  its last fix. `reckonedKm`: how far the open gap's ship was carried (0 when held; null for a closed gap). */
export function gapPath(last: NonNullable<GapState['last']>, next: Position | null, p: GapParams, endMs: number, isOnLand?: (lat: number, lon: number) => boolean): { at: PathAt; reckonedKm: number | null } {
  if (next) {
    const span = Math.max(next.timeMs - last.timeMs, 1);
    return {
      reckonedKm: null,
      at: (t) => {
        const f = Math.min(Math.max((t - last.timeMs) / span, 0), 1);
        return { lat: last.lat + (next.lat - last.lat) * f, lon: lerpLon(last.lon, next.lon, f) };
      },
    };
  }
  const sog = last.speedKn !== null && last.speedKn > 1 && last.speedKn < 40 && last.courseDeg !== null ? last.speedKn : 0;
  if (sog === 0) return { reckonedKm: 0, at: () => last };
  const hours = Math.max(0, Math.min((endMs - last.timeMs) / MS_PER_HOUR, p.openGapDeadReckonH));
  let maxM = sog * METRES_PER_NM * hours;
  if (isOnLand) {
    // Walk the course in steps of `openGapLandStepM`; the last point at sea before land is as far as it goes.
    const step = p.openGapLandStepM;
    for (let d = step; d <= maxM + step; d += step) {
      const x = Math.min(d, maxM);
      const at = destination(last.lat, last.lon, last.courseDeg!, x);
      if (isOnLand(at.lat, at.lon)) { maxM = Math.max(0, d - step); break; }
      if (x === maxM) break;
    }
  }
  const course = last.courseDeg!;
  return {
    reckonedKm: maxM / 1000,
    at: (t) => {
      const h = (t - last.timeMs) / MS_PER_HOUR;
      const m = Math.min(sog * METRES_PER_NM * Math.max(h, 0), maxM);
      return m > 0 ? destination(last.lat, last.lon, course, m) : last;
    },
  };
}
