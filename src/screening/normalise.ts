// Ship-name normalisation: the same name written by different registries, AIS transponders and lists.
// "M/V Chon-Ma-San No.1", "CHON MA SAN 1" and "chon ma san no 1" all become words [CHON, MA, SAN] +
// numbers [1]. Numbers are kept apart from words because a different number is a different ship
// (SAM JONG 1 / SAM JONG 2 are sister ships, both listed).
import { isGenericWord } from './generic-words.js';
import { romaniseHangul } from './hangul.js';
import { hasArabicScript, romaniseArabicScript } from './arabic-script.js';
import { phoneticKey } from './phonetic.js';

export interface NormalisedName {
  /** Alphabetic tokens in order. */
  words: string[];
  /** Numeric tokens in order, without leading zeros; a roman numeral at the end converted (ARGO I -> 1);
   *  a single trailing letter kept as a series mark (CARLOTA C -> C). */
  numbers: string[];
  /** words + numbers as written, space-separated (the display form for comparisons). */
  full: string;
  /** All words joined without spaces: CHON MA SAN / CHONMASAN / CHON-MASAN -> CHONMASAN. */
  compact: string;
  /** Words that are not generic, joined: what must agree for a fuzzy match. */
  distinctive: string;
  /** Transliteration-folded compact form (see phonetic.ts). */
  phonetic: string;
  phoneticDistinctive: string;
  /** Read from a script that leaves short vowels unwritten (Persian and Arabic: arabic-script.ts), so only
   *  its consonants can be compared; absent otherwise. */
  unwrittenVowels?: true;
}

/** Leading tokens that are ship-type prefixes, not part of the name (after punctuation became spaces). */
const PREFIXES = [['M', 'V'], ['M', 'T'], ['M', 'S'], ['MV'], ['MT'], ['MS'], ['SS'], ['FV'], ['MY'], ['THE']];

const ROMAN = /^(X{0,2})(IX|IV|V?I{0,3})$/;
const ROMAN_VALUE: Record<string, number> = { I: 1, V: 5, X: 10 };

