// Per-vessel segmentation in the spirit of GFW's gpsdio-segment: each position joins the live segment it is
// reachable from at a plausible speed; when none is reachable it opens a new segment. Several live segments
// for one MMSI mean a shared or spoofed MMSI. A new segment is *tentative* until it gathers
// `minPointsForTrack` points; a tentative segment that dies while a confirmed sibling was alive is an
// outlier (a GNSS glitch) — its points are marked `outlier` so no detector turns them into events.
// A confirmed segment silent for `dormantAfterH` (and 10× its usual report interval) while a sibling kept
// reporting is dormant: a point that would join it opens a tentative *wake* instead, merged back into it
// (same id) once it has `minWakePoints` points and an outlier if it dies first (the sibling went on) — so
// a glitch landing within the hours-wide reach of a silent fabricated track stays a glitch.
//
// Incremental: push time-ordered positions of ONE vessel, receive decided points in time order (points of
// a tentative segment are held back until it is confirmed or dies), snapshot the state as JSON.
import { SEGMENT_PARAMS } from '../detectors/params.js';
import { destination, distanceM, METRES_PER_NM, MS_PER_HOUR } from '../geo/sphere.js';
import type { Position } from './position.js';

export type SegmentParams = typeof SEGMENT_PARAMS;

export interface TrackPoint extends Position {
  segmentId: string;
  /** True when the point belongs to a short segment beaten by a confirmed one: a glitch. */
  outlier: boolean;
}

export type RejectReason = 'invalid_position' | 'out_of_order' | 'duplicate' | 'wrong_mmsi';

interface Segment {
  id: string;
  startMs: number;
  lastMs: number;
  lastLat: number;
  lastLon: number;
  /** The last `lookbackPoints` fixes as [timeMs, lat, lon, speedKn, courseDeg] (NaN when unknown): a point
   *  may join from any of them. */
  recent: Array<[number, number, number, number, number]>;
  count: number;
  confirmed: boolean;
  /** A confirmed segment was alive at the same time: dying tentative means outlier. */
  hadConfirmedSibling: boolean;
  /** Points added to confirmed siblings since this segment's last point. */
  siblingPointsSince: number;
  dead: boolean;
  outlier: boolean;
  /** On a tentative wake: the id of the dormant segment it continues (merged into it once confirmed). */
  wakes?: string | null;
  /** On a dormant segment: a wake is pending, so new points go to the wake, not here. */
  waking?: boolean;
  /** On a dormant segment: the last point of its latest wake that died as an outlier ([t, lat, lon]). A
   *  point reachable from it confirms that wake after the fact (a sparse reporter, not a glitch). */
  lastWake?: [number, number, number] | null;
}

export interface SegmenterState {
  mmsi: number;
  lastMs: number;
  /** [lat, lon, lat, lon, …] of points already seen at `lastMs` (duplicate detection). */
  seenAtLast: number[];
  segments: Segment[];
  queue: Array<{ p: Position; seg: string }>;
  rejects: Partial<Record<RejectReason, number>>;
  idCounter: number;
}

/** How long a tentative segment may stay silent while a confirmed sibling keeps reporting (ms). */
const TENTATIVE_SILENCE_MS = 30 * 60_000;
/** ...and how many sibling points must have arrived meanwhile. */
const TENTATIVE_SILENCE_POINTS = 3;

export class Segmenter {
  private s: SegmenterState;

  constructor(mmsi: number, readonly params: SegmentParams = SEGMENT_PARAMS, state?: SegmenterState) {
    this.s = state ?? { mmsi, lastMs: -Infinity, seenAtLast: [], segments: [], queue: [], rejects: {}, idCounter: 0 };
  }

  static restore(state: SegmenterState, params: SegmentParams = SEGMENT_PARAMS): Segmenter {
    return new Segmenter(state.mmsi, params, structuredClone(state));
  }

  snapshot(): SegmenterState {
    return structuredClone(this.s);
  }

  get rejects(): Readonly<Partial<Record<RejectReason, number>>> {
    return this.s.rejects;
  }

  /** Positions held back until their segment is decided. */
  get held(): number {
    return this.s.queue.length;
  }

  /** Live (not dead) segments, confirmed or not — for shared-MMSI checks. */
  liveSegments(): ReadonlyArray<{ id: string; confirmed: boolean; count: number; lastMs: number }> {
    return this.s.segments.filter((g) => !g.dead);
  }

