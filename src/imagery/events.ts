// Imagery as evidence for the event detectors' output (core, no I/O):
//  - a `dark_detection` event for every dark detection with an identity (its assigned MMSI, else its top
//    dark candidate), with the ranked candidates;
//  - a dark port call whose window contains a scene over one of its candidate ports, with a dark detection
//    of the ship's length at that port, is named that port (this is what tells Rajin from Chongjin); a
//    candidate port imaged in the window with no such detection is recorded as imaged-and-not-seen;
//  - a spoofing event whose ship is seen on an image elsewhere gets that sighting.
import type { TumenEvent } from '../events/schema.js';
import { eventId } from '../detectors/event-id.js';
import { distanceM } from '../geo/sphere.js';
import { PORTS_OF_INTEREST, type PortOfInterest } from '../reference/ports-of-interest.js';
import { lengthTerm } from './score.js';
import { FUSION_PARAMS, type FusionParams } from './params.js';
import type { FusedDetection, Scene, SceneFusion } from './types.js';
import { inBBox } from './fusion.js';

export const IMAGERY_EVIDENCE_PARAMS = {
  /** A detection is "at" a port within this distance of its point: port areas reach ~8 km (berths of
   *  Vostochny, Rajin's three piers), the curated points are port centres (WPI). */
  atPortKm: 8,
  /** Length agreement needed to say "the ship's length" (length term ≥ this ≈ within 1.5σ). */
  minLengthTerm: 0.3,
  /** A dark detection names a ship for evidence only when its identity score is at least this. */
  minIdentityScore: 0.05,
} as const;

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

export interface FusedScene {
  scene: Scene;
  fusion: SceneFusion;
}

/** The identity of a detection: its assigned MMSI, else (dark) its top candidate. */
export function identityOf(d: FusedDetection): { mmsi: number; score: number } | null {
  if (d.mmsi !== null) return { mmsi: d.mmsi, score: d.confidence };
  const top = d.dark ? d.candidates[0] : undefined;
  return top ? { mmsi: top.mmsi, score: top.score } : null;
}

export function darkDetectionEvents(fused: readonly FusedScene[]): TumenEvent[] {
  const out: TumenEvent[] = [];
  for (const { scene, fusion } of fused) {
    for (const d of fusion.detections) {
      if (!d.dark) continue;
      const id = identityOf(d);
      if (!id) continue;
      out.push({
        id: eventId('dark_detection', id.mmsi, d.timeMs, d.detection_id),
        type: 'dark_detection', mmsi: id.mmsi, start: iso(d.timeMs), end: iso(d.timeMs), lat: d.lat, lon: d.lon,
        evidence: {
          detection_id: d.detection_id, scene_id: scene.scene_id, sensor: scene.sensor, length_m: d.length_m,
          identity: d.mmsi !== null ? 'matched_while_silent' : 'top_candidate', identity_score: id.score,
          candidates: d.candidates,
        },
      });
    }
  }
  return out;
}

/** Adds imagery evidence to dark port calls and spoofing events; returns new event objects (inputs untouched). */
export function withImageryEvidence(
  events: readonly TumenEvent[],
  fused: readonly FusedScene[],
  lengths: ReadonlyMap<number, number>,
  ports: readonly PortOfInterest[] = PORTS_OF_INTEREST,
  p: FusionParams = FUSION_PARAMS,
): TumenEvent[] {
  const q = IMAGERY_EVIDENCE_PARAMS;
  return events.map((e) => {
    if (e.type === 'dark_port_call' && e.candidates && e.candidates.length > 0) return namePort(e, fused, lengths.get(e.mmsi) ?? null, ports, p);
    if (e.type === 'spoofing') {
      const seen = sightings(e, fused).filter((s) => s.mmsi === e.mmsi && s.score >= q.minIdentityScore);
      if (seen.length === 0) return e;
      return { ...e, evidence: { ...e.evidence, imagery_seen_elsewhere: seen.map(({ mmsi: _m, ...rest }) => rest) } };
    }
    return e;
  });
}

interface Sighting { mmsi: number; score: number; detection_id: string; scene_id: string; time: string; lat: number; lon: number; length_m: number | null }

