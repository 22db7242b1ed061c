// Whether two short names are one typing slip apart: a neighbouring key struck (DAN / DSN), two letters
// swapped (DAN / DNA), or a doubled letter added or lost (NOOR / NOR). Names of up to four letters are
// otherwise matched only exactly (params.ts): one arbitrary edit turns most short names into other real
// names (LENA / LUNA / LINA), while a slip of the hand is what a mistyped fleet file holds.

/** QWERTY rows, each offset half a key from the one above (the keyboard fleet files are typed on). */
const ROWS = ['QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'];

const NEIGHBOURS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const out = new Map<string, Set<string>>();
  ROWS.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      const near = new Set<string>();
      // Same row left/right; the row above at c and c+1; the row below at c-1 and c.
      for (const [dr, dc] of [[0, -1], [0, 1], [-1, 0], [-1, 1], [1, -1], [1, 0]]) {
        const k = ROWS[r + dr]?.[c + dc];
        if (k) near.add(k);
      }
      out.set(row[c], near);
    }
  });
  return out;
})();

export const areNeighbourKeys = (a: string, b: string): boolean => NEIGHBOURS.get(a)?.has(b) ?? false;

export function isKeystrokeSlip(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 1) return areNeighbourKeys(a[diff[0]], b[diff[0]]);
    return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1) return false;
  // A doubled letter: removing one of two equal neighbours of the longer gives the shorter.
  for (let i = 1; i < long.length; i++) {
    if (long[i] === long[i - 1] && long.slice(0, i) + long.slice(i + 1) === short) return true;
  }
  return false;
}

/** Every string one slip from `w`: a neighbouring key struck, two letters swapped, a letter doubled or a
 *  letter left out. */
function slipsOf(w: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < w.length; i++) {
    for (const k of NEIGHBOURS.get(w[i]) ?? []) out.add(w.slice(0, i) + k + w.slice(i + 1));
    if (i + 1 < w.length && w[i] !== w[i + 1]) out.add(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
    out.add(w.slice(0, i + 1) + w.slice(i));
    out.add(w.slice(0, i) + w.slice(i + 1));
  }
  return out;
}

/** Whether `typed` is `word` with two typing slips (KORVANEL -> KORVNAEK: a swap and a neighbouring key;
 *  a left-out letter counts, the commonest slip of all). */
export function isTwoKeystrokeSlips(word: string, typed: string): boolean {
  if (Math.abs(word.length - typed.length) > 2) return false;
  for (const v of slipsOf(word)) if (slipsOf(v).has(typed)) return true;
  return false;
}
