// A per-vessel detector run once per *track*: two ships on one MMSI must not make each other's port visits
// flicker. Segments are chained into tracks (`Tracks`), each track has its own inner detector; outliers
// never reach them.
import type { TumenEvent } from '../events/schema.js';
import type { Detector } from './detector.js';
import type { TrackPoint } from '../tracks/segmenter.js';
import { distanceM, METRES_PER_NM, MS_PER_HOUR } from '../geo/sphere.js';
import { SEGMENT_PARAMS } from './params.js';

interface TracksState {
  bySegment: Array<[string, number]>;
  last: Array<{ timeMs: number; lat: number; lon: number }>;
}

export interface PerTrackState<S> {
  tracks: TracksState;
  inner: Array<[number, S]>;
}

export class PerTrack<S> implements Detector<PerTrackState<S>> {
  private readonly tracks: Tracks;
  private readonly inner = new Map<number, Detector<S>>();

  constructor(readonly name: string, private readonly make: (state?: S) => Detector<S>, state?: PerTrackState<S>) {
    this.tracks = new Tracks(state?.tracks);
    for (const [track, s] of state?.inner ?? []) this.inner.set(track, make(s));
  }

  pushPosition(tp: TrackPoint): TumenEvent[] {
    if (tp.outlier) return [];
    const track = this.tracks.trackOf(tp);
    let d = this.inner.get(track);
    if (!d) this.inner.set(track, (d = this.make()));
    return d.pushPosition!(tp);
  }

  flush(): TumenEvent[] {
    const out: TumenEvent[] = [];
    for (const d of this.inner.values()) out.push(...d.flush());
    return out;
  }

  snapshot(): PerTrackState<S> {
    return { tracks: this.tracks.snapshot(), inner: [...this.inner].map(([t, d]) => [t, d.snapshot()]) };
  }
}

/**
 * Chains one MMSI's segments into tracks: a new segment continues the track whose last fix it is reachable
 * from (the segmenter's speed rule, with no look-back limit: a ship silent in port for two days is still the
 * same ship); a segment reachable from none is a parallel track (a second ship on the MMSI, a fabricated
 * track).
 */
class Tracks {
  private readonly bySegment: Map<string, number>;
  private readonly last: Array<{ timeMs: number; lat: number; lon: number }>;

  constructor(state?: TracksState) {
    this.bySegment = new Map(state?.bySegment ?? []);
    this.last = state ? state.last.map((f) => ({ ...f })) : [];
  }

  snapshot(): TracksState {
    return { bySegment: [...this.bySegment], last: this.last.map((f) => ({ ...f })) };
  }

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
