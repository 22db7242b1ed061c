// What the word-list derivation scripts share: accents folded as the screener folds them, and a look-up in the
// project's packed word lists (src/reference/data/*-words.json: per length, the words sorted and run together).
import { readFileSync } from 'node:fs';

export const fold = (w) => w.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toUpperCase();

/** A packed list's words by length, read from src/reference/data. */
export const readWordList = (file) => JSON.parse(readFileSync(new URL(`../src/reference/data/${file}`, import.meta.url), 'utf8')).byLength;

/** Whether `w` is in a packed list (binary search over the words of its length). */
export function inWordList(byLength, w) {
  const s = byLength[w.length];
  if (s === undefined) return false;
  let lo = 0;
  let hi = s.length / w.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = s.slice(mid * w.length, (mid + 1) * w.length);
    if (k === w) return true;
    if (k < w) lo = mid + 1; else hi = mid - 1;
  }
  return false;
}
