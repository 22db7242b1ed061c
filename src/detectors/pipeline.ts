// The detection pipeline: positions and statics in, events out. Three passes over the input, each a stream:
//  1. every position once: the reception index (positions per cell per hour) and the window end;
//  2. per vessel (input ordered by mmsi, time): segmentation (glitches flagged as outliers), then gap,
//     dark_port_call, port_visit and the registered per-vessel detectors, with that vessel's statics;
//  3. one global time-ordered stream: the multi-vessel detectors (encounters, identity changes).
// Memory holds one vessel's state at a time in pass 2, the reception counts, and the glitch keys.
import type { TumenEvent } from '../events/schema.js';
import type { Position } from '../tracks/position.js';
import type { StaticReport } from './detector.js';
import type { RejectReason } from '../tracks/segmenter.js';
import { ReceptionIndex } from './reception.js';
import type { GapContext } from './gap.js';
import { portIndex, type PortIndex } from '../reference/wpi.js';
import { distanceToShoreM } from '../geo/land.js';
import { suppressLoiteringDuringEncounters } from './loitering.js';
import { EXTRA_DETECTORS, type DetectorContext, type DetectorEntry } from './registry.js';
import { VesselChain } from './vessel-chain.js';

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
  let vessel: VesselChain | null = null;
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
        vessel = new VesselChain(p.mmsi, ctx, vesselEntries, want, events, staticsByVessel.get(p.mmsi) ?? []);
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
