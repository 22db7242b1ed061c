// Scores one normalised name against another. Returns null when they are not the same name.
// The rules, in order:
//  1. Numbers must agree: SAM JONG 1 is not SAM JONG 2. A number on one side only costs a little, except
//     for names made only of generic words, where the number is what tells ships apart (GOLD STAR 3).
//  2. Equal words -> exact; equal without spaces -> run-together; equal after transliteration folding.
//  3. Otherwise a fuzzy candidate must (a) not be made only of generic words itself, (b) be within the
//     edit budget on the whole name (or on the transliteration key where the keys differ in vowels
//     only: FEROOZEH / FIROUZEH; or two plausible slips in a name of 5-8 letters: slips.ts), (c) agree
//     word by word on the distinctive words - every distinctive word of either name has a close
//     counterpart in the other - unless the whole names are a single edit apart, or two edits apart where the query's odd words are garbled (no listed ship name uses
//     them), (d) with 2+ edits, clear the Jaro-Winkler floor.
//     So generic words never match alone, and a different distinctive word is not a typo.
import type { NormalisedName } from './normalise.js';
import { isGenericWord } from './generic-words.js';
import { MIN_VOWEL_VARIANT_LETTERS, oneSwappedVowel, phoneticKey, sameConsonants } from './phonetic.js';
import { SCREENING_PARAMS as P, maxEditsFor } from './params.js';
import { damerauLevenshtein, jaroWinkler } from './similarity.js';
import { areNeighbourKeys, isKeystrokeSlip } from './keystroke.js';
import { isTwoSlips } from './slips.js';
import { isRealWord } from './dictionary.js';

export interface NameScore {
  score: number;
  how: 'exact' | 'compact' | 'transliteration' | 'word_order' | 'fuzzy' | 'ais_cut';
  edits: number;
  numberNote: string | null;
}

function numbersFactor(q: NormalisedName, e: NormalisedName, allGeneric: boolean): { factor: number; note: string | null } {
  const qn = q.numbers.join(' ');
  const en = e.numbers.join(' ');
  if (qn === en) return { factor: 1, note: null };
  if ((qn === '' || en === '') && !allGeneric) {
    return { factor: P.missingNumberFactor, note: qn === '' ? `listed name has number ${en}` : `query has number ${qn}, listed name none` };
  }
  return { factor: 0, note: `numbers differ (${qn || 'none'} / ${en || 'none'})` };
}

/** Two words are close: equal, equal after transliteration folding, or within the word's own edit budget
 *  (one edit from 4 letters, the length budget of params.ts for longer words: 2 from 9 letters). */
export function wordsClose(a: string, b: string): boolean {
  if (a === b) return true;
  if (phoneticKey(a) === phoneticKey(b)) return true;
  const len = Math.max(a.length, b.length);
  if (len < 4) return false;
  const budget = Math.max(1, maxEditsFor(len));
  if (damerauLevenshtein(a, b, budget) <= budget) return true;
  if (Math.min(a.length, b.length) < MIN_VOWEL_VARIANT_LETTERS) return false;
  const pa = phoneticKey(a);
  const pb = phoneticKey(b);
  return sameConsonants(pa, pb) && damerauLevenshtein(pa, pb, budget) <= budget;
}

function distinctiveWordsAgree(q: NormalisedName, e: NormalisedName): boolean {
  const qd = q.words.filter((w) => !isGenericWord(w));
  const ed = e.words.filter((w) => !isGenericWord(w));
  return ed.every((w) => q.words.some((v) => wordsClose(w, v))) && qd.every((v) => e.words.some((w) => wordsClose(v, w)));
}

/** The query is the listed name with one letter more at its end, and that letter is no slip of the hand
 *  (the last letter doubled, a key next to it) nor a plural S: the listed name grown into another word or
 *  name (ARVIN / ARVIND, NEGAR / NEGARA, CARIBO / CARIBOU, HELM / HELMA), as a derived word ends, while a
 *  typist's extra keystroke at the end strikes the same key again or its neighbour (ARTAVILL, DANN). */
export function isLongerWord(q: string, e: string): boolean {
  if (q.length !== e.length + 1 || e.length === 0 || !q.startsWith(e)) return false;
  const added = q[q.length - 1];
  const last = e[e.length - 1];
  return added !== last && added !== 'S' && !areNeighbourKeys(last, added) && /[A-Z]/.test(added);
}

/** `a` is `b` with `b`'s series letter joined to its last word (CARLOTAC for CARLOTA C), as a full 20-character
 *  AIS name field or a careless export squeezes it: the same name, not a longer word (isLongerWord). */
export function isJoinedSeriesLetter(a: NormalisedName, b: NormalisedName): boolean {
  const mark = b.numbers[b.numbers.length - 1];
  return mark !== undefined && /^[A-Z]$/.test(mark) && a.compact === b.compact + mark
    && a.numbers.join(' ') === b.numbers.slice(0, -1).join(' ');
}

