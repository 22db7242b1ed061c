// Satellite detections fused with AIS, one scene at a time (core, no I/O). Each AIS vessel's position at
// the acquisition is estimated from its track (estimate.ts); a detection–vessel pair is scored by position
// agreement × length agreement (score.ts) inside a gate; pairs are assigned one-to-one; an unassigned
// detection of a real vessel is dark and gets ranked candidate identities (candidates.ts); vessels whose
// estimate lies in the footprint but got no detection are listed as missed.
//
// A matched detection is still `dark` when the vessel's AIS was silent around the acquisition (no report
// within silentMinH either side): it is identified, but it was not broadcasting (assignment: assign.ts).
// The store then weighs that silence against the gap detector's verdict (intentional.ts withGapVerdicts).
// An unassigned detection deep inland (`inland`, inland.ts) is no ship: a false alarm on land, never dark.
import { distanceM } from '../geo/sphere.js';
import { assignOneToOne } from './assign.js';
import { estimateAt, type PositionEstimate } from './estimate.js';
import { darkCandidates, positionDensityPerKm2, round3, type SilentVessel } from './candidates.js';
import { lengthDensityPerM, lengthTerm, positionTerm } from './score.js';
import { FUSION_PARAMS, type FusionParams } from './params.js';
import type { AisVessel, Candidate, Detection, FusedDetection, MissedVessel, Scene, SceneFusion } from './types.js';

/** A detection never pairs with a vessel farther than this, whatever the σ (keeps the search local). */
export const MAX_GATE_M = 20_000;
const M_PER_DEG_LAT = 111_195;

interface Est extends PositionEstimate {
  mmsi: number;
  lengthM: number | null;
}

interface Pair {
  det: number;
  est: number;
  score: number;
  dM: number;
}

export function gateM(sigmaM: number, p: FusionParams): number {
  return Math.min(MAX_GATE_M, Math.max(p.gateM, p.gateSigmas * sigmaM));
}

export function inBBox(s: Scene, lat: number, lon: number): boolean {
  const { lat_min, lat_max, lon_min, lon_max } = s.bbox;
  if (lat < lat_min || lat > lat_max) return false;
  return lon_min <= lon_max ? lon >= lon_min && lon <= lon_max : lon >= lon_min || lon <= lon_max;
}

/** Fuses one scene's detections with the AIS vessels near it; `silent` are the vessels dark at the time
 *  (null: not looked up yet — marginal detections then count as dark, so a caller knows to look them up). */
