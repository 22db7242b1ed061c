// Observations that coincide with events (core, no I/O): a site seen on an image near where and when an
// event happened — a dark call at Rajin on a day the pier shows a ship of that length. The link is what an
// analyst would check by hand: the site within a few km of the event (or its inferred port), the image
// taken while the event lasted (with half a day either side: analysts' counts carry the day, not the hour),
// and, where both are known, a vessel alongside of about the ship's length.
import { distanceM } from '../geo/sphere.js';
import type { TumenEvent } from '../events/schema.js';
import type { Observation, Site } from './types.js';

export const COINCIDE_PARAMS = {
  /** A pier or yard belongs to a port call within this distance of the event's (or its port's) position;
   *  Rajin's piers lie ~1–2 km from the WPI port point. */
  maxDistanceKm: 8,
  /** Observation times are often the day only (00:00): half a day of slack each side of the event. */
  timeSlackH: 12,
  /** Vessel lengths measured on imagery vs AIS: SAR/optical length error is ~10–15 % (GFW, Skylight). */
  lengthToleranceFraction: 0.15,
} as const;

export interface CoincidentObservation {
  event_id: string;
  event_type: string;
  mmsi: number;
  site: Pick<Site, 'id' | 'name' | 'kind'>;
  observation: Observation;
  distance_km: number;
  /** Is a vessel alongside within tolerance of the ship's length; null when either length is unknown. */
  length_match: boolean | null;
  why: string;
}

type Where = { lat: number; lon: number };

/** Where an event happened: its own position, and its port's when it names one with a position. */
function placesOf(e: TumenEvent, portPosition: (id: string) => Where | undefined): Where[] {
  const out: Where[] = [{ lat: e.lat, lon: e.lon }];
  const p = e.port as (TumenEvent['port'] & { lat?: number; lon?: number }) | undefined;
  if (p && typeof p.lat === 'number' && typeof p.lon === 'number') out.push({ lat: p.lat, lon: p.lon });
  else if (p) { const known = portPosition(p.id); if (known) out.push(known); }
  return out;
}

/** Every (event, observation) pair that coincides in place and time, nearest first within each event. */
export function coincidentObservations(
  events: readonly TumenEvent[],
  sites: readonly Site[],
  observations: readonly Observation[],
  opts: { lengthOf?: (mmsi: number) => number | null | undefined; portPosition?: (id: string) => Where | undefined } = {},
  p = COINCIDE_PARAMS,
): CoincidentObservation[] {
  const siteById = new Map(sites.map((s) => [s.id, s]));
  const slackMs = p.timeSlackH * 3_600_000;
  const out: CoincidentObservation[] = [];
  for (const e of events) {
    const fromMs = Date.parse(e.start) - slackMs;
    const toMs = (e.end === null ? Date.parse(e.start) : Date.parse(e.end)) + slackMs;
    const places = placesOf(e, opts.portPosition ?? (() => undefined));
    const shipLength = opts.lengthOf?.(e.mmsi) ?? null;
    const found: CoincidentObservation[] = [];
    for (const o of observations) {
      const t = Date.parse(o.time);
      if (t < fromMs || t > toMs) continue;
      const s = siteById.get(o.site_id);
      if (!s) continue;
      const km = Math.min(...places.map((w) => distanceM(w.lat, w.lon, s.lat, s.lon) / 1000));
      if (km > p.maxDistanceKm) continue;
      const lengths = o.vessel_lengths_m;
      const match = shipLength && lengths.length ? lengths.some((l) => Math.abs(l - shipLength) <= p.lengthToleranceFraction * shipLength) : null;
      const lengthText = match === null ? '' : match
        ? `; a vessel alongside of ${lengths.find((l) => Math.abs(l - shipLength!) <= p.lengthToleranceFraction * shipLength!)} m (ship ${shipLength} m)`
        : `; vessels alongside ${lengths.join(', ')} m, none within ${Math.round(p.lengthToleranceFraction * 100)} % of the ship's ${shipLength} m`;
      found.push({
        event_id: e.id, event_type: e.type, mmsi: e.mmsi, site: { id: s.id, name: s.name, kind: s.kind }, observation: o,
        distance_km: Math.round(km * 10) / 10, length_match: match,
        why: `${s.name} observed ${o.time.slice(0, 10)}, ${km.toFixed(1)} km from the event, during it (±${p.timeSlackH} h)${lengthText}`,
      });
    }
    out.push(...found.sort((a, b) => a.distance_km - b.distance_km || a.observation.time.localeCompare(b.observation.time)));
  }
  return out;
}
