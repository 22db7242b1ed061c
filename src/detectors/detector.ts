// The contract every detector follows: an incremental state machine. The caller pushes inputs in time
// order (per vessel for per-vessel detectors; globally for multi-vessel ones such as encounters), receives
// the events each input completes, and can snapshot the state as JSON to resume later — so one code path
// serves a file replay, a live feed and a partitioned cluster.
import type { TumenEvent } from '../events/schema.js';
import type { Position } from '../tracks/position.js';

/** Static/voyage data from AIS types 5, 19, 24 (or a CSV), as detectors see it. */
export interface StaticReport {
  mmsi: number;
  timeMs: number;
  imo: number | null;
  shipname: string | null;
  callsign: string | null;
  shiptype: number | null;
  draughtM: number | null;
  destination: string | null;
  lengthM: number | null;
  beamM: number | null;
}

export interface Detector<State = unknown> {
  readonly name: string;
  pushPosition?(p: Position): TumenEvent[];
  pushStatic?(s: StaticReport): TumenEvent[];
  /** The stream reached this time through a position fed elsewhere (a spatial cell's detector hears of
   *  every usable position's time, so it decides exactly when the whole-stream detector would). */
  pushTime?(timeMs: number): TumenEvent[];
  /** End of input: emit events still open (with `end: null`) or pending confirmation. */
  flush(): TumenEvent[];
  /** Candidate events this detector did not emit, by reason (a rule that removes findings says how many). */
  dropped?(): Readonly<Record<string, number>>;
  /** JSON-serialisable state; each detector module exports a factory that restores from it. */
  snapshot(): State;
  /** The state kept for a vessel the runner retired after a long silence (registry `spansSilence`): only what
   *  its next report or the end of input reads; default snapshot(). */
  retiredState?(): State;
}
