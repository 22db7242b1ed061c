// Other spellings a queried name may stand for, where one letter of a romanisation stands for another
// letter of the listed spelling by a rule the transliteration key (phonetic.ts) does not fold, because
// folding it everywhere would make too many names alike. Each respelling is looked up by the same form
// only (compact or transliteration key, like another word order), never by similarity.
//  - Korean sound changes: South Korea writes the DPRK initial R as N before A, AE, O, OE, U, EU
//    (RUNG RA / NEUNG RA, RAK RANG / NAKRANG), an R after NG or M as N (RUNG RA DO / NEUNGNADO), and N
//    before R as L (UN RYUL / EULLYUL). The respelling undoes those rules.
//  - Z and S: Persian ز, Spanish Z and Russian З are written S by some (BEHNAVAZ / BEHNAWAS, JAZMIN /
//    JASMIN), while the key folds Z with the affricates (Korean ZA RYOK / JARYEOK). A respelling with S
//    and Z swapped counts only where both names are the same once every Z is read as S (sibilantKey).
//    Korean nasal assimilation: a syllable-final K or P before M or N is said, and in Revised Romanization
//    written, NG or M (백마 BAEK MA / BAENGMA, 십만 SIP MAN / SIMMAN); the respelling writes the stop back.
//  - Chinese names in Wade-Giles, Gwoyeu Romatzyh or Cantonese read as pinyin (chinese.ts: WU HSIEN / WU XIAN,
//    HWA FU / HUA FU, WAH FU / HUA FU), and a name in pinyin written those ways, to find a listed name in
//    Wade-Giles or Cantonese (YU DONG / YUK TUNG).
//  - Misreadings of the written name: a digit between two letters that a scan or a hurried hand took for
//    the letter it resembles (B1CENTENARIO, TA8UK, S1G; 0 for O is folded already in normalise.ts), a lower-case
//    l for a capital I in a word in capitals (BlCENTENARIO), letters a scan splits or joins (RN for M, CL
//    for D, VV for W: SANCLINO), a letter
//    beside a digit in a name of numbers (7-2B for 7-28), and a name written letter by letter (B A T I S).
//    Each gives one other reading of the raw text (`misreadings`).
//  - A Russian name in Polish or Czech spelling (`slavicReadings`): the letters and digraphs those
//    orthographies write for Russian sounds (W, SZ, CZ, RZ, Ż, Ł, Č, Š, Ž, CH for KH, J for Y) read the
//    English way, from the raw text, where the name carries a letter of that orthography.
import { normaliseName, type NormalisedName } from './normalise.js';
import { phoneticKey } from './phonetic.js';
import { chineseReadings, otherChineseForms } from './chinese.js';
import { isRealWord } from './dictionary.js';

export type RespellingRule = 'korean' | 'chinese' | 'slavic' | 'sibilant' | 'misread';

/** Rules that are another romanisation of the same name (scored as a transliteration); the rest are slips
 *  in how the name was written (scored as one edit). */
export const ROMANISATION_RULES: ReadonlySet<RespellingRule> = new Set(['korean', 'chinese', 'slavic']);

export interface Respelling {
  rule: RespellingRule;
  norm: NormalisedName;
}

/** Most letters a rule changes in one name: 3 positions give 7 respellings. */
const MAX_POSITIONS = 3;
/** Shortest respelled name (letters): a short name is too easily another one. */
const MIN_LETTERS = 5;
/** Shortest name read with a digit between letters taken for a letter: the digit itself says the name was
 *  misread, so the reading is not a short name that is another one by chance (S1G for SIG). */
const MIN_MISREAD_LETTERS = 3;
/** Most readings of a Chinese name looked up (its words' readings combined). */
const MAX_CHINESE_READINGS = 15;

/** The transliteration key with Z (not ZH) read as S: the test a sibilant respelling must pass. */
export function sibilantKey(compact: string): string {
  return phoneticKey(compact.replace(/Z(?!H)/g, 'S'));
}

/** Positions of `word` where South Korean spelling has N for a DPRK R: at the start of the word or after
 *  NG or M, before A, O, U or EU (before I and Y the R is dropped instead, which the edit budget covers). */
