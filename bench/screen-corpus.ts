// A query corpus with known answers, built from the OFAC 2021 list (test/fixtures/sanctions), seeded so
// every run sees the same queries. Positives name the ent_num they must find; decoys must come back clear.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseOfacCsv } from '../src/lists/ofac-csv.js';
import { parseUnXml } from '../src/lists/un-xml.js';
import type { ListEntry } from '../src/lists/types.js';
import type { LoadedEntry, ScreenQuery } from '../src/screening/types.js';
import { normaliseName } from '../src/screening/normalise.js';
import { GENERIC_NAME_WORDS } from '../src/screening/generic-words.js';
import { damerauLevenshtein } from '../src/screening/similarity.js';
import { mulberry32 } from '../src/sim/prng.js';

const FIX = new URL('../test/fixtures/sanctions/', import.meta.url);
const gz = (p: string): string => gunzipSync(readFileSync(new URL(p, FIX))).toString('latin1');
const gzUtf8 = (p: string): string => gunzipSync(readFileSync(new URL(p, FIX))).toString('utf8');

export function loadFixtureLists(): LoadedEntry[] {
  const ofac = parseOfacCsv({ sdn: gz('ofac-2021/sdn.csv.gz'), alt: gz('ofac-2021/alt.csv.gz'), comments: gz('ofac-2021/sdn_comments.csv.gz') });
  const un = parseUnXml(gzUtf8('un/UN_consolidated.xml.gz'));
  return [
    ...ofac.entries.map((entry) => ({ list: 'ofac-sdn', listVersion: 'ofac-2021', entry })),
    ...un.entries.map((entry) => ({ list: 'un-consolidated', listVersion: un.version, entry })),
  ];
}

/** A small seeded PRNG (same seed, same corpus). */
export const rng = mulberry32;

