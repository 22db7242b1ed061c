// One vessel's detection chain: segmenter (glitches flagged as outliers) → gap (+ dark port call) → port
// visit per track → the registered per-vessel detectors, with the vessel's statics interleaved by time.
// The batch pipeline and the live feed (`tumen serve --listen`) both run this one chain.
import type { TumenEvent } from '../events/schema.js';
import type { Position } from '../tracks/position.js';
import type { Detector, StaticReport } from './detector.js';
import { Segmenter, type TrackPoint } from '../tracks/segmenter.js';
import { GapDetector } from './gap.js';
import { darkPortCallFromGap } from './dark-port-call.js';
import { PortVisitDetector } from './port-visit.js';
import { distanceM, METRES_PER_NM, MS_PER_HOUR } from '../geo/sphere.js';
import { SEGMENT_PARAMS } from './params.js';
import type { DetectorContext, DetectorEntry } from './registry.js';

/** One vessel's pass: segmenter → detectors, statics interleaved by time. */
export class VesselChain {
  readonly segmenter: Segmenter;
  readonly segments = new Set<string>();
  readonly outlierList: Array<{ mmsi: number; timeMs: number; lat: number }> = [];
  outliers = 0;
  private readonly gap: GapDetector | null;
  /** Port visits run per track: two ships on one MMSI must not make each other's visits flicker. */
  private readonly portVisits = new Map<number, PortVisitDetector>();
  private readonly tracks = new Tracks();
  private readonly ctx: DetectorContext;
  private readonly detectors: Detector[];
  private readonly wantGap: boolean;
  private readonly wantDarkCall: boolean;
  private readonly wantPortVisit: boolean;
  private si = 0;

  /** Events go straight into `sink` (no per-position arrays: this loop runs for every position). */
  constructor(
    readonly mmsi: number,
    ctx: DetectorContext,
    entries: DetectorEntry[],
    want: (t: string) => boolean,
    private readonly sink: TumenEvent[],
    /** This vessel's statics in time order, fed as positions pass their times; live feeds use pushStatic. */
    private readonly statics: readonly StaticReport[] = [],
  ) {
    this.segmenter = new Segmenter(mmsi);
    this.wantGap = want('gap');
    this.wantDarkCall = want('dark_port_call');
    this.wantPortVisit = want('port_visit');
    this.gap = this.wantGap || this.wantDarkCall ? new GapDetector(ctx.gap) : null;
    this.ctx = ctx;
    this.detectors = entries.map((d) => d.create(ctx));
  }

  push(p: Position): void {
    const points = this.segmenter.push(p);
    for (let i = 0; i < points.length; i++) this.consume(points[i]!);
  }

  finish(): void {
    for (const tp of this.segmenter.flush()) this.consume(tp);
    this.staticsUntil(Infinity);
    if (this.gap) this.withDarkCalls(this.gap.flush());
    for (const pv of this.portVisits.values()) this.emit(pv.flush());
    for (const d of this.detectors) this.emit(d.flush());
  }

  private emit(events: TumenEvent[]): void {
    for (let i = 0; i < events.length; i++) this.sink.push(events[i]!);
  }

  private consume(tp: TrackPoint): void {
    this.segments.add(tp.segmentId);
    if (tp.outlier) {
      this.outliers++;
      this.outlierList.push({ mmsi: tp.mmsi, timeMs: tp.timeMs, lat: tp.lat });
    }
    if (this.si < this.statics.length) this.staticsUntil(tp.timeMs);
    if (this.gap) {
      const gaps = this.gap.pushPosition(tp);
      if (gaps.length > 0) this.withDarkCalls(gaps);
    }
    if (!tp.outlier && this.wantPortVisit) {
      const track = this.tracks.trackOf(tp);
      let pv = this.portVisits.get(track);
      if (!pv) this.portVisits.set(track, (pv = new PortVisitDetector({ ports: this.ctx.ports })));
      this.emit(pv.pushPosition(tp));
    }
    for (const d of this.detectors) if (d.pushPosition) this.emit(d.pushPosition(tp));
  }

  pushStatic(s: StaticReport): void {
    for (const d of this.detectors) if (d.pushStatic) this.emit(d.pushStatic(s));
  }

  private staticsUntil(timeMs: number): void {
    while (this.si < this.statics.length && this.statics[this.si]!.timeMs <= timeMs) this.pushStatic(this.statics[this.si++]!);
  }

  private withDarkCalls(gaps: TumenEvent[]): void {
    for (const g of gaps) {
      if (this.wantGap) this.sink.push(g);
      if (this.wantDarkCall) {
        const call = darkPortCallFromGap(g);
        if (call) this.sink.push(call);
      }
    }
  }
}

/**
 * Chains one MMSI's segments into tracks: a new segment continues the track whose last fix it is reachable
 * from (the segmenter's speed rule, with no look-back limit: a ship silent in port for two days is still the
 * same ship); a segment reachable from none is a parallel track (a second ship on the MMSI, a fabricated
 * track).
 */
class Tracks {
  private readonly bySegment = new Map<string, number>();
  private readonly last: Array<{ timeMs: number; lat: number; lon: number }> = [];

  trackOf(tp: TrackPoint): number {
    let track = this.bySegment.get(tp.segmentId);
    if (track === undefined) {
      let best = -1;
      let bestMs = -Infinity;
      for (let i = 0; i < this.last.length; i++) {
        const f = this.last[i]!;
        const hours = (tp.timeMs - f.timeMs) / MS_PER_HOUR + SEGMENT_PARAMS.bufferH;
        const reachable = distanceM(f.lat, f.lon, tp.lat, tp.lon) / METRES_PER_NM <= SEGMENT_PARAMS.maxSpeedKn * hours;
        if (reachable && f.timeMs > bestMs) {
          best = i;
          bestMs = f.timeMs;
        }
      }
      track = best >= 0 ? best : this.last.length;
      if (best < 0) this.last.push({ timeMs: tp.timeMs, lat: tp.lat, lon: tp.lon });
      this.bySegment.set(tp.segmentId, track);
    }
    const f = this.last[track]!;
    f.timeMs = tp.timeMs;
    f.lat = tp.lat;
    f.lon = tp.lon;
    return track;
  }
}
