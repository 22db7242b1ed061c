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

/** Reception the same everywhere: `perDay` positions/day, and a hearing model that calls it good (a
 *  transmitting ship unheard with probability 0.001 over the gap) when `perDay` > 10, else poor (0.5). */
export const constantReception = (perDay: number): ReceptionQuery => ({
  positionsPerDay: () => perDay,
  storeSilentHours: () => 0,
  judge: () => null,
  stationUpAround: () => false,
  stationReports: () => 0,
  reachesNear: () => true,
  hearing: (_path, fromMs, toMs) => {
    const hours = Math.max(0, Math.floor(toMs / HOUR) - Math.floor(fromMs / HOUR) - 1);
    const good = perDay > 10;
    return {
      hours, unmeasuredHours: 0, shipsPresentTerrestrial: 10, shipsPresentSatellite: 10,
      terrestrialHeardShare: good ? 0.9 : 0, satelliteHeardShare: 0.1, satellitePassHours: 0, satelliteRevisitH: null,
      satelliteReportsPerShipPass: null, expectedHeardHours: good ? 10 : 1, unheardProbability: good ? 1e-6 : 0.5,
    };
  },
});

export function gapCtx(over: Partial<GapContext> = {}): GapContext {
  return { reception: constantReception(100), shoreDistanceM: () => 30_000, ...over };
}
