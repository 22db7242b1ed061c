// The spoofing detector's parameters and its one event shape, shared by its parts (the segment notes'
// kinds and the reception-geometry runs).
import type { TumenEvent } from '../events/schema.js';
import { MS_PER_HOUR } from '../geo/sphere.js';
import { eventId } from './event-id.js';
import { isoUtc, round } from './geo-stats.js';
import type { SPOOFING_PARAMS } from './params.js';

export type SpoofingParams = { [K in keyof typeof SPOOFING_PARAMS]: number };

/** A spoofing event of `kind`: from its first to its last position, placed at the first. */
export function spoofingEvent(mmsi: number, kind: string, startMs: number, endMs: number, lat: number, lon: number, evidence: Record<string, unknown>): TumenEvent {
  return {
    id: eventId('spoofing', mmsi, startMs, kind),
    type: 'spoofing', mmsi, start: isoUtc(startMs), end: isoUtc(endMs), lat, lon,
    duration_h: round((endMs - startMs) / MS_PER_HOUR, 3),
    evidence: { kind, ...evidence },
  };
}
