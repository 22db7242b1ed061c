// Owner/operator screening quality on a store's loaded lists (bench/party-corpus.ts): precision and recall
// through StoreScreener, what `tumen screen --file` runs for a fleet file's owner column.
// Run: npx tsx bench/party-quality.ts STORE.duckdb [seed]   (build the store as bench/screen-scale.ts says)
import { Store } from '../src/store/db.js';
import { screenQueries } from '../src/store/screen.js';
import { buildPartyCorpus } from './party-corpus.js';

const [db, seedArg] = process.argv.slice(2);
if (!db) throw new Error('usage: npx tsx bench/party-quality.ts STORE.duckdb [seed]');
const seed = Number(seedArg ?? 1);
const store = await Store.open(db, { readOnly: true });
const corpus = await buildPartyCorpus(store, seed);
const t = performance.now();
const results = await screenQueries(store, corpus.map((c) => ({ owner: c.owner })));
const ms = performance.now() - t;
let tp = 0; let fp = 0; let fn = 0; let positives = 0; let firm = 0; let extra = 0;
const byKind = new Map<string, { n: number; ok: number }>();
const failures: string[] = [];
corpus.forEach((c, i) => {
  const r = results[i];
  let ok: boolean;
  if (c.expect === null) { ok = r.verdict === 'clear'; if (!ok) fp++; } else {
    positives++;
    const hit = r.matches.find((m) => m.list === c.expect!.list && m.entry_id === c.expect!.entryId);
    ok = hit !== undefined;
    if (ok) { tp++; if (hit!.verdict === 'match') firm++; extra += r.matches.length - 1; } else { fn++; if (r.verdict !== 'clear') fp++; }
  }
  const k = byKind.get(c.kind) ?? { n: 0, ok: 0 };
  k.n++; if (ok) k.ok++;
  byKind.set(c.kind, k);
  if (!ok) failures.push(`${c.kind}\t${c.owner}\texpect ${c.expect ? `${c.expect.list}#${c.expect.entryId}` : 'clear'}\tgot ${r.verdict} ${r.matches.slice(0, 2).map((m) => `${m.list}#${m.entry_id} ${m.name} ${m.score}`).join(' | ')}`);
});
console.log(`seed ${seed}: ${corpus.length} owner queries (${positives} positives) in ${(ms / 1000).toFixed(2)} s`);
console.log(`precision ${(tp / (tp + fp)).toFixed(4)}  recall ${(tp / positives).toFixed(4)}  (tp ${tp}, fp ${fp}, fn ${fn}); found as "match" ${firm}/${tp}; other entries beside the expected one ${extra}`);
for (const [kind, k] of [...byKind].sort()) console.log(`  ${kind.padEnd(24)} ${k.ok}/${k.n}  ${(k.ok / k.n).toFixed(3)}`);
// The matcher before legal forms, aliases and typos: the stated name equal to a listed party's name
// after upper-casing and punctuation to spaces (what it was), on the same corpus.
const exactKey = (n: string): string => n.toUpperCase().replace(/[^A-Z0-9]+/g, ' ').trim();
const byKey = new Map<string, string[]>();
for (const r of await store.all<{ list: string; entry_id: string; name: string }>("SELECT DISTINCT list, entry_id, name FROM screen_parties WHERE role = 'name'")) {
  const k = exactKey(r.name);
  (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(`${r.list}#${r.entry_id}`);
}
let btp = 0; let bfp = 0;
for (const c of corpus) {
  const hits = byKey.get(exactKey(c.owner)) ?? [];
  if (c.expect === null) { if (hits.length) bfp++; } else if (hits.includes(`${c.expect.list}#${c.expect.entryId}`)) btp++; else if (hits.length) bfp++;
}
console.log(`before (exact normalised name only): precision ${(btp / (btp + bfp)).toFixed(4)}  recall ${(btp / positives).toFixed(4)}  (tp ${btp}, fp ${bfp})`);
if (process.env.SHOW_FAILURES) for (const f of failures) console.log(f);
store.close();
