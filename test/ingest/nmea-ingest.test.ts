// NMEA ingest against an independent oracle: the decoder run directly over the same real capture, with
// the documented dedup rule applied naively, must give exactly the stored rows.
import { copyFileSync, appendFileSync, writeFileSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AisDecoder } from '../../src/ais/index.js';
import { ingestFiles } from '../../src/ingest/ingest.js';
import { DEDUP_WINDOW_MS } from '../../src/ingest/dedup.js';
import { POSITION_TYPES } from '../../src/ingest/message-rows.js';
import { count, fixture, tempDir, withTempStore } from './helpers.js';
import type { Store } from '../../src/store/db.js';

const DMA_STREAM = fixture('ais', 'dma-stream_example.txt.gz');
/** Decoding in this thread: same code as the worker, without its start-up (the worker is tested below and by resume/CLI tests). */
const HERE = { worker: false } as const;

type Row = { mmsi: number; timeMs: number; lat: number; lon: number; speed: number | null; heading: number | null; status: number | null };
const orNull = (v: unknown) => (typeof v === 'number' ? v : null);

function oraclePositions(text: string): Row[] {
  const d = new AisDecoder();
  const kept = new Map<string, number[]>();
  const out: Row[] = [];
  for (const line of text.split('\n')) {
    const r = d.decodeLine(line.replace(/\r$/, ''));
    if (r.kind !== 'message' || r.meta.timeMs === null || !POSITION_TYPES.has(r.message.type)) continue;
    const { lat, lon } = r.message as { lat: unknown; lon: unknown };
    if (typeof lat !== 'number' || typeof lon !== 'number' || Math.abs(lat) > 90 || Math.abs(lon) > 180) continue;
    const times = kept.get(r.payload) ?? [];
    if (times.some((t) => Math.abs(t - r.meta.timeMs!) <= DEDUP_WINDOW_MS)) continue;
    times.push(r.meta.timeMs);
    kept.set(r.payload, times);
    const m = r.message;
    const speed = orNull(m.speed);
    out.push({
      mmsi: m.mmsi, timeMs: r.meta.timeMs, lat, lon, speed: speed === null ? null : Math.fround(speed), heading: orNull(m.heading),
      status: m.type <= 3 || m.type === 27 ? orNull(m.status) : null,
    });
  }
  return out;
}

