// The area a ship could have reached while dark: every point P with |start-P| + |P-end| <= speed x time
// (an ellipse with the gap's endpoints as foci), or a circle of radius speed x time for an open gap.
// Traced by bisection along bearings from the midpoint on the sphere, so it is right at any latitude.
import { destination, distanceM } from './sphere.js';

const METRES_PER_NM = 1852;

export function reachableRing(
  start: { lat: number; lon: number }, end: { lat: number; lon: number } | null, durationH: number, maxSpeedKn: number, steps = 72,
): Array<[number, number]> {
  const budgetM = maxSpeedKn * METRES_PER_NM * durationH;
  const centre = end ? { lat: (start.lat + end.lat) / 2, lon: (start.lon + end.lon) / 2 } : start;
  const cost = (p: { lat: number; lon: number }): number => (end
    ? distanceM(start.lat, start.lon, p.lat, p.lon) + distanceM(p.lat, p.lon, end.lat, end.lon)
    : distanceM(start.lat, start.lon, p.lat, p.lon));
  const ring: Array<[number, number]> = [];
  for (let k = 0; k <= steps; k++) {
    const bearing = (360 * (k % steps)) / steps;
    let lo = 0;
    let hi = budgetM;
    for (let i = 0; i < 30; i++) {
      const mid = (lo + hi) / 2;
      if (cost(destination(centre.lat, centre.lon, bearing, mid)) <= budgetM) lo = mid; else hi = mid;
    }
    const p = destination(centre.lat, centre.lon, bearing, lo);
    ring.push([Math.round(p.lon * 1e5) / 1e5, Math.round(p.lat * 1e5) / 1e5]);
  }
  return ring;
}
