// Name blocking for lists of a million entities: which listed names are worth scoring against a query.
// Written by hand because the shape is specific (SymSpell deletions + rarest-trigram prefix filtering +
// the scorer's own edit gate) and it must be fast: the whole structure is a few typed arrays and two
// strings, saved in the store once per list version and loaded in milliseconds (flatbush's way).
//
// Keys of every listed ship name (compact form = words without spaces):
//   c  the compact form            p  its transliteration key (phonetic.ts)
//   d  the compact form and its one-letter deletions (two-letter from 9 letters, where the budget is two
//      edits), for names of deleteMin..deleteMax letters: two names k edits apart share a key (SymSpell's
//      deletion neighbourhood), where short names share too few trigrams to block on
//   t  trigrams of the compact form (the transliteration key's trigrams are too common to block on: it
//      folds the alphabet to a few letters)
//   v  the transliteration key's consonants (phonetic.ts consonantSkeleton), 3 letters and more: names
//      whose keys differ in vowels only (FEROOZEH / FIROUZEH), which the scorer lets through
// A query takes its c/p/d keys, and of its t keys only the `3k + t` rarest in the loaded lists (k = its
// edit budget, t = sharedRareGrams): a name within k edits shares at least g - 3k of the query's g
// trigrams (the q-gram lemma: an edit destroys at most three), hence at least t of those rarest ones —
// so the rare trigrams find it and common ones ("SEA", "STA", "ING") are never expanded. Where that
// leaves fewer than two (names up to 9 letters), the deletion keys find the neighbours and trigrams are
// not used. Candidates must then pass the scorer's gate (same compact or transliterated
// form, or within the edit budget of name-score.ts), so only names the scorer could accept remain; a
// length bound and a letter-count bound (similarity.ts bagDistance) turn most away before an edit table.
import { bagDistance, damerauLevenshtein } from './similarity.js';
import { isKeystrokeSlip } from './keystroke.js';
import { SLIP_PARAMS, isTwoSlips } from './slips.js';
import { MIN_SKELETON_LETTERS, MIN_VOWEL_VARIANT_LETTERS, changedVowelVariants, consonantCount, consonantSkeleton, filledVowelVariants, oneSwappedVowel, swappedVowelVariants } from './phonetic.js';
import { SCREENING_PARAMS, maxEditsFor } from './params.js';

export const BLOCKING_PARAMS = {
  /** Shortest name indexed by deletions: up to 4 letters a name matches only exactly or by a typing slip
   *  (keystroke.ts: DAN / DNA / DSN share a one-letter deletion), so deletions start at 3 letters. */
  deleteMinLetters: 3,
  /** Longest: one edit is the budget up to 8 letters; two more let a one-edit query reach a longer name. */
  deleteMaxLetters: 10,
  /** Rare trigrams a name found by trigrams alone must share with the query. */
  sharedRareGrams: 3,
  /** Shortest name given two-edit deletion keys where a blocker is built with `shortTwoEdits` (the party
   *  blocker: a firm's telling word may carry two typos when the rest of its name is right, and the party
   *  scorer judges by the whole name). */
  shortTwoEditsMinLetters: 5,
  /** Longest posting list of a consonant key (v) a query expands: a common skeleton (of short syllable
   *  names) is weak evidence, like a common trigram, and would send hundreds of names through the gate. */
  maxSkeletonPostings: 128,
  /** Candidates kept per query name at most, best first (exact forms, then deletions, then trigrams). */
  candidateCap: 200,
} as const;

const P = BLOCKING_PARAMS;
/** The shortest name with a two-edit budget (params.ts maxEditsByLength). */
const TWO_EDIT_LETTERS = 9;
/** maxEditsFor by length, as a table (read once per posting). */
const BUDGET_BY_LENGTH = Int8Array.from({ length: 512 }, (_, n) => maxEditsFor(n));

/** Every blocking key of a listed name (kind letter + key); with `shortTwoEdits`, also the two-letter
 *  deletions of names with a one-edit budget (kind e). */
