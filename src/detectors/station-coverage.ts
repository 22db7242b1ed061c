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
import { addTo, dropHoursBefore, HOUR_BITS, HourSeries, pairsOf, wrapHour } from './hour-series.js';
import { SPOOFING_PARAMS } from './params.js';

export interface CoverageVerdict {
  /** Stations that heard the report. */
  heardBy: string[];
  /** Stations that cover the claimed place (heard ≥ minShipsPerCell ships around it) but not this report. */
  coveringStations: string[];
  /** Distance from the claimed place to the nearest cell any hearing station covers (km; null: none within
   *  the search radius). */
  nearestHeardCoverageKm: number | null;
}

/** A station that covers the claimed place well and did not hear this report. */
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
   *  claimed there (Class A reports only). */
  | { kind: 'silent'; heardBy: string[]; silent: SilentStation[] }
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

/** The covered-list part of a judgement at one cell for one list of hearing stations. */
interface CoveredReading {
  /** The claimed cell's local version when read: the covered lists of the cell and its neighbours held still since. */
  version: number;
  stations: readonly string[];
  /** The hearing stations, sorted. */
  heardBy: string[];
  /** Other stations covering the place (sorted), null when none. */
  covering: string[] | null;
  /** A hearing station covers the place too. */
  hearingCovers: boolean;
  /** Nearest coverage of the hearing stations (km, null: none near), read for a report at `nearestLat`. */
  nearestLat: number;
  nearestKm: number | null;
  /** [row offset, column offset, …] of the cells around the claimed cell that a hearing station covers, as
   *  far out as the nearest-coverage search reaches anywhere in the cell's latitudes (read once). */
  near: Int32Array | null;
  /** `coveredVersion` when `near` was read: it reaches further than the neighbours, so any new coverage voids it. */
  nearVersion: number;
}

/** Readings kept per claimed cell (one per distinct list of hearing stations seen there lately). */
const READINGS_PER_CELL = 8;

