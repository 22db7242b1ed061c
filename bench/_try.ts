import { ScreeningIndex } from '../src/screening/index.js';
import { screenVessel } from '../src/screening/screen.js';
import { loadedFixtureEntries } from '../test/fixtures/sanctions/load.js';
const index = new ScreeningIndex(loadedFixtureEntries());
for (const n of process.argv.slice(2)) {
  const r = screenVessel(index, { name: n });
  if (r.verdict !== 'clear') console.log(n, '->', r.verdict, r.matches.map((m) => `${m.list}:${m.name} ${m.score} ${m.verdict} (${m.reason})`).join(' | '));
}
