// Real words and names, for the rule that a ship named after one is another ship (name-score.ts
// isAnotherRealWord). A ship's name one or two letters from a listed ship's name is usually a typo of it
// when it is no word; when it is a real word or name of its own (MARIANNE for MARIANA, KUDOS for KADOS,
// VIENNA for SIENNA, STELLA for STARLA, PARISIAN for PARISAN, PATRIA for PATRIS, TOMAR for TAMAR), it is
// usually another ship: owners name ships after words, people and places, and a typist's slip seldom lands
// on another real word. Two lists, each shipped as the words of each length written end to end and searched
// in place (no decoding at start: a Set of the English words alone took 40-115 CPU-ms to build):
//  - English words and common given, place and other proper names: SCOWL size 50, as Debian's wamerican
//    ships it (src/reference/data/english-words.json, scripts/english-words-encode.mjs);
//  - words of other languages ships are named in and the words of the World Port Index's port names
//    (src/reference/data/world-words.json, scripts/world-words-encode.mjs; sources in SOURCE.md there);
//  - words of the names of cities of 50,000 people or more, from 6 letters (SALALAH, ANDRIA:
//    src/reference/data/place-words.json, scripts/place-words-encode.mjs).
// Only words of 4 letters or more are kept.
import english from '../reference/data/english-words.json' with { type: 'json' };
import world from '../reference/data/world-words.json' with { type: 'json' };
import places from '../reference/data/place-words.json' with { type: 'json' };

/** Whether `byLength` (each length's sorted words end to end) holds `word`: a binary search in the string
 *  of the words of its length (nothing decoded, nothing allocated). */
function holds(byLength: Readonly<Record<string, string>>, word: string): boolean {
  const n = word.length;
  const s = byLength[n];
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

const ENGLISH: Readonly<Record<string, string>> = english.byLength;
const WORLD: Readonly<Record<string, string>> = world.byLength;
const PLACES: Readonly<Record<string, string>> = places.byLength;

/** Whether an upper-case, accent-free word of 4 letters or more is an English word or a name in the list. */
export function isDictionaryWord(word: string): boolean {
  return holds(ENGLISH, word);
}

/** Whether such a word is a word or name of English or of another language in the lists, or a word of a
 *  port's or a large city's name. */
export function isRealWord(word: string): boolean {
  return holds(ENGLISH, word) || holds(WORLD, word) || holds(PLACES, word);
}

/** How many words the English list holds. */
export const DICTIONARY_WORDS: number = english.count;
/** How many more words the other languages' and the port names' list holds. */
export const WORLD_WORDS: number = world.count;
/** How many more words the city names' list holds. */
export const PLACE_WORDS: number = places.count;
