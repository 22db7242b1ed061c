// Which rows of a batch are already stored: a row of the same payload (dedup key) within DEDUP_WINDOW_S of
// the row's time, in the same table. The batch's keys go into a hash table and the stored keys of the
// batch's time span (± the window) stream through it, so memory is the batch's whatever the store holds,
// and a batch of new times reads nothing.
import type { Store } from '../store/db.js';
import { streamDedupKeys } from '../store/positions.js';
import { DEDUP_WINDOW_MS } from './dedup.js';
import { storedMs } from '../store/stored-time.js';

export { storedMs };

/** The batch's side: keys as 32-bit halves and the times the rows are stored with (epoch ms). */
export interface KeyedRows {
  length: number;
  k1: ArrayLike<number>;
  k2: ArrayLike<number>;
  timeMs: ArrayLike<number>;
}

/** Flags per row (1 = a stored row matches it), or null when none does. */
export async function matchStored(
  store: Store, table: 'positions' | 'statics', rows: KeyedRows, minTimeMs: number, maxTimeMs: number,
): Promise<Uint8Array | null> {
  const n = rows.length;
  if (n === 0) return null;
  let size = 1024;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  for (let i = 0; i < n; i++) {
    let s = slotOf(rows.k1[i], rows.k2[i], mask);
    while (slots[s] >= 0) s = (s + 1) & mask;
    slots[s] = i;
  }
  const windowUs = DEDUP_WINDOW_MS * 1000;
  let matched: Uint8Array | null = null;
  for await (const c of streamDedupKeys(store, table, minTimeMs - DEDUP_WINDOW_MS, maxTimeMs + DEDUP_WINDOW_MS)) {
    for (let j = 0; j < c.length; j++) {
      const h1 = c.hi[j];
      const h2 = c.lo[j];
      const tUs = c.timeUs[j];
      for (let s = slotOf(h1, h2, mask); ; s = (s + 1) & mask) {
        const i = slots[s];
        if (i < 0) break;
        if (rows.k1[i] === h1 && rows.k2[i] === h2 && Math.abs(tUs - storedMs(rows.timeMs[i]) * 1000) <= windowUs) {
          matched ??= new Uint8Array(n);
          matched[i] = 1;
        }
      }
    }
  }
  return matched;
}

function slotOf(h1: number, h2: number, mask: number): number {
  return (h1 ^ (h2 >>> 7)) & mask;
}
