// Screening at scale: the persisted index (name blocker + identifier table) answers exactly as the
// in-memory index on the seeded OFAC corpus with a generated FollowTheMoney list loaded beside OFAC/UN,
// and blocking keeps common words from fanning out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/db.js';
import { importList, loadListEntries } from '../../src/store/lists.js';
import { screenQueries } from '../../src/store/screen.js';
import { screeningIndexInfo } from '../../src/store/screening-index.js';
import { ScreeningIndex } from '../../src/screening/index.js';
import { screenVessel } from '../../src/screening/screen.js';
import { NameBlocker } from '../../src/screening/blocking.js';
import { normaliseName } from '../../src/screening/normalise.js';
import { OpenSanctionsReader } from '../../src/lists/opensanctions.js';
import { ofac2021, unConsolidated } from '../fixtures/sanctions/load.js';
import { generateFtm } from '../../bench/ftm-generate.js';
import { buildCorpus, loadFixtureLists } from '../../bench/screen-corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'tumen-screen-scale-'));
let store: Store;

beforeAll(async () => {
  store = await Store.open(join(dir, 's.duckdb'));
  const at = new Date('2026-12-01T00:00:00Z');
  await importList(store, ofac2021(), { name: 'ofac-sdn', file: 'sdn.csv', importedAt: at });
  await importList(store, unConsolidated(), { name: 'un-consolidated', file: 'un.xml', importedAt: at });
  const reader = new OpenSanctionsReader();
  for (const e of generateFtm(20_000, 7)) reader.push(JSON.stringify(e));
  await importList(store, reader.finish(), { name: 'opensanctions', file: 'ftm.jsonl', importedAt: at });
});
afterAll(() => { store.close(); rmSync(dir, { recursive: true, force: true }); });

describe('the persisted screening index', () => {
  it('is built at import, per list version', async () => {
    const info = await screeningIndexInfo(store);
    expect(info.map((i) => i.list)).toEqual(['ofac-sdn', 'opensanctions', 'un-consolidated']);
    const ftm = info.find((i) => i.list === 'opensanctions')!;
    expect(ftm.version).toBe('2026-11-30T00:00:00');
    // 1,200 generated vessels, about a third with a previous name.
    expect(ftm.names).toBeGreaterThan(1400);
    expect(ftm.names).toBeLessThan(1800);
  });

  it('finds every corpus answer the in-memory index finds, with no more false hits', async () => {
    // The blocker may miss a candidate the in-memory index scores (a transliteration plus a typo on a
    // 9-letter name) and may find one it misses (two edits across a 9-10 letter name): the corpus says
    // which matters.
    const memory = new ScreeningIndex(await loadListEntries(store, undefined, { screenableOnly: true }));
    const corpus = buildCorpus(loadFixtureLists(), 3);
    const persisted = await screenQueries(store, corpus.map((c) => c.query));
    const score = (results: Array<{ verdict: string; matches: Array<{ list: string; entry_id: string }> }>): { found: number; falseHits: number } => {
      let found = 0;
      let falseHits = 0;
      corpus.forEach((c, i) => {
        const r = results[i];
        if (c.expect === null) { if (r.verdict !== 'clear') falseHits++; } else if (r.matches.some((m) => m.list === 'ofac-sdn' && m.entry_id === c.expect)) found++;
      });
      return { found, falseHits };
    };
    const mem = score(corpus.map((c) => screenVessel(memory, c.query)));
    const per = score(persisted);
    expect(corpus.length).toBeGreaterThan(2000);
    expect(per.found).toBeGreaterThanOrEqual(mem.found);
    expect(per.falseHits).toBeLessThanOrEqual(mem.falseHits);
    const differ = corpus.filter((c, i) => screenVessel(memory, c.query).verdict !== persisted[i].verdict).length;
    expect(differ / corpus.length).toBeLessThan(0.005);
  });

  it('finds the other word orders and vowel spellings of a listed name through the saved index', async () => {
    const [reordered, vowels] = await screenQueries(store, [{ name: 'STAR ORION' }, { name: 'FEROOZEH' }]);
    expect(reordered.matches.filter((m) => m.list === 'ofac-sdn').map((m) => m.name)).toEqual(['ORION STAR']);
    expect(vowels.matches.filter((m) => m.list === 'ofac-sdn').map((m) => m.name)).toEqual(['FIROUZEH']);
  });

  it('looks misreadings and other romanisations up by their same form through the saved index', async () => {
    const queries = ['S1G', '7-2B', 'WU HSIEN', 'BAENGMAGANG', 'WŁADYSŁAW STRYŻOW', 'PATRIS (M/T)', 'SANCLINO'];
    const results = await screenQueries(store, queries.map((name) => ({ name })));
    expect(results.map((r) => r.matches.filter((m) => m.list === 'ofac-sdn').map((m) => m.name)))
      .toEqual([['SIG'], ['7-28'], ['WU XIAN'], ['BAEK MA KANG'], ['VLADISLAV STRIZHOV'], ['PATRIS'], ['SANDINO']]);
  });

  it('finds a name in Persian or Arabic script by its consonants through the saved index, short names too', async () => {
    const results = await screenQueries(store, [{ name: 'نگین' }, { name: 'بدر' }]);
    expect(results.map((r) => r.matches.filter((m) => m.list === 'ofac-sdn').map((m) => m.name))).toEqual([['NEGEEN'], ['BADR']]);
  });

  it('finds a listed ship by IMO alone, and screens only the lists asked for', async () => {
    const [hit] = await screenQueries(store, [{ imo: '9187629' }]);
    expect(hit.matches.map((m) => m.list)).toContain('ofac-sdn');
    const [none] = await screenQueries(store, [{ imo: '9187629' }], ['opensanctions']);
    expect(none.verdict).toBe('clear');
  });
});

