// How likely a transmitting ship is to be heard, learned from the data itself, per place, hour and source.
//
// Every vessel's own track says when it was heard and when it was not: between two consecutive fixes less
// than `bridgeMaxH` apart the ship was there (at the interpolated position) and transmitting — the hours
// with a fix are "heard" ship-hours (by terrestrial stations, by a satellite, or both), the hours between
// are "present but unheard". Summed over all vessels per cell and hour this gives the share of ships present
// that each source heard, hour by hour:
//  - terrestrial on 0.1° cells (coastal-station coverage has sharp edges),
//  - satellite on 1° cells (GFW's reception cells): an hour with satellite ship-hours is a pass; the passes'
//    spacing is the revisit and the heard share per pass falls as a cell fills up (satellite slot
//    saturation: real satellite AIS hears fewer reports per ship in dense traffic).
// A gap is then judged by the chance that a ship transmitting along it would have stayed unheard by every
// source in every hour — thin satellite coverage, saturation and holes in the store (no ship present, or
// none heard) all raise that chance instead of being mistaken for a switched-off transponder.
import { MS_PER_HOUR } from '../geo/sphere.js';
import { addTo, dropHoursBefore, HOUR_BITS, HourSeries, pairsOf, wrapHour } from './hour-series.js';
import { RECEPTION_PARAMS } from './params.js';
import { lerpLon } from './geo-stats.js';
import { DegreeGrid } from './degree-grid.js';
import type { Hearing, HearingQuery, HearingState, PathAt, ReceptionParams } from './hearing-types.js';
import { HearingReader } from './hearing-reader.js';

export type { Hearing, HearingQuery, HearingState, PathAt, ReceptionParams } from './hearing-types.js';

const TERRESTRIAL = 1, SATELLITE = 2;

export class HearingIndex implements HearingQuery {
  private readonly present = new Map<number, HourSeries>();
  private readonly heardTerrestrial = new Map<number, HourSeries>();
  private readonly presentSat = new Map<number, HourSeries>();
  private readonly heardSat = new Map<number, HourSeries>();
  /** Ship-hours heard by terrestrial stations, and by both sources, on the satellite cells. */
  private readonly heardTerrestrialSat = new Map<number, HourSeries>();
  private readonly heardBothSat = new Map<number, HourSeries>();
  private readonly satPositions = new Map<number, HourSeries>();
  /** Index d − 1: ship-hours heard by a satellite whose previous satellite hour was d hours before (the same
   *  ship heard again: what the passes share). */
  private readonly heardSatAfter: Array<Map<number, HourSeries>>;
  /** Per vessel, its latest fix: [timeMs, lat, lon, hour, sources-heard mask, satellite cell, last hour heard
   *  by a satellite, speed in knots (-1: unknown)] in one small array; and the vessels by the satellite cell of their latest fix (to find
   *  the silent ones near a gap). */
  private readonly last = new Map<number, Float64Array>();
  private readonly byCell = new Map<number, Set<number>>();
  private startHour = NaN;
  /** Ship-hours no station heard and of those the ones a satellite heard, of ships at rest at the hour's
   *  last fix and of all ships (whole hours, counted as each vessel's hour closes; bridged hours count as
   *  unheard, at rest as at the fix before them). */
  private readonly byMotion = [0, 0, 0, 0];
  private readonly fine: DegreeGrid;
  private readonly coarse: DegreeGrid;

  /** Answers `hearing` from the layers above. */
  private readonly reader: HearingReader;

  constructor(private readonly p: ReceptionParams = RECEPTION_PARAMS) {
    this.fine = new DegreeGrid(p.terrestrialCellDeg);
    this.coarse = new DegreeGrid(p.satelliteCellDeg);
    this.heardSatAfter = Array.from({ length: p.satelliteMemoryMaxH }, () => new Map<number, HourSeries>());
    this.reader = new HearingReader(p, {
      fine: this.fine, coarse: this.coarse, present: this.present, heardTerrestrial: this.heardTerrestrial, presentSat: this.presentSat,
      heardSat: this.heardSat, heardTerrestrialSat: this.heardTerrestrialSat, heardBothSat: this.heardBothSat, satPositions: this.satPositions,
      heardSatAfter: this.heardSatAfter, last: this.last, byCell: this.byCell,
    }, () => this.satelliteAtRestRatio());
  }

