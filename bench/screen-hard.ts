// Hand-written hard cases (bench/screen-hard-cases.ts: real romanisations, legal forms, renames, real
// unlisted look-alikes) screened through a store, as `tumen screen` does. Any store with OFAC 2021
// (test/fixtures/sanctions/ofac-2021/sdn.csv.gz) loaded; the 1 M FtM store of bench/screen-scale.ts to
// see them beside a large list.
// Run: npx tsx bench/screen-hard.ts STORE.duckdb [--verbose]
import { Store } from '../src/store/db.js';
import { screenQueries } from '../src/store/screen.js';
import { loadFixtureLists } from './screen-corpus.js';
import { HARD_CASES } from './screen-hard-cases.js';

const [db, flag] = process.argv.slice(2);
if (!db) throw new Error('usage: npx tsx bench/screen-hard.ts STORE.duckdb [--verbose]');
const idsByName = new Map<string, string[]>();
for (const e of loadFixtureLists()) {
  if (e.list !== 'ofac-sdn') continue;
  idsByName.set(e.entry.name, [...(idsByName.get(e.entry.name) ?? []), e.entry.entryId]);
}
for (const c of HARD_CASES) if (c.expect !== null && !idsByName.has(c.expect)) throw new Error(`no OFAC 2021 entry named ${c.expect}`);

const store = await Store.open(db, { readOnly: true });
const results = await screenQueries(store, HARD_CASES.map((c) => c.query));
store.close();

let tp = 0; let fp = 0; let fn = 0; let positives = 0; let firm = 0;
const byKind = new Map<string, { n: number; ok: number; wrong: string[] }>();
HARD_CASES.forEach((c, i) => {
  const r = results[i];
  const shown = c.query.owner ?? [c.query.name, ...(c.query.formerNames ?? []).map((f) => `ex ${f}`), c.query.imo].filter(Boolean).join(' / ');
  let ok: boolean;
  let why = '';
  if (c.expect === null) {
    ok = r.verdict === 'clear';
    if (!ok) { fp++; why = `${shown} -> ${r.matches.map((m) => `${m.list}:${m.name} ${m.score} (${m.reason})`).join(', ')}`; }
  } else {
    positives++;
    const ids = idsByName.get(c.expect)!;
    const hit = r.matches.find((m) => m.list === 'ofac-sdn' && ids.includes(m.entry_id));
    ok = r.verdict !== 'clear' && hit !== undefined;
    if (ok) { tp++; if (hit!.verdict === 'match') firm++; } else {
      fn++;
      if (r.verdict !== 'clear') fp++;
      why = `${shown} -> missed ${c.expect}${r.matches.length ? ` (hit ${r.matches.map((m) => m.name).join(', ')})` : ''}`;
    }
  }
  const k = byKind.get(c.kind) ?? { n: 0, ok: 0, wrong: [] };
  k.n++; if (ok) k.ok++; else k.wrong.push(why);
  byKind.set(c.kind, k);
});
console.log(`${HARD_CASES.length} hand-written cases (${positives} positives)`);
console.log(`precision ${(tp / (tp + fp)).toFixed(3)}  recall ${(tp / positives).toFixed(3)}  (tp ${tp}, fp ${fp}, fn ${fn}); ${firm} of the found a "match", the rest "possible"`);
for (const [kind, k] of [...byKind].sort()) {
  console.log(`  ${kind.padEnd(18)} ${k.ok}/${k.n}`);
  if (flag === '--verbose') for (const w of k.wrong) console.log(`      ${w}`);
}
