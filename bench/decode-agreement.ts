// Agreement with gpsd: decodes real captures with Tumen and with `gpsdecode -j` (Debian gpsd-clients) and
// compares every field gpsd prints, message by message. Not a test (it needs gpsdecode).
//   npx tsx bench/decode-agreement.ts [FILE…]   (default: AMSA ais.txt + DMA stream_example.txt)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { AisDecoder, type AisMessage } from '../src/ais/index.js';

const DEFAULT_FILES = ['test/fixtures/ais/amsa-ais.txt.gz', 'test/fixtures/ais/dma-stream_example.txt.gz'];
const files = process.argv.length > 2 ? process.argv.slice(2) : DEFAULT_FILES;

/** gpsd's "not available" renderings; Tumen prints null (docs/decoding.md). */
const SENTINELS: Record<string, unknown[]> = {
  heading: [511], lat: [91, 54.6 /* 1/10' 91° */], lon: [181], speed: [102.3, 'nan', 1023, 63], course: [360, 511],
  turn: ['nan', 'n/a'], alt: [4095, 'nan'],
};
const NOT_FIELDS = new Set(['class', 'device', 'scaled']);

function same(key: string, g: unknown, t: unknown, type: number): boolean {
  if (t === null && SENTINELS[key]?.includes(g as never)) return true;
  if (typeof g === 'string' && typeof t === 'number' && /^(ne|sw)_(lat|lon)$/.test(key)) return Math.abs(Number(g) - t) < 1e-4;
  if (typeof g === 'number' && typeof t === 'number') {
    // gpsdecode prints lat/lon with 6 decimals (types 17/27: fewer), speed and course with 1.
    const tol = type === 17 || type === 27 ? 0.05 : 1e-6 + 1e-9 * Math.abs(g);
    return Math.abs(g - t) <= tol;
  }
  return JSON.stringify(g) === JSON.stringify(t);
}

/** Deliberate, documented differences (docs/decoding.md): gpsd 3.22 drops the sign of the rate of turn and prints "fast" for 102.2 kn. */
function documented(key: string, g: unknown, t: unknown): boolean {
  if (key === 'speed' && g === 'fast' && t === 102.2) return true; // 102.2 kn or more: gpsd 3.22 prints "fast"
  return key === 'turn' && typeof g === 'number' && typeof t === 'number' && Math.abs(t) === g;
}

let totalGpsd = 0, totalOurs = 0, totalMatched = 0, totalIdentical = 0, totalModulo = 0;
const unaligned = new Map<string, number>();
const fieldDiffs = new Map<string, { n: number; example: string }>();
for (const file of files) {
  const raw = readFileSync(file);
  const input = file.endsWith('.gz') ? gunzipSync(raw) : raw;
  const gpsd = execFileSync('gpsdecode', ['-j'], { input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'ignore'] })
    .toString('utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((m) => m.class === 'AIS'); // gpsdecode also reports $GPZDA etc.
  const d = new AisDecoder();
  const ours: AisMessage[] = [];
  for (const line of input.toString('latin1').split('\n')) {
    const r = d.decodeLine(line);
    if (r.kind === 'message') ours.push(r.message);
  }
  // Align greedily in order by (type, mmsi): either side may have rejected a few messages.
  let j = 0, matched = 0, identical = 0, modulo = 0;
  for (const g of gpsd) {
    let k = j;
    while (k < ours.length && k < j + 8 && !(ours[k].type === g.type && ours[k].mmsi === g.mmsi)) k++;
    if (k >= ours.length || k >= j + 8) {
      const why = `type ${g.type}${g.mmsi === 0 ? ' mmsi 0' : ''}`;
      unaligned.set(why, (unaligned.get(why) ?? 0) + 1);
      continue;
    }
    const t = ours[k];
    j = k + 1;
    matched++;
    let ok = true;
    let okModulo = true;
    for (const [key, gv] of Object.entries(g)) {
      if (NOT_FIELDS.has(key)) continue;
      if (!(key in t)) {
        // Not decoded by Tumen: DAC/FID application fields (6/8); merged 24A/B names.
        if (t.type === 6 || t.type === 8 || t.type === 24) continue;
      }
      if (!same(key, gv, t[key], t.type)) {
        ok = false;
        if (!documented(key, gv, t[key])) okModulo = false;
        const id = `type ${t.type} ${key}`;
        const e = fieldDiffs.get(id) ?? { n: 0, example: `gpsd ${JSON.stringify(gv)} tumen ${JSON.stringify(t[key])} (mmsi ${t.mmsi})` };
        e.n++;
        fieldDiffs.set(id, e);
      }
    }
    if (ok) identical++;
    if (okModulo) modulo++;
  }
  console.log(`${file}: gpsdecode ${gpsd.length} messages, tumen ${ours.length}, aligned ${matched}, identical ${identical} (${(100 * identical / matched).toFixed(2)}%), identical but for documented differences ${modulo} (${(100 * modulo / matched).toFixed(2)}%)`);
  totalGpsd += gpsd.length; totalOurs += ours.length; totalMatched += matched; totalIdentical += identical; totalModulo += modulo;
}
console.log(`ALL: gpsdecode ${totalGpsd}, tumen ${totalOurs}, aligned ${totalMatched}, identical ${totalIdentical} = ${(100 * totalIdentical / totalMatched).toFixed(2)}% of aligned, ${(100 * totalIdentical / totalGpsd).toFixed(2)}% of gpsdecode's messages`);
console.log(`ALL: identical but for documented differences: ${totalModulo} = ${(100 * totalModulo / totalMatched).toFixed(2)}% of aligned`);
console.log('gpsdecode messages Tumen has no counterpart for:', JSON.stringify(Object.fromEntries(unaligned)));
for (const [id, e] of [...fieldDiffs].sort((a, b) => b[1].n - a[1].n).slice(0, 25)) console.log(`  ${e.n}\t${id}\te.g. ${e.example}`);