describe('NMEA ingest (DMA stream_example, $PGHP-timed, gzip)', () => {
  it.each([['worker thread', true], ['this thread', false]])('decoding in the %s stores exactly the deduplicated timed positions the decoder yields', async (_, worker) => {
    const text = gunzipSync(readFileSync(DMA_STREAM)).toString('latin1');
    const expected = oraclePositions(text);
    expect(expected.length).toBeGreaterThan(2500);
    await withTempStore(async (store) => {
      const [r] = await ingestFiles(store, [DMA_STREAM], { batchRows: 500, worker }); // several batches
      expect(r.status).toBe('done');
      expect(r.format).toBe('nmea');
      expect(r.counts!.lines).toBe(text.split('\n').filter((l, i, a) => i < a.length - 1 || l !== '').length);
      expect(r.counts!.positions).toBe(expected.length);
      expect(await count(store, 'SELECT count(*) FROM positions')).toBe(expected.length);
      const rows = await store.all<{ mmsi: number; t: number; lat: number; lon: number; speed: number | null; heading: number | null; status: number | null }>(
        'SELECT mmsi, epoch_ms(time)::DOUBLE AS t, lat, lon, speed, heading, status FROM positions ORDER BY mmsi, time, lat, lon');
      const sorted = [...expected].sort((a, b) => a.mmsi - b.mmsi || a.timeMs - b.timeMs || a.lat - b.lat || a.lon - b.lon);
      expect(rows.map((x) => [Number(x.mmsi), Number(x.t), x.lat, x.lon, x.speed, x.heading, x.status]))
        .toEqual(sorted.map((x) => [x.mmsi, x.timeMs, x.lat, x.lon, x.speed, x.heading, x.status]));
      // not-available values are NULL, not sentinels or zeros
      expect(sorted.some((x) => x.heading === null) && sorted.some((x) => x.speed === null)).toBe(true);
      // lines 9-10 of the file: $PGHP 2010-06-11 11:46:12.470 then a type 1 report; its row carries that time
      const d = new AisDecoder();
      const m = d.decodeLine('!BSVDM,1,1,,A,13:WB@0vC2PmgjpP`WO=DbdF0<0U,0*5D');
      if (m.kind !== 'message') throw new Error('fixture line does not decode');
      const row = await store.one<{ t: string; lat: number; type: number }>(
        `SELECT strftime(time, '%Y-%m-%d %H:%M:%S.%g') AS t, lat, type FROM positions WHERE mmsi = ? ORDER BY time LIMIT 1`, [m.message.mmsi]);
      expect(row).toEqual({ t: '2010-06-11 11:46:12.470', lat: m.message.lat, type: 1 });
      // ingest log mirrors the outcome
      const log = await store.one<{ status: string; positions: bigint; messages: bigint }>('SELECT status, positions, messages FROM ingest_log');
      expect(log!.status).toBe('done');
      expect(Number(log!.positions)).toBe(expected.length);
      expect(Number(log!.messages)).toBe(r.counts!.messages);
    });
  });

  it('adds nothing when the same file, a renamed copy, or an overlapping file is ingested again', async () => {
    await withTempStore(async (store, dir) => {
      await ingestFiles(store, [DMA_STREAM], HERE);
      const n = await count(store, 'SELECT count(*) FROM positions');
      const again = await ingestFiles(store, [DMA_STREAM], HERE);
      expect(again[0].status).toBe('skipped');
      const copy = join(dir, 'copy.txt.gz');
      copyFileSync(DMA_STREAM, copy);
      expect((await ingestFiles(store, [copy], HERE))[0].status).toBe('skipped');
      // overlapping: the plain text plus one new real USCG-timed sentence (libais/pyais sample line)
      const plain = join(dir, 'overlap.txt');
      writeFileSync(plain, gunzipSync(readFileSync(DMA_STREAM)));
      appendFileSync(plain, '!AIVDM,1,1,,B,14pWHb?P03rwO<F:RQOnROw<25bd,0*3E,1357134218\n');
      // The new line is 2.5 years after the rest of the file, outside the file's own span: the window is given.
      const [o] = await ingestFiles(store, [plain], { ...HERE, timeWindow: { minMs: Date.UTC(2010, 0, 1), maxMs: Date.UTC(2014, 0, 1) } });
      expect(o.status).toBe('done');
      expect(o.counts!.positions).toBe(1);
      expect(o.counts!.duplicates).toBeGreaterThan(n - 10);
      expect(await count(store, 'SELECT count(*) FROM positions')).toBe(n + 1);
      expect(await count(store, 'SELECT count(*) FROM positions WHERE time = epoch_ms(?::BIGINT)', [1357134218000])).toBe(1);
    });
  });
});

describe('batching', () => {
  it('the stored rows do not depend on the batch size (times not monotonic: three captures, --start)', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const f = join(dir, 'mixed.nmea');
      writeFileSync(f, Buffer.concat([
        gunzipSync(readFileSync(fixture('ingest', 'amsa-exact-earth-augmented.txt.gz'))),
        gunzipSync(readFileSync(fixture('ais', 'amsa-ais.txt.gz'))),
        gunzipSync(readFileSync(fixture('ingest', 'amsa-exact-earth-augmented.txt.gz'))).subarray(0, 200_000),
        gunzipSync(readFileSync(fixture('ais', 'amsa-ais.txt.gz'))),
      ]));
      const fingerprint = async (batchRows: number) => withTempStore(async (store) => {
        await ingestFiles(store, [f], { startMs: Date.UTC(2012, 0, 1), batchRows, ...HERE });
        return store.all(`SELECT (SELECT count(*) FROM positions)::INTEGER AS p, (SELECT sum(hash(mmsi, time, lat, lon, stations)) FROM positions)::VARCHAR AS h,
          (SELECT count(*) FROM statics)::INTEGER AS s`);
      });
      const [small, large] = [await fingerprint(3000), await fingerprint(1_000_000)];
      expect(small).toEqual(large);
      expect((small[0] as { p: number }).p).toBeGreaterThan(15000);
    } finally {
      cleanup();
    }
  });
});