describe('NameBlocker', () => {
  const names = ['CHONMASAN', 'CHONMASAM', 'KUMUNSAN', 'KUMUNSON', 'RYESONGGANG', 'RYESONGANG', 'OCEANSTAR', 'STAR', 'SEASTAR', 'KORVANELISTAR'];
  const blocker = NameBlocker.build(names.map((n, entry) => ({ compact: n, phonetic: normaliseName(n).phonetic, entry, words: normaliseName(n).words })));
  const cands = (q: string): string[] => blocker.candidates(q, normaliseName(q).phonetic).map((e) => names[e]).sort();

  it('finds one-edit neighbours of short names through deletion keys', () => {
    expect(cands('KUMUNSAN')).toEqual(['KUMUNSAN', 'KUMUNSON']);
    expect(cands('CHONMASN')).toEqual(['CHONMASAM', 'CHONMASAN']);
  });

  it('finds two-edit neighbours of long names through their rarest trigrams', () => {
    expect(cands('KORVANELLISTAR')).toEqual(['KORVANELISTAR']);
    expect(cands('KORVENALISTAR')).toEqual(['KORVANELISTAR']);
  });

  it('finds names whose transliteration keys differ in vowels only (consonant keys), and same forms alone', () => {
    const more = NameBlocker.build(['FIROUZEH', 'FIRUZAN', 'LAODICEA'].map((c, entry) => ({ compact: c, phonetic: normaliseName(c).phonetic, entry, words: [c] })));
    expect(more.candidates('FEROOZEH', normaliseName('FEROOZEH').phonetic)).toEqual([0]);
    expect(more.candidates('LAODIKIA', normaliseName('LAODIKIA').phonetic)).toEqual([2]);
    expect(more.sameFormCandidates('LAODICEA', '')).toEqual([2]);
    expect(more.sameFormCandidates('LAODIKIA', normaliseName('LAODIKIA').phonetic)).toEqual([]);
    // Two consonants and an initial Y: no consonant key, found by the keys one vowel away.
    const glide = NameBlocker.build(['YOUSEF', 'YASAN'].map((c, entry) => ({ compact: c, phonetic: normaliseName(c).phonetic, entry, words: [c] })));
    expect(glide.candidates('YUSUF', normaliseName('YUSUF').phonetic)).toEqual([0]);
  });

  it('finds a 5-8-letter name two slips away (a letter added and one changed) through its deletion keys', () => {
    const b = NameBlocker.build(['DELICE', 'SONIA', 'KASMA'].map((c, entry) => ({ compact: c, phonetic: normaliseName(c).phonetic, entry, words: [c] })));
    expect(b.candidates('DELLISE', normaliseName('DELLISE').phonetic)).toEqual([0]);
    expect(b.candidates('SOHNYA', normaliseName('SOHNYA').phonetic)).toEqual([1]);
    expect(b.candidates('KASBAH', normaliseName('KASBAH').phonetic)).toEqual([]);
    // Two pairs of letters swapped share no deletion key or trigram: looked up again with a pair swapped back.
    const swapped = NameBlocker.build(['SARDASHT', 'SARDAR'].map((c, entry) => ({ compact: c, phonetic: normaliseName(c).phonetic, entry, words: [c] })));
    expect(swapped.candidates('SRADAHST', normaliseName('SRADAHST').phonetic, { twoSwaps: true })).toEqual([0]);
    expect(swapped.candidates('SRADAHTS', normaliseName('SRADAHTS').phonetic, { twoSwaps: true })).toEqual([]); // three swaps: no two slips
    expect(swapped.candidates('SRADAHST', normaliseName('SRADAHST').phonetic)).toEqual([]); // not asked for
  });

  it('finds a short name one swapped vowel (E/I, O/U) away through the listed transliteration keys', () => {
    const b = NameBlocker.build(['TOLOU', 'YARE', 'TALA'].map((c, entry) => ({ compact: c, phonetic: normaliseName(c).phonetic, entry, words: [c] })));
    expect(b.candidates('TULU', normaliseName('TULU').phonetic)).toEqual([0]);
    expect(b.candidates('YARI', normaliseName('YARI').phonetic)).toEqual([1]);
    expect(b.candidates('TOLA', normaliseName('TOLA').phonetic)).toEqual([]);
  });

  it('lets in by trigrams a name only its transliteration key brings within the budget', () => {
    const b = NameBlocker.build(['WOORYSTAR', 'KORVANEL'].map((c, entry) => ({ compact: c, phonetic: normaliseName(c).phonetic, entry, words: [c] })));
    expect(b.candidates('URISTAR', normaliseName('URISTAR').phonetic)).toEqual([0]); // ULISTAL / VULISTAL
  });

  it('counts common trigrams by looking the few names in up', () => {
    // 40 long names share the trigrams of KORVANEL (a long list for each, its names too long to let in): the
    // neighbours of the 13-letter name are counted in those lists name by name; a 10-letter name one edit
    // away comes by deletions.
    const fill = Array.from({ length: 40 }, (_, i) => `KORVANELMNPTMNPTMNPT${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`);
    const all = ['KORVANELISTAR', 'KORVANELIS', ...fill];
    const big = NameBlocker.build(all.map((n, entry) => ({ compact: n, phonetic: normaliseName(n).phonetic, entry, words: [n] })));
    const found = (q: string): string[] => big.candidates(q, normaliseName(q).phonetic).map((e) => all[e]).sort();
    expect(found('KORVENALISTAR')).toEqual(['KORVANELISTAR']);
    expect(found('KORVANELISTAAR')).toEqual(['KORVANELISTAR']);
    expect(found('KORVANELIZ')).toEqual(['KORVANELIS']);
  });

  it('keeps names beyond the edit budget out (a shared generic word is not enough)', () => {
    expect(cands('GLORYSTAR')).toEqual([]);
    expect(cands('STAR')).toEqual(['STAR']);
  });

  it('knows the words of listed names, and says every word is listed when saved without them', () => {
    expect(blocker.isListedWord('KUMUNSAN')).toBe(true);
    expect(blocker.isListedWord('KUMUNSEN')).toBe(false);
    const { words: _, ...old } = blocker.arrays;
    expect(new NameBlocker(old).isListedWord('KUMUNSEN')).toBe(true);
  });

  it('round-trips through its arrays', () => {
    const copy = new NameBlocker(blocker.arrays);
    expect(copy.candidates('RYESONGANG', normaliseName('RYESONGANG').phonetic).map((e) => names[e]).sort()).toEqual(['RYESONGANG', 'RYESONGGANG']);
  });
});
