// Track simplification for the map: time-bucket sampling to a point budget that never drops the two
// positions around a reporting gap, so gaps drawn from a simplified track are exactly the raw gaps.
// Columnar arrays in, indices out: cheap on a million points.

export interface TrackColumns {
  timeMs: Float64Array | number[];
  lat: Float64Array | number[];
  lon: Float64Array | number[];
}

export interface SimplifyOptions {
  /** Target number of points returned (gap endpoints and the first/last point are always kept). */
  maxPoints: number;
  /** Consecutive positions further apart than this are a gap (GFW raw AIS gap: 6 h). */
  gapMs: number;
}

/** Indices (ascending) of the points to keep; `gaps` lists [fromIndex, toIndex] pairs in the kept indices. */
export function simplifyTrack(track: TrackColumns, opts: SimplifyOptions): { keep: number[]; gaps: Array<[number, number]> } {
  const n = track.timeMs.length;
  const t = track.timeMs;
  if (n === 0) return { keep: [], gaps: [] };
  const mustKeep = new Uint8Array(n);
  mustKeep[0] = 1;
  mustKeep[n - 1] = 1;
  let forced = 2;
  for (let i = 1; i < n; i++) {
    if (t[i] - t[i - 1] > opts.gapMs) {
      if (!mustKeep[i - 1]) forced++;
      if (!mustKeep[i]) forced++;
      mustKeep[i - 1] = 1;
      mustKeep[i] = 1;
    }
  }
  const keep: number[] = [];
  if (n <= opts.maxPoints) {
    for (let i = 0; i < n; i++) keep.push(i);
  } else {
    // One point per equal-duration bucket, over the time actually covered (gaps excluded would be
    // finer, but equal buckets keep playback speed honest). Forced points come on top of the budget.
    const buckets = Math.max(1, opts.maxPoints - forced);
    const t0 = t[0];
    const span = Math.max(1, t[n - 1] - t0);
    let lastBucket = -1;
    for (let i = 0; i < n; i++) {
      const bucket = Math.min(buckets - 1, Math.floor(((t[i] - t0) / span) * buckets));
      if (mustKeep[i] || bucket !== lastBucket) {
        keep.push(i);
        lastBucket = bucket;
      }
    }
  }
  const gaps: Array<[number, number]> = [];
  for (let k = 1; k < keep.length; k++) {
    if (t[keep[k]] - t[keep[k - 1]] > opts.gapMs && keep[k] === keep[k - 1] + 1) gaps.push([k - 1, k]);
  }
  return { keep, gaps };
}
