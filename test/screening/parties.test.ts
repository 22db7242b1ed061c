// A fleet file's stated owner and operator against listed companies and persons: legal-form variants,
// Cyrillic, aliases, typos, a person's words in either order — each hit with its reason and score; and
// what must stay clear (a carried-only firm, another firm's generic words, a name of generic words altered).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/db.js';
import { importList } from '../../src/store/lists.js';
import { screenQueries } from '../../src/store/screen.js';
import { parseOpenSanctions } from '../../src/lists/opensanctions.js';
import { normaliseParty } from '../../src/screening/party-name.js';
import { scoreParty } from '../../src/screening/party-score.js';
import { PartyIndex } from '../../src/screening/party-index.js';
import { screeningIndexInfo } from '../../src/store/screening-index.js';
import { openPartyLookup } from '../../src/store/party-index.js';
import { PARTY_THREAD_MIN_NAMES } from '../../src/store/party-thread.js';

describe('party names', () => {
  it('reads the legal form off either end into its class', () => {
    const f = (s: string): string => { const n = normaliseParty(s); return `${n.words.join(' ')}|${n.legal}|${n.legalWritten}`; };
    expect(f('Korvanel Shipping Co., Ltd.')).toBe('KORVANEL SHIPPING|LTD|CO LTD');
    expect(f('KORVANEL SHIPPING COMPANY LIMITED')).toBe('KORVANEL SHIPPING|LTD|COMPANY LIMITED');
    expect(f('ООО «Волготрансфлот»')).toBe('VOLGOTRANSFLOT|LLC|OOO');
    expect(f('Volgotransflot Limited Liability Company')).toBe('VOLGOTRANSFLOT|LLC|LIMITED LIABILITY COMPANY');
    expect(f('PAO Sovkomflot')).toBe('SOVKOMFLOT|JSC|PAO');
    expect(f('Kalvero Tankers S.A.')).toBe('KALVERO TANKERS|SA|S A');
    expect(f('ACME TRADING CO')).toBe('ACME TRADING||CO');
    expect(f('LIMITED')).toBe('LIMITED||');
  });

  it('scores legal-form spellings as one form, different forms lower, and a different firm not at all', () => {
    const s = (a: string, b: string) => scoreParty(normaliseParty(a), normaliseParty(b));
    expect(s('KORVANEL SHIPPING COMPANY LIMITED', 'Korvanel Shipping Co Ltd')).toMatchObject({ score: 1, how: 'exact', legalDiffers: false });
    expect(s('KORVANEL SHIPPING LLC', 'KORVANEL SHIPPING CO LTD')).toMatchObject({ score: 0.9, how: 'exact', legalDiffers: true });
    expect(s('KORVANLE SHIPPING CO LTD', 'KORVANEL SHIPPING CO LTD')).toMatchObject({ how: 'fuzzy', edits: 1 });
    expect(s('PETROVSKIY IVAN', 'IVAN PETROVSKIY')).toMatchObject({ score: 0.97, how: 'word_order' });
    expect(s('KORVANEL TANKERS LTD', 'KORVANEL SHIPPING LTD')).toBeNull(); // another firm of the same group name
    expect(s('OCEAN TRANSPORTS LTD', 'OCEAN TRANSPORT LTD')).toBeNull(); // generic words: equal or nothing
  });

  it('beyond one edit every word pairs, business words too, unless the odd word is garbled', () => {
    const q = normaliseParty('BBSAHA IMAD ISMAIL');
    const e = normaliseParty('SAHA IMAD ISMAIL');
    expect(scoreParty(normaliseParty('KORVANEL MARINE LTD'), normaliseParty('KORVANEL MARITIME LTD'), () => true)).toBeNull();
    expect(scoreParty(q, e, () => true)).toBeNull(); // BBSAHA is some listed party's word: another name
    expect(scoreParty(q, e, (w) => w !== 'BBSAHA')).toMatchObject({ how: 'fuzzy', edits: 2, score: 0.87 });
  });

  it('finds a listed party through the blocker in either word order', () => {
    const index = new PartyIndex([
      { list: 'l', key: 'p', entryId: 'p', name: 'IVAN PETROVSKIY', kind: 'person', variant: 'IVAN PETROVSKIY', role: 'name' },
      { list: 'l', key: 'c', entryId: 'c', name: 'KORVANEL SHIPPING CO LTD', kind: 'organization', variant: 'KORVANEL SHIPPING CO LTD', role: 'name' },
    ]);
    expect(index.match('Petrovskiy, Ivan').map((h) => [h.party.key, h.score.how])).toEqual([['p', 'word_order']]);
    expect(index.match('PETROVSKY IVAN').map((h) => [h.party.key, h.score.how])).toEqual([['p', 'transliteration']]);
    expect(index.match('KORVAMEL SHIPPING COMPANY LIMITED').map((h) => [h.party.key, h.score.edits])).toEqual([['c', 1]]);
    expect(index.match('NOBODY AT ALL LTD')).toEqual([]);
  });

  it('finds two typing slips in a short telling word where the rest of the name is right, not two arbitrary edits', () => {
    const index = new PartyIndex([
      { list: 'l', key: 'c', entryId: 'c', name: 'KORVANEL SHIPPING CO LTD', kind: 'organization', variant: 'KORVANEL SHIPPING CO LTD', role: 'name' },
      { list: 'l', key: 'm', entryId: 'm', name: 'MIRIM SHIPPING CO LTD', kind: 'organization', variant: 'MIRIM SHIPPING CO LTD', role: 'name' },
    ]);
    const found = (s: string): Array<[string, number, number]> => index.match(s).map((h) => [h.party.key, h.score.edits, Math.round(h.score.score * 100) / 100]);
    expect(found('KORVNAEK SHIPPING CO LTD')).toEqual([['c', 2, 0.87]]); // N/A swapped, K for L
    expect(found('MIRJN SHIPPING CO LTD')).toEqual([['m', 2, 0.87]]); // I -> J and M -> N, keys next to them
    expect(found('KORVAXEQ SHIPPING CO LTD')).toEqual([]); // two edits, neither a slip
    expect(found('MIRAE SHIPPING CO LTD')).toEqual([]); // another word two edits away
    expect(found('KORVNAEK')).toEqual([]); // the word alone has a one-edit budget
  });
});

