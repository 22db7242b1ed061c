// Where a vessel was at an acquisition time, from its AIS reports: interpolated between the report before
// and the one after, else dead-reckoned from the nearer one, with a 1σ error that grows with the time and
// distance since (or until) the report. GFW uses empirical rasters per speed and time-to-image; a Gaussian
// whose σ grows with distance sailed is the closed-form stand-in (its parameters are in params.ts).
import { destination, distanceM, METRES_PER_NM, MS_PER_HOUR } from '../geo/sphere.js';
import type { FusionParams } from './params.js';
import type { TrackPoint } from './types.js';

export interface PositionEstimate {
  lat: number;
  lon: number;
  sigmaM: number;
  /** How it was obtained, for the `why` of a candidate. */
  method: 'interpolated' | 'extrapolated';
  /** Hours from the acquisition to the nearest report used. */
  nearestH: number;
}

/** Index of the last point with timeMs <= t, or -1. */
function lastAtOrBefore(points: readonly TrackPoint[], t: number): number {
  let lo = 0, hi = points.length - 1, ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.timeMs <= t) { ans = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return ans;
}

function sigmaM(p: FusionParams, speedKn: number, dtMs: number): number {
  const h = Math.abs(dtMs) / MS_PER_HOUR;
  return p.baseSigmaM + p.sigmaPerDistance * speedKn * METRES_PER_NM * h + p.sigmaPerHourM * h;
}

/** Dead reckoning from `from` by `dtMs` (negative: backwards) at its reported speed and course, at most
 *  `maxM` from it. */
function deadReckon(from: TrackPoint, dtMs: number, maxM = Infinity): { lat: number; lon: number; speedKn: number } {
  const speedKn = from.speedKn ?? 0;
  if (speedKn <= 0 || from.courseDeg === null) return { lat: from.lat, lon: from.lon, speedKn: Math.max(0, speedKn) };
  const dist = Math.min(maxM, (speedKn * METRES_PER_NM * Math.abs(dtMs)) / MS_PER_HOUR);
  const bearing = dtMs >= 0 ? from.courseDeg : (from.courseDeg + 180) % 360;
  return { ...destination(from.lat, from.lon, bearing, dist), speedKn };
}

/** How far off the straight line between two reports the vessel may be at `t` when it sailed farther than
 *  that line (a fishing boat turning, a ship manoeuvring): with path length L (the reported speed × the
 *  time between) and straight distance D, a path of length L between the two points strays at most
 *  ½·√(L² − D²) from the line, and at `t` no farther than it could sail from either report. The reported
 *  speed over ground is trusted to `meanderSpeedTolerance` (currents, rounding), so a ship sailing straight
 *  gets nothing; a share `meanderSigmaShare` of the bound is taken as 1σ. */
function meanderSigmaM(before: TrackPoint, after: TrackPoint, t: number, p: FusionParams): number {
  const kn = Math.min(before.speedKn ?? 0, after.speedKn ?? 0) * (1 - p.meanderSpeedTolerance);
  if (kn <= 0) return 0;
  const mPerMs = (kn * METRES_PER_NM) / MS_PER_HOUR;
  const pathM = mPerMs * (after.timeMs - before.timeMs);
  const lineM = distanceM(before.lat, before.lon, after.lat, after.lon);
  if (pathM <= lineM) return 0;
  const strayM = Math.min(0.5 * Math.sqrt(pathM * pathM - lineM * lineM), mPerMs * (t - before.timeMs), mPerMs * (after.timeMs - t));
  return p.meanderSigmaShare * strayM;
}

/** How far along the line between two reports the vessel may be from the time-proportional point when it
 *  changed speed between them (a ferry leaving port at 6 kn, then 17): sailing at one reported speed and then
 *  the other, switching at any time, it is off that point by up to |v₁ − v₂|·t₁·t₂/T (t₁, t₂ the times to the
 *  two reports, T their sum); a share `meanderSigmaShare` of the bound is taken as 1σ, as for meandering. */
