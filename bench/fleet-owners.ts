// A fleet file that states every ship's owner (and a third of their operators), for timing owner/operator
// screening end to end: the rows of bench/screen-speed.ts's fleet plus names from the owner corpus
// (bench/party-corpus.ts, seed 3: listed parties written many ways, and parties no list sanctions).
// Run: npx tsx bench/fleet-owners.ts STORE.duckdb [in=/tmp/tumen-screen/fleet-10k.csv] [out=/tmp/tumen-screen/fleet-10k-owners.csv]
import { readFileSync, writeFileSync } from 'node:fs';
import { Store } from '../src/store/db.js';
import { mulberry32 } from '../src/sim/prng.js';
import { buildPartyCorpus } from './party-corpus.js';

const [db, input = '/tmp/tumen-screen/fleet-10k.csv', out = '/tmp/tumen-screen/fleet-10k-owners.csv'] = process.argv.slice(2);
if (!db) throw new Error('usage: npx tsx bench/fleet-owners.ts STORE.duckdb [in.csv] [out.csv]');
const store = await Store.open(db, { readOnly: true });
const names = (await buildPartyCorpus(store, 3)).map((q) => q.owner);
store.close();
const r = mulberry32(11);
const csv = (v: string): string => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const [header, ...rows] = readFileSync(input, 'utf8').trim().split('\n');
const lines = rows.map((row) => `${row},${csv(names[Math.floor(r() * names.length)])},${r() < 0.3 ? csv(names[Math.floor(r() * names.length)]) : ''}`);
writeFileSync(out, `${header},owner,operator\n${lines.join('\n')}\n`);
process.stderr.write(`wrote ${lines.length} rows to ${out}\n`);
