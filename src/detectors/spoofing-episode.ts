// A post-step (src/detectors/post-steps.ts): one spoofing event per episode. The spoofing detector's kinds
// see one spoofer from different sides — a teleport and a fabricated track from the positions, out-of-place
// and unheard-by-covering-stations runs from the receivers, each ending where its own evidence stops — so
// one fabricated broadcast can come out as two or three events that touch or overlap. Of spoofing events of
// one MMSI whose spans overlap (padded by `episodeJoinH`), the longest is kept (ties: the smaller id), the
// others are dropped or retracted. Order-independent: the kept one is the same whatever order they arrive in.
import type { TumenEvent } from '../events/schema.js';
import { MS_PER_HOUR } from '../geo/sphere.js';
import type { PostStep, PostStepVerdict } from './post-steps.js';

/** Spoofing events of one MMSI less than this far apart belong to one episode (Tumen: a run ends at the
 *  report that ends its evidence, and the next kind's run starts there). */
export const SPOOFING_EPISODE_JOIN_H = 1;

export interface SpoofingEpisodeState {
  /** MMSI → kept spoofing events [id, start, end]. */
  kept: Array<[number, Array<[string, number, number]>]>;
}

export class SpoofingOnePerEpisode implements PostStep<SpoofingEpisodeState> {
  readonly name = 'spoofing_one_per_episode';
  private readonly kept: Map<number, Array<[string, number, number]>>;

  constructor(state?: SpoofingEpisodeState) {
    this.kept = new Map((state?.kept ?? []).map(([m, list]) => [m, list.map((x) => [...x] as [string, number, number])]));
  }

  accept(e: TumenEvent): PostStepVerdict {
    if (e.type !== 'spoofing') return { keep: true, retract: [] };
    const start = Date.parse(e.start), end = e.end === null ? Number.MAX_VALUE : Date.parse(e.end);
    const pad = SPOOFING_EPISODE_JOIN_H * MS_PER_HOUR;
    let list = this.kept.get(e.mmsi);
    if (!list) this.kept.set(e.mmsi, (list = []));
    const touching = list.filter(([, s, x]) => s - pad <= end && start <= x + pad);
    if (touching.some((t) => outranks(t, [e.id, start, end]))) return { keep: false, retract: [] };
    const retract = touching.map(([id]) => id);
    this.kept.set(e.mmsi, [...list.filter(([id]) => !retract.includes(id)), [e.id, start, end]]);
    return { keep: true, retract };
  }

  snapshot(): SpoofingEpisodeState {
    return { kept: [...this.kept].map(([m, list]) => [m, list.map((x) => [...x] as [string, number, number])]) };
  }
}

/** `a` is kept over `b`: longer, or as long with the smaller id. */
function outranks(a: [string, number, number], b: [string, number, number]): boolean {
  const la = a[2] - a[1], lb = b[2] - b[1];
  return la > lb || (la === lb && a[0] < b[0]);
}
