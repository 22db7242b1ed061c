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
import { type HourSums, DENSE_MIN_HOURS, NO_SPANS, SeriesSums, DenseSums, NO_SUMS, seriesOf, spansOf } from './hour-sums.js';

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

  constructor(private readonly p: ReceptionParams = RECEPTION_PARAMS) {
    this.fine = new DegreeGrid(p.terrestrialCellDeg);
    this.coarse = new DegreeGrid(p.satelliteCellDeg);
    this.heardSatAfter = Array.from({ length: p.satelliteMemoryMaxH }, () => new Map<number, HourSeries>());
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

  /**
   * Ships silent since their last fix are present there (unheard) for up to `bridgeMaxH` — the hours a later
   * fix would bridge; until it comes they are counted here, at query time, so a gap judged when it closes
   * (or at the end of the data) is not measured against only the ships that happened to be heard.
   * `ats[i]` is the path at hour h0 + i.
   */
  private silentTails(ats: ReadonlyArray<{ lat: number; lon: number }>, h0: number, h1: number, toHour: number): Tails {
    const p = this.p;
    const cells = new Set<number>();
    let lastLat = NaN, lastLon = NaN;
    for (let i = 0; i < ats.length; i++) {
      const at = ats[i]!;
      if (at.lat === lastLat && at.lon === lastLon) continue; // an open gap holds still after dead reckoning
      lastLat = at.lat;
      lastLon = at.lon;
      for (const c of this.coarse.around(at.lat, at.lon, 0, p.satelliteMaxRing)) cells.add(c);
    }
    const out: Tails = { fine: new Map(), coarse: new Map() };
    const lo = h0 - p.terrestrialWindowH, hi = h1 + p.terrestrialWindowH;
    for (const c of cells) {
      for (const m of this.byCell.get(c) ?? []) {
        const v = this.last.get(m)!;
        const from = v[3]! + 1, to = Math.min(v[3]! + p.bridgeMaxH, toHour);
        if (from > to || to < lo || from > hi) continue;
        const fine = this.fine.cell(v[1]!, v[2]!);
        push(out.fine, fine, [from, to]);
        push(out.coarse, c, [from, to]);
      }
    }
    return out;
  }

  hearing(path: PathAt, fromMs: number, toMs: number, selfBridged: boolean, ownStationsUp?: (hour: number) => boolean, selfAt: PathAt = path, selfAtRest?: (hour: number) => boolean): Hearing {
    const p = this.p;
    const restRatio = selfAtRest ? this.satelliteAtRestRatio() : 1;
    let restHours = 0;
    const h0 = Math.floor(fromMs / MS_PER_HOUR) + 1;
    const h1 = Math.floor(toMs / MS_PER_HOUR) - 1;
    const self = selfBridged ? 1 : 0;
    // Leave-one-out: the asking ship's own silence is in the index as present-unheard hours (bridged along
    // its path, or its silent tail at its last fix, at most `bridgeMaxH`); the silence under judgement is no
    // evidence of how well the place is heard. Where a long silence's ends lie close together (a ship that
    // went somewhere dark and came back), its bridged hours pile up around the very places judged.
    const ownCell = new Array<number>(Math.max(0, h1 - h0 + 1)).fill(-1);
    if (selfBridged) for (let h = h0; h <= Math.min(h1, h0 - 1 + p.bridgeMaxH); h++) { const a = selfAt((h + 0.5) * MS_PER_HOUR); ownCell[h - h0] = this.fine.cell(a.lat, a.lon); }
    const ownIn = (cells: ReadonlySet<number>, a: number, b: number): number => {
      let n = 0;
      for (let x = Math.max(a, h0); x <= Math.min(b, h1); x++) if (cells.has(ownCell[x - h0]!)) n++;
      return n;
    };
    let unmeasured = 0, presentT = 0, presentS = 0, heardT = 0, heardS = 0, passes = 0, satPos = 0;
    let expected = 0, logUnheard = 0, logUnheardIndependent = 0;
    // The last judged hour a satellite heard ships around the path (the pass the next one is read after).
    let passH = NaN;
    let sumPresentT = 0, sumPresentS = 0;
    // The path at each hour's middle, asked once (the tails, the places and the ship's own hours read it).
    const ats = new Array<{ lat: number; lon: number }>(Math.max(0, h1 - h0 + 1));
    for (let h = h0; h <= h1; h++) ats[h - h0] = path((h + 0.5) * MS_PER_HOUR);
    const tails = h1 >= h0 ? this.silentTails(ats, h0, h1, Math.floor(toMs / MS_PER_HOUR)) : NO_TAILS;
    // The cells around the path, their series and the silent tails in them, resolved once per place: a long
    // gap (an open one holds still at its dead-reckoned point) asks the same cells hour after hour.
    let place: Place | null = null;
    for (let h = h0; h <= h1; h++) {
      const at = ats[h - h0]!;
      if (place === null || place.lat !== at.lat || place.lon !== at.lon) {
        let until = h;
        while (until < h1 && ats[until + 1 - h0]!.lat === at.lat && ats[until + 1 - h0]!.lon === at.lon) until++;
        place = this.place(at.lat, at.lon, tails, h, until);
      }
      // Coastal stations do not move: their coverage of a place is learned over the days around the gap
      // (a sparse sea has too few ships in any one hour), and holds in an hour only if the stations were
      // heard at all nearby then (no outage, no hole in the store).
      const pt = place.present.sum(h - p.terrestrialWindowH, h + p.terrestrialWindowH) - ownIn(place.cells, h - p.terrestrialWindowH, h + p.terrestrialWindowH);
      // An outage: other ships were there this hour and no station heard any of them within the hour either
      // side (the neighbours lost signal too); with nobody else there, the stations must at least be heard
      // nearby.
      const presentNow = place.present.sum(h, h) - ownIn(place.cells, h, h);
      const stationsUp = ownStationsUp && !ownStationsUp(h) ? false : presentNow >= 1
        ? place.heardTerrestrial.sum(h - 1, h + 1) > 0
        : (place.heardTerrestrialRing1 ??= this.sums(seriesOf(this.heardTerrestrialSat, this.coarse.around(place.lat, place.lon, 0, 1)), NO_SPANS, place)).sum(h, h) > 0;
      let ht = stationsUp ? Math.min(pt, place.heardTerrestrial.sum(h - p.terrestrialWindowH, h + p.terrestrialWindowH)) : 0;
      // Coverage as it was then: the share heard in the hours around this one, the asking ship's own unheard
      // hours taken out, where fewer than usual were heard (a station down, the neighbours hearing the edge).
      if (ht > 0) {
        const k = p.terrestrialNowH;
        const ptNow = place.present.sum(h - k, h + k) - ownIn(place.cells, h - k, h + k);
        if (ptNow >= p.minShipHoursTerrestrialNow) {
          const qNow = Math.min(1, place.heardTerrestrial.sum(h - k, h + k) / ptNow);
          if (qNow * pt < ht) ht = qNow * pt;
        }
      }
      // The satellite's own 1° cell first: a dense cell must show its own saturation, not its sparse
      // neighbours' reception; wider blocks (one footprint sees them all) only while too few ships are there
      // to measure. Satellite copies of reports a coastal station also heard are usually dropped as
      // duplicates (the terrestrial copy arrives first), so the satellite is judged on the ship-hours no
      // station heard.
      let ps = 0, hs = 0, notT = 0, hsAlone = 0;
      let ring: Ring | undefined;
      for (let r = 0; r <= p.satelliteMaxRing; r++) {
        ring = place.rings[r] ??= this.ring(place, r, tails);
        ps = Math.max(0, ring.presentSat.sum(h, h) - self);
        hs = Math.min(ps, ring.heardSat.sum(h, h));
        notT = Math.max(0, ps - ring.heardTerrestrialSat.sum(h, h));
        hsAlone = Math.min(notT, Math.max(0, hs - ring.heardBothSat.sum(h, h)));
        if (notT >= p.minShipsPresent) break;
      }
      sumPresentT += pt;
      sumPresentS += ps;
      if (hs > 0) {
        passes++;
        satPos += ring!.satPositions.sum(h, h) / hs;
      }
      const tMeasured = pt >= p.minShipHoursTerrestrial, sMeasured = notT >= p.minShipsPresent;
      if (!tMeasured && !sMeasured) {
        unmeasured++;
        continue;
      }
      if (tMeasured) { presentT += pt; heardT += ht; }
      if (sMeasured) { presentS += notT; heardS += hsAlone; }
      const qT = tMeasured ? ht / pt : 0, qFleet = sMeasured ? hsAlone / notT : 0;
      // A ship at rest sends fewer reports into each pass: the fleet's satellite chance, scaled.
      const atRest = restRatio < 1 && selfAtRest!(h);
      if (atRest && qFleet > 0) restHours++;
      const qS = atRest ? qFleet * restRatio : qFleet;
      const heard = Math.min(1 - (1 - qT) * (1 - qS), p.maxHourlyHeardProb);
      expected += heard; // an expectation adds up over hours however they depend on each other
      logUnheardIndependent += Math.log1p(-heard);
      // The satellite hour read given the ship went unheard in the last satellite hour before it: a pass
      // straddling a clock hour, or the same ship missed again (its antenna, its reports' rate, its place).
      const uFleet = qFleet > 0 && h - passH <= p.satelliteMemoryMaxH ? this.unheardAgain(ring!, place, h, passH, self, qFleet, hs, hsAlone, notT) : 1 - qFleet;
      const uS = atRest ? 1 - (1 - uFleet) * restRatio : uFleet;
      if (qFleet > 0) passH = h;
      logUnheard += Math.log(Math.max((1 - qT) * uS, 1 - p.maxHourlyHeardProb));
    }
    const hours = Math.max(0, h1 - h0 + 1);
    return {
      hours,
      unmeasuredHours: unmeasured,
      shipsPresentTerrestrial: hours ? sumPresentT / hours : 0,
      shipsPresentSatellite: hours ? sumPresentS / hours : 0,
      terrestrialHeardShare: presentT ? heardT / presentT : 0,
      satelliteHeardShare: presentS ? heardS / presentS : 0,
      satellitePassHours: passes,
      satelliteRevisitH: passes ? hours / passes : null,
      satelliteReportsPerShipPass: passes ? satPos / passes : null,
      expectedHeardHours: expected,
      unheardProbability: Math.exp(logUnheard),
      unheardProbabilityIndependent: Math.exp(logUnheardIndependent),
      ...(restHours > 0 ? { satelliteAtRestRatio: restRatio, satelliteAtRestHours: restHours } : {}),
    };
  }

  /**
   * P(unheard by a satellite in hour `h` | unheard in the satellite hour `prev` before it), on hour h's block:
   * with a, b the shares of the ships no station heard that a satellite heard in `prev` and in `h`, and ab the
   * share heard in both (ships heard in h whose previous satellite hour was `prev`), (1 − a − b + ab)/(1 − a)
   * — a first-order chain over the passes, measured from the other ships' own histories. Independent passes
   * give 1 − b; the same pass read in two clock hours gives 1. Never below 1 − b: a few ships are no proof
   * that missing one pass makes the next likelier to hear a ship.
   */
  private unheardAgain(ring: Ring, place: Place, h: number, prev: number, self: number, b: number, hs: number, hsAlone: number, notT: number): number {
    const ps = Math.max(0, ring.presentSat.sum(prev, prev) - self);
    const notTPrev = Math.max(0, ps - ring.heardTerrestrialSat.sum(prev, prev));
    if (notTPrev < this.p.minShipsPresent) return 1 - b;
    const hsPrev = Math.min(ps, ring.heardSat.sum(prev, prev));
    const a = Math.min(1, Math.min(notTPrev, Math.max(0, hsPrev - ring.heardBothSat.sum(prev, prev))) / notTPrev);
    if (a >= 1) return 1 - b;
    // Ships heard again, scaled to those no station heard as the hour's satellite ship-hours are.
    const again = this.heardAgain(ring, place, h - prev).sum(h, h) * (hs > 0 ? hsAlone / hs : 0);
    const ab = Math.min(a, b, again / notT);
    return Math.min(1, Math.max(1 - b, (1 - a - b + ab) / (1 - a)));
  }

  /** The terrestrial cells a gap's hours `from`..`until` at (lat, lon) are judged on, with their series and
   *  silent tails; its satellite blocks are added as they are asked for. */
  private place(lat: number, lon: number, tails: Tails, from: number, until: number): Place {
    const ft = this.fine.around(lat, lon, this.p.terrestrialRadiusKm);
    const place: Place = { lat, lon, from, until, cells: new Set(ft), rings: [], heardTerrestrialRing1: null, present: NO_SUMS, heardTerrestrial: NO_SUMS };
    place.present = this.sums(seriesOf(this.present, ft), spansOf(tails.fine, ft), place);
    place.heardTerrestrial = this.sums(seriesOf(this.heardTerrestrial, ft), NO_SPANS, place);
    return place;
  }

  /** The (2·r+1)² satellite block around the place (silent tails counted as present). */
  private ring(place: Place, r: number, tails: Tails): Ring {
    const cs = this.coarse.around(place.lat, place.lon, 0, r);
    return {
      presentSat: this.sums(seriesOf(this.presentSat, cs), spansOf(tails.coarse, cs), place),
      heardSat: this.sums(seriesOf(this.heardSat, cs), NO_SPANS, place),
      heardTerrestrialSat: this.sums(seriesOf(this.heardTerrestrialSat, cs), NO_SPANS, place),
      heardBothSat: this.sums(seriesOf(this.heardBothSat, cs), NO_SPANS, place),
      satPositions: this.sums(seriesOf(this.satPositions, cs), NO_SPANS, place),
      cells: cs,
      heardSatAfter: [],
    };
  }

  /** Ship-hours on the ring heard by a satellite whose previous satellite hour was `d` hours before. */
  private heardAgain(ring: Ring, place: Place, d: number): HourSums {
    return (ring.heardSatAfter[d - 1] ??= this.sums(seriesOf(this.heardSatAfter[d - 1]!, ring.cells), NO_SPANS, place));
  }

  /** Sums over `series` plus the silent `spans` for the place's hours (and the windows around them): a place
   *  held for many hours (an open gap still at its dead-reckoned point for days) gets them laid out hour by
   *  hour once, so each hour's sums cost two reads instead of a binary search per cell and a pass over the
   *  silent ships; the counts are whole numbers, so both ways give the same sums. */
  private sums(series: HourSeries[], spans: readonly number[], place: Place): HourSums {
    const lo = place.from - this.p.terrestrialWindowH, hi = place.until + this.p.terrestrialWindowH;
    const wlo = wrapHour(lo);
    if (place.until - place.from + 1 < DENSE_MIN_HOURS || wlo + (hi - lo) >= HOUR_BITS) return new SeriesSums(series, spans);
    return new DenseSums(series, spans, lo, hi, wlo);
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

/** Silent ships' pending presence, [from hour, to hour] at their last fix, by fine and by satellite cell. */
interface Tails {
  fine: Map<number, Array<[number, number]>>;
  coarse: Map<number, Array<[number, number]>>;
}

const NO_TAILS: Tails = { fine: new Map(), coarse: new Map() };

function push(m: Map<number, Array<[number, number]>>, cell: number, span: [number, number]): void {
  const list = m.get(cell);
  if (list) list.push(span);
  else m.set(cell, [span]);
}

/** One satellite block (ring) around a gap's hour: its sums per layer (silent tails in `presentSat`). */
interface Ring {
  presentSat: HourSums;
  heardSat: HourSums;
  heardTerrestrialSat: HourSums;
  heardBothSat: HourSums;
  satPositions: HourSums;
  cells: number[];
  /** By lag d − 1, filled as asked for. */
  heardSatAfter: Array<HourSums | undefined>;
}

/** The place of a run of a gap's hours (`from`..`until`, the path holding still): its terrestrial cells'
 *  sums (silent tails in `present`), its satellite rings. */
interface Place {
  lat: number;
  lon: number;
  from: number;
  until: number;
  /** Its terrestrial (fine) cells. */
  cells: ReadonlySet<number>;
  present: HourSums;
  heardTerrestrial: HourSums;
  /** Terrestrial ship-hours heard on the 3 × 3 satellite block (are the stations up where nobody is?). */
  heardTerrestrialRing1: HourSums | null;
  /** Satellite blocks by ring, filled as asked for. */
  rings: Array<Ring | undefined>;
}
