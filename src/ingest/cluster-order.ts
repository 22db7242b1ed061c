// A batch's new positions in the store's cluster order (week, MMSI, time; src/store/positions-cluster.ts),
// so each batch is appended as one sorted run and a ship's track is one range per batch and week. Sorting
// here, on the main thread while the decoding thread builds the next batch, replaces rewriting the ingest's
// rows at its end (a second write of every row, serial after the last line).
import { storedMs } from '../store/stored-time.js';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-05, the first Monday after the epoch: weeks start on Mondays, as DuckDB's date_trunc('week'). */
const FIRST_MONDAY_MS = 4 * DAY_MS;
/** MMSIs are 30-bit (AIS) or UINTEGER (the column): below 2^32, so week × 2^32 + MMSI orders by both. */
const MMSI_SPAN = 4_294_967_296;
/** Groups up to this size are put in time order by insertion (arrival order is nearly time order). */
const INSERTION_MAX = 64;

/**
 * `rows` (indices into `mmsi` / `timeMs`, in arrival order) reordered by week, MMSI and time as stored
 * (whole ms); rows equal in all three keep their order in `rows`.
 */
export function clusterOrder(rows: Int32Array, mmsi: ArrayLike<number>, timeMs: ArrayLike<number>): Int32Array {
  const n = rows.length;
  const t = new Float64Array(n);
  const group = new Int32Array(n);
  const ids = new Map<number, number>();
  const keys: number[] = [];
  for (let j = 0; j < n; j++) {
    const r = rows[j];
    const ms = storedMs(timeMs[r]);
    t[j] = ms;
    const key = Math.floor((ms - FIRST_MONDAY_MS) / WEEK_MS) * MMSI_SPAN + mmsi[r];
    let g = ids.get(key);
    if (g === undefined) {
      g = keys.length;
      ids.set(key, g);
      keys.push(key);
    }
    group[j] = g;
  }
  // Groups in key order; rows placed by a stable counting sort on the group's rank.
  const byKey = Float64Array.from(keys).sort();
  const rank = new Int32Array(keys.length);
  for (let k = 0; k < byKey.length; k++) rank[ids.get(byKey[k])!] = k;
  const count = new Int32Array(keys.length + 1);
  for (let j = 0; j < n; j++) count[rank[group[j]] + 1]++;
  for (let k = 1; k <= keys.length; k++) count[k] += count[k - 1];
  const bounds = count.slice();
  const pos = new Int32Array(n); // positions into rows / t, in group order
  for (let j = 0; j < n; j++) pos[count[rank[group[j]]]++] = j;
  for (let k = 0; k < keys.length; k++) sortByTime(pos, t, bounds[k], bounds[k + 1]);
  const out = new Int32Array(n);
  for (let j = 0; j < n; j++) out[j] = rows[pos[j]];
  return out;
}

/** pos[lo..hi) by t[pos], stable (ties keep their order, which is arrival order). */
function sortByTime(pos: Int32Array, t: Float64Array, lo: number, hi: number): void {
  let sorted = true;
  for (let i = lo + 1; i < hi && sorted; i++) sorted = t[pos[i - 1]] <= t[pos[i]];
  if (sorted) return;
  if (hi - lo <= INSERTION_MAX) {
    for (let i = lo + 1; i < hi; i++) {
      const p = pos[i];
      let j = i - 1;
      while (j >= lo && t[pos[j]] > t[p]) {
        pos[j + 1] = pos[j];
        j--;
      }
      pos[j + 1] = p;
    }
    return;
  }
  // Array.prototype.sort is stable; pos values rise with arrival within a group, so ties keep it.
  const part = Array.from(pos.subarray(lo, hi)).sort((a, b) => t[a] - t[b]);
  pos.set(part, lo);
}
