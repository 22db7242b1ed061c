// Dark port calls: an intentional gap whose start, end and duration make a call at a watched port (the
// curated ports of interest) feasible: sailing gap start → port → gap end at `maxTransitSpeedKn` leaves at
// least `minPortStayH` alongside. Feasible ports are ranked by how well they explain the gap — the course
// when the ship went dark points at the port, the course when it reappeared points away from it, the
// detour via the port is small, and the time budget has slack — and the best is the event's `port`.
//
// A port is its area: the anchorage cells learned from the data for it (src/anchorages, labelled with its
// id) and its gazetteer point — the fallback area of a port without learned cells (the DPRK ports, where no
// station hears and so nothing is learned). Distances and bearings go to the area's nearest point, so a
// terminal whose berths lie 5 km from the gazetteer point is reached where ships really berth.
//
// A pure function of one gap event (the gap detector already carries courses and end point in its
// evidence) and the port areas, so it is incremental for free: the pipeline feeds it each gap the gap
// detector emits.
import type { TumenEvent } from '../events/schema.js';
import { DARK_PORT_CALL_PARAMS } from './params.js';
import { eventId } from './event-id.js';
import { bearingDeg, distanceM, METRES_PER_NM } from '../geo/sphere.js';
import { PORTS_OF_INTEREST, type PortOfInterest } from '../reference/ports-of-interest.js';
import { round } from './gap.js';

export type DarkPortCallParams = typeof DARK_PORT_CALL_PARAMS;

export type PortCandidate = {
  id: string;
  name: string;
  country: string;
  feasibility: number;
  score: number;
  heading_agreement: number | null;
  detour_ratio: number | null;
  transit_h: number;
  max_stay_h: number;
  /** The area the distances were measured to: learned anchorage cells, or the gazetteer point alone. */
  area: 'learned' | 'gazetteer_point';
};

/** Where each port's area lies (the runner passes the learned port areas). */
export interface PortAreaPoints {
  areaPoints?(id: string): ReadonlyArray<{ lat: number; lon: number; cell: boolean }>;
}

type LatLon = { lat: number; lon: number };

/** A port the ranking can weigh: a curated port of interest, or any listed port with a role of its own. */
export type RankablePort = { id: string; name: string; country: string; lat: number; lon: number; role: string };

/** The dark port call hidden by `gap`, or null when the gap cannot hide one. */
export function darkPortCallFromGap(
  gap: TumenEvent,
  params: DarkPortCallParams = DARK_PORT_CALL_PARAMS,
  ports: readonly PortOfInterest[] = PORTS_OF_INTEREST,
  areas?: PortAreaPoints,
): TumenEvent | null {
  if (gap.type !== 'gap' || !gap.intentional || (gap.duration_h ?? 0) < params.minGapH) return null;
  if (gap.end === null && !params.fromOpenGaps) return null;
  const candidates = rankPorts(gap, params, ports, areas);
  if (candidates.length === 0) return null;
  const best = candidates[0]!;
  return {
    id: eventId('dark_port_call', gap.mmsi, gap.start),
    type: 'dark_port_call',
    mmsi: gap.mmsi,
    start: gap.start,
    end: gap.end,
    lat: gap.lat,
    lon: gap.lon,
    port: { id: best.id, name: best.name, country: best.country },
    candidates: candidates.slice(0, params.maxCandidates),
    duration_h: gap.duration_h,
    evidence: {
      gap_id: gap.id,
      score: best.score,
      feasibility: best.feasibility,
      heading_agreement: best.heading_agreement,
      detour_ratio: best.detour_ratio,
      feasible_ports: candidates.length,
    },
  };
}

export function rankPorts(gap: TumenEvent, p: DarkPortCallParams, ports: readonly RankablePort[], areas?: PortAreaPoints): PortCandidate[] {
  const ev = gap.evidence as Record<string, number | null | undefined>;
  const durationH = gap.duration_h ?? 0;
  const s = { lat: gap.lat, lon: gap.lon, course: num(ev.course_before_deg) };
  const e = gap.end !== null && num(ev.end_lat) !== null && num(ev.end_lon) !== null
    ? { lat: ev.end_lat as number, lon: ev.end_lon as number, course: num(ev.course_after_deg) }
    : null;
  const direct = e ? distanceM(s.lat, s.lon, e.lat, e.lon) : 0;
  const out: PortCandidate[] = [];
  for (const port of ports) {
    if (!p.watchedRoles.includes(port.role)) continue;
    const area = areas?.areaPoints?.(port.id) ?? [];
    const learned = area.some((x) => x.cell);
    const points: readonly LatLon[] = area.length > 0 ? area : [port];
    const [a1, d1] = nearestOf(points, s);
    const [a2, d2] = e ? nearestOf(points, e) : [a1, 0];
    if (d1 < p.excludeNearEndpointsKm * 1000 || (e && d2 < p.excludeNearEndpointsKm * 1000)) continue;
    const transitH = (d1 + d2) / METRES_PER_NM / p.maxTransitSpeedKn;
    const maxStayH = durationH - transitH;
    if (maxStayH < p.minPortStayH) continue;
    const feasibility = clamp01(1 - transitH / Math.max(durationH - p.minPortStayH, 1e-9));
    const agreements: number[] = [];
    if (s.course !== null) agreements.push(cosAgreement(s.course, bearingDeg(s.lat, s.lon, a1.lat, a1.lon)));
    if (e && e.course !== null) agreements.push(cosAgreement(e.course, bearingDeg(a2.lat, a2.lon, e.lat, e.lon)));
    const heading = agreements.length ? agreements.reduce((a, b) => a + b, 0) / agreements.length : null;
    if (heading !== null && heading < (e ? p.minHeadingAgreement : p.openGapMinHeadingAgreement)) continue;
    const detour = e ? (d1 + d2 > 0 ? direct / (d1 + d2) : 1) : null;
    const prior = p.portPrior[port.id] ?? 1;
    const score = prior * (p.headingWeight * (heading ?? 0.5) + p.detourWeight * (detour ?? 0.5) + p.slackWeight * feasibility);
    out.push({
      id: port.id, name: port.name, country: port.country, feasibility: round(feasibility, 3), score: round(score, 4),
      heading_agreement: heading === null ? null : round(heading, 3), detour_ratio: detour === null ? null : round(detour, 3),
      transit_h: round(transitH, 2), max_stay_h: round(maxStayH, 2), area: learned ? 'learned' : 'gazetteer_point',
    });
  }
  return out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/** The point of `points` nearest to `from`, and its distance (m). */
function nearestOf(points: readonly LatLon[], from: LatLon): [LatLon, number] {
  let best = points[0]!, bestD = Infinity;
  for (const x of points) {
    const d = distanceM(from.lat, from.lon, x.lat, x.lon);
    if (d < bestD) { best = x; bestD = d; }
  }
  return [best, bestD];
}

/** 1 when the course points exactly along the bearing, 0 when opposite. */
function cosAgreement(courseDeg: number, bearing: number): number {
  return (1 + Math.cos(((courseDeg - bearing) * Math.PI) / 180)) / 2;
}
const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);
