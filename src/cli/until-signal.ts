// Keeps a started server running until Ctrl-C (SIGINT) or SIGTERM, then closes it: shared by `serve` and `demo`.
import { announceServer } from './store-access.js';

/** Resolves once `server` is closed after the first SIGINT/SIGTERM. */
export function closeOnSignal(server: { close(): Promise<void> }): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Announces a running server beside its store (`<db>.serve.json`, see store-access.ts) until it stops. */
export async function serveUntilSignal(server: { url: string; readOnly: boolean; close(): Promise<void> }, dbPath: string): Promise<void> {
  const withdraw = announceServer(dbPath, { url: server.url, pid: process.pid, readOnly: server.readOnly });
  try {
    await closeOnSignal(server);
  } finally {
    withdraw();
  }
}
