// Chinese names in other romanisations than pinyin. The lists write Chinese ship names in pinyin (WU XIAN,
// HUA FU, HAO FAN 6), while older registers, Taiwan and Hong Kong write the same characters in Wade-Giles
// (HSIEN for XIAN, JEN for REN, TUNG for DONG, CH'ING for QING) or in Cantonese (WAH for 華 HUA, HOU for
// 好 HAO, KWONG for 光 GUANG). The transliteration key (phonetic.ts) folds what the three share (aspiration,
// voiced/unvoiced stops, doubled letters); these readings give the pinyin a name written otherwise stands
// for, to be looked up by the same form only (respell.ts), never by similarity.
// A name is read so only when every word is a Chinese syllable (pinyin, Wade-Giles or a Cantonese syllable
// of the table) and at least one word is not pinyin: a name in pinyin is left alone, and an English or
// Persian name never reaches these tables.

/** Pinyin syllables (without tones; Ü written U or V): an initial and a final that may follow it. */
const PINYIN = /^(?:(?:ZH|CH|SH|[BPMFDTNLGKHRZCSYW])?(?:A|AI|AN|ANG|AO|E|EI|EN|ENG|ER|O|ONG|OU|U|UA|UAI|UAN|UANG|UE|UI|UN|UO|V)|(?:[BPMDTNLJQXY])?(?:I|IA|IAN|IANG|IAO|IE|IN|ING|IONG|IU)|(?:ZH|CH|SH|[RZCS])I)$/;

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
    const readings = [...(pinyin ? [] : wadeGilesReadings(w)), ...(CANTONESE[w] ?? [])];
    if (!pinyin && readings.length === 0) return null; // not a syllable of any of the three
    if (!pinyin) foreign = true;
    out.push([w, ...new Set(readings)]);
  }
  return foreign ? out : null; // every word a syllable, one at least not pinyin
}

/** An optional initial of consonants, one run of vowels, an optional final of consonants. */
const WORD_SHAPE = /^[^AEIOUY]*[AEIOUY]+[^AEIOUY]*$|^(?:NG|TSZ)$/;
