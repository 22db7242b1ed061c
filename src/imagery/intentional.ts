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

/** A stored gap as the gap detector judged it: intentional (reception shown good) or not. */
export interface VerdictSpan extends SilentSpan {
  intentional: boolean;
}

/** The fusion with each matched detection flagged dark only for its silence (no report within silentMinH,
 *  fusion.ts) cleared when the gap detector judged that silence and did not call it a switch-off: the image
 *  put the ship where its own track puts it, so it adds no evidence that its AIS was off, and the gap
 *  detector, which weighed how well ships there are heard, found none (a boat at a Korean quay unheard for
 *  11 h, judged 0.008). Cleared too when the vessel has no report before the acquisition and the data began
 *  less than darkCandidateWindowH before it (`firstHeardMs` after the time): no gap, the silence may predate
 *  the data. Where no gap was stored around it (the gap detector not run), the silence stands as evidence.
 *  Apply before withIntentionalGaps (an intentional gap keeps or makes the flag). */
export function withGapVerdicts(f: SceneFusion, gaps: ReadonlyMap<number, readonly VerdictSpan[]>, firstHeardMs: ReadonlyMap<number, number>, dataStartMs: number, p: FusionParams = FUSION_PARAMS): SceneFusion {
  const detections = f.detections.map((d): FusedDetection => {
    if (!d.dark || d.mmsi === null) return d;
    const covering = (gaps.get(d.mmsi) ?? []).filter((g) => g.startMs <= d.timeMs && d.timeMs <= g.endMs);
    if (covering.some((g) => g.intentional)) return d;
    const first = firstHeardMs.get(d.mmsi);
    const why = covering.length > 0 ? 'silent in a gap the gap detector did not call intentional (the image confirms its track: not shown switched off)'
      : first !== undefined && first > d.timeMs && dataStartMs > d.timeMs - p.darkCandidateWindowH * 3_600_000 ? 'unheard since the AIS data began (no gap: not shown switched off)'
      : null;
    if (why === null) return d;
    const candidates = d.candidates.map((c) => (c.mmsi === d.mmsi ? { ...c, why: `${c.why}; ${why}` } : c));
    return { ...d, dark: false, candidates };
  });
  return { ...f, detections };
}
