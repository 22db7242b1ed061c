// Scores a stated owner or operator against a listed company's or person's name (party-name.ts forms).
// The ship-name rules carry over to the name proper: exact, run together, transliterated, or within the
// edit budget with the distinctive words pairing up; and two rules of its own: a person's words may come
// in either order, and a legal form stated on both sides must be the same form (else "possible").
import type { PartyName } from './party-name.js';
import { SCREENING_PARAMS as P, maxEditsFor } from './params.js';
import { wordsClose } from './name-score.js';
import { damerauLevenshtein, jaroWinkler } from './similarity.js';
import { isTwoKeystrokeSlips } from './keystroke.js';

export interface PartyScore {
  score: number;
  how: 'exact' | 'compact' | 'word_order' | 'transliteration' | 'fuzzy';
  edits: number;
  /** Whether both sides state a legal form and the forms differ. */
  legalDiffers: boolean;
}

/** Words of `ws` with no close word in `others`. */
const unpaired = (ws: string[], others: string[]): string[] => ws.filter((w) => !others.some((v) => wordsClose(w, v)));

/** `isListedWord`: whether a word occurs in a listed party's name (a real word, not a garbled one). */
export function scoreParty(q: PartyName, e: PartyName, isListedWord: (word: string) => boolean = () => true): PartyScore | null {
  if (q.compact === '' || e.compact === '') return null;
  const legalDiffers = q.legal !== '' && e.legal !== '' && q.legal !== e.legal;
  const factor = legalDiffers ? P.legalFormDiffersFactor : 1;
  const hit = (score: number, how: PartyScore['how'], edits = 0): PartyScore => ({ score: score * factor, how, edits, legalDiffers });
  if (q.words.length === e.words.length && q.words.every((w, i) => w === e.words[i])) return hit(P.exactNameScore, 'exact');
  if (q.compact === e.compact) return hit(P.compactNameScore, 'compact');
  // A name of generic words only (OCEAN TRANSPORT) names no one in particular: equal or nothing.
  if (q.distinctive === '' || e.distinctive === '') return null;
  if (q.words.length > 1 && q.sorted === e.sorted) return hit(P.wordOrderPartyScore, 'word_order');
  if (q.phonetic === e.phonetic || (q.words.length > 1 && q.sortedPhonetic === e.sortedPhonetic)) return hit(P.phoneticNameScore, 'transliteration');
  const budget = maxEditsFor(Math.max(q.compact.length, e.compact.length));
  if (budget === 0) return null;
  const edits = Math.min(
    damerauLevenshtein(q.compact, e.compact, budget),
    damerauLevenshtein(q.sorted, e.sorted, budget),
    damerauLevenshtein(q.phonetic, e.phonetic, budget) + 1,
  );
  if (edits > budget) return null;
  // Beyond a single edit the words must pair up one by one — business words too, since KORVANEL MARINE
  // may be a sister firm of KORVANEL MARITIME — except where the query's odd words are garbled (two typos
  // in one word: the one odd word is within two edits of the one it stands for, and no listed party uses
  // it), as for ship names (name-score.ts).
  if (edits >= 2) {
    const odd = unpaired(q.words, e.words);
    const missing = unpaired(e.words, q.words);
    // Where the name proper has a one-edit budget of its own (up to 8 telling letters), two edits in its
    // word pass only as two typing slips: two arbitrary edits from a short word as likely make another
    // word (MIRIM / MIRAE).
    const garbled = odd.length === 1 && missing.length === 1 && !isListedWord(odd[0]) && damerauLevenshtein(odd[0], missing[0], 2) <= 2
      && (maxEditsFor(Math.max(q.distinctive.length, e.distinctive.length)) >= 2 || isTwoKeystrokeSlips(missing[0], odd[0]));
    if ((odd.length > 0 || missing.length > 0) && !garbled) return null;
  }
  if (edits >= 2 && Math.max(jaroWinkler(q.compact, e.compact), jaroWinkler(q.sorted, e.sorted)) < P.minJaroWinkler) return null;
  return hit(Math.max(0, P.fuzzyBaseScore - P.perEditPenalty * edits), 'fuzzy', edits);
}
