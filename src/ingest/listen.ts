// Live NMEA feeds. TCP: a client of a server that streams NMEA (AIS-catcher, rtl-ais, aggregators),
// reconnecting with exponential backoff; UDP: binds a socket (loopback by default) and reads datagrams.
// Lines go through the same pipeline as files; a batch is committed every `batchRows` positions or every
// `flushMs`, whichever comes first. Stopping (SIGINT or the signal) commits what is buffered.
import { createSocket } from 'node:dgram';
import { connect, type Socket } from 'node:net';
import type { Store } from '../store/db.js';
import { closeKilledFeeds, emptyCounts, finishIngestLog, startIngestLog, type IngestCounts } from '../store/ingest-log.js';
import { ensureIngestSchema, DEFAULT_BATCH_ROWS, type IngestOptions } from './ingest.js';
import { BatchCommitter } from './batch-committer.js';
import { NmeaDecodeStage } from './nmea-decode.js';
import { toBatchData } from './position-batch.js';
import { StoreWriter } from './store-writer.js';
import { defaultTimeWindow } from './time-window.js';
import { udpKernelDrops } from './udp-drops.js';
import { ensureFeedSchema, recordFeed, type FeedCounters } from '../store/feeds.js';

/** Reconnect delays: doubling from 0.5 s up to 30 s, reset after a connection that delivered data. */
export const RECONNECT_INITIAL_MS = 500;
export const RECONNECT_MAX_MS = 30_000;
export const UDP_RECV_BUFFER_BYTES = 4 << 20;
/**
 * A TCP feed stops being read while this many batches wait for the store (the sender is then held back by
 * TCP flow control): when commits fall behind (a loaded machine), batches no longer pile up in memory.
 */
export const MAX_BACKLOG_BATCHES = 2;

export interface ListenUrl {
  protocol: 'tcp' | 'udp';
  host: string;
  port: number;
}

export function parseListenUrl(url: string): ListenUrl {
  const m = /^(tcp|udp):\/\/(\[[^\]]+\]|[^:/]*)?:(\d+)\/?$/.exec(url);
  if (!m) throw new Error(`--listen: "${url}" is not tcp://HOST:PORT or udp://HOST:PORT`);
  const port = Number(m[3]);
  // UDP port 0 binds an ephemeral port (tests); a TCP client needs a real one.
  if (port > 65535 || (port < 1 && m[1] === 'tcp')) throw new Error(`--listen: port ${port} out of range`);
  const host = (m[2] ?? '').replace(/^\[|\]$/g, '') || '127.0.0.1';
  return { protocol: m[1] as 'tcp' | 'udp', host, port };
}

export interface ListenOptions extends IngestOptions {
  flushMs: number;
  log?: (line: string) => void;
  /** Stops the feed (tests); SIGINT does the same from the CLI. */
  signal?: AbortSignal;
  /** Called once the socket is bound (UDP) or the first connection attempt starts (TCP). */
  onReady?: (address: { port: number }) => void;
  now?: () => number;
}

export interface ListenResult {
  id: number;
  counts: IngestCounts;
  elapsedMs: number;
  /** Most batches that waited for the store at once, and how often a TCP feed was paused for that. */
  maxBacklog: number;
  backlogPauses: number;
}

