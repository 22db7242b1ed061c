import { describe, expect, it } from 'vitest';
import type { TumenEvent } from '../../src/events/schema.js';
import type { Position } from '../../src/tracks/position.js';
import { createEncounterDetector, type EncounterState, restoreEncounterDetector } from '../../src/detectors/encounter.js';
import { DEG_PER_NM, HOUR, MIN, seeded, stream, T0, track } from './build2.js';

const A = 273_000_001; // Russia
const B = 445_000_002; // DPRK
const MEET = { lat: 41.0, lon: 131.5 }; // open sea, ~150 km from Chongjin and ~190 km from Vladivostok
const OFFSET_DEG = 0.0018; // ≈ 200 m north

/** B drifts at MEET all along; A steams in from the north at 10 kn, stays from `from` to `to`, leaves south. */
function rendezvous(fromMs: number, toMs: number, endMs: number, a = A, b = B, at = MEET): Position[][] {
  const ta = track(a, T0, endMs, 5 * MIN, (t) => {
    if (t < fromMs) return { lat: at.lat + OFFSET_DEG + ((fromMs - t) / HOUR) * 10 * DEG_PER_NM, lon: at.lon, speedKn: 10 };
    if (t > toMs) return { lat: at.lat + OFFSET_DEG - ((t - toMs) / HOUR) * 10 * DEG_PER_NM, lon: at.lon, speedKn: 10 };
    return { lat: at.lat + OFFSET_DEG, lon: at.lon, speedKn: 0.4 };
  });
  const tb = track(b, T0, endMs, 5 * MIN, () => ({ lat: at.lat, lon: at.lon, speedKn: 0.3 }));
  return [ta, tb];
}

function runAll(positions: Position[], det = createEncounterDetector()): TumenEvent[] {
  const out: TumenEvent[] = [];
  for (const p of positions) out.push(...det.pushPosition(p));
  out.push(...det.flush());
  return out;
}