function nameKeys(compact: string, phonetic: string, shortTwoEdits = false): string[] {
  const out = new Set<string>();
  if (compact) out.add(`c${compact}`);
  if (phonetic) out.add(`p${phonetic}`);
  const skeleton = consonantSkeleton(phonetic);
  if (skeleton.length >= MIN_SKELETON_LETTERS) out.add(`v${skeleton}`);
  // Two deletions where the budget is two edits (9 letters on) and deletions are indexed at all.
  for (const d of deletions(compact, P.deleteMaxLetters, compact.length >= TWO_EDIT_LETTERS)) out.add(`d${d}`);
  if (shortTwoEdits && compact.length >= P.shortTwoEditsMinLetters && compact.length < TWO_EDIT_LETTERS) {
    for (const d of deletions(compact, TWO_EDIT_LETTERS, true)) if (d.length === compact.length - 2) out.add(`e${d}`);
  }
  for (let i = 0; i + 3 <= compact.length; i++) out.add(`t${compact.slice(i, i + 3)}`);
  return [...out];
}

/** `s` with one pair of neighbouring (different) letters swapped, every way. */
function neighbourSwaps(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) if (s[i] !== s[i + 1]) out.push(s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2));
  return out;
}

/** `s`, its one-letter deletions, and its two-letter deletions when `twice`. */
function deletions(s: string, maxLetters: number, twice: boolean): string[] {
  if (s.length < P.deleteMinLetters || s.length > maxLetters) return [];
  const out = new Set([s]);
  for (let i = 0; i < s.length; i++) {
    const d = s.slice(0, i) + s.slice(i + 1);
    out.add(d);
    if (twice) for (let j = i; j < d.length; j++) out.add(d.slice(0, j) + d.slice(j + 1));
  }
  return [...out];
}

/** A name's serialisable parts. */
export interface BlockingArrays {
  /** Sorted keys, '\n'-joined (as text, or its bytes as saved: a million keys are not split into strings). */
  keys: string | Uint8Array;
  /** offsets[i]..offsets[i+1] are key i's postings (name ids). */
  offsets: Int32Array;
  postings: Int32Array;
  /** Per name id: compact and transliteration forms ('\n'-joined), and the entry it belongs to. */
  compacts: string;
  phonetics: string;
  entries: Int32Array;
  /** Every word of every listed ship name, sorted, '\n'-joined (absent in blockers saved before it was). */
  words?: string;
}

export class NameBlocker {
  /** The keys' bytes and where each starts (one more: the end); keys are ASCII (normalise.ts tokenise
   *  keeps A-Z and digits), so a key's bytes are its characters. */
  private readonly keyBytes: Uint8Array;
  private readonly keyStarts: Int32Array;
  private readonly compacts: string[];
  private readonly phonetics: string[];
  private readonly words: string[] | null;
  /** Per name id: its compact and transliterated lengths (capped at 255), for the gate's length bound. */
  private readonly compactLengths: Uint8Array;
  private readonly phoneticLengths: Uint8Array;
  /** Per name id: which letters its compact and transliterated forms use (letterMask). */
  private readonly compactMasks: Int32Array;
  private readonly phoneticMasks: Int32Array;
  private score = new Int32Array(0);
  private grams = new Int32Array(0);

  constructor(readonly arrays: BlockingArrays) {
    this.keyBytes = typeof arrays.keys === 'string' ? new TextEncoder().encode(arrays.keys) : arrays.keys;
    this.keyStarts = lineStarts(this.keyBytes);
    this.compacts = arrays.compacts.split('\n');
    this.phonetics = arrays.phonetics.split('\n');
    this.words = arrays.words === undefined ? null : arrays.words.split('\n');
    this.compactLengths = Uint8Array.from(this.compacts, (c) => Math.min(255, c.length));
    this.phoneticLengths = Uint8Array.from(this.phonetics, (p) => Math.min(255, p.length));
    this.compactMasks = Int32Array.from(this.compacts, letterMask);
    this.phoneticMasks = Int32Array.from(this.phonetics, letterMask);
  }