  static restore(state: HearingState, p: ReceptionParams = RECEPTION_PARAMS): HearingIndex {
    const h = new HearingIndex(p);
    const load = (layer: Map<number, HourSeries>, pairs: Array<[number, number]>) => {
      for (const [k, n] of pairs) {
        const cell = Math.floor(k / HOUR_BITS);
        addTo(layer, cell, k - cell * HOUR_BITS, n);
      }
    };
    load(h.present, state.present);
    load(h.heardTerrestrial, state.heardTerrestrial);
    load(h.presentSat, state.presentSat);
    load(h.heardSat, state.heardSat);
    load(h.heardTerrestrialSat, state.heardTerrestrialSat);
    load(h.heardBothSat, state.heardBothSat);
    load(h.satPositions, state.satPositions);
    (state.heardSatAfter ?? []).forEach((pairs, i) => { if (i < h.heardSatAfter.length) load(h.heardSatAfter[i]!, pairs); });
    for (const [m, ...v] of state.last) {
      const full = [...v];
      while (full.length < 8) full.push(-1); // old snapshots: never heard by a satellite, speed unknown
      h.last.set(m!, Float64Array.from(full));
      h.moveCell(m!, NaN, v[5]!);
    }
    h.startHour = state.startHour ?? NaN;
    (state.satelliteByMotion ?? []).forEach((n, i) => { if (i < 4) h.byMotion[i] = n; });
    return h;
  }

  /** Distinct vessels seen so far. */
  get vesselsSeen(): number {
    return this.last.size;
  }

  /** One position of vessel `mmsi`, in time order per vessel (any order across vessels); `speedKn` its
   *  speed over ground (null: unknown). */
  add(mmsi: number, lat: number, lon: number, timeMs: number, satellite: boolean, speedKn: number | null = null): void {
    const hour = Math.floor(timeMs / MS_PER_HOUR);
    const src = satellite ? SATELLITE : TERRESTRIAL;
    if (satellite) addTo(this.satPositions, this.coarse.cell(lat, lon), wrapHour(hour), 1);
    const coarse = this.coarse.cell(lat, lon);
    if (Number.isNaN(this.startHour)) this.startHour = hour;
    const v = this.last.get(mmsi);
    if (!v) {
      // First heard: it was most likely there, unheard, since the stream began (up to `bridgeMaxH`) —
      // without this the first hours of a replay would count only the ships heard in them.
      for (let h = Math.max(this.startHour, hour - this.p.bridgeMaxH); h < hour; h++) this.markPresent(lat, lon, h);
      const nv = Float64Array.of(timeMs, lat, lon, hour, 0, coarse, -1, speedKn ?? -1);
      this.last.set(mmsi, nv);
      this.moveCell(mmsi, NaN, coarse);
      this.markPresent(lat, lon, hour);
      this.markHeard(nv, lat, lon, hour, src);
      return;
    }
    const t0 = v[0]!, lat0 = v[1]!, lon0 = v[2]!, hour0 = v[3]!;
    if (timeMs < t0) return; // late (a live feed's straggler): its hour is already accounted for
    if (hour > hour0) {
      this.closeHour(v[4]!, v[7]!, timeMs - t0 <= this.p.bridgeMaxH * MS_PER_HOUR ? hour - hour0 - 1 : 0);
      if (timeMs - t0 <= this.p.bridgeMaxH * MS_PER_HOUR) {
        for (let h = hour0 + 1; h < hour; h++) {
          const f = ((h + 0.5) * MS_PER_HOUR - t0) / (timeMs - t0);
          this.markPresent(lat0 + (lat - lat0) * f, lerpLon(lon0, lon, f), h);
        }
      }
      this.markPresent(lat, lon, hour);
      v[3] = hour;
      v[4] = 0;
    }
    v[0] = timeMs;
    v[1] = lat;
    v[2] = lon;
    v[7] = speedKn ?? -1;
    if (v[5] !== coarse) {
      this.moveCell(mmsi, v[5]!, coarse);
      v[5] = coarse;
    }
    this.markHeard(v, lat, lon, hour, src);
  }