function speedChangeSigmaM(before: TrackPoint, after: TrackPoint, t: number, p: FusionParams): number {
  if (before.speedKn === null || after.speedKn === null) return 0;
  const span = after.timeMs - before.timeMs;
  if (span <= 0) return 0;
  const dvMPerMs = (Math.abs(before.speedKn - after.speedKn) * METRES_PER_NM) / MS_PER_HOUR;
  return p.meanderSigmaShare * dvMPerMs * ((t - before.timeMs) * (after.timeMs - t)) / span;
}

/** Linear interpolation between a report before `t` and one after it, with its σ: the nearer report's error
 *  grown over half the time to it (the straight line between two reports is wrong at most at mid-leg), widened
 *  for a path longer than the line (meanderSigmaM) and for a change of speed (speedChangeSigmaM). */
export function interpolate(before: TrackPoint, after: TrackPoint, t: number, p: FusionParams): PositionEstimate {
  const span = after.timeMs - before.timeMs;
  const f = span > 0 ? (t - before.timeMs) / span : 0;
  const lat = before.lat + f * (after.lat - before.lat);
  const lon = before.lon + f * (after.lon - before.lon);
  const legKn = span > 0 ? distanceM(before.lat, before.lon, after.lat, after.lon) / METRES_PER_NM / (span / MS_PER_HOUR) : 0;
  const speedKn = Math.max(legKn, before.speedKn ?? 0, after.speedKn ?? 0);
  const nearMs = Math.min(t - before.timeMs, after.timeMs - t);
  const lineSigma = sigmaM(p, speedKn, nearMs / 2);
  return { lat, lon, sigmaM: Math.hypot(lineSigma, meanderSigmaM(before, after, t, p), speedChangeSigmaM(before, after, t, p)), method: 'interpolated', nearestH: nearMs / MS_PER_HOUR };
}

/** How far from the nearer report `near` the vessel can be at `t` given the other report `far` (too far apart
 *  to interpolate): it was at `far` then, and sails from there at most its speed reported there (at rest: it
 *  stayed until it left), so it is no farther from `near` than the two reports' distance plus that. Dead
 *  reckoning back from a report made just after leaving a berth otherwise puts the ship hours of sailing
 *  beyond the berth it was moored at (unseen seed 39: 19 km back from a report 1.8 h after leaving, the ship
 *  imaged at its berth 0.1 km from the report before: called dark). */
function reachFromM(near: TrackPoint, far: TrackPoint, t: number): number {
  const farKn = far.speedKn ?? Infinity;
  return distanceM(near.lat, near.lon, far.lat, far.lon) + (farKn * METRES_PER_NM * Math.abs(t - far.timeMs)) / MS_PER_HOUR;
}

/** The vessel's estimated position at `t` from reports within `windowH`, or null when it has none. */
export function estimateAt(points: readonly TrackPoint[], t: number, p: FusionParams): PositionEstimate | null {
  const windowMs = p.windowH * MS_PER_HOUR;
  const i = lastAtOrBefore(points, t);
  const before = i >= 0 && t - points[i]!.timeMs <= windowMs ? points[i]! : null;
  const after = i + 1 < points.length && points[i + 1]!.timeMs - t <= windowMs ? points[i + 1]! : null;
  if (before && after && after.timeMs - before.timeMs <= p.interpolateMaxGapH * MS_PER_HOUR) return interpolate(before, after, t, p);
  const near = before && after ? (t - before.timeMs <= after.timeMs - t ? before : after) : (before ?? after);
  if (!near) return null;
  const dt = t - near.timeMs;
  const far = near === before ? after : before;
  const dr = deadReckon(near, dt, far ? reachFromM(near, far, t) : Infinity);
  return { lat: dr.lat, lon: dr.lon, sigmaM: sigmaM(p, dr.speedKn, dt), method: 'extrapolated', nearestH: Math.abs(dt) / MS_PER_HOUR };
}
