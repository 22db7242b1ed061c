// An open gap (still silent at the data's end) of a ship under way is judged where its last course and speed
// take it hour by hour, stopping at the coast — not at one point held an hour ahead of its last fix.
import { describe, expect, it } from 'vitest';
import { GapDetector } from '../../src/detectors/gap.js';
import type { TumenEvent } from '../../src/events/schema.js';
import { distanceM } from '../../src/geo/sphere.js';
import { GAP_PARAMS } from '../../src/detectors/params.js';
import { HOUR, T0, gapCtx, leg, constantReception } from './helpers.js';

const M = 273000001;
const LAT = 42.5, LON = 132.5;

/** Reception heard 0.9 of each hour within 30 km of the ship's last fix, nothing beyond (a station's reach). */
const coveredNearLastFix = () => ({
  ...constantReception(100),
  hearing: (path: (t: number) => { lat: number; lon: number }, fromMs: number, toMs: number) => {
    let hours = 0, expected = 0, logUnheard = 0;
    for (let h = Math.floor(fromMs / HOUR) + 1; h < Math.floor(toMs / HOUR); h++) {
      const at = path((h + 0.5) * HOUR);
      const q = distanceM(at.lat, at.lon, LAT, LON) < 30_000 ? 0.9 : 0;
      hours++;
      expected += q;
      logUnheard += Math.log1p(-q);
    }
    return { ...constantReception(100).hearing(path as never, fromMs, toMs, false), hours, expectedHeardHours: expected, unheardProbability: Math.exp(logUnheard) };
  },
});

function open(speedKn: number, isOnLand?: (lat: number, lon: number) => boolean, reckonH = 16): TumenEvent {
  // 12 h of reports every 10 min at the same place (course 90°), then silent for the 16 h to the data's end.
  const before = leg(M, T0, 73, 10, LAT, LON, 0, 0, speedKn, 90);
  const d = new GapDetector(gapCtx({ reception: coveredNearLastFix(), windowEndMs: T0 + 28 * HOUR, params: { ...GAP_PARAMS, openGapDeadReckonH: reckonH }, ...(isOnLand ? { isOnLand } : {}) }));
  const out: TumenEvent[] = [];
  for (const p of before) out.push(...d.pushPosition(p));
  out.push(...d.flush());
  expect(out).toHaveLength(1);
  return out[0]!;
}

describe('an open gap of a ship under way', () => {
  it('by default is reckoned 1 h ahead and held there; a short open gap reception cannot yet show is not yet judged', () => {
    // Held 18.5 km ahead, inside the 30 km: 15 judged hours at 0.9.
    expect(open(10, undefined, GAP_PARAMS.openGapDeadReckonH)).toMatchObject({ intentional: true, evidence: { verdict: 'intentional', reception: { expected_heard_hours: 13.5 } } });
    // At 25 kn it is held 46 km out, beyond the covered water: a transmitting ship there would not have been
    // heard in any hour yet — not "not intentional", not yet judged.
    expect(open(25, undefined, GAP_PARAMS.openGapDeadReckonH)).toMatchObject({ intentional: false, evidence: { verdict: 'not_yet_judged', reception: { expected_heard_hours: 0 } } });
  });

  // Reckoned over the whole silence (a parameter: 1 h by default, see GAP_PARAMS.openGapDeadReckonH).
  it('is judged along its course: sailing on at 10 kn it leaves the covered water in under 2 h, and the data cannot tell yet', () => {
    // Held 1 h ahead (18.5 km, inside the 30 km) for all 15 judged hours it reads as 13.5 heard hours (above).
    const g = open(10);
    expect(g).toMatchObject({ end: null, intentional: false, evidence: { verdict: 'not_yet_judged', reception: { hours_judged: 15, expected_heard_hours: 0.9 } } });
    expect((g.evidence as { reception: { reckoned_km: number } }).reception.reckoned_km).toBeCloseTo(16 * 10 * 1.852, 0);
  });

  it('stops at the coast: heading for a shore 25 km east it is judged there, in covered water, for every hour', () => {
    const g = open(10, (_lat, lon) => lon > LON + 0.3);
    expect(g).toMatchObject({ intentional: true, evidence: { verdict: 'intentional', reception: { hours_judged: 15, expected_heard_hours: 13.5 } } });
    expect((g.evidence as { reception: { reckoned_km: number } }).reception.reckoned_km).toBeLessThan(24.7);
  });

  it('a stopped ship is held at its last fix', () => {
    const g = open(0.5);
    expect(g).toMatchObject({ intentional: true, evidence: { verdict: 'intentional', reception: { reckoned_km: 0, expected_heard_hours: 13.5 } } });
  });
});
