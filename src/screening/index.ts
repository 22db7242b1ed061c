// The screening index: exact maps for IMO, MMSI and call sign, and blocking maps for names (the whole
// name without spaces, its transliteration key, and character trigrams of both) so a query is scored
// only against the few listed names that share something with it.
import type { LoadedEntry } from './types.js';
import { normaliseCallsign, normaliseMmsi, normaliseName, type NormalisedName } from './normalise.js';
import { normaliseImo } from '../reference/imo.js';
import { SCREENING_PARAMS, maxEditsFor } from './params.js';
import { MIN_SKELETON_LETTERS, MIN_VOWEL_VARIANT_LETTERS, changedVowelVariants, consonantCount, consonantSkeleton, filledVowelVariants, swappedVowelVariants } from './phonetic.js';
import { SLIP_PARAMS } from './slips.js';

export type NameRole = 'name' | 'alias' | 'former';

export interface NameVariant {
  entryIndex: number;
  raw: string;
  role: NameRole;
  norm: NormalisedName;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) { if (list[list.length - 1] !== value) list.push(value); } else map.set(key, [value]);
}

export function ngrams(s: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= s.length; i++) out.push(s.slice(i, i + n));
  return out;
}
export const trigrams = (s: string): string[] => ngrams(s, 3);

/** `s` and each string one letter shorter. */
const oneDeletions = (s: string): Set<string> => new Set([s, ...[...s].map((_, i) => s.slice(0, i) + s.slice(i + 1))]);

/** Names up to this many letters are blocked on bigrams: one typo can destroy every trigram of a short name. */
const SHORT_NAME_LETTERS = 8;

// A listed name is normalised once, though a fleet's queries bring the same candidates into many indexes
// (store/screening-index.ts: one per query); the forms are never changed after (bounded, like phonetic.ts).
const norms = new Map<string, NormalisedName>();
const NORMS_MAX = 200_000;
function listedNorm(raw: string): NormalisedName {
  let n = norms.get(raw);
  if (n === undefined) {
    n = normaliseName(raw);
    if (norms.size >= NORMS_MAX) norms.clear();
    norms.set(raw, n);
  }
  return n;
}

export class ScreeningIndex {
  readonly entries: LoadedEntry[];
  readonly variants: NameVariant[] = [];
  readonly byImo = new Map<string, number[]>();
  readonly byMmsi = new Map<string, number[]>();
  readonly byCallsign = new Map<string, number[]>();
  private readonly byCompact = new Map<string, number[]>();
  private readonly byPhonetic = new Map<string, number[]>();
  private readonly byGram = new Map<string, number[]>();
  private readonly byPhoneticGram = new Map<string, number[]>();
  private readonly byBigram = new Map<string, number[]>();
  /** One-letter deletions of names up to 4 letters: a swap of two letters (DAN / DNA) leaves no bigram. */
  private readonly byShortDeletion = new Map<string, number[]>();
  /** Consonant skeletons of transliteration keys (phonetic.ts): names that differ in vowels only. */
  private readonly bySkeleton = new Map<string, number[]>();
  private readonly words = new Set<string>();

  /** `listedWords`: the words of every listed ship name, when `entries` are only some of them; `blocking:
   *  false` for an index whose every name is a candidate anyway (no name maps are built). */
  constructor(entries: LoadedEntry[], private readonly listedWords?: (word: string) => boolean, private readonly opts: { blocking?: boolean } = {}) {
    this.entries = entries;
    entries.forEach((le, i) => {
      const e = le.entry;
      for (const imo of e.imo) { const n = normaliseImo(imo); if (n) push(this.byImo, n, i); }
      for (const m of e.mmsi) { const n = normaliseMmsi(m); if (n) push(this.byMmsi, n, i); }
      if (e.kind !== 'vessel') return; // names of people and companies are not ship names
      for (const c of e.callsigns) { const n = normaliseCallsign(c); if (n.length >= 3) push(this.byCallsign, n, i); }
      this.addName(i, e.name, 'name');
      for (const a of e.aliases) this.addName(i, a, 'alias');
      for (const f of e.formerNames) this.addName(i, f, 'former');
    });
  }

