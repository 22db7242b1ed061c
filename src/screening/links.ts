// A matched entry's ties to listed parties, judged: a ship the list carries without sanctioning it is
// flagged when a listed company or person owns or operates it, with the path in the reason.
//
// OFAC's 50 % rule blocks property owned 50 % or more by blocked persons, directly or through other
// owners; Tumen applies it to ownership chains whose every stated share is ≥ 50 % (an unstated share
// counts, and is said to be unstated). An operator or manager that is listed is flagged as firmly:
// sanctions-evasion ships are run, not owned, by the listed firms. A minority owner, a director of an
// owner or an "associate" makes a possible match for an analyst, never a match on its own.
import type { LinkPath, ScreenMatch, ScreenResult, Verdict } from './types.js';

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

/** The matches of `result` with their listed parties (`paths` by linkKey) and the verdicts they support. */
export function applyLinks(result: ScreenResult, paths: ReadonlyMap<string, LinkPath[]>): ScreenResult {
  if (result.matches.length === 0) return result;
  const matches = result.matches.map((m): ScreenMatch => {
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

/** A party name as the stated-party lookup compares it: letters and digits, upper case, single spaces
 *  (the store applies the same rule in SQL: statedPartyKeySql). */
export const statedPartyKey = (name: string): string => name.toUpperCase().replace(/[^A-Z0-9]+/g, ' ').trim();

export interface ListedParty { list: string; list_version: string | null; key: string; entry_id: string; name: string; kind: string }

/** Adds a match for each stated owner or operator that a list names as a listed party (same name after
 *  statedPartyKey): the firm a fleet file says runs the ship is sanctioned, whatever the ship's name. */
export function applyStatedParties(result: ScreenResult, query: { owner?: string | null; operator?: string | null }, listed: ReadonlyMap<string, ListedParty[]>): ScreenResult {
  const added: ScreenMatch[] = [];
  for (const role of ['owner', 'operator'] as const) {
    const stated = query[role];
    if (!stated) continue;
    for (const p of listed.get(statedPartyKey(stated)) ?? []) {
      added.push({
        list: p.list, list_version: p.list_version, entry_key: p.key, entry_id: p.entry_id, listed: true, name: p.name, score: 1,
        matched_on: [role], verdict: 'match',
        reason: `stated ${role} ${stated} is listed: ${p.list}#${p.entry_id} ${p.name} (same name; the fleet file's ${role} column, not the list's own link)`,
      });
    }
  }
  if (added.length === 0) return result;
  return { ...result, verdict: 'match', matches: [...result.matches, ...added] };
}