/** `q` is `e` cut where an AIS name field ends: 18–21 normalised characters that begin the longer listed name,
 *  the cut falling inside a word or number (LUISA CACERES DE ARI for LUISA CACERES DE ARISMENDI, YANGZHOU
 *  DAYANG DY90 for … DY905), on a name with a distinctive word. */
export function isAisCut(q: NormalisedName, e: NormalisedName): boolean {
  return mayBeAisCut(q) && e.full.length > q.full.length && e.full.startsWith(q.full) && e.full[q.full.length] !== ' ';
}

/** A query as long as a full AIS name field, with a distinctive word: it may be a longer name cut. */
export function mayBeAisCut(q: NormalisedName): boolean {
  return q.full.length >= P.aisCutMinChars && q.full.length <= P.aisCutMaxChars && q.distinctive !== '';
}

// Whether a name has a word of the dictionary, once per normalised name (a query meets many candidates).
const withWord = new WeakMap<NormalisedName, boolean>();
function hasDictionaryWord(n: NormalisedName): boolean {
  let has = withWord.get(n);
  if (has === undefined) { has = n.words.some((w) => isRealWord(w)); withWord.set(n, has); }
  return has;
}

/** The query names a real word or name of its own where the listed name has another word one or two letters
 *  from it (MARIANNE / MARIANA, KUDOS / KADOS, STELLA / STARLA, CAMBRIDGE / CALM BRIDGE): another ship, not a
 *  typo of this one — a slip seldom lands on another real word. Only where the name rests on that word: every
 *  other word of the query is a word too or the listed name's own (a garbled one makes the query a typo:
 *  CLAM BRIGDE), and the two names share no telling word (DESPINA ADRIANA for DESPINA ANDRIANNA, MARY DE
 *  LOURDES for MARIE DE LOURDES keep their hit). The same word in another spelling the key folds (MARSHALL /
 *  MARSHAL), with E for I or O for U as romanisations write them (HORMUZ / HORMOZ), or with a plural S is the
 *  same word. Words of 4 letters or more (dictionary.ts). */
export function isAnotherRealWord(q: NormalisedName, e: NormalisedName): boolean {
  if (!hasDictionaryWord(q)) return false;
  if (q.words.some((w) => !isGenericWord(w) && e.words.includes(w))) return false;
  const sameWord = (w: string, v: string): boolean => w === v || phoneticKey(w) === phoneticKey(v)
    || oneSwappedVowel(w, v) || w === `${v}S` || v === `${w}S` || w === `${v}ES` || v === `${w}ES`;
  // A one-word query is set against the listed name run together as well (CAMBRIDGE / CALMBRIDGE).
  const listed = q.words.length === 1 && e.words.length > 1 ? [...e.words, e.compact] : e.words;
  let real = false;
  for (const w of q.words) {
    if (e.words.some((v) => sameWord(w, v))) continue;
    if (!isRealWord(w) && !isGenericWord(w)) return false; // a garbled word: the query is a typo
    if (!real && isRealWord(w) && listed.some((v) => damerauLevenshtein(w, v, 2) <= 2)) real = true;
  }
  return real;
}

/** `isListedWord`: whether a word occurs in any listed ship name (ScreeningIndex.isListedWord); by
 *  default every word is, which never lets two edits across unpaired words through. */
