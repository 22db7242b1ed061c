// Two changes in a name of 5-8 letters (where one edit is the budget), screened through a store as `tumen
// screen` does: every OFAC 2021 vessel name of 5-8 letters with a distinctive word, changed twice
// (Damerau-Levenshtein exactly 2 from the listed name, and no listed name itself), in three families:
//   written      two changes drawn from the kinds people make writing a name down: a letter doubled or made
//                single, an H added, C written S or K, K written C, S and Z, V and W, I and Y, a vowel for
//                another, a vowel left out or added, two letters swapped (the rule of src/screening/slips.ts
//                takes these, except two in the vowels: so this family is partly its own test, and says so)
//   written_one  one written change and one random typo (bench/screen-corpus.ts typo)
//   random       two random typos
// A query counts as found when flagged with the expected OFAC entry among its matches; a query flagged on
// other entries only is a false hit. Decoys are in bench/screen-real-names.ts (real ship names).
// Run: npx tsx bench/screen-slips.ts STORE.duckdb [seed] [--verbose]
import { Store } from '../src/store/db.js';
import { screenQueries } from '../src/store/screen.js';
import { normaliseName } from '../src/screening/normalise.js';
import { damerauLevenshtein } from '../src/screening/similarity.js';
import { loadFixtureLists, rng, typo } from './screen-corpus.js';

const args = process.argv.slice(2);
const db = args[0];
if (!db || db.startsWith('--')) throw new Error('usage: npx tsx bench/screen-slips.ts STORE.duckdb [seed] [--verbose]');
const seed = Number(args[1] && !args[1].startsWith('--') ? args[1] : 20261206);
const verbose = args.includes('--verbose');

const VOWELS = 'AEIOU';
const SWAPS: Record<string, string> = { C: 'SK', K: 'C', S: 'Z', Z: 'S', V: 'W', W: 'V', I: 'Y', Y: 'I' };

/** One written change of `w` (letters only), or null when the drawn kind does not apply. */
function written(r: () => number, w: string): string | null {
  const i = Math.floor(r() * w.length);
  const c = w[i];
  switch (Math.floor(r() * 7)) {
    case 0: return w.slice(0, i + 1) + c + w.slice(i + 1); // doubled
    case 1: return i > 0 && w[i - 1] === c ? w.slice(0, i) + w.slice(i + 1) : null; // made single
    case 2: return i > 0 ? w.slice(0, i) + 'H' + w.slice(i) : null; // an H added
    case 3: { const to = SWAPS[c]; return to ? w.slice(0, i) + to[Math.floor(r() * to.length)] + w.slice(i + 1) : null; }
    case 4: return VOWELS.includes(c) ? w.slice(0, i) + VOWELS.replace(c, '')[Math.floor(r() * 4)] + w.slice(i + 1) : null;
    case 5: return VOWELS.includes(c) && i > 0 ? w.slice(0, i) + w.slice(i + 1) : i > 0 ? w.slice(0, i) + VOWELS[Math.floor(r() * 5)] + w.slice(i) : null;
    default: return i + 1 < w.length && w[i + 1] !== c ? w.slice(0, i) + w[i + 1] + c + w.slice(i + 2) : null;
  }
}

/** A written change in one of the name's words (numbers kept). */
function writtenIn(r: () => number, name: string): string {
  const words = name.split(' ');
  for (let k = 0; k < 20; k++) {
    const j = Math.floor(r() * words.length);
    if (!/^[A-Z]+$/.test(words[j])) continue;
    const w = written(r, words[j]);
    if (w) return [...words.slice(0, j), w, ...words.slice(j + 1)].join(' ');
  }
  return name;
}

const entries = loadFixtureLists().filter((e) => e.list === 'ofac-sdn' && e.entry.kind === 'vessel');
const listedCompacts = new Set(loadFixtureLists().filter((e) => e.entry.kind === 'vessel')
  .flatMap((e) => [e.entry.name, ...e.entry.aliases, ...e.entry.formerNames]).map((n) => normaliseName(n).compact));
const r = rng(seed);
const cases: Array<{ kind: string; name: string; expect: string; listed: string }> = [];
for (const e of entries) {
  const n = normaliseName(e.entry.name);
  if (n.compact.length < 5 || n.compact.length > 8 || n.distinctive === '') continue;
  const make: Record<string, () => string> = {
    written: () => writtenIn(r, writtenIn(r, e.entry.name)),
    written_one: () => typo(r, writtenIn(r, e.entry.name)),
    random: () => typo(r, typo(r, e.entry.name)),
  };
  for (const [kind, f] of Object.entries(make)) {
    for (let k = 0; k < 30; k++) {
      const q = f();
      const c = normaliseName(q).compact;
      if (damerauLevenshtein(c, n.compact) !== 2 || listedCompacts.has(c)) continue;
      cases.push({ kind, name: q, expect: e.entry.entryId, listed: e.entry.name });
      break;
    }
  }
}

const store = await Store.open(db, { readOnly: true });
const results = await screenQueries(store, cases.map((c) => ({ name: c.name })));
store.close();
const by = new Map<string, { n: number; found: number; falseHits: number; missed: string[] }>();
cases.forEach((c, i) => {
  const t = by.get(c.kind) ?? { n: 0, found: 0, falseHits: 0, missed: [] };
  t.n++;
  const res = results[i];
  if (res.verdict !== 'clear' && res.matches.some((m) => m.list === 'ofac-sdn' && m.entry_id === c.expect)) t.found++;
  else {
    if (res.verdict !== 'clear') t.falseHits++;
    t.missed.push(`${c.name} for ${c.listed}${res.verdict !== 'clear' ? ` (hit ${res.matches[0].name})` : ''}`);
  }
  by.set(c.kind, t);
});
console.log(`seed ${seed}: ${cases.length} two-change names of 5-8 letters from ${entries.length} OFAC vessels`);
for (const [kind, t] of by) {
  console.log(`  ${kind.padEnd(12)} found ${t.found}/${t.n} (${(t.found / t.n).toFixed(3)}), false hits ${t.falseHits}`);
  if (verbose) for (const m of t.missed) console.log(`      ${m}`);
}
