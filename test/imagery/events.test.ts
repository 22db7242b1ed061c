// Imagery as evidence: dark_detection events, a dark port call named by a sighting of the ship at a
// candidate port, and a spoofing event whose ship is seen elsewhere.
import { describe, expect, it } from 'vitest';
import { darkDetectionEvents, withImageryEvidence, type FusedScene } from '../../src/imagery/events.js';
import type { TumenEvent } from '../../src/events/schema.js';

const T = Date.parse('2024-03-04T02:00:00Z');
const rajinScene: FusedScene = {
  scene: { scene_id: 'OPT-RAJIN', timeMs: T, sensor: 'optical', bbox: { lat_min: 42.13, lat_max: 42.33, lon_min: 130.16, lon_max: 130.44 } },
  fusion: {
    missed: [],
    detections: [{ detection_id: 'd1', scene_id: 'OPT-RAJIN', timeMs: T, lat: 42.236, lon: 130.302, length_m: 118, mmsi: null, confidence: 0.8, dark: true,
      candidates: [{ mmsi: 445000001, score: 0.8, why: 'dark: ...' }, { mmsi: 445000002, score: 0.3, why: 'dark: ...' }] }],
  },
};
const cand = (id: string, name: string) => ({ id, name, country: 'KP', feasibility: 0.5 });
const dpc = (mmsi: number): TumenEvent => ({
  id: `dpc-${mmsi}`, type: 'dark_port_call', mmsi, start: '2024-03-03T00:00:00Z', end: '2024-03-05T00:00:00Z', lat: 41.5, lon: 130.5,
  port: { id: 'KPCHO', name: 'Chongjin', country: 'KP' }, candidates: [cand('KPCHO', 'Chongjin'), cand('KPNJN', 'Najin/Rajin')], evidence: {},
});

describe('imagery evidence', () => {
  it('makes a dark_detection event named after the top candidate', () => {
    const [e] = darkDetectionEvents([rajinScene]);
    expect(e).toMatchObject({ type: 'dark_detection', mmsi: 445000001, start: '2024-03-04T02:00:00Z', evidence: { detection_id: 'd1', identity: 'top_candidate' } });
  });
  it('names the dark port call after the port where the ship is seen dark with its length', () => {
    const [e] = withImageryEvidence([dpc(445000001)], [rajinScene], new Map([[445000001, 120]]));
    expect(e!.port!.id).toBe('KPNJN');
    expect(e!.evidence).toMatchObject({ port_by: 'imagery', port_before_imagery: 'KPCHO' });
  });
  it('keeps the port when the sighting is of another ship, or of a ship of another length', () => {
    const [other] = withImageryEvidence([dpc(445000002)], [rajinScene], new Map([[445000002, 120]]));
    expect(other!.port!.id).toBe('KPCHO');
    const [longer] = withImageryEvidence([dpc(445000001)], [rajinScene], new Map([[445000001, 250]]));
    expect(longer!.port!.id).toBe('KPCHO');
    expect((longer!.evidence.imagery as { imaged_not_seen: unknown[] }).imaged_not_seen).toHaveLength(1);
  });
  it('keeps the port when the ship tops the sighting candidates only by default (identity score under 0.05)', () => {
    const weak: FusedScene = { ...rajinScene, fusion: { ...rajinScene.fusion, detections: rajinScene.fusion.detections.map((d) => ({ ...d, candidates: [{ ...d.candidates[0]!, score: 0.018 }, { mmsi: 445000002, score: 0.016, why: 'dark: ...' }] })) } };
    const [e] = withImageryEvidence([dpc(445000001)], [weak], new Map([[445000001, 120]]));
    expect(e!.port!.id).toBe('KPCHO');
    expect((e!.evidence.imagery as { seen_dark_at_port: Array<{ identity_score: number }> }).seen_dark_at_port[0]!.identity_score).toBe(0.018);
  });
  it('keeps the port when the ship is seen there matched to its own AIS track (on its way out or in, not calling)', () => {
    // Matched while silent, dead-reckoned from its last report 3 h before: where it was heading anyway.
    const own: FusedScene = { ...rajinScene, fusion: { ...rajinScene.fusion, detections: rajinScene.fusion.detections.map((d) => ({ ...d, mmsi: 445000001, confidence: 0.889, candidates: [{ mmsi: 445000001, score: 0.889, why: 'extrapolated from a report 3.0 h away: 2.10 km off (σ 4.00 km), length 118 m vs 120 m' }] })) } };
    const [e] = withImageryEvidence([dpc(445000001)], [own], new Map([[445000001, 120]]));
    expect(e!.port!.id).toBe('KPCHO');
    expect((e!.evidence.imagery as { seen_dark_at_port: Array<{ own_track: boolean }> }).seen_dark_at_port[0]!.own_track).toBe(true);
  });
  it('adds a sighting elsewhere to a spoofing event of the same ship', () => {
    const spoof: TumenEvent = { id: 's1', type: 'spoofing', mmsi: 445000001, start: '2024-03-04T00:00:00Z', end: '2024-03-04T06:00:00Z', lat: 40, lon: 131, evidence: {} };
    const [e] = withImageryEvidence([spoof], [rajinScene], new Map());
    expect(e!.evidence.imagery_seen_elsewhere).toEqual([{ score: 0.8, detection_id: 'd1', scene_id: 'OPT-RAJIN', time: '2024-03-04T02:00:00Z', lat: 42.236, lon: 130.302, length_m: 118 }]);
  });
});
