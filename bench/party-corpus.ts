// A labelled set for owner/operator screening, built from a store's loaded lists (seeded): each positive
// is a listed company or person written as a fleet file might write it, naming the entry it must find;
// each decoy is a party no list sanctions and must come back clear.
//
// Positives: the listed name as is; another spelling of its legal form (CO LTD -> COMPANY LIMITED, LLC ->
// OOO first); the form left out; Title Case with punctuation; the name in Cyrillic (Latin letters mapped
// to Russian ones, as a Russian registry would write a foreign name); one keystroke typo in the name
// proper (its telling words ≥ 5 letters); two (≥ 10); a listed alias or former name; a person's words reversed.
// Decoys: parties the FtM list carries without sanctioning (owners, directors) whose name is not a
// listed name; a listed firm's distinctive word swapped for another real one (≥ 2 edits away); a
// listed firm's business word swapped (KORVANEL SHIPPING -> KORVANEL TANKERS); names of generic words only;
// real shipping companies that are on no list.
import type { Store } from '../src/store/db.js';
import { normaliseParty, isGenericPartyWord } from '../src/screening/party-name.js';
import { damerauLevenshtein } from '../src/screening/similarity.js';
import { mulberry32 } from '../src/sim/prng.js';

export interface PartyQuery { kind: string; owner: string; expect: { list: string; entryId: string } | null }

interface Listed { list: string; key: string; entryId: string; name: string; kind: string; variant: string; role: string }

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

const FORM_SPELLINGS: Record<string, string[]> = {
  LTD: ['LTD', 'LIMITED', 'CO LTD', 'CO., LTD.', 'COMPANY LIMITED'],
  LLC: ['LLC', 'L.L.C.', 'LIMITED LIABILITY COMPANY', 'OOO'],
  JSC: ['JSC', 'AO', 'JOINT STOCK COMPANY'],
  CORP: ['INC', 'CORP', 'CORPORATION', 'INCORPORATED'],
  SA: ['SA', 'S.A.', 'SOCIEDAD ANONIMA'],
};

/** Latin to Russian letters, digraphs first (how a Russian registry writes a foreign name: an H that
 *  marks a sound of the letter before it is not written, GH -> Г, TH -> Т, PH -> Ф). */
const TO_CYRILLIC: Array<[string, string]> = [
  ['SHCH', 'Щ'], ['GH', 'Г'], ['TH', 'Т'], ['PH', 'Ф'], ['DH', 'Д'], ['JH', 'ДЖ'], ['OHN', 'ОН'], ['ZH', 'Ж'], ['KH', 'Х'], ['TS', 'Ц'], ['CH', 'Ч'], ['SH', 'Ш'], ['YU', 'Ю'], ['YA', 'Я'],
  ['A', 'А'], ['B', 'Б'], ['V', 'В'], ['G', 'Г'], ['D', 'Д'], ['E', 'Е'], ['Z', 'З'], ['I', 'И'], ['Y', 'Й'], ['K', 'К'],
  ['L', 'Л'], ['M', 'М'], ['N', 'Н'], ['O', 'О'], ['P', 'П'], ['R', 'Р'], ['S', 'С'], ['T', 'Т'], ['U', 'У'], ['F', 'Ф'],
  ['H', 'Х'], ['C', 'К'], ['Q', 'К'], ['W', 'В'], ['X', 'КС'], ['J', 'ДЖ'],
];
function toCyrillic(s: string): string {
  let out = '';
  for (let i = 0; i < s.length;) {
    const hit = TO_CYRILLIC.find(([l]) => s.startsWith(l, i));
    if (hit) { out += hit[1]; i += hit[0].length; } else { out += s[i]; i++; }
  }
  return out;
}

/** QWERTY neighbours: a typing slip lands on one of these. */
const KEYS = ['QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'];
function neighbours(c: string): string[] {
  for (let row = 0; row < 3; row++) {
    const col = KEYS[row].indexOf(c);
    if (col < 0) continue;
    const out: string[] = [];
    for (const [dr, dc] of [[0, -1], [0, 1], [-1, 0], [-1, 1], [1, 0], [1, -1]]) {
      const k = KEYS[row + dr]?.[col + dc];
      if (k) out.push(k);
    }
    return out;
  }
  return [c];
}

/** One keystroke slip inside a distinctive word of `core`: a neighbouring key, a swap, a doubled or dropped letter. */
function typo(r: () => number, core: string[]): string[] {
  const idx = core.map((w, i) => (isGenericPartyWord(w) || w.length < 3 ? -1 : i)).filter((i) => i >= 0);
  if (idx.length === 0) return core;
  const wi = pick(r, idx);
  const w = [...core[wi]];
  const i = Math.floor(r() * w.length);
  switch (Math.floor(r() * 4)) {
    case 0: w[i] = pick(r, neighbours(w[i])); break;
    case 1: if (i + 1 < w.length && w[i] !== w[i + 1]) [w[i], w[i + 1]] = [w[i + 1], w[i]]; else w[i] = pick(r, neighbours(w[i])); break;
    case 2: w.splice(i, 0, w[i]); break;
    default: if (w.length > 4) w.splice(i, 1); else w[i] = pick(r, neighbours(w[i]));
  }
  return core.map((x, k) => (k === wi ? w.join('') : x));
}

