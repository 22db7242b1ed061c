import { describe, expect, it } from 'vitest';
import { GapDetector } from '../../src/detectors/gap.js';
import type { TumenEvent } from '../../src/events/schema.js';
import { HOUR, MIN, T0, gapCtx, leg, pos, constantReception } from './helpers.js';
import { eventId } from '../../src/detectors/event-id.js';
import { GAP_PARAMS } from '../../src/detectors/params.js';

const M = 273000001;

function run(d: GapDetector, pts: ReturnType<typeof leg>): TumenEvent[] {
  const out: TumenEvent[] = [];
  for (const p of pts) out.push(...d.pushPosition(p));
  out.push(...d.flush());
  return out;
}

describe('gap detector', () => {
  // 12 h of positions every 10 min (73 positions), then silence for 14 h, then 1 h more.
  const before = leg(M, T0, 73, 10, 42.5, 132.5, 0, 0.002, 10, 270);
  const after = leg(M, T0 + 26 * HOUR, 7, 10, 42.0, 131.0, 0, 0.002, 9, 45);

  it('emits one closed gap with exact fields; intentional when all four checks pass', () => {
    const events = run(new GapDetector(gapCtx()), [...before, ...after]);
    expect(events).toHaveLength(1);
    const g = events[0]!;
    const startMs = T0 + 72 * 10 * MIN;
    expect(g).toMatchObject({
      id: eventId('gap', M, startMs), type: 'gap', mmsi: M,
      start: '2024-03-01T12:00:00.000Z', end: '2024-03-02T02:00:00.000Z',
      lat: 42.5, lon: 132.5 + 72 * 0.002, intentional: true, duration_h: 14,
    });
    expect(g.distance_km).toBeCloseTo(146.29, 1);
    expect(g.implied_speed_kn).toBeCloseTo(146.29 / 1.852 / 14, 2);
    expect(g.evidence).toMatchObject({
      shore_distance_nm: 16.2, positions_before_12h: 73, reception_positions_per_day: 100, watched_port: 'RUNJK',
      min_shore_distance_nm: 0, course_before_deg: 270, course_after_deg: 45, end_lat: 42, end_lon: 131,
      checks: { long_enough: true, far_from_shore: true, good_reception: true, active_before: true },
    });
  });

  it('is not intentional under poor reception, too few positions before, or too short', () => {
    expect(run(new GapDetector(gapCtx({ reception: constantReception(5) })), [...before, ...after])[0]!.intentional).toBe(false);
    expect(run(new GapDetector(gapCtx()), [...before.filter((_, i) => i % 6 === 0), ...after])[0]!.intentional).toBe(false);
    const short = run(new GapDetector(gapCtx()), [...before, ...leg(M, T0 + 20 * HOUR, 3, 10, 42.4, 132.4, 0, 0)]);
    expect(short[0]).toMatchObject({ duration_h: 8, intentional: false });
  });

  it('asks an open gap for heard hours prorated to its length so far; a closed one for the full minimum', () => {
    // A place where a transmitting ship would be heard in `share` of the hours (chance of missing all: 1e-6).
    const heardIn = (share: number) => ({
      ...constantReception(100),
      hearing: (path: never, fromMs: number, toMs: number, self: boolean) => {
        const h = constantReception(100).hearing(path, fromMs, toMs, self);
        return { ...h, expectedHeardHours: share * h.hours };
      },
    });
    // Silent 7 h before the data's end: 6 whole hours judged, 3 heard hours asked (6 × 6/12).
    const open = (share: number) => run(new GapDetector(gapCtx({ reception: heardIn(share), windowEndMs: T0 + 19 * HOUR })), before)[0]!;
    expect(open(0.8)).toMatchObject({ end: null, duration_h: 7, intentional: true, evidence: { reception: { expected_heard_hours: 4.8, min_expected_heard_hours: 3 } } });
    expect(open(0.4)).toMatchObject({ intentional: false, evidence: { reception: { expected_heard_hours: 2.4, min_expected_heard_hours: 3 } } });
    // The 14 h closed gap: 13 hours judged, 5.2 heard hours expected, 6 asked.
    const closed = run(new GapDetector(gapCtx({ reception: heardIn(0.4) })), [...before, ...after])[0]!;
    expect(closed).toMatchObject({ intentional: false, evidence: { reception: { expected_heard_hours: 5.2, min_expected_heard_hours: 6 } } });
  });

  it('asks a ship heard only by satellites before it fell silent for its share of the hours reception allowed, not for 14 positions', () => {
    // A place where a transmitting ship is heard in `share` of the hours (chance of missing all: 1e-6).
    const heardIn = (share: number) => ({
      ...constantReception(100),
      hearing: (path: never, fromMs: number, toMs: number, self: boolean) => {
        const h = constantReception(100).hearing(path, fromMs, toMs, self);
        return { ...h, expectedHeardHours: share * h.hours };
      },
    });
    // One satellite fix every 2 h for 12 h (7 positions, heard in 5 whole hours strictly inside the window),
    // silent 20 h, then back.
    const sat = (ps: ReturnType<typeof leg>) => ps.map((p) => ({ ...p, source: 'satellite' as const }));
    const thin = sat(leg(M, T0, 7, 120, 42.5, 132.5, 0, 0.02));
    const back = sat(leg(M, T0 + 32 * HOUR, 3, 120, 42.0, 131.0, 0, 0.02));
    // Reception there: 40 % of the hours → 4.4 of the 11 hours before expected, 5 heard: active.
    const ok = run(new GapDetector(gapCtx({ reception: heardIn(0.4) })), [...thin, ...back])[0]!;
    expect(ok).toMatchObject({ duration_h: 20, intentional: true, evidence: {
      positions_before_12h: 7, active_before_rule: 'satellite_only_reception',
      active_before_satellite_only: { heard_hours: 5, expected_heard_hours: 4.4, positions: 7, active: true },
      checks: { active_before: true, good_reception: true } } });
    // Reception that should have heard it in 95 % of the hours: 5 heard of 10.45 expected is too few.
    const sparse = run(new GapDetector(gapCtx({ reception: heardIn(0.95) })), [...thin, ...back])[0]!;
    expect(sparse).toMatchObject({ intentional: false, evidence: { active_before_satellite_only: { active: false }, checks: { active_before: false } } });
    // The same fixes heard by a coastal station: GFW's count (7 < 14) stands.
    const coastal = run(new GapDetector(gapCtx({ reception: heardIn(0.4) })), [...thin.map((p) => ({ ...p, source: 'terrestrial' as const, stations: ['st'] })), ...back])[0]!;
    expect(coastal).toMatchObject({ intentional: false, evidence: { active_before_rule: 'gfw', checks: { active_before: false } } });
    // Only since it was last heard again: 2 fixes after an earlier 8 h silence are a glimpse, not activity.
    const glimpse = sat([...leg(M, T0, 2, 60, 42.5, 132.5, 0, 0.02), ...leg(M, T0 + 9 * HOUR, 2, 60, 42.5, 132.6, 0, 0.02)]);
    const g = run(new GapDetector(gapCtx({ reception: heardIn(0.4) })), [...glimpse, ...sat(leg(M, T0 + 40 * HOUR, 2, 60, 42.0, 131.0, 0, 0.02))]);
    expect(g.map((e) => [e.duration_h, e.intentional, (e.evidence as { checks: { active_before: boolean } }).checks.active_before])).toEqual([[8, false, false], [30, false, false]]);
  });

  it('where reception is not shown good the GFW 50 nm shore rule applies; where it is, near-shore darkness counts', () => {
    const atlantic = before.map((p) => ({ ...p, lat: 30, lon: -40 + (p.lon - 132.5) }));
    const back = after.map((p) => ({ ...p, lat: 30.5, lon: -41 }));
    const ev = run(new GapDetector(gapCtx({ shoreDistanceM: () => 40 * 1852, reception: constantReception(5) })), [...atlantic, ...back])[0]!;
    expect(ev.intentional).toBe(false);
    expect(ev.evidence).toMatchObject({
      watched_port: null, min_shore_distance_nm: 50, shore_rule: 'gfw', reception_positions_per_day: 5,
      reception: { unheard_probability: 0.5, expected_heard_hours: 1 }, checks: { far_from_shore: false, good_reception: false },
    });
    const good = run(new GapDetector(gapCtx({ shoreDistanceM: () => 25 * 1852 })), [...atlantic, ...back])[0]!;
    expect(good.intentional).toBe(true);
    expect(good.evidence).toMatchObject({ min_shore_distance_nm: 0, shore_rule: 'measured_reception', shore_distance_nm: 25 });
    expect(String(good.evidence.shore_rule_reason)).toContain('near-shore darkness counts');
  });

  it('reads the gap\'s first half on the stations that heard the ship as it fell silent, the second on its first report after; satellite-only ends judged on the satellite alone', () => {
    // A stub that records, hour by hour, whether the ship's own stations were up (false: satellite alone).
    const seen: boolean[][] = [];
    const reception = {
      ...constantReception(100), stationReports: (st: string) => (st === 'KRR05' ? 5 : 0),
      hearing: (path: never, fromMs: number, toMs: number, self: boolean, up?: (h: number) => boolean) => {
        const h0 = Math.floor(fromMs / HOUR) + 1, h1 = Math.floor(toMs / HOUR) - 1;
        seen.push(up ? Array.from({ length: h1 - h0 + 1 }, (_, i) => up(h0 + i)) : []);
        return constantReception(100).hearing(path, fromMs, toMs, self);
      },
    };
    const coastal = (ps: typeof before, stations: string[]) => ps.map((p) => ({ ...p, source: 'terrestrial' as const, stations }));
    const sat = (ps: typeof before) => ps.map((p) => ({ ...p, source: 'satellite' as const, stations: ['SAT1'] }));
    const [a] = run(new GapDetector(gapCtx({ reception })), [...coastal(before, ['KRR05']), ...sat(after)]);
    expect(a!.evidence.reception).toMatchObject({ own_stations: ['KRR05'], own_stations_start: ['KRR05'], own_stations_end: 'satellite', own_stations_down_hours: 7 });
    // 13 whole hours (13:00–01:00): the 6 before the midpoint (19:00) on KRR05, which was up; the rest satellite alone.
    expect(seen[0]).toEqual([...Array(6).fill(true), ...Array(7).fill(false)]);
    // Heard only by satellites as it fell silent (an open gap): every hour on the satellite alone.
    const [b] = run(new GapDetector(gapCtx({ reception, windowEndMs: T0 + 26 * HOUR })), sat(before));
    expect(b!.evidence.reception).toMatchObject({ own_stations_start: 'satellite', own_stations_end: null });
    expect(seen[1]!.every((x) => !x)).toBe(true);
    // No station or source known (no tag blocks): the area's own reading.
    run(new GapDetector(gapCtx({ reception })), [...before, ...after]);
    expect(seen[2]).toEqual([]);
  });

  it('a ship sailing out of its stations\' learned reach as it fell silent (into it as it came back) is judged on the satellite alone for that half', () => {
    const seen: boolean[][] = [];
    const reception = {
      ...constantReception(100), stationReports: (st: string) => (st === 'KRR05' ? 5 : 0),
      // KRR05 was heard near places east of 132.5° E only: 1 h at 10 kn west of the last fix (132.644° E) is beyond it.
      reachesNear: (st: string, _lat: number, lon: number) => st === 'KRR05' && lon > 132.5,
      hearing: (path: never, fromMs: number, toMs: number, self: boolean, up?: (h: number) => boolean) => {
        const h0 = Math.floor(fromMs / HOUR) + 1, h1 = Math.floor(toMs / HOUR) - 1;
        seen.push(up ? Array.from({ length: h1 - h0 + 1 }, (_, i) => up(h0 + i)) : []);
        return constantReception(100).hearing(path, fromMs, toMs, self);
      },
    };
    const coastal = (ps: typeof before) => ps.map((p) => ({ ...p, source: 'terrestrial' as const, stations: ['KRR05'] }));
    const [west] = run(new GapDetector(gapCtx({ reception })), [...coastal(before), ...coastal(after)]);
    expect(west!.evidence.reception).toMatchObject({ left_own_reach: true, came_into_own_reach: true, own_stations_down_hours: 13 });
    expect(seen[0]!.every((x) => !x)).toBe(true);
    // Heading east (towards where KRR05 hears) as it fell silent: the first half is read on KRR05, up.
    const east = before.map((p) => ({ ...p, courseDeg: 90 }));
    const [e] = run(new GapDetector(gapCtx({ reception })), [...coastal(east), ...coastal(after)]);
    expect(e!.evidence.reception).toMatchObject({ left_own_reach: false, came_into_own_reach: true, own_stations_down_hours: 7 });
    expect(seen[1]).toEqual([...Array(6).fill(true), ...Array(7).fill(false)]);
    // Stopped at the last fix: no course to follow, read on KRR05 as before.
    const [still] = run(new GapDetector(gapCtx({ reception })), [...coastal(before.map((p) => ({ ...p, speedKn: 0 }))), ...coastal(after)]);
    expect(still!.evidence.reception).toMatchObject({ left_own_reach: false });
  });

  it('the reach check looks one coverage cell past where an hour takes the ship (the neighbourhood test reads a reach one cell wide of its edge)', () => {
    // Last fix 132.644° E heading west at 10 kn: an hour takes it to ~132.42° E, the check to ~132.29° E.
    const reachingEastOf = (edgeLon: number) => ({
      ...constantReception(100), stationReports: (st: string) => (st === 'KRR05' ? 5 : 0),
      reachesNear: (st: string, _lat: number, lon: number) => st === 'KRR05' && lon > edgeLon,
    });
    const coastal = (ps: typeof before) => ps.map((p) => ({ ...p, source: 'terrestrial' as const, stations: ['KRR05'] }));
    const westward = [...coastal(before), ...coastal(after)];
    // KRR05 read as reaching to 132.35° E: an hour's sailing stays inside, 11 km more is beyond.
    const [edge] = run(new GapDetector(gapCtx({ reception: reachingEastOf(132.35) })), westward);
    expect(edge!.evidence.reception).toMatchObject({ left_own_reach: true });
    // Reaching to 132.2° E: inside either way.
    const [inside] = run(new GapDetector(gapCtx({ reception: reachingEastOf(132.2) })), westward);
    expect(inside!.evidence.reception).toMatchObject({ left_own_reach: false });
    // Without the margin the first ship reads as inside its station's reach.
    const [bare] = run(new GapDetector(gapCtx({ reception: reachingEastOf(132.35), params: { ...GAP_PARAMS, reachExitBeyondKm: 0 } })), westward);
    expect(bare!.evidence.reception).toMatchObject({ left_own_reach: false });
  });

  it('no gap below 6 h; an open gap at the window end has end null', () => {
    const pts = [...leg(M, T0, 10, 60, 42, 132, 0, 0.01), ...leg(M, T0 + 14.5 * HOUR, 3, 10, 42, 132.2, 0, 0)];
    expect(run(new GapDetector(gapCtx({ windowEndMs: T0 + 17.5 * HOUR })), pts)).toHaveLength(0);
    const open = run(new GapDetector(gapCtx({ windowEndMs: T0 + 30 * HOUR })), pts);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ start: '2024-03-01T14:50:00.000Z', end: null, duration_h: 15.167 });
    expect(open[0]!.distance_km).toBeUndefined();
    expect(open[0]!.evidence.open_until).toBe('2024-03-02T06:00:00.000Z');
  });

  it('ignores glitch positions flagged by the segmenter', () => {
    const pts = [...before, { ...pos(M, T0 + 18 * HOUR, 43, 133), outlier: true }, ...after];
    const ev = run(new GapDetector(gapCtx()), pts);
    expect(ev).toHaveLength(1);
    expect(ev[0]!.duration_h).toBe(14);
  });

  it('snapshot/restore mid-stream gives the same events', () => {
    const pts = [...before, ...after];
    const whole = run(new GapDetector(gapCtx({ windowEndMs: T0 + 40 * HOUR })), pts);
    const a = new GapDetector(gapCtx({ windowEndMs: T0 + 40 * HOUR }));
    const out: TumenEvent[] = [];
    for (const p of pts.slice(0, 73)) out.push(...a.pushPosition(p));
    const b = new GapDetector(gapCtx({ windowEndMs: T0 + 40 * HOUR }), JSON.parse(JSON.stringify(a.snapshot())));
    for (const p of pts.slice(73)) out.push(...b.pushPosition(p));
    out.push(...b.flush());
    expect(out).toEqual(whole);
    expect(whole).toHaveLength(2); // the closed gap + an open one (last fix 27 h, window end 40 h)
  });
});
