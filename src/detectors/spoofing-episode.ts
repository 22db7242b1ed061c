// A post-step (src/detectors/post-steps.ts): one spoofing event per episode. The spoofing detector's kinds
// see one spoofer from different sides — a teleport and a fabricated track from the positions, out-of-place
// and unheard-by-covering-stations runs from the receivers, each ending where its own evidence stops — so
// one fabricated broadcast can come out as two or three events that touch or overlap. Of spoofing events of
// one MMSI whose spans overlap (padded by `episodeJoinH`), the longest is kept (ties: the smaller id), the
// others are dropped or retracted. A fabricated anchorage claimed for a day or two is judged in pieces (the
// reports between its runs judged consistent, or where no share is measured), so events of one MMSI at the
// same claimed place are one episode too, up to `SPOOFING_EPISODE_SAME_PLACE_H` apart. Order-independent:
// the kept one is the same whatever order they arrive in.
import type { TumenEvent } from '../events/schema.js';
import { distanceM, MS_PER_HOUR } from '../geo/sphere.js';
import type { PostStep, PostStepVerdict } from './post-steps.js';

/** Spoofing events of one MMSI less than this far apart belong to one episode (Tumen: a run ends at the
 *  report that ends its evidence, and the next kind's run starts there). */
export const SPOOFING_EPISODE_JOIN_H = 1;

/** Spoofing events of one MMSI claiming places at most this far apart (their first claimed positions)... */
export const SPOOFING_EPISODE_SAME_PLACE_KM = 1;
/** ...and at most this far apart in time are one episode (Tumen: a stationary fabrication of a day or two,
 *  its evidence cut where a covering station was down or heard it; issue 8, `evaders=varied` seed 124). */
export const SPOOFING_EPISODE_SAME_PLACE_H = 24;

export interface SpoofingEpisodeState {
  /** MMSI → kept spoofing events [id, start, end, lat, lon] (the place absent in old snapshots). */
  kept: Array<[number, Array<Kept>]>;
}

export class SpoofingOnePerEpisode implements PostStep<SpoofingEpisodeState> {
  readonly name = 'spoofing_one_per_episode';
  private readonly kept: Map<number, Array<Kept>>;

  constructor(state?: SpoofingEpisodeState) {
    this.kept = new Map((state?.kept ?? []).map(([m, list]) => [m, list.map((x) => [...x] as Kept)]));
  }

  accept(e: TumenEvent): PostStepVerdict {
    if (e.type !== 'spoofing') return { keep: true, retract: [] };
    const start = Date.parse(e.start), end = e.end === null ? Number.MAX_VALUE : Date.parse(e.end);
    const pad = SPOOFING_EPISODE_JOIN_H * MS_PER_HOUR;
    let list = this.kept.get(e.mmsi);
    if (!list) this.kept.set(e.mmsi, (list = []));
    // The same event again (the cluster's store node is delivered an event at least once, an open one comes
    // again when it closes): it stays kept, with its latest span. It touches itself, so without this it would
    // retract itself, and the store would delete it after the upsert.
    const again = list.findIndex(([id]) => id === e.id);
    if (again >= 0) {
      list[again] = [e.id, start, end, e.lat, e.lon];
      return { keep: true, retract: [] };
    }
    const samePlacePad = SPOOFING_EPISODE_SAME_PLACE_H * MS_PER_HOUR;
    const samePlace = (k: Kept) => k[3] !== undefined && k[4] !== undefined && distanceM(k[3], k[4], e.lat, e.lon) <= SPOOFING_EPISODE_SAME_PLACE_KM * 1000
      && k[1] - samePlacePad <= end && start <= k[2] + samePlacePad;
    const touching = list.filter((k) => (k[1] - pad <= end && start <= k[2] + pad) || samePlace(k));
    const self: Kept = [e.id, start, end, e.lat, e.lon];
    if (touching.some((t) => outranks(t, self))) return { keep: false, retract: [] };
    const retract = touching.map(([id]) => id);
    this.kept.set(e.mmsi, [...list.filter(([id]) => !retract.includes(id)), self]);
    return { keep: true, retract };
  }

  snapshot(): SpoofingEpisodeState {
    return { kept: [...this.kept].map(([m, list]) => [m, list.map((x) => [...x] as Kept)]) };
  }
}

/** A kept event: [id, start, end (epoch ms), latitude, longitude of its claimed place]. */
type Kept = [string, number, number, number?, number?];

/** `a` is kept over `b`: longer, or as long with the smaller id. */
function outranks(a: Kept, b: Kept): boolean {
  const la = a[2] - a[1], lb = b[2] - b[1];
  return la > lb || (la === lb && a[0] < b[0]);
}
