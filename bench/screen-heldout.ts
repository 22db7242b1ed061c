// The held-out hard cases (bench/screen-heldout-cases.ts) screened through a store, as `tumen screen` does,
// scored per kind. Any store with OFAC 2021 (test/fixtures/sanctions/ofac-2021) loaded; the 1 M FtM store of
// bench/screen-scale.ts to see them beside a large list.
// A positive counts as found when the query is flagged and the expected OFAC entry is among its matches; a
// flagged positive without the expected entry is a false positive as well as a miss. A decoy must be clear.
// `--set unseen`: the second held-out set (bench/screen-unseen-cases.ts) instead; `--set third`: the third
// (bench/screen-third-cases.ts); `--set fourth`: the fourth (bench/screen-fourth-cases.ts); `--set fifth`: the
// fifth (bench/screen-fifth-cases.ts); `--set sixth`: the sixth (bench/screen-sixth-cases.ts); `--set seventh`: the
// seventh (bench/screen-seventh-cases.ts); `--set eighth`: the eighth (bench/screen-eighth-cases.ts); `--set ninth`: the
// ninth (bench/screen-ninth-cases.ts).
// Run: npx tsx bench/screen-heldout.ts STORE.duckdb [--verbose] [--set unseen|third|fourth|fifth|sixth|seventh|eighth|ninth]
import { Store } from '../src/store/db.js';
import { screenQueries } from '../src/store/screen.js';
import { loadFixtureLists } from './screen-corpus.js';
import { HELDOUT_CASES as FIRST_SET } from './screen-heldout-cases.js';
import { UNSEEN_CASES } from './screen-unseen-cases.js';
import { THIRD_CASES } from './screen-third-cases.js';
import { FOURTH_CASES } from './screen-fourth-cases.js';
import { FIFTH_CASES } from './screen-fifth-cases.js';
import { SIXTH_CASES } from './screen-sixth-cases.js';
import { SEVENTH_CASES } from './screen-seventh-cases.js';
import { EIGHTH_CASES } from './screen-eighth-cases.js';
import { NINTH_CASES } from './screen-ninth-cases.js';

const args = process.argv.slice(2);
const db = args[0];
const flag = args.includes('--verbose') ? '--verbose' : undefined;
const set = args.includes('--set') ? args[args.indexOf('--set') + 1] : 'first';
if (!db || db.startsWith('--') || !['first', 'unseen', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'].includes(set)) throw new Error('usage: npx tsx bench/screen-heldout.ts STORE.duckdb [--verbose] [--set first|unseen|third|fourth|fifth|sixth|seventh|eighth|ninth]');
const HELDOUT_CASES = set === 'unseen' ? UNSEEN_CASES : set === 'third' ? THIRD_CASES : set === 'fourth' ? FOURTH_CASES : set === 'fifth' ? FIFTH_CASES : set === 'sixth' ? SIXTH_CASES : set === 'seventh' ? SEVENTH_CASES : set === 'eighth' ? EIGHTH_CASES : set === 'ninth' ? NINTH_CASES : FIRST_SET;
const idsByName = new Map<string, string[]>();
for (const e of loadFixtureLists()) {
  if (e.list !== 'ofac-sdn') continue;
  idsByName.set(e.entry.name, [...(idsByName.get(e.entry.name) ?? []), e.entry.entryId]);
}
for (const c of HELDOUT_CASES) if (c.expect !== null && !idsByName.has(c.expect)) throw new Error(`no OFAC 2021 entry named ${c.expect}`);

const store = await Store.open(db, { readOnly: true });
const results = await screenQueries(store, HELDOUT_CASES.map((c) => c.query));
store.close();

interface Tally { n: number; tp: number; fp: number; fn: number; firmAsExpected: number; wrong: string[] }
const byKind = new Map<string, Tally>();
const all: Tally = { n: 0, tp: 0, fp: 0, fn: 0, firmAsExpected: 0, wrong: [] };
let positives = 0;
HELDOUT_CASES.forEach((c, i) => {
  const r = results[i];
  const shown = [c.query.name, ...(c.query.formerNames ?? []).map((f) => `ex ${f}`), c.query.imo && `IMO ${c.query.imo}`, c.query.mmsi && `MMSI ${c.query.mmsi}`].filter(Boolean).join(' / ');
  const k = byKind.get(c.kind) ?? { n: 0, tp: 0, fp: 0, fn: 0, firmAsExpected: 0, wrong: [] };
  const tallies = [k, all];
  const add = (key: 'n' | 'tp' | 'fp' | 'fn' | 'firmAsExpected'): void => { for (const t of tallies) t[key]++; };
  add('n');
  const hits = r.matches.map((m) => `${m.list}:${m.name} ${m.score} ${m.verdict} (${m.reason})`).join(', ');
  if (c.expect === null) {
    if (r.verdict !== 'clear') { add('fp'); k.wrong.push(`FP ${shown} -> ${hits}   [${c.why}]`); }
  } else {
    positives++;
    const ids = idsByName.get(c.expect)!;
    const hit = r.matches.find((m) => m.list === 'ofac-sdn' && ids.includes(m.entry_id));
    if (r.verdict !== 'clear' && hit) {
      add('tp');
      if (hit.verdict === c.verdict) add('firmAsExpected');
    } else {
      add('fn');
      if (r.verdict !== 'clear') add('fp');
      k.wrong.push(`FN ${shown} -> missed ${c.expect}${hits ? ` (hit ${hits})` : ''}   [${c.why}]`);
    }
  }
  byKind.set(c.kind, k);
});
const ratio = (a: number, b: number): string => (b === 0 ? '  -  ' : (a / b).toFixed(3));
console.log(`${HELDOUT_CASES.length} held-out cases (${positives} positives, ${HELDOUT_CASES.length - positives} decoys)`);
console.log(`precision ${ratio(all.tp, all.tp + all.fp)}  recall ${ratio(all.tp, positives)}  (tp ${all.tp}, fp ${all.fp}, fn ${all.fn}); ${all.firmAsExpected} of the found with the expected verdict (match/possible)`);
console.log(`  ${'kind'.padEnd(16)} ${'n'.padStart(4)} ${'tp'.padStart(4)} ${'fp'.padStart(4)} ${'fn'.padStart(4)}  precision recall`);
for (const [kind, k] of [...byKind].sort()) {
  const pos = k.tp + k.fn;
  console.log(`  ${kind.padEnd(16)} ${String(k.n).padStart(4)} ${String(k.tp).padStart(4)} ${String(k.fp).padStart(4)} ${String(k.fn).padStart(4)}  ${ratio(k.tp, k.tp + k.fp).padStart(9)} ${ratio(k.tp, pos).padStart(6)}`);
  if (flag === '--verbose') for (const w of k.wrong) console.log(`      ${w}`);
}