  /** A vessel's hour closed with sources `mask` heard, its last fix then at `speedKn` (-1: unknown), and
   *  `bridged` unheard hours after it before its next fix. */
  private closeHour(mask: number, speedKn: number, bridged: number): void {
    const m = this.byMotion;
    const rest = speedKn >= 0 && speedKn <= this.p.satelliteAtRestMaxKn;
    const notT = (mask & TERRESTRIAL) === 0 ? 1 : 0, sat = notT && (mask & SATELLITE) !== 0 ? 1 : 0;
    m[2]! += notT + bridged;
    m[3]! += sat;
    if (rest) { m[0]! += notT + bridged; m[1]! += sat; }
  }

  /**
   * How a satellite hears ships at rest against the fleet: the share of at-rest ship-hours no station heard
   * that a satellite heard, over the same share of all ships; at most 1 (a ship at rest reports less often,
   * never more), and 1 until `minAtRestShipHours` at-rest hours are measured or a satellite heard any.
   */
  satelliteAtRestRatio(): number {
    const [rest, restHeard, all, allHeard] = this.byMotion as [number, number, number, number];
    if (rest < this.p.minAtRestShipHours || allHeard === 0) return 1;
    return Math.min(1, (restHeard / rest) / (allHeard / all));
  }

  private moveCell(mmsi: number, from: number, to: number): void {
    if (!Number.isNaN(from)) this.byCell.get(from)?.delete(mmsi);
    let set = this.byCell.get(to);
    if (!set) this.byCell.set(to, (set = new Set()));
    set.add(mmsi);
  }

  hearing(path: PathAt, fromMs: number, toMs: number, selfBridged: boolean, ownStationsUp?: (hour: number) => boolean, selfAt?: PathAt, selfAtRest?: (hour: number) => boolean): Hearing {
    return this.reader.hearing(path, fromMs, toMs, selfBridged, ownStationsUp, selfAt, selfAtRest);
  }

  /** Forgets the ship-hours before epoch hour `hour` (no judgement reads them any more: the runner's
   *  horizon). The vessels' latest fixes stay: one each, and a returning ship is bridged from them. */
  forgetBefore(hour: number): void {
    for (const layer of [this.present, this.heardTerrestrial, this.presentSat, this.heardSat, this.heardTerrestrialSat, this.heardBothSat, this.satPositions, ...this.heardSatAfter]) {
      dropHoursBefore(layer, hour);
    }
  }

  snapshot(): HearingState {
    return {
      present: pairsOf(this.present), heardTerrestrial: pairsOf(this.heardTerrestrial),
      presentSat: pairsOf(this.presentSat), heardSat: pairsOf(this.heardSat),
      heardTerrestrialSat: pairsOf(this.heardTerrestrialSat), heardBothSat: pairsOf(this.heardBothSat), satPositions: pairsOf(this.satPositions),
      heardSatAfter: this.heardSatAfter.map(pairsOf),
      last: [...this.last].map(([m, v]) => [m, ...v]),
      satelliteByMotion: [...this.byMotion],
      startHour: Number.isNaN(this.startHour) ? null : this.startHour,
    };
  }

  private markPresent(lat: number, lon: number, hour: number): void {
    const wh = wrapHour(hour);
    addTo(this.present, this.fine.cell(lat, lon), wh, 1);
    addTo(this.presentSat, this.coarse.cell(lat, lon), wh, 1);
  }

  /** Counts the vessel heard by `src` in `hour` once, however many reports it sent then. */
  private markHeard(v: Float64Array, lat: number, lon: number, hour: number, src: number): void {
    const mask = v[4]!;
    if (mask & src) return;
    v[4] = mask | src;
    const wh = wrapHour(hour), coarse = this.coarse.cell(lat, lon);
    if (src === SATELLITE) {
      addTo(this.heardSat, coarse, wh, 1);
      const d = hour - v[6]!; // -1 before its first satellite hour: far out of reach
      if (d >= 1 && d <= this.heardSatAfter.length) addTo(this.heardSatAfter[d - 1]!, coarse, wh, 1);
      v[6] = hour;
    } else {
      addTo(this.heardTerrestrial, this.fine.cell(lat, lon), wh, 1);
      addTo(this.heardTerrestrialSat, coarse, wh, 1);
    }
    if (mask !== 0) addTo(this.heardBothSat, coarse, wh, 1);
  }
}
