// Spoofing: positions that cannot be the ship's true ones, with persistence so one GNSS glitch never counts.
// - teleport and return: the MMSI's reports jump to a parallel segment (unreachable from the main track at
//   a plausible speed — the tracks segmenter's rule), stay there for >= minOffTrackPoints positions, and
//   then the main track resumes — a fabricated track broadcast instead of the true position. One event per
//   excursion: start/end = its first/last position, lat/lon = its first position.
// - positions on land: >= minOnLandPoints consecutive positions on land (away from ports), folded into the
//   excursion's evidence when they belong to one, else an event of their own.
// - out of place (reception geometry): consecutive reports heard only by coastal stations whose learned
//   coverage lies far from the claimed position, while other stations cover that place and did not hear them
//   (src/detectors/station-coverage.ts) — a fabricated position broadcast from somewhere else. No jump and
//   no impossible speed needed. Evidence names the stations.
// - unheard by the covering stations: where a hearing station's range reaches the claimed place too, the
//   stations that hear nearly every Class A report claimed there (learned share) hearing none of this
//   ship's, in hours they were up, while another station keeps hearing it — a stationary "anchored off
//   Vladivostok" claim broadcast from a ship sailing to Rajin, heard by a station between the two.
// Alternating segments (two ships on one MMSI) are the shared-MMSI detector's: an excursion whose reports
// switch back and forth more than once is not spoofing. Glitches (the segmenter's outliers) are counted only.
//
// Incremental per MMSI (push each vessel's positions in time order; any number of MMSIs). Events are
// decided when the excursion's segment dies (silent beyond the segmenter's look-back) or at flush. The track
// kinds are noted in src/detectors/spoofing-track.ts, the reception-geometry runs in spoofing-station-runs.ts.
import type { TumenEvent } from '../events/schema.js';
import { isOnLand } from '../geo/land.js';
import type { Position } from '../tracks/position.js';
import type { Detector } from './detector.js';
import { SPOOFING_PARAMS } from './params.js';
import { defaultPorts, type PortIndex, type PortPoint, sharedPortIndex } from './port-index.js';
import type { StationCoverageQuery } from './station-coverage.js';
import { SegmentWatch, type SegmentWatchState, type WatchObservation } from './segment-watch.js';
import type { SpoofingParams } from './spoofing-event.js';
import { type OutOfPlaceRun, type SilentRun, StationRuns } from './spoofing-station-runs.js';
import { decideSegment, endRegular, newSegNotes, noteLand, noteRegularity, type SegNotes } from './spoofing-track.js';

export type { SpoofingParams } from './spoofing-event.js';

export interface SpoofingOptions {
  params?: Partial<SpoofingParams>;
  ports?: readonly PortPoint[];
  /** Land test; default Natural Earth 1:50m (src/geo/land.ts). */
  isOnLand?: (lat: number, lon: number) => boolean;
  /** Learned coastal-station coverage (the runner's reception index); without it no geometry check. */
  coverage?: StationCoverageQuery;
}

interface MmsiState {
  watch: SegmentWatchState;
  notes: Array<[string, SegNotes]>;
  lastPointMs: number | null;
  outOfPlace?: OutOfPlaceRun | null;
  silent?: SilentRun | null;
}

export interface SpoofingState {
  kind: 'spoofing';
  vessels: Array<[number, MmsiState]>;
}

export class SpoofingDetector implements Detector<SpoofingState> {
  readonly name = 'spoofing';
  readonly params: SpoofingParams;
  private readonly ports: PortIndex;
  private readonly onLand: (lat: number, lon: number) => boolean;
  private readonly watches = new Map<number, SegmentWatch>();
  private readonly notes = new Map<number, Map<string, SegNotes>>();
  /** Time of each MMSI's latest decided (non-glitch) position. */
  private readonly lastPointMs = new Map<number, number>();
  /** The reception-geometry runs (none judged without a coverage). */
  private readonly stations: StationRuns;
  private readonly coverage: StationCoverageQuery | null;