const REAL_UNLISTED = ['MAERSK LINE A/S', 'MEDITERRANEAN SHIPPING COMPANY SA', 'HAPAG-LLOYD AG', 'EURONAV NV', 'FRONTLINE LTD',
  'TEEKAY CORPORATION', 'SCORPIO TANKERS INC', 'DHT HOLDINGS INC', 'INTERNATIONAL SEAWAYS INC', 'NORDIC AMERICAN TANKERS LTD',
  'TORM PLC', 'HAFNIA LIMITED', 'STENA BULK AB', 'DYNACOM TANKERS MANAGEMENT LTD', 'THENAMARIS SHIPS MANAGEMENT INC',
  'MINERVA MARINE INC', 'ARDMORE SHIPPING CORPORATION', 'BW GROUP LIMITED', 'ODFJELL SE', 'WALLENIUS WILHELMSEN ASA',
  'ANGLO-EASTERN SHIP MANAGEMENT LTD', 'V.SHIPS UK LTD', 'COLUMBIA SHIPMANAGEMENT LTD', 'BERNHARD SCHULTE SHIPMANAGEMENT',
  'FLEET MANAGEMENT LIMITED', 'SYNERGY MARINE PTE LTD', 'WILHELMSEN SHIP MANAGEMENT', 'OCEAN NETWORK EXPRESS PTE LTD',
  'EVERGREEN MARINE CORPORATION', 'YANG MING MARINE TRANSPORT CORPORATION', 'NIPPON YUSEN KABUSHIKI KAISHA', 'MITSUI OSK LINES LTD',
  'KAWASAKI KISEN KAISHA LTD', 'PACIFIC BASIN SHIPPING LIMITED', 'GOLDEN OCEAN GROUP LIMITED', 'STAR BULK CARRIERS CORP',
  'DIANA SHIPPING INC', 'SAFE BULKERS INC', 'GENCO SHIPPING AND TRADING LIMITED', 'EAGLE BULK SHIPPING INC'];
const GENERIC_BUSINESS = ['SHIPPING', 'MARITIME', 'NAVIGATION', 'SHIP MANAGEMENT', 'TRADING', 'TANKERS', 'LINES', 'OCEAN TRANSPORT', 'MARINE', 'LOGISTICS'];
const GENERIC_FIRST = ['OCEAN', 'GLOBAL', 'PACIFIC', 'ATLANTIC', 'GOLDEN', 'STAR', 'ORIENT', 'INTERNATIONAL', 'EASTERN', 'BLUE', 'GRAND', 'UNITED'];