function koreanN(word: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < word.length; i++) {
    if (word[i] !== 'N') continue;
    const after = word[i + 1];
    if (!(after === 'A' || after === 'O' || after === 'U' || word.startsWith('EU', i + 1))) continue;
    if (i === 0 || word.startsWith('NG', i - 2) || word[i - 1] === 'M') out.push(i);
  }
  return out;
}

/** Every non-empty subset of `positions` applied to `word` by `apply` (position by position). */
function variants(word: string, positions: number[], apply: (w: string[], i: number) => void): string[] {
  const ps = positions.slice(0, MAX_POSITIONS);
  const out: string[] = [];
  for (let mask = 1; mask < 1 << ps.length; mask++) {
    const letters = [...word];
    ps.forEach((p, k) => { if (mask & (1 << k)) apply(letters, p); });
    out.push(letters.join(''));
  }
  return out;
}

/** The name with the words in `alternatives` (per word: itself first) combined, at most `cap` of them. */
function combine(n: NormalisedName, alternatives: string[][], cap: number): NormalisedName[] {
  let forms: string[][] = [[]];
  for (const alts of alternatives) forms = forms.flatMap((f) => alts.map((a) => [...f, a])).slice(0, cap + 1);
  return forms.slice(1).map((words) => normaliseName([...words, ...n.numbers].join(' ')));
}

export function respellings(n: NormalisedName): Respelling[] {
  if (n.compact.length < MIN_LETTERS || n.distinctive === '') return [];
  const cap = (1 << MAX_POSITIONS) - 1;
  const out: Respelling[] = [];
  const korean = n.words.map((w) => {
    const rs = variants(w, koreanN(w), (ls, i) => { ls[i] = 'R'; });
    const ll = [...w.matchAll(/LL/g)].map((m) => m.index);
    for (const v of [w, ...rs]) rs.push(...variants(v, ll, (ls, i) => { ls[i] = 'N'; ls[i + 1] = 'R'; }));
    // Nasal assimilation written back: NG before M or N was K, M before M or N was P (not at the start).
    const nasal = [...w.matchAll(/(?<=[AEIOUY])(?:NG|M)(?=[MN])/g)].map((m) => m.index);
    for (const v of [w, ...rs]) {
      rs.push(...variants(v, nasal, (ls, i) => { if (ls[i] === 'N') { ls[i] = 'K'; ls[i + 1] = ''; } else ls[i] = 'P'; }));
    }
    return [w, ...new Set(rs)];
  });
  if (korean.some((a) => a.length > 1)) for (const norm of combine(n, korean, cap)) out.push({ rule: 'korean', norm });
  const chinese = chineseReadings(n.words);
  if (chinese) for (const norm of combine(n, chinese, MAX_CHINESE_READINGS)) out.push({ rule: 'chinese', norm });
  const other = chinese ? null : otherChineseForms(n.words);
  if (other) for (const norm of combine(n, other, MAX_CHINESE_READINGS)) out.push({ rule: 'chinese', norm });
  const sibilant = n.words.map((w) => {
    const ps = [...w].flatMap((c, i) => ((c === 'S' && w[i + 1] !== 'H') || (c === 'Z' && w[i + 1] !== 'H') ? [i] : []));
    return [w, ...variants(w, ps, (ls, i) => { ls[i] = ls[i] === 'S' ? 'Z' : 'S'; })];
  });
  if (sibilant.some((a) => a.length > 1)) for (const norm of combine(n, sibilant, cap)) out.push({ rule: 'sibilant', norm });
  return out;
}

/** Letters a digit is mistaken for (and back): 1 and I, 5 and S, 8 and B; 0 and O at a word's edge (between
 *  letters normalise.ts reads it already). */
const DIGIT_LETTER: Record<string, string> = { 0: 'O', 1: 'I', 5: 'S', 8: 'B' };
/** A number written as a word at the end of a name (TOUR TWO, AMAPOLA UNO): English and Spanish, as the
 *  registers and port lists ships are screened from write them. */
