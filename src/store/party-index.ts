// The listed-party index kept in the store beside the ship-name index (screening-index.ts): one row per
// name, alias and former name of every listed company and person (screen_parties), and the blocker over
// all of them saved as BLOBs, built once per list version at import. A fleet file's owner and operator
// columns are screened through it; a list imported before it existed is indexed in memory meanwhile.
import type { Store } from './db.js';
import type { ListEntry } from '../lists/types.js';
import { NameBlocker } from '../screening/blocking.js';
import { PARTY_BLOCKING, PartyIndex, blockerKeysOf, type PartyHit, type PartyVariant } from '../screening/party-index.js';
import { loadBlockerArrays, saveBlockerArrays } from './screening-blocker.js';
import type { StatedPartyLookup } from '../screening/links.js';
import type { BlockingArrays } from '../screening/blocking.js';
import { matchPartiesOnThread, PARTY_THREAD_MIN_NAMES } from './party-thread.js';

export const PARTY_DDL = [
  `CREATE TABLE IF NOT EXISTS screen_parties (
    list VARCHAR NOT NULL, key VARCHAR NOT NULL, entry_id VARCHAR NOT NULL, name VARCHAR NOT NULL, kind VARCHAR NOT NULL,
    variant VARCHAR NOT NULL, role VARCHAR NOT NULL)`,
  // The blocker's keys of each row (party-index.ts partyBlockerNames), so rebuilding the blocker over
  // every list after an import does not normalise every list's names again.
  'ALTER TABLE screen_parties ADD COLUMN IF NOT EXISTS keys VARCHAR',
  'ALTER TABLE screen_index_meta ADD COLUMN IF NOT EXISTS parties INTEGER',
] as const;

const BLOCKER_PREFIX = 'party.';
/** One order for saving and loading: the blocker refers to rows by position. */
const ROW_ORDER = 'ORDER BY list, key, role, variant';

/** Listed non-vessel entries (what a stated owner or operator may be). */
const LISTED_PARTY = "kind <> 'vessel' AND coalesce(json_extract_string(body, '$.listed'), 'true') <> 'false'";

function variantsOf(list: string, e: ListEntry): PartyVariant[] {
  const out: PartyVariant[] = [];
  const seen = new Set<string>();
  const add = (variant: string, role: PartyVariant['role']): void => {
    const v = variant.trim();
    if (!v || seen.has(v)) return;
    seen.add(v);
    out.push({ list, key: e.key, entryId: e.entryId, name: e.name, kind: e.kind, variant: v, role });
  };
  add(e.name, 'name');
  for (const a of e.aliases) add(a, 'alias');
  for (const f of e.formerNames) add(f, 'former');
  return out;
}

/** Rewrites the party rows of `list` from its listed companies and persons (`entries`, or read from the
 *  store); returns how many names it holds. */
export async function indexParties(store: Store, list: string, entries?: readonly ListEntry[]): Promise<number> {
  await store.run('DELETE FROM screen_parties WHERE list = $list', { list });
  const listed = entries ?? (await store.all<{ body: string }>(`SELECT body FROM list_entries WHERE list = $list AND ${LISTED_PARTY}`, { list }))
    .map((r) => JSON.parse(r.body) as ListEntry);
  const app = await store.conn.createAppender('screen_parties');
  let n = 0;
  for (const e of listed) {
    for (const v of variantsOf(list, e)) {
      app.appendVarchar(v.list); app.appendVarchar(v.key); app.appendVarchar(v.entryId); app.appendVarchar(v.name);
      app.appendVarchar(v.kind); app.appendVarchar(v.variant); app.appendVarchar(v.role);
      app.appendVarchar(blockerKeysOf(v.variant, v.kind).map((k) => `${k.compact}\t${k.phonetic}\t${k.words.join(' ')}`).join('\n')); app.endRow();
      n++;
    }
  }
  app.flushSync();
  app.closeSync();
  return n;
}

async function allVariants(store: Store): Promise<PartyVariant[]> {
  const rows = await store.all<{ list: string; key: string; entry_id: string; name: string; kind: string; variant: string; role: string }>(
    `SELECT list, key, entry_id, name, kind, variant, role FROM screen_parties ${ROW_ORDER}`);
  return rows.map((r) => ({ list: r.list, key: r.key, entryId: r.entry_id, name: r.name, kind: r.kind, variant: r.variant, role: r.role as PartyVariant['role'] }));
}