export function scoreNames(q: NormalisedName, e: NormalisedName, isListedWord: (word: string) => boolean = () => true): NameScore | null {
  // Names made only of numbers (7-28) must be equal.
  if (e.compact === '' || q.compact === '') {
    return q.full === e.full && q.full !== '' ? { score: P.exactNameScore, how: 'exact', edits: 0, numberNote: null } : null;
  }
  if (isAisCut(q, e)) return { score: P.aisCutNameScore, how: 'ais_cut', edits: 0, numberNote: null };
  const num = numbersFactor(q, e, e.distinctive === '' || q.distinctive === '');
  if (num.factor === 0) return null;
  const exactWords = q.words.length === e.words.length && q.words.every((w, i) => w === e.words[i]);
  if (exactWords) return { score: P.exactNameScore * num.factor, how: 'exact', edits: 0, numberNote: num.note };
  if (q.compact === e.compact) return { score: P.compactNameScore * num.factor, how: 'compact', edits: 0, numberNote: num.note };
  if (isJoinedSeriesLetter(q, e)) return { score: P.compactNameScore, how: 'compact', edits: 0, numberNote: null };
  if (q.phonetic === e.phonetic) return { score: P.phoneticNameScore * num.factor, how: 'transliteration', edits: 0, numberNote: num.note };
  // A name read from Persian or Arabic script (arabic-script.ts) has no short vowels to compare: it is the
  // listed name when their consonants agree in order (نگین NGIN for NEGEEN, بدر BDR for BADR), scored as
  // a transliteration one edit off since the vowels are unknown; any other likeness of so few letters is
  // chance, so nothing else is tried.
  if (q.unwrittenVowels || e.unwrittenVowels) {
    return q.distinctive !== '' && e.distinctive !== '' && sameConsonants(q.phonetic, e.phonetic)
      ? { score: (P.fuzzyBaseScore - P.perEditPenalty) * num.factor, how: 'transliteration', edits: 1, numberNote: num.note } : null;
  }
  // A query of generic words only (OCEAN STAR) never matches on similarity.
  if (q.distinctive === '') return null;
  // A short name with one vowel romanisations swap (YARI / YARE, TULU / TOLOU: keys TULU / TOLU), on a
  // distinctive listed name, from a query that is no listed ship's word (as for a typing slip): one edit.
  if (Math.min(q.compact.length, e.compact.length) <= P.maxSwappedVowelLetters
    && Math.max(q.compact.length, e.compact.length) <= P.maxSwappedVowelLetters + 1 && e.distinctive !== ''
    && oneSwappedVowel(q.phonetic, e.phonetic) && !q.words.some((w) => isListedWord(w))) {
    if (isAnotherRealWord(q, e)) return null;
    return { score: (P.fuzzyBaseScore - P.perEditPenalty) * num.factor, how: 'fuzzy', edits: 1, numberNote: num.note };
  }
  if (isLongerWord(q.compact, e.compact)) return null;
  const budget = maxEditsFor(Math.max(q.compact.length, e.compact.length));
  if (budget === 0) {
    // Up to four letters only a typing slip counts (keystroke.ts), on a distinctive listed name, from a
    // query that is no listed ship's word itself (SINA is not a slip of SIMA: both are listed names).
    const slip = q.compact.length >= 3 && e.distinctive !== '' && isKeystrokeSlip(q.compact, e.compact) && !q.words.some((w) => isListedWord(w));
    return slip && !isAnotherRealWord(q, e) ? { score: (P.fuzzyBaseScore - P.perEditPenalty) * num.factor, how: 'fuzzy', edits: 1, numberNote: num.note } : null;
  }
  const edits = damerauLevenshtein(q.compact, e.compact, budget + 1);
  const phoneticEdits = damerauLevenshtein(q.phonetic, e.phonetic, budget);
  const useEdits = Math.min(edits, phoneticEdits + 1); // a transliteration plus a typo costs one more
  // Vowels only: keys that differ in vowels alone (FEROOZEH / FIROUZEH: PELUJE / PILUJE) pass within the
  // budget on the key, still scored with the extra edit - a vowel is how romanisations differ most. One
  // letter more than the budget, not more: folding and vowels together make too many names alike
  // (FIROZA / FYROCHU: PILOJA / PILOJU, four letters apart).
  const vowelsOnly = phoneticEdits <= budget && edits <= budget + 1
    && Math.min(q.compact.length, e.compact.length) >= MIN_VOWEL_VARIANT_LETTERS && sameConsonants(q.phonetic, e.phonetic);
  // Two slips: a name of 5-8 letters (one edit allowed) two changes of the kinds people make in writing
  // a name from a listed one (slips.ts: DELLISE / DELICE, DAWNEY / DOWNY, SOHNYA I / SONIA I).
  const twoSlips = useEdits > budget && !vowelsOnly && budget === 1 && edits === 2 && isTwoSlips(q.compact, e.compact);
  if (useEdits > budget && !vowelsOnly && !twoSlips) return null;
  if (!distinctiveWordsAgree(q, e)) {
    // The words do not pair up: a whole word differs (HAP SONG GANG is not HAP JANG GANG), or the spacing
    // differs (CHONMASAM / CHON MA SAN). Only a single typing edit over the whole name is still a typo, and
    // only for names with a distinctive word (a generic name is too easy to hit by one letter: BLUE WAX).
    // Two typos may fall in one short word (CHONG CHOHV GANG for CHONG CHON GANG) and look like another
    // word; another word is a real one, used by some listed ship (KUM UN BONG for KUM UN SAN), a garbled
    // one is not - so two edits pass when no odd word of the query is a listed ship's word.
    if (e.distinctive === '') return null;
    if (useEdits > 1 && q.words.some((v) => !e.words.some((w) => wordsClose(v, w)) && isListedWord(v))) return null;
  }
  // Jaro-Winkler guards multi-edit candidates (it punishes scattered differences that an edit count does
  // not); a single edit is already tight, and JW would wrongly punish a typo in the first letter. Two slips
  // are bounded by their own kinds (slips.ts), and JW would punish a vowel changed and one added in a
  // short name (DAWNEY / DOWNY: 0.84).
  if (useEdits >= 2 && !twoSlips && Math.max(jaroWinkler(q.compact, e.compact), jaroWinkler(q.phonetic, e.phonetic)) < P.minJaroWinkler) return null;
  const score = Math.max(0, P.fuzzyBaseScore - P.perEditPenalty * useEdits) * num.factor;
  // Checked last, on the few candidates every other test let through (it looks words up).
  if (isAnotherRealWord(q, e)) return null;
  return { score, how: 'fuzzy', edits: useEdits, numberNote: num.note };
}
