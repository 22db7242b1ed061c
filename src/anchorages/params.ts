// Parameters for learning ports and anchorages from where ships stop (GFW anchorages pipeline,
// `anchorage_cfg.yaml`, `name_anchorages_cfg.yaml`; see /docs/events.md "Anchorages"). GFW's thresholds are
// for years of global data; Tumen scales the two that depend on how much data there is with the span of
// the data (`scaledThresholds`), so a regional store of a few days learns its ports as well as a year does.
export const ANCHORAGE_PARAMS = {
  /** Cell size: GFW uses S2 level 14 cells (~0.5 km). Tumen: latitude rows 500 m tall, each row cut into
   *  columns 500 m wide at the row's latitude — equal-area to within a few per cent, a plain integer key,
   *  no S2 library (none is a dependency here). */
  cellSizeM: 500,
  /** A stationary period: every position within this distance of the period's first one (GFW: 0.5 km). */
  stationaryRadiusM: 500,
  /** ...lasting at least this long (GFW 720 min over years): scaled, see scaledThresholds. */
  minStationaryMinAtYear: 720,
  minStationaryMinFloor: 30,
  /** ...with at least this many positions (GFW counts vessels with ≥ 200 positions overall; Tumen asks
   *  each stop for a few, so a single glitch is never a stop). */
  minStopPositions: 3,
  /** A cell counts with at least this many distinct vessels stopped in it (GFW: 20): scaled. */
  minVesselsAtYear: 20,
  minVesselsFloor: 2,
  /** Within this distance of a gazetteer port one vessel is enough: the gazetteer already says a port is
   *  there; the stop says where its quays are (Tumen; real berths lie 3.5–8 km from the WPI point). */
  gazetteerSupportRadiusM: 10_000,
  /** Qualifying cells closer than this are one anchorage group (Tumen; GFW groups by label). */
  groupDistanceM: 1_500,
  /** A group takes the name of a gazetteer port within this distance of any of its cells — curated ports
   *  of interest first, then the nearest WPI port (GFW label radius: 4 km)... */
  labelRadiusM: 4_000,
  /** ...else of the nearest within this distance (Tumen: real berths lie 3.5–5.6 km from the WPI point at
   *  Vostochny, Niigata, Qingdao, Hakata, Pohang; GFW's denser national port lists make 4 km enough). */
  labelFarRadiusM: 8_000,
  /** Unlabelled groups are named "anchorage near X" when a gazetteer port lies within this distance. */
  nearNameRadiusM: 30_000,
  /** A position within this distance of a learned cell centre, or of a gazetteer point, is inside the
   *  port area: never on land (issue 8). */
  areaCellRadiusM: 750,
  areaGazetteerRadiusM: 3_000,
} as const;

export type AnchorageParams = typeof ANCHORAGE_PARAMS;

/** GFW's 720 min and 20 vessels are for years of data; scale them linearly with the data's span (days),
 *  within [floor, GFW value]: ≤ 15 days → 30 min, 2 vessels; 90 days → 178 min, 5 vessels; a year → GFW. */
export function scaledThresholds(spanDays: number, p: AnchorageParams = ANCHORAGE_PARAMS): { minStationaryMin: number; minVessels: number } {
  const f = Math.max(0, spanDays) / 365;
  return {
    minStationaryMin: Math.round(Math.min(p.minStationaryMinAtYear, Math.max(p.minStationaryMinFloor, p.minStationaryMinAtYear * f))),
    minVessels: Math.round(Math.min(p.minVesselsAtYear, Math.max(p.minVesselsFloor, p.minVesselsAtYear * f))),
  };
}
