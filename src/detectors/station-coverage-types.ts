// The questions the spoofing detector asks of the receivers' learned coverage, the answers, and the snapshot
// of what was learned (src/detectors/station-coverage.ts holds the learning and the rules).

export interface CoverageVerdict {
  /** Stations that heard the report. */
  heardBy: string[];
  /** Stations that cover the claimed place (heard ≥ minShipsPerCell ships around it) but not this report. */
  coveringStations: string[];
  /** Distance from the claimed place to the nearest cell any hearing station covers (km; null: none within
   *  the search radius). */
  nearestHeardCoverageKm: number | null;
}

/** A station that covers the claimed place well and did not hear this report (in `corroborating`: one that
 *  covers it as well and did hear it). */
export interface SilentStation {
  station: string;
  /** The lowest share of Class A reports it heard in the claimed cell and its measured neighbours. */
  heardShare: number;
  /** Share of the other Class A ships lying nearest the claimed place of which it heard at least
   *  `minShipHeardShare` of their reports; null when too few are measured there. */
  shipShare: number | null;
}

/** What the receivers say about one report's claimed position. */
export type CoverageJudgement =
  /** Heard only by stations whose coverage lies far from the claimed place, while others cover it. */
  | { kind: 'far'; verdict: CoverageVerdict }
  /** Heard by a station that reaches the place, but not by stations that hear nearly every Class A report
   *  claimed there (Class A reports only); `corroborating`: the hearing stations that cover the place as well. */
  | { kind: 'silent'; heardBy: string[]; silent: SilentStation[]; corroborating: SilentStation[] }
  /** A Class A report heard by a station that reaches the place, claimed in a cell with too few Class A
   *  reports of other ships to measure any station's share there: nothing can be said of who missed it. */
  | { kind: 'unmeasured' };

export interface StationCoverageQuery {
  /** null: the report is consistent with the receivers, or nothing can be said (no station, unknown place).
   *  `classA`: the report is a Class A one (status known), which the heard shares are learned on. */
  judge(lat: number, lon: number, stations: readonly string[], classA?: boolean, mmsi?: number): CoverageJudgement | null;
  /** The station was heard (any ship, anywhere) in each of the hours `hour - 1`, `hour`, `hour + 1` (epoch
   *  hours): it was up around then, so its silence means something. */
  stationUpAround(station: string, hour: number): boolean;
  /** Reports the station heard (any ship, anywhere) in the `hours` hours from epoch hour `hour`. */
  stationReports(station: string, hour: number, hours: number): number;
  /** The station heard any ship in the place's cell or the cells around it (its reach, however thin the
   *  traffic: one ship heard there is enough). */
  reachesNear(station: string, lat: number, lon: number): boolean;
}

export interface StationCoverageState {
  /** [cell, station, distinct MMSIs heard there (up to the threshold), Class A reports it heard there, of
   *  each tracked ship, Class A reports claimed there while it was up, of each tracked ship (the last two
   *  absent in old snapshots: every report counted)]. */
  cells: Array<[number, string, number[], number?, number[]?, number?, number[]?]>;
  /** [cell, Class A reports heard there by any station]. */
  classA?: Array<[number, number]>;
  /** [cell, the first Class A MMSIs claimed there, their Class A reports there, the sums of their latitudes
   *  and longitudes there]; what each station heard of them is the cells' fifth field. Absent in old
   *  snapshots. */
  ships?: Array<[number, number[], number[], number[], number[]]>;
  /** Station names, and [station index × 2^20 + hour, reports] it heard. */
  stations?: string[];
  stationHours?: Array<[number, number]>;
}
