// Screens one vessel (IMO, MMSI, call sign, name, former names) against every loaded list entry.
import type { ScreeningIndex } from './index.js';
import { imoStatus, normaliseImo } from '../reference/imo.js';
import { scoreNames, type NameScore } from './name-score.js';
import { normaliseCallsign, normaliseMmsi, normaliseName, type NormalisedName } from './normalise.js';
import { splitExName, withoutDate } from './query.js';
import { ROMANISATION_RULES, respellingHolds } from './respell.js';
import { queryForms } from './query-forms.js';
import { SCREENING_PARAMS as P } from './params.js';
import type { MatchedOn, ScreenMatch, ScreenQuery, ScreenResult, Verdict } from './types.js';

interface NameHit {
  score: NameScore;
  /** An alias or former name made only of generic words (FREEDOM, VICTORY): it corroborates an
   *  identifier hit but never matches alone. */
  genericAlias: boolean;
  matchedOn: MatchedOn;
  listed: string;
  queried: string;
}

interface Evidence {
  imo?: string;
  mmsi?: string;
  callsign?: string;
  name?: NameHit;
}

/** A name score's value before its number factor (name-score.ts), to carry that factor to another score. */
const BASE_SCORE: Record<NameScore['how'], number> = {
  exact: P.exactNameScore, compact: P.compactNameScore, transliteration: P.phoneticNameScore, word_order: P.wordOrderShipScore, fuzzy: 1,
  ais_cut: P.aisCutNameScore,
};

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export function screenVessel(index: ScreeningIndex, query: ScreenQuery): ScreenResult {
  const findings: string[] = [];
  const evidence = new Map<number, Evidence>();
  const get = (i: number): Evidence => {
    let ev = evidence.get(i);
    if (!ev) { ev = {}; evidence.set(i, ev); }
    return ev;
  };

  const rawImo = query.imo?.trim() || null;
  const imo = normaliseImo(rawImo);
  const imoState = rawImo ? imoStatus(rawImo) : null;
  if (rawImo && imoState === 'malformed') findings.push(`IMO "${rawImo}" is not a 7-digit number`);
  if (imoState === 'bad_check_digit') findings.push(`IMO ${imo} fails the IMO check digit: mistyped, or not a real IMO number`);
  if (imo) for (const i of index.byImo.get(imo) ?? []) get(i).imo = imo;

  const rawMmsi = query.mmsi?.trim() || null;
  const mmsi = normaliseMmsi(rawMmsi);
  if (rawMmsi && !mmsi) findings.push(`MMSI "${rawMmsi}" is not a 9-digit number`);
  if (mmsi) for (const i of index.byMmsi.get(mmsi) ?? []) get(i).mmsi = mmsi;

  const callsign = query.callsign ? normaliseCallsign(query.callsign) : '';
  if (callsign.length >= 3) for (const i of index.byCallsign.get(callsign) ?? []) get(i).callsign = callsign;

  const names: Array<{ raw: string; former: boolean }> = [];
  const given = query.name?.trim() ? splitExName(query.name.trim()) : { name: '', former: [] };
  if (given.name) names.push({ raw: given.name, former: false });
  for (const f of [...given.former, ...(query.formerNames ?? []).map(withoutDate)]) {
    if (f.trim() && f.trim() !== given.name && !names.some((n) => n.raw === f.trim())) names.push({ raw: f.trim(), former: true });
  }
  for (const { raw, former } of names) {
    const { norm: q, orders, respellings } = queryForms(raw);
    if (q.full === '') continue;
    const scored: Array<{ v: number; s: NameScore }> = [];
    const candidates = index.nameCandidates(q);
    for (const v of candidates) {
      const s = scoreNames(q, index.variants[v].norm, (w) => index.isListedWord(w));
      if (s) scored.push({ v, s });
    }
    // The same words in another order: only the same or transliterated words, never similar ones.
    for (const r of orders) {
      for (const v of index.nameCandidates(r)) {
        const norm = index.variants[v].norm;
        if (norm.compact !== r.compact && norm.phonetic !== r.phonetic) continue; // the same words only
        const s = scoreNames(r, norm);
        if (s && s.how !== 'fuzzy') scored.push({ v, s: { ...s, how: 'word_order', score: Math.min(s.score, P.wordOrderShipScore) } });
      }
    }
    // Another romanisation by a rule the key does not fold, or another reading (respell.ts): the same form only.
    for (const r of respellings) {
      for (const v of index.nameCandidates(r.norm)) {
        const norm = index.variants[v].norm;
        if (!respellingHolds(q, r, norm)) continue;
        const s = scoreNames(r.norm, norm);
        if (!s || s.how === 'fuzzy') continue;
        // A Korean, Chinese or Slavic rule is a romanisation (as the key's folds are); S for Z, and a
        // misreading, are a slip in how a name was written, scored as a one-edit similarity (so a
        // carried-only entry needs a listed party's link to keep it: links.ts).
        const factor = s.score / BASE_SCORE[s.how];
        scored.push({ v, s: ROMANISATION_RULES.has(r.rule) ? { ...s, how: 'transliteration', score: P.phoneticNameScore * factor }
          : { ...s, how: 'fuzzy', edits: 1, score: (P.fuzzyBaseScore - P.perEditPenalty) * factor } });
      }
    }
    const family = numberedFamilies(q, candidates.map((v) => index.variants[v].norm));
    for (const { v, s } of scored) {
      const variant = index.variants[v];
      // A number on the query and none on the listed name, where the lists also carry that name with a
      // number (MI RIM and MI RIM 2 listed, MI RIM 3 asked): the family is numbered, and the query names
      // a sister the lists do not carry.
      if (q.numbers.length > 0 && variant.norm.numbers.length === 0 && family.has(variant.norm.compact)) continue;
      const score = former ? { ...s, score: s.score * P.formerNameFactor } : s;
      const matchedOn: MatchedOn = former ? 'former_name' : variant.role === 'name' ? 'name' : 'alias';
      const ev = get(variant.entryIndex);
      const genericAlias = variant.role !== 'name' && variant.norm.distinctive === '';
      if (!ev.name || score.score > ev.name.score.score) ev.name = { score, matchedOn, listed: variant.raw, queried: raw, genericAlias };
    }
  }

  const matches: ScreenMatch[] = [];
  for (const [i, ev] of evidence) {
    const m = judge(index, i, ev, imo, imoState === 'valid', names.length > 0);
    if (m) matches.push(m);
  }
  matches.sort(byRank);
  const verdict: Verdict = matches.some((m) => m.verdict === 'match') ? 'match' : matches.length > 0 ? 'possible' : 'clear';
  return { verdict, matches, findings };
}

