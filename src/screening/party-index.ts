// The listed companies and persons a fleet file's owner and operator columns are screened against: every
// name, alias and former name of each listed non-vessel entry, blocked by the ship-name blocker
// (blocking.ts) on the name proper — in the order written and with its words sorted, so a person's name
// is found in either order — and scored by party-score.ts.
import { NameBlocker } from './blocking.js';
import { isNearGenericPartyWord, normaliseParty, type PartyName } from './party-name.js';
import { phoneticKey } from './phonetic.js';
import { scoreParty, type PartyScore } from './party-score.js';
import { SCREENING_PARAMS as P } from './params.js';

/** One name of a listed party (the store keeps these rows: screen_parties). */
export interface PartyVariant {
  list: string;
  key: string;
  entryId: string;
  /** The entry's own name (the one reported). */
  name: string;
  kind: string;
  /** This variant's text: the name, an alias or a former name. */
  variant: string;
  role: 'name' | 'alias' | 'former';
}

export interface PartyHit {
  party: PartyVariant;
  score: PartyScore;
  stated: PartyName;
  listed: PartyName;
}

/** The forms the blocker indexes for a party name: its telling words (not SHIPPING, MARITIME, … nor a
 *  typo of one: long business words would widen the edit budget until every "… SHIPPING" firm is a
 *  candidate), as written, and for a person sorted too (a query tries both its forms, so either order of
 *  a person's name finds the other). A name of generic words only is keyed by all its words. */
export function blockerKeysOf(variant: string | PartyName, kind: string, query = false): Array<{ compact: string; phonetic: string; words: string[] }> {
  const n = typeof variant === 'string' ? normaliseParty(variant) : variant;
  if (n.compact === '') return [];
  const telling = n.words.filter((w) => !isNearGenericPartyWord(w));
  const ws = telling.length ? telling : n.words;
  const compact = ws.join('');
  const sorted = [...ws].sort().join('');
  const out = [{ compact, phonetic: phoneticKey(compact), words: n.words }];
  if (sorted !== compact && (query || kind === 'person')) out.push({ compact: sorted, phonetic: phoneticKey(sorted), words: [] });
  return out;
}

/** The blocker's names of `variants` (entry = position). */
export function partyBlockerNames(variants: readonly PartyVariant[]): Array<{ compact: string; phonetic: string; entry: number; words: string[] }> {
  return variants.flatMap((v, id) => blockerKeysOf(v.variant, v.kind).map((k) => ({ ...k, entry: id })));
}

/** A firm's telling word may carry two typos where the rest of its name is right (KORVANEL -> KORVNAEK
 *  SHIPPING): the blocker keeps short names two edits away, and the scorer judges them by the whole name. */
export const PARTY_BLOCKING = { shortTwoEdits: true } as const;

export class PartyIndex {
  private readonly norms = new Map<number, PartyName>();

  constructor(readonly variants: readonly PartyVariant[], private readonly blocker: NameBlocker = NameBlocker.build(partyBlockerNames(variants), PARTY_BLOCKING)) {}

  private norm(id: number): PartyName {
    let n = this.norms.get(id);
    if (!n) { n = normaliseParty(this.variants[id].variant); this.norms.set(id, n); }
    return n;
  }

  /** Answers by stated name: a fleet states the same owner or manager for many of its ships. */
  private readonly answers = new Map<string, PartyHit[]>();

  /** Listed parties a stated name may be, best first, one hit per entry (its best-scoring name). */
  match(stated: string): PartyHit[] {
    const known = this.answers.get(stated);
    if (known) return known;
    const hits = this.lookUp(stated);
    if (this.answers.size >= 100_000) this.answers.clear();
    this.answers.set(stated, hits);
    return hits;
  }

  private lookUp(stated: string): PartyHit[] {
    const q = normaliseParty(stated);
    if (q.compact === '') return [];
    const ids = new Set(blockerKeysOf(q, 'query', true).flatMap((k) => this.blocker.candidates(k.compact, k.phonetic, PARTY_BLOCKING)));
    const best = new Map<string, PartyHit>();
    for (const id of ids) {
      const listed = this.norm(id);
      const score = scoreParty(q, listed, (w) => this.blocker.isListedWord(w));
      if (!score || score.score < P.minReportScore) continue;
      const v = this.variants[id];
      const k = `${v.list}\u0000${v.key}`;
      const prev = best.get(k);
      if (!prev || score.score > prev.score.score || (score.score === prev.score.score && v.role === 'name' && prev.party.role !== 'name')) {
        best.set(k, { party: v, score, stated: q, listed });
      }
    }
    return [...best.values()].sort((a, b) => b.score.score - a.score.score || a.party.list.localeCompare(b.party.list) || a.party.entryId.localeCompare(b.party.entryId));
  }
}
