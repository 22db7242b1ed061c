// Real ship names as decoys at scale: every ship name broadcast in the AIS captures of the fixtures (static
// reports of the AMSA, DMA, exactEarth and pyais samples: ~2,500 distinct names of ships of 2012 and later,
// Australian, Danish and satellite traffic) screened by name alone through a store, as `tumen screen` does.
// Few if any are sanctioned ships, so a name flagged is most likely a false alarm; what a rule change adds
// here is its cost in false alarms on real names (each flagged name is printed to judge).
// Run: npx tsx bench/screen-real-names.ts STORE.duckdb [--all]   (--all: print every flagged name, not only the count)
import { Store } from '../src/store/db.js';
import { screenQueries } from '../src/store/screen.js';
import { realShipNames } from './real-names.js';

const args = process.argv.slice(2);
const db = args[0];
if (!db || db.startsWith('--')) throw new Error('usage: npx tsx bench/screen-real-names.ts STORE.duckdb [--all]');
const names = await realShipNames();
const store = await Store.open(db, { readOnly: true });
const results = await screenQueries(store, names.map((name) => ({ name })));
store.close();
let flagged = 0;
let listedHits = 0;
const lines: string[] = [];
results.forEach((r, i) => {
  if (r.verdict === 'clear') return;
  flagged++;
  const listed = r.matches.filter((m) => m.listed);
  if (listed.length) listedHits++;
  lines.push(`${names[i]} -> ${r.matches.slice(0, 2).map((m) => `${m.list}:${m.name} ${m.score} ${m.verdict} [${m.reason}]`).join(' | ')}`);
});
console.log(`${names.length} real ship names: ${flagged} flagged (${listedHits} on a listed entry)`);
if (args.includes('--all')) for (const l of lines) console.log(`  ${l}`);
