// A Class A ship at anchor or moored reports every 3 min instead of every 2–10 s (ITU-R M.1371 Table 1), so
// a satellite pass catches few of its reports: the fleet's satellite share, mostly ships under way,
// overstates the chance of hearing a ship silent at rest. On development worlds with sparse receivers, ships
// silent 16–28 h at a quay and heard only by satellites were judged intentional on 13–20 passes (issue 8).
// The index learns how satellites hear ships at rest against all ships and scales a resting ship's chance.
import { describe, expect, it } from 'vitest';
import { HearingIndex } from '../../src/detectors/hearing.js';
import { HOUR, T0 } from './helpers.js';

/** Twenty ships in one satellite cell, no coastal station: ten under way heard by every pass (hours 0, 3,
 *  …, 99), ten at rest heard by every other pass (hours 0, 6, …, 96). */
function satelliteOnlyWorld(): HearingIndex {
  const idx = new HearingIndex();
  for (let h = 0; h <= 99; h += 3) {
    for (let k = 0; k < 10; k++) idx.add(200000000 + k, 40.5 + k * 0.01, 131.5, T0 + h * HOUR + k * 1000, true, 10);
    if (h % 6 === 0) for (let k = 0; k < 10; k++) idx.add(300000000 + k, 40.4 + k * 0.01, 131.4, T0 + h * HOUR + k * 1000, true, 0);
  }
  return idx;
}

describe('satellite chance of a ship at rest', () => {
  it('is learned from the ships at rest against all ships', () => {
    // Closed hours no station heard: under way 33 heard + 66 bridged each (990 hours, 330 heard); at rest
    // 16 heard + 80 bridged each (960, 160 heard). At rest 1/6, all 490/1950.
    expect(satelliteOnlyWorld().satelliteAtRestRatio()).toBeCloseTo((160 / 960) / (490 / 1950), 9);
  });

  it('scales the expected heard hours of a silence at rest, not of one under way', () => {
    const idx = satelliteOnlyWorld();
    const r = (160 / 960) / (490 / 1950);
    const at = () => ({ lat: 40.45, lon: 131.45 });
    // Hours 31–59: passes at 36, 42, 48, 54 heard all 20 ships (1, capped at 0.95), at 33, 39, …, 57 the ten
    // under way (0.5).
    const underWay = idx.hearing(at, T0 + 30 * HOUR, T0 + 60 * HOUR, false, undefined, undefined, () => false);
    expect(underWay.expectedHeardHours).toBeCloseTo(4 * 0.95 + 5 * 0.5, 9);
    expect(underWay.satelliteAtRestRatio).toBeUndefined();
    const atRest = idx.hearing(at, T0 + 30 * HOUR, T0 + 60 * HOUR, false, undefined, undefined, () => true);
    expect(atRest.expectedHeardHours).toBeCloseTo(r * (4 * 1 + 5 * 0.5), 9);
    expect(atRest.satelliteAtRestRatio).toBeCloseTo(r, 9);
    expect(atRest.satelliteAtRestHours).toBe(9);
    expect(atRest.unheardProbability).toBeGreaterThan(underWay.unheardProbability);
  });

  it('stays 1 (the fleet share) while too few ship-hours at rest are measured', () => {
    const idx = new HearingIndex();
    for (let h = 0; h <= 99; h += 3) idx.add(200000001, 40.5, 131.5, T0 + h * HOUR, true, 0);
    expect(idx.satelliteAtRestRatio()).toBe(1); // 99 hours at rest < minAtRestShipHours
  });
});
