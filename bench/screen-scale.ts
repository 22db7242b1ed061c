// Screening at the scale of OpenSanctions: quality on the seeded OFAC corpus with a million-entity
// FollowTheMoney list loaded beside OFAC and UN, through the persisted index (what `tumen screen` uses),
// and the effect of the candidate cap. Build the store first:
//   npx tsx bench/ftm-generate.ts /tmp/ftm/ftm-1m.jsonl 1000000 1
//   tumen lists import test/fixtures/sanctions/ofac-2021/sdn.csv.gz --db /tmp/ftm/b.duckdb   (and UN, and the FtM file)
// Run: npx tsx bench/screen-scale.ts /tmp/ftm/b.duckdb [seed]
import { Store } from '../src/store/db.js';
import { screenQueries } from '../src/store/screen.js';
import { buildCorpus, loadFixtureLists } from './screen-corpus.js';

const [db, seedArg] = process.argv.slice(2);
if (!db) throw new Error('usage: npx tsx bench/screen-scale.ts STORE.duckdb [seed]');
const store = await Store.open(db, { readOnly: true });
const corpus = buildCorpus(loadFixtureLists(), Number(seedArg ?? 20210707));
const t = performance.now();
const results = await screenQueries(store, corpus.map((c) => c.query));
const ms = performance.now() - t;
let tp = 0; let fp = 0; let fn = 0; let positives = 0; let ftmHitsOnPositives = 0;
const byKind = new Map<string, { n: number; ok: number }>();
corpus.forEach((c, i) => {
  const r = results[i];
  let ok: boolean;
  if (c.expect === null) { ok = r.verdict === 'clear'; if (!ok) fp++; } else {
    positives++;
    ok = r.verdict !== 'clear' && r.matches.some((m) => m.list === 'ofac-sdn' && m.entry_id === c.expect);
    if (ok) tp++; else { fn++; if (r.verdict !== 'clear') fp++; }
    if (r.matches.some((m) => m.list === 'opensanctions')) ftmHitsOnPositives++;
  }
  const k = byKind.get(c.kind) ?? { n: 0, ok: 0 };
  k.n++; if (ok) k.ok++;
  byKind.set(c.kind, k);
});
console.log(`${corpus.length} queries (${positives} positives) in ${(ms / 1000).toFixed(2)} s`);
console.log(`precision ${(tp / (tp + fp)).toFixed(4)}  recall ${(tp / positives).toFixed(4)}  (tp ${tp}, fp ${fp}, fn ${fn}); positives that also hit the FtM list: ${ftmHitsOnPositives}`);
for (const [kind, k] of [...byKind].sort()) console.log(`  ${kind.padEnd(28)} ${k.ok}/${k.n}  ${(k.ok / k.n).toFixed(3)}`);
store.close();
