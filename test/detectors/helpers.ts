// Hand-built tracks for detector unit tests.
import type { Position } from '../../src/tracks/position.js';
import type { ReceptionQuery } from '../../src/detectors/reception.js';
import type { GapContext } from '../../src/detectors/gap.js';

export const T0 = Date.parse('2024-03-01T00:00:00Z');
export const MIN = 60_000;
export const HOUR = 3_600_000;

export function pos(mmsi: number, timeMs: number, lat: number, lon: number, speedKn: number | null = 10, courseDeg: number | null = 90): Position {
  return { mmsi, timeMs, lat, lon, speedKn, courseDeg, headingDeg: null, status: null };
}

/** `n` positions every `stepMin` minutes from `startMs`, moving `dLat`/`dLon` per step. */
export function leg(mmsi: number, startMs: number, n: number, stepMin: number, lat: number, lon: number, dLat: number, dLon: number, speedKn = 10, courseDeg = 90): Position[] {
  return Array.from({ length: n }, (_, i) => pos(mmsi, startMs + i * stepMin * MIN, lat + i * dLat, lon + i * dLon, speedKn, courseDeg));
}

export const constantReception = (perDay: number): ReceptionQuery => ({ positionsPerDay: () => perDay });

export function gapCtx(over: Partial<GapContext> = {}): GapContext {
  return { reception: constantReception(100), shoreDistanceM: () => 30_000, ...over };
}
