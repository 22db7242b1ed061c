// The detector registry, as data: one entry per event type the detection runner produces — its scope, its
// default parameters (src/detectors/params.ts) and how to create or restore its detector. The runner
// (src/detectors/runner.ts) builds every chain from these entries, and every event-type list (CLI, API,
// OpenAPI, UI) derives from src/events/types.ts, which test/detectors/registry.test.ts holds equal to it.
//
// Scopes: a `vessel` detector gets one instance per MMSI, fed that vessel's segmented positions (glitches
// flagged `outlier`) and statics in time order; a `global` detector gets one instance fed every vessel's
// decided positions and every static. A `derived` entry makes its events from another type's events
// (a dark port call is read off an intentional gap). Adding a detector = one entry here + its params block.
import type { Detector } from './detector.js';
import type { TumenEvent } from '../events/schema.js';
import type { EventType } from '../events/types.js';
import { GapDetector, type GapContext, type GapParams, type GapState } from './gap.js';
import { darkPortCallFromGap } from './dark-port-call.js';
import { PortVisitDetector, type PortVisitState, type VisitPorts } from './port-visit.js';
import { createEncounterDetector, restoreEncounterDetector, type EncounterState } from './encounter.js';
import { createIdentityChangeDetector, restoreIdentityChangeDetector, type IdentityChangeState } from './identity-change.js';
import { createDraughtChangeDetector, restoreDraughtChangeDetector, type DraughtChangeState } from './draught-change.js';
import { createSpoofingDetector, restoreSpoofingDetector, type SpoofingState } from './spoofing.js';
import { createSharedMmsiDetector, restoreSharedMmsiDetector, type SharedMmsiState } from './shared-mmsi.js';
import { createLoiteringDetector, restoreLoiteringDetector, type LoiteringState } from './loitering.js';
import { PerTrack, type PerTrackState } from './per-track.js';
import type { ReceptionQuery } from './reception.js';
import type { PortPoint } from './port-index.js';
import {
  DARK_PORT_CALL_PARAMS, DRAUGHT_CHANGE_PARAMS, ENCOUNTER_PARAMS, GAP_PARAMS, IDENTITY_CHANGE_PARAMS, LOITERING_PARAMS,
  PORT_VISIT_PARAMS, RECEPTION_PARAMS, SEGMENT_PARAMS, SHARED_MMSI_PARAMS, SPOOFING_PARAMS,
} from './params.js';

/** What detectors may consult besides their input: shared, read-only while they run. */
export interface DetectorContext {
  reception: ReceptionQuery;
  shoreDistanceM: (lat: number, lon: number) => number;
  /** End of the observation window (open gaps run to it); the runner sets it at flush. */
  windowEndMs: number | undefined;
  /** Port areas of the port-visit detector: learned anchorages plus gazetteer points (src/anchorages), or
   *  bare gazetteer points (World Port Index + ports of interest). */
  ports: VisitPorts;
  /** On land, outside port and anchorage areas (src/geo/land.ts landOutsidePorts). */
  isOnLand: (lat: number, lon: number) => boolean;
  distanceToShoreCappedM: (lat: number, lon: number, capM: number) => number;
  /** The same ports as plain points, one array for every detector (their port grids are shared by it). */
  portPoints: readonly PortPoint[];
}

/** A detector's parameters: its params.ts block, with any per-run overrides applied. */
export type Params = Readonly<Record<string, unknown>>;

interface BaseEntry {
  type: EventType;
  scope: 'vessel' | 'global';
  /** Defaults; `tumen detect --param TYPE.NAME=VALUE` overrides numeric and boolean ones. */
  params: Params;
  /** A global detector that pairs vessels by place: a cluster may split it by spatial cell with a halo
   *  (src/detectors/spatial-cells.ts). Needs `pushTime` so each cell keeps the whole stream's clock. */
  spatial?: true;
  /** Hours behind the newest report this detector's judgements read the shared reception index at most,
   *  from its parameters; the runner forgets older hours (`receptionHorizonH`). Absent: it reads none. */
  lookBackH?: (params: Params) => number;
  /** Per-vessel: a silence this long (hours, from its parameters) ends the detector's open runs and leaves its
   *  look-back windows empty at the next report. The runner retires a vessel silent past every such limit
   *  and the reception horizon (`retireAfterH`). */
  silenceEndsH?: (params: Params) => number;
  /** Per-vessel: its events span a silence of any length (a gap; a draught changed while dark), so a retired
   *  vessel keeps this detector's state — judged when the vessel is heard again or the input ends. */
  spansSilence?: true;
}

export interface DetectorEntry extends BaseEntry {
  create(ctx: DetectorContext, params: Params): Detector;
  restore(ctx: DetectorContext, params: Params, state: unknown): Detector;
}