  push(p: Position): TrackPoint[] {
    const s = this.s;
    if (p.mmsi !== s.mmsi) return this.reject('wrong_mmsi');
    if (!validLatLon(p.lat, p.lon) || !Number.isFinite(p.timeMs)) return this.reject('invalid_position');
    if (p.timeMs < s.lastMs) return this.reject('out_of_order');
    if (p.timeMs === s.lastMs) {
      const seen = s.seenAtLast;
      for (let i = 0; i < seen.length; i += 2) if (seen[i] === p.lat && seen[i + 1] === p.lon) return this.reject('duplicate');
      seen.push(p.lat, p.lon);
    } else {
      s.lastMs = p.timeMs;
      const seen = s.seenAtLast; // in place: this runs per position
      seen.length = 0;
      seen.push(p.lat, p.lon);
    }

    this.expire(p.timeMs);
    let seg = this.choose(p);
    seg = seg && this.isDormant(seg, p.timeMs) && !this.followsWake(seg, p) ? this.wake(seg, p) : seg ?? this.open(p);
    seg.lastWake = null;
    seg.lastMs = p.timeMs;
    seg.lastLat = p.lat;
    seg.lastLon = p.lon;
    if (seg.recent.length >= this.params.lookbackPoints) {
      const r = seg.recent.shift()!; // reuse the oldest slot: no allocation per point
      r[0] = p.timeMs;
      r[1] = p.lat;
      r[2] = p.lon;
      r[3] = p.speedKn ?? NaN;
      r[4] = p.courseDeg ?? NaN;
      seg.recent.push(r);
    } else {
      seg.recent.push([p.timeMs, p.lat, p.lon, p.speedKn ?? NaN, p.courseDeg ?? NaN]);
    }
    seg.count++;
    seg.siblingPointsSince = 0;
    if (!seg.confirmed && seg.count >= (seg.wakes ? this.params.minWakePoints : this.params.minPointsForTrack)) {
      seg.confirmed = true;
      const wakes = seg.wakes;
      const dormant = wakes ? s.segments.find((g) => g.id === wakes && !g.dead) : undefined;
      if (dormant) seg = this.merge(seg, dormant);
    }
    const direct = seg.confirmed && s.queue.length === 0;
    if (!direct) s.queue.push({ p, seg: seg.id });

    if (seg.confirmed) {
      for (const other of s.segments) {
        if (other === seg || other.dead || other.confirmed) continue;
        other.hadConfirmedSibling = true;
        other.siblingPointsSince++;
        if (other.siblingPointsSince >= TENTATIVE_SILENCE_POINTS && p.timeMs - other.lastMs >= TENTATIVE_SILENCE_MS) {
          this.kill(other);
        }
      }
    } else if (s.segments.some((g) => g !== seg && !g.dead && g.confirmed)) {
      seg.hadConfirmedSibling = true;
    }
    if (direct) {
      const out: TrackPoint[] = [trackPoint(p, seg.id, false)];
      if (s.segments.length > 1 && s.segments.some((g) => g.dead)) out.push(...this.drain());
      return out;
    }
    return this.drain();
  }

  /** End of input: every held point is decided now. */
  flush(): TrackPoint[] {
    for (const g of this.s.segments) if (!g.dead) this.kill(g);
    return this.drain();
  }

  private reject(reason: RejectReason): TrackPoint[] {
    this.s.rejects[reason] = (this.s.rejects[reason] ?? 0) + 1;
    return [];
  }

  private expire(nowMs: number): void {
    const maxMs = this.params.maxLookbackH * MS_PER_HOUR;
    for (const g of this.s.segments) if (!g.dead && nowMs - g.lastMs > maxMs) this.kill(g);
  }

  private kill(g: Segment): void {
    g.dead = true;
    g.outlier = !g.confirmed && g.hadConfirmedSibling;
    if (g.wakes) {
      const dormant = this.s.segments.find((x) => x.id === g.wakes);
      if (dormant) {
        dormant.waking = false; // back to dormant: a later point may wake it again
        if (g.outlier) dormant.lastWake = [g.lastMs, g.lastLat, g.lastLon];
      }
    }
  }

  /** Confirmed, silent for `dormantAfterH`, and a confirmed sibling reported during that silence. */
  private isDormant(g: Segment, nowMs: number): boolean {
    const silentMs = nowMs - g.lastMs;
    const meanStepMs = (g.lastMs - g.startMs) / Math.max(1, g.count - 1);
    return g.confirmed && silentMs >= this.params.dormantAfterH * MS_PER_HOUR
      && silentMs >= this.params.dormantMeanStepRatio * meanStepMs
      && this.s.segments.some((o) => o !== g && !o.dead && o.confirmed && o.lastMs > g.lastMs);
  }

  /** `p` is reachable from the dormant segment's last dead wake: two consistent reports, not one glitch. */
  private followsWake(g: Segment, p: Position): boolean {
    const w = g.lastWake;
    if (!w) return false;
    const d = distanceM(w[1], w[2], p.lat, p.lon);
    return d <= this.params.noiseDistanceM
      || d / METRES_PER_NM / ((p.timeMs - w[0]) / MS_PER_HOUR + this.params.bufferH) <= this.params.maxSpeedKn;
  }

  /** A tentative segment for a point that would wake dormant `g`; `g` takes no points while it is pending. */
  private wake(g: Segment, p: Position): Segment {
    const w = this.open(p);
    w.wakes = g.id;
    w.hadConfirmedSibling = true;
    g.waking = true;
    return w;
  }

