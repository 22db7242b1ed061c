// Starts the HTTP server on an open store. Used by `tumen serve`, `tumen demo` and the tests.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Store } from '../store/db.js';
import { createApp } from './app.js';
import { EventHub, Hub } from './event-hub.js';
import { LiveAlerts } from './alert-watch.js';
import type { LabelledAlert } from '../store/watch.js';
import type { ServerContext } from './context.js';
import { readPool, secondConnection } from './connections.js';
import { availableParallelism } from 'node:os';
import { LiveDetection } from './live-detect.js';
import { listen, parseListenUrl } from '../ingest/listen.js';
import { storeCounts } from './routes/health.js';
import { HEADERS_TIMEOUT_MS, MAX_SSE_STREAMS, REQUEST_TIMEOUT_MS } from './params.js';

export interface StartOptions {
  /** Store file; ignored when `store` is given. */
  dbPath?: string;
  /** An already open store (the caller keeps ownership: close() does not close it). */
  store?: Store;
  /** 0 picks a free port. Default 8080. */
  port?: number;
  /** Default 127.0.0.1: nothing listens beyond loopback unless asked. */
  host?: string;
  /** Bearer token for writes; default env TUMEN_API_TOKEN, else the first line of tokenFile. */
  token?: string | null;
  tokenFile?: string;
  /** Allowed CORS origin; default none. */
  corsOrigin?: string | null;
  /** Directory of the built web UI; default dist/web beside this module. */
  webRoot?: string | null;
  /** Live NMEA feed to ingest and detect on: tcp://HOST:PORT (client) or udp://HOST:PORT (bound). */
  listen?: string;
  /** Feed batches are committed at least this often (the live-event latency budget is 1 s). */
  listenFlushMs?: number;
  /** Cached GET responses for events pages and tracks (default 1000; 0 = off). */
  cacheEntries?: number;
  /** Parallel read connections (default: one per core, at least 2). */
  readConnections?: number;
  /** Open SSE subscriptions allowed at once (default MAX_SSE_STREAMS). */
  maxStreams?: number;
  /** Time a client has to send its request headers / its whole request (defaults in params.ts). */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Log lines of the live feed (default: none). */
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  /** True when the server opened its store file read-only (no writes possible, other readers welcome). */
  readOnly: boolean;
  port: number;
  hub: EventHub;
  store: Store;
  live: LiveDetection | null;
  /** The bound UDP port of --listen udp://…:0 (tests), once bound. */
  listenPort: Promise<number> | null;
  close(): Promise<void>;
}

/** Finds dist/web whether running from dist/ (built) or src/ (tsx). */
export function defaultWebRoot(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [resolve(here, '../web'), resolve(here, '../../dist/web')]) {
    if (existsSync(resolve(candidate, 'index.html')) && existsSync(resolve(candidate, 'app.js'))) return candidate;
  }
  return null;
}

export function resolveToken(opts: { token?: string | null; tokenFile?: string }, env: NodeJS.ProcessEnv = process.env): string | null {
  if (opts.token !== undefined) return opts.token || null;
  if (opts.tokenFile) {
    let text: string;
    try {
      text = readFileSync(opts.tokenFile, 'utf8');
    } catch (err) {
      throw new Error(`cannot read token file ${opts.tokenFile}: ${(err as Error).message}`);
    }
    const token = text.split(/\r?\n/)[0].trim();
    if (token.length < 16) throw new Error(`token in ${opts.tokenFile} is shorter than 16 characters`);
    return token;
  }
  const fromEnv = env.TUMEN_API_TOKEN?.trim();
  return fromEnv ? fromEnv : null;
}

