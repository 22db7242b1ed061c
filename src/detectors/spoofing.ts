// Spoofing: positions that cannot be the ship's true ones, with persistence so one GNSS glitch never counts.
// - teleport and return: the MMSI's reports jump to a parallel segment (unreachable from the main track at
//   a plausible speed — the tracks segmenter's rule), stay there for >= minOffTrackPoints positions, and
//   then the main track resumes — a fabricated track broadcast instead of the true position. One event per
//   excursion: start/end = its first/last position, lat/lon = its first position.
// - positions on land: >= minOnLandPoints consecutive positions on land (away from ports), folded into the
//   excursion's evidence when they belong to one, else an event of their own.
// Alternating segments (two ships on one MMSI) are the shared-MMSI detector's: an excursion whose reports
// switch back and forth more than once is not spoofing. Glitches (the segmenter's outliers) are counted only.
//
// Incremental per MMSI (push each vessel's positions in time order; any number of MMSIs). Events are
// decided when the excursion's segment dies (silent beyond the segmenter's look-back) or at flush.
import type { TumenEvent } from '../events/schema.js';
import { isOnLand } from '../geo/land.js';
import { bearingDeg, distanceM, impliedSpeedKn, MS_PER_HOUR } from '../geo/sphere.js';
import type { Position } from '../tracks/position.js';
import type { Detector } from './detector.js';
import { eventId } from './event-id.js';
import { isoUtc, round } from './geo-stats.js';
import { SPOOFING_PARAMS } from './params.js';
import { defaultPorts, PortIndex, type PortPoint } from './port-index.js';
import { type SegInfo, SegmentWatch, type SegmentWatchState, type WatchObservation } from './segment-watch.js';

export type SpoofingParams = { [K in keyof typeof SPOOFING_PARAMS]: number };

export interface SpoofingOptions {
  params?: Partial<SpoofingParams>;
  ports?: readonly PortPoint[];
  /** Land test; default Natural Earth 1:50m (src/geo/land.ts). */
  isOnLand?: (lat: number, lon: number) => boolean;
}

interface LandRun {
  startMs: number;
  lastMs: number;
  count: number;
  lat: number;
  lon: number;
}

/** Per segment: land runs and regularity of its steps. */
interface SegNotes {
  landRun: LandRun | null;
  landEpisodes: LandRun[];
  /** Last step [speedKn, bearingDeg] and the position it ended at. */
  lastStep: [number, number] | null;
  lastPos: [number, number, number] | null;
  regularRun: number;
  maxRegularRun: number;
  /** Set when this segment is the newer one of a pair: the jump into it, and whether reports returned. */
  excursion: { fromSeg: string; jumpM: number; jumpDtMs: number; switches: number; returnM: number | null } | null;
}

interface MmsiState {
  watch: SegmentWatchState;
  notes: Array<[string, SegNotes]>;
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

  constructor(options: SpoofingOptions = {}, state?: SpoofingState) {
    this.params = { ...SPOOFING_PARAMS, ...options.params };
    this.ports = new PortIndex(options.ports ?? defaultPorts(), this.params.portToleranceM);
    this.onLand = options.isOnLand ?? isOnLand;
    if (state) {
      for (const [m, v] of state.vessels) {
        this.watches.set(m, new SegmentWatch(m, v.watch));
        this.notes.set(m, new Map(structuredClone(v.notes)));
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
    return this.consume(p.mmsi, w.push(p));
  }

  flush(): TumenEvent[] {
    const out: TumenEvent[] = [];
    for (const [m, w] of this.watches) out.push(...this.consume(m, w.flush()));
    return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.mmsi - b.mmsi));
  }

  snapshot(): SpoofingState {
    return {
      kind: 'spoofing',
      vessels: [...this.watches].map(([m, w]) => [m, { watch: w.snapshot(), notes: structuredClone([...this.notes.get(m)!]) }]),
    };
  }

