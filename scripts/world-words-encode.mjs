// Derives src/reference/data/world-words.json: the words of Debian's Spanish word list (package wspanish,
// public domain) and the words of the World Port Index's port names (src/reference/data/wpi-ports.json), in
// the form scripts/english-words-encode.mjs gives the English list (folded like screened names, each
// length's words sorted and written end to end), less the words the English list already holds.
//   apt-get download wspanish && dpkg-deb -x wspanish_*.deb w
//   node scripts/world-words-encode.mjs w/usr/share/dict/spanish > src/reference/data/world-words.json
// Other word lists given as further arguments are read alike (each file one word a line, UTF-8).
// Only words of MIN_LETTERS to MAX_LETTERS letters are kept. Short words of another language are dense
// among short names: with the Spanish and Italian words of 4-5 letters, 14 of the generated one-typo names
// of bench/screen-corpus.ts (4 seeds) landed on one (PASSA, PARI, VANA, BALTA...) and were read as other
// ships; from 6 letters, none. Longer words are inflected and compound forms no ship is named with.
// Italian (witalian) is GPL-3 and not used; French and Portuguese verb forms of 6+ letters (MARIANT,
// TARAIS) and German and Dutch ones (GOSLAR, DANIJEL) cost 4 and 2 of those typos.
import { readFileSync } from 'node:fs';
import { fold, inWordList, readWordList } from './word-lists.mjs';

const MIN_LETTERS = 6;
const MAX_LETTERS = 12;
const english = readWordList('english-words.json');
const inEnglish = (w) => inWordList(english, w);
const words = new Set();
const perSource = {};
const add = (raw, source) => {
  const w = fold(raw.trim());
  if (!/^[A-Z]+$/.test(w) || w.length < MIN_LETTERS || w.length > MAX_LETTERS || inEnglish(w) || words.has(w)) return;
  words.add(w);
  perSource[source] = (perSource[source] ?? 0) + 1;
};
for (const file of process.argv.slice(2)) {
  const source = file.split('/').pop();
  for (const line of readFileSync(file, 'utf8').split('\n')) if (!line.includes("'")) add(line, source);
}
// Port names: every word of each name ("Puerto De Haina": PUERTO, HAINA).
const wpi = JSON.parse(readFileSync(new URL('../src/reference/data/wpi-ports.json', import.meta.url), 'utf8'));
const nameAt = wpi.columns.indexOf('name');
for (const port of wpi.ports) for (const w of fold(port[nameAt]).split(/[^A-Z]+/)) add(w, 'wpi-ports');
const byLength = {};
for (const w of [...words].sort()) (byLength[w.length] ??= []).push(w);
for (const k of Object.keys(byLength)) byLength[k] = byLength[k].join('');
process.stdout.write(JSON.stringify({
  source: `word lists ${process.argv.slice(2).map((f) => f.split('/').pop()).join(', ')} (Debian wspanish 1.0.30: spanish, public domain); port names of NGA World Port Index Pub 150`,
  count: words.size,
  perSource,
  byLength,
}) + '\n');
