// Small statistics shared by the multi-point detectors: medians, and the mean of positions taken via the
// means of sin and cos of longitude, so a cluster straddling ±180° averages to ±180°, not to 0°.
const RAD = Math.PI / 180;

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Accumulates positions; `mean()` gives the mean latitude and the circular mean longitude. */
export interface MeanPositionAcc {
  n: number;
  latSum: number;
  sinLonSum: number;
  cosLonSum: number;
}

export function emptyMeanAcc(): MeanPositionAcc {
  return { n: 0, latSum: 0, sinLonSum: 0, cosLonSum: 0 };
}

export function addToMean(acc: MeanPositionAcc, lat: number, lon: number): void {
  acc.n++;
  acc.latSum += lat;
  acc.sinLonSum += Math.sin(lon * RAD);
  acc.cosLonSum += Math.cos(lon * RAD);
}

export function meanPosition(acc: MeanPositionAcc): { lat: number; lon: number } {
  if (acc.n === 0) return { lat: NaN, lon: NaN };
  return { lat: acc.latSum / acc.n, lon: Math.atan2(acc.sinLonSum, acc.cosLonSum) / RAD };
}

/** Midpoint longitude of two longitudes, right across ±180°. */
export function midLon(lon1: number, lon2: number): number {
  return lerpLon(lon1, lon2, 0.5);
}

/** The longitude a fraction `f` of the way from `a` to `b`, the short way round (across ±180° if shorter). */
export function lerpLon(a: number, b: number, f: number): number {
  let d = b - a;
  if (d > 180) d -= 360;
  else if (d < -180) d += 360;
  const x = a + d * f;
  return x > 180 ? x - 360 : x < -180 ? x + 360 : x;
}

/** Longitude folded into [-180, 180). */
export function normLon(lon: number): number {
  return lon >= -180 && lon < 180 ? lon : ((((lon + 180) % 360) + 360) % 360) - 180;
}

/** Round for output so events are stable and readable (units stay in the key names). */
export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function isoUtc(ms: number): string {
  return new Date(ms).toISOString();
}