  private consume(mmsi: number, obs: WatchObservation[]): TumenEvent[] {
    const out: TumenEvent[] = [];
    const notes = this.notes.get(mmsi)!;
    for (const o of obs) {
      let n = notes.get(o.seg.id);
      if (!n) {
        n = { landRun: null, landEpisodes: [], lastStep: null, lastPos: null, regularRun: 0, maxRegularRun: 0, excursion: null };
        notes.set(o.seg.id, n);
      }
      if (o.kind === 'point') {
        const { lat, lon, timeMs } = o.point;
        this.noteLand(n, timeMs, lat, lon, this.onLand(lat, lon) && !this.ports.isNear(lat, lon));
        this.noteRegularity(n, timeMs, lat, lon);
        const pair = o.pair;
        if (pair) {
          const newer = notes.get(pair.b) ?? null;
          if (pair.b === o.seg.id && !n.excursion) {
            n.excursion = { fromSeg: pair.a, jumpM: pair.jumpM, jumpDtMs: pair.jumpDtMs, switches: pair.switches, returnM: null };
          } else if (newer?.excursion && newer.excursion.fromSeg === pair.a) {
            newer.excursion.switches = pair.switches;
            newer.excursion.returnM = pair.returnM;
          }
        }
      } else {
        this.noteLand(n, Infinity, 0, 0, false);
        out.push(...this.decide(mmsi, o.seg, n));
        notes.delete(o.seg.id);
      }
    }
    return out;
  }

  private noteLand(n: SegNotes, timeMs: number, lat: number, lon: number, land: boolean): void {
    if (land) {
      if (n.landRun) {
        n.landRun.lastMs = timeMs;
        n.landRun.count++;
      } else {
        n.landRun = { startMs: timeMs, lastMs: timeMs, count: 1, lat, lon };
      }
      return;
    }
    const r = n.landRun;
    if (r && r.count >= this.params.minOnLandPoints && r.lastMs - r.startMs >= this.params.minOnLandDurationH * MS_PER_HOUR) n.landEpisodes.push(r);
    n.landRun = null;
  }

  private noteRegularity(n: SegNotes, timeMs: number, lat: number, lon: number): void {
    if (n.lastPos) {
      const [t0, lat0, lon0] = n.lastPos;
      const step: [number, number] = [impliedSpeedKn(distanceM(lat0, lon0, lat, lon), timeMs - t0), bearingDeg(lat0, lon0, lat, lon)];
      const prev = n.lastStep;
      const same = prev && Math.abs(step[0] - prev[0]) <= this.params.regularSpeedToleranceKn
        && Math.abs(((step[1] - prev[1] + 540) % 360) - 180) <= this.params.regularBearingToleranceDeg && step[0] > 0.5;
      n.regularRun = same ? n.regularRun + 1 : 0;
      n.maxRegularRun = Math.max(n.maxRegularRun, n.regularRun);
      n.lastStep = step;
    }
    n.lastPos = [timeMs, lat, lon];
  }

  /** A segment died: an excursion that returned is spoofing; otherwise its land episodes are. */
  private decide(mmsi: number, seg: SegInfo, n: SegNotes): TumenEvent[] {
    const p = this.params;
    const x = n.excursion;
    const onLandPositions = n.landEpisodes.reduce((s, r) => s + r.count, 0);
    if (x && x.switches === 2 && seg.count >= p.minOffTrackPoints && x.jumpM >= p.minOffTrackDistanceM) {
      return [{
        id: eventId('spoofing', mmsi, seg.firstMs, 'teleport_return'),
        type: 'spoofing', mmsi, start: isoUtc(seg.firstMs), end: isoUtc(seg.lastMs), lat: seg.firstLat, lon: seg.firstLon,
        duration_h: round((seg.lastMs - seg.firstMs) / MS_PER_HOUR, 3),
        evidence: {
          kind: 'teleport_return',
          jump_km: round(x.jumpM / 1000, 3),
          jump_implied_speed_kn: round(impliedSpeedKn(x.jumpM, x.jumpDtMs), 1),
          return_km: x.returnM === null ? null : round(x.returnM / 1000, 3),
          fabricated_positions: seg.count,
          on_land_positions: onLandPositions,
          max_regular_steps: n.maxRegularRun,
        },
      }];
    }
    return n.landEpisodes.map((r) => ({
      id: eventId('spoofing', mmsi, r.startMs, 'on_land'),
      type: 'spoofing' as const, mmsi, start: isoUtc(r.startMs), end: isoUtc(r.lastMs), lat: r.lat, lon: r.lon,
      duration_h: round((r.lastMs - r.startMs) / MS_PER_HOUR, 3),
      evidence: { kind: 'on_land', on_land_positions: r.count, max_regular_steps: n.maxRegularRun },
    }));
  }
}

export function createSpoofingDetector(options: SpoofingOptions = {}): SpoofingDetector {
  return new SpoofingDetector(options);
}

export function restoreSpoofingDetector(state: SpoofingState, options: SpoofingOptions = {}): SpoofingDetector {
  return new SpoofingDetector(options, state);
}
