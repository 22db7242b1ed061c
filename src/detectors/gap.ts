// AIS gaps (GFW pipe-gaps): consecutive positions of one vessel at least `minGapH` apart. Each gap says
// whether it looks like intentional disabling, with the evidence behind the verdict: distance from shore
// at the start, reception of OTHER vessels around the start point during the gap, and how many positions
// the vessel sent in the hours before. A gap still open at the end of the window has `end: null`.
import type { Detector } from './detector.js';
import type { TumenEvent } from '../events/schema.js';
import type { Position } from '../tracks/position.js';
import type { ReceptionQuery } from './reception.js';
import { GAP_PARAMS } from './params.js';
import { eventId } from './event-id.js';
import { destination, distanceM, impliedSpeedKn, METRES_PER_NM, MS_PER_HOUR } from '../geo/sphere.js';
import { PORTS_OF_INTEREST } from '../reference/ports-of-interest.js';

export type GapParams = typeof GAP_PARAMS;

export interface GapContext {
  reception: ReceptionQuery;
  /** Metres from the point to the nearest shore (capped). */
  shoreDistanceM: (lat: number, lon: number) => number;
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
}

type MaybeOutlier = Position & { outlier?: boolean };

export class GapDetector implements Detector<GapState> {
  readonly name = 'gap';
  private readonly p: GapParams;
  private s: GapState;

  constructor(private readonly ctx: GapContext, state?: GapState) {
    this.p = ctx.params ?? GAP_PARAMS;
    this.s = state ? structuredClone(state) : { mmsi: null, last: null, recentMs: [], recentHead: 0 };
  }

  pushPosition(pos: MaybeOutlier): TumenEvent[] {
    if (pos.outlier) return [];
    const s = this.s;
    const out: TumenEvent[] = [];
    if (s.mmsi === null) s.mmsi = pos.mmsi;
    if (s.last && pos.timeMs < s.last.timeMs) return out;
    if (s.last && pos.timeMs - s.last.timeMs >= this.p.minGapH * MS_PER_HOUR) {
      out.push(this.gapEvent(pos));
    }
    const cutoff = pos.timeMs - this.p.beforeWindowH * MS_PER_HOUR;
    s.recentMs.push(pos.timeMs);
    while (s.recentHead < s.recentMs.length && s.recentMs[s.recentHead]! < cutoff) s.recentHead++;
    if (s.recentHead > 1024) { // compact now and then instead of shifting per position
      s.recentMs = s.recentMs.slice(s.recentHead);
      s.recentHead = 0;
    }
    s.last = { timeMs: pos.timeMs, lat: pos.lat, lon: pos.lon, courseDeg: pos.courseDeg, speedKn: pos.speedKn };
    return out;
  }

  flush(): TumenEvent[] {
    const { last } = this.s;
    const endMs = this.ctx.windowEndMs;
    if (!last || endMs === undefined || endMs - last.timeMs < this.p.minGapH * MS_PER_HOUR) return [];
    return [this.gapEvent(null)];
  }

  snapshot(): GapState {
    return structuredClone(this.s);
  }

  /** The gap from the last position to `next` (null: open until the window end). */
  private gapEvent(next: Position | null): TumenEvent {
    const last = this.s.last!;
    const mmsi = this.s.mmsi!;
    const endMs = next ? next.timeMs : this.ctx.windowEndMs!;
    const durationH = (endMs - last.timeMs) / MS_PER_HOUR;
    const verdict = this.judge(last, endMs, durationH, next === null);
    const ev: TumenEvent = {
      id: eventId('gap', mmsi, last.timeMs),
      type: 'gap',
      mmsi,
      start: new Date(last.timeMs).toISOString(),
      end: next ? new Date(next.timeMs).toISOString() : null,
      lat: last.lat,
      lon: last.lon,
      intentional: verdict.intentional,
      duration_h: round(durationH, 3),
      evidence: {
        ...verdict.evidence,
        course_before_deg: last.courseDeg,
        speed_before_kn: last.speedKn,
        ...(next
          ? { end_lat: next.lat, end_lon: next.lon, course_after_deg: next.courseDeg, speed_after_kn: next.speedKn }
          : { open_until: new Date(endMs).toISOString() }),
      },
    };
    if (next) {
      const d = distanceM(last.lat, last.lon, next.lat, next.lon);
      ev.distance_km = round(d / 1000, 3);
      ev.implied_speed_kn = round(impliedSpeedKn(d, next.timeMs - last.timeMs), 3);
    }
    return ev;
  }

