// Where each coastal receiver hears ships, learned from the data (tag block `s:` station names stored with
// every position; satellite receptions carry no geometry and are left out). A cell counts as covered by a
// station once the station heard at least `minShipsPerCell` distinct vessels in it — so one ship's
// fabricated positions, heard by a far station, never teach that station to cover the place it claims.
//
// The spoofing detector asks, per position: the stations that heard it — do they cover the claimed place?
// If other stations do cover it (they hear the other ships there) and none of the hearing stations has any
// coverage within `minOutsideKm`, the report came from somewhere else than it says.
//
// When a hearing station does reach the claimed place too (two stations' ranges overlap), the geometry
// alone cannot tell; then the stations that cover the place *well* speak: each station's share of the
// Class A reports it hears per cell is learned too, and a covering station that hears nearly every Class A
// report claimed there, yet none of this ship's while it was up, says the ship is not there. Class B
// (2 W, low antennas) is heard at shorter range than Class A (12.5 W), so only Class A reports teach or
// are judged by the share. Where a station's range edge runs through the cell, the reports it misses are
// whole ships (those moored on the far quays, heard only while passing the near side), not a coin per
// report: so the station must also hear a fair share of the reports of each of the other Class A ships
// lying nearest the claimed place (its ship share) — a ship it never hears is then out of place, not
// merely on the far side of its edge beside ships it never hears either. Every share counts only the reports
// claimed while the station was on the air (it heard anyone that hour or the one before): an outage is no
// measure of its reach.
import { MS_PER_HOUR } from '../geo/sphere.js';
import { CoverageGrid } from './coverage-grid.js';
import { coveredNear, nearestCoverageKm } from './coverage-nearest.js';
import { interiorShare, nearShipShare } from './coverage-shares.js';
import { othersHeard, othersTotal, othersUp, ownSlot, shipSlot, type CellShips, type CoverageParams, type CoverageTables, type StationCell } from './coverage-tables.js';
import { READINGS_PER_CELL, readCovered, sameStations, type CoveredReading } from './covered-reading.js';
import { addTo, dropHoursBefore, HOUR_BITS, HourSeries, pairsOf, wrapHour } from './hour-series.js';
import { SPOOFING_PARAMS } from './params.js';
import type { CoverageJudgement, SilentStation, StationCoverageQuery, StationCoverageState } from './station-coverage-types.js';

export type { CoverageJudgement, CoverageVerdict, SilentStation, StationCoverageQuery, StationCoverageState } from './station-coverage-types.js';

export class StationCoverage implements StationCoverageQuery {
  /** cell → station → what it heard there. */
  private readonly cells = new Map<number, Map<string, StationCell>>();
  /** cell → the stations that cover it (heard ≥ minShipsPerCell ships there): judge runs for every coastal
   *  report, and coverage only grows, so it reads these short lists instead of every station's cell. */
  private readonly covered = new Map<number, string[]>();
  /** Bumped whenever a station comes to cover a cell: the nearest-coverage cells read by `judge` hold until then. */
  private coveredVersion = 0;
  /** cell → bumped whenever the cell or a neighbour comes to be covered by a station: the covering and
   *  hearing-covers part of a judgement at the cell holds until then. */
  private readonly localVersion = new Map<number, number>();
  /** Per claimed cell, the covered-list part of the latest judgements there, one per list of hearing
   *  stations (hearing stations, covering stations, nearest hearing coverage): reports from one place by
   *  the same stations repeat it, and a place heard by two or three station lists in turn keeps each. */
  private readonly judged = new Map<number, CoveredReading[]>();
  /** cell → Class A reports heard there by any station (the share's denominator). */
  private readonly classA = new Map<number, number>();
  /** cell → its tracked Class A ships (the ship share's denominator). */
  private readonly ships = new Map<number, CellShips>();
  /** mmsi → cell × 64 + its slot there (63: not tracked) of its latest Class A report: one lookup per report. */
  private readonly slotOf = new Map<number, number>();
  /** The four tables above, as the share readers take them. */
  private readonly tables: CoverageTables = { cells: this.cells, classA: this.classA, ships: this.ships, slotOf: this.slotOf };
  /** Station index → reports per hour (is it up?). */
  private readonly stationIds = new Map<string, number>();
  private readonly hours = new Map<number, HourSeries>();
  private readonly grid: CoverageGrid;

