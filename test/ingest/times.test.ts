// Times in ingest: impossible ones are counted rejects, never stored (one used to break every later
// stats/detect); a mostly untimed file is told up front; untimed messages never inherit a stale time.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/ingest/ingest.js';
import { CARRY_MAX_LINES } from '../../src/ingest/nmea-decode.js';
import { storeStats } from '../../src/store/store-stats.js';
import { count, fixture, withTempStore } from './helpers.js';

const HERE = { worker: false } as const;
const xor = (s: string) => [...s].reduce((a, c) => a ^ c.charCodeAt(0), 0).toString(16).toUpperCase().padStart(2, '0');
const tagged = (c: string, sentence: string) => { const body = `s:x,c:${c}`; return `\\${body}*${xor(body)}\\${sentence}`; };
const SENTENCE = '!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A';

describe('impossible times', () => {
  it('the reproduce line of issue 10 is a bad_time reject; the store and its stats stay usable', async () => {
    await withTempStore(async (store, dir) => {
      const file = join(dir, 'bad.nmea');
      writeFileSync(file, [tagged('8640000000000001', SENTENCE), tagged('599999999999999', SENTENCE), tagged('1e21', SENTENCE),
        tagged('1418000000', SENTENCE)].join('\n') + '\n');
      const [r] = await ingestFiles(store, [file], HERE);
      expect(r.status).toBe('done');
      expect(r.counts!.rejects.bad_time).toBe(3);
      expect(r.counts!.positions).toBe(1);
      expect(await count(store, 'SELECT epoch_ms(max(time)) FROM positions')).toBe(1418000000000);
      const stats = await storeStats(store);
      expect(stats.positions).toBe(1);
    });
  });

  it('a time after the given window is rejected; the window is an option', async () => {
    await withTempStore(async (store, dir) => {
      const file = join(dir, 'future.nmea');
      writeFileSync(file, tagged('1418000000', SENTENCE) + '\n');
      const [r] = await ingestFiles(store, [file], { ...HERE, timeWindow: { minMs: 0, maxMs: Date.UTC(2014, 0, 1) } });
      expect(r.counts!.rejects.bad_time).toBe(1);
      expect(r.counts!.positions).toBe(0);
    });
  });
});

describe("a file's own span", () => {
  // 400 receptions over four hours of 2014-12-08, one corrupt c: of 2019 (inside 1990 .. now) among them.
  const day = 1418000000;
  const lines = (bad: string | null) => {
    const out: string[] = [];
    for (let i = 0; i < 400; i++) out.push(tagged(String(day + i * 36), SENTENCE));
    if (bad !== null) out.splice(200, 0, tagged(bad, '!AIVDM,1,1,,B,177KQJ5000G?tO`K>RA1wUbN0TKH,0*5C'));
    return `${out.join('\n')}\n`;
  };

  it('a time far outside what the rest of the file covers is a bad_time reject, with a hint naming the span', async () => {
    await withTempStore(async (store, dir) => {
      const file = join(dir, 'span.nmea');
      writeFileSync(file, lines('1560000000')); // 2019-06-08
      const [r] = await ingestFiles(store, [file], HERE);
      expect(r.counts!.rejects.bad_time).toBe(1);
      expect(r.counts!.positions).toBe(400);
      expect(r.message).toMatch(/1 messages outside the file's own span \(2014-12-06 \d\d:\d\d \.\. 2014-12-10 \d\d:\d\d, sampled\).*--time-window/);
      expect(await count(store, 'SELECT count(*) FROM positions WHERE time < TIMESTAMP \'2014-12-01\' OR time > TIMESTAMP \'2014-12-31\'')).toBe(0);
    });
  });

  it('a time within two days of the span is kept; --time-window overrides the span', async () => {
    await withTempStore(async (store, dir) => {
      const file = join(dir, 'near.nmea');
      writeFileSync(file, lines(String(day + 86_400 + 3600))); // a day after the span's end
      const [r] = await ingestFiles(store, [file], HERE);
      expect(r.counts!.rejects.bad_time).toBeUndefined();
      expect(r.counts!.positions).toBe(401);
      expect(r.message).toBeNull();
      const far = join(dir, 'far.nmea');
      writeFileSync(far, lines('1560000000'));
      const [w] = await ingestFiles(store, [far], { ...HERE, timeWindow: { minMs: Date.UTC(2010, 0, 1), maxMs: Date.UTC(2020, 0, 1) } });
      expect(w.counts!.rejects.bad_time).toBeUndefined();
      expect(await count(store, 'SELECT count(*) FROM positions WHERE year(time) = 2019')).toBe(1);
    });
  });
});

describe('untimed lines', () => {
  it('a mostly untimed file (AMSA ais.txt) is told up front, suggesting --start', async () => {
    await withTempStore(async (store) => {
      const notices: string[] = [];
      const [r] = await ingestFiles(store, [fixture('ais', 'amsa-ais.txt.gz')], { ...HERE, log: (s) => notices.push(s) });
      expect(r.status).toBe('done');
      expect(notices.length).toBe(1);
      expect(notices[0]).toMatch(/\d+ of \d+ messages in the first 10000 lines carry no time \(9\d\.\d %\).*--start/);
    });
  });

  it(`an untimed message inherits the last time only within ${CARRY_MAX_LINES} lines; later ones get --start`, async () => {
    await withTempStore(async (store, dir) => {
      const file = join(dir, 'carry.nmea');
      const untimed = '!AIVDM,1,1,,B,177KQJ5000G?tO`K>RA1wUbN0TKH,0*5C';
      const lines = [tagged('1418000000', SENTENCE), untimed];
      for (let i = 0; i < CARRY_MAX_LINES + 5; i++) lines.push('$GPZDA,195719,16,04,14,-02,00*63');
      // Same payload: a distinct row only if its time differs (dedup window), which is the point.
      lines.push(untimed);
      writeFileSync(file, lines.join('\n') + '\n');
      const start = Date.UTC(2014, 11, 15, 0, 0, 0);
      const [r] = await ingestFiles(store, [file], { ...HERE, startMs: start });
      expect(r.counts!.positions).toBe(3);
      const times = await store.all<{ t: number }>('SELECT epoch_ms(time)::DOUBLE AS t FROM positions WHERE mmsi = 477553000 ORDER BY t');
      expect(times.map((x) => Number(x.t))).toEqual([1418000000000, start]); // right after the timed line: its time; 1,005 lines later: --start
    });
  });
});

describe('stats of a file read twice', () => {
  it('a file re-read with --start (after no_time rejects) counts its rejects once, from its latest read', async () => {
    await withTempStore(async (store, dir) => {
      const file = join(dir, 'twice.nmea');
      writeFileSync(file, [tagged('1418000000', SENTENCE), '!AIVDM,1,1,,B,177KQJ5000G?tO`K>RA1wUbN0TKH,0*5C',
        '!AIVDM,1,1,,B,177KQJ5000G?tO`K>RA1wUbN0TKH,0*5D'].join('\n') + '\n');
      const [a] = await ingestFiles(store, [file], HERE);
      expect(a.counts!.rejects).toEqual({ no_time: 1, checksum: 1 });
      const [b] = await ingestFiles(store, [file], { ...HERE, startMs: Date.UTC(2014, 11, 8) });
      expect(b.status).toBe('done');
      expect(b.counts!.rejects).toEqual({ checksum: 1 });
      const stats = await storeStats(store);
      expect(stats.ingests.length).toBe(2);
      expect(stats.rejects).toEqual({ checksum: 1 });
      expect(stats.messages).toBe(2);
    });
  });
});
