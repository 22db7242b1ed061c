// Bad CSV input: one malformed row is one counted reject, never the loss of the file; encodings, BOM,
// quoted newlines, impossible times and MMSI 0 are counted or decoded; empty files and directories get
// their own message; a file that stored nothing is not "done", so the right --columns can retry it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/ingest/ingest.js';
import { parseColumnMap } from '../../src/ingest/formats.js';
import { csvDialect } from '../../src/ingest/csv-dialect.js';
import { count, withTempStore } from './helpers.js';

const HEADER = 'mmsi,time,lat,lon,shipname';
/** `n` good rows of distinct vessels and times. */
const rows = (n: number): string[] => Array.from({ length: n }, (_, i) => `${257000000 + i},2020-01-01T00:${String(i % 60).padStart(2, '0')}:00Z,60.${i},5.${i},S${i}`);

describe('one bad row', () => {
  it('an extra field within the first 20,480 lines (the sniffer\'s sample) and one after: each row rejected, the rest stored', async () => {
    await withTempStore(async (store, dir) => {
      const lines = [HEADER, ...rows(21_000)];
      for (const at of [100, 20_900]) lines[at + 1] += ',extra';
      lines[500] = lines[500].split(',').slice(0, 3).join(',');
      writeFileSync(join(dir, 'a.csv'), `${lines.join('\n')}\n`);
      const [r] = await ingestFiles(store, [join(dir, 'a.csv')]);
      expect(r.status, r.message ?? '').toBe('done');
      expect(r.counts).toMatchObject({ lines: 21_001, messages: 20_997, positions: 20_997, rejects: { csv_too_many_fields: 2, csv_missing_fields: 1 } });
      expect(await count(store, 'SELECT count(*) FROM positions WHERE mmsi IN (257000100, 257020900, 257000499)')).toBe(0);
    });
  });

  it('--strict names the malformed line', async () => {
    await withTempStore(async (store, dir) => {
      writeFileSync(join(dir, 'a.csv'), `${HEADER}\n${rows(3).join('\n')}\n257000009,x\n`);
      await expect(ingestFiles(store, [join(dir, 'a.csv')], { strict: true })).rejects.toThrow(/a\.csv:5: csv_missing_fields/);
    });
  });
});

describe('encodings and quoting', () => {
  it('latin-1, a BOM, quoted newlines and a semicolon delimiter are read; invalid UTF-8 later is a counted reject', async () => {
    await withTempStore(async (store, dir) => {
      writeFileSync(join(dir, 'l1.csv'), Buffer.concat([Buffer.from(`${HEADER}\n257100001,2020-01-01T00:00:00Z,60,5,K`), Buffer.from([0xd8]), Buffer.from('BENHAVN\n')]));
      writeFileSync(join(dir, 'bom.csv'), `\ufeff${HEADER.replaceAll(',', ';')}\n257100002;2020-01-01T00:00:00Z;60;5;"TWO\nLINES"\n257100003;2020-01-01T00:00:00Z;60;5;"SAY ""HI"""\n`);
      // 3,000 good rows (~130 kB) put the bad bytes past the 64 kB read to choose the encoding.
      const good = `${HEADER}\n${rows(3000).join('\n')}\n`;
      writeFileSync(join(dir, 'bad-utf8.csv'), Buffer.concat([Buffer.from(good), Buffer.from('257000099,2020-01-01T00:00:00Z,60,5,\xff\xfe\n', 'latin1')]));
      const out = await ingestFiles(store, ['l1.csv', 'bom.csv', 'bad-utf8.csv'].map((f) => join(dir, f)));
      expect(out.map((r) => [r.status, r.counts?.positions, r.counts?.rejects])).toEqual([
        ['done', 1, {}], ['done', 2, {}], ['done', 3000, { invalid_utf8: 1 }],
      ]);
      const names = await store.all<{ value: string }>("SELECT value FROM identity_history WHERE field = 'shipname' AND mmsi IN (257100001, 257100002, 257100003) ORDER BY mmsi");
      expect(names.map((n) => n.value)).toEqual(['KØBENHAVN', 'TWO\nLINES', 'SAY "HI"']);
    });
  });

  it('the dialect comes from the header line, not from a sniffer', () => {
    expect(csvDialect('\u00ef\u00bb\u00bfa;b;c\n1;2;3', 'x')).toEqual({ columns: ['a', 'b', 'c'], delim: ';', encoding: 'utf-8' });
    expect(csvDialect('"m,m"\tx\tx\t\n', 'x')).toEqual({ columns: ['m,m', 'x', 'x_2', 'column4'], delim: '\t', encoding: 'utf-8' });
    expect(csvDialect('mmsi,name\n1,\u00d8\n', 'x').encoding).toBe('latin-1');
    expect(() => csvDialect('\n\n', 'f.csv')).toThrow(/f\.csv: empty file/);
  });
});

