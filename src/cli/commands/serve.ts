// `tumen serve`: the HTTP API and the web map on one store.
import type { Command } from 'commander';
import { withDbOption } from '../options.js';
import { startServer } from '../../server/start.js';
import { closeOnSignal, serveUntilSignal } from '../until-signal.js';
import { requireStoreFile } from '../store-access.js';

interface ServeOptions {
  db: string;
  port?: string;
  host: string;
  tokenFile?: string;
  cors?: string;
  listen?: string;
  nats?: string;
  name: string;
}

export function register(program: Command): void {
  withDbOption(
    program
      .command('serve')
      .description('serve the HTTP API (/openapi.json) and the web map')
      .option('--port <n>', 'TCP port (0 = any free port; default 8080, or no HTTP with --nats)')
      .option('--host <addr>', 'address to bind (default loopback only)', '127.0.0.1')
      .option('--token-file <file>', 'API token for write endpoints (default: env TUMEN_API_TOKEN; none = writes disabled)')
      .option('--cors <origin>', 'allow this browser origin to call the API (default: CORS off)')
      .option('--listen <url>', 'ingest a live NMEA feed (tcp://HOST:PORT or udp://HOST:PORT) and push new events to /api/events/stream')
      .option('--nats <url>', 'store node of a cluster: consume its events (nats://HOST:PORT) into --db (docs/cluster.md)')
      .option('--name <name>', 'with --nats: this node\'s consumer name (one per store node)', 'main'),
  ).action(async (opts: ServeOptions) => {
    if (opts.nats !== undefined && opts.port === undefined) {
      // A store node without HTTP: the store file is opened only while writing, so CLI reads can share it.
      const { StoreNode } = await import('../../cluster/store-node.js');
      const node = new StoreNode({ url: opts.nats, dbPath: opts.db, name: opts.name, log: (line) => console.error(`${new Date().toISOString()} ${line}`) });
      await node.start();
      console.log(`tumen serve: store node ${opts.name}: events from ${opts.nats} into ${opts.db}`);
      await closeOnSignal(node);
      return;
    }
    const port = Number(opts.port ?? '8080');
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got ${opts.port}`);
    // A read-only server (no feed, no token to upload with) on a store that does not exist would show an
    // empty map: say so instead.
    if (!opts.listen && !opts.tokenFile && !process.env.TUMEN_API_TOKEN?.trim()) requireStoreFile(opts.db);
    const server = await startServer({
      dbPath: opts.db, port, host: opts.host, tokenFile: opts.tokenFile, corsOrigin: opts.cors ?? null, listen: opts.listen,
      log: (line) => console.error(line),
    });
    console.log(`tumen serve: ${server.url}  (API: ${server.url}/openapi.json, store ${opts.db})`);
    console.log(server.readOnly
      ? 'tumen serve: store opened read-only (no token, no feed): `tumen events|vessel|stats|screen` can read it meanwhile; writes need the server stopped'
      : 'tumen serve: store opened for writing: other `tumen` commands cannot open it meanwhile; `tumen events`, `vessel` and `stats` read through this server');
    if (opts.listen) console.log(`tumen serve: live feed ${opts.listen}: new events on ${server.url}/api/events/stream`);
    if (opts.nats !== undefined) {
      const { StoreNode } = await import('../../cluster/store-node.js');
      const node = new StoreNode({
        url: opts.nats, dbPath: opts.db, store: server.store, name: opts.name, log: (line) => console.error(line),
        onEvents: (events) => { for (const e of events) server.hub.publish(e); },
      });
      await node.start();
      console.log(`tumen serve: cluster events from ${opts.nats} into ${opts.db}, on ${server.url}/api/events/stream`);
      await serveUntilSignal({ url: server.url, readOnly: server.readOnly, close: async () => { await node.close(); await server.close(); } }, opts.db);
      return;
    }
    await serveUntilSignal(server, opts.db);
  });
}
