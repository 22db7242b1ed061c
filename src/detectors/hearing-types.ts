// What the hearing index answers, and its serialised state (src/detectors/hearing.ts).
import type { RECEPTION_PARAMS } from './params.js';

export type ReceptionParams = typeof RECEPTION_PARAMS;

/** Where the ship would have been at a given time (epoch ms). */
export type PathAt = (timeMs: number) => { lat: number; lon: number };

export interface HearingQuery {
  /** The gap's open hours strictly between `fromMs` and `toMs`. `selfBridged`: the asking vessel's own gap
   *  was bridged as present-unheard (it is shorter than `bridgeMaxH`, or still open), so its own hours are
   *  taken off — at `selfAt` (default: the path; an open gap's silent tail lies at its last fix).
   *  `stationsUp(hour)` false: the coastal stations that were hearing this ship heard nobody then (an
   *  outage), so that hour is judged on the satellite alone. `selfAtRest(hour)` true: the ship was at rest
   *  then (as at the fix that hour is read from), and a satellite's chance of hearing it is the fleet's
   *  scaled by what the data show of ships at rest (`satelliteAtRestRatio`). */
  hearing(path: PathAt, fromMs: number, toMs: number, selfBridged: boolean, stationsUp?: (hour: number) => boolean, selfAt?: PathAt, selfAtRest?: (hour: number) => boolean): Hearing;
}

export interface Hearing {
  /** Whole hours judged (strictly inside the gap). */
  hours: number;
  /** Hours where too few ships were present to measure any source (a hole in the store's coverage). */
  unmeasuredHours: number;
  /** Mean ships present around the path per judged hour: terrestrial cells (ship-hours over the learning
   *  window around each hour), satellite cells (that hour). */
  shipsPresentTerrestrial: number;
  shipsPresentSatellite: number;
  /** Share of present ship-hours heard, over the measured hours: by terrestrial stations; by a satellite,
   *  among the ship-hours no station heard. */
  terrestrialHeardShare: number;
  satelliteHeardShare: number;
  /** Hours in which a satellite heard any ship around the path (passes), and the mean spacing between them. */
  satellitePassHours: number;
  satelliteRevisitH: number | null;
  /** Satellite positions per pass hour per ship heard (how much one pass yields). */
  satelliteReportsPerShipPass: number | null;
  /** Σ over hours of P(heard by any source): the hours a transmitting ship would have been heard. */
  expectedHeardHours: number;
  /** P(unheard in every hour): the chance a transmitting ship stays silent this whole gap — each satellite
   *  hour read given that the ship went unheard in the satellite hour before it (`satelliteMemoryMaxH`). */
  unheardProbability: number;
  /** The same as a plain product over hours, each satellite hour an independent chance (the figure before
   *  passes were chained; for the evidence). */
  unheardProbabilityIndependent?: number;
  /** The at-rest ratio applied to the satellite's chance in the hours the ship was at rest (absent: none). */
  satelliteAtRestRatio?: number;
  satelliteAtRestHours?: number;
}

export interface HearingState {
  /** [cell × 2^20 + hour, ship-hours] per layer. */
  present: Array<[number, number]>;
  heardTerrestrial: Array<[number, number]>;
  presentSat: Array<[number, number]>;
  heardSat: Array<[number, number]>;
  heardTerrestrialSat: Array<[number, number]>;
  heardBothSat: Array<[number, number]>;
  satPositions: Array<[number, number]>;
  /** Per lag d = 1.. `satelliteMemoryMaxH`: ship-hours heard by a satellite whose previous satellite hour was d
   *  hours before; absent in old snapshots. */
  heardSatAfter?: Array<Array<[number, number]>>;
  /** Per vessel: [mmsi, timeMs, lat, lon, hour, sources heard in that hour (bit 1 terrestrial, 2 satellite),
   *  satellite cell of the fix, last hour heard by a satellite, speed at the fix in knots (-1: unknown) (the
   *  last two absent in old snapshots)]. */
  last: number[][];
  /** Ship-hours no station heard, and of those the ones a satellite heard: of ships at rest, of all ships
   *  ([rest, rest heard, all, all heard]); absent in old snapshots. */
  satelliteByMotion?: number[];
  /** Hour of the first position of the stream (null before any). */
  startHour: number | null;
}
