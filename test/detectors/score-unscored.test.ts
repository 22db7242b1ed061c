import { describe, expect, it } from 'vitest';
import type { TumenEvent } from '../../src/events/schema.js';
import { scoreEvents } from '../../src/detectors/score.js';

// Seed 101 of receivers=sparse: two tankers drifting together at a rendezvous off Tonghae, each heard by
// 8 reports in 3 h (under half its reports): the simulator makes no encounter truth of it.
const A = 457556510, B = 667197810;
const meeting = { mmsis: [A, B], startMs: Date.parse('2024-03-01T17:26:00Z'), endMs: Date.parse('2024-03-01T22:23:45Z') };
const loiter = (id: string, mmsi: number, start: string, end: string): TumenEvent => ({ id, type: 'loitering', mmsi, start, end, lat: 37.187, lon: 129.924 });
const onMeetingA = loiter('l1', A, '2024-03-01T18:55:40Z', '2024-03-01T22:03:55Z');
const onMeetingB = loiter('l2', B, '2024-03-01T18:57:57Z', '2024-03-01T22:02:06Z');
const dayAfter = loiter('l3', A, '2024-03-02T18:55:40Z', '2024-03-02T22:03:55Z');
const otherShip = loiter('l4', 440000001, '2024-03-01T18:55:40Z', '2024-03-01T22:03:55Z');
const truthLoiter: TumenEvent = loiter('t1', 440000002, '2024-03-01T10:00:00Z', '2024-03-01T14:00:00Z');
const found = loiter('l5', 440000002, '2024-03-01T10:10:00Z', '2024-03-01T13:50:00Z');

describe('scoring with scripted meetings heard too thinly to be truth', () => {
  it('excuses their ships\' unmatched loitering over their span, and nothing else', () => {
    const detected = [onMeetingA, onMeetingB, dayAfter, otherShip, found];
    const plain = scoreEvents([truthLoiter], detected);
    expect(plain.byType.loitering).toMatchObject({ truth: 1, detected: 5, matched: 1 });
    const r = scoreEvents([truthLoiter], detected, { unscored: [meeting] });
    expect(r.byType.loitering).toMatchObject({ truth: 1, detected: 3, matched: 1 });
    expect(r.excused.loitering!.map((e) => e.id)).toEqual(['l1', 'l2']);
    expect(r.falsePositives.loitering!.map((e) => e.id)).toEqual(['l3', 'l4']);
  });
});
