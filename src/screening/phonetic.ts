// A transliteration-folding key for ship names. The same Korean, Russian, Chinese or Persian name reaches
// the lists and AIS in several romanisations: McCune-Reischauer vs Revised Romanization for Korean
// (CHON / CHEON / JON, PHYONG / PYONG, GANG / KANG, PAEK / BAEK, RYONG / LYONG), GOST vs BGN/PCGN for
// Russian (MAKSIM / MAXIM, GORKIY / GORKY, ZHUKOV), and ad-hoc spellings of Persian (YOUSEF / YUSEF).
// The key folds those differences (aspiration marks, voiced/unvoiced stop pairs, R/L, vowel digraphs,
// Y/I, doubled letters) so two romanisations of one name get one key. It is deliberately coarse: it is
// only ever compared whole-name to whole-name, never used to match a single word.

const DIGRAPHS: Array<[RegExp, string]> = [
  // Affricates: CH'ON / CHON / JON; TS / C in Russian; Z where it is one (Korean ㅈ as ZA RYOK / JARYEOK,
  // pinyin ZI / Wade-Giles TZU, German and Italian Z), not a voiced S.
  [/TCH|TSCH|CHH|CH|TS|TZ|ZH|DZH|DZ|DJ|J|Z/g, 'J'],
  [/PH/g, 'P'], [/TH/g, 'T'], [/KH/g, 'K'], [/GH/g, 'G'], [/SH+/g, 'S'], // aspirated / fricative marks
  [/X/g, 'KS'], [/Q/g, 'K'], [/CK/g, 'K'],
  [/EO|OE/g, 'O'], [/EU|OU|OO|UE/g, 'U'], [/AE|AI|AY|EI|EY/g, 'E'], [/EE|IE|IY|YI|II|YY/g, 'I'],
  [/W/g, 'V'],
];
const SINGLE: Record<string, string> = { G: 'K', D: 'T', B: 'P', R: 'L', Y: 'I', C: 'K', F: 'P' };

// Words repeat across a fleet file and a list: remember their keys (bounded).
const memo = new Map<string, string>();
const MEMO_MAX = 100_000;

export function phoneticKey(word: string): string {
  const hit = memo.get(word);
  if (hit !== undefined) return hit;
  const key = computeKey(word);
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(word, key);
  return key;
}

function computeKey(word: string): string {
  let s = word;
  for (const [re, to] of DIGRAPHS) s = s.replace(re, to);
  let out = '';
  for (const ch of s) {
    const c = SINGLE[ch] ?? ch;
    if (out[out.length - 1] !== c) out += c; // doubled letters: MARIANNA / MARIANA
  }
  // Word-final H after a vowel is silent in most romanisations (SHAH / SHA, ALLAH / ALLA).
  return out.length > 2 ? out.replace(/([AEIOU])H$/, '$1') : out;
}

/** Shortest consonant skeleton compared by sameConsonants, and shortest names (letters, both) it is used
 *  for: two consonants (TULU / TOLOU) or a short name (MAX / MAGUS: MKS) leave too many different names
 *  alike, since vowels are what tell short names apart. */
export const MIN_SKELETON_LETTERS = 3;
export const MIN_VOWEL_VARIANT_LETTERS = 5;

/** A transliteration key without its vowels: LAOTIKIA (LAODIKIA) -> LTK. */
export function consonantSkeleton(key: string): string {
  return key.replace(/[AEIOU]/g, '');
}

/** The consonants of a transliteration key as sameConsonants counts them: its skeleton's, and an initial I
 *  before a vowel, which is the consonant Y the key writes as I (YOUSEF: IUSEP, YAHYA: IAHIA) and which the
 *  skeleton drops with the vowels. */
export function consonantCount(key: string): number {
  return consonantSkeleton(key).length + (INITIAL_GLIDE.test(key) ? 1 : 0);
}
const INITIAL_GLIDE = /^I[AEIOU]/;