describe('encounter detector', () => {
  it('finds a 3 h rendezvous with exact times, pair, position and evidence', () => {
    const events = runAll(stream(...rendezvous(T0 + HOUR, T0 + 4 * HOUR, T0 + 6 * HOUR)));
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect(e.type).toBe('encounter');
    expect(e.mmsi).toBe(A);
    expect(e.other_mmsi).toBe(B);
    expect(e.start).toBe('2024-05-01T01:00:00.000Z');
    expect(e.end).toBe('2024-05-01T04:00:00.000Z');
    expect(e.duration_h).toBe(3);
    expect(e.lat).toBeCloseTo(41.0009, 6);
    expect(e.lon).toBeCloseTo(131.5, 6);
    expect(e.evidence.points).toBe(19);
    expect(e.evidence.median_distance_m).toBeCloseTo(200.2, 0);
    expect(e.evidence.vessel_1_median_speed_kn).toBe(0.4);
    expect(e.evidence.vessel_2_median_speed_kn).toBe(0.3);
    expect(e.id).toMatch(/^encounter-[0-9a-f]{16}$/);
  });

  it('two fishing vessels side by side (pair trawlers) are no encounter, counted; one fishing vessel and a tanker are', () => {
    const fishing = (mmsi: number) => ({ mmsi, timeMs: T0, imo: null, shipname: null, callsign: null, shiptype: 30, draughtM: null, destination: null, lengthM: null, beamM: null });
    const pair = createEncounterDetector();
    pair.pushStatic(fishing(A));
    pair.pushStatic(fishing(B));
    expect(runAll(stream(...rendezvous(T0 + HOUR, T0 + 4 * HOUR, T0 + 6 * HOUR)), pair)).toEqual([]);
    expect(pair.dropped()).toEqual({ both_fishing: 1 });
    expect(restoreEncounterDetector(JSON.parse(JSON.stringify(pair.snapshot()))).dropped()).toEqual({ both_fishing: 1 });
    const one = createEncounterDetector();
    one.pushStatic(fishing(A));
    one.pushStatic({ ...fishing(B), shiptype: 80 });
    expect(runAll(stream(...rendezvous(T0 + HOUR, T0 + 4 * HOUR, T0 + 6 * HOUR)), one)).toHaveLength(1);
  });

  it('puts the lower MMSI first whatever the stream order', () => {
    const [ta, tb] = rendezvous(T0 + HOUR, T0 + 4 * HOUR, T0 + 6 * HOUR, 900_000_009 - 400_000_000, 211_000_003);
    const events = runAll(stream(ta!, tb!));
    expect(events.map((e) => [e.mmsi, e.other_mmsi])).toEqual([[211_000_003, 500_000_009]]);
  });

  it('ignores 1.5 h together (too short) and a convoy steaming together at 8 kn (too fast)', () => {
    expect(runAll(stream(...rendezvous(T0 + HOUR, T0 + 2.5 * HOUR, T0 + 5 * HOUR)))).toEqual([]);
    const convoy = [A, B].map((m, i) =>
      track(m, T0, T0 + 5 * HOUR, 5 * MIN, (t) => ({ lat: 41 + i * OFFSET_DEG + ((t - T0) / HOUR) * 8 * DEG_PER_NM, lon: 131.5, speedKn: 8 })),
    );
    expect(runAll(stream(...convoy))).toEqual([]);
  });

  it('cuts off the legs two ships sail together to and from the meeting point', () => {
    // Together (150 m apart) all along: east at 11 kn until 02:00, drifting 02:00–06:00, east again after.
    const at = (t: number) => {
      const h = (t - T0) / HOUR;
      const lonNm = h < 2 ? h * 11 : h < 6 ? 22 + (h - 2) * 0.3 : 23.2 + (h - 6) * 11;
      return { lon: 130 + (lonNm * DEG_PER_NM) / Math.cos((40 * Math.PI) / 180), speedKn: h < 2 || h > 6 ? 11 : 0.3 };
    };
    const ta = track(A, T0, T0 + 8 * HOUR, 2 * MIN, (t) => ({ lat: 40, ...at(t) }));
    const tb = track(B, T0 + MIN, T0 + 8 * HOUR, 2 * MIN, (t) => ({ lat: 40.00135, ...at(t) }));
    const events = runAll(stream(ta, tb));
    // B reports at odd minutes: its 02:00 and 06:00 slots interpolate between 11 kn and 0.3 kn, so the slow
    // core starts one slot later and ends one slot earlier.
    expect(events.map((e) => [e.start, e.end, e.evidence.vessel_1_median_speed_kn])).toEqual([['2024-05-01T02:10:00.000Z', '2024-05-01T05:50:00.000Z', 0.3]]);
  });

  it('ignores vessels moored together within 10 km of a port (Vostochny)', () => {
    expect(runAll(stream(...rendezvous(T0 + HOUR, T0 + 4 * HOUR, T0 + 6 * HOUR, A, B, { lat: 42.76, lon: 133.06 })))).toEqual([]);
  });

  it('merges two runs less than 4 h apart into one encounter', () => {
    // Together 01:00–03:30, apart (1 km) 03:30–05:00, together again 05:00–07:30.
    const apart = (t: number) => t > T0 + 3.5 * HOUR && t < T0 + 5 * HOUR;
    const ta = track(A, T0 + HOUR, T0 + 7.5 * HOUR, 5 * MIN, (t) => ({ lat: 41 + (apart(t) ? 0.009 : OFFSET_DEG), lon: 131.5, speedKn: 0.5 }));
    const tb = track(B, T0 + HOUR, T0 + 7.5 * HOUR, 5 * MIN, () => ({ lat: 41, lon: 131.5, speedKn: 0.5 }));
    const events = runAll(stream(ta, tb));
    expect(events).toHaveLength(1);
    expect(events[0]!.start).toBe('2024-05-01T01:00:00.000Z');
    expect(events[0]!.evidence.runs_merged).toBe(2);
    // The data ends while they are still together: the event is open.
    expect(events[0]!.end).toBeNull();
  });

  it('does not interpolate across a reception gap longer than 1 h', () => {
    // B reports only at 01:00 and 04:00: no resampled points in between, so nothing to compare.
    const [ta, tb] = rendezvous(T0 + HOUR, T0 + 4 * HOUR, T0 + 6 * HOUR);
    const sparse = tb!.filter((p) => p.timeMs === T0 + HOUR || p.timeMs === T0 + 4 * HOUR);
    expect(runAll(stream(ta!, sparse))).toEqual([]);
  });

  it('finds a 3 h rendezvous in a crowd of 2,000 vessels without all-pairs work', () => {
    const rnd = seeded(42);
    const crowd: Position[][] = [];
    for (let i = 0; i < 2000; i++) {
      const lat0 = 36 + rnd() * 8, lon0 = 128 + rnd() * 12, course = rnd() * 2 * Math.PI, speed = 6 + rnd() * 8;
      const offset = Math.floor(rnd() * 5) * MIN; // reports not aligned to the slots
      crowd.push(track(300_000_000 + i, T0 + offset, T0 + 6 * HOUR, 5 * MIN, (t) => {
        const h = (t - T0) / HOUR;
        return { lat: lat0 + Math.cos(course) * speed * h * DEG_PER_NM, lon: lon0 + (Math.sin(course) * speed * h * DEG_PER_NM) / Math.cos((lat0 * Math.PI) / 180), speedKn: speed };
      }));
    }
    const det = createEncounterDetector();
    const events = runAll(stream(...crowd, ...rendezvous(T0 + HOUR, T0 + 4 * HOUR, T0 + 6 * HOUR)), det);
    expect(events.map((e) => [e.mmsi, e.other_mmsi, e.start, e.end])).toEqual([[A, B, '2024-05-01T01:00:00.000Z', '2024-05-01T04:00:00.000Z']]);
    const slots = det.counters.slots;
    const allPairs = ((2002 * 2001) / 2) * slots;
    expect(slots).toBe(37);
    expect(det.counters.comparisons).toBeGreaterThan(37); // the pair itself, at least
    expect(det.counters.comparisons).toBeLessThan(allPairs / 1000);
  });

  it('snapshot and restore mid-stream give the same events as an uninterrupted run', () => {
    const input = stream(...rendezvous(T0 + HOUR, T0 + 4 * HOUR, T0 + 9 * HOUR),
      ...rendezvous(T0 + 5 * HOUR, T0 + 8 * HOUR, T0 + 9 * HOUR, 273_000_005, 273_000_006, { lat: 40.5, lon: 132 }));
    const whole = runAll(input);
    expect(whole).toHaveLength(2);
    for (const cut of [10, input.length >> 1, input.length - 7]) {
      const first = createEncounterDetector();
      const out: TumenEvent[] = [];
      for (const p of input.slice(0, cut)) out.push(...first.pushPosition(p));
      const state = JSON.parse(JSON.stringify(first.snapshot())) as EncounterState;
      const second = restoreEncounterDetector(state);
      out.push(...runAll(input.slice(cut), second));
      expect(out).toEqual(whole);
    }
  });
});
