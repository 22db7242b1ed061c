// Ships tied to listed parties in a FollowTheMoney list: owned (Ownership, a nested owner), operated, or
// owned by a company a listed person directs — flagged with the path, as `tumen screen` and the dossier
// report them; a ship the list carries without sanctioning it is not a "match" on its own.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/db.js';
import { importList } from '../../src/store/lists.js';
import { screenQueries } from '../../src/store/screen.js';
import { parseOpenSanctions } from '../../src/lists/opensanctions.js';
import { buildDossier } from '../../src/store/vessel-dossier.js';
import { startServer } from '../../src/server/start.js';

const file = join(import.meta.dirname, '../fixtures/sanctions/derived/ftm-links.jsonl');
const parsed = parseOpenSanctions(readFileSync(file, 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'tumen-links-'));
let store: Store;

beforeAll(async () => {
  store = await Store.open(join(dir, 'l.duckdb'));
  await importList(store, parsed, { name: 'opensanctions', file: 'ftm-links.jsonl', importedAt: new Date('2026-12-01T00:00:00Z') });
});
afterAll(() => { store.close(); rmSync(dir, { recursive: true, force: true }); });

describe('reading links from FollowTheMoney', () => {
  it('keeps Ownership, Directorship, operator and nested owners; drops links to absent entities', () => {
    expect(parsed.links?.map((l) => `${l.subject} ${l.relation} ${l.object} ${l.sharePct ?? '-'}`).sort()).toEqual([
      'c-bright director p-petrov -',
      'v-indirect owner c-bright -',
      'v-minority owner c-korvanel 20',
      'v-nested owner c-nested -',
      'v-operated operator c-korvanel -',
      'v-owned owner c-korvanel 100',
    ]);
    expect(parsed.rejects.map((r) => r.reason)).toEqual(['1 links to entities not in the file skipped']);
  });

  it('marks listed entities by topic or Sanction record, and the rest not listed', () => {
    const listed = Object.fromEntries(parsed.entries.map((e) => [e.key, e.listed !== false]));
    expect(listed).toEqual({
      'c-korvanel': true, 'c-bright': false, 'p-petrov': true, 'v-owned': false, 'v-operated': false, 'v-indirect': false,
      'v-minority': false, 'v-plain': false, 'v-sanctioned': true, 'c-nested': true, 'v-nested': false,
    });
  });
});

describe('screening with links', () => {
  const screen = async (imo: string) => (await screenQueries(store, [{ imo }]))[0];

  it('a ship owned outright by a listed company is a match, with the path', async () => {
    const r = await screen('9512343');
    expect(r.verdict).toBe('match');
    expect(r.matches[0].reason).toBe('IMO 9512343 is listed; owner KORVANEL SHIPPING CO LTD is listed: opensanctions#c-korvanel (100 %)');
    expect(r.matches[0].links).toEqual([{ relations: ['owner'], shares: [100], parties: [{ entry_id: 'c-korvanel', name: 'KORVANEL SHIPPING CO LTD', kind: 'organization', listed: true }] }]);
  });

  it('a ship operated by a listed company, or owned by a nested listed owner, is a match', async () => {
    expect((await screen('9523457')).verdict).toBe('match');
    expect((await screen('9523457')).matches[0].reason).toContain('operator KORVANEL SHIPPING CO LTD is listed: opensanctions#c-korvanel');
    expect((await screen('9578907')).matches[0].reason).toContain('owner NESTOR HOLDINGS LTD is listed: opensanctions#c-nested (share not stated)');
    expect((await screen('9578907')).verdict).toBe('match');
  });

  it('a minority owner or a director of the owner makes a possible match, with the path', async () => {
    const minority = await screen('9545675');
    expect(minority.verdict).toBe('possible');
    expect(minority.matches[0].reason).toContain('owner KORVANEL SHIPPING CO LTD is listed: opensanctions#c-korvanel (20 %)');
    const indirect = await screen('9534561');
    expect(indirect.verdict).toBe('possible');
    expect(indirect.matches[0].reason).toContain('owner BRIGHT HARBOUR MARITIME LTD (opensanctions#c-bright, share not stated) has director IVAN PETROVSKIY, listed: opensanctions#p-petrov');
  });

  it('a ship the list carries without sanctioning it and without listed ties is only possible; a sanctioned one is a match', async () => {
    const plain = await screen('9556789');
    expect(plain.verdict).toBe('possible');
    expect(plain.matches[0].reason).toContain('carries this entry without sanctioning it');
    expect((await screen('9567893')).verdict).toBe('match');
  });

  it('a carried ship found by its IMO under a name unlike the stated one is dropped unless a listed party controls it', async () => {
    const [other, same, owned, sanctioned] = await screenQueries(store, [
      { name: 'NORDIC HARMONY', imo: '9556789' }, { name: 'PELMARETTA', imo: '9556789' }, { name: 'NORDIC HARMONY', imo: '9512343' },
      { name: 'NORDIC HARMONY', imo: '9567893' },
    ]);
    expect(other).toEqual({ verdict: 'clear', matches: [], findings: [] });
    expect(same.matches.map((m) => [m.entry_id, m.verdict, m.matched_on])).toEqual([['v-plain', 'possible', ['imo', 'name']]]);
    expect(owned.matches.map((m) => [m.entry_id, m.verdict])).toEqual([['v-owned', 'match']]); // a listed owner controls it
    expect(sanctioned.verdict).toBe('match'); // a sanctioned ship renamed keeps its IMO
  });

  it('a name only similar to a carried ship is dropped unless a listed party controls the ship', async () => {
    const byName = async (name: string) => (await screenQueries(store, [{ name }]))[0];
    expect((await byName('PELMARETTA')).verdict).toBe('possible'); // the same name: an analyst looks
    expect(await byName('PELMAREHTA')).toEqual({ verdict: 'clear', matches: [], findings: [] });
    expect((await byName('DRALVIKI')).verdict).toBe('clear'); // a 20 % owner does not control it
    const operated = await byName('TRELVAMA');
    expect(operated.matches.map((m) => [m.entry_id, m.verdict])).toEqual([['v-operated', 'possible']]);
    expect(operated.matches[0].reason).toContain('operator KORVANEL SHIPPING CO LTD is listed');
    // The same only after transliteration folding (R/L) is not the same name either; with control it stays.
    expect(await byName('PELMALETTA')).toEqual({ verdict: 'clear', matches: [], findings: [] });
    const folded = await byName('TLELVANA');
    expect(folded.matches.map((m) => [m.entry_id, m.verdict])).toEqual([['v-operated', 'possible']]);
    expect(folded.matches[0].reason).toContain('same after transliteration');
  });

  it('the dossier and its risk score carry the path', async () => {
    const d = await buildDossier(store, 'IMO 9512343');
    expect(d.screening.verdict).toBe('match');
    expect(d.risk.indicators.find((i) => i.id === 'sanctions_match')?.evidence.list_entries[0]).toContain('opensanctions#v-owned');
    expect(d.screening.matches[0].reason).toContain('KORVANEL SHIPPING CO LTD is listed');
  });
});

