// One vessel's detection chain: the segmenter (glitches flagged as outliers) → the registered per-vessel
// detectors (derived types read off their source's events), with the vessel's statics delivered in time
// order among its decided positions. The detection runner (src/detectors/runner.ts) holds one per MMSI.
import type { TumenEvent } from '../events/schema.js';
import type { Position } from '../tracks/position.js';
import type { Detector, StaticReport } from './detector.js';
import { Segmenter, type SegmenterState, type SegmentParams, type TrackPoint } from '../tracks/segmenter.js';
import type { DerivedEntry, DetectorContext, DetectorEntry, Params } from './registry.js';

/** The detectors of one chain, resolved once per run and shared by every vessel. */
export interface ChainPlan {
  segmentParams: SegmentParams;
  detectors: Array<{ entry: DetectorEntry; params: Params; emit: boolean; derived: Array<{ entry: DerivedEntry; params: Params }> }>;
}

export interface ChainFeed {
  position(tp: TrackPoint): void;
  static(s: StaticReport): void;
}

export interface VesselChainState {
  segmenter: SegmenterState;
  detectors: Record<string, unknown>;
  /** Statics received while positions before them were still held by the segmenter. */
  pendingStatics: StaticReport[];
  segmentIds: string[];
  outliers: number;
  /** Time of the latest report (position or static) of this MMSI; absent in old snapshots. */
  heardMs?: number;
}

/** What a retired vessel keeps: the state of its detectors whose events span a silence, by type. */
export type RetiredVessel = Record<string, unknown>;

export class VesselChain {
  readonly segmenter: Segmenter;
  /** Outlier positions seen. */
  outliers: number;
  private lastSegment = '';
  private readonly seenSegments: Set<string>;
  private readonly detectors: Detector[];
  private pendingStatics: StaticReport[];
  /** Time of the latest report pushed (the runner retires a vessel silent long enough). */
  heardMs: number;

  constructor(
    readonly mmsi: number,
    private readonly ctx: DetectorContext,
    private readonly plan: ChainPlan,
    /** Events go straight here (no per-position arrays: this loop runs for every position). */
    private readonly sink: TumenEvent[],
    /** Every decided position (outliers flagged) and static, in the order the detectors get them — the
     *  runner's feed to the global detectors. */
    private readonly feed: ChainFeed | null,
    state?: VesselChainState,
    /** A retired vessel heard again: its kept detectors' states (the rest start afresh). */
    kept?: RetiredVessel,
  ) {
    this.segmenter = state ? Segmenter.restore(state.segmenter, plan.segmentParams) : new Segmenter(mmsi, plan.segmentParams);
    this.detectors = plan.detectors.map((d) => {
      const s = state ? state.detectors[d.entry.type] : kept?.[d.entry.type];
      return s === undefined ? d.entry.create(ctx, d.params) : d.entry.restore(ctx, d.params, s);
    });
    this.pendingStatics = state ? structuredClone(state.pendingStatics) : [];
    this.seenSegments = new Set(state?.segmentIds ?? []);
    this.outliers = state?.outliers ?? 0;
    this.heardMs = state?.heardMs ?? (state && Number.isFinite(state.segmenter.lastMs) ? state.segmenter.lastMs : -Infinity);
  }

  /** Distinct segments seen. */
  get segments(): number {
    return this.seenSegments.size;
  }

  push(p: Position): void {
    if (p.timeMs > this.heardMs) this.heardMs = p.timeMs;
    const points = this.segmenter.push(p);
    for (let i = 0; i < points.length; i++) this.consume(points[i]!);
  }

  /**
   * A static report. It reaches the detectors in time order among this vessel's positions: at once when
   * the segmenter holds no position, else just before the first held position at or after its time.
   */
  pushStatic(s: StaticReport): void {
    if (s.timeMs > this.heardMs) this.heardMs = s.timeMs;
    if (this.segmenter.held === 0 && this.pendingStatics.length === 0) this.deliverStatic(s);
    else this.pendingStatics.push(s);
  }

