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
  /** Time steps are padded by this much when computing implied speed, so clock jitter between receivers
   *  is not "fast" (GFW gpsdio-segment DEFAULT_BUFFER_HOURS = 10 min). */
  bufferH: 10 / 60,
  /** A point may join a segment from any of its last N fixes, so one bad fix or two interleaved sources
   *  with offset clocks do not split a track (GFW gpsdio-segment DEFAULT_LOOKBACK = 3). */
  lookbackPoints: 3,
  /** A new segment needs this many points before it is reported as a real parallel track; shorter
   *  ones are outliers (GNSS glitches). Tumen choice: GFW drops segments with < 2 points ("noise"). */
  minPointsForTrack: 3,
  /** A confirmed segment silent this long while a sibling segment of the same MMSI kept reporting is
   *  *dormant*: a point that would join it wakes it only tentatively — it needs `minPointsForTrack` points
   *  before it counts, else (the live sibling resumes) it is an outlier. So one GNSS glitch that happens to
   *  land within the (hours-wide) reach of a silent fabricated track is not a return to it. Above the
   *  ~90 min satellite revisit, so a satellite-only ship's regular reports never count as dormant. Tumen
   *  (GFW gpsdio-segment has no dormancy: a glitch there joins the dormant segment). */
  dormantAfterH: 2,
  /** ...and at least this many times its own mean interval between reports, so a sparse reporter (a
   *  satellite-only ship, one of many ships on a default MMSI) resuming at its usual cadence is not dormant
   *  (Tumen; checked on GFW's 416000000 test track, where a ratio-free rule lost sparse ships' points). */
  dormantMeanStepRatio: 10,
  /** A wake of a dormant segment is confirmed (merged back into it) by this many points: one more
   *  consistent report after the waking one. A single glitch never gets it (Tumen). */
  minWakePoints: 2,
} as const;

/** Reception learned from the data (src/detectors/hearing.ts): how likely a transmitting ship is to be heard,
 *  per place, hour and source. GFW measures satellite reception as positions per day per 1° cell per month;
 *  Tumen measures the share of ships present that each source heard, hour by hour. */
