// The ingest/export/stats commands as a user runs them (the CLI entry in this process), and their argument parsing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tumen } from '../cli-harness.js';
import { parseBbox, parseMmsiList, parseTime } from '../../src/cli/commands/export.js';
import { fixture, tempDir } from './helpers.js';

describe('argument parsing', () => {
  it('times are UTC unless a zone is given; bbox and MMSI lists are checked', () => {
    expect(parseTime('2016-01-12', '--from')).toBe(Date.UTC(2016, 0, 12));
    expect(parseTime('2016-01-12T13:05', '--from')).toBe(Date.UTC(2016, 0, 12, 13, 5));
    expect(parseTime('2016-01-12T13:05:00+01:00', '--from')).toBe(Date.UTC(2016, 0, 12, 12, 5));
    expect(() => parseTime('noon', '--from')).toThrow(/--from: "noon" is not an ISO-8601 time/);
    expect(parseBbox('-1.2,50.7,-1,50.8')).toEqual([-1.2, 50.7, -1, 50.8]);
    expect(() => parseBbox('1,2,3')).toThrow(/minLon,minLat,maxLon,maxLat/);
    expect(() => parseBbox('0,60,1,50')).toThrow(/out of range/);
    expect(parseMmsiList('235070762, 235013375')).toEqual([235070762, 235013375]);
    expect(() => parseMmsiList('12x')).toThrow(/not an MMSI/);
  });
});

describe('tumen ingest / stats / export', () => {
  it('ingests, summarises, exports; --strict exits 1 with FILE:LINE', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const db = join(dir, 't.duckdb');
      const ing = await tumen(['ingest', '--db', db, fixture('ingest', 'dma-aisdk_20180208_sample.csv'), fixture('ingest', 'nari-dynamic.csv')]);
      expect(ing.status, ing.stderr).toBe(0);
      expect(ing.stderr).toMatch(/dma-aisdk_20180208_sample\.csv \[dma\]: 11 lines, 10 messages/);
      expect(ing.stderr).toMatch(/total: 20 messages, 20 positions/);
      const stats = await tumen(['stats', '--db', db, '--json']);
      const s = JSON.parse(stats.stdout);
      expect([s.positions, s.vessels, s.ingests.length]).toEqual([20, 19, 2]); // 19 distinct MMSIs in the two files (checked with cut | sort -u)
      const out = join(dir, 'x.csv');
      const ex = await tumen(['export', '--db', db, '--format', 'csv', '--mmsi', '244678000', '--out', out]);
      expect(ex.stderr).toMatch(/exported 1 positions/);
      expect(readFileSync(out, 'utf8').split('\n')[1]).toBe('244678000,2018-02-08T00:00:00.000Z,57.549578,11.666492,0.2,162.7,227,1,1,,');
      const strict = await tumen(['ingest', '--db', db, '--strict', '--start', '2020-01-01', fixture('ais', 'pyais-mixed.txt')]);
      expect(strict.status).toBe(1);
      expect(strict.stderr).toMatch(/--strict: .*pyais-mixed\.txt:\d+: \w+/);
    } finally {
      cleanup();
    }
  }, 60_000);
});
