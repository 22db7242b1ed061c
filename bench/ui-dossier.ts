// The vessel dossier (GET /api/dossier, `buildDossier`): how many SQL statements it issues and how long it
// takes, median of N runs, on a store opened read-only (it can run beside `tumen serve`).
// Run: npx tsx bench/ui-dossier.ts STORE.duckdb "SHIP QUERY" [runs=5]
import { cpus, loadavg } from 'node:os';
import { Store } from '../src/store/db.js';
import { buildDossier } from '../src/store/vessel-dossier.js';
import { StoreScreener } from '../src/store/screen.js';

const [dbPath, ship = 'SIBIR', runsArg = '5'] = process.argv.slice(2);
if (!dbPath) throw new Error('usage: npx tsx bench/ui-dossier.ts STORE.duckdb "SHIP" [runs]');
const store = await Store.open(dbPath, { readOnly: true });
let statements = 0;
// Counts what reaches DuckDB: one() goes through all().
for (const m of ['all', 'run'] as const) {
  const orig = store[m].bind(store) as (...a: unknown[]) => Promise<unknown>;
  (store as unknown as Record<string, unknown>)[m] = async (...a: unknown[]) => {
    statements++;
    const t = performance.now();
    try { return await orig(...a); } finally { if (process.env.VERBOSE) console.log(`  ${(performance.now() - t).toFixed(0)} ms ${String(a[0]).replace(/\s+/g, ' ').slice(0, 110)}`); }
  };
}
try {
  const ms: number[] = [];
  const counts: number[] = [];
  let d = await buildDossier(store, ship); // warm: DuckDB's caches, the list index
  for (let r = 0; r < Number(runsArg); r++) {
    statements = 0;
    const t = performance.now();
    d = await buildDossier(store, ship, await StoreScreener.open(store));
    ms.push(performance.now() - t);
    counts.push(statements);
  }
  const med = [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)];
  console.log(`${ship}: ${d.mmsis.length} MMSIs, ${d.events.length} events, ${d.counterparties.length} partners, ${d.activity.positions} positions; ` +
    `${counts[0]} SQL statements (screener opening included); ${med.toFixed(0)} ms median of ${ms.length} (${ms.map((x) => x.toFixed(0)).join(', ')}); ` +
    `${cpus().length} cores, load ${loadavg()[0].toFixed(1)}`);
} finally {
  store.close();
}
