// Per-MMSI bookkeeping over the tracks segmenter (src/tracks/segmenter.ts, GFW gpsdio-segment style):
// which segment each decided position joined, how often reports switch between two segments, and when a
// segment dies. The shared-MMSI and spoofing detectors read these observations; GNSS glitches (points
// the segmenter marks `outlier`) are counted and never reach them.
import { distanceM, MS_PER_HOUR } from '../geo/sphere.js';
import type { Position } from '../tracks/position.js';
import { Segmenter, type SegmenterState, type TrackPoint } from '../tracks/segmenter.js';
import { SEGMENT_PARAMS } from './params.js';

export interface SegInfo {
  id: string;
  firstMs: number;
  lastMs: number;
  count: number;
  firstLat: number;
  firstLon: number;
  lastLat: number;
  lastLon: number;
}

/** Two segments of one MMSI between which reports have switched. `a` is the older segment. */
export interface PairInfo {
  a: string;
  b: string;
  switches: number;
  /** The first switch: from the last point of `a` to the first of `b` (the jump). */
  jumpM: number;
  jumpDtMs: number;
  /** The latest switch back into `a` (the return), if any. */
  returnM: number | null;
  returnDtMs: number | null;
  /** `a`'s first position after `b` appeared. */
  aAfterLat: number | null;
  aAfterLon: number | null;
  minSeparationM: number;
}

export type WatchObservation =
  | { kind: 'point'; point: TrackPoint; seg: SegInfo; pair: PairInfo | null }
  | { kind: 'dead'; seg: SegInfo };

export interface SegmentWatchState {
  mmsi: number;
  /** True when the input is already segmented (TrackPoints from the pipeline's segmenter): segments then
   *  die when silent beyond the segmenter's look-back, as the segmenter itself decides. */
  external: boolean | null;
  segmenter: SegmenterState | null;
  segs: SegInfo[];
  pairs: PairInfo[];
  prev: { seg: string; timeMs: number; lat: number; lon: number } | null;
  glitches: number;
}

const NONE_DEAD: readonly SegInfo[] = Object.freeze([]);

export class SegmentWatch {
  private segmenter: Segmenter | null = null;
  private readonly s: SegmentWatchState;
  private readonly one: TrackPoint[] = [];

  constructor(mmsi: number, state?: SegmentWatchState) {
    this.s = state ? structuredClone(state) : { mmsi, external: null, segmenter: null, segs: [], pairs: [], prev: null, glitches: 0 };
    if (this.s.segmenter) this.segmenter = Segmenter.restore(this.s.segmenter);
  }

  get glitches(): number {
    return this.s.glitches;
  }

  /** A segment still alive (undefined once it died). */
  seg(id: string): SegInfo | undefined {
    return this.s.segs.find((g) => g.id === id);
  }

  snapshot(): SegmentWatchState {
    return structuredClone({ ...this.s, segmenter: this.segmenter ? this.segmenter.snapshot() : null });
  }

  /** A raw position (segmented here) or a TrackPoint already segmented upstream (not both in one watch). */
  push(p: Position | TrackPoint): WatchObservation[] {
    if (this.s.external === null) this.s.external = typeof (p as TrackPoint).segmentId === 'string';
    if (this.s.external) {
      const one = this.one; // observe reads it through before returning: reused, not allocated per position
      one[0] = p as TrackPoint;
      return this.observe(one, false, p.timeMs);
    }
    this.segmenter ??= new Segmenter(this.s.mmsi);
    return this.observe(this.segmenter.push(p), false, p.timeMs);
  }

  /** End of input: every held point decided, every segment reported dead. */
  flush(): WatchObservation[] {
    return this.observe(this.segmenter ? this.segmenter.flush() : [], true, Infinity);
  }

  private observe(points: TrackPoint[], all: boolean, nowMs: number): WatchObservation[] {
    const out: WatchObservation[] = [];
    for (const tp of points) {
      if (tp.outlier) {
        this.s.glitches++;
        continue;
      }
      let seg = this.s.segs.find((g) => g.id === tp.segmentId);
      if (!seg) {
        seg = { id: tp.segmentId, firstMs: tp.timeMs, lastMs: tp.timeMs, count: 0, firstLat: tp.lat, firstLon: tp.lon, lastLat: tp.lat, lastLon: tp.lon };
        this.s.segs.push(seg);
      }
      seg.count++;
      seg.lastMs = tp.timeMs;
      seg.lastLat = tp.lat;
      seg.lastLon = tp.lon;
      let pair: PairInfo | null = null;
      const prev = this.s.prev;
      if (prev && prev.seg !== seg.id) pair = this.recordSwitch(prev, seg, tp);
      if (prev) { // in place: this runs per position (recordSwitch has read the old values)
        prev.seg = seg.id;
        prev.timeMs = tp.timeMs;
        prev.lat = tp.lat;
        prev.lon = tp.lon;
      } else this.s.prev = { seg: seg.id, timeMs: tp.timeMs, lat: tp.lat, lon: tp.lon };
      out.push({ kind: 'point', point: tp, seg, pair });
    }
    let dead: readonly SegInfo[];
    if (all) dead = this.s.segs;
    else if (this.segmenter) {
      const live = this.segmenter.liveSegments();
      dead = this.s.segs.filter((g) => !live.some((l) => l.id === g.id));
    } else {
      const expiredBeforeMs = nowMs - SEGMENT_PARAMS.maxLookbackH * MS_PER_HOUR;
      // Most positions expire nothing: look before allocating the list.
      dead = this.s.segs.some((g) => g.lastMs < expiredBeforeMs) ? this.s.segs.filter((g) => g.lastMs < expiredBeforeMs) : NONE_DEAD;
    }
    if (dead.length > 0) {
      const gone = new Set(dead.map((g) => g.id));
      this.s.segs = this.s.segs.filter((g) => !gone.has(g.id));
      this.s.pairs = this.s.pairs.filter((q) => !gone.has(q.a) && !gone.has(q.b));
      for (const seg of dead) out.push({ kind: 'dead', seg });
    }
    return out;
  }

  private recordSwitch(prev: NonNullable<SegmentWatchState['prev']>, seg: SegInfo, tp: TrackPoint): PairInfo {
    const other = this.s.segs.find((g) => g.id === prev.seg);
    const older = other && other.firstMs <= seg.firstMs ? prev.seg : seg.id;
    const newer = older === seg.id ? prev.seg : seg.id;
    const d = distanceM(prev.lat, prev.lon, tp.lat, tp.lon);
    let pair = this.s.pairs.find((q) => q.a === older && q.b === newer);
    if (!pair) {
      pair = { a: older, b: newer, switches: 0, jumpM: d, jumpDtMs: tp.timeMs - prev.timeMs, returnM: null, returnDtMs: null, aAfterLat: null, aAfterLon: null, minSeparationM: d };
      this.s.pairs.push(pair);
    }
    pair.switches++;
    pair.minSeparationM = Math.min(pair.minSeparationM, d);
    if (seg.id === older) {
      pair.returnM = d;
      pair.returnDtMs = tp.timeMs - prev.timeMs;
      if (pair.aAfterLat === null) {
        pair.aAfterLat = tp.lat;
        pair.aAfterLon = tp.lon;
      }
    }
    return pair;
  }
}
