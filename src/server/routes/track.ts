// GET /api/vessels/:mmsi/track?from&to&bbox&maxPoints — columnar track simplified to a point budget.
import { Hono } from 'hono';
import type { Store } from '../../store/db.js';
import type { ServerContext } from '../context.js';
import { simplifyTrack } from '../simplify.js';
import { tableExists, where } from '../sql-util.js';
import { z } from 'zod';
import { timeRange, type BBox } from '../validate.js';
import { apiRoute, jsonResponse, mount } from '../schema.js';
import { MMSI_PATH, TRACK_QUERY } from '../schemas.js';
import { TRACK_GAP_MS } from '../params.js';
import type { TrackResponse } from '../track-json.js';

export interface TrackQuery {
  mmsi: number;
  fromMs?: number;
  toMs?: number;
  bbox?: BBox;
  maxPoints: number;
}

export async function readTrack(store: Store, q: TrackQuery): Promise<TrackResponse> {
  const empty: TrackResponse = { mmsi: q.mmsi, total_points: 0, simplified: false, time_ms: [], lon: [], lat: [], speed_kn: [], course_deg: [], gaps: [], gap_h: TRACK_GAP_MS / 3_600_000 };
  if (!(await tableExists(store, 'positions'))) return empty;
  const params: Record<string, number> = { mmsi: q.mmsi };
  if (q.fromMs !== undefined) params.fromMs = q.fromMs;
  if (q.toMs !== undefined) params.toMs = q.toMs;
  if (q.bbox) Object.assign(params, q.bbox);
  const sql = `SELECT epoch_ms(time)::DOUBLE AS t, lon, lat, speed, course FROM positions ${where([
    'mmsi = $mmsi::UINTEGER',
    q.fromMs !== undefined && 'time >= epoch_ms($fromMs::BIGINT)',
    q.toMs !== undefined && 'time <= epoch_ms($toMs::BIGINT)',
    q.bbox && 'lon BETWEEN $minLon AND $maxLon AND lat BETWEEN $minLat AND $maxLat',
  ])}`;
  // No ORDER BY: a scan keeps the stored order, and a store clustered by week, MMSI and time (each ingest
  // batch sorted, or the whole store after `tumen store sort`) gives one ship's rows in time order already
  // when the batches came in time order; DuckDB's sort of them was 5–50 ms of a 40–145 ms track on the 20 M
  // bench store. Rows out of time order (old stores in arrival order, files out of order) are sorted here.
  const reader = await store.conn.runAndReadAll(sql, params);
  const [t, lon, lat, speed, course] = inTimeOrder(reader.getColumnsJS() as [number[], number[], number[], Array<number | null>, Array<number | null>]);
  const n = t?.length ?? 0;
  if (n === 0) return empty;
  const { keep, gaps } = simplifyTrack({ timeMs: t, lat, lon }, { maxPoints: q.maxPoints, gapMs: TRACK_GAP_MS });
  const pick = <T>(col: T[]): T[] => (keep.length === n ? col : keep.map((i) => col[i]));
  return {
    mmsi: q.mmsi,
    total_points: n,
    simplified: keep.length < n,
    time_ms: pick(t),
    lon: pick(lon),
    lat: pick(lat),
    speed_kn: pick(speed),
    course_deg: pick(course),
    gaps,
    gap_h: TRACK_GAP_MS / 3_600_000,
  };
}

/** The columns with their rows in time order (as they are, when they already are). */
function inTimeOrder<C extends [number[], ...unknown[][]]>(cols: C): C {
  const t = cols[0];
  let sorted = true;
  for (let i = 1; i < (t?.length ?? 0) && sorted; i++) sorted = t[i - 1] <= t[i];
  if (sorted) return cols;
  const order = t.map((_, i) => i).sort((a, b) => t[a] - t[b] || a - b);
  return cols.map((c) => order.map((i) => c[i])) as C;
}

/** The validated track query of a vessel. */
export function trackQueryOf(mmsi: number, v: z.output<typeof TRACK_QUERY>): TrackQuery {
  timeRange(v.from, v.to);
  return { mmsi, fromMs: v.from, toMs: v.to, bbox: v.bbox, maxPoints: v.maxPoints };
}

export const TRACK_ROUTE = apiRoute({
  method: 'get', path: '/api/vessels/{mmsi}/track', summary: 'track, columnar, simplified to a point budget (gap endpoints always kept)',
  params: MMSI_PATH, query: TRACK_QUERY,
  responses: { 200: jsonResponse('track', { $ref: '#/components/schemas/Track' }) },
});

export function trackRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  mount(app, TRACK_ROUTE, async (c, { params, query }) => c.json(await readTrack(ctx.store, trackQueryOf(params.mmsi, query))));
  return app;
}
