// String similarity for names, written by hand because the judgement lives here and because the names are
// short (3-30 characters): an exact O(n*m) table is cheaper than any library call overhead.
//
// - Damerau-Levenshtein (optimal string alignment) counts edits a person makes when typing a name:
//   substitution, insertion, deletion, and the transposition of two adjacent letters ("NYMEX" / "NYMXE").
//   It is the gate: an altered name is accepted only within a small number of edits for its length.
// - Jaro-Winkler (Winkler 1990, the US Census record-linkage measure) rewards a shared prefix and is the
//   usual score in sanctions screening (OFAC's own search tool, moov-io/watchman). It orders candidates.

// Three rows reused across calls (names are short): no allocation per comparison.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

export function damerauLevenshtein(a: string, b: string, max = Infinity): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0) return m;
  if (m === 0) return n;
  if (m + 2 > rowA.length) { rowA = new Int32Array(m + 2); rowB = new Int32Array(m + 2); rowC = new Int32Array(m + 2); }
  // Only cells within `max` of the diagonal can hold a distance <= max (|i - j| edits at least): the rest
  // count as max + 1, which keeps every value <= max exact and every other one above max.
  const band = Number.isFinite(max) ? max : Math.max(n, m);
  const over = band + 1;
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= m; j++) prev[j] = j <= band ? j : over;
  prev[m + 1] = over;
  for (let i = 1; i <= n; i++) {
    const lo = i - band > 1 ? i - band : 1;
    const hi = i + band < m ? i + band : m;
    cur[lo - 1] = lo === 1 ? (i <= band ? i : over) : over;
    let rowMin = cur[lo - 1];
    const ai = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      if (ins < v) v = ins;
      const sub = prev[j - 1] + cost;
      if (sub < v) v = sub;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        const tr = prev2[j - 2] + 1;
        if (tr < v) v = tr;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < m) cur[hi + 1] = over;
    if (rowMin > max) return max + 1;
    const t = prev2; prev2 = prev; prev = cur; cur = t;
  }
  return prev[m];
}

// Letter counts for bagDistance, reused (names are upper-case ASCII after normalisation).
const bag = new Int32Array(128);

/** A lower bound of the edit distance, in linear time: letters one name has and the other lacks
 *  (max of the two multiset differences; an edit changes each side by at most one). 0 (no bound) for
 *  names outside ASCII. */
export function bagDistance(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) { const c = a.charCodeAt(i); if (c > 127) { bag.fill(0); return 0; } bag[c]++; }
  for (let i = 0; i < b.length; i++) { const c = b.charCodeAt(i); if (c > 127) { bag.fill(0); return 0; } bag[c]--; }
  let aOnly = 0;
  let bOnly = 0;
  for (let i = 0; i < a.length; i++) { const c = a.charCodeAt(i); const v = bag[c]; if (v > 0) aOnly += v; else if (v < 0) bOnly -= v; bag[c] = 0; }
  for (let i = 0; i < b.length; i++) { const c = b.charCodeAt(i); const v = bag[c]; if (v < 0) bOnly -= v; bag[c] = 0; }
  return aOnly > bOnly ? aOnly : bOnly;
}

/** Jaro-Winkler similarity in [0, 1]; prefix scale 0.1 over at most 4 characters (Winkler's defaults). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(n, m) / 2) - 1);
  const aMatch = new Uint8Array(n);
  const bMatch = new Uint8Array(m);
  let matches = 0;
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(m - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (!bMatch[j] && a.charCodeAt(i) === b.charCodeAt(j)) { aMatch[i] = 1; bMatch[j] = 1; matches++; break; }
    }
  }
  if (matches === 0) return 0;
  let k = 0;
  let transpositions = 0;
  for (let i = 0; i < n; i++) {
    if (!aMatch[i]) continue;
    while (!bMatch[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const jaro = (matches / n + matches / m + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < n && prefix < m && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
