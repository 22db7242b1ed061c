// Screening quality: precision and recall on the seeded OFAC-derived corpus (bench/screen-corpus.ts).
// Run: npx tsx bench/screen-quality.ts [seed]
import { ScreeningIndex } from '../src/screening/index.js';
import { screenVessel } from '../src/screening/screen.js';
import { buildCorpus, loadFixtureLists } from './screen-corpus.js';

const seed = Number(process.argv[2] ?? 20210707);
const entries = loadFixtureLists();
const index = new ScreeningIndex(entries);
const corpus = buildCorpus(entries, seed);

let tp = 0; let fp = 0; let fn = 0; let tn = 0; let top1 = 0; let positives = 0; let wrongHit = 0;
const byKind = new Map<string, { n: number; ok: number }>();
const failures: string[] = [];
for (const c of corpus) {
  const r = screenVessel(index, c.query);
  const ofacHits = r.matches.filter((m) => m.list === 'ofac-sdn');
  let ok: boolean;
  if (c.expect === null) {
    ok = r.verdict === 'clear';
    if (ok) tn++; else fp++;
  } else {
    positives++;
    const found = ofacHits.some((m) => m.entry_id === c.expect);
    ok = r.verdict !== 'clear' && found;
    if (ok) { tp++; if (ofacHits[0]?.entry_id === c.expect) top1++; } else if (r.verdict !== 'clear') { fp++; fn++; wrongHit++; } else fn++;
  }
  const k = byKind.get(c.kind) ?? { n: 0, ok: 0 };
  k.n++; if (ok) k.ok++;
  byKind.set(c.kind, k);
  if (!ok && failures.length < 400) failures.push(`${c.kind}\t${JSON.stringify(c.query)}\texpect ${c.expect ?? 'clear'}\tgot ${r.verdict} ${r.matches.slice(0, 2).map((m) => `${m.list}#${m.entry_id} ${m.name} ${m.score}`).join(' | ')}`);
}
const precision = tp / (tp + fp);
const recall = tp / positives;
console.log(`seed ${seed}: ${corpus.length} queries (${positives} positives, ${corpus.length - positives} decoys)`);
console.log(`precision ${precision.toFixed(4)}  recall ${recall.toFixed(4)}  top-1 among found ${(top1 / tp).toFixed(4)}  (tp ${tp}, fp ${fp} incl. ${wrongHit} wrong-entry hits, fn ${fn}, tn ${tn})`);
for (const [kind, k] of [...byKind].sort()) console.log(`  ${kind.padEnd(28)} ${k.ok}/${k.n}  ${(k.ok / k.n).toFixed(3)}`);
if (process.env.SHOW_FAILURES) for (const f of failures) console.log(f);