/** Rebuilds the blocker over every indexed list's party names. */
export async function savePartyBlocker(store: Store): Promise<void> {
  const rows = await store.all<{ keys: string | null; variant: string; kind: string }>(`SELECT keys, variant, kind FROM screen_parties ${ROW_ORDER}`);
  const names: Array<{ compact: string; phonetic: string; entry: number; words: string[] }> = [];
  rows.forEach((r, id) => {
    const keys = r.keys === null ? blockerKeysOf(r.variant, r.kind) : r.keys === '' ? [] : r.keys.split('\n').map((k) => {
      const [compact, phonetic, words] = k.split('\t');
      return { compact, phonetic, words: words ? words.split(' ') : [] };
    });
    for (const k of keys) names.push({ ...k, entry: id });
  });
  await saveBlockerArrays(store, BLOCKER_PREFIX, NameBlocker.build(names, PARTY_BLOCKING).arrays);
}

/** The saved party index's parts (the blocker's arrays and the rows they refer to by position), or null
 *  when none was built. */
async function loadPartyIndexParts(store: Store): Promise<{ arrays: BlockingArrays; variants: PartyVariant[] } | null> {
  const arrays = await loadBlockerArrays(store, BLOCKER_PREFIX);
  return arrays ? { arrays, variants: await allVariants(store) } : null;
}

/** The saved party index of every indexed list, or null when none was built. */
export async function loadPartyIndex(store: Store): Promise<PartyIndex | null> {
  const parts = await loadPartyIndexParts(store);
  return parts ? new PartyIndex(parts.variants, new NameBlocker(parts.arrays)) : null;
}

/** A party index of `lists` built in memory from their entries (lists imported before the index existed). */
export async function memoryPartyIndex(store: Store, lists: readonly string[]): Promise<PartyIndex> {
  const out: PartyVariant[] = [];
  for (const list of lists) {
    const rows = await store.all<{ body: string }>(`SELECT body FROM list_entries WHERE list = $list AND ${LISTED_PARTY} ORDER BY key`, { list });
    for (const r of rows) out.push(...variantsOf(list, JSON.parse(r.body) as ListEntry));
  }
  return new PartyIndex(out);
}

/** What `lists` screens stated owners and operators against: the saved index for lists indexed with
 *  their parties, an in-memory one for the rest. */
export async function openPartyLookup(store: Store, lists: readonly string[], stale: readonly string[]): Promise<StatedPartyLookup> {
  const versions = new Map((await store.all<{ name: string; version: string | null }>('SELECT name, version FROM lists')).map((l) => [l.name, l.version]));
  const hasMeta = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'screen_index_meta' AND column_name = 'parties'");
  const indexed = Number(hasMeta?.n ?? 0) === 0 ? new Set<string>()
    : new Set((await store.all<{ list: string }>('SELECT list FROM screen_index_meta WHERE parties IS NOT NULL')).map((r) => r.list));
  let saved = lists.filter((l) => indexed.has(l) && !stale.includes(l));
  const parts = saved.length ? await loadPartyIndexParts(store) : null;
  if (!parts) saved = [];
  // Built here only for names not answered on a thread (prepare): a fleet's are, a single query's are not.
  let local: PartyIndex | null = null;
  const savedIndex = (): PartyIndex => (local ??= new PartyIndex(parts!.variants, new NameBlocker(parts!.arrays)));
  const answered = new Map<string, PartyHit[]>();
  const rest = lists.filter((l) => !saved.includes(l));
  const memory = rest.length ? await memoryPartyIndex(store, rest) : null;
  return {
    match: (stated) => [
      ...(parts ? (answered.get(stated) ?? savedIndex().match(stated)).filter((h) => saved.includes(h.party.list)) : []),
      ...(memory?.match(stated) ?? []),
    ].sort((a, b) => b.score.score - a.score.score || a.party.list.localeCompare(b.party.list) || a.party.entryId.localeCompare(b.party.entryId)),
    version: (list) => versions.get(list) ?? null,
    prepare: async (names) => {
      const todo = parts ? [...new Set(names)].filter((n) => !answered.has(n)) : [];
      if (todo.length < PARTY_THREAD_MIN_NAMES) return;
      const hits = await matchPartiesOnThread({ arrays: parts!.arrays, variants: parts!.variants, names: todo });
      if (answered.size + todo.length > MAX_ANSWERED) answered.clear();
      todo.forEach((n, i) => answered.set(n, hits[i]));
    },
  };
}

/** Answers from threads kept at most (a server screens many fleets through one lookup). */
const MAX_ANSWERED = 100_000;
