// The `tumen lists import` / `tumen screen --file --format jsonl` output contract, run in-process.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { register as registerLists } from '../../src/cli/commands/lists.js';
import { register as registerScreen } from '../../src/cli/commands/screen.js';
import { SANCTIONS_FIXTURES } from '../fixtures/sanctions/load.js';
import { withStore } from '../../src/store/db.js';
import { IDENTITIES_DDL } from '../../src/store/identities.js';

const dir = mkdtempSync(join(tmpdir(), 'tumen-screen-cli-'));
const db = join(dir, 't.duckdb');

async function run(args: string[]): Promise<{ out: string; err: string }> {
  const program = new Command('tumen').exitOverride();
  registerLists(program);
  registerScreen(program);
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => { err += String(s); return true; });
  try {
    await program.parseAsync(['node', 'tumen', ...args]);
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
  return { out, err };
}

beforeAll(async () => {
  await run(['lists', 'import', join(SANCTIONS_FIXTURES, 'ofac-2021/sdn.csv.gz'), '--db', db]);
  await run(['lists', 'import', join(SANCTIONS_FIXTURES, 'un/UN_consolidated.xml.gz'), '--db', db]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tumen lists', () => {
  it('shows both lists with version, entries and vessels', async () => {
    const { out } = await run(['lists', '--db', db, '--format', 'json']);
    const rows = JSON.parse(out) as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.name, r.source, r.version, r.entries, r.vessels, r.rejects])).toEqual([
      ['ofac-sdn', 'ofac', 'sha256:a981acea1071', 8976, 406, 0],
      ['un-consolidated', 'un', '2026-02-27T00:00:09.554Z', 1031, 28, 0],
    ]);
    const { out: text } = await run(['lists', '--db', db]);
    expect(text.split('\n')[0]).toBe('list\tsource\tversion\tpublished\tentries\tvessels\trejects\timported\tindex');
  });

  it('streams an OpenSanctions JSON-lines file, counting what it rejects', async () => {
    const { out, err } = await run(['lists', 'import', join(SANCTIONS_FIXTURES, 'derived/opensanctions-sample.jsonl'), '--name', 'os', '--db', db]);
    expect(out).toContain('imported os (opensanctions, version 2021-07-07T00:00:00, published 2021-07-07): 3 entries, 2 vessels, 1 rejected\n');
    expect(err).toContain('rejected line 5: invalid JSON');
    await run(['lists', 'import', join(SANCTIONS_FIXTURES, 'derived/watchlist.csv'), '--name', 'os', '--db', db]); // replaced by a CSV list
    const { out: log } = await run(['lists', 'changes', '--list', 'os', '--db', db, '--format', 'json']);
    expect((JSON.parse(log) as Array<Record<string, unknown>>).map((r) => [r.added, r.removed, r.changed])).toEqual([[3, 0, 0], [3, 3, 0]]);
  });

  it('re-import of the same file logs no change', async () => {
    const { out } = await run(['lists', 'import', join(SANCTIONS_FIXTURES, 'un/UN_consolidated.xml.gz'), '--db', db]);
    expect(out).toContain('changes since 2026-02-27T00:00:09.554Z: +0 added, -0 removed, ~0 changed, 1031 unchanged');
  });
});