const NUMBER_WORDS: Record<string, string> = {
  ONE: '1', TWO: '2', THREE: '3', FOUR: '4', FIVE: '5', SIX: '6', SEVEN: '7', EIGHT: '8', NINE: '9', TEN: '10',
  ELEVEN: '11', TWELVE: '12', THIRTEEN: '13', FOURTEEN: '14', FIFTEEN: '15', SIXTEEN: '16', SEVENTEEN: '17',
  EIGHTEEN: '18', NINETEEN: '19', TWENTY: '20', UNO: '1', DOS: '2', TRES: '3', CUATRO: '4', CINCO: '5', SEIS: '6',
  SIETE: '7', OCHO: '8', NUEVE: '9', DIEZ: '10', DOCE: '12', TRECE: '13', CATORCE: '14', QUINCE: '15', VEINTE: '20',
};
/** Digits a letter is mistaken for in a name of numbers: I and L for 1, O for 0, S for 5, B for 8, Z for 2. */
const LETTER_DIGIT: Record<string, string> = { I: '1', L: '1', O: '0', S: '5', B: '8', Z: '2' };

/** Other readings of a raw name: digits between letters (or at a word's edge) read as the letters they
 *  resemble, RN joined into M, CL into D and VV into W, a number word at the end read as the number, a run of three
 *  or more single letters read as one word, and in a name of numbers (7-28) a lone letter beside a digit
 *  read as the digit it resembles. Only readings that change the name: of at least MIN_LETTERS letters
 *  (MIN_MISREAD_LETTERS for a digit read as a letter) with a distinctive word, or of numbers only. */