  /** A confirmed wake becomes its dormant segment again: same id, its fixes, its held points relabelled. */
  private merge(w: Segment, g: Segment): Segment {
    g.lastMs = w.lastMs;
    g.lastLat = w.lastLat;
    g.lastLon = w.lastLon;
    g.recent = w.recent;
    g.count += w.count;
    g.siblingPointsSince = 0;
    g.waking = false;
    for (const q of this.s.queue) if (q.seg === w.id) q.seg = g.id;
    this.s.segments = this.s.segments.filter((x) => x !== w);
    return g;
  }

  /** The reachable live segment (implied speed ≤ max from any of its recent fixes), preferring confirmed
   *  ones. When several are reachable, the one whose dead-reckoned position (last fix moved on at its
   *  reported speed and course, GFW's "discrepancy") lies closest to the point, relative to the reachable
   *  radius — so an old segment with a huge reachable radius does not capture a fresh, consistent track. */
  private choose(p: Position): Segment | undefined {
    const { bufferH, maxSpeedKn, noiseDistanceM } = this.params;
    let first: Segment | undefined;
    let reachable: Segment[] | undefined;
    for (const g of this.s.segments) {
      if (g.dead || g.waking) continue;
      let ok = false;
      for (let i = g.recent.length - 1; i >= 0 && !ok; i--) {
        const f = g.recent[i]!;
        const d = distanceM(f[1], f[2], p.lat, p.lon);
        ok = d <= noiseDistanceM || d / METRES_PER_NM / ((p.timeMs - f[0]) / MS_PER_HOUR + bufferH) <= maxSpeedKn;
      }
      if (!ok) continue;
      if (!first) first = g;
      else (reachable ??= [first]).push(g);
    }
    if (!reachable) return first;
    let best: Segment | undefined;
    let bestScore = Infinity;
    for (const g of reachable) {
      let ratio = Infinity;
      for (const f of g.recent) {
        const dtH = (p.timeMs - f[0]) / MS_PER_HOUR;
        const radiusM = maxSpeedKn * (dtH + bufferH) * METRES_PER_NM;
        const d = Number.isFinite(f[3]) && Number.isFinite(f[4])
          ? distanceToPredictedM(f, dtH, p)
          : distanceM(f[1], f[2], p.lat, p.lon);
        ratio = Math.min(ratio, d / radiusM);
      }
      const score = (g.confirmed || g.wakes ? 0 : 10) + ratio; // a wake continues a confirmed segment
      if (score < bestScore) {
        bestScore = score;
        best = g;
      }
    }
    return best;
  }

  private open(p: Position): Segment {
    const base = `${p.mmsi}-${new Date(p.timeMs).toISOString()}`;
    const id = this.s.segments.some((g) => g.id === base) ? `${base}-${++this.s.idCounter}` : base;
    const g: Segment = {
      id, startMs: p.timeMs, recent: [], lastMs: p.timeMs, lastLat: p.lat, lastLon: p.lon, count: 0, confirmed: false,
      hadConfirmedSibling: false, siblingPointsSince: 0, dead: false, outlier: false,
    };
    this.s.segments.push(g);
    return g;
  }

  /** Emits queued points from the head while their segment is decided; forgets dead, drained segments. */
  private drain(): TrackPoint[] {
    const out: TrackPoint[] = [];
    const s = this.s;
    let i = 0;
    for (; i < s.queue.length; i++) {
      const q = s.queue[i]!;
      const g = s.segments.find((x) => x.id === q.seg)!;
      if (!g.confirmed && !g.dead) break;
      out.push(trackPoint(q.p, g.id, g.outlier));
    }
    if (i > 0) s.queue.splice(0, i);
    if (s.segments.some((g) => g.dead)) {
      const waiting = new Set(s.queue.map((q) => q.seg));
      s.segments = s.segments.filter((g) => !g.dead || waiting.has(g.id));
    }
    return out;
  }
}

/** Distance from `p` to where fix `f` would be after `dtH` hours at its reported speed and course. */
function distanceToPredictedM(f: [number, number, number, number, number], dtH: number, p: Position): number {
  const pred = destination(f[1], f[2], f[4], f[3] * dtH * METRES_PER_NM);
  return distanceM(pred.lat, pred.lon, p.lat, p.lon);
}

/** A fresh object of one fixed shape, `stations` included even when unknown (one hidden class for every
 *  point: the detectors' property reads stay monomorphic); the caller's position is never mutated. */
function trackPoint(p: Position, segmentId: string, outlier: boolean): TrackPoint {
  return {
    mmsi: p.mmsi, timeMs: p.timeMs, lat: p.lat, lon: p.lon, speedKn: p.speedKn, courseDeg: p.courseDeg,
    headingDeg: p.headingDeg, status: p.status, source: p.source ?? null,
    stations: p.stations || undefined, segmentId, outlier,
  };
}

export function validLatLon(lat: number, lon: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lon) && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
}