export interface DerivedEntry extends BaseEntry {
  scope: 'vessel';
  /** The type whose events this one is read from (that detector runs even when its own type is not wanted). */
  from: EventType;
  derive(source: TumenEvent, params: Params, ctx: DetectorContext): TumenEvent | null;
}

export type RegistryEntry = DetectorEntry | DerivedEntry;

export const isDerived = (e: RegistryEntry): e is DerivedEntry => 'from' in e;

/** Gap detectors read the window end live from the runner's context (it is set at flush). */
function gapContext(ctx: DetectorContext, params: Params): GapContext {
  return {
    reception: ctx.reception,
    shoreDistanceM: ctx.shoreDistanceM,
    isOnLand: ctx.isOnLand,
    get windowEndMs() { return ctx.windowEndMs; },
    params: params as GapContext['params'],
  };
}

const portVisits = (ctx: DetectorContext, params: Params, state?: PerTrackState<PortVisitState>): Detector =>
  new PerTrack<PortVisitState>('port_visit', (s) => new PortVisitDetector({ params: params as never, ports: ctx.ports }, s), state);

// `as never` below: each detector types its own params; the registry holds them as generic records.
export const DETECTORS: readonly RegistryEntry[] = [
  {
    type: 'gap', scope: 'vessel', params: GAP_PARAMS, spansSilence: true,
    // The hours judged, the learning window around each (and a store hole's run measured whole before the
    // first), and the hour either side a station's reports are read.
    lookBackH: (p) => (p as GapParams).maxJudgedSilenceH + Math.max(RECEPTION_PARAMS.terrestrialWindowH, RECEPTION_PARAMS.minStoreHoleH) + 2,
    // A retired vessel's gap keeps the silence's inputs worked out (GapDetector.retiredState): its recent
    // times and stations must all lie behind the next report's windows.
    silenceEndsH: (p) => Math.max((p as GapParams).beforeWindowH, (p as GapParams).ownStationsWindowH),
    create: (ctx, p) => new GapDetector(gapContext(ctx, p)),
    restore: (ctx, p, s) => new GapDetector(gapContext(ctx, p), s as GapState),
  },
  {
    type: 'dark_port_call', scope: 'vessel', params: DARK_PORT_CALL_PARAMS, from: 'gap',
    derive: (gap, p, ctx) => darkPortCallFromGap(gap, p as never, undefined, ctx.ports),
  },
  {
    type: 'port_visit', scope: 'vessel', params: PORT_VISIT_PARAMS,
    create: (ctx, p) => portVisits(ctx, p),
    restore: (ctx, p, s) => portVisits(ctx, p, s as PerTrackState<PortVisitState>),
  },
  {
    type: 'encounter', scope: 'global', spatial: true, params: ENCOUNTER_PARAMS,
    create: (ctx, p) => createEncounterDetector({ ports: ctx.portPoints, params: p as never }),
    restore: (ctx, p, s) => restoreEncounterDetector(s as EncounterState, { ports: ctx.portPoints, params: p as never }),
  },
  {
    type: 'identity_change', scope: 'global', params: IDENTITY_CHANGE_PARAMS,
    create: (_ctx, p) => createIdentityChangeDetector(p as never),
    restore: (_ctx, p, s) => restoreIdentityChangeDetector(s as IdentityChangeState, p as never),
  },
  {
    type: 'draught_change', scope: 'vessel', params: DRAUGHT_CHANGE_PARAMS, spansSilence: true,
    create: (_ctx, p) => createDraughtChangeDetector(p as never),
    restore: (_ctx, p, s) => restoreDraughtChangeDetector(s as DraughtChangeState, p as never),
  },
  {
    type: 'spoofing', scope: 'vessel', params: SPOOFING_PARAMS,
    // Whether a station was up around an hour of a run: the hour either side (a run longer than the horizon
    // counts its hours within it only).
    lookBackH: () => 2,
    create: (ctx, p) => createSpoofingDetector({ ports: ctx.portPoints, params: p as never, isOnLand: ctx.isOnLand, coverage: ctx.reception }),
    restore: (ctx, p, s) => restoreSpoofingDetector(s as SpoofingState, { ports: ctx.portPoints, params: p as never, isOnLand: ctx.isOnLand, coverage: ctx.reception }),
  },
  {
    type: 'shared_mmsi', scope: 'vessel', params: SHARED_MMSI_PARAMS,
    create: (_ctx, p) => createSharedMmsiDetector(p as never),
    restore: (_ctx, p, s) => restoreSharedMmsiDetector(s as SharedMmsiState, p as never),
  },
  {
    type: 'loitering', scope: 'vessel', params: LOITERING_PARAMS,
    silenceEndsH: (p) => (p as typeof LOITERING_PARAMS).maxGapH,
    create: (ctx, p) => createLoiteringDetector({ ports: ctx.portPoints, params: p as never, distanceToShoreM: ctx.distanceToShoreCappedM }),
    restore: (ctx, p, s) => restoreLoiteringDetector(s as LoiteringState, { ports: ctx.portPoints, params: p as never, distanceToShoreM: ctx.distanceToShoreCappedM }),
  },
];