export function misreadings(raw: string, original: NormalisedName = normaliseName(raw)): Respelling[] {
  const upper = raw.toUpperCase();
  const forms = new Map<string, number>();
  // A lower-case l in a word otherwise in capitals is a capital I as a scan or a sans-serif font shows it
  // (BlCENTENARIO): read before the digits, so that both misreadings of one name are undone together.
  const ell = (raw.includes('l') ? raw.replace(/\S+/g, (t) => (t.includes('l') && /[A-Z].*[A-Z]/.test(t) && /^[A-Zl0-9'.-]+$/.test(t) ? t.replace(/l/g, 'I') : t)) : raw).toUpperCase();
  // A digit between letters, or at a word's edge beside two letters and no other digit (5OBHAN, PH0 THAE).
  const digits = ell.replace(/(?<=[A-Z])[158](?=[A-Z])|(?<![A-Z0-9])[0158](?=[A-Z]{2})|(?<=[A-Z]{2})[0158](?![A-Z0-9])/g, (d) => DIGIT_LETTER[d]);
  if (digits !== upper) forms.set(digits, digits !== ell ? MIN_MISREAD_LETTERS : MIN_LETTERS);
  // A digit read as a letter is evidence of a misreading on its own, so its reading may be a name of
  // generic words of MIN_LETTERS or more (8LUE WAY for BLUE WAY): looked up by the same form, it finds that
  // name only. A shorter one (B1G) is too easily another name.
  const anyWords = digits !== ell && normaliseName(digits).compact.length >= MIN_LETTERS ? digits : null;
  // RN for M, as a scan joins the letters (TERRNEH, RNARIVAN): only where RN cannot be a spelling — at a
  // word's start or after a consonant (CORNER, STERN keep theirs) — or at the end of a word that is no
  // word of the lists (ARTARN for ARTAM; BARN, STERN, SATURN keep theirs).
  const rn = upper.replace(/(?<![A-Z])RN|(?<=[B-DF-HJ-NP-TV-Z])RN/g, 'M')
    .replace(/\b[A-Z]+RN\b/g, (w) => (w.length >= MIN_LETTERS && !isRealWord(w.replace(/VV/g, 'W').replace(/(?<=[A-Z])CL/g, 'D')) ? `${w.slice(0, -2)}M` : w));
  if (rn !== upper) forms.set(rn, MIN_LETTERS);
  // CL for D and VV for W, as a scan splits the letter (SANCLINO for SANDINO): CL not at a word's start,
  // where it is a spelling of its own (CLIPPER, CLARA); a doubled V is no spelling of a ship name. A CL
  // that ends a word ends no spelling, so it says the name was misread as a digit does, and the reading
  // may be as short (HAMCL for HAMD).
  const split = upper.replace(/(?<=[A-Z])CL/g, 'D').replace(/VV/g, 'W');
  if (split !== upper) forms.set(split, /(?<=[A-Z])CL(?![A-Z])/.test(upper) ? MIN_MISREAD_LETTERS : MIN_LETTERS);
  const numberWord = upper.replace(/(?<=[A-Z0-9]\s+)([A-Z]+)$/, (w) => NUMBER_WORDS[w] ?? w);
  if (numberWord !== upper) forms.set(numberWord, MIN_MISREAD_LETTERS);
  const spaced = upper.replace(/\b[A-Z](?:[ .]+[A-Z]\b){2,}/g, (run) => run.replace(/[ .]+/g, ''));
  if (spaced !== upper) forms.set(spaced, MIN_LETTERS);
  // A name of numbers with a letter among them (no word of two letters, more digits than letters).
  if (!/[A-Z]{2}/.test(upper) && upper.replace(/\D/g, '').length > upper.replace(/[^A-Z]/g, '').length) {
    const numbers = upper.replace(/(?<=\d[^A-Z0-9]?)[ILOSBZ]|[ILOSBZ](?=[^A-Z0-9]?\d)/g, (c) => LETTER_DIGIT[c]);
    if (numbers !== upper) forms.set(numbers, 0);
  }
  if (forms.size === 0) return [];
  const out: Respelling[] = [];
  for (const [f, minLetters] of forms) {
    const norm = normaliseName(f);
    const numbersOnly = minLetters === 0 && norm.compact === '' && norm.full !== '';
    if (numbersOnly || (norm.compact !== original.compact && norm.compact.replace(/\d/g, '').length >= minLetters && minLetters > 0
      && (norm.distinctive !== '' || f === anyWords))) {
      out.push({ rule: 'misread', norm });
    }
  }
  return out;
}

// Polish and Czech letters for Russian sounds, read the English way (BGN/PCGN, as normalise.ts reads
// Cyrillic): the digraphs first.
const POLISH: Array<[RegExp, string]> = [
  [/CH/g, 'KH'], [/SZCZ/g, 'SHCH'], [/SZ/g, 'SH'], [/CZ/g, 'CH'], [/RZ/g, 'ZH'], [/Ż/g, 'ZH'], [/Ź/g, 'Z'], [/Ś/g, 'S'],
  [/Ć/g, 'CH'], [/Ł/g, 'L'], [/Ń/g, 'N'], [/Ó/g, 'U'], [/W/g, 'V'], [/J(?=[AEIOUY]|$|\s)/g, 'Y'],
];
const CZECH: Array<[RegExp, string]> = [
  [/CH/g, 'KH'], [/Č/g, 'CH'], [/Š/g, 'SH'], [/Ž/g, 'ZH'], [/Ř/g, 'RZH'], [/Ě/g, 'E'], [/Ů/g, 'U'], [/J(?=[AEIOUY]|$|\s)/g, 'Y'],
];

/** A raw name in Polish or Czech spelling (it carries a letter or a digraph of that orthography: Ł, Ż, SZ,
 *  CZ; Č, Ř), read the English way; the reading only, none for a name of neither. */
export function slavicReadings(raw: string, original?: NormalisedName): Respelling[] {
  const upper = raw.toUpperCase();
  const out: Respelling[] = [];
  for (const [marks, rules] of [[/[ŁŻŹŚĆŃ]|SZ|CZ/, POLISH], [/[ČŘŠŽĚŮ]/, CZECH]] as const) {
    if (!marks.test(upper)) continue;
    let f = upper;
    for (const [re, to] of rules) f = f.replace(re, to);
    const norm = normaliseName(f);
    if (norm.compact !== (original ?? normaliseName(raw)).compact && norm.compact.length >= MIN_LETTERS && norm.distinctive !== '') out.push({ rule: 'slavic', norm });
  }
  return out;
}

/** Every reading of a raw name looked up by the same form: respellings of its normalised form, misreadings
 *  and Polish or Czech readings of the raw text. */
export function allRespellings(raw: string, n: NormalisedName = normaliseName(raw)): Respelling[] {
  return [...respellings(n), ...misreadings(raw, n), ...slavicReadings(raw, n)];
}

/** Whether a listed name found by respelling `r` of query `q` passes the rule's test. */
export function respellingHolds(q: NormalisedName, r: Respelling, listed: NormalisedName): boolean {
  if (listed.compact !== r.norm.compact && listed.phonetic !== r.norm.phonetic) return false;
  return r.rule !== 'sibilant' || sibilantKey(listed.compact) === sibilantKey(q.compact);
}