  constructor(private readonly p: CoverageParams = SPOOFING_PARAMS, state?: StationCoverageState) {
    this.grid = new CoverageGrid(p.coverageCellDeg);
    for (const [cell, n] of state?.classA ?? []) this.classA.set(cell, n);
    for (const [cell, mmsis, reports, lat, lon] of state?.ships ?? []) this.ships.set(cell, { mmsis: [...mmsis], reports: [...reports], lat: [...lat], lon: [...lon] });
    for (const [cell, station, mmsis, classA, heardShips, classAUp, shipsUp] of state?.cells ?? []) {
      // Old snapshots: as if the station had always been up.
      this.stationsAt(cell).set(station, {
        mmsis: [...mmsis], classA: classA ?? 0, heardShips: heardShips ? [...heardShips] : null,
        classAUp: classAUp ?? this.classA.get(cell) ?? 0, shipsUp: shipsUp ? [...shipsUp] : classAUp === undefined ? [...(this.ships.get(cell)?.reports ?? [])] : null,
      });
      if (mmsis.length >= p.minShipsPerCell) this.coveredAt(cell).push(station);
    }
    (state?.stations ?? []).forEach((s, i) => this.stationIds.set(s, i));
    for (const [k, n] of state?.stationHours ?? []) {
      const id = Math.floor(k / HOUR_BITS);
      addTo(this.hours, id, k - id * HOUR_BITS, n);
    }
  }

  /** A terrestrial report of `mmsi` at (lat, lon) at `timeMs` heard by `stations`; `classA` when it is a
   *  Class A report. */
  add(mmsi: number, lat: number, lon: number, stations: readonly string[], timeMs?: number, classA = false): void {
    const cell = this.grid.cell(lat, lon);
    const byStation = this.stationsAt(cell);
    let slot = -1;
    if (classA) {
      this.classA.set(cell, (this.classA.get(cell) ?? 0) + 1);
      slot = shipSlot(this.tables, this.p.maxShipsTrackedPerCell, mmsi, cell, lat, lon);
    }
    const hour = timeMs === undefined ? NaN : wrapHour(Math.floor(timeMs / MS_PER_HOUR));
    for (const s of stations) if (!Number.isNaN(hour)) addTo(this.hours, this.stationId(s), hour, 1);
    // Every station known here that is up now counts the report in its denominators (the hearing ones too).
    if (classA) {
      for (const [s, at] of byStation) {
        if (!stations.includes(s) && !Number.isNaN(hour) && !this.upNow(s, hour)) continue;
        at.classAUp++;
        if (slot >= 0) {
          const up = (at.shipsUp ??= []);
          while (up.length <= slot) up.push(0);
          up[slot]!++;
        }
      }
    }
    for (const s of stations) {
      let at = byStation.get(s);
      if (!at) {
        byStation.set(s, (at = { mmsis: [], classA: 0, heardShips: null, classAUp: classA ? 1 : 0, shipsUp: null }));
        if (classA && slot >= 0) at.shipsUp = [...new Array<number>(slot).fill(0), 1];
      }
      if (at.mmsis.length < this.p.minShipsPerCell && !at.mmsis.includes(mmsi)) {
        at.mmsis.push(mmsi);
        if (at.mmsis.length === this.p.minShipsPerCell) {
          this.coveredAt(cell).push(s);
          this.coveredVersion++;
          this.bumpAround(lat, lon);
        }
      }
      if (classA) {
        at.classA++;
        if (slot >= 0) {
          const heard = (at.heardShips ??= []);
          while (heard.length <= slot) heard.push(0);
          heard[slot]!++;
        }
      }
    }
  }

