// A gap the detector did not call intentional becomes a dark port call when an image shows the ship dark
// at a watched port during it — only with the ship's identity and length.
import { describe, expect, it } from 'vitest';
import { darkPortCallsSeen } from '../../src/imagery/seen-port-calls.js';
import { PORTS_OF_INTEREST } from '../../src/reference/ports-of-interest.js';
import type { TumenEvent } from '../../src/events/schema.js';
import type { FusedDetection, Scene } from '../../src/imagery/types.js';

const rajin = PORTS_OF_INTEREST.find((p) => p.id === 'KPNJN')!;
const T = Date.parse('2024-03-03T02:00:00Z');
const gap: TumenEvent = { id: 'gap-1', type: 'gap', mmsi: 273939860, start: '2024-03-02T01:12:00Z', end: '2024-03-04T11:36:00Z', lat: 43.1, lon: 131.9, intentional: false, duration_h: 58.4, evidence: {} };
const scene: Scene = { scene_id: 'OPT-KPNJN', timeMs: T, sensor: 'optical', bbox: { lat_min: rajin.lat - 0.1, lat_max: rajin.lat + 0.1, lon_min: rajin.lon - 0.15, lon_max: rajin.lon + 0.15 } };
const det = (top: number, score: number, length_m: number): FusedDetection => ({
  detection_id: 'd1', scene_id: scene.scene_id, timeMs: T, lat: rajin.lat + 0.01, lon: rajin.lon, length_m, mmsi: null, confidence: score, dark: true,
  candidates: [{ mmsi: top, score, why: 'dark' }],
});
const lengths = new Map([[273939860, 120]]);
const run = (d: FusedDetection, g: TumenEvent = gap, calls: TumenEvent[] = []) => darkPortCallsSeen([g], calls, [{ scene, fusion: { detections: [d], missed: [] } }], lengths);

describe('darkPortCallsSeen', () => {
  it('makes a call at the port the ship is seen at, with the sighting as evidence', () => {
    const [call, ...rest] = run(det(273939860, 0.09, 125));
    expect(rest).toEqual([]);
    expect(call).toMatchObject({ type: 'dark_port_call', mmsi: 273939860, start: gap.start, end: gap.end, port: { id: 'KPNJN' } });
    expect(call!.evidence).toMatchObject({ gap_id: 'gap-1', port_by: 'imagery', imagery: { seen_dark_at_port: [{ port: 'KPNJN', detection_id: 'd1' }] } });
  });
  it('makes none for another identity, a weak one, a wrong length, an intentional gap or one already called', () => {
    expect(run(det(111, 0.09, 125))).toEqual([]);
    expect(run(det(273939860, 0.01, 125))).toEqual([]);
    expect(run(det(273939860, 0.09, 40))).toEqual([]);
    expect(run(det(273939860, 0.09, 125), { ...gap, intentional: true })).toEqual([]);
    const called: TumenEvent = { ...gap, id: 'dpc-1', type: 'dark_port_call' };
    expect(run(det(273939860, 0.09, 125), gap, [called])).toEqual([]);
  });
});