  /** End of input: every held position is decided, open events are emitted. */
  finish(): void {
    for (const tp of this.segmenter.flush()) this.consume(tp);
    for (const s of this.pendingStatics.splice(0)) this.deliverStatic(s);
    for (let i = 0; i < this.detectors.length; i++) this.emit(i, this.detectors[i]!.flush());
  }

  /**
   * The vessel fell silent for good (as far as detection can tell): held positions are decided and the
   * detectors ended as at the end of input, except those whose events span a silence — their states are
   * returned, to be restored if the vessel is heard again or flushed at the end of input.
   */
  retire(spansSilence: (type: string) => boolean): RetiredVessel {
    for (const tp of this.segmenter.flush()) this.consume(tp);
    for (const s of this.pendingStatics.splice(0)) this.deliverStatic(s);
    const kept: RetiredVessel = {};
    for (let i = 0; i < this.detectors.length; i++) {
      const type = this.plan.detectors[i]!.entry.type;
      const d = this.detectors[i]!;
      if (spansSilence(type)) kept[type] = d.retiredState ? d.retiredState() : d.snapshot();
      else this.emit(i, d.flush());
    }
    return kept;
  }

  /** Adds this chain's dropped candidates into `out` (type → reason → count). */
  addDropped(out: Record<string, Record<string, number>>, skip?: (type: string) => boolean): void {
    for (let i = 0; i < this.detectors.length; i++) if (!skip?.(this.plan.detectors[i]!.entry.type)) addCounts(out, this.plan.detectors[i]!.entry.type, this.detectors[i]!.dropped?.());
  }

  snapshot(): VesselChainState {
    const detectors: Record<string, unknown> = {};
    this.plan.detectors.forEach((d, i) => { detectors[d.entry.type] = this.detectors[i]!.snapshot(); });
    return { segmenter: this.segmenter.snapshot(), detectors, pendingStatics: structuredClone(this.pendingStatics), segmentIds: [...this.seenSegments], outliers: this.outliers,
      ...(Number.isFinite(this.heardMs) ? { heardMs: this.heardMs } : {}) };
  }

  private consume(tp: TrackPoint): void {
    if (tp.segmentId !== this.lastSegment) {
      this.lastSegment = tp.segmentId;
      this.seenSegments.add(tp.segmentId);
    }
    if (tp.outlier) this.outliers++;
    if (this.pendingStatics.length > 0) this.staticsUntil(tp.timeMs);
    for (let i = 0; i < this.detectors.length; i++) {
      const d = this.detectors[i]!;
      if (d.pushPosition) {
        const events = d.pushPosition(tp);
        if (events.length > 0) this.emit(i, events);
      }
    }
    if (this.feed) this.feed.position(tp);
  }

  private staticsUntil(timeMs: number): void {
    let n = 0;
    while (n < this.pendingStatics.length && this.pendingStatics[n]!.timeMs <= timeMs) n++;
    for (const s of this.pendingStatics.splice(0, n)) this.deliverStatic(s);
  }

  private deliverStatic(s: StaticReport): void {
    if (this.feed) this.feed.static(s);
    for (let i = 0; i < this.detectors.length; i++) {
      const d = this.detectors[i]!;
      if (d.pushStatic) this.emit(i, d.pushStatic(s));
    }
  }

  private emit(i: number, events: TumenEvent[]): void {
    const d = this.plan.detectors[i]!;
    for (let k = 0; k < events.length; k++) {
      const e = events[k]!;
      if (d.emit) this.sink.push(e);
      for (let j = 0; j < d.derived.length; j++) {
        const x = d.derived[j]!;
        const derived = x.entry.derive(e, x.params, this.ctx);
        if (derived) this.sink.push(derived);
      }
    }
  }
}

/** Adds `counts` (reason → n) into `into[type]`. */
export function addCounts(into: Record<string, Record<string, number>>, type: string, counts: Readonly<Record<string, number>> | undefined): void {
  if (!counts) return;
  for (const [reason, n] of Object.entries(counts)) {
    const byReason = (into[type] ??= {});
    byReason[reason] = (byReason[reason] ?? 0) + n;
  }
}
