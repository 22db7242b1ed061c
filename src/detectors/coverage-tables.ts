// What each coastal station heard per coverage cell, and the Class A ships claimed there, with the counts
// the heard shares are read from. Every count of the judged ship's own reports can be left out
// (leave-one-out, src/detectors/station-coverage.ts `judge`).
import type { SPOOFING_PARAMS } from './params.js';

export type CoverageParams = Pick<typeof SPOOFING_PARAMS, 'coverageCellDeg' | 'minShipsPerCell' | 'minOutsideKm' | 'minClassAReportsPerCell'
  | 'minCoveringHeardShare' | 'minCoveringShipShare' | 'minShipHeardShare' | 'minShipReportsForShare' | 'nearestShipsForShare' | 'maxShipsTrackedPerCell'>;

export interface StationCell {
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
export interface CellShips {
  mmsis: number[];
  reports: number[];
  /** Sums of their claimed latitudes and longitudes there (their mean place in the cell). */
  lat: number[];
  lon: number[];
}

export interface CoverageTables {
  /** cell → station → what it heard there. */
  readonly cells: Map<number, Map<string, StationCell>>;
  /** cell → Class A reports heard there by any station (the share's denominator). */
  readonly classA: Map<number, number>;
  /** cell → its tracked Class A ships (the ship share's denominator). */
  readonly ships: Map<number, CellShips>;
  /** mmsi → cell × 64 + its slot there (63: not tracked) of its latest Class A report: one lookup per report. */
  readonly slotOf: Map<number, number>;
}

/** The slot of `mmsi` among the cell's tracked ships, -1 when it is not tracked there (never claimed
 *  the cell, or came after the cell's first `maxShipsTrackedPerCell` ships: then its reports stay in). */
export function ownSlot(t: CoverageTables, cell: number, mmsi: number | undefined): number {
  if (mmsi === undefined) return -1;
  const known = t.slotOf.get(mmsi);
  if (known !== undefined && Math.floor(known / 64) === cell) return known % 64 === 63 ? -1 : known % 64;
  return t.ships.get(cell)?.mmsis.indexOf(mmsi) ?? -1;
}

/** Class A reports claimed in the cell by ships other than the one in `ownSlot`. */
export function othersTotal(t: CoverageTables, cell: number, ownSlot: number): number {
  const total = t.classA.get(cell) ?? 0;
  return ownSlot < 0 ? total : total - (t.ships.get(cell)?.reports[ownSlot] ?? 0);
}

/** Of those, the ones claimed while `station` was up (0: it never heard a ship there). */
export function othersUp(t: CoverageTables, cell: number, station: string, ownSlot: number): number {
  const at = t.cells.get(cell)?.get(station);
  if (!at) return 0;
  return ownSlot < 0 ? at.classAUp : at.classAUp - (at.shipsUp?.[ownSlot] ?? 0);
}

/** Of those, the ones `station` heard. */
export function othersHeard(t: CoverageTables, cell: number, station: string, ownSlot: number): number {
  const at = t.cells.get(cell)?.get(station);
  if (!at) return 0;
  return ownSlot < 0 ? at.classA : at.classA - (at.heardShips?.[ownSlot] ?? 0);
}

/** The slot of `mmsi` in the cell's tracked ships (-1: the cell is full), its report counted. */
export function shipSlot(t: CoverageTables, maxShipsTrackedPerCell: number, mmsi: number, cell: number, lat: number, lon: number): number {
  const known = t.slotOf.get(mmsi);
  let slot = known !== undefined && Math.floor(known / 64) === cell ? known % 64 : -2;
  let ships = t.ships.get(cell);
  if (slot === -2) {
    if (!ships) t.ships.set(cell, (ships = { mmsis: [], reports: [], lat: [], lon: [] }));
    slot = ships.mmsis.indexOf(mmsi);
    if (slot === -1 && ships.mmsis.length < maxShipsTrackedPerCell) {
      slot = ships.mmsis.length;
      ships.mmsis.push(mmsi);
      ships.reports.push(0);
      ships.lat.push(0);
      ships.lon.push(0);
    }
    t.slotOf.set(mmsi, cell * 64 + (slot === -1 ? 63 : slot));
  } else if (slot === 63) slot = -1;
  if (slot >= 0) {
    ships!.reports[slot]!++;
    ships!.lat[slot]! += lat;
    ships!.lon[slot]! += lon;
  }
  return slot;
}
