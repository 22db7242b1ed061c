// Stated owners and operators of a fleet file matched on a thread of their own, while the main thread screens
// the ship names: on the 1 M list the party blocker's lookups and their scoring are a third of a fleet's
// screening CPU (bench/RESULTS.md), and the two do not depend on each other until the results are joined.
import type { BlockingArrays } from '../screening/blocking.js';
import type { PartyHit, PartyVariant } from '../screening/party-index.js';
import { spawnWorkerBeside } from '../ingest/spawn-worker.js';

/** Fewest distinct stated names worth a thread: starting one (its modules, a copy of the index's arrays)
 *  costs ~0.1 s, about what the main thread takes for a few hundred names; a single query (the dossier,
 *  /api/screen) is answered in place. */
export const PARTY_THREAD_MIN_NAMES = 200;

export interface PartyThreadData {
  arrays: BlockingArrays;
  variants: readonly PartyVariant[];
  names: readonly string[];
}

/** The hits of each of `names` (PartyIndex.match), in order, computed on a new thread. */
export function matchPartiesOnThread(data: PartyThreadData): Promise<PartyHit[][]> {
  return new Promise((resolve, reject) => {
    const worker = spawnWorkerBeside(import.meta.url, 'party-worker', data);
    let answered = false;
    worker.once('message', (hits: PartyHit[][]) => { answered = true; resolve(hits); void worker.terminate(); });
    worker.once('error', reject);
    worker.once('exit', (code) => { if (!answered) reject(new Error(`party matching thread exited with code ${code} before answering`)); });
  });
}
