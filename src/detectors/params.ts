// Every detector parameter in one place: one commented object per detector, units in every name, and the
// published reference each default follows (GFW = Global Fishing Watch open pipelines / methods papers).
// Where Tumen differs from the reference the comment says so and why; docs/events.md repeats it for users.

export const SEGMENT_PARAMS = {
  /** A position joins a segment it is reachable from at most this speed (GFW gpsdio-segment max_speed 25 kn). */
  maxSpeedKn: 25,
  /** Segments idle longer than this are closed (GFW gpsdio-segment max_hours 24 h look-back). */
  maxLookbackH: 24,
  /** Below this distance any time step is plausible (GFW noise_dist ≈ 0.1 nm, covers GNSS jitter). */
  noiseDistanceM: 200,
  /** Short time steps are judged against at least this much time, so 1-s clock jitter is not "fast"
   *  (GFW gpsdio-segment uses a 5-min floor when computing implied speed across very short steps). */
  minDtForSpeedH: 0.1,
  /** A new segment needs this many points before it is reported as a real parallel track; shorter
   *  ones are outliers (GNSS glitches). Tumen choice: GFW drops segments with < 2 points ("noise"). */
  minPointsForTrack: 3,
} as const;

export const GAP_PARAMS = {
  /** Raw gap: consecutive positions at least this far apart in time (GFW pipe-gaps min_gap_length 6 h). */
  minGapH: 6,
  /** "Likely intentional disabling" needs at least this long (GFW gaps methods: 12 h). */
  intentionalMinGapH: 12,
  /** Start at least this far from shore (GFW: 50 nm). */
  intentionalMinShoreDistanceNm: 50,
  /** Tumen difference: near watched ports (Russia–DPRK dark crossings mostly stay < 50 nm from shore
   *  inside territorial waters) the shore threshold drops to this. */
  watchedAreaMinShoreDistanceNm: 2,
  /** Radius around a watched port inside which the lower shore threshold applies. */
  watchedAreaRadiusKm: 250,
  /** Reception around the start point must exceed this many positions/day of OTHER vessels
   *  (GFW: > 10 positions/day in the 1° cell). */
  minReceptionPerDay: 10,
  /** Reception is counted within this radius of the gap start (GFW uses 1° cells; Tumen a radius). */
  receptionRadiusKm: 60,
  /** At least this many positions in the hours before the gap (GFW: ≥ 14 positions in 12 h). */
  minPositionsBefore: 14,
  /** The window before the gap in which positions are counted (GFW: 12 h). */
  beforeWindowH: 12,
} as const;

export const DARK_PORT_CALL_PARAMS = {
  /** Only gaps at least this long can hide a port call (Tumen: a call needs hours alongside). */
  minGapH: 12,
  /** Plausible transit speed used for feasibility (Tumen; typical merchant service speed). */
  plausibleSpeedKn: 14,
  /** Minimum time alongside for the call to be feasible (Tumen; a short cargo operation). */
  minPortStayH: 4,
  /** Ports whose detour distance is within this of the direct path get a candidate entry at all. */
  maxCandidates: 5,
  /** Gap endpoints this close to each other make a dark call "anywhere" — still ranked by detour. */
  minFeasibility: 0.05,
} as const;

export const PORT_VISIT_PARAMS = {
  /** Entry radius around a port point (GFW anchorages pipeline: 3 km). */
  entryRadiusM: 3000,
  /** Exit radius (GFW: 4 km) — hysteresis so a ship on the boundary does not flicker. */
  exitRadiusM: 4000,
  /** A stop begins below this speed (GFW: 0.2 kn). */
  stopSpeedKn: 0.2,
  /** A stop ends above this speed (GFW: 0.5 kn). */
  goSpeedKn: 0.5,
  /** A gap in port longer than this is a port gap (GFW: 4 h). */
  portGapH: 4,
  /** Visits shorter than this are transits past the port, not visits (Tumen choice). */
  minVisitH: 0.5,
} as const;

// The DETECTORS-2 engineer adds their blocks below (encounter, loitering, spoofing, shared_mmsi,
// identity_change, draught_change) — additive edits only.
