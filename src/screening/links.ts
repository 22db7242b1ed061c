// A matched entry's ties to listed parties, judged: a ship the list carries without sanctioning it is
// flagged when a listed company or person owns or operates it, with the path in the reason.
//
// OFAC's 50 % rule blocks property owned 50 % or more by blocked persons, directly or through other
// owners; Tumen applies it to ownership chains whose every stated share is ≥ 50 % (an unstated share
// counts, and is said to be unstated). An operator or manager that is listed is flagged as firmly:
// sanctions-evasion ships are run, not owned, by the listed firms. A minority owner, a director of an
// owner or an "associate" makes a possible match for an analyst, never a match on its own.
import type { LinkPath, ScreenMatch, ScreenResult, Verdict } from './types.js';
import type { PartyHit } from './party-index.js';
import { SCREENING_PARAMS as P } from './params.js';
import { identifierUnderAnotherName, similarNameOnly } from './screen.js';

/** Ownership share from which ownership is control (OFAC 50 % rule). */
export const CONTROLLING_SHARE_PCT = 50;

export const linkKey = (list: string, entryKey: string): string => `${list}\u0000${entryKey}`;

/** Whether the path alone makes the ship property of, or run by, the listed party. */
function controls(path: LinkPath): boolean {
  const ownershipChain = path.relations.every((r) => r === 'owner')
    && path.shares.every((s) => s === null || s >= CONTROLLING_SHARE_PCT);
  return ownershipChain || (path.relations.length === 1 && path.relations[0] === 'operator');
}

export function describePath(list: string, path: LinkPath): string {
  const listed = path.parties[path.parties.length - 1];
  const share = (i: number): string => {
    const s = path.shares[i];
    return path.relations[i] === 'owner' ? (s === null ? ', share not stated' : `, ${s} %`) : '';
  };
  const head = `${path.relations[0]} ${path.parties[0].name}`;
  if (path.parties.length === 1) return `${head} is listed: ${list}#${listed.entry_id}${share(0) ? ` (${share(0).slice(2)})` : ''}`;
  return `${head} (${list}#${path.parties[0].entry_id}${share(0)}) has ${path.relations[1]} ${listed.name}, listed: ${list}#${listed.entry_id}${share(1) ? ` (${share(1).slice(2)})` : ''}`;
}

export interface LinkOptions {
  /** Keep name-only similar hits on ships carried without a sanction and controlled by no listed party
   *  (dropped by default; bench/screen-carried.ts measures what dropping them costs and saves). */
  keepSimilarCarriedOnly?: boolean;
}

/** The matches of `result` with their listed parties (`paths` by linkKey) and the verdicts they support. */
export function applyLinks(result: ScreenResult, paths: ReadonlyMap<string, LinkPath[]>, opts: LinkOptions = {}): ScreenResult {
  if (result.matches.length === 0) return result;
  // A ship the list does not sanction, no listed party controls, and only spelt like the query (SHIRAS
  // for SHIRAZ): in a list carrying hundreds of thousands of such ships, a near spelling is chance. Nor
  // one found by its number under a name unlike the query's (screen.ts identifierUnderAnotherName).
  const kept = opts.keepSimilarCarriedOnly ? result.matches
    : result.matches.filter((m) => m.listed || !(similarNameOnly.has(m) || identifierUnderAnotherName.has(m)) || (paths.get(linkKey(m.list, m.entry_key)) ?? []).some(controls));
  if (kept.length === 0) return { ...result, verdict: 'clear', matches: [] };
  const matches = kept.map((m): ScreenMatch => {
    const found = paths.get(linkKey(m.list, m.entry_key)) ?? [];
    const reasons = [m.reason, ...found.map((p) => describePath(m.list, p))];
    let verdict = m.verdict;
    if (!m.listed) {
      if (found.length === 0) reasons.push(`${m.list} carries this entry without sanctioning it, and no listed owner or operator is known`);
      else if (!found.some(controls)) reasons.push('not itself listed; the listed party neither owns a controlling share nor operates it');
      if (!found.some(controls)) verdict = 'possible';
    }
    return { ...m, verdict, reason: reasons.join('; '), ...(found.length ? { links: found } : {}) };
  });
  const verdict: Verdict = matches.some((m) => m.verdict === 'match') ? 'match' : 'possible';
  return { ...result, verdict, matches };
}

/** Listed parties a stated name may be (PartyIndex.match), with each list's version. */
export interface StatedPartyLookup {
  match(stated: string): PartyHit[];
  version(list: string): string | null;
  /** Answers `names` ahead (on another thread, while ship names are screened); match() then reads them. */
  prepare?(names: readonly string[]): Promise<void>;
}

function legalNote(h: PartyHit): string {
  const q = h.stated;
  const e = h.listed;
  if (q.legalWritten === e.legalWritten || e.legalWritten === '') return '';
  if (h.score.legalDiffers) return `; but the legal forms differ: ${q.legalWritten} / ${e.legalWritten}`;
  if (q.legal === '') return `; legal form ${e.legalWritten} not stated`;
  return `; legal form ${q.legalWritten} = ${e.legalWritten}`;
}

const HOW: Record<PartyHit['score']['how'], string> = {
  exact: 'same name', compact: 'same name without spaces', word_order: 'same words in another order',
  transliteration: 'same after transliteration', fuzzy: '',
};

/** The reason for a stated-party hit: which listed name it is and how alike, in words. */
export function describeStatedParty(role: 'owner' | 'operator', stated: string, h: PartyHit): string {
  const p = h.party;
  const how = h.score.how === 'fuzzy' ? `similar, ${h.score.edits} edit${h.score.edits === 1 ? '' : 's'}` : HOW[h.score.how];
  const as = p.role === 'name' ? '' : ` to listed ${p.role === 'alias' ? 'alias' : 'former name'} "${p.variant}"`;
  return `stated ${role} ${stated} is listed: ${p.list}#${p.entryId} ${p.name} (${how}${as}${legalNote(h)}; the fleet file's ${role} column, not the list's own link)`;
}

/** Adds a match for each listed party a stated owner or operator may be: a "match" when the name proper
 *  is the same (legal form the same or unstated) and tells firms apart, a "possible" when altered. */
export function applyStatedParties(result: ScreenResult, query: { owner?: string | null; operator?: string | null }, lookup: StatedPartyLookup): ScreenResult {
  const added: ScreenMatch[] = [];
  for (const role of ['owner', 'operator'] as const) {
    const stated = query[role]?.trim();
    if (!stated) continue;
    for (const h of lookup.match(stated)) {
      const firm = h.score.score >= P.nameMatchScore && !h.score.legalDiffers && h.listed.distinctive !== '' && h.stated.distinctive !== '';
      added.push({
        list: h.party.list, list_version: lookup.version(h.party.list), entry_key: h.party.key, entry_id: h.party.entryId, listed: true,
        name: h.party.name, score: Math.round(h.score.score * 1000) / 1000, matched_on: [role], verdict: firm ? 'match' : 'possible',
        reason: describeStatedParty(role, stated, h),
      });
    }
  }
  if (added.length === 0) return result;
  const matches = [...result.matches, ...added];
  const verdict: Verdict = matches.some((m) => m.verdict === 'match') ? 'match' : 'possible';
  return { ...result, verdict, matches };
}