describe('duplicate receptions from several stations', () => {
  // A real sentence (pyais tests/mixed.txt) heard by two stations 2 s apart, and 100 s later.
  const tag = (body: string) => {
    let x = 0;
    for (const ch of body) x ^= ch.charCodeAt(0);
    return `\\${body}*${x.toString(16).toUpperCase().padStart(2, '0')}\\`;
  };
  const sentence = '!AIVDM,1,1,,A,15MrVH0000KH<:V:NtBLoqFP2H9:,0*2F';
  it('stores one row with both stations; a reception outside the window is a new row', async () => {
    const lines = [
      `${tag('s:rORBCOMM000,c:1428621738')}${sentence}`,
      `${tag('s:r003669945,c:1428621740')}${sentence}`,
      `${tag('s:r003669945,c:1428621838')}${sentence}`,
    ];
    await withTempStore(async (store, dir) => {
      const f = join(dir, 'twice.nmea');
      writeFileSync(f, `${lines.join('\n')}\n`);
      const [r] = await ingestFiles(store, [f], HERE);
      expect(r.counts!.messages).toBe(3);
      expect(r.counts!.duplicates).toBe(1);
      const rows = await store.all<{ t: number; stations: string[]; source: string | null }>(
        'SELECT epoch_ms(time)::DOUBLE AS t, stations, source FROM positions ORDER BY time');
      expect(rows.map((x) => [Number(x.t), x.stations])).toEqual([
        [1428621738000, ['r003669945', 'rORBCOMM000']],
        [1428621838000, ['r003669945']],
      ]);
      // a later file with the same reception from a third station adds the station, not a row
      const g = join(dir, 'third.nmea');
      writeFileSync(g, `${tag('s:rTHIRD,c:1428621745')}${sentence}\n`);
      const [r2] = await ingestFiles(store, [g], HERE);
      expect(r2.counts!.duplicates).toBe(1);
      const again = await store.all<{ stations: string[] }>('SELECT stations FROM positions ORDER BY time');
      expect(again[0].stations).toEqual(['r003669945', 'rORBCOMM000', 'rTHIRD']);
      expect(again.length).toBe(2);
    });
  });
});

describe('inputs that are not there', () => {
  it('a missing file is a failed outcome with its name, not an exception', async () => {
    await withTempStore(async (store, dir) => {
      const [r] = await ingestFiles(store, [join(dir, 'missing.nmea')]);
      expect(r).toMatchObject({ status: 'failed', message: `${join(dir, 'missing.nmea')}: no such file` });
    });
  });
});

describe('times', () => {
  const untimed = fixture('ais', 'pyais-nmea_data_sample.txt');
  it('refuses a file without times, with a clear message and nothing stored', async () => {
    await withTempStore(async (store) => {
      const [r] = await ingestFiles(store, [untimed], HERE);
      expect(r.status).toBe('failed');
      expect(r.message).toMatch(/no message in the first 10000 lines carries a time.*--start/);
      expect(await count(store, 'SELECT count(*) FROM positions')).toBe(0);
    });
  });
  it('with --start every untimed message gets that time (no time seen before it)', async () => {
    await withTempStore(async (store) => {
      const start = Date.UTC(2020, 0, 1);
      const [r] = await ingestFiles(store, [untimed], { startMs: start, ...HERE });
      expect(r.status).toBe('done');
      expect(r.counts!.positions).toBeGreaterThan(300);
      expect(await count(store, 'SELECT count(DISTINCT time) FROM positions')).toBe(1);
      expect(await count(store, 'SELECT epoch_ms(min(time)) FROM positions')).toBe(start);
    });
  });
  it('in a timed file, untimed messages are rejected as no_time', async () => {
    await withTempStore(async (store) => {
      const [r] = await ingestFiles(store, [fixture('ais', 'amsa-ais.txt.gz')], HERE);
      expect(r.status).toBe('done');
      expect(r.counts!.rejects.no_time).toBeGreaterThan(30000);
      const rejects = await store.one<{ r: string }>('SELECT rejects::VARCHAR AS r FROM ingest_log');
      expect(JSON.parse(rejects!.r).no_time).toBe(r.counts!.rejects.no_time);
    });
  });
});

