// Where `tumen screen --file` spends its CPU on a fleet, phase by phase, in one process (process.cpuUsage,
// user + sys, so a loaded box inflates wall time but less these): opening the store and the screener (the
// saved name blocker), ship-name candidates from the blocker, the candidate join in the store, scoring,
// link paths, opening the listed-party index, stated owners and operators. The phases replay
// StoreScreener.screen (src/store/screen.ts) step by step; the total is also timed through it.
// Run: npx tsx bench/screen-phases.ts STORE.duckdb [fleet.csv=/tmp/tumen-screen/fleet-10k-owners.csv]
import { readFileSync } from 'node:fs';
import { Store } from '../src/store/db.js';
import { StoreScreener } from '../src/store/screen.js';
import { candidatesFor, loadBlocker } from '../src/store/screening-index.js';
import { linkPathsOf, listsWithLinks } from '../src/store/list-links.js';
import { openPartyLookup } from '../src/store/party-index.js';
import { applyLinks, applyStatedParties } from '../src/screening/links.js';
import { screenVessel } from '../src/screening/screen.js';
import { parseCsv } from '../src/lists/csv.js';
import { queryFromRow } from '../src/screening/query.js';

const [db, file = '/tmp/tumen-screen/fleet-10k-owners.csv'] = process.argv.slice(2);
if (!db) throw new Error('usage: npx tsx bench/screen-phases.ts STORE.duckdb [fleet.csv]');
const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const phases: Array<[string, number]> = [];
let t = cpu();
const mark = (name: string): void => { const now = cpu(); phases.push([name, now - t]); t = now; };

const rows = parseCsv(readFileSync(file, 'utf8'));
const header = rows[0].map((h) => h.trim());
const queries = rows.slice(1).map((cells) => { const row: Record<string, string> = {}; header.forEach((h, i) => { row[h] = (cells[i] ?? '').trim(); }); return queryFromRow(row); });
mark('read fleet');
const store = await Store.open(db, { readOnly: true });
mark('open store');
const blocker = (await loadBlocker(store))!;
mark('load ship-name blocker');
const linked = await listsWithLinks(store);
const cands = await candidatesFor(store, blocker, queries);
mark('ship-name candidates + join');
const results = queries.map((q, k) => screenVessel(cands[k], q));
mark('score (screenVessel)');
const paths = await linkPathsOf(store, results.flatMap((r) => r.matches), linked);
const withLinks = results.map((r) => applyLinks(r, paths));
mark('link paths');
const lists = (await store.all<{ name: string }>('SELECT name FROM lists')).map((r) => r.name);
const parties = await openPartyLookup(store, lists, []);
mark('open party index');
const final = withLinks.map((r, k) => applyStatedParties(r, queries[k], parties));
mark('stated owners/operators');
const screener = (await StoreScreener.open(store))!;
const again = await screener.screen(queries);
mark('all again through StoreScreener (warm)');
store.close();
const same = again.every((r, k) => r.verdict === final[k].verdict);
for (const [name, ms] of phases) console.log(`${name.padEnd(40)} ${ms.toFixed(0).padStart(6)} CPU-ms`);
console.log(`${queries.length} rows; verdicts through StoreScreener equal to the phases': ${same}`);
