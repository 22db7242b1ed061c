// Every simulator parameter, units in the names, with the reference each follows. docs/simulator.md
// states the same numbers for users and scorers — keep both true.

export const REPORTING = {
  /** Class A underway report interval. ITU-R M.1371 Table 1: 2–10 s; thinned to keep volume sane. */
  classAUnderwayS: 120,
  /** Class A at anchor / moored. ITU: 3 min; thinned. */
  classAStoppedS: 360,
  /** Class B underway (ITU "CS" Class B: 30 s; thinned). */
  classBUnderwayS: 180,
  /** Class B below 2 kn (ITU: 3 min; thinned). */
  classBStoppedS: 360,
  /** Type 5 and type 24 A/B static reports (ITU: 6 min; thinned). */
  staticS: 1800,
  /** ± jitter on every interval. */
  jitterS: 10,
} as const;

export const RECEPTION = {
  /** Probability that one coastal station in range hears one report (Tumen choice: slot collisions, fading). */
  stationHearProb: 0.92,
  /** Mean interval between satellite passes (LEO AIS satellites orbit in ~90–100 min). */
  satPassIntervalMin: 90,
  /** ± jitter of each pass time. */
  satPassJitterMin: 15,
  /** A pass hears the region for this long. */
  satPassDurationMin: 12,
  /** Share of transmitting ships in view of one pass. */
  satInViewProb: 0.5,
  /** Probability that a report of a ship in view is decoded (satellite slot collisions). */
  satHearProb: 0.5,
  /** Satellite lines are delivered (written) this late after their reception time. */
  satDelayMinMin: 30,
  satDelayMaxMin: 240,
  /** Share of lines with one payload character corrupted (bad checksum). */
  corruptLineProb: 0.001,
} as const;

/** Satellite coverage `thin` (variation): a pass every ~6 h (a single polar orbiter, or a thin commercial
 *  feed), fewer ships in view and fewer of their reports decoded. */
export const SATELLITE_THIN = {
  satPassIntervalMin: 360,
  satPassJitterMin: 60,
  satPassDurationMin: 10,
  satInViewProb: 0.5,
  satHearProb: 0.3,
} as const;

/**
 * Satellite saturation (variation): a satellite hears one SOTDMA slot map per footprint; when more ships
 * share it, their messages collide and fewer are decoded (ESA/exactEarth: detection probability falls in
 * dense areas). Tumen stand-in: per pass and 1° cell, the hearing probability is multiplied by
 * min(1, capacityShipsPerCell / ships in the cell).
 */
export const SATURATION = {
  cellDeg: 1,
  capacityShipsPerCell: 40,
} as const;

/** Receivers `random` (variation): the layout is drawn per seed from coastal sites (stations.ts). */
export const RECEIVERS_RANDOM = {
  /** Share of the candidate coastal sites that get a station. */
  siteProb: 0.6,
  rangeNm: [20, 70] as const,
  hearProb: [0.75, 0.97] as const,
  /** Outages per station (uniform count), each this long. */
  outagesPerStation: [0, 3] as const,
  outageH: [2, 36] as const,
} as const;

/** Receivers `sparse` (variation): drawn like `random`, from fewer sites, with shorter ranges and more,
 *  longer outages — a thin volunteer network, nothing like the fixed layout the detectors were tuned on. */
export const RECEIVERS_SPARSE = {
  siteProb: 0.35,
  rangeNm: [15, 40] as const,
  hearProb: [0.6, 0.9] as const,
  outagesPerStation: [1, 4] as const,
  outageH: [4, 48] as const,
} as const;

/** Receiver changes (variation `receiverChanges`): the layout changes over the world's time, whatever layout
 *  it is (fixed, random or sparse). Volunteer and national networks do this: a station goes off the air for
 *  days (power, a mast, a feed that stops uploading), another is commissioned or retired part-way through a
 *  capture. Tumen stand-in, per station, on its own random stream: */
export const RECEIVER_CHANGES = {
  /** Chance that a station is down for days once (on top of any outages of its layout)... */
  longOutageProb: 0.35,
  /** ...for this long, starting anywhere in the world. */
  longOutageH: [24, 72] as const,
  /** Chance that a station comes on the air only part-way through the world (down from the start)... */
  lateStartProb: 0.15,
  /** ...chance that it goes off the air for good part-way through (down to the end)... */
  earlyEndProb: 0.15,
  /** ...at a moment drawn in this share of the world's span (so neither is trivial). */
  changeAtShare: [0.25, 0.75] as const,
} as const;

/** Berths `spread` (variation): quays across the port's extent and an outer anchorage (harbour.ts). */
export const HARBOUR = {
  /** Share of Class A calls that wait at the outer anchorage before berthing. */
  waitProb: 0.5,
  anchorWaitH: [2, 30] as const,
  /** Anchoring spot within ± this of the anchorage centre (the anchorage is ≥ 1.2 km off the coast). */
  anchorSpreadM: 500,
  /** Port area for the truth: within entry of a quay, the anchorage or a route between them; exit beyond exit. */
  areaEntryM: 1500,
  areaExitM: 2500,
} as const;

/** Moorings `slots` (variation, default): ships at one berth lie at distinct slots (src/sim/moorings.ts). A
 *  general-cargo or tanker berth is 150–250 m long per ship (PIANC WG 158, berth length ≈ ship length + 10–15 %
 *  each side); further ships lie at the next berth along the quay, or in tiers off it (rafted or at buoys). */
