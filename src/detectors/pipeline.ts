// The detection pipeline: positions and statics in, events out. Three passes over the input, each a stream:
//  1. every position once: the reception index (positions per cell per hour) and the window end;
//  2. per vessel (input ordered by mmsi, time): segmentation (glitches flagged as outliers), then gap,
//     dark_port_call, port_visit and the registered per-vessel detectors, with that vessel's statics;
//  3. one global time-ordered stream: the multi-vessel detectors (encounters, identity changes).
// Memory holds one vessel's state at a time in pass 2, the reception counts, and the glitch keys.
import type { TumenEvent } from '../events/schema.js';
import type { Position } from '../tracks/position.js';
import type { Detector, StaticReport } from './detector.js';
import { Segmenter, type RejectReason, type TrackPoint } from '../tracks/segmenter.js';
import { ReceptionIndex } from './reception.js';
import { GapDetector, type GapContext } from './gap.js';
import { darkPortCallFromGap } from './dark-port-call.js';
import { PortVisitDetector } from './port-visit.js';
import { portIndex, type PortIndex } from '../reference/wpi.js';
import { distanceToShoreM } from '../geo/land.js';
import { distanceM, METRES_PER_NM, MS_PER_HOUR } from '../geo/sphere.js';
import { SEGMENT_PARAMS } from './params.js';
import { suppressLoiteringDuringEncounters } from './loitering.js';
import { EXTRA_DETECTORS, type DetectorContext, type DetectorEntry } from './registry.js';

export interface PipelineInput {
  /** Positions ordered by mmsi, then time, in batches. */
  positionsByVessel(): AsyncIterable<Position[]>;
  /** Positions ordered by time (any tie order), in batches. */
  positionsByTime(): AsyncIterable<Position[]>;
  /** Static reports ordered by time, in batches. */
  statics(): AsyncIterable<StaticReport[]>;
}

export interface PipelineOptions {
  /** End of the observation window (open gaps run to it); default the last position time. */
  windowEndMs?: number;
  detectors?: DetectorEntry[];
  ports?: PortIndex;
  /** Only run these event types (default all). */
  types?: ReadonlySet<string>;
}

export interface PipelineStats {
  positions: number;
  vessels: number;
  statics: number;
  outliers: number;
  segments: number;
  rejects: Partial<Record<RejectReason, number>>;
  eventsByType: Record<string, number>;
}

export interface PipelineResult {
  events: TumenEvent[];
  stats: PipelineStats;
}

