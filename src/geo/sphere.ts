// Great-circle helpers on a spherical Earth (mean radius). Accurate to ~0.5 % — ample for AIS
// distances of metres to hundreds of kilometres; written by hand because they are three lines each.
export const EARTH_RADIUS_M = 6_371_008.8;
export const METRES_PER_NM = 1852;
export const MS_PER_HOUR = 3_600_000;

const RAD = Math.PI / 180;

/** Haversine distance in metres. */
export function distanceM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Initial bearing from point 1 to point 2, degrees clockwise from north in [0, 360). */
export function bearingDeg(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const φ1 = lat1 * RAD, φ2 = lat2 * RAD, dλ = (lon2 - lon1) * RAD;
  const y = Math.sin(dλ) * Math.cos(φ2);
  const x = Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(dλ);
  return (Math.atan2(y, x) / RAD + 360) % 360;
}

/** The point reached from (lat, lon) after `distanceM` metres on initial bearing `bearingDeg`. */
export function destination(lat: number, lon: number, bearing: number, distance: number): { lat: number; lon: number } {
  const δ = distance / EARTH_RADIUS_M, θ = bearing * RAD, φ1 = lat * RAD, λ1 = lon * RAD;
  const φ2 = Math.asin(Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(θ));
  const λ2 = λ1 + Math.atan2(Math.sin(θ) * Math.sin(δ) * Math.cos(φ1), Math.cos(δ) - Math.sin(φ1) * Math.sin(φ2));
  return { lat: φ2 / RAD, lon: ((λ2 / RAD + 540) % 360) - 180 };
}

/** Implied speed in knots between two fixes; Infinity when time does not advance but position does. */
export function impliedSpeedKn(distance: number, dtMs: number): number {
  if (dtMs <= 0) return distance > 0 ? Infinity : 0;
  return distance / METRES_PER_NM / (dtMs / MS_PER_HOUR);
}