function sightings(e: TumenEvent, fused: readonly FusedScene[]): Sighting[] {
  const t0 = Date.parse(e.start), t1 = e.end === null ? Infinity : Date.parse(e.end);
  const out: Sighting[] = [];
  for (const { scene, fusion } of fused) {
    if (scene.timeMs < t0 || scene.timeMs > t1) continue;
    for (const d of fusion.detections) {
      const id = d.dark ? identityOf(d) : null;
      if (id) out.push({ mmsi: id.mmsi, score: id.score, detection_id: d.detection_id, scene_id: scene.scene_id, time: iso(d.timeMs), lat: d.lat, lon: d.lon, length_m: d.length_m });
    }
  }
  return out;
}

function namePort(e: TumenEvent, fused: readonly FusedScene[], lengthM: number | null, ports: readonly PortOfInterest[], p: FusionParams): TumenEvent {
  const q = IMAGERY_EVIDENCE_PARAMS;
  const t0 = Date.parse(e.start), t1 = e.end === null ? Infinity : Date.parse(e.end);
  const seen: Array<{ port: string; detection_id: string; scene_id: string; time: string; length_m: number | null; candidate_rank: number | null; identity_score: number | null; own_track: boolean }> = [];
  const imagedEmpty: Array<{ port: string; scene_id: string; time: string }> = [];
  for (const c of e.candidates!) {
    const port = ports.find((x) => x.id === c.id);
    if (!port) continue;
    for (const { scene, fusion } of fused) {
      if (scene.timeMs < t0 || scene.timeMs > t1 || !inBBox(scene, port.lat, port.lon)) continue;
      const hits = fusion.detections.filter((d) => d.dark
        && distanceM(d.lat, d.lon, port.lat, port.lon) <= q.atPortKm * 1000
        && (lengthM === null || d.length_m === null || lengthTerm(d.length_m, lengthM, p) >= q.minLengthTerm));
      if (hits.length === 0) { imagedEmpty.push({ port: port.id, scene_id: scene.scene_id, time: iso(scene.timeMs) }); continue; }
      for (const d of hits) {
        const rank = d.mmsi === e.mmsi ? 0 : d.candidates.findIndex((x) => x.mmsi === e.mmsi);
        const score = d.mmsi === e.mmsi ? d.confidence : rank >= 0 ? d.candidates[rank]!.score : null;
        seen.push({ port: port.id, detection_id: d.detection_id, scene_id: scene.scene_id, time: iso(d.timeMs), length_m: d.length_m, candidate_rank: rank >= 0 ? rank + 1 : null, identity_score: score, own_track: d.mmsi === e.mmsi });
      }
    }
  }
  if (seen.length === 0 && imagedEmpty.length === 0) return e;
  // Only a sighting whose identity is this ship (assigned, or its top dark candidate) names the port: a
  // ship dark for days is a lower-ranked candidate of many detections, and another dark ship of similar
  // length at a candidate port is not evidence for this one (bench/evidence-quality.ts). And only with an
  // identity score of at least minIdentityScore, as for the other imagery evidence: a ship heard 14 h and
  // 150 km away tops a detection's candidates by default when no likelier one is silent, which names
  // nothing (it renamed a true Dunai call to Rajin on unseen seed 6). Nor a sighting matched to the ship's own
  // AIS track (dead-reckoned or interpolated from a report within hours): it is where the ship was heading
  // anyway, on its way out or in, not where it called (unseen seed 30: seen 3 h into its gap 8 km from
  // Vostochny on its way out, the true call at Dunai renamed Vostochny). Earliest first.
  const ranked = seen.filter((x) => x.candidate_rank === 1 && (x.identity_score ?? 0) >= q.minIdentityScore && !x.own_track).sort((a, b) => a.time.localeCompare(b.time));
  const best = ranked[0];
  const evidence = { ...e.evidence, imagery: { seen_dark_at_port: seen, imaged_not_seen: imagedEmpty } };
  if (!best) return { ...e, evidence };
  const c = e.candidates!.find((x) => x.id === best.port)!;
  return {
    ...e,
    port: { id: c.id, name: c.name, country: c.country },
    evidence: { ...evidence, port_by: 'imagery', port_before_imagery: e.port?.id ?? null },
  };
}
