// What the carried-only rule costs and saves (src/screening/links.ts): a name only similar to (not the
// same as) a ship a list carries without sanctioning it, that no listed party controls, is dropped.
// - Cost: one-typo spellings (screen-corpus.ts typo) of carried-only ship names of 5+ letters with a
//   distinctive word, drawn from the store: how many still find their ship, with and without the rule.
// - Saving: the decoys of the seeded OFAC corpus (screen-corpus.ts), of the held-out and of the old hard
//   cases: how many are flagged with and without the rule, and precision / recall of the corpus.
// Run on the 1 M store: npx tsx bench/screen-carried.ts STORE.duckdb [typos] [seed]
import { Store } from '../src/store/db.js';
import { screenQueries } from '../src/store/screen.js';
import { normaliseName } from '../src/screening/normalise.js';
import type { ScreenQuery, ScreenResult } from '../src/screening/types.js';
import { buildCorpus, loadFixtureLists, rng, typo } from './screen-corpus.js';
import { HELDOUT_CASES } from './screen-heldout-cases.js';
import { HARD_CASES } from './screen-hard-cases.js';

const [db, nArg, seedArg] = process.argv.slice(2);
if (!db) throw new Error('usage: npx tsx bench/screen-carried.ts STORE.duckdb [typos] [seed]');
const n = Number(nArg ?? 400);
const seed = Number(seedArg ?? 20210707);
const store = await Store.open(db, { readOnly: true });

const carried = await store.all<{ list: string; key: string; name: string }>(`
  SELECT list, key, name FROM list_entries
   WHERE kind = 'vessel' AND coalesce(json_extract_string(body, '$.listed'), 'true') = 'false'
   ORDER BY hash(key || '${seed}') LIMIT ${n * 3}`);
const r = rng(seed);
const typos: Array<{ query: ScreenQuery; list: string; key: string }> = [];
for (const c of carried) {
  const norm = normaliseName(c.name);
  if (norm.distinctive === '' || norm.compact.length < 5) continue;
  const name = typo(r, c.name);
  if (normaliseName(name).compact === norm.compact) continue;
  typos.push({ query: { name }, list: c.list, key: c.key });
  if (typos.length === n) break;
}

const corpus = buildCorpus(loadFixtureLists(), seed);
const decoys: ScreenQuery[] = [
  ...HELDOUT_CASES.filter((c) => c.expect === null).map((c) => c.query),
  ...HARD_CASES.filter((c) => c.expect === null).map((c) => c.query),
];

async function run(keep: boolean): Promise<void> {
  const opts = { keepSimilarCarriedOnly: keep };
  const t = await screenQueries(store, typos.map((x) => x.query), undefined, opts);
  const found = typos.filter((x, i) => t[i].matches.some((m) => m.list === x.list && m.entry_key === x.key)).length;
  const controlled = typos.filter((x, i) => t[i].matches.some((m) => m.list === x.list && m.entry_key === x.key && m.links?.length)).length;
  const res = await screenQueries(store, corpus.map((c) => c.query), undefined, opts);
  let tp = 0; let fp = 0; let positives = 0; let decoyFlags = 0; let decoyCarried = 0;
  corpus.forEach((c, i) => {
    if (c.expect === null) {
      if (res[i].verdict !== 'clear') { fp++; decoyFlags++; if (carriedOnly(res[i])) decoyCarried++; }
    } else {
      positives++;
      if (res[i].verdict !== 'clear' && res[i].matches.some((m) => m.list === 'ofac-sdn' && m.entry_id === c.expect)) tp++;
      else if (res[i].verdict !== 'clear') fp++;
    }
  });
  const d = await screenQueries(store, decoys, undefined, opts);
  const hand = d.filter((x) => x.verdict !== 'clear');
  console.log(`${keep ? 'without the rule' : 'with the rule   '}: carried-only typos found ${found}/${typos.length} (${controlled} with a listed party's link); `
    + `OFAC corpus precision ${(tp / (tp + fp)).toFixed(4)} recall ${(tp / positives).toFixed(4)}, decoys flagged ${decoyFlags} (${decoyCarried} by carried-only hits alone); `
    + `hand-written decoys flagged ${hand.length}/${decoys.length} (${hand.filter(carriedOnly).length} by carried-only hits alone)`);
}

/** Flagged only through entries the lists carry without sanctioning them. */
function carriedOnly(res: ScreenResult): boolean {
  return res.matches.length > 0 && res.matches.every((m) => !m.listed);
}

await run(false);
await run(true);
store.close();