export const RECEPTION_PARAMS = {
  /** A vessel counts as present (transmitting, maybe unheard) in the hours between two of its consecutive
   *  fixes at most this far apart (Tumen; above the normal satellite-only silences of a few hours, below
   *  the multi-day gaps that are the question). */
  bridgeMaxH: 72,
  /** Terrestrial coverage is measured on cells this size (sharp coastal-station edges)... */
  terrestrialCellDeg: 0.1,
  /** ...summed within this radius of the point judged (Tumen). */
  terrestrialRadiusKm: 15,
  /** Coastal stations do not move: their coverage of a cell is learned from the ship-hours within this many
   *  hours either side of the hour judged (Tumen)... */
  terrestrialWindowH: 24,
  /** ...and counts as measured with at least this many ship-hours present there (Tumen). */
  minShipHoursTerrestrial: 10,
  /** The days around say how well stations cover a place when they are up; whether they are up is read from
   *  the hours around the one judged, this many either side: a station down for 2–36 h while a neighbour
   *  still hears the edge of the area lowers the share there and then (Tumen)... */
  terrestrialNowH: 3,
  /** ...when at least this many ship-hours of other ships were present in those hours (Tumen). */
  minShipHoursTerrestrialNow: 4,
  /** Satellite reception is measured on cells this size (GFW: 1° cells). */
  satelliteCellDeg: 1,
  /** Where a satellite cell holds too few ships to measure, the blocks around it are summed, up to this many
   *  cells out (3: 7° × 7°, well inside one satellite footprint of ~1,500 nm) (Tumen). */
  satelliteMaxRing: 3,
  /** A satellite hour is read given that the ship went unheard in the last satellite hour before it, when
   *  that hour is at most this many hours earlier: the share of the other ships heard in both (each ship's
   *  previous satellite hour is kept) says how far the two are one chance — a 12 min pass straddling a clock
   *  hour is one draw, and a ship missed on one pass (its antenna, its report rate at a berth, its place) may
   *  be missed on the next. A first-order chain over the passes, never more hopeful than independent passes;
   *  8 h reaches the next pass of a thin feed (a pass every ~6 h). Tumen: GFW's reception quality is a
   *  positions-per-day figure per cell and says nothing of how passes depend on each other; the independent
   *  product made a cargo missed on 14 passes look 1e-5 likely (issue 8). */
  satelliteMemoryMaxH: 8,
  /** A ship at most this fast at its fix counts as at rest: Class A at anchor or moored reports every 3 min
   *  instead of every 2–10 s (ITU-R M.1371 Table 1), so a satellite pass of a few minutes catches a few of
   *  its reports where it catches dozens of a ship under way... */
  satelliteAtRestMaxKn: 1,
  /** ...and the share of at-rest ship-hours a satellite heard (those no station heard), against the share of
   *  all such ship-hours, learned over the whole data, scales the satellite's chance of hearing a ship silent
   *  at rest, once at least this many at-rest ship-hours were measured (Tumen; the fleet's share, mostly
   *  ships under way, overstated it: ships silent 16–28 h at a quay, heard by satellites only, were judged
   *  intentional on 13–20 passes — issue 8). */
  minAtRestShipHours: 200,
  /** A satellite hour is measured only when at least this many ships no station heard were present around
   *  the point; fewer is a hole in the store's coverage, which never counts as good reception (Tumen). */
  minShipsPresent: 3,
  /** Cap on the chance of being heard in one hour: a ship's own antenna, class or shadowing makes it less
   *  certain than the fleet average, so no single hour is taken as proof (Tumen). */
  maxHourlyHeardProb: 0.95,
  /** A run of at least this many hours in which the store received nothing from anyone is a hole in the
   *  store (a gap between capture files, a feed down), not part of any ship's silence (Tumen: longer than
   *  the store-wide silences between the passes of a thin satellite feed, ~12–18 h)... */
  minStoreHoleH: 24,
  /** ...once at least this many vessels were seen (with a handful, all silent at once is no hole; a one-ship
   *  track file has none) (Tumen). */
  minVesselsForStoreHoles: 10,
  /** The counts per hour behind the newest report's horizon (the longest look-back of the registered
   *  detectors, src/detectors/registry.ts `receptionHorizonH`) are forgotten each time the data's clock
   *  passes a multiple of this many hours: pruning walks every cell, so once a data day keeps it cheap, and
   *  the index holds at most this much more than the horizon (Tumen; keeps a live runner's memory flat). */
  forgetEveryH: 24,
} as const;

