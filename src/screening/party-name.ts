// Company and person names as fleet files and lists write them: the same firm appears as "Korvanel
// Shipping Co., Ltd.", "KORVANEL SHIPPING COMPANY LIMITED" or "ООО Корванел Шиппинг". The legal form is
// read off the ends of the name into a class (LTD, LLC, JSC, …), so the name proper ("core") is compared
// apart from it, and two spellings of one legal form are the same form.
//
// Legal forms: the ISO 20275 Entity Legal Forms code list (GLEIF ELF) gives each jurisdiction's forms and
// their abbreviations; the classes below fold the ones that reach shipping registries (UK/HK/SG limited
// companies, US LLC and corporations, Russian ООО/АО/ПАО, Panamanian/Liberian S.A., Emirati free-zone
// establishments) into forms that mean the same thing for screening.
import { tokenise } from './normalise.js';
import { GENERIC_NAME_WORDS, isGenericWord } from './generic-words.js';
import { phoneticKey } from './phonetic.js';

/** Legal-form spellings (as tokens) and their class, longest first so "CO LTD" wins over "LTD". */
const LEGAL_FORMS: ReadonlyArray<{ form: string; tokens: string[]; cls: string }> = ([
  ['OBSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTYU', 'LLC'], ['LIMITED LIABILITY COMPANY', 'LLC'], ['L L C', 'LLC'],
  ['LLC', 'LLC'], ['OOO', 'LLC'], ['TOO', 'LLC'], ['LTD LIABILITY CO', 'LLC'],
  ['PUBLICHNOE AKTSIONERNOE OBSHCHESTVO', 'JSC'], ['AKTSIONERNOE OBSHCHESTVO', 'JSC'], ['JOINT STOCK COMPANY', 'JSC'],
  ['PUBLIC JOINT STOCK COMPANY', 'JSC'], ['CLOSED JOINT STOCK COMPANY', 'JSC'], ['OPEN JOINT STOCK COMPANY', 'JSC'],
  ['JSC', 'JSC'], ['PJSC', 'JSC'], ['OJSC', 'JSC'], ['CJSC', 'JSC'], ['AO', 'JSC'], ['PAO', 'JSC'], ['OAO', 'JSC'], ['ZAO', 'JSC'],
  ['PRIVATE LIMITED COMPANY', 'LTD'], ['PRIVATE LIMITED', 'LTD'], ['COMPANY LIMITED', 'LTD'], ['CO LIMITED', 'LTD'], ['CO LTD', 'LTD'],
  ['PTE LTD', 'LTD'], ['PVT LTD', 'LTD'], ['PTY LTD', 'LTD'], ['LIMITED', 'LTD'], ['LTD', 'LTD'],
  ['PUBLIC LIMITED COMPANY', 'PLC'], ['PLC', 'PLC'],
  ['INCORPORATED', 'CORP'], ['CORPORATION', 'CORP'], ['INC', 'CORP'], ['CORP', 'CORP'],
  ['SOCIEDAD ANONIMA', 'SA'], ['SOCIETE ANONYME', 'SA'], ['S A', 'SA'], ['SA', 'SA'],
  ['GMBH', 'GMBH'], ['B V', 'BV'], ['BV', 'BV'], ['N V', 'NV'], ['NV', 'NV'], ['AG', 'AG'], ['SRL', 'SRL'], ['SPA', 'SPA'],
  ['LLP', 'LLP'], ['LP', 'LP'], ['FZE', 'FZE'], ['FZCO', 'FZE'], ['FZC', 'FZE'], ['FZ LLC', 'FZE'], ['DMCC', 'DMCC'],
  ['SDN BHD', 'BHD'], ['BHD', 'BHD'], ['PT', 'PT'],
  // A bare "company" says nothing of the form: read off so "X TRADING CO" = "X TRADING", but no class.
  ['COMPANY', ''], ['CO', ''],
] as const).map(([s, c]) => ({ form: s, tokens: s.split(' '), cls: c })).sort((a, b) => b.tokens.length - a.tokens.length);

/** Forms written before the name in their own languages (ООО «…», АО «…», PT …). */
const PREFIX_FORMS = new Set(['LLC', 'OOO', 'TOO', 'AO', 'PAO', 'OAO', 'ZAO', 'JSC', 'PJSC', 'OJSC', 'CJSC', 'PT',
  'OBSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTYU', 'AKTSIONERNOE OBSHCHESTVO', 'PUBLICHNOE AKTSIONERNOE OBSHCHESTVO']);