  constructor(options: SpoofingOptions = {}, state?: SpoofingState) {
    this.params = { ...SPOOFING_PARAMS, ...options.params };
    this.ports = sharedPortIndex(options.ports ?? defaultPorts(), this.params.portToleranceM);
    this.onLand = options.isOnLand ?? isOnLand;
    this.coverage = options.coverage ?? null;
    this.stations = new StationRuns(this.coverage, this.params);
    if (state) {
      for (const [m, v] of state.vessels) {
        this.watches.set(m, new SegmentWatch(m, v.watch));
        this.notes.set(m, new Map(structuredClone(v.notes)));
        if (v.lastPointMs !== null) this.lastPointMs.set(m, v.lastPointMs);
        if (v.outOfPlace) this.stations.outOfPlace.set(m, structuredClone(v.outOfPlace));
        if (v.silent) this.stations.silent.set(m, structuredClone(v.silent));
      }
    }
  }

  /** GNSS glitches seen (single-position outliers), which never become events. */
  get glitches(): number {
    let n = 0;
    for (const w of this.watches.values()) n += w.glitches;
    return n;
  }

  pushPosition(p: Position): TumenEvent[] {
    let w = this.watches.get(p.mmsi);
    if (!w) {
      this.watches.set(p.mmsi, (w = new SegmentWatch(p.mmsi)));
      this.notes.set(p.mmsi, new Map());
    }
    const geometry = this.coverage && !(p as { outlier?: boolean }).outlier ? this.stations.check(p) : null;
    const segments = this.consume(p.mmsi, w.push(p));
    return geometry === null || geometry.length === 0 ? segments : segments.length === 0 ? geometry : [...geometry, ...segments];
  }

  flush(): TumenEvent[] {
    const out: TumenEvent[] = [];
    for (const [m, w] of this.watches) out.push(...this.consume(m, w.flush()));
    out.push(...this.stations.flush());
    return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.mmsi - b.mmsi));
  }

  snapshot(): SpoofingState {
    return {
      kind: 'spoofing',
      vessels: [...this.watches].map(([m, w]) => [m, { watch: w.snapshot(), notes: structuredClone([...this.notes.get(m)!]), lastPointMs: this.lastPointMs.get(m) ?? null, outOfPlace: structuredClone(this.stations.outOfPlace.get(m) ?? null), silent: structuredClone(this.stations.silent.get(m) ?? null) }]),
    };
  }

  private consume(mmsi: number, obs: WatchObservation[]): TumenEvent[] {
    const out: TumenEvent[] = [];
    const notes = this.notes.get(mmsi)!;
    for (const o of obs) {
      let n = notes.get(o.seg.id);
      if (!n) {
        n = newSegNotes(o.seg.firstMs);
        notes.set(o.seg.id, n);
      }
      if (o.kind === 'point') {
        const { lat, lon, timeMs } = o.point;
        noteLand(this.params, n, timeMs, lat, lon, this.onLand(lat, lon) && !this.ports.isNear(lat, lon));
        const pair = o.pair;
        if (pair) {
          // The report before this one was on another segment: a regular run going on there ends in a jump.
          for (const [id, other] of notes) if (id !== o.seg.id && other.regular && other.lastPos && other.regular.lastMs === other.lastPos[0] && other.lastPos[0] === this.lastPointMs.get(mmsi)) other.regular.jumpOut = true;
          const newer = notes.get(pair.b) ?? null;
          if (pair.b === o.seg.id && !n.excursion) {
            n.excursion = { fromSeg: pair.a, jumpM: pair.jumpM, jumpDtMs: pair.jumpDtMs, switches: pair.switches, returnM: null };
          } else if (newer?.excursion && newer.excursion.fromSeg === pair.a) {
            newer.excursion.switches = pair.switches;
            newer.excursion.returnM = pair.returnM;
          }
        }
        noteRegularity(this.params, n, timeMs, lat, lon);
        this.lastPointMs.set(mmsi, timeMs);
      } else {
        noteLand(this.params, n, Infinity, 0, 0, false);
        endRegular(this.params, n);
        out.push(...decideSegment(this.params, mmsi, o.seg, n));
        notes.delete(o.seg.id);
      }
    }
    return out;
  }
}

export function createSpoofingDetector(options: SpoofingOptions = {}): SpoofingDetector {
  return new SpoofingDetector(options);
}

export function restoreSpoofingDetector(state: SpoofingState, options: SpoofingOptions = {}): SpoofingDetector {
  return new SpoofingDetector(options, state);
}