export async function buildPartyCorpus(store: Store, seed: number, sizes = { listed: 1000, carried: 600, swapped: 300 }): Promise<PartyQuery[]> {
  const r = mulberry32(seed);
  const listed = (await store.all<{ list: string; key: string; entry_id: string; name: string; kind: string; variant: string; role: string }>(
    'SELECT list, key, entry_id, name, kind, variant, role FROM screen_parties ORDER BY list, key, role, variant'))
    .map((x): Listed => ({ list: x.list, key: x.key, entryId: x.entry_id, name: x.name, kind: x.kind, variant: x.variant, role: x.role }));
  const listedCompacts = new Set(listed.map((l) => normaliseParty(l.variant).compact));
  const listedSorted = new Set(listed.map((l) => normaliseParty(l.variant).sorted));
  const isListedName = (s: string): boolean => { const n = normaliseParty(s); return listedCompacts.has(n.compact) || listedSorted.has(n.sorted); };
  const byEntry = new Map<string, Listed[]>();
  for (const l of listed) (byEntry.get(`${l.list}\u0000${l.key}`) ?? byEntry.set(`${l.list}\u0000${l.key}`, []).get(`${l.list}\u0000${l.key}`)!).push(l);
  const entries = [...byEntry.values()];
  const out: PartyQuery[] = [];
  const shortWordNames: Array<{ n: ReturnType<typeof normaliseParty>; expect: PartyQuery['expect'] }> = [];

  for (let i = 0; i < sizes.listed; i++) {
    const variants = pick(r, entries);
    const main = variants.find((v) => v.role === 'name') ?? variants[0];
    const expect = { list: main.list, entryId: main.entryId };
    const n = normaliseParty(main.name);
    if (n.compact === '' || n.distinctive === '') continue;
    const pos = (kind: string, owner: string): void => { out.push({ kind, owner, expect }); };
    pos('exact', main.name);
    const spellings = FORM_SPELLINGS[n.legal] ?? FORM_SPELLINGS.LTD;
    const other = spellings.filter((s) => s.replace(/[^A-Z ]/g, '').replace(/ +/g, ' ') !== n.legalWritten);
    const form = pick(r, other);
    pos('legal_form_variant', form === 'OOO' ? `OOO ${n.words.join(' ')}` : `${n.words.join(' ')} ${form}`);
    if (n.legalWritten) pos('legal_form_dropped', n.words.join(' '));
    pos('reformatted', `${n.words.map((w) => w[0] + w.slice(1).toLowerCase()).join(' ')}${n.legalWritten ? `, ${n.legalWritten.replace('CO LTD', 'Co., Ltd.').replace(/^LTD$/, 'Ltd.')}` : ''}`);
    const cyr = n.legal === 'LLC' ? `ООО «${toCyrillic(n.words.join(' '))}»` : n.legal === 'JSC' ? `АО «${toCyrillic(n.words.join(' '))}»` : toCyrillic(n.words.join(' '));
    if (main.kind === 'person' || n.legal === 'LLC' || n.legal === 'JSC') pos('cyrillic', cyr);
    // The edit budget is the name proper's (its telling words, not SHIPPING or MARITIME), as for ship
    // names: one typo from 5 letters, two from 10.
    const telling = n.distinctive.length;
    if (telling >= 5) pos('typo', [...typo(r, n.words), n.legalWritten].join(' ').trim());
    if (telling >= 10) pos('two_typos', [...typo(r, typo(r, n.words)), n.legalWritten].join(' ').trim());
    else if (n.compact.length >= 9) shortWordNames.push({ n, expect });
    const aliases = variants.filter((v) => v.role !== 'name' && normaliseParty(v.variant).distinctive !== '');
    if (aliases.length) pos('alias', pick(r, aliases).variant);
    if (main.kind === 'person' && n.words.length >= 2) pos('word_order', [...n.words].reverse().join(' '));
  }

  // Two slips in one telling word of 5-9 letters, where the whole name has room for two edits
  // (KORVANEL -> KORVNAEK SHIPPING); from a stream of their own, so the kinds above stay as they were.
  const r2 = mulberry32(seed ^ 0x2e2e);
  for (const { n, expect } of shortWordNames) {
    const idx = n.words.map((w, i) => (!isGenericPartyWord(w) && w.length >= 5 ? i : -1)).filter((i) => i >= 0);
    if (idx.length === 0) continue;
    const wi = pick(r2, idx);
    const garbled = typo(r2, typo(r2, [n.words[wi]]))[0];
    if (damerauLevenshtein(garbled, n.words[wi]) !== 2) continue;
    out.push({ kind: 'two_typos_short_word', owner: [...n.words.map((w, i) => (i === wi ? garbled : w)), n.legalWritten].join(' ').trim(), expect });
  }

  // Decoys.
  const dec = (kind: string, owner: string): void => { if (!isListedName(owner)) out.push({ kind, owner, expect: null }); };
  const carried = await store.all<{ name: string }>(`
    SELECT name FROM list_entries WHERE kind <> 'vessel' AND coalesce(json_extract_string(body, '$.listed'), 'true') = 'false'
     ORDER BY hash(key || '${seed}') LIMIT ${sizes.carried}`);
  for (const c of carried) dec('carried_only', c.name);
  const words = [...new Set(carried.flatMap((c) => normaliseParty(c.name).words.filter((w) => !isGenericPartyWord(w) && w.length >= 4)))];
  const companies = entries.map((v) => v[0]).filter((v) => v.kind !== 'person');
  for (let i = 0; i < sizes.swapped; i++) {
    const e = pick(r, companies);
    const n = normaliseParty(e.name);
    const distinctive = n.words.filter((w) => !isGenericPartyWord(w));
    if (distinctive.length === 0) continue;
    const w = pick(r, distinctive);
    const far = words.filter((x) => Math.abs(x.length - w.length) <= 1 && damerauLevenshtein(x, w) >= 2);
    if (far.length) dec('other_distinctive_word', [...n.words.map((x) => (x === w ? pick(r, far) : x)), n.legalWritten].join(' ').trim());
    const business = n.words.filter((x) => isGenericPartyWord(x));
    if (business.length) {
      const core = n.words.filter((x) => !isGenericPartyWord(x)).join(' ');
      const sibling = pick(r, GENERIC_BUSINESS.filter((b) => b !== business.join(' ')));
      dec('sibling_firm', `${core} ${sibling} ${n.legalWritten}`.trim());
    }
  }
  for (let i = 0; i < 200; i++) dec('generic_words', `${pick(r, GENERIC_FIRST)} ${pick(r, GENERIC_BUSINESS)} ${pick(r, ['LTD', 'CO LTD', 'LLC', 'INC', 'SA', ''])}`.trim());
  for (const name of REAL_UNLISTED) dec('real_unlisted_firm', name);
  return out;
}