export function fuseScene(
  scene: Scene,
  detections: readonly Detection[],
  vessels: readonly AisVessel[],
  silent: readonly SilentVessel[] | null = [],
  p: FusionParams = FUSION_PARAMS,
  inland: ((lat: number, lon: number) => boolean) | null = null,
): SceneFusion {
  const ests: Est[] = [];
  for (const v of vessels) {
    const e = estimateAt(v.points, scene.timeMs, p);
    if (e) ests.push({ ...e, mmsi: v.mmsi, lengthM: v.lengthM });
  }
  // Sorted by latitude, so each detection scans only the band its largest possible gate allows.
  const order = ests.map((_, i) => i).sort((a, b) => ests[a]!.lat - ests[b]!.lat);
  const lats = Float64Array.from(order, (i) => ests[i]!.lat);
  const band = MAX_GATE_M / M_PER_DEG_LAT;
  const pairs: Pair[] = [];
  const gatedByDet: Pair[][] = detections.map(() => []);
  detections.forEach((d, di) => {
    for (let k = lowerBound(lats, d.lat - band); k < lats.length && lats[k]! <= d.lat + band; k++) {
      const ei = order[k]!;
      const e = ests[ei]!;
      const dM = distanceM(d.lat, d.lon, e.lat, e.lon);
      if (dM > gateM(e.sigmaM, p)) continue;
      const score = positionTerm(dM, e.sigmaM) * lengthTerm(d.length_m, e.lengthM, p);
      const pair = { det: di, est: ei, score, dM };
      gatedByDet[di]!.push(pair);
      if (score >= p.minScore) pairs.push(pair);
    }
  });
  const detTaken = assignOneToOne(detections.length, ests.length, pairs, p.minScore);
  const estTaken = new Uint8Array(ests.length);
  const scoreOf = new Float64Array(detections.length);
  for (const pr of pairs) {
    if (detTaken[pr.det] !== pr.est) continue;
    estTaken[pr.est] = 1;
    scoreOf[pr.det] = pr.score;
  }
  const assigned = new Set<number>();
  for (let i = 0; i < ests.length; i++) if (estTaken[i]) assigned.add(ests[i]!.mmsi);
  const stillSilent = (silent ?? []).filter((v) => !assigned.has(v.mmsi));

  const out: FusedDetection[] = detections.map((d, di) => {
    const ei = detTaken[di]!;
    const base = { detection_id: d.detection_id, scene_id: d.scene_id, timeMs: d.timeMs, lat: d.lat, lon: d.lon, length_m: d.length_m };
    const real = isReal(d, p, inland);
    if (ei !== -1) {
      const cands = gatedByDet[di]!.sort((a, b) => b.score - a.score).slice(0, p.maxCandidates).map((pr) => aisCandidate(pr, ests[pr.est]!, d));
      // Dark says a real ship was there unheard: a detection scoring below the detector's operating point
      // that happens to lie inside a long-silent vessel's wide σ is still likelier clutter than that vessel.
      const silentThen = real && ests[ei]!.nearestH >= p.silentMinH;
      return { ...base, mmsi: ests[ei]!.mmsi, confidence: round3(scoreOf[di]!), dark: silentThen, candidates: cands };
    }
    if (!real) return { ...base, mmsi: null, confidence: 0, dark: false, candidates: [] };
    const cands = darkCandidates(d, stillSilent, p);
    if (silent !== null && d.presence !== null && d.presence < p.minDarkPresence + p.marginalPresenceBand && !beatsFalseAlarm(d, stillSilent, p)) {
      return { ...base, mmsi: null, confidence: 0, dark: false, candidates: [] };
    }
    const born = unheardSinceStart(d, cands, stillSilent, p);
    if (born) {
      // No AIS gap: the silence may predate the data, so the image shows no switch-off (params.ts).
      const named = { ...born, why: `${born.why}; unheard since the AIS data began (no gap: not shown switched off)` };
      return { ...base, mmsi: born.mmsi, confidence: born.score, dark: false, candidates: [named, ...cands.filter((c) => c !== born)] };
    }
    const heard = heardNearby(cands, stillSilent, p);
    if (heard) {
      // A candidate about as likely as the best was transmitting within silentMinH of the image: no AIS gap
      // there shows a switch-off (GFW's gaps start at 6 h), so the sighting is named, not dark (params.ts).
      const { best, near } = heard;
      const why = `heard ${near.mmsi === best.mmsi ? '' : `(as candidate ${near.mmsi}) `}within ${p.silentMinH} h of the image (transmitting: not shown switched off)`;
      const head = { ...best, why: `${best.why}; ${why}` };
      return { ...base, mmsi: best.mmsi, confidence: best.score, dark: false, candidates: [head, ...cands.filter((c) => c !== best)] };
    }
    return { ...base, mmsi: null, confidence: cands[0]?.score ?? 0, dark: true, candidates: cands };
  });

  const missed: MissedVessel[] = [];
  for (let i = 0; i < ests.length; i++) {
    const e = ests[i]!;
    if (estTaken[i] || e.sigmaM > p.gateM || !inBBox(scene, e.lat, e.lon)) continue;
    missed.push({ scene_id: scene.scene_id, mmsi: e.mmsi, lat: round5(e.lat), lon: round5(e.lon), sigma_m: Math.round(e.sigmaM) });
  }
  missed.sort((a, b) => a.mmsi - b.mmsi);
  return { detections: out, missed };
}

/** A detection that can be a dark ship: at or above the detector's operating point, not below SAR
 *  resolution, not deep inland (params.ts minDarkPresence, minDarkLengthM; inland.ts). */
export function isReal(d: Detection, p: FusionParams = FUSION_PARAMS, inland: ((lat: number, lon: number) => boolean) | null = null): boolean {
  return (d.presence === null || d.presence >= p.minDarkPresence) && (d.length_m === null || d.length_m >= p.minDarkLengthM)
    && !(inland?.(d.lat, d.lon) ?? false);
}

/** A marginal detection is a ship, not clutter, when "a silent vessel was there" is likelier than "a false
 *  alarm": Σ over the silent vessels of their position density at the spot (GFW's before × after, per km²) ×
 *  the likelihood of the image length given theirs, against the detector's false alarms per km² × the
 *  likelihood of that length for clutter (params.ts falseAlarmsPerKm2, falseAlarmMaxLengthM). The detector's
 *  score is taken as uninformative inside the marginal band. A far, long-silent ship of roughly its size
 *  spreads its probability over thousands of km² and does not outweigh the false-alarm rate; a detection
 *  longer than clutter grows is a ship whenever any silent vessel of its size could be there; spoofers (no
 *  known position) add nothing; an unknown length is uninformative. */
export function beatsFalseAlarm(d: Detection, silent: readonly SilentVessel[], p: FusionParams = FUSION_PARAMS): boolean {
  const clutterPerM = d.length_m === null ? null : d.length_m <= p.falseAlarmMaxLengthM ? 1 / (p.falseAlarmMaxLengthM - p.minDarkLengthM) : 0;
  let ship = 0;
  for (const v of silent) {
    const place = positionDensityPerKm2(d, v, p);
    if (place === 0) continue;
    const lengthRatio = clutterPerM === null || v.lengthM === null || !(v.lengthM > 0) ? 1 : lengthDensityPerM(d.length_m!, v.lengthM, p) / clutterPerM;
    ship += place * lengthRatio;
  }
  return ship > 0 && ship >= p.falseAlarmsPerKm2[d.sensor];
}

