// The detection runner: the one streaming engine behind `tumen detect` (a time-ordered replay of the store),
// the live feed (`tumen serve --listen`) and the cluster workers (`tumen worker`). Push positions and
// statics in time order (statics before positions of the same time); take the events they complete; flush
// at the end of input; snapshot() / restore() everything in between — the reception index, one chain per
// MMSI (segmenter, per-vessel detectors, held statics), the global detectors and the post-steps.
//
//  position ─┬─ reception index (every position, any vessel: gaps are judged on it)
//            └─ chain of its MMSI: segmenter → per-vessel detectors ─┐
//                                   └ decided positions + statics ───┴→ global detectors → post-steps → out
//
// The global (multi-vessel) detectors get each vessel's positions as its segmenter decides them, glitches
// flagged `outlier`, and its statics in time order among them — in every adapter alike.
import type { TumenEvent } from '../events/schema.js';
import type { Position } from '../tracks/position.js';
import type { Detector, StaticReport } from './detector.js';
import type { RejectReason, TrackPoint } from '../tracks/segmenter.js';
import type { SegmentParams } from '../tracks/segmenter.js';
import { ReceptionIndex, type ReceptionState } from './reception.js';
import { portIndex } from '../reference/wpi.js';
import type { VisitPorts } from './port-visit.js';
import { defaultPorts } from './port-index.js';
import { landIndex, landOutsidePorts, type LandIndex, type PortAreaTest } from '../geo/land.js';
import { DETECTORS, isDerived, paramsFor, receptionHorizonH, retireAfterH, type DetectorContext, type DetectorEntry, type ParamOverrides } from './registry.js';
import { RECEPTION_PARAMS } from './params.js';
import { MS_PER_HOUR } from '../geo/sphere.js';
import { addCounts, VesselChain, type ChainFeed, type ChainPlan, type RetiredVessel, type VesselChainState } from './vessel-chain.js';
import { applyPostSteps, POST_STEPS, type PostStep } from './post-steps.js';
import type { CellFilter } from './spatial-cells.js';
import { judgeSilence, type GapParams, type SilenceInput } from './gap.js';

/** The gap detector's verdict on a silence, on this runner's reception index, coast and gap parameters. */
export type SilenceJudge = (s: SilenceInput) => ReturnType<typeof judgeSilence>;

export interface RunnerOptions {
  /** Event types to emit (default all). */
  types?: ReadonlySet<string>;
  /** Per-run parameter overrides (`--param gap.minGapH=8`), validated by parseParamOverrides. */
  params?: ParamOverrides;
  /** End of the observation window for open gaps at flush; default the last position's time. */
  windowEndMs?: number;
  /** Port areas for port visits (default: World Port Index + ports of interest as points); runPipeline
   *  passes the areas learned from the data (src/anchorages). */
  ports?: VisitPorts & Partial<PortAreaTest>;
  /** The coast (default Natural Earth 1:10m; simulated worlds pass the 1:50m coast they were drawn on). */
  land?: LandIndex;
  /** Cluster: the vessels whose per-vessel detectors run here (default every vessel). */
  ownsVessel?: (mmsi: number) => boolean;
  /** Cluster: run the global detectors here (default true). */
  globals?: boolean;
  /** Cluster: run only the spatial global detectors (registry `spatial`), as this spatial cell — fed the
   *  positions in its squares and halo, reporting the events placed in its squares. */
  cell?: CellFilter;
  /** Cluster: run the spatial global detectors here (default true; false when spatial cells run them). */
  spatialGlobals?: boolean;
  /** Apply the post-steps here (default true; the cluster's store node applies them over every worker's events). */
  postSteps?: boolean;
  /** Retire vessels silent past `retireAfterH` (default true: per-vessel state stays bounded when MMSIs come
   *  and go). False keeps every chain to the end — the reference the retiring runner is tested against. */
  retireSilent?: boolean;
}

export interface RunnerStats {
  positions: number;
  statics: number;
  /** MMSIs with at least one position (a vessel retired and heard again counts again). */
  vessels: number;
  outliers: number;
  segments: number;
  rejects: Partial<Record<RejectReason, number>>;
  /** Candidate events not reported, event type → reason → count (gap: `store_silent`). */
  dropped: Record<string, Record<string, number>>;
}

export interface RunnerOutput {
  events: TumenEvent[];
  /** Ids of events emitted earlier that a post-step withdrew (a loitering explained by a later encounter). */
  retracted: string[];
}

/** Counters of retired chains, so the run's stats still cover them. */
interface RetiredCounts {
  vessels: number;
  outliers: number;
  segments: number;
  rejects: Partial<Record<RejectReason, number>>;
  dropped: Record<string, Record<string, number>>;
}

