// Reads a ship's name as port-call lists, bills of lading and berth line-ups write it: the name followed by
// its owner or manager ("ORIENTAL TREASURE / HUALONG OCEAN SHIPPING LTD", "TERMEH C/O BANDAR KALA SHIPPING",
// "SOMIA (OWNERS: KHALIJ NAVIGATION CO)"), its flag in brackets ("DORITA (IRAN)") or a voyage number
// ("MV SABANETA VOY. 118", "PO THONG GANG V.2104W"), and what documents and reports write around it: a field
// label ("VESSEL: SANDINO"), "per" before the ship's prefix on a bill of lading ("PER M/V YORACO"), the ship's
// type in running text ("the tanker Paramaconi"), an arrival time ("SOBHAN - ETA 12/03 0600") or a charter's
// substitution clause ("BRELYAN (or sub)"). Screened as written, such a line matches nothing: the
// extra words outweigh the name. The name is screened alone; a stated owner or manager goes to the listed-party
// check as a fleet file's owner column would. Only forms no listed vessel name takes (no OFAC or UN vessel name
// or alias holds a slash, a bracket, a voyage mark, a colon, an ETA or an "or sub", nor starts with a ship type)
// are read, so a listed name is never cut.
import midTable from '../reference/data/mid.json' with { type: 'json' };
import { TYPE_WORDS } from './normalise.js';
import type { ScreenQuery } from './types.js';

/** Words that make the text after a slash a company, not a second name: registries' legal forms and trades. */
const COMPANY_WORDS: ReadonlySet<string> = new Set([
  'LTD', 'LIMITED', 'LLC', 'CO', 'COMPANY', 'CORP', 'CORPORATION', 'INC', 'SA', 'CA', 'AG', 'GMBH', 'PTE', 'PLC', 'BV',
  'NV', 'AS', 'ASA', 'SRL', 'SPA', 'JSC', 'OOO', 'PJSC', 'FZE', 'FZCO', 'SHIPPING', 'NAVIGATION', 'MARITIME', 'MARINE',
  'TRANSPORT', 'LINES', 'LINE', 'NAVIERA', 'SHIPMANAGEMENT', 'MANAGEMENT', 'TANKERS', 'CARRIERS', 'GROUP', 'HOLDING',
  'HOLDINGS', 'TRADING', 'ENTERPRISE', 'ENTERPRISES',
]);

// Country names as flags are written in brackets: the ITU MID table's names (its own source), and the short
// forms registers and news use for the states most present in sanctions work.
const FLAG_NAMES: ReadonlySet<string> = new Set([
  ...Object.values(midTable as Record<string, { country: string }>).map((m) => m.country.toUpperCase()),
  'DPRK', 'NORTH KOREA', 'SOUTH KOREA', 'ROK', 'PRC', 'RUSSIAN FEDERATION', 'USA', 'UK', 'UAE', 'ISLAMIC REPUBLIC OF IRAN',
]);

/** What a port-call form states beside the name. */
export interface ListForm {
  name: string;
  owner?: string;
  operator?: string;
  flag?: string;
  voyage?: string;
}

const words = (s: string): string[] => s.toUpperCase().replace(/\./g, '').split(/[^A-Z0-9]+/).filter(Boolean);