export async function runPipeline(input: PipelineInput, options: PipelineOptions = {}): Promise<PipelineResult> {
  const stats: PipelineStats = { positions: 0, vessels: 0, statics: 0, outliers: 0, segments: 0, rejects: {}, eventsByType: {} };
  const want = (t: string): boolean => !options.types || options.types.has(t);
  const ports = options.ports ?? portIndex();

  // Pass 1: reception and window end.
  const reception = new ReceptionIndex();
  let lastMs = -Infinity;
  const box = { minLat: 90, maxLat: -90, minLon: 180, maxLon: -180 };
  for await (const batch of input.positionsByVessel()) {
    for (const p of batch) {
      stats.positions++;
      if (p.lat < box.minLat) box.minLat = p.lat;
      if (p.lat > box.maxLat) box.maxLat = p.lat;
      if (p.lon < box.minLon) box.minLon = p.lon;
      if (p.lon > box.maxLon) box.maxLon = p.lon;
      if (Number.isFinite(p.lat) && Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180) reception.add(p.lat, p.lon, p.timeMs, p.source === 'satellite');
      if (p.timeMs > lastMs) lastMs = p.timeMs;
    }
  }
  const gapCtx: GapContext = { reception, shoreDistanceM: (lat, lon) => distanceToShoreM(lat, lon), windowEndMs: options.windowEndMs ?? lastMs };
  // Ports the data can come near (its bounding box + 1°): detectors that keep a port grid per vessel then
  // index a few hundred ports, not all 3,800.
  const nearPorts = ports.ports
    .filter((p) => p.lat >= box.minLat - 1 && p.lat <= box.maxLat + 1 && ((p.lon >= box.minLon - 1 && p.lon <= box.maxLon + 1) || box.maxLon - box.minLon > 300))
    .map((p) => ({ id: p.id, name: p.name, lat: p.lat, lon: p.lon }));
  const ctx: DetectorContext = { gap: gapCtx, ports, nearPorts };
  const entries = (options.detectors ?? EXTRA_DETECTORS).filter((d) => want(d.name));

  // Statics per vessel for the per-vessel detectors (statics are a small fraction of the volume).
  const staticsByVessel = new Map<number, StaticReport[]>();
  const allStatics: StaticReport[] = [];
  for await (const batch of input.statics()) {
    for (const s of batch) {
      stats.statics++;
      allStatics.push(s);
      let list = staticsByVessel.get(s.mmsi);
      if (!list) staticsByVessel.set(s.mmsi, (list = []));
      list.push(s);
    }
  }

  const events: TumenEvent[] = [];
  /** mmsi → time → latitudes of the glitch positions (rare), to flag them in the global pass. */
  const outliers = new Map<number, Map<number, number[]>>();

  // Pass 2: per vessel.
  const vesselEntries = entries.filter((d) => d.scope === 'vessel');
  let vessel: VesselRun | null = null;
  const finish = (): void => {
    if (!vessel) return;
    vessel.finish();
    stats.outliers += vessel.outliers;
    stats.segments += vessel.segments.size;
    for (const [k, n] of Object.entries(vessel.segmenter.rejects)) stats.rejects[k as RejectReason] = (stats.rejects[k as RejectReason] ?? 0) + (n ?? 0);
    for (const o of vessel.outlierList) {
      let byTime = outliers.get(o.mmsi);
      if (!byTime) outliers.set(o.mmsi, (byTime = new Map()));
      byTime.set(o.timeMs, [...(byTime.get(o.timeMs) ?? []), o.lat]);
    }
    vessel = null;
  };
  for await (const batch of input.positionsByVessel()) {
    for (const p of batch) {
      if (!vessel || vessel.mmsi !== p.mmsi) {
        finish();
        stats.vessels++;
        vessel = new VesselRun(p.mmsi, ctx, vesselEntries, staticsByVessel.get(p.mmsi) ?? [], want, events);
        staticsByVessel.delete(p.mmsi);
      }
      vessel.push(p);
    }
  }
  finish();

  // Pass 3: global time-ordered stream.
  const globals = entries.filter((d) => d.scope === 'global').map((d) => d.create(ctx));
  if (globals.length > 0) {
    let si = 0;
    for await (const batch of input.positionsByTime()) {
      for (const p of batch) {
        while (si < allStatics.length && allStatics[si]!.timeMs <= p.timeMs) {
          const st = allStatics[si++]!;
          for (const d of globals) if (d.pushStatic) events.push(...d.pushStatic(st));
        }
        const glitchLats = outliers.get(p.mmsi)?.get(p.timeMs);
        const tp = glitchLats && glitchLats.includes(p.lat) ? { ...p, outlier: true } : p;
        for (const d of globals) if (d.pushPosition) events.push(...d.pushPosition(tp));
      }
    }
    while (si < allStatics.length) {
      const st = allStatics[si++]!;
      for (const d of globals) if (d.pushStatic) events.push(...d.pushStatic(st));
    }
    for (const d of globals) events.push(...d.flush());
  }

  const byId = new Map<string, TumenEvent>();
  // A slow period explained by an encounter with a transmitting ship is an encounter, not loitering.
  for (const e of suppressLoiteringDuringEncounters(events)) if (want(e.type)) byId.set(e.id, e);
  const out = [...byId.values()].sort(compareEvents);
  for (const e of out) stats.eventsByType[e.type] = (stats.eventsByType[e.type] ?? 0) + 1;
  return { events: out, stats };
}

export function compareEvents(a: TumenEvent, b: TumenEvent): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : a.mmsi - b.mmsi || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** One vessel's pass: segmenter → detectors, statics interleaved by time. */
class VesselRun {
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
    private readonly statics: StaticReport[],
    want: (t: string) => boolean,
    private readonly sink: TumenEvent[],
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

  private staticsUntil(timeMs: number): void {
    while (this.si < this.statics.length && this.statics[this.si]!.timeMs <= timeMs) {
      const s = this.statics[this.si++]!;
      for (const d of this.detectors) if (d.pushStatic) this.emit(d.pushStatic(s));
    }
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

/** An in-memory PipelineInput (tests, benches, the demo): sorts copies, never the caller's arrays. */
export function memoryInput(positions: readonly Position[], statics: readonly StaticReport[] = [], batchSize = 8192): PipelineInput {
  const byVessel = [...positions].sort((a, b) => a.mmsi - b.mmsi || a.timeMs - b.timeMs);
  const byTime = [...positions].sort((a, b) => a.timeMs - b.timeMs || a.mmsi - b.mmsi);
  const st = [...statics].sort((a, b) => a.timeMs - b.timeMs || a.mmsi - b.mmsi);
  async function* batches<T>(xs: readonly T[]): AsyncIterable<T[]> {
    for (let i = 0; i < xs.length; i += batchSize) yield xs.slice(i, i + batchSize);
  }
  return { positionsByVessel: () => batches(byVessel), positionsByTime: () => batches(byTime), statics: () => batches(st) };
}