  /** The station heard anyone in the (wrapped) hour or the one before: on the air now, as far as the data
   *  has shown yet. */
  private upNow(station: string, hour: number): boolean {
    const id = this.stationIds.get(station);
    const series = id === undefined ? undefined : this.hours.get(id);
    return series !== undefined && series.countOver(wrapHour(hour - 1), 2) > 0;
  }

  judge(lat: number, lon: number, stations: readonly string[], classA = false, mmsi?: number): CoverageJudgement | null {
    if (stations.length === 0 || !(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) return null;
    const r0 = this.grid.row(lat), c0 = this.grid.col(lon);
    const centre = this.grid.key(r0, c0);
    const version = this.localVersion.get(centre) ?? 0;
    let readings = this.judged.get(centre);
    if (!readings) this.judged.set(centre, (readings = []));
    let at = 0;
    while (at < readings.length && !sameStations(readings[at]!.stations, stations)) at++;
    let reading = readings[at];
    if (!reading || reading.version !== version) {
      reading = readCovered(this.covered, this.grid, r0, c0, stations, version, this.coveredVersion);
      if (at < readings.length) readings[at] = reading;
      else if (readings.length < READINGS_PER_CELL) readings.push(reading);
      else readings[readings.length - 1] = reading;
    }
    const covering = reading.covering;
    if (covering === null) return null; // no other station is known to cover the place: nothing to say
    if (!reading.hearingCovers) {
      // The distance depends on the latitude within the cell (km per degree of longitude): read again
      // unless the report claims the same latitude.
      if (reading.nearVersion !== this.coveredVersion) {
        reading.near = null;
        reading.nearestLat = NaN;
        reading.nearVersion = this.coveredVersion;
      }
      if (reading.nearestLat !== lat) {
        reading.nearestKm = nearestCoverageKm(this.p, lat, (reading.near ??= coveredNear(this.cells, this.grid, this.p, r0, c0, stations)));
        reading.nearestLat = lat;
      }
      const nearest = reading.nearestKm;
      if (nearest === null || nearest >= this.p.minOutsideKm) {
        return { kind: 'far', verdict: { heardBy: reading.heardBy.slice(), coveringStations: covering.slice(), nearestHeardCoverageKm: nearest } };
      }
    }
    if (!classA) return null;
    // The claimed cell first: the interior share is at most the cell's own, so a station below the bar
    // there (or a cell too little measured) needs no look at the neighbours. The judged ship's own reports
    // are left out of every share (leave-one-out): a ship claiming a place for a day sends hundreds of
    // reports there that the covering station never hears, and counted in they would talk the station's
    // share down until its silence about that very ship no longer says anything.
    const ownHere = ownSlot(this.tables, centre, mmsi);
    const total = othersTotal(this.tables, centre, ownHere);
    if (total < this.p.minClassAReportsPerCell) return { kind: 'unmeasured' };
    const silent = this.coveringWell(covering, centre, ownHere, lat, lon, r0, c0, mmsi);
    if (silent.length === 0) return null;
    // The hearing stations that cover the place as well: asked only of a report some station missed, since
    // only a silent run reads them (a ship heard there as usual by them lies inside their reach).
    const corroborating = this.coveringWell(stations, centre, ownHere, lat, lon, r0, c0, mmsi);
    return { kind: 'silent', heardBy: reading.heardBy.slice(), silent, corroborating };
  }

  /** Those of `stations` that cover the claimed place well (coversWell), by station name. */
  private coveringWell(stations: readonly string[], centre: number, ownHere: number, lat: number, lon: number, r0: number, c0: number, mmsi: number | undefined): SilentStation[] {
    const out: SilentStation[] = [];
    for (const s of stations) {
      const well = this.coversWell(s, centre, ownHere, lat, lon, r0, c0, mmsi);
      if (well) out.push(well);
    }
    return out.sort((a, b) => (a.station < b.station ? -1 : a.station > b.station ? 1 : 0));
  }

  /** Whether station `s` covers the claimed place well (its share of the other Class A reports there and
   *  around, and of the nearest ships), with those shares; null when not. */
  private coversWell(s: string, centre: number, ownHere: number, lat: number, lon: number, r0: number, c0: number, mmsi: number | undefined): SilentStation | null {
    const up = othersUp(this.tables, centre, s, ownHere);
    if (up < this.p.minClassAReportsPerCell || othersHeard(this.tables, centre, s, ownHere) / up < this.p.minCoveringHeardShare) return null;
    const share = interiorShare(this.tables, this.grid, this.p, s, r0, c0, mmsi);
    if (share === null || share < this.p.minCoveringHeardShare) return null;
    const shipShare = nearShipShare(this.tables, this.grid, this.p, s, lat, lon, r0, c0, mmsi);
    // Too few ships measured near the claim to show an edge: the report share alone speaks, as before.
    return shipShare === null || shipShare >= this.p.minCoveringShipShare ? { station: s, heardShare: share, shipShare } : null;
  }

  stationReports(station: string, hour: number, hours: number): number {
    const id = this.stationIds.get(station);
    const series = id === undefined ? undefined : this.hours.get(id);
    return series ? series.countOver(wrapHour(hour), hours) : 0;
  }

  reachesNear(station: string, lat: number, lon: number): boolean {
    if (!(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) return false;
    const r0 = this.grid.row(lat), c0 = this.grid.col(lon);
    for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) if (this.cells.get(this.grid.key(r0 + dr, c0 + dc))?.has(station)) return true;
    return false;
  }

  stationUpAround(station: string, hour: number): boolean {
    const id = this.stationIds.get(station);
    const series = id === undefined ? undefined : this.hours.get(id);
    if (!series) return false;
    for (let h = hour - 1; h <= hour + 1; h++) if (series.countOver(wrapHour(h), 1) === 0) return false;
    return true;
  }

  /** Forgets the stations' reports per hour before epoch hour `hour` (whether a station was up then); where
   *  they hear ships is kept (it grows with the places, not with time). */
  forgetBefore(hour: number): void {
    dropHoursBefore(this.hours, hour);
  }

  snapshot(): StationCoverageState {
    const cells: StationCoverageState['cells'] = [];
    for (const [cell, at] of this.cells) for (const [s, x] of at) cells.push([cell, s, [...x.mmsis], x.classA, x.heardShips ? [...x.heardShips] : [], x.classAUp, x.shipsUp ? [...x.shipsUp] : []]);
    const ships: StationCoverageState['ships'] = [...this.ships].map(([cell, x]) => [cell, [...x.mmsis], [...x.reports], [...x.lat], [...x.lon]]);
    return { cells, classA: [...this.classA], ships, stations: [...this.stationIds.keys()], stationHours: pairsOf(this.hours) };
  }

  private stationId(s: string): number {
    let id = this.stationIds.get(s);
    if (id === undefined) this.stationIds.set(s, (id = this.stationIds.size));
    return id;
  }

  /** A cell at (lat, lon) came to be covered: judgements at it and its neighbours read its list again. */
  private bumpAround(lat: number, lon: number): void {
    const r0 = this.grid.row(lat), c0 = this.grid.col(lon);
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        const cell = this.grid.key(r0 + dr, c0 + dc);
        this.localVersion.set(cell, (this.localVersion.get(cell) ?? 0) + 1);
      }
    }
  }

  private coveredAt(cell: number): string[] {
    let list = this.covered.get(cell);
    if (!list) this.covered.set(cell, (list = []));
    return list;
  }

  private stationsAt(cell: number): Map<string, StationCell> {
    let at = this.cells.get(cell);
    if (!at) this.cells.set(cell, (at = new Map()));
    return at;
  }
}
