import { describe, expect, it } from 'vitest';
import type { TumenEvent } from '../../src/events/schema.js';
import { GapAtSpoofedPlace } from '../../src/detectors/gap-spoofed-place.js';

// A stationary claim off Nakhodka (seed 103's spoofer): heard by a far station, unheard by the covering
// one for 3 h, then silent at the same spot for 22 h while the ship was elsewhere.
const M = 636810760;
const spoof: TumenEvent = {
  id: 's1', type: 'spoofing', mmsi: M, start: '2024-03-02T07:53:18.000Z', end: '2024-03-02T10:58:41.000Z', lat: 42.5999983, lon: 132.4498917,
  evidence: { kind: 'unheard_by_covering_stations' },
};
const gap: TumenEvent = { id: 'g1', type: 'gap', mmsi: M, start: '2024-03-02T14:03:06.000Z', end: '2024-03-03T12:11:54.000Z', lat: 42.599975, lon: 132.4499783, intentional: true, evidence: {} };
const call: TumenEvent = { ...gap, id: 'c1', type: 'dark_port_call', intentional: undefined };
const plainGap: TumenEvent = { ...gap, id: 'g2', intentional: false };
const elsewhere: TumenEvent = { ...gap, id: 'g3', lat: 42.63 }; // 3.3 km north
const dayLater: TumenEvent = { ...gap, id: 'g4', start: '2024-03-03T00:00:00.000Z' }; // 13 h after the spoofing event
const otherShip: TumenEvent = { ...gap, id: 'g5', mmsi: M + 1 };
const kinematic: TumenEvent = { ...spoof, id: 's2', evidence: { kind: 'teleport' } };

describe('an intentional gap at a spoofed place', () => {
  it('is withdrawn with its dark call whichever comes first; plain gaps, other places, times, ships and kinds are not', () => {
    const late = new GapAtSpoofedPlace();
    expect([gap, call, plainGap, elsewhere, dayLater, otherShip].map((e) => late.accept(e).keep)).toEqual([true, true, true, true, true, true]);
    expect(late.accept(kinematic)).toEqual({ keep: true, retract: [] });
    expect(late.accept(spoof)).toEqual({ keep: true, retract: ['g1', 'c1'] });

    const early = new GapAtSpoofedPlace();
    expect(early.accept(spoof)).toEqual({ keep: true, retract: [] });
    const restored = new GapAtSpoofedPlace(JSON.parse(JSON.stringify(early.snapshot())));
    expect([gap, call, plainGap, elsewhere, dayLater, otherShip].map((e) => restored.accept(e).keep)).toEqual([false, false, true, true, true, true]);
  });
});