  /** Builds from names (id = position), their entries and their words. */
  static build(names: ReadonlyArray<{ compact: string; phonetic: string; entry: number; words: string[] }>, opts: { shortTwoEdits?: boolean } = {}): NameBlocker {
    const byKey = new Map<string, number[]>();
    names.forEach((n, id) => {
      for (const k of nameKeys(n.compact, n.phonetic, opts.shortTwoEdits)) {
        const l = byKey.get(k);
        if (l) l.push(id); else byKey.set(k, [id]);
      }
    });
    const keys = [...byKey.keys()].sort();
    const offsets = new Int32Array(keys.length + 1);
    let total = 0;
    keys.forEach((k, i) => { offsets[i] = total; total += byKey.get(k)!.length; });
    offsets[keys.length] = total;
    const postings = new Int32Array(total);
    keys.forEach((k, i) => postings.set(byKey.get(k)!, offsets[i]));
    return new NameBlocker({
      keys: keys.join('\n'), offsets, postings,
      compacts: names.map((n) => n.compact).join('\n'), phonetics: names.map((n) => n.phonetic).join('\n'),
      entries: Int32Array.from(names, (n) => n.entry),
      words: [...new Set(names.flatMap((n) => n.words))].sort().join('\n'),
    });
  }

  /** Whether a listed ship name uses `word`; true for every word in a blocker saved without its words. */
  isListedWord(word: string): boolean {
    return this.words === null || sortedHas(this.words, word);
  }


