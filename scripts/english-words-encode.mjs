// Derives src/reference/data/english-words.json from SCOWL's American English word list as Debian ships it
// (package wamerican, /usr/share/dict/american-english: SCOWL size 50, words and proper names):
//   apt-get download wamerican && dpkg-deb -x wamerican_*.deb w
//   node scripts/english-words-encode.mjs w/usr/share/dict/american-english > src/reference/data/english-words.json
// Each word is folded as screening folds names (accents dropped, upper case), words with an apostrophe or
// fewer than 4 letters are left out, and the words of each length are sorted and written end to end in one
// string (`byLength["5"]` = "AAHEDABACKABAFT..."), so that src/screening/dictionary.ts finds a word by a binary
// search in place, with nothing to decode at start.
import { readFileSync } from 'node:fs';

const words = new Set();
for (const line of readFileSync(process.argv[2], 'utf8').split('\n')) {
  const w = line.trim();
  if (w === '' || w.includes("'")) continue;
  const folded = w.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
  if (/^[A-Z]{4,}$/.test(folded)) words.add(folded);
}
const byLength = {};
for (const w of [...words].sort()) (byLength[w.length] ??= []).push(w);
for (const k of Object.keys(byLength)) byLength[k] = byLength[k].join('');
process.stdout.write(JSON.stringify({
  source: 'SCOWL (Kevin Atkinson), size 50, American English words and proper names, as Debian package wamerican 2020.12.07-2',
  count: words.size,
  byLength,
}) + '\n');
