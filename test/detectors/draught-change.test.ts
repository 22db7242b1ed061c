import { describe, expect, it } from 'vitest';
import type { StaticReport } from '../../src/detectors/detector.js';
import { createDraughtChangeDetector, type DraughtChangeDetector, type DraughtChangeState, restoreDraughtChangeDetector } from '../../src/detectors/draught-change.js';
import type { TumenEvent } from '../../src/events/schema.js';
import type { Position } from '../../src/tracks/position.js';
import { HOUR, MIN, staticReport, T0, track } from './build2.js';

type Input = { p: Position } | { s: StaticReport };
const time = (i: Input) => ('p' in i ? i.p.timeMs : i.s.timeMs);
const M = 445_000_011;

function run(inputs: Input[], det: DraughtChangeDetector = createDraughtChangeDetector()): TumenEvent[] {
  const out: TumenEvent[] = [];
  for (const i of inputs) out.push(...('p' in i ? det.pushPosition(i.p) : det.pushStatic(i.s)));
  return [...out, ...det.flush()];
}

/** A tanker: positions every 10 min and type 5 every 30 min while transmitting, draught from `draught(t)`. */
function tanker(spans: Array<[number, number]>, draught: (t: number) => number, mmsi = M): Input[] {
  const out: Input[] = [];
  for (const [from, to] of spans) {
    out.push(...track(mmsi, from, to, 10 * MIN, (t) => ({ lat: 42.7 - (t - T0) / HOUR / 100, lon: 133, speedKn: 0 })).map((p) => ({ p })));
    for (let t = from + MIN; t <= to; t += 30 * MIN) out.push({ s: staticReport(mmsi, t, { draughtM: draught(t) }) });
  }
  return out.sort((a, b) => time(a) - time(b));
}

describe('draught_change', () => {
  // Loads at the terminal (4.1 → 8.3 m at 10:01), leaves, goes dark 20:00 → next day 20:00, reappears at 4.2 m.
  const loaded = T0 + 10 * HOUR + MIN;
  const input = tanker([[T0, T0 + 20 * HOUR], [T0 + 44 * HOUR, T0 + 60 * HOUR]], (t) => (t < loaded ? 4.1 : t < T0 + 30 * HOUR ? 8.3 : 4.2));

  it('reports loading in port and discharge across a 24 h dark period, with the gap as evidence', () => {
    const events = run(input);
    expect(events.map((e) => [e.start, e.end, e.before_m, e.after_m, e.evidence.across_gap, e.evidence.gap_h])).toEqual([
      ['2024-05-01T09:31:00.000Z', '2024-05-01T10:01:00.000Z', 4.1, 8.3, false, 0.167],
      ['2024-05-01T19:31:00.000Z', '2024-05-02T20:01:00.000Z', 8.3, 4.2, true, 24],
    ]);
    // Placed at the last position at or before the first report of the new draught.
    expect(events[1]!.lat).toBeCloseTo(42.7 - 44 / 100, 9);
    expect(events[1]!.evidence.direction).toBe('discharged');
    expect(events[0]!.id).toMatch(/^draught_change-[0-9a-f]{16}$/);
  });

  it('reports a reversal after a dark period even when the new draught is reported before the first position', () => {
    // Loaded at 10:01; dark 14:00 → three days later; the first type 5 after the gap (light again) comes
    // 3 min before the first position.
    const back = T0 + 74 * HOUR;
    const input = tanker([[T0, T0 + 14 * HOUR], [back, back + 6 * HOUR]], (t) => (t < loaded ? 4.1 : t < back ? 8.3 : 4.0))
      .filter((i) => !('p' in i) || i.p.timeMs !== back); // the 74:00 position is lost
    const events = run(input);
    expect(events.map((e) => [e.before_m, e.after_m, e.end, e.evidence.across_gap])).toEqual([
      [4.1, 8.3, '2024-05-01T10:01:00.000Z', false],
      [8.3, 4.0, '2024-05-04T02:01:00.000Z', true],
    ]);
  });

  it('does not make a change of one corrupt report: a 20.4 m draught heard once, a reserved ship type', () => {
    const det = createDraughtChangeDetector();
    const input = tanker([[T0, T0 + 20 * HOUR]], (t) => (t === T0 + 4 * HOUR + MIN ? 20.4 : 6.0));
    input.push({ s: staticReport(M, T0 + 6 * HOUR + 2 * MIN, { draughtM: 20.4, shiptype: 3 }) });
    expect(run(input.sort((a, b) => time(a) - time(b)), det)).toEqual([]);
    expect(det.rejectCounts).toEqual({ single_report_value: 1, reserved_shiptype: 1 });
  });

  it('takes a draught heard once as a weak change when the ship fell silent before it could repeat it', () => {
    // Thin reception at the terminal: of the loaded draught only the 19:31 report is heard; dark from 20:00
    // for 24 h; back light. The one report is all there is — not a garble the old value overruled.
    const thin = input.filter((i) => !('s' in i) || i.s.timeMs < loaded || i.s.timeMs === T0 + 19 * HOUR + 31 * MIN || i.s.timeMs > T0 + 30 * HOUR);
    const det = createDraughtChangeDetector();
    const events = run(thin, det);
    expect(events.map((e) => [e.start, e.end, e.before_m, e.after_m, e.evidence.across_gap, e.evidence.weak ?? false])).toEqual([
      ['2024-05-01T09:31:00.000Z', '2024-05-01T19:31:00.000Z', 4.1, 8.3, false, true],
      ['2024-05-01T19:31:00.000Z', '2024-05-02T20:01:00.000Z', 8.3, 4.2, true, false],
    ]);
    expect(events[0]!.evidence.confirming_reports).toBe(1);
    expect(det.rejectCounts).toEqual({});
    // Back from the dark but no draught report heard after it: the one loaded report still stands (weak).
    const noneAfter = thin.filter((i) => !('s' in i) || i.s.timeMs <= T0 + 30 * HOUR);
    expect(run(noneAfter).map((e) => [e.before_m, e.after_m, e.end, e.evidence.weak])).toEqual([[4.1, 8.3, '2024-05-01T19:31:00.000Z', true]]);
    // The same single report overruled 30 min later while the ship is heard throughout stays a garble.
    const garbled = tanker([[T0, T0 + 20 * HOUR]], (t) => (t === T0 + 4 * HOUR + MIN ? 8.3 : 4.1));
    expect(run(garbled)).toEqual([]);
  });

  it('ignores changes below 0.5 m and two ships alternating on one MMSI', () => {
    expect(run(tanker([[T0, T0 + 20 * HOUR]], (t) => (t < loaded ? 6.0 : 6.4)))).toEqual([]);
    expect(run(tanker([[T0, T0 + 48 * HOUR]], (t) => (Math.floor(t / (2 * HOUR)) % 2 ? 5.0 : 9.0)))).toEqual([]);
  });

  it('snapshot and restore mid-stream give the same events as an uninterrupted run', () => {
    const whole = run(input);
    for (const cut of [3, input.length >> 1, input.length - 2]) {
      const first = createDraughtChangeDetector();
      const out: TumenEvent[] = [];
      for (const i of input.slice(0, cut)) out.push(...('p' in i ? first.pushPosition(i.p) : first.pushStatic(i.s)));
      const second = restoreDraughtChangeDetector(JSON.parse(JSON.stringify(first.snapshot())) as DraughtChangeState);
      expect([...out, ...run(input.slice(cut), second)]).toEqual(whole);
    }
  });
});
