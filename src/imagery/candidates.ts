// Who a dark detection could be: vessels silent at the acquisition time whose last report before it and
// first report after it are both reachable from the detection at a plausible speed, ranked by how near in
// time and space those reports are and by length agreement. The same reachability test GFW applies to AIS
// gaps, turned around: the image supplies the position the gap hides.
import { distanceM, METRES_PER_NM, MS_PER_HOUR } from '../geo/sphere.js';
import { lengthTerm } from './score.js';
import { interpolate } from './estimate.js';
import type { FusionParams } from './params.js';
import type { Candidate, Detection } from './types.js';
import type { Neighbours } from './track-index.js';

export interface SilentReport {
  timeMs: number;
  lat: number;
  lon: number;
  /** Speed over ground reported then, knots (absent or null: unknown). */
  speedKn?: number | null;
}

/** A vessel with no AIS report near an acquisition time: its surrounding reports and its length. */
export interface SilentVessel {
  mmsi: number;
  lengthM: number | null;
  before: SilentReport | null;
  after: SilentReport | null;
  /** True when the vessel's broadcast track at that time is known to be fabricated (a spoofing event). */
  spoofing?: boolean;
  /** True when it has no report before the acquisition and the AIS data begins less than
   *  darkCandidateWindowH before it: unheard since the data began, so no AIS gap (params.ts). */
  unheardSinceDataStart?: boolean;
  /** True when it was heard within silentMinH on one side of the acquisition and again beyond it on the other:
   *  transmitting around then, its AIS estimate left it unmatched (dead reckoning past a turn or a berth),
   *  so it is a candidate whose silence is no evidence of a switch-off (fusion.ts heardNearby). Not with no
   *  report on the other side: a vessel first heard just after the image (a new identity: classic seed 3's
   *  identity changer) or last heard just before it may have switched on or off then. */
  heardNear?: boolean;
}

/** The vessels silent at `timeMs` (no report within silentMinH either side), from every vessel's last
 *  report at or before the time and first after it (read near the scene); the ends are kept only within
 *  the candidate window (reachability is judged later). `dataStartMs`: the first AIS report of the data
 *  (a vessel with none before `timeMs` when the data begins inside the window is unheard since then).
 *  A vessel heard within silentMinH on one side only is listed too, marked `heardNear` when it has a report
 *  on the other side as well (fusion.ts heardNearby); one heard within it on both sides is placed by its AIS
 *  track alone (interpolated). */
export function silentAt(around: readonly Neighbours[], timeMs: number, lengths: ReadonlyMap<number, number>, p: FusionParams, dataStartMs = -Infinity): SilentVessel[] {
  const quiet = p.silentMinH * MS_PER_HOUR, window = p.darkCandidateWindowH * MS_PER_HOUR;
  const out: SilentVessel[] = [];
  for (const g of around) {
    const heardBefore = g.before !== null && g.before.timeMs >= timeMs - quiet, heardAfter = g.after !== null && g.after.timeMs <= timeMs + quiet;
    if (heardBefore && heardAfter) continue;
    const before = g.before && g.before.timeMs >= timeMs - window ? report(g.before) : null;
    const after = g.after && g.after.timeMs <= timeMs + window ? report(g.after) : null;
    if (!before && !after) continue;
    const sinceStart = !g.before && dataStartMs > timeMs - window;
    out.push({ mmsi: g.mmsi, lengthM: lengths.get(g.mmsi) ?? null, before, after, ...(sinceStart ? { unheardSinceDataStart: true } : {}), ...(before && after && (heardBefore || heardAfter) ? { heardNear: true } : {}) });
  }
  return out;
}

const report = (r: SilentReport): SilentReport => ({ timeMs: r.timeMs, lat: r.lat, lon: r.lon, ...(r.speedKn !== undefined && r.speedKn !== null ? { speedKn: r.speedKn } : {}) });

/** Typical speed of a vessel in a dark period, for how fast the "where could it be" disc grows (Tumen). */
const DARK_TYPICAL_KN = 10;

