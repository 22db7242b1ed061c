// A ship matched to its own track while inside a gap the gap detector called intentional is dark (it
// switched off shortly before the image, or on shortly after), except right at the gap's ends.
import { describe, expect, it } from 'vitest';
import { withIntentionalGaps, type IntentionalGaps } from '../../src/imagery/intentional.js';
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