/** Words of company names that do not tell firms apart (beside the ship-name generic words). */
const GENERIC_PARTY_WORDS = new Set([
  'SHIP', 'SHIPS', 'NAVIGATION', 'MANAGEMENT', 'MANAGERS', 'TRADE', 'TANKERS', 'LINES', 'LINE', 'TRANSPORT',
  'TRANSPORTATION', 'LOGISTICS', 'GROUP', 'HOLDING', 'HOLDINGS', 'INVESTMENT', 'INVESTMENTS', 'ENTERPRISE',
  'ENTERPRISES', 'INDUSTRIES', 'INDUSTRIAL', 'SERVICES', 'SERVICE', 'GENERAL', 'PETROLEUM', 'OIL', 'GAS', 'ENERGY',
  'RESOURCES', 'COMMERCIAL', 'IMPORT', 'EXPORT', 'CARGO', 'FREIGHT', 'CHARTERING', 'AGENCY', 'SOLUTIONS',
  'DEVELOPMENT', 'CAPITAL', 'VENTURES', 'PARTNERS', 'AND', 'OF', 'THE',
]);

export const isGenericPartyWord = (w: string): boolean => GENERIC_PARTY_WORDS.has(w) || isGenericWord(w) || /^\d+$/.test(w);

/** Each generic word of 5+ letters and its one-letter deletions (SymSpell): a word sharing one is at most
 *  about one edit from a generic word. */
let nearGeneric: Set<string> | null = null;
const deletionsOf = (w: string): string[] => [w, ...[...w].map((_, i) => w.slice(0, i) + w.slice(i + 1))];

/** A generic word, or a word of 5+ letters about one typing edit from one (SHIPING, MARITIM). Blocking
 *  leaves these out, so a typo in a business word does not hide the firm's own name. */
export function isNearGenericPartyWord(w: string): boolean {
  if (isGenericPartyWord(w)) return true;
  if (w.length < 5) return false;
  nearGeneric ??= new Set([...GENERIC_PARTY_WORDS, ...GENERIC_NAME_WORDS].filter((g) => g.length >= 5).flatMap(deletionsOf));
  return deletionsOf(w).some((d) => nearGeneric!.has(d));
}

export interface PartyName {
  /** The name proper, legal form read off: [KORVANEL, SHIPPING]. */
  words: string[];
  /** The legal form's class (LTD, LLC, JSC, …), '' when none or a bare "company". */
  legal: string;
  /** The legal form as written, tokens joined ("CO LTD", "OOO"), '' when none. */
  legalWritten: string;
  compact: string;
  /** The words sorted, joined: a person's name in either order (IVAN PETROVSKIY / PETROVSKIY IVAN). */
  sorted: string;
  phonetic: string;
  sortedPhonetic: string;
  /** The words that tell firms apart (not SHIPPING, TRADING, …), joined; '' for a name of generic words. */
  distinctive: string;
}

function matchAt(tokens: readonly string[], at: number, form: readonly string[]): boolean {
  return at >= 0 && at + form.length <= tokens.length && form.every((t, i) => tokens[at + i] === t);
}

/** Last tokens that can end a legal form: names ending otherwise skip the search. */
const FORM_ENDS = new Set(LEGAL_FORMS.map((f) => f.tokens[f.tokens.length - 1]));
const FORM_STARTS = new Set(LEGAL_FORMS.filter((f) => PREFIX_FORMS.has(f.form)).map((f) => f.tokens[0]));

export function normaliseParty(raw: string): PartyName {
  const tokens = tokenise(raw);
  const written: string[] = [];
  let legal = '';
  // Read legal forms off the end (CO LTD, then a trailing LIMITED …), then one off the front.
  for (let changed = true; changed && tokens.length > 1 && FORM_ENDS.has(tokens[tokens.length - 1]);) {
    changed = false;
    for (const { form, tokens: f, cls } of LEGAL_FORMS) {
      if (tokens.length > f.length && matchAt(tokens, tokens.length - f.length, f)) {
        tokens.splice(tokens.length - f.length, f.length);
        written.unshift(form);
        if (!legal) legal = cls;
        changed = true;
        break;
      }
    }
  }
  if (tokens.length > 1 && FORM_STARTS.has(tokens[0])) {
    for (const { form, tokens: f, cls } of LEGAL_FORMS) {
      if (PREFIX_FORMS.has(form) && tokens.length > f.length && matchAt(tokens, 0, f)) {
        tokens.splice(0, f.length);
        written.unshift(form);
        if (!legal) legal = cls;
        break;
      }
    }
  }
  const words = tokens;
  const sortedWords = [...words].sort();
  return {
    words,
    legal,
    legalWritten: written.join(' '),
    compact: words.join(''),
    sorted: sortedWords.join(''),
    phonetic: phoneticKey(words.join('')),
    sortedPhonetic: phoneticKey(sortedWords.join('')),
    distinctive: words.filter((w) => !isGenericPartyWord(w)).join(''),
  };
}