describe("a fleet file's stated owner and operator", () => {
  it('a stated owner or operator that the list sanctions makes a match, whatever the ship is called', async () => {
    const [owned, run] = await screenQueries(store, [
      { name: 'NO SUCH SHIP', owner: 'Korvanel Shipping Co. Ltd.' },
      { name: 'NO SUCH SHIP', operator: 'IVAN PETROVSKIY' },
    ]);
    expect(owned.verdict).toBe('match');
    expect(owned.matches.map((m) => [m.entry_id, m.matched_on, m.reason])).toEqual([[
      'c-korvanel', ['owner'],
      'stated owner Korvanel Shipping Co. Ltd. is listed: opensanctions#c-korvanel KORVANEL SHIPPING CO LTD (same name; the fleet file\'s owner column, not the list\'s own link)',
    ]]);
    expect(run.matches.map((m) => [m.entry_id, m.matched_on])).toEqual([['p-petrov', ['operator']]]);
  });

  it('a party the list carries without sanctioning it, or an unknown one, adds nothing; a missing legal form is no difference', async () => {
    const [carried, unknown, noForm] = await screenQueries(store, [
      { name: 'NO SUCH SHIP', owner: 'BRIGHT HARBOUR MARITIME LTD' },
      { name: 'NO SUCH SHIP', owner: 'KORVANEL MARINE', operator: 'ACME MARINE' },
      { name: 'NO SUCH SHIP', owner: 'KORVANEL SHIPPING' },
    ]);
    expect(carried.verdict).toBe('clear');
    expect(unknown.verdict).toBe('clear');
    expect(noForm.matches.map((m) => [m.entry_id, m.verdict, m.reason])).toEqual([['c-korvanel', 'match',
      "stated owner KORVANEL SHIPPING is listed: opensanctions#c-korvanel KORVANEL SHIPPING CO LTD (same name; legal form CO LTD not stated; the fleet file's owner column, not the list's own link)"]]);
  });

  it('/api/screen takes owner and operator too', async () => {
    const server = await startServer({ store, port: 0, token: null, webRoot: null });
    try {
      const r = await (await fetch(`${server.url}/api/screen?name=NO%20SUCH%20SHIP&operator=korvanel%20shipping%20co%20ltd`)).json() as { verdict: string; matches: Array<{ entry_id: string; matched_on: string[] }> };
      expect([r.verdict, r.matches.map((m) => [m.entry_id, m.matched_on])]).toEqual(['match', [['c-korvanel', ['operator']]]]);
    } finally {
      await server.close();
    }
  });
});