export const GAP_PARAMS = {
  /** Raw gap: consecutive positions at least this far apart in time (GFW pipe-gaps min_gap_length 6 h). */
  minGapH: 6,
  /** "Likely intentional disabling" needs at least this long (GFW gaps methods: 12 h). */
  intentionalMinGapH: 12,
  /** Start at least this far from shore (GFW: 50 nm) — applied only where reception could not be measured
   *  as good: GFW's rule is a guard against coastal coverage holes. */
  intentionalMinShoreDistanceNm: 50,
  /** Tumen difference: where the data show the place well received during the gap (the two checks below),
   *  the shore threshold drops to this. Sanctions analysts read near-shore darkness under good coverage as
   *  MORE telling (DPRK-bound tankers switch off 20–30 nm out; the tankers at Vostochny switched off at the
   *  berth — SOLAS V/19 wants AIS on in port as well). 0: no distance rule at all. */
  nearShoreMinDistanceNm: 0,
  /** Intentional only if a ship transmitting along the gap would have stayed unheard by every source with at
   *  most this probability, learned from how often the other ships there were heard, hour by hour
   *  (Tumen; GFW's stand-in is > 10 satellite positions/day in the 1° cell). */
  maxUnheardProbability: 1e-3,
  /** ...and would have been heard in at least this many hours of the gap, so a few lucky satellite passes
   *  over thin coverage never make a long silence look deliberate (Tumen). An open gap, still growing, is
   *  asked this prorated to the hours judged so far against intentionalMinGapH (6 of 12 h, 3 of a 6 h gap
   *  at the data's end). */
  minExpectedHeardHours: 6,
  /** A silence longer than this is judged on the reception of its last this-many hours only (to its end, or
   *  to the window end while open): the reception index forgets older hours, so a live runner's memory
   *  stays flat (Tumen; GFW judges every hour of a gap, offline). A week is over 14 × intentionalMinGapH
   *  and longer than any dark period in the simulated worlds; by then a well received place has made the
   *  unheard probability vanish many times over, and a thinly received one is judged on its latest week. */
  maxJudgedSilenceH: 168,
  /** An open gap has no end point: a ship under way is placed, hour by hour, where its last course and speed
   *  take it, for at most this long, stopping short of land, then held; a stopped ship is held at its last fix
   *  (Tumen; a closed gap is judged along the line from its start to its end). 1 h: reckoned over the whole
   *  silence (168), the development worlds lost more true intentional gaps — DPRK-bound ships whose course
   *  runs out of coverage — than it removed false ones (issue 8, bench/RESULTS.md 2026-12-06 evening). */
  openGapDeadReckonH: 1,
  /** The dead-reckoned course is checked for land every this many metres (coasts and islands narrower than
   *  this can be stepped over). */
  openGapLandStepM: 1500,
  /** GFW-comparable figure for the evidence: positions/day of other vessels within this radius. */
  receptionRadiusKm: 15,
  /** The watched theatre, named in the evidence (`watched_port`) for alerts: within this distance of a port
   *  of interest (600 km spans Nampo to the Korea Strait and Peter the Great Gulf). */
  watchedAreaRadiusKm: 600,
  /** The coastal stations (tag block `s:`) that heard the vessel within this many hours before it fell
   *  silent, or first after, are its own: hours of the gap in which none of them heard anyone are an outage
   *  of its receivers and judged on the satellite alone (Tumen). */
  ownStationsWindowH: 1,
  /** A moving ship whose last course and speed take it this long after its last report (or whose first
   *  report after, run backwards, came from this long before) to where none of its own stations ever heard
   *  a ship (that cell or the cells around it) was sailing out of (into) their reach: that half of the
   *  silence is judged on the satellite alone (Tumen: ferries and fishing boats silent beyond a station's
   *  range edge and back the same way — issue 8). */
  reachExitCheckH: 1,
  /** ...looking this much further along the course than those hours take it: `reachesNear` accepts the
   *  cells around the place, so a station's reach as read runs up to one coverage cell (0.1°, ~11 km)
   *  beyond the last place it heard anyone, and a ship 1 h past a range edge at fishing speeds (8–10 kn)
   *  still reads as inside it (Tumen; issue 8: unseen 300–301 boats silent at KRR01, KRR02, JPR01's edge). */
  reachExitBeyondKm: 11,
  /** At least this many positions in the hours before the gap (GFW: ≥ 14 positions in 12 h). */
  minPositionsBefore: 14,
  /** The window before the gap in which positions are counted (GFW: 12 h). */
  beforeWindowH: 12,
  /** Tumen difference: GFW's ≥ 14 positions in 12 h presumes reception that yields them. A ship heard only by
   *  satellites in the hour before it fell silent (no coastal station in reach: a sparse network, one down)
   *  gets a few reports per pass, so there the check asks instead that it was heard in at least this share
   *  of the hours a transmitting ship at its last place would have been heard by the hearing model (the
   *  expected heard hours over the window's whole hours)... */
  minHeardShareBefore: 0.5,
  /** ...counting only since it was last heard again after a silence of at least `minGapH` that its reception
   *  does not explain (unheard chance ≤ `maxUnheardProbability`: it may have been off; a silence thin
   *  reception explains is counted across, its hours weighed by their reception — a tanker at a berth heard
   *  by satellite passes alone has such silences), with at least this many positions — more than one glimpse
   *  (Tumen; issue 8: on sparse-receiver worlds every missed intentional gap of seeds 201–202 failed only
   *  GFW's count, its tankers and shuttles heard by satellite alone before switching off; on 208–209 two
   *  tankers at Vostochny were counted only since a 7 h silence between passes: 2 positions). */
  minPositionsBeforeThin: 3,
} as const;