// A form's field label before the name: VESSEL:, VESSEL NAME:, NAME OF VESSEL:, SHIP'S NAME =, OCEAN VESSEL:.
const FIELD_LABEL = /^(?:(?:OCEAN|CARRYING|PERFORMING)\s+)?(?:VESSEL|SHIP)(?:'?S)?(?:\s+NAME)?\s*[:=]\s*|^NAME\s+OF\s+(?:THE\s+)?(?:VESSEL|SHIP)\s*[:=]\s*/i;
// PER before a ship's prefix: a bill of lading's "shipped per M/V …".
const PER_PREFIX = /^PER\s+(?=(?:M\s*[/.]?\s*[VTS]|MV|MT|SS)\b\.?\s+\S)/i;
// An arrival or berthing time after the name: - ETA 12/03 0600, ETB: 14.03.
const ARRIVAL_TIME = /[\s,;-]+\b(?:ETA|ETB|ETD|ATA|ATB)\b[\s:.]*\d.*$/i;
// A charter's substitution clause: (or sub), OR SUBSTITUTE, (OR SUBS).
const SUBSTITUTE = /[\s,;]*[([]?\s*\bOR\s+SUB(?:S|ST|STITUTE)?\b\.?\s*[)\]]?\s*$/i;

/** The name without a field label, PER, an arrival time, a substitution clause or a ship type written before it in
 *  running text ("the oil tanker Paramaconi": lower-case type words, then a capital). */
function dropSurroundings(text: string): string {
  const cut = text.replace(FIELD_LABEL, '').replace(PER_PREFIX, '').replace(ARRIVAL_TIME, '').replace(SUBSTITUTE, '').trim();
  const prose = cut.match(/^(?:the\s+)?((?:[a-z]+\s+){1,3})(?=[A-Z0-9])/);
  const typeWords = prose ? prose[1].trim().split(/\s+/) : [];
  const named = prose && typeWords.every((w) => w.length > 2 && TYPE_WORDS.has(w.toUpperCase())) ? cut.slice(prose[0].length) : cut;
  return named === '' ? text : named;
}

/** The name and what the form states beside it; `name` is the whole text when no form is recognised. */
export function readListForm(text: string): ListForm {
  const form = readParty(dropSurroundings(text.trim()));
  // A voyage number ends the name: VOY. 118, VOYAGE NO 12, V.2104W, V2104W (a V with three digits or more).
  const voyage = form.name.match(/^(.*?\S)[\s,]+(?:VOY(?:AGE)?\b\.?\s*(?:NO\b\.?\s*)?(\d{1,5}[A-Z]?)|V\.\s*(\d{2,5}[A-Z]?)|V(\d{3,5}[A-Z]?))\s*$/i);
  return voyage ? { ...form, name: voyage[1], voyage: voyage[2] ?? voyage[3] ?? voyage[4] } : form;
}

function readParty(name: string): ListForm {
  // Care of the manager: TERMEH C/O BANDAR KALA SHIPPING LLC.
  const careOf = name.match(/^(.*?\S)[\s,]+C\s*\/\s*O\b\.?\s*(.+)$/i);
  if (careOf) return { name: careOf[1], operator: careOf[2].trim() };
  // A party in brackets: (OWNERS: KHALIJ NAVIGATION CO), [MANAGED BY …].
  const party = name.match(/^(.*?\S)\s*[([]\s*(REGISTERED OWNERS?|OWNERS?|OWNED BY|MANAGERS?|MANAGED BY|OPERATORS?|OPERATED BY)\b\s*[:.-]?\s*([^()[\]]+?)\s*[)\]]\s*$/i);
  if (party) return { name: party[1], [/^(?:REGISTERED OWNERS?|OWNERS?|OWNED BY)$/i.test(party[2]) ? 'owner' : 'operator']: party[3] };
  // The flag in brackets: DORITA (IRAN), GOO RYONG (DPRK).
  const flag = name.match(/^(.*?\S)\s*[([]\s*([^()[\]]+?)\s*[)\]]\s*$/);
  if (flag && FLAG_NAMES.has(words(flag[2]).join(' '))) return { name: flag[1], flag: flag[2] };
  // Ship / owner, where the part after the slash is a company: not M/V, not SHIP A/SHIP B.
  const slash = name.match(/^(.{3,}?)\s*\/\s*(\S.*)$/);
  if (slash && words(slash[2]).length >= 2 && words(slash[2]).some((w) => COMPANY_WORDS.has(w))) return { name: slash[1], owner: slash[2].trim() };
  return { name };
}

/** The query with its name read from a port-call form, and a stated owner, manager or flag where the query has none. */
export function queryFromListForm(query: ScreenQuery): ScreenQuery {
  if (!query.name?.trim()) return query;
  const form = readListForm(query.name);
  if (form.name === query.name.trim()) return query;
  return {
    ...query,
    name: form.name,
    owner: query.owner?.trim() ? query.owner : form.owner ?? query.owner,
    operator: query.operator?.trim() ? query.operator : form.operator ?? query.operator,
    flag: query.flag?.trim() ? query.flag : form.flag ?? query.flag,
  };
}

/** Says how a port-call form was read, or null when the query was screened as written. */
export function listFormFinding(asked: ScreenQuery, read: ScreenQuery): string | null {
  if (asked === read) return null;
  const stated = [
    read.owner !== asked.owner ? `owner "${read.owner}" checked as the stated owner` : '',
    read.operator !== asked.operator ? `manager "${read.operator}" checked as the stated manager` : '',
    read.flag !== asked.flag ? `flag "${read.flag}"` : '',
  ].filter(Boolean);
  return `name "${asked.name}" read as a port-call entry: ship "${read.name}"${stated.length ? `; ${stated.join('; ')}` : ''}`;
}
