// Every vessel's reports summarised per hour (its first and last report of each hour it reported in), read
// once per fusion run so each scene needs only its own hour of raw positions. With the scene hour's raw
// reports this gives, exactly, each vessel's last report at or before the acquisition and its first after
// it: the two reports the position estimate uses (estimate.ts), and the silence a dark candidate must be in
// (candidates.ts). Reading a window of raw reports around every scene instead touches each report once per
// overlapping scene (10 times for scenes 1 h apart with ±6 h windows: bench/imagery-speed.ts).
import type { TrackPoint } from './types.js';

export const MS_PER_BUCKET = 3_600_000;

/** Column arrays, one row per (vessel, hour, 1° cell with reports), sorted by mmsi then hour; the cell is
 *  floor(lat), floor(lon). NaN speed/course = unknown. The cell keeps two transmitters on one MMSI (a cloned
 *  or shared MMSI, hundreds of km apart) apart: a scene reads only the reports of cells near it. */
export interface HourColumns {
  mmsi: ArrayLike<number>;
  hour: ArrayLike<number>;
  cellLat: ArrayLike<number>;
  cellLon: ArrayLike<number>;
  firstT: ArrayLike<number>; firstLat: ArrayLike<number>; firstLon: ArrayLike<number>; firstSpeed: ArrayLike<number>; firstCourse: ArrayLike<number>;
  lastT: ArrayLike<number>; lastLat: ArrayLike<number>; lastLon: ArrayLike<number>; lastSpeed: ArrayLike<number>; lastCourse: ArrayLike<number>;
}

/** A vessel's reports around a time: the last at or before it and the first after it (null: none read). */
export interface Neighbours {
  mmsi: number;
  before: TrackPoint | null;
  after: TrackPoint | null;
}

/** Which 1° cells a query may read (those a box around the scene touches). */
export type CellFilter = (cellLat: number, cellLon: number) => boolean;

export class TrackIndex {
  private readonly vessels: Array<{ mmsi: number; from: number; to: number }> = [];
  private readonly hour: Float64Array;

  constructor(private readonly c: HourColumns) {
    this.hour = Float64Array.from(c.hour);
    for (let i = 0; i < c.mmsi.length; i++) {
      const m = c.mmsi[i]!;
      const last = this.vessels[this.vessels.length - 1];
      if (last && last.mmsi === m) last.to = i + 1;
      else this.vessels.push({ mmsi: m, from: i, to: i + 1 });
    }
  }

  /** Each vessel's neighbours of `timeMs` within `limitMs` either side, read only from cells `cells`
   *  allows; `exact` holds the reports within the time's own hour (raw positions, already filtered to the
   *  same area), which take precedence over the hour summaries. */
  neighboursAt(timeMs: number, limitMs: number, cells: CellFilter, exact: ReadonlyMap<number, { before: TrackPoint | null; after: TrackPoint | null }>): Neighbours[] {
    const h = Math.floor(timeMs / MS_PER_BUCKET);
    const hMin = Math.floor((timeMs - limitMs) / MS_PER_BUCKET), hMax = Math.floor((timeMs + limitMs) / MS_PER_BUCKET);
    const out: Neighbours[] = [];
    for (const v of this.vessels) {
      const ex = exact.get(v.mmsi);
      let lo = v.from, hi = v.to;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.hour[mid]! < h) lo = mid + 1; else hi = mid;
      }
      let before = ex?.before ?? null;
      if (!before) {
        const i = this.nearest(lo - 1, v.from - 1, -1, hMin, cells);
        before = i >= 0 ? this.point(i, 'last') : null;
      }
      let after = ex?.after ?? null;
      if (!after) {
        let k = lo;
        while (k < v.to && this.hour[k] === h) k++;
        const i = this.nearest(k, v.to, 1, hMax, cells);
        after = i >= 0 ? this.point(i, 'first') : null;
      }
      if (before || after) out.push({ mmsi: v.mmsi, before, after });
    }
    return out;
  }

  /** From row `start` stepping `dir` (to `end`, exclusive): the nearest hour with a row in an allowed cell,
   *  and within that hour the row whose report is nearest in time; -1 when none before `stopHour`. */
  private nearest(start: number, end: number, dir: 1 | -1, stopHour: number, cells: CellFilter): number {
    const c = this.c;
    let best = -1;
    for (let i = start; i !== end; i += dir) {
      const hr = this.hour[i]!;
      if (dir < 0 ? hr < stopHour : hr > stopHour) break;
      if (best >= 0 && hr !== this.hour[best]) break;
      if (!cells(c.cellLat[i]!, c.cellLon[i]!)) continue;
      if (best < 0 || (dir < 0 ? c.lastT[i]! > c.lastT[best]! : c.firstT[i]! < c.firstT[best]!)) best = i;
    }
    return best;
  }

  private point(i: number, which: 'first' | 'last'): TrackPoint {
    const c = this.c;
    const [t, lat, lon, sp, co] = which === 'first'
      ? [c.firstT[i]!, c.firstLat[i]!, c.firstLon[i]!, c.firstSpeed[i]!, c.firstCourse[i]!]
      : [c.lastT[i]!, c.lastLat[i]!, c.lastLon[i]!, c.lastSpeed[i]!, c.lastCourse[i]!];
    return { timeMs: t, lat, lon, speedKn: Number.isNaN(sp) ? null : Math.round(sp * 10) / 10, courseDeg: Number.isNaN(co) ? null : co };
  }
}