export const DARK_PORT_CALL_PARAMS = {
  /** Only intentional gaps at least this long can hide a port call (Tumen: GFW's intentional-gap length). */
  minGapH: 12,
  /** Fastest plausible transit speed: a port is feasible if the ship could sail gap start → port → gap
   *  end at this speed and still spend `minPortStayH` alongside (Tumen; fast merchant service speed). */
  maxTransitSpeedKn: 18,
  /** Minimum time alongside for a call to be feasible (Tumen; a short cargo operation). */
  minPortStayH: 4,
  /** Watched ports: the curated ports of interest with these roles — where a hidden call matters
   *  (DPRK ports, the arms-transfer pier, the oil terminal), not the ordinary Russian commercial ports. */
  watchedRoles: ['dprk_port', 'arms_transfer', 'oil_terminal'] as readonly string[],
  /** Ports this close to the gap start or end were visibly visited, not dark ones (Tumen). */
  excludeNearEndpointsKm: 10,
  /** Ranking weights (Tumen): heading agreement (course when going dark points at the port, reversed
   *  course when reappearing points back at it), detour ratio (straight-line / via-port distance),
   *  and time feasibility slack. */
  headingWeight: 0.6,
  detourWeight: 0.2,
  slackWeight: 0.2,
  /** Candidates of a closed gap need at least this heading agreement ((1 + cos Δ)/2). 0: none — near a
   *  port ships manoeuvre and lanes bend, so a closed gap's courses rank candidates but veto none (Tumen). */
  minHeadingAgreement: 0,
  /** Infer calls from open gaps too? Tumen default no: a call is inferred when the ship reappears (the
   *  end point and the whole duration are the evidence); while the gap is open, the intentional gap with
   *  its `watched_port` is the alert. */
  fromOpenGaps: false as boolean,
  /** With `fromOpenGaps`, an open gap has only its start course as evidence of a destination: require a
   *  port nearly dead ahead (0.9 ≈ within 37°) (Tumen). */
  openGapMinHeadingAgreement: 0.9,
  /** Prior weight per port (multiplies the score; default 1). Senbong lies 14 km from Rajin on the same
   *  bearing, so a gap's geometry cannot separate them; open reporting documents the Russia–DPRK calls at
   *  Rajin (the Russian-leased pier), not at Senbong's refinery terminal (Tumen, RUSI 2023–24). */
  portPrior: { KPSBN: 0.9 } as Readonly<Record<string, number>>,
  /** Candidates listed per event. */
  maxCandidates: 5,
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
  /** Port visits below this confidence are stored but not listed by default (`tumen events`, /api/events):
   *  confidence 1 = the visit rests on one position (Tumen; GFW publishes ≥ 2 too). */
  minListedConfidence: 2,
  /** Visits shorter than this are transits past the port, not visits (Tumen choice). */
  minVisitH: 0.5,
} as const;

/** Encounters (possible ship-to-ship transfers) — GFW encounters_pipeline defaults. */
export const ENCOUNTER_PARAMS = {
  /** Tracks are resampled to this interval (GFW resample: 10 min). */
  resampleIntervalMin: 10,
  /** No resampled point is interpolated across a gap longer than this (GFW: 1 h). */
  maxInterpolationGapH: 1,
  /** Two vessels are "together" at a slot when at most this far apart (GFW max_encounter_dist_km 0.5). */
  maxDistanceM: 500,
  /** A run of together-slots must last this long (GFW min_encounter_time_minutes 120). */
  minDurationH: 2,
  /** Each vessel's median speed over the encounter must be below this (GFW: 2 kn). */
  maxMedianSpeedKn: 2,
  /** The encounter's mean position must be at least this far from every port (GFW: 10 km). */
  minPortDistanceM: 10_000,
  /** Runs of one pair closer than this in time are merged into one encounter (GFW min_hours_between_encounters 4). */
  mergeGapH: 4,
  /** Tumen difference: a run is broken only by a slot where BOTH vessels have a resampled point and are
   *  apart; slots where one of them has none (a reception hole, e.g. satellite-only coverage) are bridged
   *  for up to this long. GFW breaks at every missing slot and relies on merging. */
  maxRunHoleH: 2,
  /** A run needs at least this many together-slots (Tumen: holes may make 2 h out of few points). */
  minPoints: 4,
  /** Two vessels that both declare this AIS ship type (30, fishing) are not an encounter: pair trawlers tow
   *  one net between them a few hundred metres apart for hours (GFW's encounters involve a carrier or bunker). */
  fishingShipType: 30,
} as const;