describe('values', () => {
  it('a 17-digit epoch, a year-5138 epoch and unparseable times are bad_time; MMSI 0 is out_of_range; non-numbers are rejects', async () => {
    await withTempStore(async (store, dir) => {
      writeFileSync(join(dir, 'v.csv'), [
        'mmsi,time,lat,lon',
        '257000001,12345678901234567,60,5', // 17 digits
        '257000002,600000000000000,60,5', // 15 digits: beyond epoch ms
        '257000003,99999999999999,60,5', // year 5138 in ms
        '257000004,noon,60,5',
        '0,1577836800,60,5',
        '257000005,1577836800,north,5',
        '257000006,1577836800000,60,5', // epoch ms: stored
        '257000007,1577836800,60,5', // epoch s: stored
      ].join('\n'));
      const [r] = await ingestFiles(store, [join(dir, 'v.csv')], {}, undefined, () => Date.UTC(2026, 0, 1));
      expect(r.counts).toMatchObject({ lines: 9, messages: 2, positions: 2, rejects: { bad_time: 4, out_of_range: 1, truncated: 1 } });
      expect(await count(store, "SELECT count(*) FROM positions WHERE time = TIMESTAMP '2020-01-01 00:00:00'")).toBe(2);
    });
  });
});

describe('files that store nothing', () => {
  it('an empty file and a directory get their own message', async () => {
    await withTempStore(async (store, dir) => {
      writeFileSync(join(dir, 'empty.csv'), '');
      mkdirSync(join(dir, 'folder'));
      const out = await ingestFiles(store, [join(dir, 'empty.csv'), join(dir, 'folder'), join(dir, 'missing.csv')]);
      expect(out.map((r) => r.message?.replaceAll(dir, 'D'))).toEqual([
        'D/empty.csv: empty file, nothing to ingest', 'D/folder: a directory; give the files in it (e.g. D/folder/*.nmea)', 'D/missing.csv: no such file',
      ]);
    });
  });

  it('a wrong --columns stores nothing and is not "done": the right mapping then works; --force rereads a done file', async () => {
    await withTempStore(async (store, dir) => {
      const path = join(dir, 'c.csv');
      writeFileSync(path, `id,when,y,x\n${rows(5).map((r) => r.split(',').slice(0, 4).join(',')).join('\n')}\n`);
      const [wrong] = await ingestFiles(store, [path], { columns: parseColumnMap('mmsi=id,time=when,lat=x,lon=when') });
      expect(wrong.status).toBe('failed');
      expect(wrong.message).toMatch(/stored nothing from 5 rows \(rejected: truncated 5; columns used: .*lon=when.*\); check --columns/);
      const [right] = await ingestFiles(store, [path], { columns: parseColumnMap('mmsi=id,time=when,lat=y,lon=x') });
      expect([right.status, right.counts?.positions]).toEqual(['done', 5]);
      const [again] = await ingestFiles(store, [path], { columns: parseColumnMap('mmsi=id,time=when,lat=y,lon=x') });
      expect(again.status).toBe('skipped');
      const [forced] = await ingestFiles(store, [path], { columns: parseColumnMap('mmsi=id,time=when,lat=y,lon=x'), force: true });
      expect([forced.status, forced.counts?.positions, forced.counts?.duplicates]).toEqual(['done', 0, 5]);
      expect(await count(store, 'SELECT count(*) FROM positions')).toBe(5);
    });
  });
});
