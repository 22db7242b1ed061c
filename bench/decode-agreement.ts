// Agreement with gpsd: decodes real captures with Tumen and with `gpsdecode -j` (Debian gpsd-clients) and
// compares every field gpsd prints, message by message. Not a test (it needs gpsdecode).
//   npx tsx bench/decode-agreement.ts [FILE…]   (default: AMSA ais.txt + DMA stream_example.txt)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { AisDecoder, type AisMessage } from '../src/ais/index.js';
import { compareWithGpsd, gpsdAis } from '../test/ais/gpsd-compare.js';

const DEFAULT_FILES = ['test/fixtures/ais/amsa-ais.txt.gz', 'test/fixtures/ais/dma-stream_example.txt.gz'];
const files = process.argv.length > 2 ? process.argv.slice(2) : DEFAULT_FILES;

let totalGpsd = 0, totalOurs = 0, totalMatched = 0, totalIdentical = 0, totalModulo = 0;
const unaligned = new Map<string, number>();
const fieldDiffs = new Map<string, { n: number; example: string }>();
for (const file of files) {
  const raw = readFileSync(file);
  const input = file.endsWith('.gz') ? gunzipSync(raw) : raw;
  const gpsd = gpsdAis(execFileSync('gpsdecode', ['-j'], { input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'ignore'] }).toString('utf8'));
  const d = new AisDecoder();
  const ours: AisMessage[] = [];
  for (const line of input.toString('latin1').split('\n')) {
    const r = d.decodeLine(line);
    if (r.kind === 'message') ours.push(r.message);
  }
  const a = compareWithGpsd(gpsd, ours);
  for (const [k, n] of a.unaligned) unaligned.set(k, (unaligned.get(k) ?? 0) + n);
  for (const [k, e] of a.fieldDiffs) {
    const prev = fieldDiffs.get(k);
    fieldDiffs.set(k, prev ? { n: prev.n + e.n, example: prev.example } : e);
  }
  const { matched, identical, modulo } = a;
  console.log(`${file}: gpsdecode ${gpsd.length} messages, tumen ${ours.length}, aligned ${matched}, identical ${identical} (${(100 * identical / matched).toFixed(2)}%), identical but for documented differences ${modulo} (${(100 * modulo / matched).toFixed(2)}%)`);
  totalGpsd += gpsd.length; totalOurs += ours.length; totalMatched += matched; totalIdentical += identical; totalModulo += modulo;
}
console.log(`ALL: gpsdecode ${totalGpsd}, tumen ${totalOurs}, aligned ${totalMatched}, identical ${totalIdentical} = ${(100 * totalIdentical / totalMatched).toFixed(2)}% of aligned, ${(100 * totalIdentical / totalGpsd).toFixed(2)}% of gpsdecode's messages`);
console.log(`ALL: identical but for documented differences: ${totalModulo} = ${(100 * totalModulo / totalMatched).toFixed(2)}% of aligned`);
console.log('gpsdecode messages Tumen has no counterpart for:', JSON.stringify(Object.fromEntries(unaligned)));
for (const [id, e] of [...fieldDiffs].sort((a, b) => b[1].n - a[1].n).slice(0, 25)) console.log(`  ${e.n}\t${id}\te.g. ${e.example}`);