/** Loitering (one vessel slow at sea: a possible transfer with a partner that does not transmit). */
export const LOITERING_PARAMS = {
  /** Loitering while speed stays below this (GFW loitering events: average < 2 kn). */
  maxSpeedKn: 2,
  /** Minimum duration (GFW loitering events: 2 h; transshipment studies use 4 h — set 4 for those). */
  minDurationH: 2,
  /** Must be at least this far from shore (GFW: 20 nm). */
  minShoreDistanceNm: 20,
  /** ... and this far from every port (Tumen: "not in port", same radius as encounters). */
  minPortDistanceM: 10_000,
  /** A silence longer than this ends the run: a dark period is a gap, not loitering (Tumen; = GFW raw gap 6 h). */
  maxGapH: 6,
  /** A single fast fix inside a slow run (a GNSS jump or a brief manoeuvre) does not end it as long as the
   *  run's mean speed stays below maxSpeedKn; this many consecutive fast fixes do (Tumen choice). */
  maxConsecutiveFastPoints: 2,
  /** A run needs at least this many slow positions: two reports hours apart are one step, not a stay
   *  (Tumen; thinly received fishing boats at 1–2 kn otherwise loiter on two fixes). */
  minPoints: 3,
  /** Fishing vessels working their gear (trawling, setting lines at 1–2 kn for hours) are not loitering:
   *  GFW computes loitering for carriers (reefers, tankers, cargo), never for fishing vessels. Tumen keeps
   *  every other ship type (a tanker waiting at sea for a dark partner is the case) and drops a slow run of
   *  a vessel whose static reports say fishing, or most of whose positions in the run say "engaged in
   *  fishing" (Class A nav status 7). A fishing vessel heard only without statics and status is not
   *  recognised (docs/events.md). */
  excludeFishing: true as boolean,
  /** AIS ship type "fishing" (ITU-R M.1371, type of ship and cargo 30). */
  fishingShipType: 30,
  /** AIS navigational status "engaged in fishing". */
  fishingNavStatus: 7,
  /** Share of a run's positions broadcasting status 7 that makes it fishing. */
  fishingStatusMinShare: 0.5,
} as const;