/** Two transliteration keys that differ in vowels only, with at least MIN_SKELETON_LETTERS consonants
 *  (consonantCount): Persian and Arabic vowels are written E or I, O or OU, A or E by whoever romanises them
 *  (FEROOZEH / FIROUZEH, ZOMORROD / ZOMOROUD, YOUSEF / YUSUF), Greek ones I or E (LAODIKIA / LAODICEA),
 *  Korean O or EO or U. */
export function sameConsonants(a: string, b: string): boolean {
  const k = consonantSkeleton(a);
  // Counted before the other key is stripped: most pairs asked (scoring's word pairs) have too few.
  if (k.length + (INITIAL_GLIDE.test(a) ? 1 : 0) < MIN_SKELETON_LETTERS) return false;
  return k === consonantSkeleton(b) && k.length + (INITIAL_GLIDE.test(b) ? 1 : 0) >= MIN_SKELETON_LETTERS;
}

const VOWELS = ['A', 'E', 'I', 'O', 'U'];

/** Keys with one vowel of `key` changed (not an initial glide's I): how a name of few consonants whose
 *  skeleton is too short to be a consonant key (v keys: blocking.ts, index.ts) finds its other vowel
 *  spellings, by their keys (YUSUF: IUSUP finds YOUSEF's IUSEP). */
export function changedVowelVariants(key: string): string[] {
  const out: string[] = [];
  for (let i = INITIAL_GLIDE.test(key) ? 1 : 0; i < key.length; i++) {
    if (!VOWELS.includes(key[i])) continue;
    for (const v of VOWELS) if (v !== key[i]) out.push(key.slice(0, i) + v + key.slice(i + 1));
  }
  return out;
}

/** Most unwritten vowels filled in by filledVowelVariants (6 choices each: 3 give 216 keys). */
const MAX_FILLED_VOWELS = 3;

/** Keys with the short vowels a script leaves unwritten filled in: none or one vowel after each consonant
 *  that no vowel follows (IUNS, read from يونس, gives IUNES, IUNAS, IUNUS… as YOUNES and YUNUS are keyed).
 *  How a name read from Persian or Arabic script (arabic-script.ts) whose consonant skeleton is too short
 *  to be a consonant key (v keys), but which has an initial glide, finds its listed spellings by their keys. */
export function filledVowelVariants(key: string): string[] {
  const gaps: number[] = [];
  for (let i = 0; i < key.length; i++) if (!VOWELS.includes(key[i]) && !VOWELS.includes(key[i + 1] ?? '') && (i > 0 || !INITIAL_GLIDE.test(key))) gaps.push(i + 1);
  if (gaps.length === 0 || gaps.length > MAX_FILLED_VOWELS) return [];
  let forms = [key];
  for (const at of [...gaps].reverse()) forms = forms.flatMap((f) => [f, ...[...VOWELS].map((v) => f.slice(0, at) + v + f.slice(at))]);
  return forms.filter((f) => f !== key);
}

/** The vowels romanisations swap in short names: E and I (Persian and Arabic kasra, YARE / YARI), O and U
 *  (Persian and Arabic damma, Korean ㅗ/ㅜ: TOLOU / TULU, NOOR / NUR). */
const SWAPPED_VOWEL: Readonly<Record<string, string>> = { E: 'I', I: 'E', O: 'U', U: 'O' };

/** Transliteration keys of one length that differ in one letter only, E for I or O for U (either way). */
export function oneSwappedVowel(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let at = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (at >= 0) return false;
    at = i;
  }
  return at >= 0 && SWAPPED_VOWEL[a[at]] === b[at];
}

/** Every key one swapped vowel from `key` (oneSwappedVowel), to look listed keys up by. */
export function swappedVowelVariants(key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < key.length; i++) {
    const to = SWAPPED_VOWEL[key[i]];
    if (to) out.push(key.slice(0, i) + to + key.slice(i + 1));
  }
  return out;
}
