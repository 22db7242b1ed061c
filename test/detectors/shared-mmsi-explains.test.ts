import { describe, expect, it } from 'vitest';
import type { TumenEvent } from '../../src/events/schema.js';
import { StaticChangeOnSharedMmsi } from '../../src/detectors/shared-mmsi-explains.js';

const M = 351435790;
const base = { lat: 42.5, lon: 130.8, mmsi: M };
const shared: TumenEvent = { ...base, id: 's1', type: 'shared_mmsi', start: '2024-03-01T00:00:00.000Z', end: '2024-03-04T23:00:00.000Z', evidence: {} };
const nameChange: TumenEvent = {
  ...base, id: 'i1', type: 'identity_change', start: '2024-03-01T15:43:00.000Z', end: '2024-03-01T15:58:00.000Z',
  evidence: { kind: 'static_change', fields: ['shipname'] },
};
const draught: TumenEvent = { ...base, id: 'd1', type: 'draught_change', start: '2024-03-01T15:43:00.000Z', end: '2024-03-01T15:58:00.000Z', evidence: {} };
const mmsiChange: TumenEvent = { ...nameChange, id: 'i2', evidence: { kind: 'mmsi_change', old_mmsi: 273000001 } };
const otherShip: TumenEvent = { ...nameChange, id: 'i3', mmsi: M + 1 };
const after: TumenEvent = { ...nameChange, id: 'i4', start: '2024-03-06T00:00:00.000Z', end: '2024-03-06T01:00:00.000Z' };

describe('static changes on a shared MMSI', () => {
  it('are withdrawn whichever comes first, only while the MMSI is shared and only for static changes', () => {
    const late = new StaticChangeOnSharedMmsi();
    expect([nameChange, draught, mmsiChange, otherShip, after].map((e) => late.accept(e).keep)).toEqual([true, true, true, true, true]);
    expect(late.accept(shared)).toEqual({ keep: true, retract: ['i1', 'd1'] });

    const early = new StaticChangeOnSharedMmsi();
    expect(early.accept(shared)).toEqual({ keep: true, retract: [] });
    const restored = new StaticChangeOnSharedMmsi(JSON.parse(JSON.stringify(early.snapshot())));
    expect([nameChange, draught, mmsiChange, otherShip, after].map((e) => restored.accept(e).keep)).toEqual([false, false, true, true, true]);
  });
});
