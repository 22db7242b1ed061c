// A line's reception metadata (time, station, satellite or not) as gathered while decoding, and the
// LineMeta it becomes.
import type { LineMeta } from './types.js';

/** Metadata of the line being decoded, gathered before the message completes. */
export interface Gathered {
  timeMs: number | null;
  station: string | null;
  satellite: boolean;
  arrivalMs: number | null;
}

/** Shared (frozen) metadata of lines that carry none: most raw receiver logs. */
export const NO_META: LineMeta = Object.freeze({ timeMs: null, station: null, source: null, arrivalMs: null });

export function makeMeta(g: Gathered): LineMeta {
  const { timeMs, station } = g;
  if (timeMs === null && station === null && !g.satellite) return NO_META;
  const satellite = g.satellite || (station !== null && isSatelliteStation(station));
  return { timeMs, station, source: satellite ? 'satellite' : null, arrivalMs: g.arrivalMs };
}

/** Station names that identify satellite AIS providers. */
const SATELLITE_STATION = /orbcomm|exactearth|spire|sat/i;

/** Stations asked about (a feed names few, interleaved line by line): no regex per line. */
const satelliteStations = new Map<string, boolean>();
/** Bound of that cache (a feed naming more stations only tests the regex for the rest). */
const MAX_CACHED_STATIONS = 4096;

export function isSatelliteStation(station: string): boolean {
  let satellite = satelliteStations.get(station);
  if (satellite === undefined) {
    satellite = SATELLITE_STATION.test(station);
    if (satelliteStations.size < MAX_CACHED_STATIONS) satelliteStations.set(station, satellite);
  }
  return satellite;
}