describe('stated owners and operators through the store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tumen-parties-'));
  let store: Store;
  beforeAll(async () => {
    store = await Store.open(join(dir, 'p.duckdb'));
    const parsed = parseOpenSanctions(readFileSync(join(import.meta.dirname, '../fixtures/sanctions/derived/ftm-parties.jsonl'), 'utf8'));
    await importList(store, parsed, { name: 'parties', file: 'ftm-parties.jsonl', importedAt: new Date('2026-12-01T00:00:00Z') });
  });
  afterAll(() => { store.close(); rmSync(dir, { recursive: true, force: true }); });

  const owner = async (name: string) => (await screenQueries(store, [{ name: 'NO SUCH SHIP', owner: name }]))[0];
  const hit = async (name: string) => {
    const r = await owner(name);
    return r.matches.map((m) => [m.entry_id, m.verdict, m.score, m.reason]);
  };
  const tail = "; the fleet file's owner column, not the list's own link)";

  it('the index keeps every name of the listed parties only', async () => {
    expect((await screeningIndexInfo(store)).map((i) => [i.list, i.parties])).toEqual([['parties', 6]]); // 5 listed names + 1 alias
  });

  it('legal-form spellings, a missing form and Cyrillic make a match, with the forms in the reason', async () => {
    expect(await hit('Zarmetsky Maritime Co., Ltd.')).toEqual([['c-zarmet', 'match', 1,
      `stated owner Zarmetsky Maritime Co., Ltd. is listed: parties#c-zarmet ZARMETSKY MARITIME COMPANY LIMITED (same name; legal form CO LTD = COMPANY LIMITED${tail}`]]);
    expect(await hit('ZARMETSKY MARITIME')).toEqual([['c-zarmet', 'match', 1,
      `stated owner ZARMETSKY MARITIME is listed: parties#c-zarmet ZARMETSKY MARITIME COMPANY LIMITED (same name; legal form COMPANY LIMITED not stated${tail}`]]);
    expect(await hit('ООО «Волготрансфлот»')).toEqual([['c-volgo', 'match', 1,
      `stated owner ООО «Волготрансфлот» is listed: parties#c-volgo VOLGOTRANSFLOT LLC (same name; legal form OOO = LLC${tail}`]]);
  });

  it('an alias is a match, a typo or another romanisation a possible, a different legal form a possible', async () => {
    expect(await hit('Zarmet Marine Ltd')).toEqual([['c-zarmet', 'match', 1,
      `stated owner Zarmet Marine Ltd is listed: parties#c-zarmet ZARMETSKY MARITIME COMPANY LIMITED (same name to listed alias "ZARMET MARINE"${tail}`]]);
    expect(await hit('ZARMETKSY MARITIME CO LTD')).toEqual([['c-zarmet', 'possible', 0.91,
      `stated owner ZARMETKSY MARITIME CO LTD is listed: parties#c-zarmet ZARMETSKY MARITIME COMPANY LIMITED (similar, 1 edit; legal form CO LTD = COMPANY LIMITED${tail}`]]);
    expect(await hit('KALVERO TANKERS LLC')).toEqual([['c-kalvero', 'possible', 0.9,
      `stated owner KALVERO TANKERS LLC is listed: parties#c-kalvero KALVERO TANKERS SA (same name; but the legal forms differ: LLC / SA${tail}`]]);
    expect((await hit('Alexandr Sokolovsky')).map((h) => h.slice(0, 3))).toEqual([['p-sokol', 'possible', 0.93]]);
  });

  it("a person's name in the other order, or in Cyrillic, is a match on operator too", async () => {
    const [r] = await screenQueries(store, [{ name: 'NO SUCH SHIP', operator: 'Соколовский Александр' }]);
    expect(r.matches.map((m) => [m.entry_id, m.verdict, m.score, m.matched_on])).toEqual([['p-sokol', 'match', 0.97, ['operator']]]);
    expect(r.matches[0].reason).toContain('same words in another order');
  });

  it('an owner written into the name, as a port-call list does, is checked as the stated owner and said so', async () => {
    const [r] = await screenQueries(store, [{ name: 'NO SUCH SHIP (OWNERS: Zarmetsky Maritime Co., Ltd.)' }]);
    expect(r.matches.map((m) => [m.entry_id, m.verdict, m.matched_on])).toEqual([['c-zarmet', 'match', ['owner']]]);
    expect(r.findings[0]).toBe('name "NO SUCH SHIP (OWNERS: Zarmetsky Maritime Co., Ltd.)" read as a port-call entry: ship "NO SUCH SHIP"; '
      + 'owner "Zarmetsky Maritime Co., Ltd." checked as the stated owner');
  });

  it('stays clear on a carried-only firm, another firm of the same word, and altered generic names', async () => {
    for (const name of ['BRAVOS SHIPPING CO LTD', 'ZARMETSKY TANKERS LTD', 'OCEAN TRANSPORTS LTD', 'ACME MARINE']) {
      expect([name, (await owner(name)).verdict]).toEqual([name, 'clear']);
    }
    // A listed name of generic words only is reported, never firmly.
    expect((await hit('Ocean Transport Co. Ltd.')).map((h) => h.slice(0, 3))).toEqual([['c-ocean', 'possible', 1]]);
  });

  it('a fleet of many stated names is answered on a thread of its own, as one name at a time is', async () => {
    const named = ['Zarmet Marine Ltd', 'ZARMETKSY MARITIME CO LTD', 'KALVERO TANKERS LLC', 'Alexandr Sokolovsky', 'ACME MARINE', 'Ocean Transport Co. Ltd.'];
    const names = [...named, ...Array.from({ length: PARTY_THREAD_MIN_NAMES }, (_, i) => `FILLER ${i} SHIPPING LTD`)];
    const ahead = await openPartyLookup(store, ['parties'], []);
    await ahead.prepare!(names);
    const alone = await openPartyLookup(store, ['parties'], []);
    const ids = (l: typeof ahead, n: string) => l.match(n).map((h) => [h.party.entryId, h.score.score, h.score.how]);
    expect(named.map((n) => ids(ahead, n))).toEqual(named.map((n) => ids(alone, n)));
    expect(named.map((n) => ids(ahead, n).length)).toEqual([1, 1, 1, 1, 0, 1]);
    // Through the screener: one fleet with an owner on every row, against each row screened alone.
    const fleet = names.map((n, i) => ({ name: `NO SUCH SHIP ${i}`, owner: n }));
    const all = await screenQueries(store, fleet);
    const one = await Promise.all(named.map(async (n) => (await screenQueries(store, [{ name: 'NO SUCH SHIP', owner: n }]))[0].matches.map((m) => m.reason)));
    expect(all.slice(0, named.length).map((r) => r.matches.map((m) => m.reason))).toEqual(one);
    expect(all.slice(named.length).every((r) => r.verdict === 'clear')).toBe(true);
  });

  it('a list indexed before parties were is screened in memory, with the same answers', async () => {
    const before = await hit('Zarmet Marine Ltd');
    await store.run('UPDATE screen_index_meta SET parties = NULL');
    await store.run("DELETE FROM screen_blocker WHERE part LIKE 'party.%'");
    expect(await hit('Zarmet Marine Ltd')).toEqual(before);
    expect(await hit('KALVERO TANKERS LLC')).toHaveLength(1);
  });
});