/** Spoofing (implausible movement, teleports that return, positions on land, fabricated tracks). */
export const SPOOFING_PARAMS = {
  /** An off-track segment (a parallel segment by SEGMENT_PARAMS reachability, GFW gpsdio-segment) that the
   *  main track resumes from afterwards is "teleport and return" when it has at least this many positions —
   *  persistence, so a single glitch (one point, then back) never qualifies (Tumen). */
  minOffTrackPoints: 3,
  /** ...and its first position lies at least this far from the main track's last one (Tumen; well beyond
   *  GNSS error and the segmenter's noise distance). */
  minOffTrackDistanceM: 20_000,
  /** Consecutive positions on land (Natural Earth 1:50m) needed for a "positions on land" episode (Tumen). */
  minOnLandPoints: 3,
  /** ...spanning at least this long (Tumen). */
  minOnLandDurationH: 0.25,
  /** Positions within this of a port are never "on land" (coarse coastlines put berths inland). */
  portToleranceM: 5_000,
  /** Fabricated track: at least this many consecutive steps whose implied speed and bearing repeat within
   *  the tolerances below — a machine-made track; real GNSS fixes always jitter (Tumen; honest simulated
   *  and real tracks stay below ~5 such steps, a fabricated one runs to hundreds). */
  regularityMinSteps: 20,
  regularSpeedToleranceKn: 0.1,
  regularBearingToleranceDeg: 0.1,
  /** Reception geometry (src/detectors/station-coverage.ts): coastal-station coverage is learned on cells of
   *  this size (Tumen)... */
  coverageCellDeg: 0.1,
  /** ...a station covers a cell (or its 8 neighbours) once it heard this many distinct vessels there, so one
   *  ship's fabricated positions never teach a far station to cover the place they claim (Tumen). */
  minShipsPerCell: 3,
  /** A report is out of place when other stations cover the claimed place, none of the stations that heard
   *  it does, and none of those has any coverage within this distance of it (Tumen; well beyond the
   *  ragged edge of a VHF station's range, well below the 100+ km a fabricated anchorage usually lies from
   *  the real ship) — GFW names receiver-range checks without publishing one. */
  minOutsideKm: 40,
  /** An out-of-place episode needs this many consecutive out-of-place reports (reports judged consistent
   *  end it; satellite or station-less reports neither count nor end it)... */
  minOutOfPlacePoints: 6,
  /** ...spanning at least this long (Tumen: persistence, so occasional long-range propagation of one or
   *  two reports — tropospheric ducting — is never spoofing). */
  minOutOfPlaceDurationH: 1,
  /** Silent covering station: a cell's heard shares are measured once it has this many Class A reports
   *  (Tumen)... */
  minClassAReportsPerCell: 20,
  /** ...a station covers a place well when it heard at least this share of the Class A reports in the
   *  claimed cell and in each measured neighbour, the judged ship's own reports left out, counting only the
   *  reports claimed while it was on the air (Tumen: well inside its range, not at the ragged edge;
   *  leave-one-out, so a long claim cannot talk the share down; an outage is no measure of reach)... */
  minCoveringHeardShare: 0.6,
  /** ...and heard at least `minShipHeardShare` of the reports of at least this share of the
   *  `nearestShipsForShare` other Class A ships whose mean place in the claimed cell (or a neighbour) lies
   *  nearest the claim, counting ships with `minShipReportsForShare`+ reports there and at least
   *  `minShipsPerCell` of them (Tumen: reception is a place — where a station's range edge runs through the
   *  cell, the reports it misses are whole ships, those moored on the far quays, not a coin per report; a
   *  ship in its range is heard at about its report share, ≥ 0.6 here)... */
  minCoveringShipShare: 0.95,
  minShipHeardShare: 0.3,
  minShipReportsForShare: 10,
  nearestShipsForShare: 5,
  /** ...measured on the first this many Class A ships of each cell. */
  maxShipsTrackedPerCell: 32,
  /** ...and a ship's consecutive Class A reports claimed there, none heard by that station in hours it was
   *  up (heard in the hour before, of and after each report), are spoofing when the chance of missing them
   *  all, Π(1 − share), is at most this (Tumen; with the minimum points and duration above). */
  maxSilentStationProbability: 1e-9,
  /** ...not counting the hours in which more stations that cover the place as well heard the ship than
   *  stayed silent, each at least this fraction of its share of that hour's reports: the ship was inside
   *  their reach, where it says it is, and the silent stations' range edge runs between it and its
   *  neighbours (Tumen: reception geometry read by majority, hour by hour — a ship broadcasting a fabricated
   *  place from elsewhere keeps those stations only while its real course stays in their reach). */
  minCorroboratingHeardFraction: 0.5,
} as const;

/** Shared MMSI (two physical ships transmitting one MMSI at the same time). */
export const SHARED_MMSI_PARAMS = {
  /** Each of the two segments needs this many points (GFW drops < 2-point noise segments; Tumen 3). */
  minPointsPerSegment: 3,
  /** Reports must alternate between the segments at least this many times — interleaving, not a one-off
   *  teleport (Tumen). */
  minSwitches: 4,
  /** The segments must be at least this far apart when interleaving (Tumen). */
  minSeparationM: 10_000,
} as const;

