import { describe, expect, it } from 'vitest';
import { ReceptionIndex } from '../../src/detectors/reception.js';
import { T0 } from './helpers.js';

describe('station reach learned from the data', () => {
  it('a station reaches a place when it heard any ship in its 0.1° cell or the cells around it, and only then', () => {
    const r = new ReceptionIndex();
    r.add(42.55, 131.55, T0, false, 1, ['RUR02'], true); // one ship, once: thin traffic still shows the reach
    expect(r.reachesNear('RUR02', 42.55, 131.55)).toBe(true);
    expect(r.reachesNear('RUR02', 42.64, 131.64)).toBe(true); // the next cell
    expect(r.reachesNear('RUR02', 42.85, 131.55)).toBe(false); // three cells north
    expect(r.reachesNear('RUR05', 42.55, 131.55)).toBe(false); // another station
    expect(r.reachesNear('RUR02', Number.NaN, 131.55)).toBe(false);
    // Restored from a snapshot, it answers the same.
    const back = ReceptionIndex.restore(JSON.parse(JSON.stringify(r.snapshot())));
    expect(back.reachesNear('RUR02', 42.64, 131.64)).toBe(true);
    expect(back.reachesNear('RUR02', 42.85, 131.55)).toBe(false);
  });
});
