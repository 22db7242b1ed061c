// The spoofing detector's track kinds, per segment of one MMSI (src/detectors/segment-watch.ts): positions on
// land, machine-regular steps, and the excursion a segment makes from another (teleport and return) — noted
// position by position, decided when the segment dies.
import type { TumenEvent } from '../events/schema.js';
import { bearingDeg, distanceM, impliedSpeedKn, MS_PER_HOUR } from '../geo/sphere.js';
import { round } from './geo-stats.js';
import type { SegInfo } from './segment-watch.js';
import { type SpoofingParams, spoofingEvent } from './spoofing-event.js';

export interface LandRun {
  startMs: number;
  lastMs: number;
  count: number;
  lat: number;
  lon: number;
}

/** A stretch of machine-regular steps: from the start of its first step to the end of its last. */
export interface RegularRun {
  startMs: number;
  lat: number;
  lon: number;
  lastMs: number;
  steps: number;
  /** It began at its segment's first position, right after an unreachable jump. */
  jumpIn: boolean;
  /** The next report after it was unreachable from it (a jump to another segment). */
  jumpOut: boolean;
}

/** Per segment: land runs and regularity of its steps. */
export interface SegNotes {
  landRun: LandRun | null;
  landEpisodes: LandRun[];
  /** Last step [speedKn, bearingDeg], the position it started from and the one it ended at ([t, lat, lon]). */
  lastStep: [number, number] | null;
  stepFrom: [number, number, number] | null;
  lastPos: [number, number, number] | null;
  regular: RegularRun | null;
  regularEpisodes: RegularRun[];
  maxRegularRun: number;
  firstMs: number;
  /** Set when this segment is the newer one of a pair: the jump into it, and whether reports returned. */
  excursion: { fromSeg: string; jumpM: number; jumpDtMs: number; switches: number; returnM: number | null } | null;
}

/** Fresh notes for a segment whose first position is at `firstMs`. */
export function newSegNotes(firstMs: number): SegNotes {
  return { landRun: null, landEpisodes: [], lastStep: null, stepFrom: null, lastPos: null, regular: null, regularEpisodes: [], maxRegularRun: 0, firstMs, excursion: null };
}

export function noteLand(params: SpoofingParams, n: SegNotes, timeMs: number, lat: number, lon: number, land: boolean): void {
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
  if (r && r.count >= params.minOnLandPoints && r.lastMs - r.startMs >= params.minOnLandDurationH * MS_PER_HOUR) n.landEpisodes.push(r);
  n.landRun = null;
}

export function noteRegularity(params: SpoofingParams, n: SegNotes, timeMs: number, lat: number, lon: number): void {
  // The step and fix tuples are reused in place (this runs per position); snapshots copy them.
  const last = n.lastPos;
  if (last) {
    const t0 = last[0], lat0 = last[1], lon0 = last[2];
    const speedKn = impliedSpeedKn(distanceM(lat0, lon0, lat, lon), timeMs - t0), bearing = bearingDeg(lat0, lon0, lat, lon);
    const prev = n.lastStep;
    const same = prev !== null && speedKn > 0.5 && Math.abs(speedKn - prev[0]) <= params.regularSpeedToleranceKn
      && Math.abs(((bearing - prev[1] + 540) % 360) - 180) <= params.regularBearingToleranceDeg;
    if (same) {
      if (!n.regular && n.stepFrom) {
        const jumpIn = n.excursion !== null && n.stepFrom[0] === n.firstMs;
        n.regular = { startMs: n.stepFrom[0], lat: n.stepFrom[1], lon: n.stepFrom[2], lastMs: timeMs, steps: 1, jumpIn, jumpOut: false };
      }
      if (n.regular) {
        n.regular.steps++;
        n.regular.lastMs = timeMs;
        n.maxRegularRun = Math.max(n.maxRegularRun, n.regular.steps);
      }
    } else {
      endRegular(params, n);
    }
    if (prev) {
      prev[0] = speedKn;
      prev[1] = bearing;
    } else n.lastStep = [speedKn, bearing];
    const spare = n.stepFrom; // no longer read: becomes the new last fix
    n.stepFrom = last;
    if (spare) {
      spare[0] = timeMs;
      spare[1] = lat;
      spare[2] = lon;
      n.lastPos = spare;
      return;
    }
  }
  n.lastPos = [timeMs, lat, lon];
}

export function endRegular(params: SpoofingParams, n: SegNotes): void {
  if (n.regular && n.regular.steps >= params.regularityMinSteps) n.regularEpisodes.push(n.regular);
  n.regular = null;
}

/** A segment died: an excursion that returned is spoofing, and so is a machine-regular stretch; land
 *  episodes inside either are folded into it, the others are events of their own. */
export function decideSegment(params: SpoofingParams, mmsi: number, seg: SegInfo, n: SegNotes): TumenEvent[] {
  const p = params;
  const x = n.excursion;
  const within = (r: { startMs: number; lastMs: number }, s: number, e: number) => r.startMs <= e && s <= r.lastMs;
  const landIn = (s: number, e: number) => n.landEpisodes.filter((r) => within(r, s, e)).reduce((sum, r) => sum + r.count, 0);
  const regularIn = (s: number, e: number) => n.regularEpisodes.filter((r) => within(r, s, e)).reduce((m, r) => Math.max(m, r.steps), 0);
  if (x && x.switches === 2 && seg.count >= p.minOffTrackPoints && x.jumpM >= p.minOffTrackDistanceM) {
    return [spoofingEvent(mmsi, 'teleport_return', seg.firstMs, seg.lastMs, seg.firstLat, seg.firstLon, {
      jump_km: round(x.jumpM / 1000, 3),
      jump_implied_speed_kn: round(impliedSpeedKn(x.jumpM, x.jumpDtMs), 1),
      return_km: x.returnM === null ? null : round(x.returnM / 1000, 3),
      fabricated_positions: seg.count,
      on_land_positions: landIn(seg.firstMs, seg.lastMs),
      regular_steps: regularIn(seg.firstMs, seg.lastMs),
    })];
  }
  const out: TumenEvent[] = [];
  // Regularity alone could be a smoothed or synthetic feed: it takes a jump into or out of the regular
  // stretch, or positions on land inside it, to call it fabricated.
  const fabricated = n.regularEpisodes.filter((r) => r.jumpIn || r.jumpOut || landIn(r.startMs, r.lastMs) > 0);
  for (const r of fabricated) {
    out.push(spoofingEvent(mmsi, 'fabricated_track', r.startMs, r.lastMs, r.lat, r.lon, {
      regular_steps: r.steps, fabricated_positions: r.steps + 1, on_land_positions: landIn(r.startMs, r.lastMs),
      jump_in: r.jumpIn, jump_out: r.jumpOut,
    }));
  }
  for (const r of n.landEpisodes) {
    if (fabricated.some((g) => within(r, g.startMs, g.lastMs))) continue;
    out.push(spoofingEvent(mmsi, 'on_land', r.startMs, r.lastMs, r.lat, r.lon, { on_land_positions: r.count }));
  }
  return out;
}