describe('tumen screen --file --format jsonl', () => {
  it('writes one line per input row, in input order, best match first', async () => {
    const fleet = join(dir, 'fleet.csv');
    writeFileSync(fleet, 'name,imo,mmsi,flag\nOCEAN STAR,,,PA\nChonmasan,,,KP\n,9187629,,\n,,,\nARTAVIL,9074729,,IR\n');
    const { out, err } = await run(['screen', '--file', fleet, '--format', 'jsonl', '--list', 'ofac-sdn', 'un-consolidated', '--db', db]);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
    expect(lines).toHaveLength(5);
    expect(lines.map((l) => l.query.name)).toEqual(['OCEAN STAR', 'Chonmasan', '', '', 'ARTAVIL']);
    expect(lines.map((l) => l.verdict)).toEqual(['clear', 'match', 'match', 'clear', 'possible']);
    expect(lines[0]).toEqual({ query: { name: 'OCEAN STAR', imo: '', mmsi: '', flag: 'PA' }, verdict: 'clear', matches: [] });
    expect(lines[1].matches).toEqual([
      { list: 'ofac-sdn', list_version: 'sha256:a981acea1071', entry_id: '23729', name: 'CHON MA SAN', score: 0.97, matched_on: ['name'], reason: 'name "Chonmasan" same without spaces as listed name "CHON MA SAN"' },
      { list: 'un-consolidated', list_version: '2026-02-27T00:00:09.554Z', entry_id: 'KPe.061', name: 'CHON MA SAN', score: 0.97, matched_on: ['name'], reason: 'name "Chonmasan" same without spaces as listed name "CHON MA SAN"' },
    ]);
    expect(lines[2].matches.map((m: any) => [m.entry_id, m.matched_on])).toEqual([['15036', ['imo']]]);
    expect(lines[3].findings).toEqual(['row has no name, imo, mmsi or callsign']);
    expect(Object.keys(lines[4].matches[0])).toEqual(['list', 'list_version', 'entry_id', 'name', 'score', 'matched_on', 'reason']);
    expect(err).toMatch(/^screened against ofac-sdn sha256:a981acea1071 \(imported \d{4}-\d\d-\d\d, 406 vessels\); un-consolidated .* published 2026-02-27/);
    expect(err).toContain('screened 5 rows: 2 match, 1 possible, 2 clear (1 rows with nothing to screen)\n');
  });

  it('screens the names a ship has broadcast (identity history) as former names', async () => {
    await withStore(db, async (store) => {
      await store.ensureSchema(IDENTITIES_DDL);
      await store.run("INSERT INTO identity_history VALUES (273000001, 'shipname', 'ARTAVIL', '2020-01-01', '2020-06-01', 5)");
      await store.run("INSERT INTO identity_history VALUES (273000001, 'imo', '9074729', '2020-01-01', '2021-06-01', 9)");
    });
    const fleet = join(dir, 'fleet2.csv');
    writeFileSync(fleet, 'name,mmsi,imo\nSUNNY DAY,273000001,\nSUNNY DAY,,9074729\n');
    const { out } = await run(['screen', '--file', fleet, '--list', 'ofac-sdn', 'un-consolidated', '--db', db]);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
    for (const l of lines) {
      expect(l.verdict).toBe('possible');
      expect(l.matches[0]).toMatchObject({ entry_id: '15036', matched_on: ['former_name'] });
    }
    // The IMO row: the former-name hit is lowered by the contradicting IMO (0.95 x 0.9).
    expect(lines.map((l) => l.matches[0].score)).toEqual([0.95, 0.855]);
  });

  it('screens one query given on the command line', async () => {
    const { out } = await run(['screen', 'IMO 8660313', '--format', 'json', '--db', db]);
    const r = JSON.parse(out);
    expect(r.verdict).toBe('match');
    expect(r.matches[0]).toMatchObject({ entry_id: '23729', matched_on: ['imo'], score: 1 });
  });

  it('says who owns or runs a ship tied to a listed party', async () => {
    const { out: imported } = await run(['lists', 'import', join(SANCTIONS_FIXTURES, 'derived/ftm-links.jsonl'), '--name', 'links', '--db', db]);
    expect(imported).toContain('11 entries, 7 vessels, 1 rejected, 6 ownership/management links');
    const { out } = await run(['screen', 'IMO 9523457', '--list', 'links', '--db', db]);
    expect(out).toContain('IMO 9523457: MATCH');
    expect(out).toContain('IMO 9523457 is listed; operator KORVANEL SHIPPING CO LTD is listed: links#c-korvanel');
    // Streamed import: the Sanction record that lists GORVASTIN comes after it in the file.
    const { out: later } = await run(['screen', 'IMO 9567893', '--list', 'links', '--db', db]);
    expect(later).toContain('IMO 9567893: MATCH');
    const { out: plain } = await run(['screen', 'IMO 9556789', '--list', 'links', '--db', db]);
    expect(plain).toContain('IMO 9556789: POSSIBLE');
  });
});

describe('an index built by an older Tumen', () => {
  it('is screened in memory with a hint, rebuilt by `tumen lists reindex`, with the same answers', async () => {
    const query = ['screen', 'CHON MA SAN', '--format', 'json', '--list', 'ofac-sdn', '--db', db];
    const before = JSON.parse((await run(query)).out);
    expect(before.verdict).toBe('match');
    // What a store indexed before formats were kept looks like.
    await withStore(db, (s) => s.run('UPDATE screen_index_meta SET format = NULL'));
    const { out: listed } = await run(['lists', '--db', db, '--format', 'json']); // opens for writing: rebuilds
    expect((JSON.parse(listed) as Array<{ index: { format: number } }>).map((r) => r.index.format)).toEqual([4, 4, 4, 4]);
    await withStore(db, (s) => s.run("UPDATE screen_index_meta SET format = 1 WHERE list = 'ofac-sdn'"));
    const { out, err } = await run(query);
    expect(err).toContain('the screening index of ofac-sdn is indexed in format 1 by an older Tumen (this one reads format 4): screening it in memory');
    expect(err).toContain('tumen lists reindex --db');
    expect(JSON.parse(out).matches).toEqual(before.matches);
    const { out: rebuilt } = await run(['lists', 'reindex', '--db', db]);
    expect(rebuilt).toMatch(/^screening index of ofac-sdn: indexed in format 1 by an older Tumen \(this one reads format 4\); rebuilding it\nscreening index of ofac-sdn: \d+ ship names/);
    const again = await run(query);
    expect(again.err).not.toContain('in memory');
    expect(JSON.parse(again.out).matches).toEqual(before.matches);
    expect((await run(['lists', 'reindex', '--db', db])).out).toBe('every list\'s screening index is current (format 4)\n');
  });
});