/** 1σ of where a vessel silent for `h` hours since (or until) a report may be: the report and image errors plus
 *  half the distance a ship sails in the dark at a typical speed (Tumen). */
function darkSigmaM(h: number, p: FusionParams): number {
  return p.baseSigmaM + p.gateM + DARK_TYPICAL_KN * METRES_PER_NM * h * 0.5;
}

function reach(det: Detection, r: SilentReport, p: FusionParams): { ok: boolean; km: number; h: number; term: number } {
  const d = distanceM(det.lat, det.lon, r.lat, r.lon);
  const dtMs = Math.abs(det.timeMs - r.timeMs);
  const h = dtMs / MS_PER_HOUR;
  const ok = d <= p.darkCandidateMaxSpeedKn * METRES_PER_NM * h + p.gateM;
  const sigma0 = p.baseSigmaM + p.gateM;
  const sigma = darkSigmaM(h, p);
  // Gaussian agreement × σ0/σ: a ship silent for days could be anywhere, so it explains a detection less
  // than one silent for an hour nearby (the density falls as the reachable area grows; linear, not
  // quadratic, in σ so a long-silent ship of the right length still ranks when it is the only one).
  const moved = Math.exp(-0.5 * (d / sigma) ** 2) * Math.sqrt(sigma0 / sigma);
  if (!atRest(r, p)) return { ok, km: d / 1000, h, term: moved };
  // Reported at rest (at anchor, moored): it may have stayed there all along, drifting or swinging only
  // (params.ts darkAtRestStayShare): GFW's position rasters are per speed, tight for a vessel at rest.
  const sigmaStay = sigma0 + p.sigmaPerHourM * h;
  const stayed = p.darkAtRestStayShare * Math.exp(-0.5 * (d / sigmaStay) ** 2) * Math.sqrt(sigma0 / sigmaStay);
  return { ok, km: d / 1000, h, term: Math.max(moved, stayed) };
}

/** A report of a vessel at rest (params.ts darkAtRestMaxKn). */
function atRest(r: SilentReport, p: FusionParams): boolean {
  return r.speedKn !== undefined && r.speedKn !== null && r.speedKn <= p.darkAtRestMaxKn;
}

/** Metres east and north of the detection (flat around it: candidates lie within a day's sailing). */
function offsetM(det: Detection, r: SilentReport): { x: number; y: number } {
  const k = Math.cos((det.lat * Math.PI) / 180);
  return { x: (r.lon - det.lon) * k * M_PER_DEG, y: (r.lat - det.lat) * M_PER_DEG };
}
const M_PER_DEG = 111_195;

/** The probability density (per km²) that silent vessel `v` lay at the detection, from its reports either side:
 *  each report spreads a 2D Gaussian of σ darkSigmaM(hours to it) and, as GFW multiplies the before and after
 *  position rasters, the two are multiplied — the product is the Gaussian between them, nearer the report
 *  closer in time, narrower than either. 0 when a report is out of reach at darkCandidateMaxSpeedKn, or when
 *  the vessel has no report (a spoofer: its position is unknown). */
export function positionDensityPerKm2(det: Detection, v: SilentVessel, p: FusionParams): number {
  const b = bridge(det, v, p);
  if (b === null) return 0;
  const s2 = b.sigmaM ** 2;
  return (Math.exp(-0.5 * b.offM ** 2 / s2) / (2 * Math.PI * s2)) * 1e6;
}

/** The before × after Gaussian of a silent vessel (positionDensityPerKm2): its σ and how far the detection lies
 *  from its mean; null when a report is out of reach or it has none. */
function bridge(det: Detection, v: SilentVessel, p: FusionParams): { offM: number; sigmaM: number } | null {
  const sides = [v.before, v.after].filter((r): r is SilentReport => r !== null);
  if (sides.length === 0 || sides.some((r) => !reach(det, r, p).ok)) return null;
  let mx = 0, my = 0, w = 0;
  for (const r of sides) {
    const o = offsetM(det, r), s2 = darkSigmaM(Math.abs(det.timeMs - r.timeMs) / MS_PER_HOUR, p) ** 2;
    mx += o.x / s2; my += o.y / s2; w += 1 / s2;
  }
  return { offM: Math.hypot(mx / w, my / w), sigmaM: Math.sqrt(1 / w) };
}

