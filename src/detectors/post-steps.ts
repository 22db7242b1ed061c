// Post-steps: rules over the event set rather than over positions. Each sees events one at a time in any
// order and answers keep/drop plus ids of earlier events to retract, so the final set is the same whatever
// the order — the batch run, the live feed and the cluster's store node then agree although the events
// reach them in different orders (in the cluster from different workers).
import type { TumenEvent } from '../events/schema.js';
import { GapExplainedByHandover, type GapExplainedByHandoverState } from './gap-handover.js';
import { SpoofingOnePerEpisode, type SpoofingEpisodeState } from './spoofing-episode.js';
import { StaticChangeOnSharedMmsi, type StaticChangeOnSharedMmsiState } from './shared-mmsi-explains.js';
import { GapAtSpoofedPlace, type GapAtSpoofedPlaceState } from './gap-spoofed-place.js';

export interface PostStepVerdict {
  keep: boolean;
  /** Ids of earlier kept events this one withdraws. */
  retract: string[];
}

export interface PostStep<State = unknown> {
  readonly name: string;
  accept(e: TumenEvent): PostStepVerdict;
  snapshot(): State;
}

type Span = [number, number];

export interface LoiteringDuringEncounterState {
  encounters: Array<[number, Span[]]>;
  loitering: Array<[number, Array<[string, Span]>]>;
}

const KEEP: PostStepVerdict = { keep: true, retract: [] };

/**
 * A slow period explained by an encounter with a transmitting ship is an encounter, not loitering: a
 * loitering event of a vessel overlapping one of its encounters (either side) is dropped, or retracted
 * when the encounter comes later. State: the spans of encounters and of kept loitering (events are rare).
 */
export class LoiteringDuringEncounter implements PostStep<LoiteringDuringEncounterState> {
  readonly name = 'loitering_during_encounter';
  private readonly encounters: Map<number, Span[]>;
  private readonly loitering: Map<number, Map<string, Span>>;

  constructor(state?: LoiteringDuringEncounterState) {
    this.encounters = new Map((state?.encounters ?? []).map(([m, spans]) => [m, spans.map((s) => [...s] as Span)]));
    this.loitering = new Map((state?.loitering ?? []).map(([m, list]) => [m, new Map(list.map(([id, s]) => [id, [...s] as Span]))]));
  }

  accept(e: TumenEvent): PostStepVerdict {
    if (e.type === 'loitering') {
      const span = spanOf(e);
      if ((this.encounters.get(e.mmsi) ?? []).some((x) => overlaps(x, span))) return { keep: false, retract: [] };
      let list = this.loitering.get(e.mmsi);
      if (!list) this.loitering.set(e.mmsi, (list = new Map()));
      list.set(e.id, span);
      return KEEP;
    }
    if (e.type !== 'encounter') return KEEP;
    const span = spanOf(e);
    const retract: string[] = [];
    for (const m of [e.mmsi, e.other_mmsi]) {
      if (m === undefined) continue;
      let spans = this.encounters.get(m);
      if (!spans) this.encounters.set(m, (spans = []));
      spans.push(span);
      const list = this.loitering.get(m);
      if (!list) continue;
      for (const [id, s] of list) {
        if (!overlaps(s, span)) continue;
        list.delete(id);
        retract.push(id);
      }
    }
    return { keep: true, retract };
  }

  snapshot(): LoiteringDuringEncounterState {
    return {
      encounters: [...this.encounters].map(([m, spans]) => [m, spans.map((s) => [...s] as Span)]),
      loitering: [...this.loitering].map(([m, list]) => [m, [...list].map(([id, s]) => [id, [...s] as Span] as [string, Span])]),
    };
  }
}

/** The post-steps every run applies, in order, and how to restore them. */
export const POST_STEPS: ReadonlyArray<{ name: string; create(state?: unknown): PostStep }> = [
  { name: 'loitering_during_encounter', create: (s) => new LoiteringDuringEncounter(s as LoiteringDuringEncounterState | undefined) },
  { name: 'gap_explained_by_handover', create: (s) => new GapExplainedByHandover(s as GapExplainedByHandoverState | undefined) },
  { name: 'spoofing_one_per_episode', create: (s) => new SpoofingOnePerEpisode(s as SpoofingEpisodeState | undefined) },
  { name: 'static_change_on_shared_mmsi', create: (s) => new StaticChangeOnSharedMmsi(s as StaticChangeOnSharedMmsiState | undefined) },
  { name: 'gap_at_spoofed_place', create: (s) => new GapAtSpoofedPlace(s as GapAtSpoofedPlaceState | undefined) },
];

/** One event through every step: kept only if each keeps it; the retractions of all. */
export function applyPostSteps(steps: readonly PostStep[], e: TumenEvent): PostStepVerdict {
  let keep = true;
  const retract: string[] = [];
  for (const step of steps) {
    const v = step.accept(e);
    if (v.retract.length > 0) retract.push(...v.retract);
    if (!v.keep) keep = false;
  }
  return { keep, retract };
}

function spanOf(e: TumenEvent): Span {
  return [Date.parse(e.start), e.end === null ? Number.MAX_VALUE : Date.parse(e.end)];
}

const overlaps = (a: Span, b: Span): boolean => a[0] <= b[1] && b[0] <= a[1];
