// Chinese names in other romanisations than pinyin. The lists write Chinese ship names in pinyin (WU XIAN,
// HUA FU, HAO FAN 6), while older registers, Taiwan and Hong Kong write the same characters in Wade-Giles
// (HSIEN for XIAN, JEN for REN, TUNG for DONG, CH'ING for QING) or in Cantonese (WAH for 華 HUA, HOU for
// 好 HAO, KWONG for 光 GUANG). The transliteration key (phonetic.ts) folds what the three share (aspiration,
// voiced/unvoiced stops, doubled letters); these readings give the pinyin a name written otherwise stands
// for, to be looked up by the same form only (respell.ts), never by similarity.
// A name is read so only when every word is a Chinese syllable (pinyin, Wade-Giles, Gwoyeu Romatzyh or a
// Cantonese syllable of the table) and at least one word is not pinyin: a name in pinyin is left alone, and an English or
// Persian name never reaches these tables.

/** Pinyin syllables (without tones; Ü written U or V): an initial and a final that may follow it; after J, Q
 *  and X the U is Ü (XUN, JUAN, QUE). */
const PINYIN = /^(?:(?:ZH|CH|SH|[BPMFDTNLGKHRZCSYW])?(?:A|AI|AN|ANG|AO|E|EI|EN|ENG|ER|O|ONG|OU|U|UA|UAI|UAN|UANG|UE|UI|UN|UO|V)|(?:[BPMDTNLJQXY])?(?:I|IA|IAN|IANG|IAO|IE|IN|ING|IONG|IU)|(?:ZH|CH|SH|[RZCS])I|[JQX](?:U|UE|UAN|UN))$/;

export function isPinyinSyllable(word: string): boolean {
  return PINYIN.test(word);
}

/** Wade-Giles syllables read as pinyin, rule by rule (apostrophes are gone after normalise.ts): whole
 *  syllables first, then initials and finals. Stops (K/G, T/D, P/B) and CH/J need no rule: the key folds
 *  them. Returns the readings that are pinyin syllables. */
export function wadeGilesReadings(word: string): string[] {
  const whole: Record<string, string> = { SZU: 'SI', SSU: 'SI', TZU: 'ZI', TSU: 'ZI', ERH: 'ER', YEH: 'YE', JIH: 'RI', CHIH: 'ZHI', SHIH: 'SHI', YEN: 'YAN', YUEH: 'YUE' };
  if (whole[word]) return [whole[word]];
  let w = word
    .replace(/^HS/, 'X') // HSIEN / XIAN, HSIN / XIN
    .replace(/^J(?=[AEOU])/, 'R') // JEN / REN, JUNG / RONG
    .replace(/IEN$/, 'IAN')
    .replace(/IEH$/, 'IE').replace(/UEH$/, 'UE')
    .replace(/IH$/, 'I')
    .replace(/UNG$/, 'ONG'); // TUNG / DONG, IUNG / IONG
  w = w.replace(/^TS|^TZ/, 'Z');
  const out = new Set<string>();
  // CH' before I or U (the apostrophe lost) may be Q: CH'ING / QING, CH'IEN / QIAN.
  for (const v of [w, w.replace(/^CH(?=[IU])/, 'Q'), w.replace(/^Z/, 'C')]) if (v !== word && isPinyinSyllable(v)) out.add(v);
  return [...out];
}

/** Gwoyeu Romatzyh (National Romanization, the Republic of China's system of 1928, still met in older
 *  Taiwanese names) writes the tone into the letters; undoing its tone spellings gives the Wade-Giles-like
 *  base form, read as pinyin by the same rules: tone 2 writes a medial U as W and I as Y, or adds R after a
 *  final vowel (HWA for HUA 華, LYAN for LIAN); tone 3 doubles the vowel or writes I as E and U as O (HAO
 *  for HAO, HOA for HUA, MAA for MA); tone 4 writes a final I as Y, U as W, N as NN, NG as NQ, or adds H
 *  (HUAH, DAY for DAI). Returns the pinyin readings. */
export function gwoyeuReadings(word: string): string[] {
  const bases = new Set<string>();
  const undo: Array<[RegExp, string]> = [
    [/^([^AEIOUWY]+)W/, '$1U'], [/^([^AEIOUWY]+)Y(?=[AEIOU])/, '$1I'], // tone 2 medials
    [/([AEIOU])R$/, '$1'], // tone 2 R after a vowel (not ER, which is a syllable of its own)
    [/([AEIOU])\1/, '$1'], // tone 3 doubled vowel
    [/^([^AEIOU]+)OA/, '$1UA'], [/^([^AEIOU]+)EA/, '$1IA'], // tone 3 medials
    [/([AEIOU])Y$/, '$1I'], [/([AEIOU])W$/, '$1U'], [/NN$/, 'N'], [/NQ$/, 'NG'], [/([AEIOU])H$/, '$1'], // tone 4
  ];
  for (const [re, to] of undo) {
    if (word === 'ER' || word === 'EL') continue;
    const b = word.replace(re, to);
    if (b !== word) bases.add(b);
  }
  const out = new Set<string>();
  for (const b of bases) {
    if (isPinyinSyllable(b)) out.add(b);
    for (const r of wadeGilesReadings(b)) out.add(r);
  }
  return [...out];
}