function romanToNumber(s: string): number | null {
  if (s === '' || !ROMAN.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUE[s[i]];
    const next = ROMAN_VALUE[s[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

// Russian Cyrillic to Latin (BGN/PCGN 1947, simplified): fleet lists and registries may write Russian
// names in Cyrillic while the sanctions lists and AIS (6-bit ASCII) use Latin letters.
const CYRILLIC: Record<string, string> = {
  А: 'A', Б: 'B', В: 'V', Г: 'G', Д: 'D', Е: 'E', Ё: 'YE', Ж: 'ZH', З: 'Z', И: 'I', Й: 'Y', К: 'K', Л: 'L', М: 'M',
  Н: 'N', О: 'O', П: 'P', Р: 'R', С: 'S', Т: 'T', У: 'U', Ф: 'F', Х: 'KH', Ц: 'TS', Ч: 'CH', Ш: 'SH', Щ: 'SHCH',
  Ъ: '', Ы: 'Y', Ь: '', Э: 'E', Ю: 'YU', Я: 'YA', І: 'I', Ї: 'YI', Є: 'YE', Ґ: 'G',
};

export function transliterateCyrillic(s: string): string {
  return /[\u0400-\u04ff]/.test(s) ? [...s.toUpperCase()].map((c) => CYRILLIC[c] ?? c).join('') : s;
}

// Greek to Latin (ELOT 743 / ISO 843, the reading Greek registers and ships' Latin names use: ΘΕΟΔΩΡΟΣ ->
// THEODOROS, Η and Υ as I and Y, Χ as CH): a Greek register or fleet list may give the name in Greek while the
// lists and AIS write it in Latin letters. The vowel pairs ΟΥ, ΑΥ, ΕΥ and ΓΓ/ΓΚ are read as the pair they
// write (OU, AV, EV, NG), the rest letter by letter; the tonos and dialytika are dropped first.
const GREEK: Record<string, string> = {
  Α: 'A', Β: 'V', Γ: 'G', Δ: 'D', Ε: 'E', Ζ: 'Z', Η: 'I', Θ: 'TH', Ι: 'I', Κ: 'K', Λ: 'L', Μ: 'M', Ν: 'N', Ξ: 'X',
  Ο: 'O', Π: 'P', Ρ: 'R', Σ: 'S', Τ: 'T', Υ: 'Y', Φ: 'F', Χ: 'CH', Ψ: 'PS', Ω: 'O',
};
const GREEK_PAIRS: Record<string, string> = { ΟΥ: 'OU', ΑΥ: 'AV', ΕΥ: 'EV', ΓΓ: 'NG', ΓΚ: 'GK', ΓΧ: 'NCH' };

export function transliterateGreek(s: string): string {
  if (!/[\u0370-\u03ff\u1f00-\u1fff]/.test(s)) return s;
  const upper = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
  return upper.replace(/ΟΥ|ΑΥ|ΕΥ|ΓΓ|ΓΚ|ΓΧ|[Α-Ω]/g, (g) => GREEK_PAIRS[g] ?? GREEK[g] ?? g);
}

// Latin letters that Unicode does not decompose into a base letter and an accent, so stripping accents
// would drop them (Polish WŁADYSŁAW became W ADYS AW): written as the letters they are read as.
const UNDECOMPOSED: Record<string, string> = { Ł: 'L', Ø: 'O', Đ: 'D', Ð: 'D', Æ: 'AE', Œ: 'OE', Þ: 'TH', Ħ: 'H', Ŧ: 'T', Ŀ: 'L' };

/** Ship-type designations registers and fleet lists print after a name, in brackets ("PATRIS (M/T)",
 *  "ORION [TANKER]"): not part of the name. Single letters of a bracket (M/T, M.V.) are read joined. */
export const TYPE_WORDS: ReadonlySet<string> = new Set([
  'MV', 'MT', 'MS', 'MY', 'SS', 'FV', 'TS', 'SV', 'MOTOR', 'VESSEL', 'SHIP', 'TANKER', 'OIL', 'CRUDE', 'PRODUCT', 'PRODUCTS',
  'CHEMICAL', 'GAS', 'LPG', 'LNG', 'CARRIER', 'BULK', 'BULKER', 'CARGO', 'GENERAL', 'CONTAINER', 'REEFER', 'TUG', 'BARGE',
  'FISHING', 'TRAWLER', 'RO', 'RORO', 'FERRY', 'PASSENGER', 'YACHT', 'DREDGER', 'SUPPLY',
]);

function isTypeDesignation(inside: string): boolean {
  const pieces = inside.toUpperCase().split(/[^A-Z]+/).filter(Boolean);
  const words: string[] = [];
  pieces.forEach((p, i) => {
    // Runs of single letters are one abbreviation: M/T, M.V., F/V.
    if (p.length === 1 && i > 0 && pieces[i - 1].length === 1) words[words.length - 1] += p;
    else words.push(p);
  });
  return words.length > 0 && words.every((w) => TYPE_WORDS.has(w));
}

/** The name without a bracketed ship-type designation, nor a trailing slashed one (PATRIS M/T). */
export function dropTypeSuffix(raw: string): string {
  const out = raw.replace(/\s*[([]([^()[\]]*)[)\]]/g, (whole, inside: string) => (isTypeDesignation(inside) ? ' ' : whole))
    .replace(/[\s,;-]+\b[MF]\s*\/\s*[TVSY]\b\.?\s*$/i, '').trim();
  return out === '' ? raw : out;
}

export function tokenise(raw: string): string[] {
  const s = transliterateCyrillic(romaniseHangul(dropTypeSuffix(raw)))
    .toUpperCase()
    .replace(/[ŁØĐÐÆŒÞĦŦĿ]/g, (c) => UNDECOMPOSED[c])
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '') // strip accents: MARÍA -> MARIA
    .toUpperCase()
    .replace(/&/g, ' AND ')
    .replace(/['’`´]/g, '') // ST. JOHN'S -> ST JOHNS
    .replace(/\b(?:NO|NR|NUM|NUMBER)\b\.?\s*(?=\d)/g, ' ') // "NO.1", "NO 1", "NR 1" -> "1"
    // A zero between two letters is the letter O mistyped (D0RE, SEVAST0POL): no ship name has one.
    .replace(/(?<=[A-Z])0(?=[A-Z])/g, 'O')
    .replace(/[^A-Z0-9]+/g, ' ')
    .replace(/([A-Z])(\d)/g, '$1 $2') // VALFAJR2 -> VALFAJR 2
    .replace(/(\d)([A-Z])/g, '$1 $2');
  const tokens = s.split(' ').filter(Boolean);
  for (const p of PREFIXES) {
    if (tokens.length > p.length && p.every((t, i) => tokens[i] === t)) { tokens.splice(0, p.length); break; }
  }
  return tokens;
}

export function normaliseName(raw: string): NormalisedName {
  // Persian, Arabic and Greek script are read for ship names only: party names (party-name.ts) keep the
  // saved party index's reading, which drops those letters.
  const tokens = tokenise(transliterateGreek(romaniseArabicScript(raw)));
  const words: string[] = [];
  const numbers: string[] = [];
  tokens.forEach((t, i) => {
    if (/^\d+$/.test(t)) { numbers.push(t.replace(/^0+(?=\d)/, '')); return; }
    // HO right after a number is the Korean number mark 호 (SAM MA 2HO, DPRK registers): not a word.
    if (t === 'HO' && i > 0 && /^\d+$/.test(tokens[i - 1])) return;
    // A roman numeral as the last token of a longer name is a number: ARGO I, BICENTENARIO XIV.
    const last = i === tokens.length - 1 && tokens.length > 1;
    const roman = last ? romanToNumber(t) : null;
    if (roman !== null) { numbers.push(String(roman)); return; }
    // A single trailing letter is a series mark like a number (CARLOTA C, not CARLOTA or CARLOTA D).
    if (last && t.length === 1 && words.length > 0) { numbers.push(t); return; }
    words.push(t);
  });
  const distinctiveWords = words.filter((w) => !isGenericWord(w));
  return {
    words,
    numbers,
    full: [...words, ...numbers].join(' '),
    compact: words.join(''),
    distinctive: distinctiveWords.join(''),
    // Folded on the joined form, so run-together and split spellings fold alike (RYE SONG GANG / RYESONGKANG).
    phonetic: phoneticKey(words.join('')),
    phoneticDistinctive: phoneticKey(distinctiveWords.join('')),
    ...(hasArabicScript(raw) ? { unwrittenVowels: true as const } : {}),
  };
}

/** Call signs: upper case, no spaces or punctuation. */
export function normaliseCallsign(raw: string): string {
  return raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** MMSI: nine digits, else null. */
export function normaliseMmsi(raw: string | number | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const s = String(raw).trim();
  return /^\d{9}$/.test(s) ? s : null;
}

/** Longest name (in words) whose other word orders are tried: 4 words give 23 more orders. */
const MAX_REORDERED_WORDS = 4;

/** The name with its words in every other order (numbers kept): ZHUKOV MARSHAL -> MARSHAL ZHUKOV. Fleet
 *  lists and registries put a person's surname first or a place name last (HORMUZ 12 IRAN); a listed
 *  ship is looked up by these orders only for the same words, never for similar ones (screen.ts). */
export function otherWordOrders(n: NormalisedName): NormalisedName[] {
  if (n.words.length < 2 || n.words.length > MAX_REORDERED_WORDS || n.distinctive === '') return [];
  const out = new Map<string, NormalisedName>();
  for (const order of permutations(n.words)) {
    const compact = order.join('');
    if (compact === n.compact || out.has(compact)) continue;
    out.set(compact, normaliseName([...order, ...n.numbers].join(' ')));
  }
  return [...out.values()];
}

function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [[...xs]];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}