  private find(key: string): number {
    const bytes = this.keyBytes;
    const starts = this.keyStarts;
    let lo = 0;
    let hi = starts.length - 2;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      // Compare `key` with key `mid` byte by byte (ASCII: a character is its byte).
      const a = starts[mid];
      const n = starts[mid + 1] - 1 - a;
      let c = 0;
      const m = n < key.length ? n : key.length;
      for (let i = 0; i < m && c === 0; i++) c = key.charCodeAt(i) - bytes[a + i];
      if (c === 0) c = key.length - n;
      if (c === 0) return mid;
      if (c > 0) lo = mid + 1; else hi = mid - 1;
    }
    return -1;
  }

  private postingsOf(i: number): Int32Array {
    return this.arrays.postings.subarray(this.arrays.offsets[i], this.arrays.offsets[i + 1]);
  }

  /** Entries with exactly this compact or transliterated form (the other word orders of a query). */
  sameFormCandidates(compact: string, phonetic: string): number[] {
    const out = new Set<number>();
    for (const key of [`c${compact}`, ...(phonetic ? [`p${phonetic}`] : [])]) {
      const i = this.find(key);
      if (i >= 0) for (const id of this.postingsOf(i)) out.add(this.arrays.entries[id]);
    }
    return [...out];
  }

  /** Entries whose compact form begins with `compact` and is longer (a name cut where an AIS name field ends:
   *  name-score.ts isAisCut), at most `max` forms: the keys are sorted, so they follow one another. */
  prefixCandidates(compact: string, max = 20): number[] {
    const key = `c${compact}`;
    const bytes = this.keyBytes;
    const starts = this.keyStarts;
    const compare = (k: number): number => { // key k against `key` as far as `key` goes: <0, 0 (a prefix), >0
      const a = starts[k];
      const n = starts[k + 1] - 1 - a;
      const m = n < key.length ? n : key.length;
      for (let i = 0; i < m; i++) { const c = bytes[a + i] - key.charCodeAt(i); if (c !== 0) return c; }
      return n < key.length ? -1 : 0;
    };
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) { const mid = (lo + hi) >>> 1; if (compare(mid) < 0) lo = mid + 1; else hi = mid; }
    const out = new Set<number>();
    for (let k = lo, forms = 0; k < starts.length - 1 && forms < max && compare(k) === 0; k++) {
      if (starts[k + 1] - 1 - starts[k] === key.length) continue; // the same form: found by candidates()
      forms++;
      for (const id of this.postingsOf(k)) out.add(this.arrays.entries[id]);
    }
    return [...out];
  }

  /** Entries (ids given at build) with a name the scorer could accept for the query name. */
  /** With `shortTwoEdits`, names of 5-8 letters are also found and let through two edits away (through the
   *  e keys of a blocker built with them; a blocker saved without them finds only what it did before). */
  /** With `unwrittenVowels` (a name read from Persian or Arabic script: name-score.ts), names are found by
   *  their consonants whatever their length, and only the same form or the same consonants pass. */
  /** With `twoSwaps`, a 5-8-letter name that found nothing is looked up again with two pairs of letters
   *  swapped back (ship names; the party blocker's stated names, mostly of no listed party, do without). */
  candidates(compact: string, phonetic: string, opts: { shortTwoEdits?: boolean; unwrittenVowels?: boolean; twoSwaps?: boolean } = {}): number[] {
    if (compact === '') return [];
    // Scratch arrays over name ids, reused across queries (a Map per query was the cost at 60 k names).
    const n = this.arrays.entries.length;
    if (this.score.length !== n) { this.score = new Int32Array(n); this.grams = new Int32Array(n); }
    const { score, grams: gramHits } = this;
    const touched: number[] = [];
    const bump = (key: string, weight: number): void => {
      const i = this.find(key);
      if (i < 0) return;
      const { offsets, postings } = this.arrays;
      for (let j = offsets[i]; j < offsets[i + 1]; j++) {
        const id = postings[j];
        if (score[id] === 0 && gramHits[id] === 0) touched.push(id);
        score[id] += weight;
      }
    };
    bump(`c${compact}`, 1000);
    if (phonetic) bump(`p${phonetic}`, 1000);
    // A short name with one vowel romanisations swap (name-score.ts): the listed keys one such vowel away.
    if (compact.length <= SCREENING_PARAMS.maxSwappedVowelLetters + 1) for (const v of swappedVowelVariants(phonetic)) bump(`p${v}`, 500);
    const skeleton = consonantSkeleton(phonetic);
    if (skeleton.length >= MIN_SKELETON_LETTERS && (compact.length >= MIN_VOWEL_VARIANT_LETTERS || opts.unwrittenVowels === true)) {
      const i = this.find(`v${skeleton}`);
      if (i >= 0 && this.arrays.offsets[i + 1] - this.arrays.offsets[i] <= P.maxSkeletonPostings) bump(`v${skeleton}`, 50);
    }
    // Too few consonants for a consonant key, but enough with an initial Y (YUSUF: I-S-P): the keys one
    // vowel away.
    const consonants = skeleton.length >= MIN_SKELETON_LETTERS ? skeleton.length : consonantCount(phonetic);
    if (skeleton.length < MIN_SKELETON_LETTERS && consonants >= MIN_SKELETON_LETTERS && compact.length >= MIN_VOWEL_VARIANT_LETTERS) {
      for (const v of changedVowelVariants(phonetic)) bump(`p${v}`, 50);
    }
    // A name read from a script without short vowels whose only third consonant is an initial Y (يونس,
    // IUNS): the listed keys with those vowels filled in (no consonant key to look it up by).
    if (opts.unwrittenVowels === true && skeleton.length < MIN_SKELETON_LETTERS && consonants >= MIN_SKELETON_LETTERS) {
      for (const v of filledVowelVariants(phonetic)) bump(`p${v}`, 50);
    }
    // A query within two letters of a 9-10 letter listed name may be two edits from it.
    // Short names two edits apart (shortTwoEdits): the query's two-letter deletions meet the listed name's
    // own deletions (d keys) and its two-letter ones (e keys).
    const shortTwo = opts.shortTwoEdits === true && compact.length >= P.shortTwoEditsMinLetters - 2 && compact.length < TWO_EDIT_LETTERS + 2;
    // Two slips (slips.ts) in a listed name of 5-8 letters, the query one letter longer or as long: its
    // two-letter deletions meet the listed name's one-letter ones where a letter was added or changed.
    const dels = deletions(compact, P.deleteMaxLetters + 2, shortTwo || compact.length >= SLIP_PARAMS.minLetters + 1);
    // Keys no listed name can have are not looked up: d keys are at most deleteMaxLetters long, e keys
    // two letters shorter than a name below TWO_EDIT_LETTERS.
    for (const d of dels) if (d.length <= P.deleteMaxLetters) bump(`d${d}`, 100);
    if (shortTwo) for (const d of dels) if (d.length <= TWO_EDIT_LETTERS - 3) bump(`e${d}`, 10);
    const k = maxEditsFor(compact.length + 1);
    const g = Math.max(0, compact.length - 2);
    const m = Math.min(g, 3 * k + P.sharedRareGrams);
    const need = m - 3 * k;
    // Trigrams also let in names the deletion keys find: the gate's transliteration clause passes some of
    // them (URI STAR / WOORY STAR: three letters apart, one on the key), which no deletion key reaches.
    if (need >= 2) {
      const found: Array<{ i: number; df: number }> = [];
      const seen = new Set<string>();
      for (let j = 0; j + 3 <= compact.length; j++) {
        const gram = compact.slice(j, j + 3);
        if (seen.has(gram)) continue;
        seen.add(gram);
        const i = this.find(`t${gram}`);
        found.push({ i, df: i < 0 ? 0 : this.arrays.offsets[i + 1] - this.arrays.offsets[i] });
      }
      found.sort((a, b) => a.df - b.df);
      const { offsets, postings } = this.arrays;
      // Prefix filtering: a name sharing `need` of the m rarest trigrams shares one of the first
      // m - need + 1, so only those lists bring in new names; the commoner rest only count for names
      // already in. Names whose lengths alone put them beyond the gate's edit budget are not let in.
      const opening = m - need + 1;
      const { compactLengths, phoneticLengths } = this;
      const qc = compact.length;
      const qp = phonetic.length;
      found.slice(0, m).forEach(({ i }, rank) => {
        if (i < 0) return;
        if (rank < opening) {
          for (let j = offsets[i]; j < offsets[i + 1]; j++) {
            const id = postings[j];
            if (score[id] === 0 && gramHits[id] === 0) {
              const lc = compactLengths[id];
              const budget = BUDGET_BY_LENGTH[lc > qc ? lc : qc];
              if (budget > 0 && Math.abs(lc - qc) > budget && Math.abs(phoneticLengths[id] - qp) > budget - 1) continue;
              touched.push(id);
            }
            gramHits[id]++;
          }
        } else if (touched.length * 16 < offsets[i + 1] - offsets[i]) {
          // Few names in, a long list (a common trigram): look each name up in it (postings are sorted).
          for (const id of touched) if (sortedIntsHas(postings, offsets[i], offsets[i + 1], id)) gramHits[id]++;
        } else {
          for (let j = offsets[i]; j < offsets[i + 1]; j++) {
            const id = postings[j];
            if (score[id] !== 0 || gramHits[id] !== 0) gramHits[id]++;
          }
        }
      });
    }
    const passed: Array<{ id: number; s: number }> = [];
    const masks = { compact: letterMask(compact), phonetic: letterMask(phonetic), skeleton, consonants };
    const script = opts.unwrittenVowels === true;
    for (const id of touched) {
      const s = score[id] + (gramHits[id] >= need ? gramHits[id] : 0);
      if (s > 0 && (score[id] > 0 || gramHits[id] >= need) && (script
        ? this.compacts[id] === compact || this.phonetics[id] === phonetic || (consonants >= MIN_SKELETON_LETTERS && skeletonIs(this.phonetics[id], skeleton))
        : this.gate(compact, phonetic, id, shortTwo, masks))) passed.push({ id, s });
      score[id] = 0;
      gramHits[id] = 0;
    }
    if (opts.twoSwaps === true && passed.length === 0 && compact.length >= SLIP_PARAMS.minLetters && compact.length < TWO_EDIT_LETTERS) {
      // Two pairs of letters swapped (SRADAHST for SARDASHT, two slips: slips.ts) leave no deletion key or
      // rare trigram in common with the listed name. A name that found nothing is looked up once more by
      // the same form with two pairs of neighbours swapped back (~50 exact keys of a name of 8 letters;
      // deletion keys of each would cost more than the rest of the look-up). Only then, so a fleet's many
      // found names cost no more look-ups; and only for ship names: on the party blocker, where most stated
      // owners find nothing, it cost ~2 CPU-s per 10,000-row owner fleet.
      touched.length = 0;
      const twice = new Set<string>();
      for (const v of neighbourSwaps(compact)) for (const w of neighbourSwaps(v)) if (w !== compact) twice.add(w);
      for (const w of twice) bump(`c${w}`, 100);
      for (const id of touched) {
        if (this.gate(compact, phonetic, id, shortTwo, masks)) passed.push({ id, s: score[id] });
        score[id] = 0;
      }
    }
    passed.sort((a, b) => b.s - a.s || a.id - b.id);
    return passed.slice(0, P.candidateCap).map((p) => this.arrays.entries[p.id]);
  }

  /** name-score.ts's gate: same form, or within the edit budget on the compact or transliterated name. */
  private gate(compact: string, phonetic: string, id: number, shortTwoEdits: boolean, masks: { compact: number; phonetic: number; skeleton: string; consonants: number }): boolean {
    const c = this.compacts[id];
    const p = this.phonetics[id];
    if (c === compact || (phonetic !== '' && p === phonetic)) return true;
    let budget = maxEditsFor(Math.max(c.length, compact.length));
    if (shortTwoEdits && budget === 1) budget = 2;
    if (Math.min(c.length, compact.length) <= SCREENING_PARAMS.maxSwappedVowelLetters
      && Math.max(c.length, compact.length) <= SCREENING_PARAMS.maxSwappedVowelLetters + 1 && oneSwappedVowel(phonetic, p)) return true;
    if (budget === 0) return compact.length >= 3 && isKeystrokeSlip(compact, c);
    if (budget === 1 && Math.abs(c.length - compact.length) <= 1
      && bagDistance(compact, c) <= 2 && damerauLevenshtein(compact, c, 2) === 2 && isTwoSlips(compact, c)) return true;
    // Letter bounds first (letters one uses and the other lacks, then their counts): they turn most
    // candidates away at a fraction of an edit table's cost.
    return (maskDistance(masks.compact, this.compactMasks[id]) <= budget && bagDistance(compact, c) <= budget && damerauLevenshtein(compact, c, budget) <= budget)
      || (budget > 1 && maskDistance(masks.phonetic, this.phoneticMasks[id]) <= budget - 1
        && bagDistance(phonetic, p) <= budget - 1 && damerauLevenshtein(phonetic, p, budget - 1) <= budget - 1)
      || (Math.min(c.length, compact.length) >= MIN_VOWEL_VARIANT_LETTERS && masks.consonants >= MIN_SKELETON_LETTERS
        && skeletonIs(p, masks.skeleton)
        && damerauLevenshtein(phonetic, p, budget) <= budget && damerauLevenshtein(compact, c, budget + 1) <= budget + 1);
  }
}

