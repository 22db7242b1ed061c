// Where a tanker's silence took it, as far as the evidence tells (core, no I/O). The fuel monitor counts a
// silence as a DPRK delivery only when the evidence says DPRK, so it asks two things:
//  1. Was the ship seen there? A dark sighting of it (its `dark_detection` events) during the silence
//     within IMAGERY_EVIDENCE_PARAMS.atPortKm of a listed port names that port; one near the coast with
//     no listed port that close is an unlisted place — its coordinates, its distance to shore and the
//     nearest listed port, never that port's name. Sightings at sea say where it sailed, not where it
//     called, and are left out. A sighting elsewhere rules out a DPRK call only when no DPRK port fits
//     in the time around it (a long silence may hold the loading call too).
//  2. Else, which listed port did the silence most likely hide? The dark port call detector's ranking
//     (course towards it when going dark, away from it when back, detour, time slack), over every port
//     Tumen lists — the curated ports of interest and the NGA World Port Index — not only the watched
//     ones: a tanker silent in the Yellow Sea that came back lighter has Nampo within reach, but Dalian
//     on its course. A dark port call the detector made at a DPRK port is overturned only by a port that
//     leads by more than a bent course can account for (callStands).
// A place no listed port is near can only be told by an image: the ranking knows only listed ports, so a
// silence towards an unlisted terminal ranks whichever listed port its course passes nearest.
import type { TumenEvent } from '../events/schema.js';
import { rankPorts, type PortCandidate, type RankablePort } from '../detectors/dark-port-call.js';
import { DARK_PORT_CALL_PARAMS } from '../detectors/params.js';
import { distanceM, METRES_PER_NM } from '../geo/sphere.js';
import type { LandIndex } from '../geo/land.js';
import { IMAGERY_EVIDENCE_PARAMS } from '../imagery/events.js';
import { allPorts } from '../reference/wpi.js';
import { FUEL_PARAMS, type FuelParams } from './params.js';

/** A listed port: a curated port of interest (its role) or a WPI port (role `listed`). */
export type ListedPort = RankablePort;

let listed: readonly ListedPort[] | undefined;
/** Every port Tumen lists: the curated ports of interest, then the WPI ports not within 5 km of one. */
export function listedPorts(): readonly ListedPort[] {
  return (listed ??= allPorts().map((p) => ({ id: p.id, name: p.name, country: p.country, lat: p.lat, lon: p.lon, role: p.role ?? 'listed' })));
}

export interface SailedThrough { direct_km: number; speed_kn: number; sailing_h: number; silence_h: number }

/** Did the ship sail straight on through the silence? Its straight-line run from where it went dark to where
 *  it was heard again, at the faster of its speeds at the two ends, fills the silence (the implied speed is
 *  no more than that) and leaves less than DARK_PORT_CALL_PARAMS.minPortStayH over: no time to call anywhere,
 *  whatever port lies near its course. The ranking cannot see this: it allows every ship the detector's
 *  18 kn, so a port 18 kn barely reaches can rank first for a tanker cruising at 12 kn. Null when an end
 *  or a speed is not known, or the ship moved faster in the dark than at either end. Limit: it assumes the
 *  ship sailed no faster in the dark than at either end; one that sprints to fit a short call escapes it. */
export function sailedThrough(gap: TumenEvent): SailedThrough | null {
  const ev = gap.evidence as Record<string, unknown>;
  const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) && x >= 0 && x < 102.3 ? x : null);
  const a = num(ev.speed_before_kn), b = num(ev.speed_after_kn), endLat = ev.end_lat, endLon = ev.end_lon;
  if (gap.end === null || a === null || b === null || typeof endLat !== 'number' || typeof endLon !== 'number') return null;
  const silenceH = (Date.parse(gap.end) - Date.parse(gap.start)) / 3_600_000;
  const v = Math.max(a, b);
  const directNm = distanceM(gap.lat, gap.lon, endLat, endLon) / METRES_PER_NM;
  if (!(v > 0) || !(silenceH > 0)) return null;
  const sailingH = directNm / v;
  if (sailingH > silenceH || silenceH - sailingH >= DARK_PORT_CALL_PARAMS.minPortStayH) return null;
  return { direct_km: km(directNm * METRES_PER_NM), speed_kn: v, sailing_h: Math.round(sailingH * 10) / 10, silence_h: Math.round(silenceH * 10) / 10 };
}

/** The hidden port ranked over every port of `ports`, watched or not (the dark port call detector's ranking). */
export function rankHiddenPort(gap: TumenEvent, ports: readonly ListedPort[]): PortCandidate[] {
  const roles = [...new Set(ports.map((x) => x.role))];
  return rankPorts(gap, { ...DARK_PORT_CALL_PARAMS, watchedRoles: roles }, ports);
}

/** The score by which one course bent FuelParams.courseBendDeg can move a port's rank: the heading term is
 *  the mean of two agreements (1 + cos Δ) / 2, and bending one course by b moves its agreement by at most
 *  sin(b / 2), the mean by half that, the score by the heading weight times it. */
export function courseBendScore(p: FuelParams = FUEL_PARAMS): number {
  return (DARK_PORT_CALL_PARAMS.headingWeight * Math.sin((p.courseBendDeg * Math.PI) / 360)) / 2;
}

/** Does a dark port call the detector put at a DPRK port stand against the ranking over every listed port?
 *  Yes when a DPRK port ranks first, or the port ranked first leads the best DPRK port by no more than one
 *  bent course can move it (courseBendScore): the lead is then the courses' noise, not evidence of
 *  elsewhere. The lead, when there is one, for the delivery's note. */