describe('bad input never crashes', () => {
  for (const name of ['pyais-mixed.txt', 'dma-small_cb_example.txt', 'amsa-ais.txt.gz', 'pyais-messages.ais']) {
    it(`${name}: every line accounted for`, async () => {
      await withTempStore(async (store) => {
        const [r] = await ingestFiles(store, [fixture('ais', name)], { startMs: Date.UTC(2012, 0, 1), ...HERE });
        expect(r.status).toBe('done');
        const c = r.counts!;
        const rejects = Object.values(c.rejects).reduce((a, b) => a + b, 0);
        const skipped = Object.values(c.skipped).reduce((a, b) => a + b, 0);
        // every line is a message, a fragment of one, skipped or rejected
        expect(c.messages + rejects + skipped).toBeLessThanOrEqual(c.lines);
        expect(c.messages).toBeGreaterThan(0);
        expect(c.positions + c.statics + c.duplicates + c.notStored).toBeGreaterThanOrEqual(c.messages - (c.rejects.out_of_range ?? 0) - (c.rejects.no_time ?? 0));
      });
    });
  }
  it('--strict stops at the first rejected line with FILE:LINE', async () => {
    await withTempStore(async (store) => {
      const f = fixture('ais', 'pyais-mixed.txt');
      await expect(ingestFiles(store, [f], { strict: true, startMs: 0, ...HERE })).rejects.toThrow(/pyais-mixed\.txt:\d+: \w+/);
    });
  });
});

describe('row order', () => {
  it('batches sorted by the decoding thread are stored in the order of batches sorted by the writing thread', async () => {
    const rowsInOrder = (worker: boolean) => withTempStore(async (store) => {
      // twice: the second time every row is already stored (station merges, no new rows)
      for (const force of [false, true]) expect((await ingestFiles(store, [DMA_STREAM], { batchRows: 700, worker, force }))[0].status).toBe('done');
      return (await store.all<{ r: string }>(
        "SELECT concat_ws('|', mmsi, epoch_ms(time), lat, lon, speed, course, heading, status, type, stations, dedup_key) AS r FROM positions ORDER BY rowid")).map((x) => x.r);
    });
    const here = await rowsInOrder(false);
    expect(here.length).toBeGreaterThan(2500);
    expect(await rowsInOrder(true)).toEqual(here);
  });
});

describe("DuckDB's threads while a file is decoded", () => {
  it('are lowered for the batches before the last, given back for the last commit and after, with the same rows', async () => {
    const threadsNow = async (store: Store) => Number((await store.one<{ t: unknown }>("SELECT current_setting('threads')::INTEGER AS t"))?.t);
    const ingest = (lower: boolean) => withTempStore(async (store) => {
      await store.run('SET threads = 2');
      // per batch commit (its progress row): the threads then in force
      const seen: number[] = [];
      const run = store.run.bind(store);
      store.run = async (sql, params) => {
        if (sql.startsWith('UPDATE ingest_log SET lines')) seen.push(await threadsNow(store));
        return run(sql, params);
      };
      const [r] = await ingestFiles(store, [DMA_STREAM], { batchRows: 500, worker: true, ...(lower ? { storeThreadsWhileDecoding: 1 } : {}) });
      expect(r.status).toBe('done');
      const rows = await store.all<{ r: string }>(
        'SELECT concat_ws(\'|\', mmsi, epoch_ms(time), lat, lon, speed, course, heading, status, stations) AS r FROM positions ORDER BY rowid');
      return { seen, after: await threadsNow(store), rows: rows.map((x) => x.r) };
    });
    const lowered = await ingest(true);
    expect(lowered.seen.length).toBeGreaterThan(3);
    expect(lowered.seen.slice(0, -1).every((t) => t === 1)).toBe(true);
    expect(lowered.seen.at(-1)).toBe(2);
    expect(lowered.after).toBe(2);
    const plain = await ingest(false);
    expect(plain.seen.every((t) => t === 2)).toBe(true);
    expect(lowered.rows).toEqual(plain.rows);
  });
});