/** The candidate that explains the sighting as a ship unheard since the AIS data began and first heard within
 *  gateM of it (a ship first heard far off ties the image to no place: an unknown dark ship stays likelier;
 *  unseen seed 8: first heard 498 km away, the ship imaged was in an intentional gap): the best placed one
 *  (spoofers aside: their score is their length alone, no position) when it was unheard since then, scores
 *  at least explainingCandidateMinShare of the top one's, and every candidate heard before the acquisition
 *  (silent in a gap: it may have switched off) scores under that share of its own. A ship in a gap about as
 *  likely to be the one imaged keeps the sighting dark. */
function unheardSinceStart(d: Detection, cands: readonly Candidate[], silent: readonly SilentVessel[], p: FusionParams): Candidate | undefined {
  // First heard within the gate of the sighting (Skylight's 1.5 km): image and report agree it lay there.
  const since = new Set(silent.filter((v) => v.unheardSinceDataStart).map((v) => v.mmsi));
  const near = new Set(silent.filter((v) => v.unheardSinceDataStart && v.after && distanceM(d.lat, d.lon, v.after.lat, v.after.lon) <= firstHeardReachM(d.timeMs, v.after.timeMs, p)).map((v) => v.mmsi));
  if (near.size === 0) return undefined;
  const spoofers = new Set(silent.filter((v) => v.spoofing).map((v) => v.mmsi));
  const placed = cands.filter((c) => !spoofers.has(c.mmsi));
  const best = placed[0];
  if (!best || !near.has(best.mmsi) || best.score < p.explainingCandidateMinShare * (cands[0]?.score ?? 0)) return undefined;
  return placed.some((c) => !since.has(c.mmsi) && c.score >= p.explainingCandidateMinShare * best.score) ? undefined : best;
}

/** The best-placed candidate (spoofers aside: length only, no position) and a candidate scoring at least
 *  explainingCandidateMinShare of it that was heard within silentMinH on one side of the acquisition
 *  (candidates.ts heardNear): a transmitting ship whose AIS estimate missed the spot (dead reckoned past a
 *  berth or a turn: unseen seeds 51–52, ferries and boats heard 1.7–3.0 h from the image) explains the
 *  sighting about as well as the best, so the image shows no ship with its AIS off. Undefined otherwise. A
 *  ship so named inside an intentional gap is flagged dark again (intentional.ts withIntentionalGaps). */
export function heardNearby(cands: readonly Candidate[], silent: readonly SilentVessel[], p: FusionParams): { best: Candidate; near: Candidate } | undefined {
  const heard = new Set(silent.filter((v) => v.heardNear).map((v) => v.mmsi));
  if (heard.size === 0) return undefined;
  const spoofers = new Set(silent.filter((v) => v.spoofing).map((v) => v.mmsi));
  const placed = cands.filter((c) => !spoofers.has(c.mmsi));
  const best = placed[0];
  if (!best || !(best.score > 0)) return undefined;
  const near = placed.find((c) => heard.has(c.mmsi) && c.score >= p.explainingCandidateMinShare * best.score);
  return near ? { best, near } : undefined;
}

/** How far from a sighting a ship unheard since the data began may be first heard and still be taken to have
 *  lain there: Skylight's gate for a report at the acquisition, growing as the at-rest σ grows (sigmaPerHourM
 *  per hour: swinging at anchor, drifting, shifting berth; candidates.ts darkAtRest) for a ship first heard
 *  hours later (unseen seed 36: a boat imaged on day 1, first heard 14.6 h later 5.2 km off). */
export function firstHeardReachM(sightingMs: number, firstHeardMs: number, p: FusionParams): number {
  return p.gateM + p.sigmaPerHourM * (Math.abs(firstHeardMs - sightingMs) / 3_600_000);
}

function aisCandidate(pr: Pair, e: Est, d: Detection): Candidate {
  const len = d.length_m !== null && e.lengthM !== null ? `, length ${Math.round(d.length_m)} m vs ${Math.round(e.lengthM)} m` : ', length unknown';
  return {
    mmsi: e.mmsi,
    score: round3(pr.score),
    why: `${e.method} from a report ${e.nearestH.toFixed(1)} h away: ${(pr.dM / 1000).toFixed(2)} km off (σ ${(e.sigmaM / 1000).toFixed(2)} km)${len}`,
  };
}

function lowerBound(a: Float64Array, x: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < x) lo = mid + 1; else hi = mid;
  }
  return lo;
}

const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;
