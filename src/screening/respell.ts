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
//  - Misreadings of the written name: a digit between two letters that a scan or a hurried hand took for
//    the letter it resembles (B1CENTENARIO, TA8UK; 0 for O is folded already in normalise.ts), and a name
//    written letter by letter (B A T I S). Each gives one other reading of the raw text (`misreadings`).
import { normaliseName, type NormalisedName } from './normalise.js';
import { phoneticKey } from './phonetic.js';

export type RespellingRule = 'korean' | 'sibilant' | 'misread';

export interface Respelling {
  rule: RespellingRule;
  norm: NormalisedName;
}

/** Most letters a rule changes in one name: 3 positions give 7 respellings. */
const MAX_POSITIONS = 3;
/** Shortest respelled name (letters): a short name is too easily another one. */
const MIN_LETTERS = 5;

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
    return [w, ...new Set(rs)];
  });
  if (korean.some((a) => a.length > 1)) for (const norm of combine(n, korean, cap)) out.push({ rule: 'korean', norm });
  const sibilant = n.words.map((w) => {
    const ps = [...w].flatMap((c, i) => ((c === 'S' && w[i + 1] !== 'H') || (c === 'Z' && w[i + 1] !== 'H') ? [i] : []));
    return [w, ...variants(w, ps, (ls, i) => { ls[i] = ls[i] === 'S' ? 'Z' : 'S'; })];
  });
  if (sibilant.some((a) => a.length > 1)) for (const norm of combine(n, sibilant, cap)) out.push({ rule: 'sibilant', norm });
  return out;
}

/** Letters a digit is mistaken for (and back): 1 and I, 5 and S, 8 and B. */
const DIGIT_LETTER: Record<string, string> = { 1: 'I', 5: 'S', 8: 'B' };

/** Other readings of a raw name: digits between letters read as the letters they resemble, and a run of
 *  three or more single letters read as one word. Only readings that change the name, of at least
 *  MIN_LETTERS letters. */
export function misreadings(raw: string): Respelling[] {
  const upper = raw.toUpperCase();
  const forms = new Set<string>();
  const digits = upper.replace(/(?<=[A-Z])[158](?=[A-Z])/g, (d) => DIGIT_LETTER[d]);
  if (digits !== upper) forms.add(digits);
  const spaced = upper.replace(/\b[A-Z](?:[ .]+[A-Z]\b){2,}/g, (run) => run.replace(/[ .]+/g, ''));
  if (spaced !== upper) forms.add(spaced);
  const original = normaliseName(raw).compact;
  const out: Respelling[] = [];
  for (const f of forms) {
    const norm = normaliseName(f);
    if (norm.compact !== original && norm.compact.replace(/\d/g, '').length >= MIN_LETTERS && norm.distinctive !== '') out.push({ rule: 'misread', norm });
  }
  return out;
}

/** Whether a listed name found by respelling `r` of query `q` passes the rule's test. */
export function respellingHolds(q: NormalisedName, r: Respelling, listed: NormalisedName): boolean {
  if (listed.compact !== r.norm.compact && listed.phonetic !== r.norm.phonetic) return false;
  return r.rule !== 'sibilant' || sibilantKey(listed.compact) === sibilantKey(q.compact);
}