const sameStations = (a: readonly string[], b: readonly string[]): boolean => {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

type CoverageParams = Pick<typeof SPOOFING_PARAMS, 'coverageCellDeg' | 'minShipsPerCell' | 'minOutsideKm' | 'minClassAReportsPerCell'
  | 'minCoveringHeardShare' | 'minCoveringShipShare' | 'minShipHeardShare' | 'minShipReportsForShare' | 'nearestShipsForShare' | 'maxShipsTrackedPerCell'>;

interface StationCell {
  /** Distinct MMSIs heard there (capped at the threshold: more adds nothing). */
  mmsis: number[];
  /** Class A reports heard there. */
  classA: number;
  /** Reports it heard of the cell's i-th tracked Class A ship (CellShips); null before any. */
  heardShips: number[] | null;
  /** Class A reports claimed in the cell (heard by any station) while this station was up — heard anyone
   *  in that hour or the one before — since it first heard a ship there: its shares' denominator. A station
   *  off the air hears nobody; its outage is no measure of its reach. */
  classAUp: number;
  /** The same per tracked ship (CellShips slot); null before any. */
  shipsUp: number[] | null;
}

/** The first Class A ships claimed in a cell, with their Class A report counts there. */
interface CellShips {
  mmsis: number[];
  reports: number[];
  /** Sums of their claimed latitudes and longitudes there (their mean place in the cell). */
  lat: number[];
  lon: number[];
}

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
  /** Station index → reports per hour (is it up?). */
  private readonly stationIds = new Map<string, number>();
  private readonly hours = new Map<number, HourSeries>();
  private readonly cols: number;

  constructor(private readonly p: CoverageParams = SPOOFING_PARAMS, state?: StationCoverageState) {
    this.cols = Math.round(360 / p.coverageCellDeg);
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
    const cell = this.cell(lat, lon);
    const byStation = this.stationsAt(cell);
    let slot = -1;
    if (classA) {
      this.classA.set(cell, (this.classA.get(cell) ?? 0) + 1);
      slot = this.shipSlot(mmsi, cell, lat, lon);
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
    const r0 = this.row(lat), c0 = this.col(lon);
    const centre = this.key(r0, c0);
    const version = this.localVersion.get(centre) ?? 0;
    let readings = this.judged.get(centre);
    if (!readings) this.judged.set(centre, (readings = []));
    let at = 0;
    while (at < readings.length && !sameStations(readings[at]!.stations, stations)) at++;
    let reading = readings[at];
    if (!reading || reading.version !== version) {
      reading = this.readCovered(r0, c0, stations, version);
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
        reading.nearestKm = this.nearestCoverageKm(lat, (reading.near ??= this.coveredNear(r0, c0, stations)));
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
    const ownHere = this.ownSlot(centre, mmsi);
    const total = this.othersTotal(centre, ownHere);
    if (total < this.p.minClassAReportsPerCell) return { kind: 'unmeasured' };
    let silent: SilentStation[] | null = null;
    for (const s of covering) {
      const up = this.othersUp(centre, s, ownHere);
      if (up < this.p.minClassAReportsPerCell || this.othersHeard(centre, s, ownHere) / up < this.p.minCoveringHeardShare) continue;
      const share = this.interiorShare(s, r0, c0, mmsi);
      if (share === null || share < this.p.minCoveringHeardShare) continue;
      const shipShare = this.nearShipShare(s, lat, lon, r0, c0, mmsi);
      // Too few ships measured near the claim to show an edge: the report share alone speaks, as before.
      if (shipShare === null || shipShare >= this.p.minCoveringShipShare) (silent ??= []).push({ station: s, heardShare: share, shipShare });
    }
    if (silent === null) return null;
    silent.sort((a, b) => (a.station < b.station ? -1 : a.station > b.station ? 1 : 0));
    return { kind: 'silent', heardBy: reading.heardBy.slice(), silent };
  }

  /** What the covered lists say about a report claimed at (lat, lon) heard by `stations`. */
  private readCovered(r0: number, c0: number, stations: readonly string[], version: number): CoveredReading {
    let covering: Set<string> | null = null;
    let hearingCovers = false;
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        const list = this.covered.get(this.key(r0 + dr, c0 + dc));
        if (!list) continue;
        for (let i = 0; i < list.length; i++) {
          const s = list[i]!;
          if (stations.includes(s)) hearingCovers = true;
          else (covering ??= new Set()).add(s);
        }
      }
    }
    return {
      version, stations, heardBy: [...stations].sort(),
      covering: covering === null ? null : [...covering].sort(), hearingCovers, nearestLat: NaN, nearestKm: null, near: null,
      nearVersion: this.coveredVersion,
    };
  }

  stationReports(station: string, hour: number, hours: number): number {
    const id = this.stationIds.get(station);
    const series = id === undefined ? undefined : this.hours.get(id);
    return series ? series.countOver(wrapHour(hour), hours) : 0;
  }

  reachesNear(station: string, lat: number, lon: number): boolean {
    if (!(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) return false;
    const r0 = this.row(lat), c0 = this.col(lon);
    for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) if (this.cells.get(this.key(r0 + dr, c0 + dc))?.has(station)) return true;
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

  /**
   * The station's share of the Class A reports heard in the claimed cell, and the lowest over the cell's
   * measured neighbours: the place must lie well inside its coverage, not at a ragged edge that one part of
   * a cell reaches and another does not. null when the claimed cell itself is not measured.
   */
  private interiorShare(station: string, r0: number, c0: number, mmsi?: number): number | null {
    let min: number | null = null;
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        const cell = this.key(r0 + dr, c0 + dc);
        const own = this.ownSlot(cell, mmsi);
        const total = this.othersTotal(cell, own);
        if (total < this.p.minClassAReportsPerCell) {
          if (dr === 0 && dc === 0) return null;
          continue;
        }
        // A measured cell where it never heard anyone lies beyond its reach (as far as the data shows): 0.
        // One it heard, but where too few reports were claimed while it was up, says nothing.
        const up = this.cells.get(cell)?.has(station) ? this.othersUp(cell, station, own) : total;
        if (up < this.p.minClassAReportsPerCell) {
          if (dr === 0 && dc === 0) return null;
          continue;
        }
        const share = this.othersHeard(cell, station, own) / up;
        if (min === null || share < min) min = share;
      }
    }
    return min;
  }

  /** The slot of `mmsi` among the cell's tracked ships, -1 when it is not tracked there (never claimed
   *  the cell, or came after the cell's first `maxShipsTrackedPerCell` ships: then its reports stay in). */
  private ownSlot(cell: number, mmsi: number | undefined): number {
    if (mmsi === undefined) return -1;
    const known = this.slotOf.get(mmsi);
    if (known !== undefined && Math.floor(known / 64) === cell) return known % 64 === 63 ? -1 : known % 64;
    return this.ships.get(cell)?.mmsis.indexOf(mmsi) ?? -1;
  }

  /** Class A reports claimed in the cell by ships other than the one in `ownSlot`. */
  private othersTotal(cell: number, ownSlot: number): number {
    const total = this.classA.get(cell) ?? 0;
    return ownSlot < 0 ? total : total - (this.ships.get(cell)?.reports[ownSlot] ?? 0);
  }

  /** Of those, the ones claimed while `station` was up (0: it never heard a ship there). */
  private othersUp(cell: number, station: string, ownSlot: number): number {
    const at = this.cells.get(cell)?.get(station);
    if (!at) return 0;
    return ownSlot < 0 ? at.classAUp : at.classAUp - (at.shipsUp?.[ownSlot] ?? 0);
  }

  /** Of those, the ones `station` heard. */
  private othersHeard(cell: number, station: string, ownSlot: number): number {
    const at = this.cells.get(cell)?.get(station);
    if (!at) return 0;
    return ownSlot < 0 ? at.classA : at.classA - (at.heardShips?.[ownSlot] ?? 0);
  }

  /** The slot of `mmsi` among the cell's tracked ships (-1: the cell is full), its report counted. */
  private shipSlot(mmsi: number, cell: number, lat: number, lon: number): number {
    const known = this.slotOf.get(mmsi);
    let slot = known !== undefined && Math.floor(known / 64) === cell ? known % 64 : -2;
    let ships = this.ships.get(cell);
    if (slot === -2) {
      if (!ships) this.ships.set(cell, (ships = { mmsis: [], reports: [], lat: [], lon: [] }));
      slot = ships.mmsis.indexOf(mmsi);
      if (slot === -1 && ships.mmsis.length < this.p.maxShipsTrackedPerCell) {
        slot = ships.mmsis.length;
        ships.mmsis.push(mmsi);
        ships.reports.push(0);
        ships.lat.push(0);
        ships.lon.push(0);
      }
      this.slotOf.set(mmsi, cell * 64 + (slot === -1 ? 63 : slot));
    } else if (slot === 63) slot = -1;
    if (slot >= 0) {
      ships!.reports[slot]!++;
      ships!.lat[slot]! += lat;
      ships!.lon[slot]! += lon;
    }
    return slot;
  }

  /**
   * Reception is a place: of the `nearestShipsForShare` Class A ships (other than `mmsi`, with at least
   * `minShipReportsForShare` reports in a cell) whose mean place in the claimed cell or a neighbour lies
   * nearest the claim, the share of which the station heard at least `minShipHeardShare` of their reports
   * there. null when fewer than `minShipsPerCell` are measured.
   */
  private nearShipShare(station: string, lat: number, lon: number, r0: number, c0: number, mmsi: number | undefined): number | null {
    const k = this.p.nearestShipsForShare;
    const kx = Math.cos((lat * Math.PI) / 180);
    const dist: number[] = [], ok: boolean[] = []; // the k nearest so far, ascending
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        const cell = this.key(r0 + dr, c0 + dc);
        const ships = this.ships.get(cell);
        if (!ships) continue;
        const at = this.cells.get(cell)?.get(station);
        const heard = at?.heardShips ?? null, upReports = at?.shipsUp ?? null;
        for (let i = 0; i < ships.mmsis.length; i++) {
          const reports = ships.reports[i]!;
          // Measured by this station only on the reports claimed while it was up.
          const up = upReports?.[i] ?? 0;
          if (ships.mmsis[i] === mmsi || reports < this.p.minShipReportsForShare || up < this.p.minShipReportsForShare) continue;
          const dy = ships.lat[i]! / reports - lat, dx = (ships.lon[i]! / reports - lon) * kx;
          const d = dx * dx + dy * dy;
          if (dist.length === k && d >= dist[k - 1]!) continue;
          let j = dist.length === k ? k - 1 : dist.length;
          while (j > 0 && dist[j - 1]! > d) { dist[j] = dist[j - 1]!; ok[j] = ok[j - 1]!; j--; }
          dist[j] = d;
          ok[j] = heard !== null && (heard[i] ?? 0) >= this.p.minShipHeardShare * up;
        }
      }
    }
    if (dist.length < this.p.minShipsPerCell) return null;
    let h = 0;
    for (let j = 0; j < dist.length; j++) if (ok[j]) h++;
    return h / dist.length;
  }

  private stationId(s: string): number {
    let id = this.stationIds.get(s);
    if (id === undefined) this.stationIds.set(s, (id = this.stationIds.size));
    return id;
  }

  /** Columns either side the nearest-coverage search reads at latitude `lat`. */
  private searchCols(lat: number): number {
    const kmLon = 111.2 * Math.max(Math.cos((lat * Math.PI) / 180), 0.1);
    return Math.ceil((2 * this.p.minOutsideKm) / kmLon / this.p.coverageCellDeg);
  }

  /** The cells within the search around cell (r0, c0) — at the widest it gets over the row's latitudes —
   *  that any of `stations` covers, as [row offset, column offset, …]. */
  private coveredNear(r0: number, c0: number, stations: readonly string[]): Int32Array {
    const deg = this.p.coverageCellDeg;
    const dr = Math.ceil((2 * this.p.minOutsideKm) / 111.2 / deg);
    const south = r0 * deg - 90, north = south + deg;
    const dcMax = Math.max(this.searchCols(south), this.searchCols(north)) + 1; // (+1: rounding at the edges)
    const out: number[] = [];
    for (let r = r0 - dr; r <= r0 + dr; r++) {
      for (let c = c0 - dcMax; c <= c0 + dcMax; c++) {
        const at = this.cells.get(this.key(r, c));
        if (!at) continue;
        if (!stations.some((s) => (at.get(s)?.mmsis.length ?? 0) >= this.p.minShipsPerCell)) continue;
        out.push(r - r0, c - c0);
      }
    }
    return Int32Array.from(out);
  }

  /** Nearest covered cell of any of `stations` within 2 × minOutsideKm (km), or null, from the covered
   *  cells around the claimed cell (`near`, read by coveredNear). */
  private nearestCoverageKm(lat: number, near: Int32Array): number | null {
    const deg = this.p.coverageCellDeg;
    const kmLon = 111.2 * Math.max(Math.cos((lat * Math.PI) / 180), 0.1);
    const searchKm = 2 * this.p.minOutsideKm;
    const dr = Math.ceil(searchKm / 111.2 / deg), dcMax = Math.ceil(searchKm / kmLon / deg);
    let best: number | null = null;
    for (let i = 0; i < near.length; i += 2) {
      const rr = near[i]!, cc = near[i + 1]!;
      if (rr < -dr || rr > dr || cc < -dcMax || cc > dcMax) continue;
      const km = Math.hypot(rr * deg * 111.2, cc * deg * kmLon);
      if (km <= searchKm && (best === null || km < best)) best = km;
    }
    return best;
  }

  /** A cell at (lat, lon) came to be covered: judgements at it and its neighbours read its list again. */
  private bumpAround(lat: number, lon: number): void {
    const r0 = this.row(lat), c0 = this.col(lon);
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        const cell = this.key(r0 + dr, c0 + dc);
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

  private row(lat: number): number {
    return Math.floor((lat + 90) / this.p.coverageCellDeg);
  }

  private col(lon: number): number {
    return Math.floor((lon + 180) / this.p.coverageCellDeg);
  }

  private cell(lat: number, lon: number): number {
    return this.key(this.row(lat), this.col(lon));
  }

  private key(r: number, c: number): number {
    return r * this.cols + (((c % this.cols) + this.cols) % this.cols);
  }
}
