// Scores one normalised name against another. Returns 0 when they are not the same name.
// The rules, in order:
//  1. Numbers must agree: SAM JONG 1 is not SAM JONG 2. A number on one side only costs a little.
//  2. Equal words -> exact; equal without spaces -> run-together; equal after transliteration folding.
//  3. Otherwise a fuzzy candidate must (a) have distinctive (non-generic) words on both sides, (b) be within
//     the edit budget on the whole name AND on the distinctive words, (c) clear the Jaro-Winkler floor.
//     Generic words therefore never match alone, and a different distinctive word is not a typo.
import type { NormalisedName } from './normalise.js';
import { SCREENING_PARAMS as P, maxEditsFor } from './params.js';
import { damerauLevenshtein, jaroWinkler } from './similarity.js';

export interface NameScore {
  score: number;
  how: 'exact' | 'compact' | 'transliteration' | 'fuzzy';
  edits: number;
  numberNote: string | null;
}

function numbersFactor(q: NormalisedName, e: NormalisedName): { factor: number; note: string | null } {
  const qn = q.numbers.join(' ');
  const en = e.numbers.join(' ');
  if (qn === en) return { factor: 1, note: null };
  if (qn === '' || en === '') return { factor: P.missingNumberFactor, note: qn === '' ? `listed name has number ${en}` : `query has number ${qn}, listed name none` };
  return { factor: 0, note: `numbers differ (${qn} / ${en})` };
}

export function scoreNames(q: NormalisedName, e: NormalisedName): NameScore | null {
  // Names made only of numbers (7-28, OT-2077 after prefix) must be equal.
  if (e.compact === '' || q.compact === '') {
    return q.full === e.full && q.full !== '' ? { score: P.exactNameScore, how: 'exact', edits: 0, numberNote: null } : null;
  }
  const num = numbersFactor(q, e);
  if (num.factor === 0) return null;
  const exactWords = q.words.length === e.words.length && q.words.every((w, i) => w === e.words[i]);
  if (exactWords) return { score: P.exactNameScore * num.factor, how: 'exact', edits: 0, numberNote: num.note };
  if (q.compact === e.compact) return { score: P.compactNameScore * num.factor, how: 'compact', edits: 0, numberNote: num.note };
  // All-generic names (OCEAN STAR, GOLD STAR 3) only ever match themselves.
  if (e.distinctive === '' || q.distinctive === '') return null;
  if (q.phonetic === e.phonetic && q.phoneticDistinctive === e.phoneticDistinctive) {
    return { score: P.phoneticNameScore * num.factor, how: 'transliteration', edits: 0, numberNote: num.note };
  }
  const budget = maxEditsFor(Math.max(q.compact.length, e.compact.length));
  if (budget === 0) return null;
  const edits = damerauLevenshtein(q.compact, e.compact, budget);
  const phoneticEdits = damerauLevenshtein(q.phonetic, e.phonetic, budget);
  const useEdits = Math.min(edits, phoneticEdits + 1); // a transliteration plus a typo costs one more
  if (useEdits > budget) return null;
  const distinctiveBudget = maxEditsFor(Math.max(q.distinctive.length, e.distinctive.length));
  const distinctiveEdits = Math.min(
    damerauLevenshtein(q.distinctive, e.distinctive, distinctiveBudget),
    damerauLevenshtein(q.phoneticDistinctive, e.phoneticDistinctive, distinctiveBudget) + 1,
  );
  if (distinctiveEdits > distinctiveBudget) return null;
  const jw = Math.max(jaroWinkler(q.compact, e.compact), jaroWinkler(q.phonetic, e.phonetic));
  if (jw < P.minJaroWinkler) return null;
  const score = Math.max(0, P.fuzzyBaseScore - P.perEditPenalty * useEdits) * num.factor;
  return { score, how: 'fuzzy', edits: useEdits, numberNote: num.note };
}
