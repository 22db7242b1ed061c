import { describe, expect, it } from 'vitest';
import { createLoiteringDetector, type LoiteringDetector, type LoiteringState, restoreLoiteringDetector } from '../../src/detectors/loitering.js';
import { LoiteringDuringEncounter } from '../../src/detectors/post-steps.js';
import type { TumenEvent } from '../../src/events/schema.js';
import type { Position } from '../../src/tracks/position.js';
import { DEG_PER_NM, HOUR, MIN, T0, track } from './build2.js';

const M = 445_000_021;
const DRIFT = { lat: 40.0, lon: 131.0 }; // ~78 nm from the nearest coast

function run(positions: Position[], det: LoiteringDetector = createLoiteringDetector()): TumenEvent[] {
  const out: TumenEvent[] = [];
  for (const p of positions) out.push(...det.pushPosition(p));
  return [...out, ...det.flush()];
}

/** Steams in from the south at 10 kn, drifts north at 0.5 kn from `from` to `to`, steams away east. */
function loiterer(from: number, to: number, end: number, at = DRIFT, stepMin = 6): Position[] {
  return track(M, T0, end, stepMin * MIN, (t) => {
    if (t < from) return { lat: at.lat - ((from - t) / HOUR) * 10 * DEG_PER_NM, lon: at.lon, speedKn: 10 };
    const driftDeg = (Math.min(t, to) - from) / HOUR * 0.5 * DEG_PER_NM;
    if (t <= to) return { lat: at.lat + driftDeg, lon: at.lon, speedKn: 0.5 };
    return { lat: at.lat + driftDeg, lon: at.lon + ((t - to) / HOUR) * 10 * DEG_PER_NM, speedKn: 10 };
  });
}

describe('loitering', () => {
  it('reports 4 h of drifting 78 nm offshore with exact times and mean position', () => {
    const events = run(loiterer(T0 + 2 * HOUR, T0 + 6 * HOUR, T0 + 8 * HOUR));
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect(e).toMatchObject({ type: 'loitering', mmsi: M, start: '2024-05-01T02:00:00.000Z', end: '2024-05-01T06:00:00.000Z', duration_h: 4, lon: 131 });
    expect(e.lat).toBeCloseTo(40 + 1 * DEG_PER_NM, 5); // half of the 2 nm drift
    expect(e.evidence).toMatchObject({ mean_speed_kn: 0.5, points: 41, open: false });
    expect(e.evidence.distance_from_shore_nm).toBeGreaterThan(70);
  });

  it('does not fire on a fishing vessel at work: ship type 30 in its statics, or status 7 on most positions', () => {
    const positions = loiterer(T0 + 2 * HOUR, T0 + 6 * HOUR, T0 + 8 * HOUR);
    const fishing = createLoiteringDetector();
    const st = { mmsi: M, timeMs: T0, imo: null, shipname: 'SEA HARVEST', callsign: null, shiptype: 30, draughtM: null, destination: null, lengthM: null, beamM: null };
    fishing.pushStatic(st);
    expect(run(positions, fishing)).toEqual([]);
    const carrier = createLoiteringDetector();
    carrier.pushStatic({ ...st, shiptype: 80 });
    expect(run(positions, carrier)).toHaveLength(1);
    expect(run(positions.map((p) => ({ ...p, status: 7 })))).toEqual([]);
    expect(run(positions.map((p, i) => ({ ...p, status: i % 3 === 0 ? 7 : 0 })))).toHaveLength(1); // a third: not fishing
    expect(run(positions, createLoiteringDetector({ params: { excludeFishing: false } })).length).toBe(1);
    const restored = restoreLoiteringDetector(JSON.parse(JSON.stringify(fishing.snapshot())) as LoiteringState);
    expect(run(positions.map((p) => ({ ...p, timeMs: p.timeMs + 24 * HOUR })), restored)).toEqual([]);
  });

  it('ignores 1.5 h of drifting, and drifting 11 nm from shore', () => {
    expect(run(loiterer(T0 + 2 * HOUR, T0 + 3.5 * HOUR, T0 + 6 * HOUR))).toEqual([]);
    expect(run(loiterer(T0 + 2 * HOUR, T0 + 6 * HOUR, T0 + 8 * HOUR, { lat: 42.0, lon: 130.4 }))).toEqual([]);
  });

  it('tolerates one fast fix inside the run, but a dark period of more than 6 h splits it', () => {
    const jumpy = loiterer(T0 + 2 * HOUR, T0 + 6 * HOUR, T0 + 8 * HOUR).map((p) => (p.timeMs === T0 + 4 * HOUR ? { ...p, speedKn: 12 } : p));
    expect(run(jumpy).map((e) => [e.start, e.end])).toEqual([['2024-05-01T02:00:00.000Z', '2024-05-01T06:00:00.000Z']]);
    const dark = loiterer(T0 + 2 * HOUR, T0 + 16 * HOUR, T0 + 18 * HOUR).filter((p) => p.timeMs <= T0 + 5 * HOUR || p.timeMs >= T0 + 12 * HOUR);
    expect(run(dark).map((e) => [e.start, e.end])).toEqual([
      ['2024-05-01T02:00:00.000Z', '2024-05-01T05:00:00.000Z'],
      ['2024-05-01T12:00:00.000Z', '2024-05-01T16:00:00.000Z'],
    ]);
  });

  it('leaves a run still going at the end of the data open', () => {
    const events = run(loiterer(T0 + 2 * HOUR, T0 + 9 * HOUR, T0 + 5 * HOUR));
    expect(events.map((e) => [e.start, e.end, e.evidence.open])).toEqual([['2024-05-01T02:00:00.000Z', null, true]]);
  });

  it('suppresses loitering explained by an encounter of the same ship', () => {
    const [loit] = run(loiterer(T0 + 2 * HOUR, T0 + 6 * HOUR, T0 + 8 * HOUR));
    const enc = { id: 'encounter-x', type: 'encounter', mmsi: 273_000_001, other_mmsi: M, start: '2024-05-01T02:10:00.000Z', end: '2024-05-01T05:50:00.000Z', lat: 40, lon: 131, evidence: {} } as TumenEvent;
    const other = { ...loit!, id: 'loitering-other', mmsi: 999 };
    const kept = (order: TumenEvent[]): string[] => {
      const step = new LoiteringDuringEncounter();
      const ids = new Set<string>();
      for (const e of order) {
        const v = step.accept(e);
        if (v.keep) ids.add(e.id);
        for (const id of v.retract) ids.delete(id);
      }
      return [...ids].sort();
    };
    // Either order: the loitering is dropped when the encounter is known, retracted when it comes later.
    expect(kept([loit!, enc, other])).toEqual([enc.id, other.id].sort());
    expect(kept([enc, other, loit!])).toEqual([enc.id, other.id].sort());
  });

  it('snapshot and restore mid-stream give the same events as an uninterrupted run', () => {
    const input = loiterer(T0 + 2 * HOUR, T0 + 6 * HOUR, T0 + 8 * HOUR);
    const whole = run(input);
    for (const cut of [3, 30, input.length - 2]) {
      const first = createLoiteringDetector();
      const out: TumenEvent[] = [];
      for (const p of input.slice(0, cut)) out.push(...first.pushPosition(p));
      out.push(...run(input.slice(cut), restoreLoiteringDetector(JSON.parse(JSON.stringify(first.snapshot())) as LoiteringState)));
      expect(out).toEqual(whole);
    }
  });
});
