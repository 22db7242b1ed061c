// Shared MMSI: two physical ships transmitting one MMSI at the same time. The tracks segmenter (GFW
// gpsdio-segment style) splits the MMSI's reports into segments by reachability; when reports keep
// switching between two segments that are each real tracks (>= minPointsPerSegment) and far apart, the MMSI
// carries two ships. One teleport and return is not enough (that is spoofing's business): it takes
// `minSwitches` alternations. One event per MMSI and episode: start = the later segment's first position,
// end = the earlier of the two segments' last positions.
//
// Incremental per MMSI (push each vessel's positions in time order; any number of MMSIs). An episode is
// reported when its segments have died (silent beyond the segmenter's look-back) or at flush.
import type { TumenEvent } from '../events/schema.js';
import { MS_PER_HOUR } from '../geo/sphere.js';
import type { Position } from '../tracks/position.js';
import type { Detector } from './detector.js';
import { eventId } from './event-id.js';
import { isoUtc, round } from './geo-stats.js';
import { SHARED_MMSI_PARAMS } from './params.js';
import { type PairInfo, type SegInfo, SegmentWatch, type SegmentWatchState, type WatchObservation } from './segment-watch.js';

export type SharedMmsiParams = { [K in keyof typeof SHARED_MMSI_PARAMS]: number };

interface Episode {
  startMs: number;
  endMs: number;
  lat: number;
  lon: number;
  switches: number;
  minSeparationM: number;
  /** Segment ids taking part; the episode closes when none of them is alive. */
  segs: string[];
  segments: Array<{ id: string; first: string; last: string; points: number }>;
}

interface MmsiState {
  watch: SegmentWatchState;
  episode: Episode | null;
}

export interface SharedMmsiState {
  kind: 'shared_mmsi';
  vessels: Array<[number, MmsiState]>;
}

export class SharedMmsiDetector implements Detector<SharedMmsiState> {
  readonly name = 'shared_mmsi';
  readonly params: SharedMmsiParams;
  private readonly watches = new Map<number, SegmentWatch>();
  private readonly episodes = new Map<number, Episode | null>();

  constructor(params: Partial<SharedMmsiParams> = {}, state?: SharedMmsiState) {
    this.params = { ...SHARED_MMSI_PARAMS, ...params };
    if (state) {
      for (const [m, v] of state.vessels) {
        this.watches.set(m, new SegmentWatch(m, v.watch));
        this.episodes.set(m, structuredClone(v.episode));
      }
    }
  }

  pushPosition(p: Position): TumenEvent[] {
    let w = this.watches.get(p.mmsi);
    if (!w) this.watches.set(p.mmsi, (w = new SegmentWatch(p.mmsi)));
    return this.consume(p.mmsi, w, w.push(p), false);
  }

  flush(): TumenEvent[] {
    const out: TumenEvent[] = [];
    for (const [m, w] of this.watches) out.push(...this.consume(m, w, w.flush(), true));
    return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.mmsi - b.mmsi));
  }

  snapshot(): SharedMmsiState {
    return { kind: 'shared_mmsi', vessels: [...this.watches].map(([m, w]) => [m, { watch: w.snapshot(), episode: structuredClone(this.episodes.get(m) ?? null) }]) };
  }

  private consume(mmsi: number, w: SegmentWatch, obs: WatchObservation[], final: boolean): TumenEvent[] {
    const out: TumenEvent[] = [];
    let ep = this.episodes.get(mmsi) ?? null;
    for (const o of obs) {
      if (o.kind === 'point') {
        const other = o.pair ? w.seg(o.pair.a === o.seg.id ? o.pair.b : o.pair.a) : undefined;
        if (o.pair && other && this.qualifies(o.pair, o.seg, other)) ep = this.extend(ep, o.pair, o.seg, other);
        if (ep && ep.segs.includes(o.seg.id)) this.refreshEnd(ep, o.seg);
      } else if (ep && ep.segs.includes(o.seg.id)) {
        // The episode lives while any of its segments does: a track re-forming after a long silence
        // (a new segment) that alternates again extends it rather than starting a second event.
        ep.segs = ep.segs.filter((s) => s !== o.seg.id);
        if (ep.segs.length === 0) {
          out.push(this.event(mmsi, ep));
          ep = null;
        }
      }
    }
    if (final && ep) {
      out.push(this.event(mmsi, ep));
      ep = null;
    }
    this.episodes.set(mmsi, ep);
    return out;
  }

  private qualifies(pair: PairInfo, seg: SegInfo, other: SegInfo): boolean {
    const p = this.params;
    return pair.switches >= p.minSwitches && pair.minSeparationM >= p.minSeparationM
      && seg.count >= p.minPointsPerSegment && other.count >= p.minPointsPerSegment;
  }

  private extend(ep: Episode | null, pair: PairInfo, seg: SegInfo, other: SegInfo): Episode {
    const [a, b] = pair.a === seg.id ? [seg, other] : [other, seg];
    if (!ep) {
      ep = {
        startMs: Math.max(a.firstMs, b.firstMs), endMs: Math.min(a.lastMs, b.lastMs),
        lat: pair.aAfterLat ?? a.lastLat, lon: pair.aAfterLon ?? a.lastLon,
        switches: 0, minSeparationM: pair.minSeparationM, segs: [], segments: [],
      };
    }
    ep.switches = Math.max(ep.switches, pair.switches);
    ep.minSeparationM = Math.min(ep.minSeparationM, pair.minSeparationM);
    for (const g of [a, b]) {
      if (!ep.segs.includes(g.id)) ep.segs.push(g.id);
      this.refreshEnd(ep, g);
    }
    return ep;
  }

  private refreshEnd(ep: Episode, seg: SegInfo): void {
    const entry = ep.segments.find((s) => s.id === seg.id);
    if (entry) {
      entry.last = isoUtc(seg.lastMs);
      entry.points = seg.count;
    } else {
      ep.segments.push({ id: seg.id, first: isoUtc(seg.firstMs), last: isoUtc(seg.lastMs), points: seg.count });
    }
    // End = the earlier of the two tracks' last positions: the second-latest segment end.
    const lasts = ep.segments.map((s) => Date.parse(s.last)).sort((x, y) => y - x);
    if (lasts.length >= 2) ep.endMs = Math.max(ep.endMs, lasts[1]!);
  }

  private event(mmsi: number, ep: Episode): TumenEvent {
    return {
      id: eventId('shared_mmsi', mmsi, ep.startMs),
      type: 'shared_mmsi', mmsi, start: isoUtc(ep.startMs), end: isoUtc(ep.endMs), lat: ep.lat, lon: ep.lon,
      duration_h: round((ep.endMs - ep.startMs) / MS_PER_HOUR, 3),
      evidence: {
        segments: ep.segments,
        switches: ep.switches,
        min_separation_km: round(ep.minSeparationM / 1000, 3),
      },
    };
  }
}

export function createSharedMmsiDetector(params: Partial<SharedMmsiParams> = {}): SharedMmsiDetector {
  return new SharedMmsiDetector(params);
}

export function restoreSharedMmsiDetector(state: SharedMmsiState, params: Partial<SharedMmsiParams> = {}): SharedMmsiDetector {
  return new SharedMmsiDetector(params, state);
}