/** Identity changes from static reports (AIS types 5, 19, 24) and the MMSI itself. */
export const IDENTITY_CHANGE_PARAMS = {
  /** A new value must be reported this many times in a row (no old value between) before it counts; the
   *  change keeps the time of its first report (Tumen: one garbled report that passed the checksum made a
   *  name change on real captures — issue 8; at 1 the event says `weak: true`). */
  minConfirmingReports: 2,
  /** A change on one MMSI is held this long: if the old value comes back meanwhile, the MMSI is carrying two
   *  ships that alternate (a shared MMSI) and neither change is reported (Tumen). */
  holdoffH: 12,
  /** Report IMO numbers whose check digit is wrong (IMO Res. A.1117(30)) as identity_change events. */
  reportInvalidImo: true,
  /** Report ship MMSIs whose MID the ITU has not allocated as identity_change events. */
  reportUnallocatedMid: true,
  /** At the end of the data, link an MMSI that vanished (silent since) to an MMSI first heard later that
   *  never broadcast an IMO, when the new one appears within reach: `mmsi_handover_inferred` (Tumen;
   *  an analyst's heuristic — weaker than an IMO match, see docs/events.md). */
  inferMmsiHandover: true,
  /** ...the old MMSI silent at least this long before the new one's first position (Tumen)... */
  handoverMinSilenceH: 6,
  /** ...and at most this long (Tumen)... */
  handoverMaxSilenceH: 72,
  /** ...reachable at no more than this speed (Tumen; merchant service speed)... */
  handoverMaxSpeedKn: 15,
  /** ...and the new MMSI first heard at least this long after the data begins (a ship merely not yet
   *  heard at the start is not new; Tumen). */
  handoverNewAfterH: 24,
  /** ...and never across a hole in the store's coverage: nobody heard within ~1° of the old last or new
   *  first position for longer than this during the silence (Tumen: a hole between two capture files
   *  paired a harbour ferry with a yacht — issue 8; satellite revisits leave holes of a few hours). */
  handoverMaxCoverageHoleH: 6,
  /** ...and only for an old MMSI heard at least this many times: one glimpsed twice at the edge of
   *  coverage has no track to end, so its vanishing says nothing (Tumen: two fishing boats paired on an
   *  unseen world — issue 8). */
  handoverMinOldPositions: 10,
} as const;

/** Draught changes (loaded or discharged, above all across a dark period). */
export const DRAUGHT_CHANGE_PARAMS = {
  /** Consecutive draught reports differing by at least this much are an event (Tumen; commercial platforms
   *  use 0.5–1 m — draught is typed in by the crew, so smaller edits are noise). */
  minChangeM: 0.5,
  /** The new draught must be reported this many times (no other value between) before it counts; the
   *  change keeps the time of its first report (Tumen: one corrupt report made a 6.0 → 20.4 m change). */
  minConfirmingReports: 2,
  /** A change is held this long: if the old draught comes back meanwhile, two ships share the MMSI (or the
   *  crew corrected a typo) and neither change is reported (Tumen). */
  holdoffH: 12,
  /** A change is "across a gap" when positions fell silent at least this long between the last old-value
   *  report and the first new-value report (GFW raw gap 6 h). */
  gapMinH: 6,
} as const;

/** Spatial partitions of the multi-vessel detectors that pair vessels by place (encounters): the world is cut
 *  into squares, each square hashed to one of the cells; a cell runs the detector on the positions in its
 *  squares plus a halo around them and reports the events whose position lies in its own squares — a pair
 *  across a border is seen whole by the cell holding its mean position and reported by that cell only. */
export const SPATIAL_CELL_PARAMS = {
  /** Side of a square in degrees: much wider than the halo, so most positions feed one cell only. */
  cellDeg: 1,
  /** Positions this close to a cell's squares are fed to it too. An encounter's points stay within it of
   *  its mean position when the pair drifts at most 60 km over the run (2 kn median for 16 h) — beyond
   *  that a cell sees a run cut short, and the event may differ from one process's. */
  haloM: 60_000,
} as const;
