// The runner's state stays bounded over a long stream: the reception index forgets the hours behind the
// registered detectors' horizon, and forgets only hours no judgement reads.
import { describe, expect, it } from 'vitest';
import { DetectionRunner, type RunnerOptions } from '../../src/detectors/runner.js';
import { receptionHorizonH } from '../../src/detectors/registry.js';
import { GAP_PARAMS, RECEPTION_PARAMS, SEGMENT_PARAMS } from '../../src/detectors/params.js';
import { HourSeries } from '../../src/detectors/hour-series.js';
import type { Position } from '../../src/tracks/position.js';
import type { TumenEvent } from '../../src/events/schema.js';

const HOUR = 3_600_000, DAY = 24 * HOUR;
const T0 = Date.UTC(2024, 2, 1);

/** 12 ships circling off a coast for `days`, a report every 10 min (every sixth by satellite, the others
 *  heard by one of two stations), each silent for 14 h every 5 days (a gap judged on the reception). */
function* longStream(days: number): Generator<Position> {
  const ships = 12, stepMs = 10 * 60_000;
  for (let t = T0; t < T0 + days * DAY; t += stepMs) {
    for (let i = 0; i < ships; i++) {
      const silentFrom = T0 + ((i * 10 + 40) % 120) * HOUR;
      if ((((t - silentFrom) % (5 * DAY)) + 5 * DAY) % (5 * DAY) < 14 * HOUR) continue;
      const a = ((t - T0) / DAY) * 2 * Math.PI * (1 + i / 12);
      const lat = 41 + 0.1 * i + 0.3 * Math.sin(a), lon = 131 + 0.1 * i + 0.3 * Math.cos(a);
      const satellite = Math.round((t - T0) / stepMs + i) % 6 === 0;
      yield {
        mmsi: 273_100_000 + i, timeMs: t, lat, lon, speedKn: 9 + (i % 3), courseDeg: ((a * 180) / Math.PI + 90) % 360, headingDeg: null,
        status: 0, source: satellite ? 'satellite' : 'terrestrial', stations: satellite ? null : [lon < 131.6 ? 'RU-1' : 'RU-2'],
      };
    }
  }
}

interface Run {
  events: TumenEvent[];
  /** JSON size of the reception index and of the whole state, at each day given. */
  reception: Map<number, number>;
  whole: Map<number, number>;
}

function run(days: number, measureAt: readonly number[], options: RunnerOptions = {}): Run {
  const runner = new DetectionRunner(options);
  const events = new Map<string, TumenEvent>();
  const reception = new Map<number, number>(), whole = new Map<number, number>();
  let day = 0;
  for (const p of longStream(days)) {
    runner.pushPosition(p);
    const d = Math.floor((p.timeMs - T0) / DAY);
    if (d !== day) {
      for (const e of runner.take().events) events.set(e.id, e);
      if (measureAt.includes(d)) {
        const s = runner.snapshot();
        reception.set(d, JSON.stringify(s.reception).length);
        whole.set(d, JSON.stringify(s).length);
      }
      day = d;
    }
  }
  runner.flush();
  for (const e of runner.take().events) events.set(e.id, e);
  return { events: [...events.values()].sort((a, b) => (a.id < b.id ? -1 : 1)), reception, whole };
}

describe('the reception horizon', () => {
  it('is the registered detectors\' longest look-back, from their parameters and the run\'s overrides', () => {
    const margin = Math.max(RECEPTION_PARAMS.terrestrialWindowH, RECEPTION_PARAMS.minStoreHoleH) + 2 + SEGMENT_PARAMS.maxLookbackH;
    expect(receptionHorizonH()).toBe(GAP_PARAMS.maxJudgedSilenceH + margin);
    expect(receptionHorizonH({ gap: { maxJudgedSilenceH: 12 } })).toBe(12 + margin);
    expect(receptionHorizonH({ segment: { maxLookbackH: 6 } })).toBe(receptionHorizonH() - SEGMENT_PARAMS.maxLookbackH + 6);
  });

  it('an hour series forgets the hours before a cut and still sums the rest', () => {
    const s = new HourSeries();
    for (let h = 100; h < 110; h++) s.add(h, h - 99); // 1..10
    expect(s.dropBefore(105)).toBe(false);
    expect(s.entries()).toEqual([[105, 6], [106, 7], [107, 8], [108, 9], [109, 10]]);
    expect(s.countOver(106, 3)).toBe(7 + 8 + 9);
    expect(s.countOver(100, 5)).toBe(0);
    s.add(110, 5);
    expect(s.countOver(105, 6)).toBe(6 + 7 + 8 + 9 + 10 + 5);
    expect(s.dropBefore(200)).toBe(true);
  });

  it('keeps the state flat over 30 days of reports; without the horizon it grows with the days', () => {
    const days = 30, at = [12, 29]; // the horizon (218 h) plus a forgetting step is 10.1 days
    const bounded = run(days, at);
    // A horizon beyond the stream: nothing is ever forgotten (the control: the measure can fail).
    const unbounded = run(days, at, { params: { gap: { maxJudgedSilenceH: 100 * 24 } } });
    const growth = (m: Map<number, number>) => m.get(29)! / m.get(12)!;
    expect(growth(bounded.reception)).toBeLessThan(1.1);
    expect(growth(bounded.whole)).toBeLessThan(1.1);
    expect(growth(unbounded.reception)).toBeGreaterThan(1.8); // 29 / 12 days of hours
    // The gaps are 14 h long: shorter than either maxJudgedSilenceH, so forgetting changed no verdict.
    const gaps = bounded.events.filter((e) => e.type === 'gap');
    expect(gaps.length).toBeGreaterThan(12 * 5);
    expect(bounded.events).toEqual(unbounded.events);
  });

  it('forgets only hours no judgement reads: a short horizon (forgetting every day) gives the same gaps', () => {
    const days = 12;
    const wide = run(days, [], { params: { gap: { maxJudgedSilenceH: 100 * 24 } } });
    const short = run(days, [], { params: { gap: { maxJudgedSilenceH: 15 } } }); // horizon 15 + 50 h
    const gaps = (r: Run) => r.events.filter((e) => e.type === 'gap');
    expect(gaps(short).length).toBeGreaterThan(12);
    expect(gaps(short)).toEqual(gaps(wide));
  });
});
