// The gap detector's context, state and the inputs a silence is judged on (src/detectors/gap.ts,
// src/detectors/gap-judge.ts).
import type { Position } from '../tracks/position.js';
import type { ReceptionQuery } from './reception.js';
import type { GAP_PARAMS } from './params.js';

export type GapParams = typeof GAP_PARAMS;

export interface GapContext {
  reception: ReceptionQuery;
  /** Metres from the point to the nearest shore (capped). */
  shoreDistanceM: (lat: number, lon: number) => number;
  /** On land (outside port areas): an open gap's dead-reckoned course stops at the coast. Absent: it runs
   *  on regardless. */
  isOnLand?: (lat: number, lon: number) => boolean;
  /** End of the observation window: a vessel silent since `minGapH` before it has an open gap. */
  windowEndMs?: number;
  params?: GapParams;
}

export interface GapState {
  mmsi: number | null;
  last: { timeMs: number; lat: number; lon: number; courseDeg: number | null; speedKn: number | null } | null;
  /** Times of the positions in the last `beforeWindowH` hours, from index `recentHead` on. */
  recentMs: number[];
  recentHead: number;
  /** Coastal stations that heard this vessel lately, [station, last time heard (epoch ms)]; absent in old
   *  snapshots. */
  heardBy?: Array<[string, number]>;
  /** Time of the latest report not known to come through a satellite; -1 while only satellites heard it
   *  (absent in old snapshots, and until a first report). */
  lastCoastalMs?: number;
  /** Time of the first position after the vessel's latest silence of at least `minGapH` that its reception
   *  does not explain (it may have been off before it); absent in old snapshots and before any such
   *  silence. */
  activeSinceMs?: number;
  /** Silences of at least `minGapH` since then that its reception explains, [last fix, next fix] (epoch ms),
   *  within the last `beforeWindowH`: their hours count neither way in "active before"; absent in old
   *  snapshots. */
  explainedSilences?: Array<[number, number]>;
  /** Silences of at least `minGapH` not reported, by reason (`store_silent`: the store heard nobody for
   *  enough of it); absent in old snapshots. */
  dropped?: Record<string, number>;
  /** A retired vessel's state (the runner's `retire`): what the silence after `last` is judged on, worked
   *  out once, in place of the times and stations it was worked out from. Gone at the next position. */
  silentSince?: { positionsBefore: number; before: ActiveBefore; startOwn: string[] | 'satellite' };
}

/** What a silence is judged on: the ship's last fix, the report ending it (null: still silent at `endMs`),
 *  the coastal stations that heard it at each end ('satellite': satellites only) and how many positions it
 *  sent in the `beforeWindowH` before. */
export interface SilenceInput {
  last: NonNullable<GapState['last']>;
  next: Position | null;
  endMs: number;
  durationH: number;
  startOwn: string[] | 'satellite';
  endOwn: string[] | 'satellite';
  positionsBefore: number;
  /** The vessel's reports before the silence since it was last heard again (absent: GFW's count alone). */
  before?: ActiveBefore;
}

/** The vessel's own reports before a silence, in the `beforeWindowH` before it but only since the end of its
 *  own previous silence of at least `minGapH`: from when, how many positions, and in how many whole hours
 *  strictly inside (fromMs, start of the silence) it was heard. */
export interface ActiveBefore {
  fromMs: number;
  positions: number;
  heardHoursInside: number;
  /** Silences its reception explains inside the span, [from, to] clipped to it: their whole hours are not
   *  judged (a position is never heard inside them, so only the expected heard hours lose them). */
  explained?: Array<[number, number]>;
}