export interface RunnerState {
  version: 1;
  reception: ReceptionState;
  lastMs: number | null;
  positions: number;
  statics: number;
  vessels: Array<[number, VesselChainState]>;
  globals: Record<string, unknown>;
  postSteps: Record<string, unknown>;
  /** Retired vessels that keep some detectors' state (`spansSilence`); absent in old snapshots. */
  retired?: Array<[number, RetiredVessel]>;
  retiredCounts?: RetiredCounts;
}

export class DetectionRunner {
  private readonly reception: ReceptionIndex;
  private readonly ctx: DetectorContext;
  private readonly fullPlan: ChainPlan;
  /** Segmenter only: vessels another worker owns, segmented here for the global detectors' outlier flags. */
  private readonly segmentOnlyPlan: ChainPlan;
  private readonly chains = new Map<number, VesselChain>();
  /** Vessels retired after a long silence, with the state of their detectors that span a silence. */
  private readonly retired = new Map<number, RetiredVessel>();
  private readonly retiredCounts: RetiredCounts;
  /** Hours of silence after which a vessel is retired (Infinity: never). */
  private readonly retireH: number;
  private readonly spansSilence: (type: string) => boolean;
  private readonly globals: Array<{ type: string; detector: Detector }>;
  private readonly postSteps: PostStep[];
  private readonly sink: TumenEvent[] = [];
  private readonly retracted: string[] = [];
  private readonly feed: ChainFeed | null;
  private readonly owns: (mmsi: number) => boolean;
  private lastMs = -Infinity;
  /** Hours of reception kept behind the newest report (the registered detectors' longest look-back). */
  private readonly horizonH: number;
  private positions = 0;
  private statics = 0;
  private flushed = false;

  constructor(private readonly options: RunnerOptions = {}, state?: RunnerState) {
    if (state && state.version !== 1) throw new Error(`detection state version ${String(state.version)} is not supported (expected 1)`);
    const want = (t: string): boolean => !options.types || options.types.has(t);
    this.reception = state ? ReceptionIndex.restore(state.reception) : new ReceptionIndex();
    const land = options.land ?? landIndex();
    const ports: VisitPorts & Partial<PortAreaTest> = options.ports ?? portIndex();
    this.ctx = {
      reception: this.reception,
      shoreDistanceM: (lat, lon) => land.distanceToShoreM(lat, lon),
      distanceToShoreCappedM: (lat, lon, capM) => land.distanceToShoreM(lat, lon, capM),
      isOnLand: ports.containsPoint ? landOutsidePorts(ports as PortAreaTest, land) : (lat, lon) => land.isOnLand(lat, lon),
      windowEndMs: undefined,
      ports,
      portPoints: defaultPorts(),
    };
    this.horizonH = receptionHorizonH(options.params);
    this.retireH = options.retireSilent === false ? Infinity : retireAfterH(options.params);
    const spanning = new Set(DETECTORS.filter((d) => d.spansSilence).map((d) => d.type as string));
    this.spansSilence = (t) => spanning.has(t);
    this.retiredCounts = state?.retiredCounts ? structuredClone(state.retiredCounts) : { vessels: 0, outliers: 0, segments: 0, rejects: {}, dropped: {} };
    const segmentParams = paramsFor('segment', options.params) as SegmentParams;
    const vesselEntries = DETECTORS.filter((d): d is DetectorEntry => d.scope === 'vessel' && !isDerived(d));
    const derived = DETECTORS.filter(isDerived).filter((d) => want(d.type));
    this.fullPlan = {
      segmentParams,
      detectors: vesselEntries
        .map((entry) => ({
          entry, params: paramsFor(entry.type, options.params), emit: want(entry.type),
          derived: derived.filter((d) => d.from === entry.type).map((d) => ({ entry: d, params: paramsFor(d.type, options.params) })),
        }))
        .filter((d) => d.emit || d.derived.length > 0),
    };
    this.segmentOnlyPlan = { segmentParams, detectors: [] };
    const runGlobals = options.globals ?? true;
    this.globals = runGlobals
      ? DETECTORS.filter((d): d is DetectorEntry => d.scope === 'global' && !isDerived(d) && want(d.type))
        .filter((d) => (options.cell ? d.spatial === true : d.spatial !== true || options.spatialGlobals !== false))
        .map((entry) => {
        const params = paramsFor(entry.type, options.params);
        const s = state?.globals[entry.type];
        return { type: entry.type, detector: s === undefined ? entry.create(this.ctx, params) : entry.restore(this.ctx, params, s) };
      })
      : [];
    this.feed = this.globals.length > 0 ? this.globalFeed() : null;
    this.owns = options.ownsVessel ?? (() => true);
    this.postSteps = options.postSteps === false ? [] : POST_STEPS.map((p) => p.create(state?.postSteps[p.name]));
    if (state) {
      this.lastMs = state.lastMs ?? -Infinity;
      this.positions = state.positions;
      this.statics = state.statics;
      for (const [mmsi, s] of state.vessels) this.chains.set(mmsi, this.newChain(mmsi, s));
      for (const [mmsi, kept] of state.retired ?? []) this.retired.set(mmsi, kept);
    }
  }