/** Where a silent vessel heard on both sides would be had it sailed on as a transmitting ship does, unheard
 *  (a reception gap: the stations missed it, its voyage went on): the time-proportional point between its two
 *  reports with the interpolation σ of an AIS track (estimate.ts: the nearer report's distance and time, widened
 *  for a path longer than the line between the reports or a change of speed) — the "sailed through" account
 *  with the track's own geometry, where bridge() spreads each report at a typical dark speed whatever the ship
 *  did. Scored like the other accounts (Gaussian agreement × √(σ0/σ), σ0 the fresh-report σ, at most 1); 0
 *  without both reports. */
function straightOn(det: Detection, v: SilentVessel, p: FusionParams): number {
  if (!v.before || !v.after) return 0;
  const pts = [v.before, v.after].map((r) => ({ timeMs: r.timeMs, lat: r.lat, lon: r.lon, speedKn: r.speedKn ?? null, courseDeg: null }));
  const e = interpolate(pts[0]!, pts[1]!, det.timeMs, p);
  const sigma0 = p.baseSigmaM + p.gateM;
  const d = distanceM(det.lat, det.lon, e.lat, e.lon);
  return Math.exp(-0.5 * (d / e.sigmaM) ** 2) * Math.sqrt(sigma0 / Math.max(sigma0, e.sigmaM));
}

/** Ranked candidate identities for one dark detection (best first, at most `maxCandidates`). */
export function darkCandidates(det: Detection, silent: readonly SilentVessel[], p: FusionParams): Candidate[] {
  const out: Candidate[] = [];
  for (const v of silent) {
    const b = v.before ? reach(det, v.before, p) : null;
    const a = v.after ? reach(det, v.after, p) : null;
    if ((!b && !a && !v.spoofing) || (b && !b.ok) || (a && !a.ok)) continue;
    // Where it could be, under the better of two accounts of its silence: it sailed on through (its before
    // and after position probabilities multiplied, GFW: a ship heard on either side of the spot, on a course
    // through it, outranks one whose single report is nearer), or it went somewhere and came back (a port
    // call: each report alone, the product would pin it between the two ends).
    const g = bridge(det, v, p);
    const sigma0 = p.baseSigmaM + p.gateM;
    const through = g === null ? 0 : Math.exp(-0.5 * (g.offM / g.sigmaM) ** 2) * Math.sqrt(sigma0 / g.sigmaM);
    const place = Math.max(through, straightOn(det, v, p), b?.term ?? 0, a?.term ?? 0);
    const len = lengthTerm(det.length_m, v.lengthM, p);
    const score = place * len;
    const parts: string[] = [];
    if (b) parts.push(`last report ${b.h.toFixed(1)} h before, ${b.km.toFixed(1)} km away`);
    if (a) parts.push(`next report ${a.h.toFixed(1)} h after, ${a.km.toFixed(1)} km away`);
    parts.push(det.length_m !== null && v.lengthM !== null ? `length ${Math.round(det.length_m)} m vs ${Math.round(v.lengthM)} m` : 'length unknown');
    if (v.spoofing) parts.push(SPOOFED_WHY);
    out.push({ mmsi: v.mmsi, score: round3(v.spoofing ? Math.max(score, len * 0.5) : score), why: `dark: ${parts.join('; ')}` });
  }
  out.sort((x, y) => y.score - x.score || x.mmsi - y.mmsi);
  return out.slice(0, p.maxCandidates);
}

/** How a spoofer's candidacy is worded: its score is its length alone, its position unknown (reception.ts). */
export const SPOOFED_WHY = 'its broadcast track here is fabricated (spoofing event)';

export const round3 = (x: number): number => Math.round(x * 1000) / 1000;
