// Live feeds on loopback: a real TCP server that drops the connection mid-stream, and a UDP socket.
import { createServer, type Socket } from 'node:net';
import { createSocket } from 'node:dgram';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { listen, MAX_BACKLOG_BATCHES, parseListenUrl, RECONNECT_INITIAL_MS } from '../../src/ingest/listen.js';
import { listFeeds } from '../../src/store/feeds.js';
import { ingestFiles } from '../../src/ingest/ingest.js';
import { count, fixture, withTempStore } from './helpers.js';

// The first 3000 lines of the DMA stream ($PGHP-timed), cut at a $PGHP header so both halves decode alike.
const lines = gunzipSync(readFileSync(fixture('ais', 'dma-stream_example.txt.gz'))).toString('latin1').split('\n').slice(0, 3000);
const cut = lines.findIndex((l, i) => i > 1400 && l.startsWith('$PGHP'));

async function expectedPositions(text = `${lines.join('\n')}\n`): Promise<number> {
  return withTempStore(async (store, dir) => {
    const f = join(dir, 'part.nmea');
    writeFileSync(f, text);
    const [r] = await ingestFiles(store, [f]);
    return r.counts!.positions;
  });
}

const until = async (cond: () => boolean | Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('parseListenUrl', () => {
  it('reads tcp/udp URLs, defaults the host to loopback, refuses others', () => {
    expect(parseListenUrl('tcp://10.0.0.5:5631')).toEqual({ protocol: 'tcp', host: '10.0.0.5', port: 5631 });
    expect(parseListenUrl('udp://:10110')).toEqual({ protocol: 'udp', host: '127.0.0.1', port: 10110 });
    expect(() => parseListenUrl('http://x:1')).toThrow(/tcp:\/\/HOST:PORT/);
    expect(() => parseListenUrl('tcp://x:70000')).toThrow(/out of range/);
  });
});

describe('--listen tcp://', () => {
  it('reconnects after the server drops the connection and stores the whole stream once', async () => {
    const want = await expectedPositions();
    let connections = 0;
    const server = createServer((sock: Socket) => {
      connections++;
      if (connections === 1) {
        sock.end(`${lines.slice(0, cut).join('\r\n')}\r\n`); // then the server closes: a dropped feed
      } else if (connections === 2) {
        sock.write(`${lines.slice(cut).join('\r\n')}\r\n`);
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const logs: string[] = [];
    await withTempStore(async (store) => {
      const ac = new AbortController();
      const run = listen(store, { protocol: 'tcp', host: '127.0.0.1', port }, {
        flushMs: 100, batchRows: 1000, signal: ac.signal, log: (s) => logs.push(s),
      });
      await until(() => connections >= 2);
      await new Promise((r) => setTimeout(r, 500)); // let the second half arrive
      ac.abort();
      const r = await run;
      server.close();
      expect(logs.some((l) => /disconnected; reconnecting/.test(l))).toBe(true);
      expect(r.counts.lines).toBe(lines.length);
      expect(r.counts.positions).toBe(want);
      expect(await count(store, 'SELECT count(*) FROM positions')).toBe(want);
      const log = await store.one<{ status: string; source: string }>('SELECT status, source FROM ingest_log');
      expect(log).toEqual({ status: 'stopped', source: `tcp://127.0.0.1:${port}` });
      // Received = committed (a clean stop), one reconnect, no kernel drops on TCP.
      const [feed] = await listFeeds(store);
      expect(feed).toMatchObject({ receivedLines: lines.length, committedLines: lines.length, stored: r.counts.positions + r.counts.statics, reconnects: 1, kernelDrops: null, uncommitted: 0 });
    });
  });

  it('reconnects to a feed that keeps dropping with a doubling delay (0.5, 1, 2 s), reset once data flows', async () => {
    const at: number[] = [];
    const server = createServer((sock: Socket) => {
      at.push(Date.now());
      // The fifth connection sends a line before it drops: the next retry comes after the initial delay again.
      if (at.length === 5) sock.end(`${lines[1]}\r\n`);
      else sock.destroy();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    await withTempStore(async (store) => {
      const ac = new AbortController();
      const run = listen(store, { protocol: 'tcp', host: '127.0.0.1', port }, { flushMs: 100, batchRows: 1000, signal: ac.signal });
      await until(() => at.length >= 6, 30_000);
      ac.abort();
      await run;
      server.close();
      const waits = at.slice(1).map((t, i) => t - at[i]);
      // Timers fire no earlier than asked; a loaded machine may add to each.
      expect(waits[0]).toBeGreaterThanOrEqual(RECONNECT_INITIAL_MS - 20);
      expect(waits[1]).toBeGreaterThanOrEqual(2 * RECONNECT_INITIAL_MS - 20);
      expect(waits[2]).toBeGreaterThanOrEqual(4 * RECONNECT_INITIAL_MS - 20);
      expect(waits[3]).toBeGreaterThanOrEqual(8 * RECONNECT_INITIAL_MS - 20);
      expect(waits[3]).toBeGreaterThan(waits[1] + 1000);
      expect(waits[4]).toBeLessThan(waits[3]); // reset after the connection that delivered data
      expect((await listFeeds(store))[0].reconnects).toBeGreaterThanOrEqual(5);
    });
  }, 60_000);
});

describe('--listen tcp:// with a store slower than the feed', () => {
  it('stops reading while batches wait for the store (memory bounded), then stores the whole stream', async () => {
    // The feed writes 10 copies of the lines at once; every commit takes 150 ms longer than it would.
    const text = `${Array.from({ length: 10 }, () => lines.join('\r\n')).join('\r\n')}\r\n`;
    const want = await expectedPositions(text); // the same text ingested as a file
    let sent = false;
    const server = createServer((sock: Socket) => {
      sock.end(text, () => (sent = true));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const logs: string[] = [];
    await withTempStore(async (store) => {
      const transaction = store.transaction.bind(store);
      store.transaction = async <T>(fn: () => Promise<T>): Promise<T> => {
        await new Promise((r) => setTimeout(r, 150));
        return transaction(fn);
      };
      const ac = new AbortController();
      const run = listen(store, { protocol: 'tcp', host: '127.0.0.1', port }, {
        flushMs: 20, batchRows: 1500, signal: ac.signal, log: (s) => logs.push(s),
      });
      // Polled on a connection of its own: a query on the listener's connection would cut its reads short.
      const side = await store.instance.connect();
      const received = async () => {
        try {
          const rows = (await side.runAndReadAll('SELECT max(received_lines) AS n FROM feed_stats')).getRowObjectsJS();
          return Number(rows[0]?.n ?? 0);
        } catch {
          return 0; // the table is not there yet
        }
      };
      await until(() => sent, 30_000);
      await until(async () => (await received()) === 10 * lines.length, 60_000);
      side.closeSync();
      ac.abort();
      const r = await run;
      server.close();
      // 20 batches of 1,500 lines came in faster than the store took them: at most the bound waited (one
      // more when a read chunk that was already taken completes a batch).
      expect(r.backlogPauses).toBeGreaterThan(0);
      expect(r.maxBacklog).toBeLessThanOrEqual(MAX_BACKLOG_BATCHES + 1);
      expect(logs.some((l) => /reading paused \d+ time/.test(l))).toBe(true);
      expect(r.counts.lines).toBe(10 * lines.length);
      expect(await count(store, 'SELECT count(*) FROM positions')).toBe(want);
    });
  }, 90_000);
});

describe('--listen udp://', () => {
  it('binds on loopback and stores datagrams in timed batches', async () => {
    const want = await expectedPositions();
    await withTempStore(async (store) => {
      const ac = new AbortController();
      let port = 0;
      const run = listen(store, parseListenUrl('udp://127.0.0.1:0'), {
        flushMs: 100, batchRows: 100_000, signal: ac.signal, onReady: (a) => (port = a.port),
      });
      await until(() => port > 0);
      const tx = createSocket('udp4');
      // AIS-catcher style: one datagram per sentence pair ($PGHP + its VDM line), sent in rounds; each round
      // waits until the timer committed it (a feed's pace — UDP drops what a full socket buffer cannot hold).
      // Rounds small enough for the kernel's default socket buffer (rmem_max caps recvBufferSize; ~200 KB
      // holds ~90 small datagrams), whatever the load on the machine.
      const ROUND_LINES = 60;
      // Polled on a second connection: the feed owns the first one (a connection runs one statement at a time).
      const reader = await store.instance.connect();
      const committedLines = async () => Number((await reader.runAndReadAll('SELECT coalesce(max(lines), 0) FROM ingest_log')).getRows()[0][0]);
      for (let i = 0; i < lines.length; i += ROUND_LINES) {
        for (let k = i; k < Math.min(i + ROUND_LINES, lines.length); k += 2) {
          await new Promise<void>((r) => tx.send(`${lines.slice(k, k + 2).join('\n')}\n`, port, '127.0.0.1', () => r()));
        }
        const sent = Math.min(i + ROUND_LINES, lines.length);
        await until(async () => (await committedLines()) >= sent);
      }
      tx.close();
      reader.closeSync();
      ac.abort();
      const r = await run;
      expect(r.counts.lines).toBe(lines.length);
      expect(r.counts.positions).toBe(want); // committed by the timer (batchRows is never reached)
      expect(await count(store, 'SELECT count(*) FROM positions')).toBe(want);
      const [feed] = await listFeeds(store);
      expect(feed).toMatchObject({ receivedLines: lines.length, committedLines: lines.length, uncommitted: 0, reconnects: 0, kernelDrops: 0 });
    });
  });
});

describe('a killed feed session', () => {
  it('its log row left "running" is marked stopped (with a note) by the next session; a resumable file row is left alone', async () => {
    const { ensureIngestSchema } = await import('../../src/ingest/ingest.js');
    const { closeKilledFeeds, listIngestLog, startIngestLog } = await import('../../src/store/ingest-log.js');
    await withTempStore(async (store) => {
      await ensureIngestSchema(store);
      await startIngestLog(store, { source: 'udp://127.0.0.1:10110', fileKey: null, format: 'nmea-feed', startedMs: Date.UTC(2026, 0, 1) });
      await startIngestLog(store, { source: 'big.nmea', fileKey: 'k1', format: 'nmea', startedMs: Date.UTC(2026, 0, 1) });
      expect(await closeKilledFeeds(store, Date.UTC(2026, 0, 2))).toBe(1);
      const rows = await listIngestLog(store);
      const feed = rows.find((r) => r.format === 'nmea-feed')!;
      expect(feed.status).toBe('stopped');
      expect(feed.error).toMatch(/^killed/);
      expect(rows.find((r) => r.format === 'nmea')!.status).toBe('running');
      expect(await closeKilledFeeds(store, Date.UTC(2026, 0, 2))).toBe(0);
    });
  });

  it('a kill between a commit and the received count still shows every committed line as received', async () => {
    const { ensureIngestSchema } = await import('../../src/ingest/ingest.js');
    const { emptyCounts, recordProgress, startIngestLog } = await import('../../src/store/ingest-log.js');
    const { ensureFeedSchema, recordFeed } = await import('../../src/store/feeds.js');
    await withTempStore(async (store) => {
      await ensureIngestSchema(store);
      await ensureFeedSchema(store);
      const id = await startIngestLog(store, { source: 'udp://127.0.0.1:10110', fileKey: null, format: 'nmea-feed', startedMs: Date.UTC(2026, 0, 1) });
      await recordFeed(store, id, { receivedLines: 3000, receivedBytes: 150_000, kernelDrops: null, reconnects: 0 }, Date.UTC(2026, 0, 1));
      await recordProgress(store, id, { ...emptyCounts(), lines: 3642 }, { resumeOffset: 0, committedOffset: 0, carryTimeMs: null });
      const [feed] = await listFeeds(store);
      expect(feed.committedLines).toBe(3642);
      expect(feed.receivedLines).toBe(3642);
      expect(feed.uncommitted).toBe(0);
    });
  });
});
