// The hearing index's question (src/detectors/hearing.ts): how likely a ship transmitting along a path,
// hour by hour, would have been heard — read from the index's layers, the asking ship's own silence taken
// out, the silent ships' pending presence counted.
import { MS_PER_HOUR } from '../geo/sphere.js';
import { HOUR_BITS, type HourSeries, wrapHour } from './hour-series.js';
import type { DegreeGrid } from './degree-grid.js';
import { type HourSums, DENSE_MIN_HOURS, NO_SPANS, SeriesSums, DenseSums, NO_SUMS, seriesOf, spansOf } from './hour-sums.js';
import type { Hearing, PathAt, ReceptionParams } from './hearing-types.js';

/** The index's layers the question reads (shared, not copied: the index keeps adding to them). */
export interface HearingLayers {
  fine: DegreeGrid;
  coarse: DegreeGrid;
  present: Map<number, HourSeries>;
  heardTerrestrial: Map<number, HourSeries>;
  presentSat: Map<number, HourSeries>;
  heardSat: Map<number, HourSeries>;
  heardTerrestrialSat: Map<number, HourSeries>;
  heardBothSat: Map<number, HourSeries>;
  satPositions: Map<number, HourSeries>;
  heardSatAfter: Array<Map<number, HourSeries>>;
  /** Per vessel its latest fix (see HearingIndex), and the vessels by the satellite cell of it. */
  last: Map<number, Float64Array>;
  byCell: Map<number, Set<number>>;
}

export class HearingReader {
  private readonly fine: DegreeGrid;
  private readonly coarse: DegreeGrid;
  private readonly present: Map<number, HourSeries>;
  private readonly heardTerrestrial: Map<number, HourSeries>;
  private readonly presentSat: Map<number, HourSeries>;
  private readonly heardSat: Map<number, HourSeries>;
  private readonly heardTerrestrialSat: Map<number, HourSeries>;
  private readonly heardBothSat: Map<number, HourSeries>;
  private readonly satPositions: Map<number, HourSeries>;
  private readonly heardSatAfter: Array<Map<number, HourSeries>>;
  private readonly last: Map<number, Float64Array>;
  private readonly byCell: Map<number, Set<number>>;

  /** `satelliteAtRestRatio`: the index's at-rest ratio as it stands when asked. */
  constructor(private readonly p: ReceptionParams, layers: HearingLayers, private readonly satelliteAtRestRatio: () => number) {
    ({ fine: this.fine, coarse: this.coarse, present: this.present, heardTerrestrial: this.heardTerrestrial, presentSat: this.presentSat,
      heardSat: this.heardSat, heardTerrestrialSat: this.heardTerrestrialSat, heardBothSat: this.heardBothSat, satPositions: this.satPositions,
      heardSatAfter: this.heardSatAfter, last: this.last, byCell: this.byCell } = layers);
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