export async function listen(store: Store, url: ListenUrl, opts: ListenOptions): Promise<ListenResult> {
  const now = opts.now ?? Date.now;
  const log = opts.log ?? (() => undefined);
  await ensureIngestSchema(store);
  await ensureFeedSchema(store);
  const writer = await StoreWriter.create(store);
  const source = `${url.protocol}://${url.host}:${url.port}`;
  const t0 = now();
  const killed = await closeKilledFeeds(store, t0);
  if (killed > 0) log(`${killed} earlier feed session(s) left "running" by a kill marked stopped`);
  const id = await startIngestLog(store, { source, fileKey: null, format: 'nmea-feed', startedMs: t0 });
  const pipe = new NmeaDecodeStage({
    startMs: null, source: opts.source ?? null, strict: false, batchRows: opts.batchRows ?? DEFAULT_BATCH_ROWS,
    label: source, arrivalClockMs: now, timeWindow: opts.timeWindow ?? defaultTimeWindow(now()),
  }, emptyCounts(), null);
  // "now + 1 day" moves with the clock unless the window was given.
  const advanceWindow = () => {
    if (opts.timeWindow === undefined) {
      const w = defaultTimeWindow(now());
      pipe.decoder.setTimeWindow(w.minMs, w.maxMs);
    }
  };
  const committer = new BatchCommitter(store, writer, id, emptyCounts());

  // Received vs stored: recorded after each commit, so a killed session still tells what it had received.
  const feed: FeedCounters = { receivedLines: 0, receivedBytes: 0, kernelDrops: null, reconnects: 0 };
  let kernelDrops: () => number | null = () => null;

  // Flushes are serialised; lines keep flowing into the next batch meanwhile, up to MAX_BACKLOG_BATCHES
  // waiting (TCP: reading pauses until one is stored).
  let chain: Promise<void> = Promise.resolve();
  let failure: Error | null = null;
  let backlog = 0;
  let maxBacklog = 0;
  let backlogPauses = 0;
  let pauseSource: (() => void) | null = null;
  let resumeSource: (() => void) | null = null;
  let paused = false;
  const flush = () => {
    const t = pipe.take(); // taken now: the next line goes into a fresh batch
    backlog++;
    maxBacklog = Math.max(maxBacklog, backlog);
    chain = chain.then(() => {
      return committer.submit(toBatchData(t.batch).data, t.counts, { resumeOffset: 0, committedOffset: 0 }, t.carryTimeMs);
    }).then(() => committer.settle()).then(() => {
      feed.kernelDrops = kernelDrops() ?? feed.kernelDrops; // a closed socket is no longer listed: keep its last count
      return recordFeed(store, id, feed, now());
    }).catch((e: Error) => {
      failure = e;
    }).finally(() => {
      backlog--;
      if (paused && backlog < MAX_BACKLOG_BATCHES) {
        paused = false;
        resumeSource?.();
      }
    });
    return chain;
  };
  const holdBack = () => {
    if (paused || backlog < MAX_BACKLOG_BATCHES || pauseSource === null) return;
    paused = true;
    backlogPauses++;
    pauseSource();
  };
  let carry = '';
  let lineNo = 0;
  const onText = (text: string, partial: boolean) => {
    feed.receivedBytes += text.length;
    const all = carry + text;
    const parts = all.split('\n');
    const tail = parts.pop() ?? '';
    carry = partial ? tail : '';
    if (!partial && tail !== '') parts.push(tail);
    for (const raw of parts) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      feed.receivedLines++;
      pipe.line(line, ++lineNo, true);
      if (pipe.shouldFlush) void flush();
    }
    holdBack();
  };

  const timer = setInterval(() => {
    advanceWindow();
    if (pipe.pendingLines > 0) void flush();
    holdBack();
  }, opts.flushMs);

  let stopResolve!: () => void;
  const stopped = new Promise<void>((r) => (stopResolve = r));
  const onSigint = () => stopResolve();
  process.once('SIGINT', onSigint);
  opts.signal?.addEventListener('abort', () => stopResolve(), { once: true });
  if (opts.signal?.aborted) stopResolve();

  let closeSource: () => void;
  if (url.protocol === 'udp') {
    // A large receive buffer rides out commits and bursts (feeds send many small datagrams).
    const sock = createSocket({ type: url.host.includes(':') ? 'udp6' : 'udp4', recvBufferSize: UDP_RECV_BUFFER_BYTES });
    // A datagram holds whole sentences; one without a final newline still ends its line.
    sock.on('message', (buf) => onText(buf.toString('latin1'), false));
    sock.on('error', (e) => log(`${source}: ${e.message}`));
    await new Promise<void>((resolve, reject) => {
      sock.once('error', reject);
      sock.bind(url.port, url.host, () => {
        sock.off('error', reject);
        resolve();
      });
    });
    // Linux reports twice the size asked (its bookkeeping), capped by net.core.rmem_max.
    log(`listening on ${source} (UDP, receive buffer ${(sock.getRecvBufferSize() / 2 / (1 << 20)).toFixed(1)} MiB)`);
    const boundPort = sock.address().port;
    kernelDrops = () => udpKernelDrops(boundPort, url.host.includes(':'));
    opts.onReady?.({ port: boundPort });
    closeSource = () => sock.close();
  } else {
    let socket: Socket | null = null;
    let delay = RECONNECT_INITIAL_MS;
    let stopping = false;
    let retry: NodeJS.Timeout | null = null;
    const open = () => {
      const s = connect({ host: url.host, port: url.port });
      socket = s;
      if (paused) s.pause(); // a reconnect while batches still wait
      let gotData = false;
      s.on('connect', () => log(`connected to ${source}`));
      s.on('data', (buf) => {
        if (!gotData) {
          gotData = true;
          delay = RECONNECT_INITIAL_MS;
        }
        onText(buf.toString('latin1'), true);
      });
      s.on('error', (e) => log(`${source}: ${e.message}`));
      s.on('close', () => {
        if (carry) onText('', false); // a sentence cut by the disconnect is still a line (and likely a reject)
        if (stopping) return;
        log(`${source}: disconnected; reconnecting in ${(delay / 1000).toFixed(1)} s`);
        feed.reconnects++;
        retry = setTimeout(open, delay);
        delay = Math.min(delay * 2, RECONNECT_MAX_MS);
      });
    };
    open();
    pauseSource = () => socket?.pause();
    resumeSource = () => socket?.resume();
    opts.onReady?.({ port: url.port });
    closeSource = () => {
      stopping = true;
      if (retry) clearTimeout(retry);
      socket?.destroy();
    };
  }

  await stopped;
  process.off('SIGINT', onSigint);
  clearInterval(timer);
  feed.kernelDrops = kernelDrops() ?? feed.kernelDrops;
  closeSource();
  if (carry) onText('', false);
  await flush();
  await chain;
  const counts = committer.totals();
  await finishIngestLog(store, id, failure ? 'failed' : 'stopped', now(), failure ? (failure as Error).message : null);
  if (failure) throw failure;
  if (backlogPauses > 0) log(`${source}: reading paused ${backlogPauses} time(s) while ${MAX_BACKLOG_BATCHES} batches waited for the store`);
  return { id, counts, elapsedMs: now() - t0, maxBacklog, backlogPauses };
}
