// Every screening threshold in one place. Scores are in [0, 1].
// Reference points: OFAC's Sanctions List Search uses a Jaro-Winkler-based score with a user-set
// minimum (default 0.80, "Minimum Name Score"); moov-io/watchman reports Jaro-Winkler scores and treats
// >= 0.85 as a likely hit. Here the gate is an edit-distance budget and the score orders the hits.
export const SCREENING_PARAMS = {
  /** Any candidate scoring at least this is reported ("possible"); below it the row is "clear". OFAC SLS default 0.80. */
  minReportScore: 0.8,
  /** Name-only hits at or above this (exact or run-together spelling with a distinctive word) are a "match". */
  nameMatchScore: 0.97,
  /** Typing edits (Damerau-Levenshtein) allowed between an altered name and a listed name, by the longer
   *  compact length: up to 4 letters none, 5-8 one, 9-14 two, 15+ three (about one edit per 5-6 letters,
   *  the rate of keying and OCR errors in name-matching studies). */
  maxEditsByLength: [[4, 0], [8, 1], [14, 2], [Infinity, 3]] as ReadonlyArray<readonly [number, number]>,
  /** Names this short (letters, the shorter of the two; the longer at most one more) may differ in one vowel
   *  romanisations swap, E/I or O/U (phonetic.ts oneSwappedVowel: YARI / YARE, TULU / TOLOU), where otherwise
   *  only a typing slip counts; longer names have the vowels-only rule and the edit budget. The longer name's
   *  bound keeps a long name whose key folds short (LEYENA: LENA) from hitting a short one (LINA). */
  maxSwappedVowelLetters: 4,
  /** Jaro-Winkler floor for a fuzzy name candidate with 2+ edits (watchman's "likely" level). */
  minJaroWinkler: 0.85,
  /** Score of a name equal after normalisation (case, punctuation, NO. 1 / 1, prefixes). */
  exactNameScore: 1.0,
  /** Score of a name equal once spaces are removed (CHON MA SAN / CHONMASAN). */
  compactNameScore: 0.97,
  /** Score of a name equal after transliteration folding (CHEON MA SAN / CHON MA SAN). */
  phoneticNameScore: 0.93,
  /** A name cut where an AIS static report's name field ends (ITU-R M.1371: 20 six-bit characters): a query
   *  of this many characters or more, normalised, that begins a longer listed name is that name cut short
   *  (LUISA CACERES DE ARI). Normalising drops punctuation and may add a space between letters and digits,
   *  so a 20-character field reads 18–21. Tumen's own rule: no screening peer names the cut. */
  aisCutMinChars: 18,
  aisCutMaxChars: 21,
  /** Score of such a cut name: the same letters as far as they go, below a transliteration (the cut part is
   *  unseen). */
  aisCutNameScore: 0.93,
  /** Fuzzy name score: this minus `perEditPenalty` per edit. */
  fuzzyBaseScore: 0.95,
  perEditPenalty: 0.04,
  /** Multiplier when one name carries a number and the other none (CHON MA SAN 1 / CHON MA SAN). */
  missingNumberFactor: 0.85,
  /** Multiplier on a name hit when the query's valid IMO differs from the entry's IMO(s). */
  imoConflictFactor: 0.9,
  /** Multiplier on a name hit when it comes from the query's former name (identity history). */
  formerNameFactor: 0.95,
  /** Identifier scores. An IMO is permanent to a hull: its equality decides. MMSIs and call signs are
   *  reassigned when ships change flag, so alone they make a "possible". */
  imoScore: 1.0,
  mmsiWithNameScore: 0.98,
  mmsiAloneScore: 0.85,
  callsignWithNameScore: 0.95,
  callsignAloneScore: 0.8,
  /** A name agrees with an identifier hit when its name score reaches this. */
  corroboratingNameScore: 0.85,
  /** A ship name with the same words (or the same after transliteration) in another order (ZHUKOV MARSHAL,
   *  HORMUZ 12 IRAN): a "possible", since word order tells two ship names apart more often than two firms'. */
  wordOrderShipScore: 0.9,
  /** Stated owner/operator (party) names: the name-proper scores above apply; these are the party's own. */
  /** Same words in another order (a person's surname first: PETROVSKIY IVAN / IVAN PETROVSKIY). */
  wordOrderPartyScore: 0.97,
  /** Multiplier when both names state a legal form and the forms differ (LLC / LTD): the same name
   *  registered in two jurisdictions may be two firms, so the hit is at most "possible". */
  legalFormDiffersFactor: 0.9,
} as const;

const EDIT_STEPS = SCREENING_PARAMS.maxEditsByLength;

export function maxEditsFor(length: number): number {
  for (let i = 0; i < EDIT_STEPS.length; i++) if (length <= EDIT_STEPS[i][0]) return EDIT_STEPS[i][1];
  return 0;
}
