// Asking again what the cluster did not answer in time: a cluster just up or a loaded box times requests out
// for seconds (2026-12-07: unit starts failed with "timeout" while the first checkpoints took 7–10 s).

/** A request the cluster did not answer in time (or could not take yet): worth asking again. */
export const unanswered = (err: unknown): boolean => /timeout|no answer|no responders|jetstream is not enabled|\b503\b/i.test(String((err as Error)?.message ?? err));

/** Runs `fn` until it succeeds; a failure that is not `unanswered`, one past `retryMs` since the first try,
 *  or one after `stopped()` is thrown. Backs off from 100 ms to 2 s; `log` hears each retry. */
export async function retryUnanswered<T>(fn: () => Promise<T>, retryMs: number, log: (why: string) => void, stopped: () => boolean = () => false): Promise<T> {
  const first = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (stopped() || !unanswered(err) || Date.now() - first > retryMs) throw err;
      log((err as Error).message);
      await new Promise((r) => setTimeout(r, Math.min(2_000, 100 * 2 ** attempt)));
    }
  }
}