export function callStands(ranked: readonly PortCandidate[], p: FuelParams = FUEL_PARAMS): { stands: boolean; lead: { over: PortCandidate; by: number } | null } {
  const first = ranked[0];
  if (!first || first.country === 'KP') return { stands: first !== undefined, lead: null };
  const kp = ranked.find((c) => c.country === 'KP');
  if (!kp) return { stands: false, lead: null };
  const by = Math.round((first.score - kp.score) * 1e4) / 1e4;
  return { stands: by <= courseBendScore(p), lead: { over: first, by } };
}

export type SeenPlace =
  | { kind: 'port'; port: { id: string; name: string; country: string }; distance_km: number; lat: number; lon: number; time: string; detection_id: unknown }
  | {
    kind: 'unlisted'; lat: number; lon: number; time: string; detection_id: unknown; shore_km: number;
    /** No border or EEZ data ships with Tumen (the coast is Natural Earth land only): the country is not known. */
    country: null;
    no_listed_port_within_km: number;
    nearest_listed: { id: string; name: string; country: string; distance_km: number } | null;
  };

/** Where the ship was seen dark during [startMs, endMs], from its dark_detection events (identity score
 *  ≥ the imagery evidence minimum): at a listed port, or alongside an unlisted stretch of coast. */
export function placesSeen(
  mmsi: number, startMs: number, endMs: number, sightings: readonly TumenEvent[], ports: readonly ListedPort[], land: () => LandIndex, p: FuelParams = FUEL_PARAMS,
): SeenPlace[] {
  const q = IMAGERY_EVIDENCE_PARAMS;
  const out: SeenPlace[] = [];
  for (const s of sightings) {
    if (s.type !== 'dark_detection' || s.mmsi !== mmsi) continue;
    const t = Date.parse(s.start);
    const score = s.evidence.identity_score;
    if (t < startMs || t > endMs || typeof score !== 'number' || score < q.minIdentityScore) continue;
    const near = nearestPort(s.lat, s.lon, ports);
    const base = { lat: s.lat, lon: s.lon, time: s.start, detection_id: s.evidence.detection_id };
    if (near && near.m <= q.atPortKm * 1000) {
      out.push({ kind: 'port', port: { id: near.port.id, name: near.port.name, country: near.port.country }, distance_km: km(near.m), ...base });
      continue;
    }
    const capM = p.unlistedPlaceMaxShoreKm * 1000;
    const shoreM = land().distanceToShoreM(s.lat, s.lon, capM);
    if (!(shoreM < capM)) continue; // at sea (the cap comes back when no coast is nearer): where it sailed, not where it called
    out.push({
      kind: 'unlisted', ...base, shore_km: km(shoreM), country: null, no_listed_port_within_km: q.atPortKm,
      nearest_listed: near ? { id: near.port.id, name: near.port.name, country: near.port.country, distance_km: km(near.m) } : null,
    });
  }
  return out.sort((a, b) => a.time.localeCompare(b.time));
}

function nearestPort(lat: number, lon: number, ports: readonly ListedPort[]): { port: ListedPort; m: number } | null {
  let best: ListedPort | null = null, bestM = Infinity;
  for (const x of ports) {
    const m = distanceM(lat, lon, x.lat, x.lon);
    if (m < bestM) { best = x; bestM = m; }
  }
  return best ? { port: best, m: bestM } : null;
}

/** The silence's ends: where and when the ship went dark, and when (and where, when known: the call's gap
 *  may not be among the events) it was heard again. */
export interface SilenceEnds {
  start: { lat: number; lon: number; ms: number };
  end: { lat?: number; lon?: number; ms: number };
}

/** Could the ship, seen at `x` (not a DPRK port), also have called at a DPRK port of `ports` during the
 *  silence — sailing there and staying minPortStayH before the sighting, or after it, at the dark port call
 *  detector's fastest transit speed? A long silence may hold a loading call and a DPRK call both; a sighting
 *  rules the DPRK call out only when no DPRK port fits around it. */
export function dprkCallFits(x: SeenPlace, ends: SilenceEnds, ports: readonly ListedPort[]): boolean {
  const q = DARK_PORT_CALL_PARAMS;
  const msPerM = 3_600_000 / (q.maxTransitSpeedKn * METRES_PER_NM);
  const stayMs = q.minPortStayH * 3_600_000;
  const ts = Date.parse(x.time);
  for (const k of ports) {
    if (k.country !== 'KP') continue;
    const toK = distanceM(ends.start.lat, ends.start.lon, k.lat, k.lon), kToX = distanceM(k.lat, k.lon, x.lat, x.lon);
    if ((toK + kToX) * msPerM + stayMs <= ts - ends.start.ms) return true;
    const kToEnd = ends.end.lat !== undefined && ends.end.lon !== undefined ? distanceM(k.lat, k.lon, ends.end.lat, ends.end.lon) : 0;
    if ((kToX + kToEnd) * msPerM + stayMs <= ends.end.ms - ts) return true;
  }
  return false;
}

const km = (m: number): number => Math.round(m / 100) / 10;

/** How a seen place reads in a note. */
export function describePlace(x: SeenPlace): string {
  if (x.kind === 'port') return `seen dark at ${x.port.name} (${x.port.country}) on ${x.time}`;
  const nearest = x.nearest_listed ? `; nearest listed port ${x.nearest_listed.name} (${x.nearest_listed.country}) ${x.nearest_listed.distance_km} km` : '';
  return `seen dark on ${x.time} at an unlisted place ${x.lat.toFixed(3)}, ${x.lon.toFixed(3)} (${x.shore_km} km from the coast, country not known): no listed port within ${x.no_listed_port_within_km} km${nearest}`;
}
