// How much land the straight (great-circle) line between two points crosses (core, no I/O). A ship cannot
// sail that line across a landmass: a line drawn between its two reports then is not where it was
// (src/imagery/reception.ts).
import type { LandIndex } from './land.js';
import { bearingDeg, destination, distanceM } from './sphere.js';

/** Metres of land along the great circle from a to b, sampled every `stepM` (default 1 km: about the 1:10m
 *  coast's own detail, so a cape narrower than a step may be missed). */
export function landCrossedM(a: { lat: number; lon: number }, b: { lat: number; lon: number }, land: LandIndex, stepM = 1_000): number {
  const d = distanceM(a.lat, a.lon, b.lat, b.lon);
  const n = Math.floor(d / stepM);
  if (n < 1) return 0;
  const br = bearingDeg(a.lat, a.lon, b.lat, b.lon);
  let onLand = 0;
  for (let i = 1; i <= n; i++) {
    const p = destination(a.lat, a.lon, br, (i * d) / (n + 1));
    if (land.isOnLand(p.lat, p.lon)) onLand++;
  }
  return (onLand * d) / (n + 1);
}
