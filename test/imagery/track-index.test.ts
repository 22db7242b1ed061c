// The hour/cell summary gives each vessel's exact last report at or before a time and first after it,
// the scene hour's raw reports taking precedence, and cells far from the scene never read.
import { describe, expect, it } from 'vitest';
import { MS_PER_BUCKET, TrackIndex, type HourColumns } from '../../src/imagery/track-index.js';
import { silentAt } from '../../src/imagery/candidates.js';
import { FUSION_PARAMS } from '../../src/imagery/params.js';

const H = MS_PER_BUCKET;
const T0 = 1_709_251_200_000; // 2024-03-01T00:00Z, an hour boundary
// rows: [mmsi, hour offset, cellLat, cellLon, firstT offset (min), lat, lon, lastT offset (min), lat, lon]
function columns(rows: Array<[number, number, number, number, number, number, number, number, number, number]>): HourColumns {
  const col = (k: number) => rows.map((r) => r[k]!);
  const hour = rows.map((r) => Math.floor(T0 / H) + r[1]);
  return {
    mmsi: col(0), hour, cellLat: col(2), cellLon: col(3),
    firstT: rows.map((r) => T0 + r[1] * H + r[4] * 60_000), firstLat: col(5), firstLon: col(6), firstSpeed: rows.map(() => 10), firstCourse: rows.map(() => NaN),
    lastT: rows.map((r) => T0 + r[1] * H + r[7] * 60_000), lastLat: col(8), lastLon: col(9), lastSpeed: rows.map(() => 10), lastCourse: rows.map(() => 90),
  };
}
const all = () => true;

describe('TrackIndex', () => {
  const index = new TrackIndex(columns([
    [1, 0, 42, 130, 5, 42.1, 130.1, 50, 42.2, 130.2],
    [1, 1, 42, 130, 10, 42.3, 130.3, 40, 42.4, 130.4],
    [1, 3, 42, 130, 20, 42.5, 130.5, 30, 42.6, 130.6],
    [2, 0, 42, 130, 0, 42.0, 130.0, 50, 42.0, 130.0],
    [2, 0, 35, 129, 1, 35.0, 129.0, 59, 35.0, 129.0], // the same MMSI heard far away: another transmitter
    [2, 9, 42, 130, 0, 42.0, 130.0, 1, 42.0, 130.0],
  ]));

  it('takes the last report of the nearest earlier hour and the first of the nearest later hour', () => {
    const at = T0 + 2 * H + 30 * 60_000; // 02:30, an hour with no reports
    const [v1] = index.neighboursAt(at, 6 * H, all, new Map());
    expect(v1).toMatchObject({ mmsi: 1, before: { timeMs: T0 + H + 40 * 60_000, lat: 42.4, speedKn: 10, courseDeg: 90 }, after: { timeMs: T0 + 3 * H + 20 * 60_000, lat: 42.5, courseDeg: null } });
  });

  it('uses the scene hour\'s raw reports before the summaries', () => {
    const at = T0 + H + 20 * 60_000;
    const exact = new Map([[1, { before: { timeMs: at - 60_000, lat: 1, lon: 2, speedKn: null, courseDeg: null }, after: null }]]);
    const [v1] = index.neighboursAt(at, 6 * H, all, exact);
    expect(v1!.before!.lat).toBe(1);
    expect(v1!.after!.timeMs).toBe(T0 + 3 * H + 20 * 60_000); // not the hour's own summary (01:40 is before 01:20's raw read)
  });

  it('reads only cells the scene allows, so another transmitter on the MMSI is not taken', () => {
    const near42 = (lat: number) => lat === 42;
    const at = T0 + 5 * H;
    const v2 = index.neighboursAt(at, 6 * H, near42, new Map()).find((n) => n.mmsi === 2)!;
    expect(v2.before).toMatchObject({ lat: 42.0, timeMs: T0 + 50 * 60_000 });
    const any = index.neighboursAt(at, 6 * H, all, new Map()).find((n) => n.mmsi === 2)!;
    expect(any.before).toMatchObject({ lat: 35.0, timeMs: T0 + 59 * 60_000 }); // the later of the hour's two rows
  });

  it('stops at the limit: nothing beyond it is read', () => {
    const v2 = index.neighboursAt(T0 + 5 * H, 2 * H, all, new Map()).find((n) => n.mmsi === 2);
    expect(v2).toBeUndefined();
  });

  it('feeds the dark-candidate search: silent when no report within silentMinH either side, heard near when on one side only', () => {
    const at = T0 + 5 * H; // vessel 2 silent from 00:50 to 09:00; vessel 1 last heard 03:30 (1.5 h before), not after
    const around = index.neighboursAt(at, 14 * 24 * H, all, new Map());
    expect(silentAt(around, at, new Map([[2, 180]]), FUSION_PARAMS).map((v) => [v.mmsi, v.lengthM, v.heardNear ?? false]))
      .toEqual([[1, null, false], [2, 180, false]]);
    // Heard 1 h before and again 5 h after: heard near (vessel 1 above has no report after: it may have switched off).
    const again = [{ mmsi: 8, before: { timeMs: at - H, lat: 42, lon: 130, speedKn: 5, courseDeg: 0 }, after: { timeMs: at + 5 * H, lat: 42.1, lon: 130, speedKn: 5, courseDeg: 0 } }];
    expect(silentAt(again, at, new Map(), FUSION_PARAMS).map((v) => [v.mmsi, v.heardNear ?? false])).toEqual([[8, true]]);
    // Heard within silentMinH on both sides: its AIS track places it (interpolated), not a candidate.
    const both = [{ mmsi: 7, before: { timeMs: at - H, lat: 42, lon: 130, speedKn: 5, courseDeg: 0 }, after: { timeMs: at + 2 * H, lat: 42.1, lon: 130, speedKn: 5, courseDeg: 0 } }];
    expect(silentAt(both, at, new Map(), FUSION_PARAMS)).toEqual([]);
  });

  it('marks a silent vessel with no report before the acquisition as unheard since the data began, only when the data begins inside the window', () => {
    const at = T0 + 5 * H;
    const around = [{ mmsi: 9, before: null, after: { timeMs: at + 10 * H, lat: 42, lon: 130, speedKn: 0, courseDeg: 0 } }];
    expect(silentAt(around, at, new Map(), FUSION_PARAMS, T0)[0]!.unheardSinceDataStart).toBe(true);
    // Data from 20 days before: 14 days unheard is a long silence, not the data's beginning.
    expect(silentAt(around, at, new Map(), FUSION_PARAMS, at - 20 * 24 * H)[0]!.unheardSinceDataStart).toBeUndefined();
    expect(silentAt(around, at, new Map(), FUSION_PARAMS)[0]!.unheardSinceDataStart).toBeUndefined();
  });
});