/** Cantonese syllables of characters common in ship and company names (Hong Kong government spelling, and
 *  Jyutping where it differs: HOU, FAAN), with the pinyin of the characters they write. Only syllables whose
 *  pinyin the key does not reach already. */
export const CANTONESE: Readonly<Record<string, readonly string[]>> = {
  WAH: ['HUA'], WA: ['HUA'], WO: ['HE'], WOO: ['HU'], WONG: ['HUANG', 'WANG'], WING: ['YONG', 'RONG'], WAI: ['WEI', 'HUI'],
  WUI: ['HUI'], WAN: ['YUN'],
  HOI: ['HAI', 'KAI'], HOU: ['HAO'], HING: ['XING'], HEUNG: ['XIANG'], HEI: ['XI'], HIN: ['XIAN'], HIP: ['XIE'], HAU: ['HOU'],
  HONG: ['KANG', 'HANG'], HUNG: ['HONG', 'XIONG'], HANG: ['HENG', 'XING'], HOP: ['HE'], HUEN: ['XUAN'],
  KWONG: ['GUANG'], KWOK: ['GUO'], KWAI: ['GUI'], KWAN: ['JUN', 'GUAN'], KAM: ['JIN'], KEI: ['JI'], KA: ['JIA'], KAI: ['JIA'],
  KIU: ['QIAO'], KING: ['JING', 'QING'], KIN: ['JIAN'], KIT: ['JIE'], KONG: ['JIANG', 'GANG'], KAU: ['JIU', 'QIU'],
  KEUNG: ['QIANG'], KUK: ['JU'],
  CHEUNG: ['ZHANG', 'XIANG', 'CHANG'], CHEONG: ['CHANG', 'ZHANG'], CHUNG: ['ZHONG', 'SONG', 'ZONG'], CHAU: ['ZHOU', 'QIU'],
  CHAN: ['CHEN'], CHIU: ['ZHAO', 'QIAO'], CHUEN: ['QUAN', 'CHUAN'], CHOI: ['CAI'], CHOW: ['ZHOU'], CHING: ['ZHENG', 'QING', 'CHENG'],
  CHIN: ['QIAN', 'ZHAN'], CHEUK: ['ZHUO'],
  TSZ: ['ZI', 'CI'], TSE: ['XIE'], TSUI: ['XU', 'CUI'], TSANG: ['ZENG', 'CENG'], TSUN: ['JUN', 'ZUN'], TSOI: ['CAI'], TSIN: ['QIAN'],
  TSING: ['JING', 'QING'], TSUEN: ['QUAN'],
  SUN: ['XIN'], SAN: ['SHAN', 'XIN'], SANG: ['SHENG'], SING: ['XING', 'SHENG', 'CHENG'], SHING: ['CHENG', 'SHENG'], SAU: ['XIU', 'SHOU'],
  SAI: ['XI', 'SHI'], SZE: ['SI', 'SHI'], SIU: ['XIAO', 'SHAO'], SIN: ['XIAN', 'SHAN'], SEK: ['SHI'], SHEK: ['SHI'], SUEN: ['SUN', 'XUAN'],
  SUM: ['SHEN', 'XIN'], SIK: ['SHI', 'XI'],
  FAT: ['FA'], FAI: ['HUI'], FUK: ['FU'], FUNG: ['FENG'], FOOK: ['FU'], FOO: ['FU'], FAAN: ['FAN'],
  LUNG: ['LONG'], LEE: ['LI'], LAU: ['LIU'], LAM: ['LIN'], LEUNG: ['LIANG'], LUEN: ['LIAN'], LIN: ['LIAN'], LOK: ['LE', 'LUO'],
  LOI: ['LAI'], LUK: ['LU'],
  TUNG: ['DONG', 'TONG'], TAI: ['DA'], TAK: ['DE'], TAT: ['DA'], TIN: ['TIAN'], TOI: ['TAI'],
  ON: ['AN'], OI: ['AI'],
  YAT: ['YI', 'RI'], YAN: ['REN', 'EN', 'XIN'], YAU: ['YOU'], YEUNG: ['YANG'], YUEN: ['YUAN'], YUK: ['YU'], YUET: ['YUE'], YIP: ['YE'],
  YUNG: ['RONG', 'YONG'], YEE: ['YI'],
  MAN: ['WEN', 'WAN', 'MIN'], MUN: ['MEN', 'MAN'], MAU: ['MAO'],
  NAM: ['NAN'], NGAI: ['YI', 'WEI'], NG: ['WU'], NGAN: ['YAN', 'YIN'],
  PAK: ['BAI', 'BEI'], PO: ['BAO'], PUI: ['BEI', 'PEI'], PONG: ['BANG'],
};

