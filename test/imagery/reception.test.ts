// A dark detection whose ship was in a gap that reception explains is named, not called dark — only when
// the image shows the ship near the path the reception was judged along.
import { describe, expect, it } from 'vitest';
import { explainedGaps, withReceptionGaps, type JudgedGap, type ReceptionGaps } from '../../src/imagery/reception.js';
import type { FusedDetection, SceneFusion } from '../../src/imagery/types.js';
import { SPOOFED_WHY } from '../../src/imagery/candidates.js';
import { landIndex } from '../../src/geo/land.js';
import { landCrossedM } from '../../src/geo/land-crossed.js';

const T = Date.parse('2024-03-05T19:00:00Z');
const H = 3_600_000;
const dark = (id: string, lat: number, lon: number, mmsi: number | null, top: number): FusedDetection => ({
  detection_id: id, scene_id: 'S', timeMs: T, lat, lon, length_m: 140, mmsi, confidence: 0.1, dark: true,
  candidates: [{ mmsi: top, score: 0.2, why: 'dark: last report 9 h before' }, { mmsi: 2, score: 0.05, why: 'dark' }],
});
const fusion = (...d: FusedDetection[]): SceneFusion => ({ detections: d, missed: [] });
// Vessel 1 silent from T−10 h to T+8 h between (37.5, 129.2) and (37.1, 129.6), reception explaining it.
const gaps: ReceptionGaps = new Map([[1, [{ startMs: T - 10 * H, endMs: T + 8 * H, from: { lat: 37.5, lon: 129.2 }, to: { lat: 37.1, lon: 129.6 } }]]]);

describe('withReceptionGaps', () => {
  it('names the top candidate and clears the dark flag when the ship is seen near the gap path', () => {
    const out = withReceptionGaps(fusion(dark('a', 37.3, 129.42, null, 1)), gaps).detections[0]!;
    expect(out.dark).toBe(false);
    expect(out.mmsi).toBe(1);
    expect(out.confidence).toBe(0.2);
    expect(out.candidates[0]!.why).toMatch(/reception evidence explains/);
  });
  it('clears the flag of a matched ship silent in such a gap, keeping its score', () => {
    const out = withReceptionGaps(fusion(dark('a', 37.5, 129.2, 1, 1)), gaps).detections[0]!;
    expect([out.dark, out.mmsi, out.confidence]).toEqual([false, 1, 0.1]);
  });
  it('keeps it dark far off the path (at a port the path never neared), outside the gap, or for another ship', () => {
    expect(withReceptionGaps(fusion(dark('a', 42.25, 130.3, null, 1)), gaps).detections[0]!.dark).toBe(true);
    const later = { ...dark('b', 37.3, 129.42, null, 1), timeMs: T + 9 * H };
    expect(withReceptionGaps(fusion(later), gaps).detections[0]!.dark).toBe(true);
    expect(withReceptionGaps(fusion(dark('c', 37.3, 129.42, null, 2)), gaps).detections[0]).toMatchObject({ dark: true, mmsi: null });
  });
  it('weighs that share against the best-placed candidate, not a spoofer scored on its length alone', () => {
    // A tanker at anchor 0.1 km from the sighting before and after its gap (0.167) behind a spoofer of the right
    // length whose position is unknown (0.465): the tanker is the ship, transmitting but unheard.
    const d = { ...dark('a', 37.3, 129.42, null, 2), candidates: [{ mmsi: 2, score: 0.465, why: `dark: length 142 m vs 160 m; ${SPOOFED_WHY}` }, { mmsi: 1, score: 0.167, why: 'dark' }] };
    const out = withReceptionGaps(fusion(d), gaps).detections[0]!;
    expect([out.dark, out.mmsi, out.candidates.map((c) => c.mmsi)]).toEqual([false, 1, [1, 2]]);
    // The same spoofer as a placed ship (a track of its own there): more than twice the tanker's score, it stays dark.
    const placed = { ...d, candidates: [{ mmsi: 2, score: 0.465, why: 'dark: last report 2 h before' }, { mmsi: 1, score: 0.167, why: 'dark' }] };
    expect(withReceptionGaps(fusion(placed), gaps).detections[0]!.dark).toBe(true);
  });
  it('clears the flag when a candidate scoring within half the top one has its silence explained, not a weaker one, and names the top one', () => {
    // The explaining candidate (0.12) makes the sighting no evidence of a switch-off; the likelier ship (0.2) is
    // still the one named (unseen seed 36: a ship moored on the spot 10 h before, behind a boat in an explained gap).
    const d = { ...dark('a', 37.3, 129.42, null, 2), candidates: [{ mmsi: 2, score: 0.2, why: 'dark' }, { mmsi: 1, score: 0.12, why: 'dark' }] };
    const out = withReceptionGaps(fusion(d), gaps).detections[0]!;
    expect([out.dark, out.mmsi, out.confidence, out.candidates.map((c) => c.mmsi)]).toEqual([false, 2, 0.2, [2, 1]]);
    expect(out.candidates[1]!.why).toMatch(/reception evidence explains/);
    const weak = { ...d, candidates: [{ mmsi: 2, score: 0.2, why: 'dark' }, { mmsi: 1, score: 0.09, why: 'dark' }] };
    expect(withReceptionGaps(fusion(weak), gaps).detections[0]!.dark).toBe(true);
  });
  it('takes a matched ship\'s path through the sighting: a boat seen 70 km off the line between its gap\'s ends', () => {
    expect(withReceptionGaps(fusion(dark('a', 37.3, 130.4, 1, 1)), gaps).detections[0]!.dark).toBe(false);
    expect(withReceptionGaps(fusion(dark('b', 37.3, 130.4, null, 1)), gaps).detections[0]!.dark).toBe(true);
  });
  it('judges an open gap along the course to where the image matched the ship itself, else at its start', () => {
    // Vessel 3 unheard since (42.40, 133.11), then matched 67 km on along its course.
    const open: ReceptionGaps = new Map([[3, [{ startMs: T - 3 * H, endMs: Infinity, from: { lat: 42.4, lon: 133.11 }, to: null }]]]);
    expect(withReceptionGaps(fusion(dark('a', 41.8, 133.23, 3, 3)), open).detections[0]!.dark).toBe(false);
    expect(withReceptionGaps(fusion(dark('b', 41.8, 133.23, null, 3)), open).detections[0]!.dark).toBe(true);
  });
});