/** The letters A-Z a name uses as bits (digits share the rest; other characters none): a letter one name
 *  uses and the other lacks costs at least one edit, so maskDistance is a lower bound of the edit distance. */
function letterMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) m |= 1 << (c - 65);
    else if (c >= 48 && c <= 57) m |= 1 << (26 + ((c - 48) % 6));
  }
  return m;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const maskDistance = (a: number, b: number): number => Math.max(popcount(a & ~b), popcount(b & ~a));

/** Where each '\n'-terminated line of `bytes` starts, and one past the end (none for empty bytes). */
function lineStarts(bytes: Uint8Array): Int32Array {
  if (bytes.length === 0) return new Int32Array(1);
  let n = 1;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) n++;
  const out = new Int32Array(n + 1);
  let k = 1;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) out[k++] = i + 1;
  out[n] = bytes.length + 1; // the last key has no '\n' after it
  return out;
}

/** Whether `xs[lo..hi)`, sorted ascending, holds `x`. */
function sortedIntsHas(xs: Int32Array, lo: number, hi: number, x: number): boolean {
  hi--;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = xs[mid];
    if (v === x) return true;
    if (v < x) lo = mid + 1; else hi = mid - 1;
  }
  return false;
}

/** Whether the vowel-less form of `key` (consonantSkeleton) equals `skeleton`, without building it. */
function skeletonIs(key: string, skeleton: string): boolean {
  let j = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === 65 || c === 69 || c === 73 || c === 79 || c === 85) continue; // A E I O U
    if (j >= skeleton.length || skeleton.charCodeAt(j) !== c) return false;
    j++;
  }
  return j === skeleton.length;
}

function sortedIndex(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = sorted[mid];
    if (k === key) return mid;
    if (k < key) lo = mid + 1; else hi = mid - 1;
  }
  return -1;
}
const sortedHas = (sorted: readonly string[], key: string): boolean => sortedIndex(sorted, key) >= 0;
