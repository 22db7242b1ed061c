// Screening through the store: the persisted index (screening-index.ts) for lists indexed at import, an
// in-memory index for lists imported before indexes existed, one answer either way — then the ownership
// and management links of every matched entry (list-links.ts). Every reader (`tumen screen`, the dossier,
// risk scores, /api/screen) screens through a StoreScreener, so none rebuilds an index of a big list.
import type { Store } from './db.js';
import { listLists, loadListEntries } from './lists.js';
import { candidatesFor, loadBlocker, staleScreeningLists } from './screening-index.js';
import { linkPathsOf, listsWithLinks } from './list-links.js';
import { openPartyLookup } from './party-index.js';
import { ScreeningIndex } from '../screening/index.js';
import type { NameBlocker } from '../screening/blocking.js';
import { applyLinks, applyStatedParties, type LinkOptions, type StatedPartyLookup } from '../screening/links.js';
import { listFormFinding, queryFromListForm } from '../screening/list-form.js';
import { mergeResults, screenVessel } from '../screening/screen.js';
import type { ScreenQuery, ScreenResult } from '../screening/types.js';

/** Queries per round trip. Each round trip scans the link and entry tables once (link paths, their
 *  parties), so a 10,000-row fleet in one costs ~0.6 CPU-s less than in five on the 1 M list, while the
 *  candidate join and the entries it returns stay small (~16 k rows there). */
const BATCH = 10_000;

export class StoreScreener {
  private constructor(
    private readonly store: Store,
    /** Lists screened through the persisted index. */
    private readonly fresh: string[],
    private readonly blocker: NameBlocker | null,
    /** Lists imported before the index existed (or changed since), screened in memory. */
    private readonly memory: ScreeningIndex | null,
    /** Lists whose entries are linked to owners and operators (list-links.ts). */
    private readonly linked: ReadonlySet<string>,
    /** Every list screened (stated owners and operators are looked up in all of them). */
    private readonly lists: readonly string[],
    private readonly stale: readonly string[],
  ) {}

  /** Lists screened in memory because their saved index is missing or stale (`tumen lists reindex`). */
  get inMemory(): readonly string[] {
    return this.lists.filter((l) => !this.fresh.includes(l));
  }

  /** Opened on the first query that states an owner or operator (most fleet files state none). */
  private parties: Promise<StatedPartyLookup> | null = null;

  /** The screener of the loaded lists (or of `lists`); null when none is loaded. */
  static async open(store: Store, lists?: string[]): Promise<StoreScreener | null> {
    const wanted = lists ?? (await listLists(store)).map((l) => l.name);
    if (wanted.length === 0) return null;
    const stale = await staleScreeningLists(store);
    let fresh = wanted.filter((l) => !stale.includes(l));
    const blocker = fresh.length ? await loadBlocker(store) : null;
    if (!blocker) fresh = []; // no saved blocker: every list is screened in memory
    const old = wanted.filter((l) => !fresh.includes(l));
    const memory = old.length ? new ScreeningIndex(await loadListEntries(store, old, { screenableOnly: true })) : null;
    return new StoreScreener(store, fresh, blocker, memory, await listsWithLinks(store), wanted, stale);
  }

  async screen(asked: ScreenQuery[], opts: LinkOptions = {}): Promise<ScreenResult[]> {
    const queries = asked.map(queryFromListForm);
    const out: ScreenResult[] = [];
    for (let i = 0; i < queries.length; i += BATCH) {
      const batch = queries.slice(i, i + BATCH);
      // Stated owners and operators: the lookup opened first (the store answers one query at a time), then
      // matched on a thread of their own (party-thread.ts) while the ship names are screened here.
      const stated = [...new Set(batch.flatMap((q) => [q.owner?.trim(), q.operator?.trim()]).filter((n): n is string => !!n))];
      const parties = stated.length ? await (this.parties ??= openPartyLookup(this.store, this.lists, this.stale)) : null;
      const prepared = parties?.prepare?.(stated) ?? null;
      prepared?.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
      const cands = this.blocker ? await candidatesFor(this.store, this.blocker, batch, this.fresh) : null;
      const results = batch.map((q, k) => {
        const rs = [cands ? screenVessel(cands[k], q) : null, this.memory ? screenVessel(this.memory, q) : null].filter((r): r is ScreenResult => r !== null);
        return rs.length === 1 ? rs[0] : mergeResults(rs);
      });
      const paths = await linkPathsOf(this.store, results.flatMap((r) => r.matches), this.linked);
      const linked = results.map((r) => applyLinks(r, paths, opts));
      if (parties) {
        await prepared;
        out.push(...linked.map((r, k) => applyStatedParties(r, batch[k], parties)));
      } else out.push(...linked);
    }
    return out.map((r, k) => {
      const read = listFormFinding(asked[k], queries[k]);
      return read ? { ...r, findings: [read, ...r.findings] } : r;
    });
  }

  async screenOne(query: ScreenQuery): Promise<ScreenResult> {
    return (await this.screen([query]))[0];
  }
}

/** Screens `queries` against the loaded lists (or `lists`); every result is clear when none is loaded. */
export async function screenQueries(store: Store, queries: ScreenQuery[], lists?: string[], opts: LinkOptions = {}): Promise<ScreenResult[]> {
  const screener = await StoreScreener.open(store, lists);
  return screener ? screener.screen(queries, opts) : queries.map(() => ({ verdict: 'clear', matches: [], findings: ['no sanctions lists loaded'] }));
}