describe('explainedGaps', () => {
  const g = (startH: number, unheardProbability: number, intentional = false): JudgedGap => ({
    startMs: T + startH * H, endMs: T + (startH + 10) * H, from: { lat: 37.5, lon: 129.2 }, to: { lat: 37.1, lon: 129.6 }, intentional, unheardProbability,
  });
  it('keeps only the gaps the ships around explain for a vessel usually heard', () => {
    const out = explainedGaps(new Map([[1, [g(0, 0.3), g(20, 0.004), g(40, 0.02)]]]));
    expect(out.get(1)!.map((x) => x.startMs)).toEqual([T]);
  });
  it('takes every gap not called intentional as explained when most of the vessel\'s gaps are explained', () => {
    const out = explainedGaps(new Map([[1, [g(0, 0.3), g(20, 0.004), g(40, 0.8), g(60, 1e-9, true)]]]));
    expect(out.get(1)!.map((x) => (x.startMs - T) / H)).toEqual([0, 20, 40]);
    expect(out.get(1)![1]!.byOwnRecord).toEqual({ explained: 2, of: 3 });
    const named = withReceptionGaps(fusion({ ...dark('a', 37.3, 129.42, null, 1), timeMs: T + 25 * H }), out).detections[0]!;
    expect([named.dark, named.mmsi]).toEqual([false, 1]);
    expect(named.candidates[0]!.why).toMatch(/2 of its 3 gaps/);
  });
  it('needs more than half: one explained gap of two leaves the other as judged', () => {
    const out = explainedGaps(new Map([[1, [g(0, 0.3), g(20, 0.004)]], [2, [g(0, 0.01)]]]));
    expect(out.get(1)!.length).toBe(1);
    expect(out.has(2)).toBe(false);
  });
});

describe('a gap path drawn across a landmass', () => {
  // A DPRK tanker silent from off Vostochny to off Hwanghae (unseen dev seed 38): the straight line between its
  // two ends runs 829 km, 454 km of it over North Korea; the ship went round, and is imaged dark at Nampo,
  // within 50 km of that line. Reception judged along the line says nothing about the sea it sailed.
  const across: ReceptionGaps = new Map([[1, [{ startMs: T - 90 * H, endMs: T + 30 * H, from: { lat: 42.269, lon: 132.866 }, to: { lat: 38.365, lon: 124.527 } }]]]);
  const atNampo = dark('n', 38.6888, 125.4248, null, 1);

  it('keeps the sighting dark when the line crosses 100 km of land or more (twice receptionPathKm)', () => {
    expect(landCrossedM({ lat: 42.269, lon: 132.866 }, { lat: 38.365, lon: 124.527 }, landIndex()) / 1000).toBeCloseTo(454, -1);
    expect(withReceptionGaps(fusion(atNampo), across, undefined, landIndex()).detections[0]).toMatchObject({ dark: true, mmsi: null });
    // Without the coast the line is taken as the path, and the sighting is explained.
    expect(withReceptionGaps(fusion(atNampo), across).detections[0]).toMatchObject({ dark: false, mmsi: 1 });
  });

  it('still explains a sighting near a line clipping a headland, and a ship its own track placed there', () => {
    // Off Peter the Great Gulf: 77 km from off Posyet to off Vladivostok's approaches, ~22 km over peninsulas.
    const gulf: ReceptionGaps = new Map([[1, [{ startMs: T - 10 * H, endMs: T + 8 * H, from: { lat: 42.622, lon: 130.828 }, to: { lat: 42.717, lon: 131.765 } }]]]);
    const m = landCrossedM({ lat: 42.622, lon: 130.828 }, { lat: 42.717, lon: 131.765 }, landIndex()) / 1000;
    expect(m).toBeGreaterThan(10);
    expect(m).toBeLessThan(100);
    expect(withReceptionGaps(fusion(dark('g', 42.66, 131.2, null, 1)), gulf, undefined, landIndex()).detections[0]!.dark).toBe(false);
    // Matched by its own AIS track: the path ran through the sighting whatever the line crosses.
    expect(withReceptionGaps(fusion(dark('m', 38.6888, 125.4248, 1, 1)), across, undefined, landIndex()).detections[0]!.dark).toBe(false);
  });
});
