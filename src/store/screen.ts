// Screening through the store: the persisted index (screening-index.ts) for lists indexed at import, an
// in-memory index for lists imported before indexes existed, one answer either way.
import type { Store } from './db.js';
import { listLists, loadListEntries } from './lists.js';
import { candidatesFor, loadBlocker, staleScreeningLists } from './screening-index.js';
import { ScreeningIndex } from '../screening/index.js';
import { mergeResults, screenVessel } from '../screening/screen.js';
import type { ScreenQuery, ScreenResult } from '../screening/types.js';

/** Queries per round trip: the candidate join and the entries it returns stay small. */
const BATCH = 2000;

/**
 * Screens `queries` against the loaded lists through the persisted index, in batches. Lists imported
 * before the index existed (or changed since) are screened through an in-memory index instead, so the
 * answer is the same; `tumen lists import` (re)builds the persisted one.
 */
export async function screenQueries(store: Store, queries: ScreenQuery[], lists?: string[]): Promise<ScreenResult[]> {
  const stale = await staleScreeningLists(store);
  const wanted = lists ?? (await listLists(store)).map((l) => l.name);
  const fresh = wanted.filter((l) => !stale.includes(l));
  const old = wanted.filter((l) => stale.includes(l));
  const memory = old.length ? new ScreeningIndex(await loadListEntries(store, old, { screenableOnly: true })) : null;
  const blocker = fresh.length ? await loadBlocker(store) : null;
  const out: ScreenResult[] = [];
  for (let i = 0; i < queries.length; i += BATCH) {
    const batch = queries.slice(i, i + BATCH);
    const cands = blocker ? await candidatesFor(store, blocker, batch, fresh) : null;
    batch.forEach((q, k) => {
      const results = [cands ? screenVessel(cands[k], q) : null, memory ? screenVessel(memory, q) : null].filter((r): r is ScreenResult => r !== null);
      out.push(results.length === 1 ? results[0] : mergeResults(results));
    });
  }
  return out;
}
