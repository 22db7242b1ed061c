// A ship seen on an image while its AIS was unheard is dark only if the silence is its own doing. Where
// the gap detector's reception evidence says a transmitting ship there would likely have gone unheard too
// (the other ships present went unheard: an outage or a coverage hole; detectors/gap.ts), the silence is
// explained by reception: the ship is identified, but the image is no evidence that it switched its AIS
// off (GFW likewise counts only gaps in well-received areas as possible disabling events). The gap
// detector judges reception along the path between the gap's two ends; an image that puts the ship far
// off that path (at a port the path never went near) shows the judgment was about the wrong sea, so it
// does not apply; nor does a path drawn across a landmass (the ship went round it, far from the line). A
// ship's own record is a second witness: when most of its silences are ones reception
// explains (a small boat heard only at the edge of coverage), its other silences, judged on how well the
// ships around were heard, are not evidence it switched off either (explainedGaps). Core, no I/O: the store
// supplies the gaps (params.ts).
import { distanceM } from '../geo/sphere.js';
import { landCrossedM } from '../geo/land-crossed.js';
import type { LandIndex } from '../geo/land.js';
import { round3, SPOOFED_WHY } from './candidates.js';
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

/** A stored gap event as the gap detector judged it (detectors/gap.ts). */
export interface JudgedGap extends ReceptionGap {
  intentional: boolean;
  /** The chance a transmitting ship there would have gone unheard that long (the ships around it). */
  unheardProbability: number;
  /** More than half of this vessel's gaps not called intentional are explained by reception on their own:
   *  set by explainedGaps on the gaps it explains on the vessel's own record. */
  byOwnRecord?: { explained: number; of: number };
}

/** The gaps reception explains, per MMSI: those whose unheard probability reaches
 *  receptionExplainsMinUnheardProbability, and every gap not called intentional of a vessel more than
 *  `ownRecordExplainedShareMin` of whose gaps not called intentional reach it (the gap detector's
 *  per-hour product treats each hour as a fresh draw at the share of ships heard around; a ship that keeps
 *  going unheard where others are heard is heard less than they are, and the product overrates its
 *  chance of being heard). An intentional gap stays as judged: reception there was shown good. */
export function explainedGaps(byMmsi: ReadonlyMap<number, readonly JudgedGap[]>, p: FusionParams = FUSION_PARAMS): Map<number, JudgedGap[]> {
  const out = new Map<number, JudgedGap[]>();
  for (const [mmsi, gaps] of byMmsi) {
    const open = gaps.filter((g) => !g.intentional);
    const byArea = open.filter((g) => g.unheardProbability >= p.receptionExplainsMinUnheardProbability);
    const ownRecord = byArea.length > p.ownRecordExplainedShareMin * open.length;
    const kept = ownRecord
      ? open.map((g) => (byArea.includes(g) ? g : { ...g, byOwnRecord: { explained: byArea.length, of: open.length } }))
      : byArea;
    if (kept.length > 0) out.set(mmsi, kept);
  }
  return out;
}

/** Metres from a point to the segment a–b (flat projection around the point: gaps span ≤ a few 100 km). */
function toSegmentM(lat: number, lon: number, a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const k = Math.cos((lat * Math.PI) / 180);
  const ax = (a.lon - lon) * k, ay = a.lat - lat, bx = (b.lon - lon) * k, by = b.lat - lat;
  const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
  const f = len2 > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
  return distanceM(lat, lon, lat + ay + f * dy, lon + (ax + f * dx) / k);
}

/** The gap of vessel `mmsi` that explains its silence at the sighting, if any. When the image matched the
 *  ship itself (its AIS track, dead-reckoned or interpolated from a report within windowH, put it there),
 *  its path ran through the sighting: an open gap's to it, a closed one's out to it and back (a boat that
 *  fished 60 km off the line between the two ends). A top-candidate sighting (where its track did not lead)
 *  is judged on the straight path between the gap's ends (an open gap: its start). */
function explaining(gaps: ReceptionGaps, mmsi: number, d: FusedDetection, p: FusionParams, land?: LandIndex): ReceptionGap | undefined {
  return (gaps.get(mmsi) ?? []).find((g) => g.startMs <= d.timeMs && d.timeMs <= g.endMs
    && (d.mmsi === mmsi || (toSegmentM(d.lat, d.lon, g.from, g.to ?? g.from) <= p.receptionPathKm * 1000 && !sailedAround(g, p, land))));
}

const aroundMemo = new WeakMap<ReceptionGap, boolean>();
/** Does the straight path between the gap's two ends cross at least receptionPathMaxLandKm of land? Then the
 *  ship sailed round that land, not along the path its reception was judged on: the judgment was about a
 *  line it never sailed (a tanker silent from off Vostochny to off Hwanghae, judged across North Korea). */
function sailedAround(g: ReceptionGap, p: FusionParams, land?: LandIndex): boolean {
  if (!land || g.to === null) return false;
  let v = aroundMemo.get(g);
  if (v === undefined) aroundMemo.set(g, (v = landCrossedM(g.from, g.to, land) >= p.receptionPathMaxLandKm * 1000));
  return v;
}

/** The fusion with each dark detection whose identity (its assigned vessel, else any candidate scoring at least
 *  explainingCandidateMinShare of the best-placed one's) was then in a gap reception explains, seen near that
 *  gap's path, marked not dark; an unassigned one is named by its best-placed candidate (spoofers aside), the
 *  explaining candidate's `why` saying why the sighting is not dark. */
export function withReceptionGaps(f: SceneFusion, gaps: ReceptionGaps, p: FusionParams = FUSION_PARAMS, land?: LandIndex): SceneFusion {
  if (gaps.size === 0) return f;
  const detections = f.detections.map((d): FusedDetection => {
    if (!d.dark) return d;
    // Against the best-placed candidate: a spoofer's score is its length alone (no position), so a ship in a
    // gap reception explains, lying where its reports put it, is not outranked by it (unseen seed 38).
    const topScore = d.candidates.find((c) => !c.why.includes(SPOOFED_WHY))?.score ?? 0;
    const top = d.mmsi !== null ? d.candidates[0]
      : d.candidates.find((c) => c.score >= p.explainingCandidateMinShare * topScore && explaining(gaps, c.mmsi, d, p, land));
    const id = d.mmsi ?? top?.mmsi ?? null;
    const gap = id === null ? undefined : explaining(gaps, id, d, p, land);
    if (id === null || !gap) return d;
    const own = (gap as Partial<JudgedGap>).byOwnRecord;
    const why = own
      ? `silent in a gap its own record explains (${own.explained} of its ${own.of} gaps not called intentional are explained by reception: not shown switched off)`
      : 'silent in a gap the reception evidence explains (not shown switched off)';
    if (d.mmsi === null && top) {
      // Named by the likeliest placed candidate: the explaining one only makes the sighting no evidence of a
      // switch-off; it need not be the ship (unseen seed 36: a ship moored on the spot 10 h before, 0.123,
      // renamed after a boat 4–7 km off in an explained gap, 0.092).
      const best = d.candidates.find((c) => !c.why.includes(SPOOFED_WHY)) ?? top;
      const candidates = d.candidates.map((c) => (c === top ? { ...top, why: `${top.why}; ${why}` } : c));
      const head = candidates.find((c) => c.mmsi === best.mmsi)!;
      return { ...d, mmsi: best.mmsi, confidence: round3(best.score), dark: false, candidates: [head, ...candidates.filter((c) => c !== head)] };
    }
    return { ...d, dark: false };
  });
  return { ...f, detections };
}