/** Compact forms of `candidates` that the lists also carry with a number: names of numbered families.
 *  Every listed spelling with the query's compact form is a candidate (blocking.ts, index.ts). */
function numberedFamilies(q: NormalisedName, candidates: NormalisedName[]): Set<string> {
  const out = new Set<string>();
  if (q.numbers.length === 0) return out;
  for (const c of candidates) if (c.numbers.length > 0) out.add(c.compact);
  return out;
}

/** One result from the results of several indexes over disjoint lists. */
export function mergeResults(results: ScreenResult[]): ScreenResult {
  const matches = results.flatMap((r) => r.matches).sort(byRank);
  const verdict: Verdict = matches.some((m) => m.verdict === 'match') ? 'match' : matches.length > 0 ? 'possible' : 'clear';
  return { verdict, matches, findings: [...new Set(results.flatMap((r) => r.findings))] };
}

function byRank(a: ScreenMatch, b: ScreenMatch): number {
  return b.score - a.score || (a.verdict === b.verdict ? 0 : a.verdict === 'match' ? -1 : 1)
    || a.list.localeCompare(b.list) || a.entry_id.localeCompare(b.entry_id);
}

function judge(index: ScreeningIndex, i: number, ev: Evidence, queryImo: string | null, queryImoValid: boolean, named: boolean): ScreenMatch | null {
  const { list, listVersion, entry } = index.entries[i];
  const matchedOn: MatchedOn[] = [];
  const reasons: string[] = [];
  let score = 0;
  let strong = false;
  const nameScore = ev.name?.score.score ?? 0;
  const nameAgrees = nameScore >= P.corroboratingNameScore;

  if (ev.imo) {
    matchedOn.push('imo');
    score = P.imoScore;
    strong = true;
    reasons.push(`IMO ${ev.imo} is listed${imoStatus(ev.imo) === 'valid' ? '' : ' (the listed IMO fails its check digit)'}`);
  }
  if (ev.mmsi) {
    matchedOn.push('mmsi');
    score = Math.max(score, nameAgrees ? P.mmsiWithNameScore : P.mmsiAloneScore);
    if (nameAgrees) strong = true;
    reasons.push(`MMSI ${ev.mmsi} is listed${nameAgrees ? '' : ' but the name differs (MMSIs are reassigned on reflagging)'}`);
  }
  if (ev.callsign) {
    matchedOn.push('callsign');
    score = Math.max(score, nameAgrees ? P.callsignWithNameScore : P.callsignAloneScore);
    if (nameAgrees) strong = true;
    reasons.push(`call sign ${ev.callsign} is listed${nameAgrees ? '' : ' but the name differs (call signs are reassigned)'}`);
  }
  // A generic alias alone is no evidence, unless it is the same name with the same number (GRACE 1, the
  // former name of ADRIAN DARYA 1): the number tells generic names apart, as for primary names.
  const numbered = ev.name?.genericAlias === true && ev.name.score.how === 'exact' && normaliseName(ev.name.listed).numbers.length > 0;
  if (ev.name && !(ev.name.genericAlias && !numbered && !ev.imo && !ev.mmsi && !ev.callsign)) {
    const n = ev.name;
    const entryImos = entry.imo.map((x) => normaliseImo(x)).filter((x): x is string => x !== null);
    const imoConflict = queryImoValid && queryImo !== null && entryImos.length > 0 && !entryImos.includes(queryImo);
    let s = n.score.score;
    if (imoConflict) s *= P.imoConflictFactor;
    const how = n.score.how === 'fuzzy' ? `similar, ${n.score.edits} edit${n.score.edits === 1 ? '' : 's'}`
      : n.score.how === 'compact' ? 'same without spaces' : n.score.how === 'transliteration' ? 'same after transliteration'
        : n.score.how === 'word_order' ? 'same words in another order'
          : n.score.how === 'ais_cut' ? 'same as far as a 20-character AIS name field goes' : 'same';
    const what = n.matchedOn === 'former_name' ? `former name "${n.queried}"` : `name "${n.queried}"`;
    const target = n.matchedOn === 'alias' ? `listed alias "${n.listed}"` : `listed name "${n.listed}"`;
    let reason = `${what} ${how} as ${target}`;
    if (n.score.numberNote) reason += ` (${n.score.numberNote})`;
    if (imoConflict) reason += `; but the listed IMO is ${entryImos.join('/')}, not ${queryImo}`;
    if (s >= P.minReportScore || (ev.imo || ev.mmsi || ev.callsign) && nameAgrees) {
      matchedOn.push(n.matchedOn);
      reasons.push(reason);
    }
    if (s > score) score = s;
    const distinctive = normaliseName(n.listed).distinctive !== '';
    if (!strong && !imoConflict && s >= P.nameMatchScore && distinctive) strong = true;
  }
  if (score < P.minReportScore || matchedOn.length === 0) return null;
  const match: ScreenMatch = {
    list,
    list_version: listVersion,
    entry_key: entry.key,
    entry_id: entry.entryId,
    listed: entry.listed !== false,
    name: entry.name,
    score: round3(score),
    matched_on: matchedOn,
    reason: reasons.join('; '),
    verdict: strong ? 'match' : 'possible',
  };
  if (!ev.imo && !ev.mmsi && !ev.callsign && ev.name && NOT_THE_SAME_NAME.has(ev.name.score.how)) similarNameOnly.add(match);
  if ((ev.imo || ev.mmsi || ev.callsign) && named && !nameAgrees) identifierUnderAnotherName.add(match);
  return match;
}

