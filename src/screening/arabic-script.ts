// Persian and Arabic script to Latin letters, letter by letter: port-call lists, registers and the press of
// Iran and the Arab states write ship names in their own script, while the sanctions lists and AIS (6-bit
// ASCII) carry them romanised (NEGEEN, BADR, ADRIAN DARYA). The script writes consonants and long vowels
// only (short vowels are left to the reader), so a name read from it is compared by its consonants
// (name-score.ts, `unwrittenVowels`), not letter by letter. Written by hand after the Library of Congress
// romanisation tables for Persian and Arabic (ALA-LC), with the choices the lists' spellings make: Persian
// values where the two languages differ (ث S, ذ ض ظ Z, ق GH — the key folds Q, GH and G alike), ع and
// hamza dropped (the lists drop them: ABBAS, not ‘ABBAS), و and ی read as the consonants V and Y at a
// word's start or after a vowel and as the long vowels U and I elsewhere, and a word-final ه or ة after a
// consonant read as the -EH / -AH ending the lists write (AZADEH, ZOHREH).

const LETTERS: Readonly<Record<string, string>> = {
  'ا': 'A', 'آ': 'A', 'أ': 'A', 'إ': 'E', 'ٱ': 'A', 'ء': '', 'ؤ': 'U', 'ئ': 'I', 'ع': '',
  'ب': 'B', 'پ': 'P', 'ت': 'T', 'ث': 'S', 'ج': 'J', 'چ': 'CH', 'ح': 'H', 'خ': 'KH', 'د': 'D', 'ذ': 'Z',
  'ر': 'R', 'ز': 'Z', 'ژ': 'ZH', 'س': 'S', 'ش': 'SH', 'ص': 'S', 'ض': 'Z', 'ط': 'T', 'ظ': 'Z', 'غ': 'GH',
  'ف': 'F', 'ق': 'GH', 'ک': 'K', 'ك': 'K', 'گ': 'G', 'ل': 'L', 'م': 'M', 'ن': 'N',
};
/** Letters that are a consonant or a long vowel by their place (see above). */
const WAW = new Set(['و']);
const YEH = new Set(['ی', 'ي', 'ى']);
const HEH = new Set(['ه', 'ة']);
/** Arabic-Indic and Persian digits. */
const DIGIT_BASES = [0x660, 0x6f0];

/** Whether the text holds letters of the Arabic script (Persian and Arabic alike). */
export function hasArabicScript(s: string): boolean {
  return /[\u0621-\u064a\u0671-\u06d3]/.test(s);
}

/** The text with every Persian or Arabic letter romanised (above) and the vowel marks, tatweel and
 *  zero-width joiners dropped; other characters kept. */
export function romaniseArabicScript(s: string): string {
  if (!hasArabicScript(s)) return s;
  const chars = [...s.replace(/[\u064b-\u065f\u0670\u0640\u200c\u200d]/g, '')];
  let out = '';
  const isLetter = (c: string | undefined): boolean => c !== undefined && /[\u0621-\u064a\u0671-\u06d3]/.test(c);
  chars.forEach((c, i) => {
    const code = c.codePointAt(0)!;
    for (const base of DIGIT_BASES) if (code >= base && code <= base + 9) { out += String(code - base); return; }
    const before = chars[i - 1];
    const start = !isLetter(before);
    const end = !isLetter(chars[i + 1]);
    // After a long vowel (alef, or a waw or yeh read as one) the letter opens a syllable: a consonant.
    const afterVowel = before !== undefined && /[AIUE]$/.test(out) && isLetter(before);
    if (WAW.has(c)) out += start || afterVowel ? 'V' : 'U';
    else if (YEH.has(c)) out += start || afterVowel ? 'Y' : 'I';
    else if (HEH.has(c)) out += end && !start && !/[AIU]$/.test(out) ? (c === 'ة' ? 'AH' : 'EH') : 'H';
    else out += LETTERS[c] ?? c;
  });
  return out;
}
