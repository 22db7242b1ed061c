// The JSON of GET /api/vessels/:mmsi/track. Pure (no imports) so the browser bundle shares it.

/** Columnar so the browser can copy it straight into typed arrays for deck.gl. */
export interface TrackResponse {
  mmsi: number;
  total_points: number;
  simplified: boolean;
  time_ms: number[];
  lon: number[];
  lat: number[];
  speed_kn: Array<number | null>;
  course_deg: Array<number | null>;
  /** Index pairs [i, i+1] in the returned arrays between which the vessel did not report for > gap_h. */
  gaps: Array<[number, number]>;
  gap_h: number;
}