  static restore(state: RunnerState, options: RunnerOptions = {}): DetectionRunner {
    return new DetectionRunner(options, state);
  }

  pushPosition(p: Position): void {
    this.positions++;
    if (p.timeMs > this.lastMs) {
      this.forgetPast(this.lastMs, p.timeMs);
      this.lastMs = p.timeMs;
    }
    if (Number.isFinite(p.lat) && Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180) this.reception.add(p.lat, p.lon, p.timeMs, p.source === 'satellite', p.mmsi, p.stations, p.status !== null, p.speedKn);
    this.chain(p.mmsi)?.push(p);
  }

  /** Each time the data's clock passes a multiple of `forgetEveryH`, the reception hours behind the horizon
   *  are forgotten: a function of the reports alone (and `lastMs`, in the snapshot), so every adapter —
   *  batch, replay, restored, live, cluster — forgets at the same report and judges alike. */
  private forgetPast(prevMs: number, nowMs: number): void {
    const every = RECEPTION_PARAMS.forgetEveryH * MS_PER_HOUR;
    if (!Number.isFinite(prevMs) || Math.floor(nowMs / every) === Math.floor(prevMs / every)) return;
    this.reception.forgetBefore(Math.floor(nowMs / MS_PER_HOUR) - this.horizonH);
    this.retireSilent(nowMs - this.retireH * MS_PER_HOUR);
  }

  /** Retires every vessel last heard before `beforeMs`: ended as at the end of input (events go out now),
   *  dropped from memory and snapshots; only the detectors that span a silence keep a small record. */
  private retireSilent(beforeMs: number): void {
    if (!(beforeMs > -Infinity)) return;
    const c = this.retiredCounts;
    const silent = [...this.chains].filter(([, chain]) => chain.heardMs < beforeMs).sort((a, b) => a[0] - b[0]);
    for (const [mmsi, chain] of silent) {
      const kept = chain.retire(this.spansSilence);
      if (chain.segments > 0 || Object.keys(chain.segmenter.rejects).length > 0) c.vessels++;
      c.outliers += chain.outliers;
      c.segments += chain.segments;
      for (const [k, n] of Object.entries(chain.segmenter.rejects)) c.rejects[k as RejectReason] = (c.rejects[k as RejectReason] ?? 0) + (n ?? 0);
      chain.addDropped(c.dropped, this.spansSilence); // the kept detectors' counts stay in their records
      this.chains.delete(mmsi);
      if (Object.keys(kept).length > 0) this.retired.set(mmsi, kept);
    }
  }

  /** Vessels held in memory: live chains, and retired vessels' records (a few detectors' state each). */
  get vesselsHeld(): { chains: number; retired: number } {
    return { chains: this.chains.size, retired: this.retired.size };
  }

  /** A report heard before this runner started (a restarted server's stored history): it teaches the
   *  reception index what the receivers hear, and nothing else (no chain, no events, not counted). */
  seedReception(p: Position): void {
    if (Number.isFinite(p.lat) && Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180) this.reception.add(p.lat, p.lon, p.timeMs, p.source === 'satellite', p.mmsi, p.stations, p.status !== null, p.speedKn);
  }

  pushStatic(s: StaticReport): void {
    this.statics++;
    this.chain(s.mmsi)?.pushStatic(s);
  }

  /** End of input: held positions are decided, open events emitted (gaps open until the window end). */
  flush(): void {
    if (this.flushed) return;
    this.flushed = true;
    this.ctx.windowEndMs = this.options.windowEndMs ?? (Number.isFinite(this.lastMs) ? this.lastMs : undefined);
    // By MMSI, here and at retirement: what reaches the global detectors then does not depend on the order
    // the vessels were first heard in, nor on how a checkpoint stored them.
    for (const mmsi of [...this.chains.keys()].sort((a, b) => a - b)) this.chains.get(mmsi)!.finish();
    for (const mmsi of [...this.retired.keys()].sort((a, b) => a - b)) this.newChain(mmsi, undefined, this.retired.get(mmsi)).finish();
    for (const g of this.globals) this.pushOwned(g.detector.flush());
  }