export interface CorpusQuery {
  kind: string;
  query: ScreenQuery;
  /** OFAC ent_num that must be among the matches; null for decoys (must be clear). */
  expect: string | null;
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

function imoWithCheck(six: number): string {
  const d = String(six).padStart(6, '0');
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(d[i]) * (7 - i);
  return d + String(sum % 10);
}

const LETTERS = 'ABCDEFGHIJKLMNOPRSTUVWY';

/** A typo in the words of a name, leaving a trailing number or roman numeral as it is (a different
 *  number is a different ship, not a typo). */
export function typo(r: () => number, name: string): string {
  const m = name.match(/^(.*?)((?:\s+(?:\d+|[IVX]+))?)$/);
  return m && m[1] ? typoIn(r, m[1]) + m[2] : typoIn(r, name);
}

function typoIn(r: () => number, s: string): string {
  const letters = [...s];
  const idx = (): number => {
    // an index of a letter (not a space or digit)
    for (let k = 0; k < 50; k++) { const i = Math.floor(r() * letters.length); if (/[A-Z]/.test(letters[i])) return i; }
    return 0;
  };
  const i = idx();
  switch (Math.floor(r() * 4)) {
    case 0: letters[i] = pick(r, [...LETTERS].filter((c) => c !== letters[i])); break; // substitute
    case 1: letters.splice(i, 0, pick(r, [...LETTERS])); break; // insert
    case 2: if (letters.filter((c) => /[A-Z]/.test(c)).length > 4) letters.splice(i, 1); break; // delete
    default: if (i + 1 < letters.length && /[A-Z]/.test(letters[i + 1]) && letters[i] !== letters[i + 1]) { const t = letters[i]; letters[i] = letters[i + 1]; letters[i + 1] = t; } else letters[i] = pick(r, [...LETTERS].filter((c) => c !== letters[i])); // transpose
  }
  return letters.join('');
}

/** Another romanisation of the same name (Korean MR <-> RR, Russian GOST <-> BGN, Persian spellings). */
const TRANSLIT: Array<[RegExp, string]> = [
  [/CHON/g, 'CHEON'], [/CHONG/g, 'JEONG'], [/GANG/g, 'KANG'], [/PHYONG/g, 'PYONG'], [/PAEK/g, 'BAEK'], [/BONG/g, 'PONG'],
  [/SONG/g, 'SEONG'], [/RYONG/g, 'LYONG'], [/KUM/g, 'GEUM'], [/JONG/g, 'CHONG'], [/TONG/g, 'DONG'], [/SAN\b/g, 'SAN'],
  [/OU/g, 'U'], [/EE/g, 'I'], [/KS/g, 'X'], [/IY\b/g, 'Y'], [/Y\b/g, 'IY'], [/KH/g, 'H'], [/PH/g, 'F'],
];

function transliterate(r: () => number, name: string): string | null {
  const options = TRANSLIT.filter(([re]) => { re.lastIndex = 0; return re.test(name); });
  if (options.length === 0) return null;
  const [re, to] = pick(r, options);
  re.lastIndex = 0;
  const out = name.replace(re, to);
  return out === name ? null : out;
}

function reformat(r: () => number, name: string): string {
  const n = normaliseName(name);
  n.numbers = n.numbers.filter((x) => /^\d+$/.test(x)); // "NO." goes before digits, not series letters
  const choices = [
    () => `M/V ${name}`,
    () => name.toLowerCase(),
    () => name.replace(/ /g, '-'),
    () => n.words.join('') + (n.numbers.length ? ` ${n.numbers.join(' ')}` : ''), // run together
    () => (n.numbers.length ? `${n.words.join(' ')} NO.${n.numbers.join(' ')}` : `MT ${name}`),
    () => (n.numbers.length ? `${n.words.join(' ')} No ${n.numbers.join(' ')}` : `${name}.`),
    () => name.replace(/(\w)(\w+)/g, (_m, a: string, b: string) => a + b.toLowerCase()), // Title Case
  ];
  return pick(r, choices)();
}

/** Real merchant ship names not on the 2021 lists (fleet-list style decoys). */
const UNLISTED = [
  'MAERSK ESSEX', 'EVER GIVEN', 'MSC OSCAR', 'NORDIC ORION', 'STENA IMPERO', 'CMA CGM MARCO POLO', 'HMM ALGECIRAS',
  'ONE APUS', 'COSCO SHIPPING ARIES', 'BBC CHARTWELL', 'ATLANTIC CONVEYOR', 'QUEEN MARY 2', 'SPIRIT OF BRITAIN',
  'PRIDE OF HULL', 'NORTHERN JUBILEE', 'ARCTIC VOYAGER', 'BALTIC TRADER', 'NAVIGATOR AURORA', 'TORM KRISTINA',
  'FRONT ALTAIR', 'KOKUKA COURAGEOUS', 'SEA DIAMOND', 'GOLDEN RAY', 'X-PRESS PEARL', 'WAKASHIO', 'SANCHEZ',
  'PRESTIGE', 'EXXON VALDEZ', 'SEAWISE GIANT', 'KNOCK NEVIS', 'BERGE STAHL', 'VALE BRASIL', 'OOCL HONG KONG',
  'MOL TRIUMPH', 'YM WELLNESS', 'ZIM SAMMY OFER', 'HAPAG TOKYO', 'LADY R', 'ANGARA', 'MAIA 1', 'SPARTA IV',
  'URSA MAJOR', 'BALTIC LEADER', 'NS CHAMPION', 'MINERVA JULIE', 'PABLO', 'SIERRA MADRE', 'TAMAR SPIRIT',
  'OCEAN VOYAGER', 'STAR PISCES', 'GLORY OCEAN', 'SEA SPIRIT', 'BLUE MARINE', 'NEW GLORY', 'GOLDEN SUN',
  'PACIFIC STAR', 'ASIA GLORY', 'ROYAL OCEAN', 'LUCKY SEA', 'GRAND MARINE',
];

/** A typing slip in a short name: a neighbouring key, two letters swapped, a letter doubled. */
function keystrokeSlip(r: () => number, w: string): string {
  const rows = ['QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'];
  const near = (c: string): string[] => {
    const row = rows.findIndex((x) => x.includes(c));
    const col = rows[row].indexOf(c);
    return [[0, -1], [0, 1], [-1, 0], [-1, 1], [1, -1], [1, 0]].map(([dr, dc]) => rows[row + dr]?.[col + dc]).filter((k): k is string => Boolean(k));
  };
  const i = Math.floor(r() * w.length);
  const k = Math.floor(r() * 3);
  if (k === 0) return w.slice(0, i) + pick(r, near(w[i])) + w.slice(i + 1);
  if (k === 1 && i + 1 < w.length && w[i] !== w[i + 1]) return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  return w.slice(0, i) + w[i] + w.slice(i);
}

/** Real short ship names (common yacht, ferry and coaster names) on neither 2021 list. */
const SHORT_UNLISTED = ['LUNA', 'NOVA', 'DANA', 'NINA', 'MIRA', 'MAYA', 'SARA', 'ELSA', 'ALMA', 'IRIS', 'OLGA', 'VERA',
  'RITA', 'ERIN', 'ORCA', 'LYNX', 'PUMA', 'KIWI', 'ECHO', 'NOIR', 'SOLO', 'ZARA', 'LISA', 'ROSA', 'GAIA', 'INES', 'ANNA',
  'EDDA', 'HEBE', 'JUNO', 'LEDA', 'RHEA', 'TARA', 'VIDA', 'ZENA', 'AVA', 'EVA', 'IDA', 'UNA', 'ZOE', 'KAI', 'LEO', 'MAX', 'ODIN', 'THOR'];

/** Distinctive replacement words (unlisted) for "listed name with a different distinctive word" decoys. */
const OTHER_WORDS = ['KALINDA', 'MORVEN', 'TRELLIS', 'OKAPI', 'VERDANT', 'HALCYON', 'ZEPHYR', 'CORMORANT', 'BASALT',
  'QUILL', 'MERIDA', 'TOBRUK', 'PELION', 'ANTARES', 'CARINA', 'LYNX', 'OSPREY', 'TUNDRA', 'WREN', 'HELIX', 'PYONGSU', 'MANJU', 'SOKCHON'];

export function buildCorpus(entries: LoadedEntry[], seed = 20210707): CorpusQuery[] {
  const r = rng(seed);
  const vessels = entries.filter((e) => e.list === 'ofac-sdn' && e.entry.kind === 'vessel').map((e) => e.entry);
  const listedCompacts = new Set<string>();
  const listedWords = new Set<string>();
  for (const e of entries.filter((x) => x.entry.kind === 'vessel')) {
    for (const n of [e.entry.name, ...e.entry.aliases, ...e.entry.formerNames]) {
      const nn = normaliseName(n);
      // An alias made only of generic words does not make its name "listed" for a name-only query.
      if (n === e.entry.name || nn.distinctive !== '') listedCompacts.add(`${nn.compact}|${nn.numbers.join(' ')}`);
      for (const w of nn.words) listedWords.add(w);
    }
  }
  const isListed = (name: string): boolean => { const nn = normaliseName(name); return listedCompacts.has(`${nn.compact}|${nn.numbers.join(' ')}`); };
  const listedImos = new Set(vessels.flatMap((v) => v.imo));
  const randomImo = (): string => { for (;;) { const imo = imoWithCheck(100000 + Math.floor(r() * 899999)); if (!listedImos.has(imo)) return imo; } };

  const out: CorpusQuery[] = [];
  const pos = (kind: string, e: ListEntry, query: ScreenQuery): void => { out.push({ kind, query, expect: e.entryId }); };
  for (const e of vessels) {
    const compactLen = normaliseName(e.name).compact.length;
    pos('exact', e, { name: e.name });
    pos('reformatted', e, { name: reformat(r, e.name) });
    if (compactLen >= 5) pos('typo', e, { name: typo(r, e.name) });
    if (compactLen >= 10) pos('two_typos', e, { name: typo(r, typo(r, e.name)) });
    const t = transliterate(r, e.name);
    if (t) pos('transliterated', e, { name: t });
    pos('wrong_imo', e, { name: e.name, imo: randomImo() });
    if (e.imo[0]) pos('imo_only_renamed', e, { name: pick(r, UNLISTED.slice(0, 20)), imo: e.imo[0] });
    const alias = [...e.aliases, ...e.formerNames].filter((a) => !/^YARD NO/i.test(a) && normaliseName(a).distinctive !== '');
    if (alias.length) pos('alias', e, { name: pick(r, alias) });
  }
  // Decoys: must be clear.
  const dec = (kind: string, name: string): void => { if (!isListed(name)) out.push({ kind, query: { name, imo: randomImo() }, expect: null }); };
  const generic = [...GENERIC_NAME_WORDS].filter((w) => w.length >= 3);
  for (let i = 0; i < 300; i++) {
    const name = `${pick(r, generic)} ${pick(r, generic)}${r() < 0.3 ? ` ${1 + Math.floor(r() * 9)}` : ''}`;
    dec('generic_words', name);
  }
  for (const name of UNLISTED) dec('unlisted_real_name', name);
  for (const w of generic) dec('single_generic_word', w);
  for (const e of vessels) {
    const nn = normaliseName(e.name);
    const distinctive = nn.words.filter((w) => !GENERIC_NAME_WORDS.has(w));
    if (distinctive.length === 0 || nn.words.length < 2) continue;
    const w = pick(r, distinctive);
    const replacement = pick(r, OTHER_WORDS.filter((x) => !listedWords.has(x)));
    dec('different_distinctive_word', [...nn.words.map((x) => (x === w ? replacement : x)), ...nn.numbers].join(' '));
    // A harder decoy: the word swapped for another word of the listed vocabulary, of similar length and
    // at least two edits away (KUM UN SAN -> KUM UN BONG), so it is a different name, not a typo.
    const similar = [...listedWords].filter((x) => !GENERIC_NAME_WORDS.has(x) && Math.abs(x.length - w.length) <= 1 && damerauLevenshtein(x, w) >= 2);
    if (similar.length) dec('swapped_listed_word', [...nn.words.map((x) => (x === w ? pick(r, similar) : x)), ...nn.numbers].join(' '));
    if (nn.numbers.length === 1) dec('different_number', [...nn.words, String(Number(nn.numbers[0]) + 10 + Math.floor(r() * 80))].join(' '));
  }
  // Names of up to four letters, from a stream of their own (the queries above stay as they were): a
  // typing slip of each listed one, and real short ship names that are on no list.
  const r2 = rng(seed ^ 0x5107);
  for (const e of vessels) {
    const nn = normaliseName(e.name);
    if (nn.compact.length < 3 || nn.compact.length > 4 || nn.distinctive === '' || nn.words.length !== 1) continue;
    pos('short_typo', e, { name: [keystrokeSlip(r2, nn.compact), ...nn.numbers].join(' ') });
  }
  // Name only (a fleet row without an IMO): a random IMO could be one of a generated list's.
  for (const name of SHORT_UNLISTED) if (!isListed(name)) out.push({ kind: 'short_unlisted_name', query: { name }, expect: null });
  return out;
}
