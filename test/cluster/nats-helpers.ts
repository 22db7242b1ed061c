// What the cluster tests that start their own nats-server share: whether one is installed, a free loopback
// port, and waiting for a condition.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';

export const hasNats = (() => {
  try {
    execFileSync('nats-server', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

export const freePort = (): Promise<number> => new Promise((ok, fail) => {
  const s = createServer();
  s.once('error', fail);
  s.listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    s.close(() => ok(port));
  });
});

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once `ok()` is true (errors count as not yet), checking every 200 ms; throws after `ms`. */
export async function until(what: string, ms: number, ok: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await ok().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}`);
}
