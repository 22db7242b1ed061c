// Screening speed: a 10,000-ship fleet file against every loaded list (OFAC 2021 + UN fixtures).
// Peer: brute force - the same scorer against every listed name, no index - on the first 1,000 rows.
// Run: npx tsx bench/screen-speed.ts   (writes the fleet to /tmp/tumen-screen/fleet-10k.csv)
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ScreeningIndex } from '../src/screening/index.js';
import { screenVessel } from '../src/screening/screen.js';
import { normaliseName } from '../src/screening/normalise.js';
import { scoreNames } from '../src/screening/name-score.js';
import type { ScreenQuery } from '../src/screening/types.js';
import { buildCorpus, loadFixtureLists, rng } from './screen-corpus.js';

const ROWS = 10_000;
const RUNS = 5;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const entries = loadFixtureLists();
const corpus = buildCorpus(entries, 42);
const r = rng(7);
const fleet: ScreenQuery[] = [];
for (let i = 0; i < ROWS; i++) {
  const c = corpus[Math.floor(r() * corpus.length)].query;
  fleet.push({ name: c.name ?? null, imo: c.imo ?? null, mmsi: String(200_000_000 + Math.floor(r() * 575_000_000)), callsign: null });
}
mkdirSync('/tmp/tumen-screen', { recursive: true });
writeFileSync('/tmp/tumen-screen/fleet-10k.csv', `name,imo,mmsi\n${fleet.map((q) => [q.name ?? '', q.imo ?? '', q.mmsi ?? ''].map((v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\n')}\n`);

const buildMs: number[] = [];
const screenMs: number[] = [];
let index!: ScreeningIndex;
let nonClear = 0;
for (let run = 0; run < RUNS; run++) {
  let t = performance.now();
  index = new ScreeningIndex(entries);
  buildMs.push(performance.now() - t);
  t = performance.now();
  nonClear = 0;
  for (const q of fleet) if (screenVessel(index, q).verdict !== 'clear') nonClear++;
  screenMs.push(performance.now() - t);
}

// Peer: brute force over every name variant for the first 1,000 rows (names only).
const PEER_ROWS = 1000;
const peerMs: number[] = [];
const oursMs: number[] = [];
for (let run = 0; run < 3; run++) {
  let t = performance.now();
  for (const q of fleet.slice(0, PEER_ROWS)) {
    const n = normaliseName(q.name ?? '');
    for (const v of index.variants) scoreNames(n, v.norm);
  }
  peerMs.push(performance.now() - t);
  t = performance.now();
  for (const q of fleet.slice(0, PEER_ROWS)) screenVessel(index, { name: q.name });
  oursMs.push(performance.now() - t);
}

console.log(`entries ${entries.length} (vessel name variants ${index.variants.length}); fleet ${ROWS} rows, ${nonClear} not clear`);
console.log(`index build: median ${median(buildMs).toFixed(1)} ms (runs: ${buildMs.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`screen ${ROWS} rows: median ${median(screenMs).toFixed(1)} ms = ${(ROWS / (median(screenMs) / 1000)).toFixed(0)} rows/s (runs: ${screenMs.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`peer brute force, names of ${PEER_ROWS} rows: median ${median(peerMs).toFixed(1)} ms vs indexed ${median(oursMs).toFixed(1)} ms -> ${(median(peerMs) / median(oursMs)).toFixed(1)}x`);