  private addName(entryIndex: number, raw: string, role: NameRole): void {
    const norm = listedNorm(raw);
    if (norm.full === '') return;
    const v = this.variants.length;
    this.variants.push({ entryIndex, raw, role, norm });
    if (this.opts.blocking === false) return;
    for (const w of norm.words) this.words.add(w);
    push(this.byCompact, norm.compact || norm.full, v);
    if (norm.phonetic) push(this.byPhonetic, norm.phonetic, v);
    const skeleton = consonantSkeleton(norm.phonetic);
    if (skeleton.length >= MIN_SKELETON_LETTERS) push(this.bySkeleton, skeleton, v);
    for (const g of new Set(trigrams(norm.compact))) push(this.byGram, g, v);
    for (const g of new Set(trigrams(norm.phonetic))) push(this.byPhoneticGram, g, v);
    if (norm.compact.length <= SHORT_NAME_LETTERS + 1) for (const g of new Set(ngrams(norm.compact, 2))) push(this.byBigram, g, v);
    if (norm.compact.length >= 3 && norm.compact.length <= 4) for (const d of oneDeletions(norm.compact)) push(this.byShortDeletion, d, v);
  }

  /** Whether a listed ship name uses this word (a real word, not a garbled one: name-score.ts). */
  isListedWord(word: string): boolean {
    return this.listedWords ? this.listedWords(word) : this.words.has(word);
  }

  /** Name variants worth scoring against `q`: same compact or phonetic form, or enough shared trigrams. */
  nameCandidates(q: NormalisedName): number[] {
    const out = new Set<number>();
    for (const v of this.byCompact.get(q.compact || q.full) ?? []) out.add(v);
    if (q.phonetic) for (const v of this.byPhonetic.get(q.phonetic) ?? []) out.add(v);
    if (q.compact.length <= SCREENING_PARAMS.maxSwappedVowelLetters + 1) {
      for (const k of swappedVowelVariants(q.phonetic)) for (const v of this.byPhonetic.get(k) ?? []) out.add(v);
    }
    const skeleton = consonantSkeleton(q.phonetic);
    if (skeleton.length >= MIN_SKELETON_LETTERS) for (const v of this.bySkeleton.get(skeleton) ?? []) out.add(v);
    // Too few consonants for a consonant key but for an initial Y (YUSUF): the keys one vowel away.
    else if (consonantCount(q.phonetic) >= MIN_SKELETON_LETTERS && q.compact.length >= MIN_VOWEL_VARIANT_LETTERS) {
      for (const k of changedVowelVariants(q.phonetic)) for (const v of this.byPhonetic.get(k) ?? []) out.add(v);
    }
    // A name read from a script without short vowels, with an initial Y (يونس): its keys with them filled in.
    if (q.unwrittenVowels && skeleton.length < MIN_SKELETON_LETTERS && consonantCount(q.phonetic) >= MIN_SKELETON_LETTERS) {
      for (const k of filledVowelVariants(q.phonetic)) for (const v of this.byPhonetic.get(k) ?? []) out.add(v);
    }
    this.gramCandidates(trigrams(q.compact), this.byGram, out);
    this.gramCandidates(trigrams(q.phonetic), this.byPhoneticGram, out);
    if (q.compact.length >= 3 && q.compact.length <= 5) for (const d of oneDeletions(q.compact)) for (const v of this.byShortDeletion.get(d) ?? []) out.add(v);
    if (q.compact.length <= SHORT_NAME_LETTERS) {
      // q-gram lemma for bigrams: an edit destroys at most 2 of them, a transposition 3; k is the budget
      // of the longest name that could still match (one letter longer).
      // From 5 letters two slips (slips.ts) may be the difference.
      const grams = ngrams(q.compact, 2);
      const k = Math.max(maxEditsFor(q.compact.length + 1), q.compact.length >= SLIP_PARAMS.minLetters ? 2 : 0);
      this.gramCandidates(grams, this.byBigram, out, Math.max(1, new Set(grams).size - 3 * k));
    }
    return [...out];
  }

  private gramCandidates(grams: string[], map: Map<string, number[]>, out: Set<number>, minShared?: number): void {
    if (grams.length === 0) return;
    // A name within k edits of the query shares at least (grams - 3k) trigrams (the q-gram lemma);
    // a third of the query's trigrams is a safe floor for the edit budgets in params.ts.
    const need = minShared ?? Math.max(1, Math.floor(grams.length / 3));
    const counts = new Map<number, number>();
    for (const g of new Set(grams)) {
      for (const v of map.get(g) ?? []) {
        const c = (counts.get(v) ?? 0) + 1;
        counts.set(v, c);
        if (c === need) out.add(v);
      }
    }
  }
}
