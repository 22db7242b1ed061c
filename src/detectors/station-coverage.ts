// Where each coastal receiver hears ships, learned from the data (tag block `s:` station names stored with
// every position; satellite receptions carry no geometry and are left out). A cell counts as covered by a
// station once the station heard at least `minShipsPerCell` distinct vessels in it — so one ship's
// fabricated positions, heard by a far station, never teach that station to cover the place it claims.
//
// The spoofing detector asks, per position: the stations that heard it — do they cover the claimed place?
// If other stations do cover it (they hear the other ships there) and none of the hearing stations has any
// coverage within `minOutsideKm`, the report came from somewhere else than it says.
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

export interface StationCoverageQuery {
  /** null: the report is consistent with the receivers, or nothing can be said (no station, unknown place). */
  judge(lat: number, lon: number, stations: readonly string[]): CoverageVerdict | null;
}

export interface StationCoverageState {
  /** [cell, station, distinct MMSIs heard there (up to the threshold)]. */
  cells: Array<[number, string, number[]]>;
}

type CoverageParams = Pick<typeof SPOOFING_PARAMS, 'coverageCellDeg' | 'minShipsPerCell' | 'minOutsideKm'>;

export class StationCoverage implements StationCoverageQuery {
  /** cell → station → distinct MMSIs heard there (capped at the threshold: more adds nothing). */
  private readonly cells = new Map<number, Map<string, number[]>>();
  private readonly cols: number;

  constructor(private readonly p: CoverageParams = SPOOFING_PARAMS, state?: StationCoverageState) {
    this.cols = Math.round(360 / p.coverageCellDeg);
    for (const [cell, station, mmsis] of state?.cells ?? []) this.stationsAt(cell).set(station, [...mmsis]);
  }

  /** A terrestrial report of `mmsi` at (lat, lon) heard by `stations`. */
  add(mmsi: number, lat: number, lon: number, stations: readonly string[]): void {
    const byStation = this.stationsAt(this.cell(lat, lon));
    for (const s of stations) {
      let list = byStation.get(s);
      if (!list) byStation.set(s, (list = []));
      if (list.length < this.p.minShipsPerCell && !list.includes(mmsi)) list.push(mmsi);
    }
  }

  judge(lat: number, lon: number, stations: readonly string[]): CoverageVerdict | null {
    if (stations.length === 0 || !(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) return null;
    const r0 = this.row(lat), c0 = this.col(lon);
    // Fast path: a hearing station covers the claimed cell or its neighbours.
    const covering = new Set<string>();
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        const at = this.cells.get(this.key(r0 + dr, c0 + dc));
        if (!at) continue;
        for (const [s, list] of at) {
          if (list.length < this.p.minShipsPerCell) continue;
          if (stations.includes(s)) return null;
          covering.add(s);
        }
      }
    }
    if (covering.size === 0) return null; // nobody is known to cover the place: no evidence either way
    const nearest = this.nearestCoverageKm(lat, lon, stations);
    if (nearest !== null && nearest < this.p.minOutsideKm) return null;
    return { heardBy: [...stations].sort(), coveringStations: [...covering].sort(), nearestHeardCoverageKm: nearest };
  }

  snapshot(): StationCoverageState {
    const cells: StationCoverageState['cells'] = [];
    for (const [cell, at] of this.cells) for (const [s, list] of at) cells.push([cell, s, [...list]]);
    return { cells };
  }

  /** Nearest covered cell of any of `stations` within 2 × minOutsideKm (km), or null. */
  private nearestCoverageKm(lat: number, lon: number, stations: readonly string[]): number | null {
    const deg = this.p.coverageCellDeg;
    const kmLon = 111.2 * Math.max(Math.cos((lat * Math.PI) / 180), 0.1);
    const searchKm = 2 * this.p.minOutsideKm;
    const dr = Math.ceil(searchKm / 111.2 / deg), dcMax = Math.ceil(searchKm / kmLon / deg);
    const r0 = this.row(lat), c0 = this.col(lon);
    let best: number | null = null;
    for (let r = r0 - dr; r <= r0 + dr; r++) {
      for (let c = c0 - dcMax; c <= c0 + dcMax; c++) {
        const at = this.cells.get(this.key(r, c));
        if (!at) continue;
        if (!stations.some((s) => (at.get(s)?.length ?? 0) >= this.p.minShipsPerCell)) continue;
        const km = Math.hypot((r - r0) * deg * 111.2, (c - c0) * deg * kmLon);
        if (km <= searchKm && (best === null || km < best)) best = km;
      }
    }
    return best;
  }

  private stationsAt(cell: number): Map<string, number[]> {
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