/** The pinyin readings of a name's words, per word (itself first), when the name reads as Chinese in
 *  another romanisation; null otherwise. */
export function chineseReadings(words: readonly string[]): string[][] | null {
  if (words.length === 0) return null;
  let foreign = false;
  const out: string[][] = [];
  for (const w of words) {
    // Cheap shape test first: no Chinese syllable has more than 6 letters or two vowels apart.
    if (w.length > 6 || !WORD_SHAPE.test(w)) return null;
    const pinyin = isPinyinSyllable(w);
    const readings = pinyin ? [...new Set([w, ...(CANTONESE[w] ?? [])])] : foreignReadings(w);
    if (!pinyin && readings.length === 1) return null; // not a syllable of any of the systems
    if (!pinyin) foreign = true;
    out.push(readings);
  }
  return foreign ? out : null; // every word a syllable, one at least not pinyin
}

// Words repeat across a fleet file: remember the readings of a word that is no pinyin (bounded).
const memo = new Map<string, string[]>();
const MEMO_MAX = 50_000;

/** A word that is no pinyin syllable, itself first, then its pinyin readings (Wade-Giles, Gwoyeu Romatzyh,
 *  Cantonese). */
function foreignReadings(w: string): string[] {
  let r = memo.get(w);
  if (r === undefined) {
    r = [...new Set([w, ...wadeGilesReadings(w), ...gwoyeuReadings(w), ...(CANTONESE[w] ?? [])])];
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(w, r);
  }
  return r;
}

/** An optional initial of consonants, one run of vowels, an optional final of consonants. */
const WORD_SHAPE = /^[^AEIOUY]*[AEIOUY]+[^AEIOUY]*$|^(?:NG|TSZ)$/;

/** Wade-Giles for a pinyin syllable (the other way from wadeGilesReadings): the letters that differ and
 *  that the key does not fold (X/HS, R/J, ONG/UNG, IAN/IEN, whole syllables). Stops and affricates need no
 *  rule (the key folds B/P, D/T, G/K, ZH/CH/J/Z/Q). Null where nothing changes. */
export function pinyinToWadeGiles(syllable: string): string | null {
  const whole: Record<string, string> = { SI: 'SZU', ZI: 'TZU', CI: 'TZU', ER: 'ERH', YE: 'YEH', RI: 'JIH', ZHI: 'CHIH', SHI: 'SHIH', YAN: 'YEN', YUE: 'YUEH', XUN: 'HSUN' };
  if (whole[syllable]) return whole[syllable];
  const w = syllable
    .replace(/^X/, 'HS').replace(/^R/, 'J')
    .replace(/IAN$/, 'IEN').replace(/IE$/, 'IEH').replace(/UE$/, 'UEH')
    .replace(/([^I])ONG$/, '$1UNG').replace(/^ONG$/, 'UNG');
  return w === syllable ? null : w;
}

/** Cantonese syllables of the table by the pinyin they stand for (CANTONESE the other way). */
const CANTONESE_OF: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const [yue, pys] of Object.entries(CANTONESE)) for (const py of pys) m.set(py, [...(m.get(py) ?? []), yue]);
  return m;
})();

/** A name in pinyin written as Wade-Giles or Cantonese would write it, per word (itself first), to find a
 *  listed name written so (YUK TUNG for YU DONG, HONG XUN listed as HUNG HSUN): the readings of
 *  chineseReadings the other way. Null unless every word is a pinyin syllable and one has another form. */
export function otherChineseForms(words: readonly string[]): string[][] | null {
  if (words.length < 2) return null; // one syllable alone is too short a name to read across systems
  let other = false;
  const out: string[][] = [];
  for (const w of words) {
    if (!isPinyinSyllable(w)) return null;
    const forms = new Set<string>([w]);
    const wg = pinyinToWadeGiles(w);
    if (wg) forms.add(wg);
    for (const y of CANTONESE_OF.get(w) ?? []) forms.add(y);
    if (forms.size > 1) other = true;
    out.push([...forms]);
  }
  return other ? out : null;
}