export const MOORING = {
  /** Distance between slots along the quay line (perpendicular to the approach). */
  alongSpacingM: 250,
  /** Slots along the quay: 0, ±1 … ±alongHalfSlots. */
  alongHalfSlots: 3,
  /** Distance between tiers, seaward (back along the approach). */
  tierSpacingM: 150,
  tiers: 5,
} as const;

/** Evaders `varied` (variation). */
export const VARIED = {
  /** Near-shore switch-off: distance from shore (sanctions analysts: darkness near shore is telling). */
  nearShoreDarkNm: [20, 30] as const,
  /** Far-out switch-off: at least this far from shore (where only satellites hear). */
  farDarkNm: 50,
  /** Share of dark periods that start near shore (the rest far out when the route goes that far). */
  nearShoreShare: 0.5,
  /** Stationary spoofer: anchored fabricated position; the real ship sails to this port meanwhile. */
  spoofRealCallStayH: [6, 16] as const,
  spoofAnchorBeforeH: [4, 12] as const,
  /** Identity changers: dark between identities (shorter than classic, often under the 6 h gap). */
  identityDarkH: [2, 36] as const,
  /** Share of fishing boats that work their gear at 1–2 kn (gillnet/longline hauling, pair trawling). */
  slowFishingShare: 0.5,
  slowFishingKn: [1, 2] as const,
} as const;

export const MOTION = {
  /** Speed inside the last leg between a port's approach node and its berth. */
  portLegSpeedKn: 6,
  /** Background ships: service speeds. */
  cargoSpeedKn: [11, 15] as const,
  tankerSpeedKn: [10, 13] as const,
  ferrySpeedKn: [15, 19] as const,
  /** Fishing boats trawl at this speed (never below 2 kn at sea: no accidental loitering). */
  trawlSpeedKn: [2.5, 4.5] as const,
  /** Fishing boats sail to and from the grounds at this speed. */
  fishingTransitSpeedKn: [8, 10] as const,
  /** Fishing boats stay within this distance of the ground centre. */
  fishingRadiusM: 10_000,
  /** Reported position noise (1 sigma), GNSS-like. */
  positionNoiseM: 4,
  /** Reported speed noise (1 sigma) underway. */
  speedNoiseKn: 0.15,
  /** Reported course noise (1 sigma) underway. */
  courseNoiseDeg: 1.5,
} as const;

export const STAYS = {
  cargoPortStayH: [8, 36] as const,
  ferryPortStayH: [2, 5] as const,
  fishingHomeStayH: [6, 24] as const,
  fishingTripH: [18, 60] as const,
} as const;

export const GLITCH = {
  /** Probability per underway report at sea (≥ 20 km from a port) of one GNSS glitch. */
  probPerReport: 2e-4,
  jumpKm: [50, 150] as const,
  minPortDistanceM: 20_000,
  minSpeedKn: 2,
} as const;

/** Truth thresholds (docs/simulator.md "Truth semantics"), the GFW definitions the detectors follow. */
export const TRUTH = {
  /** Raw gap (GFW pipe-gaps: 6 h). */
  minGapH: 6,
  /** Port visit entry / exit radii (GFW anchorages: 3 km / 4 km). */
  portEntryM: 3000,
  portExitM: 4000,
  /** A stop (GFW: below 0.2 kn). */
  portStopKn: 0.2,
  /** Draught differences below this are not changes. */
  minDraughtChangeM: 0.5,
  /** Encounter distance (GFW: 500 m). */
  encounterMaxM: 500,
} as const;

export const SCRIPTS = {
  /** Scripted dark periods go dark this far along the route out of the departure port. */
  darkAfterKm: [40, 60] as const,
  /** …and reappear this far out of the port they called at. */
  reappearAfterKm: [60, 100] as const,
  rajinStayH: [18, 36] as const,
  russianDarkStayH: [12, 24] as const,
  russianVisibleStayH: [12, 36] as const,
  shuttleSpeedKn: [11, 13] as const,
  tankerVostochnyStayH: [24, 48] as const,
  tankerDeliveryStayH: [24, 48] as const,
  tankerLightDraughtM: [3.5, 4.5] as const,
  tankerLoadedDraughtM: [7.5, 8.5] as const,
  encounterH: [3, 8] as const,
  encounterSeparationM: [50, 200] as const,
  // Drift × duration stays under 5 nm, so a meeting that starts ≥ 26 nm off the coast stays ≥ 20 nm off.
  encounterDriftKn: [0.2, 0.6] as const,
  loiterH: [3, 10] as const,
  loiterDriftKn: [0.2, 0.5] as const,
  spoofH: [8, 16] as const,
  spoofJumpKm: [120, 250] as const,
  spoofSpeedKn: 11,
  identityDarkH: [12, 36] as const,
  /** Scripted share of `--vessels` per role (at least one each when it fits). */
  share: {
    arms_shuttle: 0.015,
    dprk_tanker: 0.015,
    sts_pair: 0.01,
    sts_one_sided: 0.005,
    loiterer: 0.005,
    spoofer: 0.005,
    identity_changer: 0.005,
    shared_mmsi: 0.005,
  },
} as const;