/** Name scores that are not the same written name: similar, the same only after transliteration folding,
 *  or the same words in another order. The folding key is coarse (G/K, D/T, B/P, R/L, vowel digraphs: THRESHER
 *  and a generated DRAESHEL share one), so on a list carrying hundreds of thousands of ships it meets real
 *  names by chance as a typo does. */
const NOT_THE_SAME_NAME: ReadonlySet<NameScore['how']> = new Set(['fuzzy', 'transliteration', 'word_order', 'ais_cut']);

/** Matches whose only evidence is a name similar to (not the same as) a listed one: on an entry the list
 *  carries without sanctioning it, and that no listed party controls, such a match is dropped (links.ts). */
export const similarNameOnly = new WeakSet<ScreenMatch>();

/** Matches on an identifier (IMO, MMSI, call sign) of an entry none of whose names is like the name the
 *  query states. A sanctioned ship renamed keeps its IMO, so on a listed entry that is a hit; on an entry
 *  the list carries without sanctioning it, and that no listed party controls, there is nothing sanctioned
 *  to report: another name under the number is another record of an unsanctioned ship, or a number mistyped
 *  in one of the many registries such a list gathers — dropped (links.ts). Without a stated name the hit is
 *  kept (a possible): the number is all there is to go on. */
export const identifierUnderAnotherName = new WeakSet<ScreenMatch>();
