// Vessels named in the narrative of UN 1718 Committee entries. The consolidated list has no vessel record
// type: the Committee's DPRK shipping-company entries name their ships in COMMENTS1, e.g. "Registered owner
// of DPRK tanker CHON MA SAN." This reader takes runs of capitalised words that follow a vessel cue
// ("vessel", "tanker", "owner of", "manager of", quotes) and keeps the ones that look like ship names.

/** Words that are capitalised in the narrative but are not ship names. */
const NOT_A_SHIP = new Set(['DPRK', 'UN', 'IMO', 'ETA', 'SWIFT', 'KKBC', 'OMM', 'KOMID', 'USD', 'LTD', 'CO', 'HONG', 'KONG']);
const COMPANY_WORDS = /\b(SHIPPING|COMPANY|CORP|CORPORATION|LTD|LIMITED|TRADING|BANK|GROUP|INC|JV)\b/;

// A name: capitalised tokens (letters, digits, hyphen), e.g. "CHON MA SAN", "YU JONG 2", "ASIA BRIDGE 1".
const CAPS_RUN = /[A-Z][A-Z0-9-]*(?:\s+(?:[A-Z][A-Z0-9-]*|\d+))*/g;
// Cue then the name: "tanker X", "vessel X", "vessels X and Y", "owner of (the) X", "manager of (the) X", “X”.
const CUE = /(?:\b(?:vessels?|tankers?|owner of|manager of|flagged)\b,?\s+(?:the\s+|its\s+)?(?:probable\s+)?|[“"])$/i;

export function vesselNamesInNarrative(narrative: string): string[] {
  const out: string[] = [];
  const flat = narrative.replace(/\s+/g, ' ');
  for (const m of flat.matchAll(CAPS_RUN)) {
    const name = m[0].trim();
    const before = flat.slice(Math.max(0, m.index! - 40), m.index!);
    const afterConjunction = /\b(?:and|or)\s+$/.test(before) && out.length > 0 && /[A-Z0-9]\s+(?:and|or)\s+$/.test(before);
    if (!CUE.test(before) && !afterConjunction) continue;
    if (!isShipName(name)) continue;
    if (!out.includes(name)) out.push(name);
  }
  // "the vessel Chong Chon Gang", "its vessel, the Chong Chon Gang": a title-case name after the cue.
  for (const m of flat.matchAll(/\b(?:the|its) vessel,?\s+(?:the\s+)?((?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+){1,3})\b/g)) {
    const name = m[1].toUpperCase();
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

function isShipName(name: string): boolean {
  const tokens = name.split(/\s+/);
  if (tokens.every((t) => NOT_A_SHIP.has(t))) return false;
  if (COMPANY_WORDS.test(name)) return false;
  // A single-letter capital (the start of a sentence: "A DPRK-flagged ...") is not a name.
  if (tokens.length === 1 && tokens[0].length < 3) return false;
  if (tokens.some((t) => t.includes('-') && NOT_A_SHIP.has(t.split('-')[0]))) return false; // "DPRK-flagged"
  return true;
}
