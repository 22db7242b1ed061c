// English words and common given, place and other proper names (SCOWL size 50, as Debian's wamerican ships it:
// src/reference/data/english-words.json, SOURCE.md there). A ship's name one or two letters from a listed
// ship's name is usually a typo of it when it is no word; when it is a real word or name of its own
// (MARIANNE for MARIANA, KUDOS for KADOS, VIENNA for SIENNA, STELLA for STARLA, PARISIAN for PARISAN), it
// is usually another ship: owners name ships after words and people, and a typist's slip seldom lands on
// another real word. name-score.ts uses it for that. Only words of 4 letters or more are kept.
import data from '../reference/data/english-words.json' with { type: 'json' };

/** Words of each length, sorted, written end to end (scripts/english-words-encode.mjs). */
const BY_LENGTH: Readonly<Record<string, string>> = data.byLength;

/** Whether an upper-case, accent-free word of 4 letters or more is an English word or a name in the list:
 *  a binary search in the string of the words of its length (nothing decoded, nothing allocated). */
export function isDictionaryWord(word: string): boolean {
  const n = word.length;
  const s = BY_LENGTH[n];
  if (n < 4 || s === undefined) return false;
  let lo = 0;
  let hi = s.length / n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = mid * n;
    let c = 0;
    for (let i = 0; i < n && c === 0; i++) c = s.charCodeAt(at + i) - word.charCodeAt(i);
    if (c === 0) return true;
    if (c < 0) lo = mid + 1; else hi = mid - 1;
  }
  return false;
}

/** How many words the list holds. */
export const DICTIONARY_WORDS: number = data.count;
