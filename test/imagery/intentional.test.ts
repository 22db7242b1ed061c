// A ship matched to its own track while inside a gap the gap detector called intentional is dark (it
// switched off shortly before the image, or on shortly after), except right at the gap's ends.
import { describe, expect, it } from 'vitest';
import { withGapVerdicts, withIntentionalGaps, type IntentionalGaps } from '../../src/imagery/intentional.js';
import type { FusedDetection, SceneFusion } from '../../src/imagery/types.js';

const T = Date.parse('2024-03-02T15:31:00Z');
const H = 3_600_000;
const matched = (id: string, mmsi: number | null, timeMs = T): FusedDetection => ({
  detection_id: id, scene_id: 'S', timeMs, lat: 42.54, lon: 132.48, length_m: 174, mmsi, confidence: 0.6, dark: false, candidates: [],
});
const fusion = (...d: FusedDetection[]): SceneFusion => ({ detections: d, missed: [] });
// Vessel 1 last heard 2 h before the image, silent (intentionally) for 64 h.
const gaps: IntentionalGaps = new Map([[1, [{ startMs: T - 2 * H, endMs: T + 62 * H }]]]);
const real = (): boolean => true;

describe('withIntentionalGaps', () => {
  it('flags the matched ship dark inside its intentional gap, keeping its identity and score', () => {
    const out = withIntentionalGaps(fusion(matched('a', 1)), gaps, real).detections[0]!;
    expect([out.dark, out.mmsi, out.confidence]).toEqual([true, 1, 0.6]);
  });
  it('leaves it alone within a quarter hour of the gap ends, outside the gap, for another ship, or when not real', () => {
    expect(withIntentionalGaps(fusion(matched('a', 1, T - 2 * H + 10 * 60_000)), gaps, real).detections[0]!.dark).toBe(false);
    expect(withIntentionalGaps(fusion(matched('a', 1, T - 2 * H + 20 * 60_000)), gaps, real).detections[0]!.dark).toBe(true);
    expect(withIntentionalGaps(fusion(matched('a', 1, T + 63 * H)), gaps, real).detections[0]!.dark).toBe(false);
    expect(withIntentionalGaps(fusion(matched('a', 2)), gaps, real).detections[0]!.dark).toBe(false);
    expect(withIntentionalGaps(fusion(matched('a', null)), gaps, real).detections[0]!.dark).toBe(false);
    expect(withIntentionalGaps(fusion(matched('a', 1)), gaps, () => false).detections[0]!.dark).toBe(false);
  });
});

describe('withGapVerdicts', () => {
  // A ferry matched at its quay 3.7 h after its last report, silent then for 10.8 h (flagged dark for the silence).
  const silentMatch = (mmsi: number): FusedDetection => ({ ...matched('a', mmsi), dark: true, candidates: [{ mmsi, score: 0.9, why: 'extrapolated' }] });
  const judged = new Map([
    [1, [{ startMs: T - 3.7 * H, endMs: T + 7.1 * H, intentional: false }]],
    [2, [{ startMs: T - 3.7 * H, endMs: T + 7.1 * H, intentional: true }]],
  ]);
  it('clears the flag when the gap detector judged the silence and did not call it intentional, saying why', () => {
    const out = withGapVerdicts(fusion(silentMatch(1)), judged, new Map(), -Infinity).detections[0]!;
    expect([out.dark, out.mmsi]).toEqual([false, 1]);
    expect(out.candidates[0]!.why).toMatch(/did not call intentional/);
  });
  it('keeps it for an intentional gap, and where no gap was judged (the silence alone stands)', () => {
    expect(withGapVerdicts(fusion(silentMatch(2)), judged, new Map(), -Infinity).detections[0]!.dark).toBe(true);
    expect(withGapVerdicts(fusion(silentMatch(3)), judged, new Map([[3, T - 20 * H]]), -Infinity).detections[0]!.dark).toBe(true);
  });
  it('clears it for a ship first heard after the image when the data began within 14 days (no gap)', () => {
    const start = T - 13 * H;
    expect(withGapVerdicts(fusion(silentMatch(3)), judged, new Map([[3, T + 3.3 * H]]), start).detections[0]!.dark).toBe(false);
    // Data from 20 days before: a ship unheard that long before the image had a silence of its own: kept.
    expect(withGapVerdicts(fusion(silentMatch(3)), judged, new Map([[3, T + 3.3 * H]]), T - 20 * 24 * H).detections[0]!.dark).toBe(true);
  });
});