  private judge(last: NonNullable<GapState['last']>, endMs: number, durationH: number, open: boolean) {
    const p = this.p;
    const shoreNm = this.ctx.shoreDistanceM(last.lat, last.lon) / METRES_PER_NM;
    const watched = nearestWatchedPort(last.lat, last.lon, p.watchedAreaRadiusKm * 1000);
    // Reception where the ship would have been `receptionLookaheadH` after going dark.
    const sog = last.speedKn !== null && last.speedKn > 1 && last.speedKn < 40 && last.courseDeg !== null ? last.speedKn : 0;
    const at = sog > 0 ? destination(last.lat, last.lon, last.courseDeg!, sog * METRES_PER_NM * p.receptionLookaheadH) : last;
    const q = this.ctx.reception;
    const receptionPerDay = q.positionsPerDay(at.lat, at.lon, last.timeMs, endMs, p.receptionRadiusKm, !p.receptionIncludesSatellite);
    const allSourcesPerDay = p.receptionIncludesSatellite ? receptionPerDay : q.positionsPerDay(at.lat, at.lon, last.timeMs, endMs, p.receptionRadiusKm, false);
    const positionsBefore = this.s.recentMs.length - this.s.recentHead;
    // GFW's 50 nm rule guards against coastal coverage holes. Inside the watched theatre, or wherever coastal
    // stations demonstrably heard the other ships there during the gap, it is relaxed (Tumen).
    const coastalGood = !p.receptionIncludesSatellite && receptionPerDay > p.minReceptionPerDay;
    const minShoreNm = watched || coastalGood ? p.relaxedMinShoreDistanceNm : p.intentionalMinShoreDistanceNm;
    // An open gap may still grow: its length so far does not count against it (Tumen).
    const checks = {
      long_enough: durationH >= p.intentionalMinGapH || open,
      far_from_shore: shoreNm >= minShoreNm,
      good_reception: receptionPerDay > p.minReceptionPerDay || (durationH >= p.satelliteMinGapH && allSourcesPerDay > p.minReceptionPerDay),
      active_before: positionsBefore >= p.minPositionsBefore,
    };
    return {
      intentional: checks.long_enough && checks.far_from_shore && checks.good_reception && checks.active_before,
      evidence: {
        shore_distance_nm: round(shoreNm, 2),
        min_shore_distance_nm: minShoreNm,
        shore_rule: watched ? 'watched_theatre' : coastalGood ? 'coastal_reception' : 'gfw',
        watched_port: watched?.id ?? null,
        reception_positions_per_day: round(receptionPerDay, 1),
        reception_all_sources_per_day: round(allSourcesPerDay, 1),
        reception_lat: round(at.lat, 5),
        reception_lon: round(at.lon, 5),
        positions_before_12h: positionsBefore,
        checks,
      },
    };
  }
}

export function restoreGapDetector(ctx: GapContext, state: GapState): GapDetector {
  return new GapDetector(ctx, state);
}

function nearestWatchedPort(lat: number, lon: number, radiusM: number) {
  let best: (typeof PORTS_OF_INTEREST)[number] | undefined;
  let bestD = radiusM;
  for (const port of PORTS_OF_INTEREST) {
    const d = distanceM(lat, lon, port.lat, port.lon);
    if (d <= bestD) {
      bestD = d;
      best = port;
    }
  }
  return best;
}

export const round = (x: number, digits: number): number => {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
};
