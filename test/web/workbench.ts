// A browser test's set-up: a filled in-memory store served by a real server on a random port, with Debian's
// chromium on a fresh profile pointed at it; one close for all three.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowser } from './browser.js';
import { Store } from '../../src/store/db.js';
import { startServer, type RunningServer } from '../../src/server/start.js';

const WEB_ROOT = resolve(import.meta.dirname, '../../dist/web');

export interface Workbench {
  store: Store;
  server: RunningServer;
  page: Page;
  close(): Promise<void>;
}

export async function openWorkbench(opts: { token?: string; fill?: (store: Store) => Promise<void> } = {}): Promise<Workbench> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) throw new Error(`${WEB_ROOT}/index.html is missing: run npm run build (it builds the web UI)`);
  const store = await Store.open(':memory:');
  await opts.fill?.(store);
  const server = await startServer({ store, port: 0, token: opts.token ?? null, webRoot: WEB_ROOT });
  const chrome = await openBrowser();
  return {
    store, server, page: chrome.page,
    async close() {
      await chrome.close();
      await server.close();
      store.close();
    },
  };
}