  /** Global detectors' events into the sink; a spatial cell keeps only those placed in its squares. */
  private pushOwned(events: readonly TumenEvent[]): void {
    const cell = this.options.cell;
    for (let k = 0; k < events.length; k++) {
      const e = events[k]!;
      if (!cell || cell.owns(e.lat, e.lon)) this.sink.push(e);
    }
  }

  /** Judges a silence (closed or still in progress) as the gap detector would, on what this runner has
   *  heard so far: the watch rules ask it before saying a watched ship went dark. */
  silenceJudge(): SilenceJudge {
    const params = paramsFor('gap', this.options.params) as GapParams;
    return (s) => judgeSilence(this.ctx, params, s);
  }

  /** The events completed since the last take, through the post-steps. */
  take(): RunnerOutput {
    if (this.sink.length === 0 && this.retracted.length === 0) return { events: [], retracted: [] };
    const events: TumenEvent[] = [];
    for (const e of this.sink.splice(0)) {
      const v = applyPostSteps(this.postSteps, e);
      if (v.retract.length > 0) this.retracted.push(...v.retract);
      if (v.keep) events.push(e);
    }
    return { events, retracted: this.retracted.splice(0) };
  }

  get stats(): RunnerStats {
    const r = this.retiredCounts;
    const out: RunnerStats = {
      positions: this.positions, statics: this.statics, vessels: r.vessels, outliers: r.outliers, segments: r.segments,
      rejects: { ...r.rejects }, dropped: structuredClone(r.dropped),
    };
    for (const [mmsi, kept] of this.retired) this.newChain(mmsi, undefined, kept).addDropped(out.dropped);
    for (const c of this.chains.values()) {
      if (c.segments > 0 || Object.keys(c.segmenter.rejects).length > 0) out.vessels++;
      out.outliers += c.outliers;
      out.segments += c.segments;
      for (const [k, n] of Object.entries(c.segmenter.rejects)) out.rejects[k as RejectReason] = (out.rejects[k as RejectReason] ?? 0) + (n ?? 0);
      c.addDropped(out.dropped);
    }
    for (const g of this.globals) addCounts(out.dropped, g.type, g.detector.dropped?.());
    return out;
  }

  /** Everything, as JSON-serialisable data. Take the events first: pending events are not part of it. */
  snapshot(): RunnerState {
    if (this.sink.length > 0 || this.retracted.length > 0) throw new Error('DetectionRunner.snapshot: take() the pending events first');
    const globals: Record<string, unknown> = {};
    for (const g of this.globals) globals[g.type] = g.detector.snapshot();
    const postSteps: Record<string, unknown> = {};
    for (const p of this.postSteps) postSteps[p.name] = p.snapshot();
    return {
      version: 1,
      reception: this.reception.snapshot(),
      lastMs: Number.isFinite(this.lastMs) ? this.lastMs : null,
      positions: this.positions,
      statics: this.statics,
      vessels: [...this.chains].map(([m, c]) => [m, c.snapshot()]),
      globals,
      postSteps,
      retired: [...this.retired],
      retiredCounts: structuredClone(this.retiredCounts),
    };
  }

  private chain(mmsi: number): VesselChain | undefined {
    let c = this.chains.get(mmsi);
    if (!c && (this.feed || this.owns(mmsi))) {
      const kept = this.retired.get(mmsi);
      if (kept) this.retired.delete(mmsi);
      this.chains.set(mmsi, (c = this.newChain(mmsi, undefined, kept)));
    }
    return c;
  }

  private newChain(mmsi: number, state?: VesselChainState, kept?: RetiredVessel): VesselChain {
    return new VesselChain(mmsi, this.ctx, this.owns(mmsi) ? this.fullPlan : this.segmentOnlyPlan, this.sink, this.feed, state, kept);
  }

  private globalFeed(): ChainFeed {
    const globals = this.globals.map((g) => g.detector);
    const cell = this.options.cell;
    const push = (events: readonly TumenEvent[]): void => this.pushOwned(events);
    return {
      position(tp: TrackPoint): void {
        // A cell hears the time of every usable position, and detects on those in its squares and halo.
        const here = !cell || cell.feeds(tp.lat, tp.lon);
        const usable = here || (!tp.outlier && Number.isFinite(tp.timeMs) && Math.abs(tp.lat) <= 90 && Math.abs(tp.lon) <= 180);
        if (!usable) return;
        for (let i = 0; i < globals.length; i++) {
          const d = globals[i]!;
          if (here) {
            if (d.pushPosition) push(d.pushPosition(tp));
          } else if (d.pushTime) push(d.pushTime(tp.timeMs));
        }
      },
      static(s: StaticReport): void {
        for (let i = 0; i < globals.length; i++) {
          const d = globals[i]!;
          if (d.pushStatic) push(d.pushStatic(s));
        }
      },
    };
  }
}
