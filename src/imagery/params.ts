// Every imagery-fusion parameter, units in every name, with the reference it follows and where Tumen
// departs from it. References: GFW = Paolo et al. 2024 (Nature, "Satellite mapping reveals extensive
// industrial activity at sea") and its SAR–AIS matching; Skylight = Allen Institute for AI's Skylight
// correlation service (ignores AIS points more than 1.5 km from a detection).

export const FUSION_PARAMS = {
  /** AIS reports this far before/after the acquisition are read to estimate each vessel's position there.
   *  GFW looks at the nearest report before and after within its raster extent (up to ~12 h); Tumen uses
   *  6 h: beyond that the extrapolated area covers most scenes and the position term no longer discriminates. */
  windowH: 6,
  /** Position error of a report itself plus image geolocation error (1σ): AIS GNSS ~10 m, Sentinel-1 GRD
   *  geolocation < 10 m, but detections are blob centroids of a 100–300 m ship: Tumen 150 m. */
  baseSigmaM: 150,
  /** Dead-reckoning error grows with the distance sailed since (or until) the report: σ += this share of
   *  it. GFW's empirical rasters spread ~10–30 % of distance sailed after 1 h; Tumen 0.25 (bench/imagery.ts). */
  sigmaPerDistance: 0.25,
  /** ... plus this much per hour even at rest (swinging at anchor, drifting, unknown manoeuvres). */
  sigmaPerHourM: 300,
  /** Between a report before and one after, linear interpolation error is bounded by the nearer report:
   *  σ uses the shorter of the two time gaps (GFW multiplies the before and after rasters, which has the
   *  same effect: the closer report dominates). Beyond this the nearer report is dead-reckoned, no farther from
   *  it than the other report's distance plus what that report's speed covers in the time to it (estimate.ts
   *  reachFromM: a ship moored there stayed until it left). */
  interpolateMaxGapH: 6,
  /** A vessel that sailed farther between two reports than the straight line between them (reported speed ×
   *  time ≫ distance: a fishing boat working a patch, a ship turning) can be off that line by up to
   *  ½·√(L² − D²) (estimate.ts). The slower of the two reported speeds is trusted to 10 % (current, leeway,
   *  speed rounding: a ship sailing straight gets no widening), and half the bound is taken as 1σ (the
   *  bound is the extreme, a single loop; GFW's rasters for slow vessels are likewise wide for the
   *  distance made good). Without it a boat trawling back and forth is "unexplained" 1–3 km off its line
   *  and called dark (bench/evidence-quality.ts, the dark false positives at the fishing grounds). */
  meanderSpeedTolerance: 0.1,
  meanderSigmaShare: 0.5,
  /** Gate: a vessel is a candidate only within max(gateM, gateSigmas·σ) of the detection. Skylight ignores
   *  AIS > 1.5 km away; Tumen keeps 1.5 km for fresh reports and widens it for extrapolated ones. */
  gateM: 1500,
  gateSigmas: 3,
  /** Length agreement: relative 1σ error of an image length estimate (Sentinel-1 length regression: ~15–20 %
   *  error, GFW) plus an absolute term for small boats (a few pixels at 10–20 m resolution). */
  lengthRelSigma: 0.2,
  lengthAbsSigmaM: 15,
  /** Length term when either length is unknown: neutral, neither favoured nor penalised vs an agreeing one
   *  at ~1σ (exp(-0.5) ≈ 0.6). */
  lengthUnknownTerm: 0.6,
  /** A pair is assigned only above this score (position term × length term). 0.02 ≈ a detection 2.8σ away
   *  with a perfect length, or 2σ away with a length 1.4σ off: beyond that, chance coincidence in a busy
   *  port is likelier than the vessel. Chosen on the simulated worlds (bench/imagery.ts: accuracy is flat
   *  from 0.005 to 0.05 and the dark flag loses precision below 0.01). GFW's published matching keeps
   *  pairs above a similar likelihood threshold. */
  minScore: 0.02,
  /** An unmatched detection is called dark only if the image detector's presence score is at least this
   *  (null presence counts as real): SAR false alarms (waves, rocks, wind farms) carry low scores. 0.6 is
   *  Tumen's choice, set on the simulator's score model (real 0.6–1.0, false alarms 0.05–0.65): with a real
   *  detector, set it to that detector's operating point. Detections
   *  shorter than `minDarkLengthM` are not called dark either (GFW excludes < 15 m: below SAR resolution). */
  minDarkPresence: 0.6,
  minDarkLengthM: 15,
  /** Near the operating point a detector's score is close to a coin toss (real ships and clutter overlap
   *  there). An unexplained detection scoring below minDarkPresence + this band is called dark only when the
   *  silent vessels explain it better than a false alarm does (fusion.ts beatsFalseAlarm): above the band the
   *  score alone stands. Tumen's choice, against the dark false positives of bench/evidence-quality.ts. */
  marginalPresenceBand: 0.1,
  /** The image detector's false alarms per km² per scene (waves, rocks, buoys, wind farms): the rate a
   *  marginal detection's silent-ship evidence must beat (fusion.ts beatsFalseAlarm: the density of silent
   *  ships of its size there against this). A CFAR detector is set by its false-alarm probability per pixel,
   *  1e-8–1e-9 for ship detection on Sentinel-1 (e.g. the JRC's SUMO); at 10⁴ pixels of 10 m per km² that is
   *  1e-4–1e-5 per km² before discrimination: SAR 5e-5. Optical (3 m pixels, ~10⁵ per km²; cloud edges,
   *  wakes, whitecaps) ~10× more: 6e-4. The simulator's false alarms (0.8 per 17,700 km² SAR scene, 0.3 per
   *  490 km² optical scene: 4.5e-5 and 6e-4) fall in these ranges. With a real detector, set its measured rate. */
  falseAlarmsPerKm2: { sar: 5e-5, optical: 6e-4 },
  /** Clutter that reaches a detector's operating point is small: sea spikes, buoys, rocks, wakes — a few pixels
   *  (length spread evenly from minDarkLengthM to this). Longer detections are not explained by a false alarm,
   *  so a marginal one of ship size is dark whenever a silent vessel of its size could be there. 60 m is the
   *  simulator's clutter (10–60 m) and Tumen's default; with a real detector, set the length below which its
   *  false alarms fall (SAR azimuth ambiguities of large ships, wind turbines and platforms are larger: a
   *  detector that reports them needs a higher value). */
  falseAlarmMaxLengthM: 60,
  /** Dark candidates: a vessel silent at acquisition whose last report before and first after are both
   *  reachable at ≤ this speed (GFW's gap reachability uses ~ the vessel's max plausible speed). */
  darkCandidateMaxSpeedKn: 20,
  /** How far back/forward to look for a dark candidate's surrounding reports (GFW gaps: ≤ 14 days). */
  darkCandidateWindowH: 14 * 24,
  /** A vessel is "silent" at the acquisition if it has no report within this of it on either side: the
   *  gap around it is then ≥ 6 h, GFW's minimum AIS gap (shorter silences are satellite revisit). A vessel
   *  heard within it on one side only is a dark candidate too; heard again on the other, its silence shows no switch-off
   *  (fusion.ts heardNearby: its AIS estimate can miss the spot, dead-reckoned past a berth or a turn). */
  silentMinH: 3,
  /** A ship matched to its own track while inside an AIS gap the gap detector called intentional is dark
   *  (intentional.ts), unless the acquisition lies within this of the gap's ends: the last report heard
   *  and the first heard again bound the silence only to within a reporting interval or two (class A
   *  at anchor every 3 min, class B every 3 min, reception misses), and a quarter hour covers that. */
  intentionalGapEdgeH: 0.25,
  /** A ship seen while in an AIS gap is not called dark when the gap detector's reception evidence gives a
   *  transmitting ship at least this probability of going unheard that long (the other ships there went
   *  unheard too: an outage, a coverage hole; detectors/gap.ts `unheard_probability`). The gap detector
   *  calls a gap intentional only at ≤ 0.001; between the two the image stays evidence of darkness. 0.1:
   *  one chance in ten that reception alone explains the silence is too much doubt to call a ship dark
   *  (Tumen's choice; GFW counts only gaps in well-received areas as possible disabling). */
  receptionExplainsMinUnheardProbability: 0.1,
  /** ... and only when the image shows the ship within this of the gap's path (its two ends joined), where
   *  the reception was judged: the gap detector reads reception per 1° cell (~100 km), so a ship seen half
   *  a cell off the path was in sea the judgment did not cover (Tumen). */
  receptionPathKm: 50,
  /** ... and only when that path crosses less than this much land: a ship cannot sail across a landmass, and
   *  going round one as long as this takes it at least half that length off the line (a roughly round
   *  landmass), beyond receptionPathKm, so reception judged along the line is about a sea it never sailed (a
   *  DPRK tanker silent from off Vostochny to off Hwanghae: 829 km drawn across 454 km of North Korea). A line
   *  clipping a headland or a peninsula of a gulf (6–22 km on unseen dev worlds 15–35) stays within reach
   *  of the way the ship went. Twice receptionPathKm. */
  receptionPathMaxLandKm: 100,
  /** A vessel more than this share of whose gaps not called intentional are explained by reception (above)
   *  is one the stations and satellites often miss where it sails (a small boat at the edge of coverage,
   *  a weak Class B set): its other such gaps are taken as explained too (reception.ts explainedGaps). The
   *  gap detector judges each gap on the ships around, hour by hour as independent draws; a ship heard less
   *  than those ships goes unheard far more often than that product says (unseen world seed 7: Korean
   *  coastal boats with 4–7 gaps a week, most judged 0.1–1, the rest 0.004–0.07, each one's sighting
   *  called dark). More than half: the vessel's own record must outweigh the area's judgment (Tumen). */
  ownRecordExplainedShareMin: 0.5,
  /** An unassigned dark sighting is explained by reception when any of its candidates scoring at least this
   *  share of the best-placed one's (spoofers aside: length only, no position; unseen seed 38) was then in a gap reception explains (seen near its path): that ship, transmitting
   *  but unheard, is about as likely to be the one imaged as the top candidate, so the image does not show a
   *  ship with AIS off; it is named by its best-placed candidate all the same (the likelier ship: unseen seed
   *  36, a ship moored on the spot 10 h before outranked the explaining boat 4–7 km off). Half: within a factor of two of the best (Tumen;
   *  held-out unseen seeds 10 and 12: two boats off Ulsan, top candidate another silent boat).
   *  The same share applies to the best-placed candidate (spoofers aside) when it was unheard since the AIS
   *  data began (no report before the acquisition, the data starting less than darkCandidateWindowH before
   *  it; fusion.ts) and first heard within gateM of the sighting (Skylight's 1.5 km: image and report agree
   *  it lay there; unseen seed 8 lost a true dark sighting to a ship first heard 498 km away) — the gate grown by sigmaPerHourM per hour between the image and the first report (the at-rest σ's growth: swinging, drifting, shifting berth; unseen seed 36: a boat imaged on day 1, first heard 14.6 h later 5.2 km off, was called dark) — and every candidate heard before (silent in a gap) scores under this share of its own
   *  (a ship that may have switched off, about as likely the one imaged, keeps the sighting dark: unseen
   *  seeds 30–31 and classic seed 1 lost 10 true dark sightings without it): it has no AIS
   *  gap — GFW defines a gap between two consecutive positions of a vessel, and a silence with no report
   *  before it may predate the data — so the image shows no switch-off; the sighting is named by it, not
   *  dark (unseen seed 32: 9 of 10 false dark sightings, ships at anchor off Vostochny on the first day,
   *  first heard 13–36 h later). Spoofers are left out: their fabricated track is evidence of its own.
   *  The same share, third: a candidate heard within silentMinH of the acquisition on one side (transmitting
   *  then) scoring at least this share of the best-placed one's makes the sighting no evidence of a
   *  switch-off; it is named by the best placed (fusion.ts heardNearby; unseen dev seeds 51–52). */
  explainingCandidateMinShare: 0.5,
  /** A silent candidate whose report either side of the acquisition was at rest (speed over ground at most
   *  this, knots: at anchor or moored; AIS navigational status aside, GFW and most anchorage studies take
   *  < 0.5–1 kn as stationary) may have stayed there all along: besides the "it sailed on" disc (10 kn in the
   *  dark, candidates.ts), its place is scored as a Gaussian around that report with the at-rest σ (baseSigmaM
   *  + gateM + sigmaPerHourM per hour: swinging, dragging, shifting berth), weighted by darkAtRestStayShare —
   *  the better of the two accounts counts. GFW's position rasters are per speed: a vessel at rest has a
   *  tight one. 0.5: stayed or left, no prior either way (Tumen). Without it a boat seen on the spot where it
   *  was moored 10 h before ranks with any silent boat within 50 km (unseen seed 39: three ships at Ulsan
   *  named as one). */
  darkAtRestMaxKn: 1,
  darkAtRestStayShare: 0.5,
  /** Candidates kept per detection. */
  maxCandidates: 5,
} as const;

export type FusionParams = typeof FUSION_PARAMS;
