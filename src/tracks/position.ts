// One vessel position as the tracks and detectors see it: times in epoch milliseconds (UTC), units in names.
export type ReceptionSource = 'terrestrial' | 'satellite';

export interface Position {
  mmsi: number;
  timeMs: number;
  lat: number;
  lon: number;
  /** Speed over ground; null when not available (AIS 102.3). */
  speedKn: number | null;
  /** Course over ground; null when not available (AIS 360). */
  courseDeg: number | null;
  /** True heading; null when not available (AIS 511). */
  headingDeg: number | null;
  /** AIS navigational status 0–15; null for Class B and unknown. */
  status: number | null;
  source?: ReceptionSource | null;
  /** Receiving stations (tag block `s:`; every station that heard a duplicate), when known. */
  stations?: readonly string[] | null;
}