/** The event types the runner produces, in registry order. */
export const DETECTOR_TYPES: readonly EventType[] = DETECTORS.map((d) => d.type);

/** Steps that are not detectors but take parameters too: `--param segment.maxSpeedKn=30`. */
export const STEP_PARAMS: Readonly<Record<string, Params>> = { segment: SEGMENT_PARAMS };

export function registryEntry(type: string): RegistryEntry | undefined {
  return DETECTORS.find((d) => d.type === type);
}

/** Per-run parameter overrides: step or event type → parameter → value. */
export type ParamOverrides = Readonly<Record<string, Readonly<Record<string, number | boolean>>>>;

/** How far behind the newest report any registered detector reads the reception index (hours), with the
 *  run's overrides: the runner forgets the hours before it. Every detector counts, wanted or not, so every
 *  runner of a cluster forgets alike. Plus the segmenter's look-back: it may hold a vessel's positions
 *  (behind a tentative segment) that long before its detectors judge on them. */
export function receptionHorizonH(overrides: ParamOverrides = {}): number {
  let h = 0;
  for (const d of DETECTORS) if (d.lookBackH) h = Math.max(h, d.lookBackH(paramsFor(d.type, overrides)));
  return h + (paramsFor('segment', overrides) as typeof SEGMENT_PARAMS).maxLookbackH;
}

/**
 * How long a vessel may stay silent (hours of the data's clock since it was last heard) before the runner
 * retires it: its chain is ended as at the end of input and dropped, keeping only the state of the
 * detectors whose events span a silence (`spansSilence`). Past the reception horizon plus one forgetting
 * period, every reception hour its judgements could read is forgotten — in a batch run too — so ending it
 * then emits what the end of input would; past every detector's `silenceEndsH`, its open runs are ended by
 * the silence anyway.
 */
export function retireAfterH(overrides: ParamOverrides = {}): number {
  let h = receptionHorizonH(overrides);
  for (const d of DETECTORS) if (d.silenceEndsH) h = Math.max(h, d.silenceEndsH(paramsFor(d.type, overrides)));
  return h + RECEPTION_PARAMS.forgetEveryH;
}

/** A step's or detector's parameters with the run's overrides applied. */
export function paramsFor(name: string, overrides: ParamOverrides = {}): Params {
  const defaults = registryEntry(name)?.params ?? STEP_PARAMS[name];
  if (!defaults) throw new Error(`no detector or step named ${name}`);
  return overrides[name] ? { ...defaults, ...overrides[name] } : defaults;
}

/**
 * Parses `TYPE.NAME=VALUE` overrides (`gap.minGapH=8`), each checked against the registry: an unknown
 * detector or parameter, a parameter that is not a number or a boolean, or a value of the wrong kind is
 * an Error whose message says what is accepted.
 */
export function parseParamOverrides(specs: readonly string[]): ParamOverrides {
  const out: Record<string, Record<string, number | boolean>> = {};
  const names = [...DETECTORS.map((d) => d.type), ...Object.keys(STEP_PARAMS)];
  for (const spec of specs) {
    const m = /^([a-z_]+)\.([A-Za-z0-9]+)=(.*)$/.exec(spec.trim());
    if (!m) throw new Error(`--param ${spec}: expected TYPE.NAME=VALUE, e.g. gap.minGapH=8`);
    const [, name, key, raw] = m as unknown as [string, string, string, string];
    const defaults = registryEntry(name)?.params ?? STEP_PARAMS[name];
    if (!defaults) throw new Error(`--param ${spec}: no detector or step "${name}" (one of: ${names.join(', ')})`);
    const tunable = Object.keys(defaults).filter((k) => typeof defaults[k] === 'number' || typeof defaults[k] === 'boolean');
    if (!(key in defaults)) throw new Error(`--param ${spec}: ${name} has no parameter "${key}" (one of: ${tunable.join(', ')})`);
    const current = defaults[key];
    let value: number | boolean;
    if (typeof current === 'number') {
      value = raw.trim() === '' ? NaN : Number(raw);
      if (!Number.isFinite(value)) throw new Error(`--param ${spec}: ${name}.${key} takes a finite number (default ${current})`);
    } else if (typeof current === 'boolean') {
      if (raw !== 'true' && raw !== 'false') throw new Error(`--param ${spec}: ${name}.${key} takes true or false (default ${current})`);
      value = raw === 'true';
    } else {
      throw new Error(`--param ${spec}: ${name}.${key} is not a number or boolean and cannot be set per run (tunable: ${tunable.join(', ')})`);
    }
    (out[name] ??= {})[key] = value;
  }
  return out;
}
