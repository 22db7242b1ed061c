// A ship matched on an image to its own AIS track can still be dark: it switched its AIS off shortly
// before the acquisition (or on shortly after), so its nearest report lies within silentMinH and the
// dead-reckoned or interpolated position still fits. Where the gap detector judged that silence
// intentional (reception was good: a transmitting ship would have been heard; detectors/gap.ts), the
// ship was not transmitting at any time inside the gap, so a sighting inside it is dark whatever the
// distance to the nearest report. Core, no I/O: the store supplies the gaps (params.ts).
import { FUSION_PARAMS, type FusionParams } from './params.js';
import type { FusedDetection, SceneFusion } from './types.js';

/** An AIS gap the gap detector called intentional (an open gap runs to the end of time). */
export interface SilentSpan {
  startMs: number;
  endMs: number;
}

/** Per MMSI, its intentional AIS gaps. */
export type IntentionalGaps = ReadonlyMap<number, readonly SilentSpan[]>;

function inside(gaps: IntentionalGaps, mmsi: number, t: number, p: FusionParams): boolean {
  const edge = p.intentionalGapEdgeH * 3_600_000;
  return (gaps.get(mmsi) ?? []).some((g) => g.startMs + edge <= t && t <= g.endMs - edge);
}

/** The fusion with each matched, real, not-dark detection whose vessel was then inside an intentional gap
 *  marked dark (it stays identified: its mmsi and confidence are kept). */
export function withIntentionalGaps(f: SceneFusion, gaps: IntentionalGaps, real: (d: FusedDetection) => boolean, p: FusionParams = FUSION_PARAMS): SceneFusion {
  if (gaps.size === 0) return f;
  const detections = f.detections.map((d): FusedDetection =>
    d.dark || d.mmsi === null || !real(d) || !inside(gaps, d.mmsi, d.timeMs, p) ? d : { ...d, dark: true });
  return { ...f, detections };
}