export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const ownStore = !opts.store;
  const listenUrl = opts.listen ? parseListenUrl(opts.listen) : null;
  const token = resolveToken(opts);
  // Many readers, one writer: a server that writes nothing (no token, no feed) opens the file read-only,
  // so `tumen events|vessel|stats|screen` can read the same store while it runs (DuckDB allows many
  // read-only processes, or one read-write process).
  const readOnly = !opts.store && token === null && listenUrl === null;
  const store = opts.store ?? (await Store.open(opts.dbPath, { readOnly }));
  // One read connection per core (at least 2), so concurrent requests query in parallel.
  const readStore = await readPool(store, opts.readConnections ?? Math.max(2, availableParallelism()));
  const writeStore = await secondConnection(store);
  const hub = new EventHub();
  // Live detection serves the feed and uploads; a read-only server without a feed needs none.
  const liveStore = listenUrl || token ? await secondConnection(store) : null;
  // Watch rules ride on live detection; their webhook log gets a connection of its own.
  const alertHub = new Hub<LabelledAlert>();
  const alertLogStore = liveStore ? await secondConnection(store) : null;
  const alerts = liveStore ? new LiveAlerts(liveStore, alertLogStore!, alertHub) : null;
  const live = liveStore ? new LiveDetection(liveStore, hub, alerts) : null;
  if (live && alerts) alerts.useSilenceJudge(live.silenceJudge());
  await live?.start({ poll: listenUrl !== null });
  if (live && alerts) await live.serialised(() => alerts.reload(), undefined);
  alerts?.resumePending();
  const ctx: ServerContext = {
    store: readStore,
    writeStore,
    live,
    alerts,
    alertHub,
    token,
    hub,
    webRoot: opts.webRoot === undefined ? defaultWebRoot() : opts.webRoot,
    corsOrigin: opts.corsOrigin ?? null,
    cacheEntries: opts.cacheEntries ?? 1000,
    maxStreams: opts.maxStreams ?? MAX_SSE_STREAMS,
  };
  const app = createApp(ctx);
  // The landing page's counts, computed while nobody waits for them yet.
  const warm = storeCounts(readStore).catch(() => { /* a request will report it */ });
  // Requests in flight, so close() lets their queries finish before the connections go.
  let inFlight = 0;
  let drained: (() => void) | null = null;
  const fetchHandler = async (req: Request, env: unknown): Promise<Response> => {
    inFlight++;
    try {
      return await app.fetch(req, env as never);
    } finally {
      if (--inFlight === 0) drained?.();
    }
  };
  const host = opts.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolveServer, reject) => {
    // Slow clients: headers and whole requests have deadlines, checked every second (Node's default
    // check interval is 30 s); keep-alive sockets idle for 5 s are closed.
    const headersTimeout = opts.headersTimeoutMs ?? HEADERS_TIMEOUT_MS;
    const s = serve({
      fetch: fetchHandler, port: opts.port ?? 8080, hostname: host,
      serverOptions: { headersTimeout, requestTimeout: Math.max(headersTimeout, opts.requestTimeoutMs ?? REQUEST_TIMEOUT_MS), keepAliveTimeout: 5000, connectionsCheckingInterval: 1000 },
    }, () => resolveServer(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const feedStop = new AbortController();
  let feed: Promise<unknown> | null = null;
  let listenPort: Promise<number> | null = null;
  if (listenUrl) {
    const feedStore = await secondConnection(store);
    listenPort = new Promise<number>((resolveReady) => {
      feed = listen(feedStore, listenUrl, {
        flushMs: opts.listenFlushMs ?? 250,
        signal: feedStop.signal,
        log: opts.log,
        onReady: (a) => resolveReady(a.port),
      }).catch((err: Error) => console.error(`tumen serve: --listen ${opts.listen}: ${err.message}`))
        .finally(() => feedStore.close());
    });
  }
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    readOnly,
    port,
    hub,
    store,
    live,
    listenPort,
    close: async () => {
      feedStop.abort();
      await feed;
      await live?.stop();
      await alerts?.stop();
      const idle = inFlight === 0 ? Promise.resolve() : new Promise<void>((r) => { drained = r; });
      await new Promise<void>((done) => {
        server.close(() => done());
        // SSE connections stay open forever; cut them so close() returns.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      // SSE handlers end when their socket closes; give queries at most 5 s to finish.
      await Promise.race([Promise.all([idle, warm]), new Promise((r) => setTimeout(r, 5000).unref())]);
      liveStore?.close();
      alertLogStore?.close();
      readStore.close();
      writeStore.close();
      if (ownStore) store.close();
    },
  };
}
