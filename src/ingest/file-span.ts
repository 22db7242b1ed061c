// The plausible-time window of a file: its own span. A capture covers some days (an archive, some years);
// a time far outside what the rest of the file covers is a corrupt tag block or header even when it lies
// between 1990 and now (a 2019 c: in a 2024 capture would otherwise make a five-year track). The span is
// sampled from slices spread over the file, so it costs a few milliseconds whatever the file's size.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { AisDecoder } from '../ais/index.js';
import { isGzipFile } from '../io/lines.js';
import type { TimeWindow } from './time-window.js';

/** Slices read, spread evenly from the file's head to its tail, and the bytes of each. */
export const SPAN_SLICES = 64;
export const SPAN_SLICE_BYTES = 32 << 10;
/** Below this many timed messages sampled the file keeps the default window (too little to tell a span). */
export const SPAN_MIN_SAMPLES = 100;
/**
 * A corrupt time sampled must not widen the span: at each end, up to SPAN_OUTLIERS_MAX samples (or this
 * share of them, if more) that lie more than SPAN_OUTLIER_GAP_MS from the next sample inwards are left out.
 * A real stretch of the file at other times has more samples, or lies closer.
 */
export const SPAN_OUTLIER_SHARE = 0.001;
export const SPAN_OUTLIERS_MAX = 2;
export const SPAN_OUTLIER_GAP_MS = 30 * 86_400_000;
/**
 * Added before and after the sampled span: satellite store-and-forward (hours), receivers with clocks a
 * day off, and lines between the slices that reach past the sampled extremes.
 */
export const SPAN_PAD_MS = 2 * 86_400_000;

export interface FileSpan {
  window: TimeWindow;
  /** Timed messages sampled. */
  samples: number;
}

/**
 * The window of a plain NMEA file's own times within `outer` (the default 1990 .. now + 1 day), or null when
 * it cannot be told: a .gz or stdin (not readable from the middle), or too few timed messages sampled.
 */
export function sampleFileSpan(path: string, outer: TimeWindow): FileSpan | null {
  if (path === '-' || isGzipFile(path)) return null;
  const size = statSync(path).size;
  const times: number[] = [];
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(SPAN_SLICE_BYTES);
    const slices = size <= SPAN_SLICES * SPAN_SLICE_BYTES ? Math.ceil(size / SPAN_SLICE_BYTES) : SPAN_SLICES;
    for (let k = 0; k < slices; k++) {
      const at = slices === 1 ? 0 : Math.floor((k * (size - SPAN_SLICE_BYTES)) / (slices - 1));
      const n = readSync(fd, buf, 0, SPAN_SLICE_BYTES, Math.max(0, at));
      // Whole lines only: from after the first newline (unless at the file's start) to the last one.
      const got = buf.subarray(0, n);
      const from = at <= 0 ? 0 : got.indexOf(10) + 1;
      const to = got.lastIndexOf(10);
      if (from <= 0 && at > 0) continue;
      if (to < from) continue;
      const decoder = new AisDecoder({ minTimeMs: outer.minMs, maxTimeMs: outer.maxMs, keepPayload: false });
      for (const line of buf.toString('latin1', from, to).split('\n')) {
        const r = decoder.decodeLine(line);
        if (r.kind === 'message' && r.meta.timeMs !== null) times.push(r.meta.timeMs);
      }
    }
  } finally {
    closeSync(fd);
  }
  if (times.length < SPAN_MIN_SAMPLES) return null;
  times.sort((a, b) => a - b);
  const most = Math.max(SPAN_OUTLIERS_MAX, Math.floor(times.length * SPAN_OUTLIER_SHARE));
  let a = 0;
  let b = times.length - 1;
  while (a < most && times[a + 1] - times[a] > SPAN_OUTLIER_GAP_MS) a++;
  while (times.length - 1 - b < most && times[b] - times[b - 1] > SPAN_OUTLIER_GAP_MS) b--;
  const lo = times[a];
  const hi = times[b];
  return {
    window: { minMs: Math.max(outer.minMs, lo - SPAN_PAD_MS), maxMs: Math.min(outer.maxMs, hi + SPAN_PAD_MS) },
    samples: times.length,
  };
}
