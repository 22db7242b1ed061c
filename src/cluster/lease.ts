// Renewing one KV lease: an update conditional on the revision last written, the whole round (update, and
// on a mismatch the read and the write that follow) bounded by one deadline under the lease TTL (the
// client's default of 5 s is longer than a short TTL: a few requests waiting on a lost node would let the
// lease lapse). A revision mismatch is not always a loss: a renewal whose reply was lost (a timeout while a
// node was down) did land, so the key holds our id at a newer revision — adopt it and write on it, so the
// round still extends the lease.

/** The part of a KV bucket a renewal uses (the @nats-io/kv `KV`). */
export interface LeaseBucket {
  update(key: string, value: string, revision: number, timeoutMs?: number): Promise<number>;
  get(key: string): Promise<{ operation: string; revision: number; string(): string } | null>;
  create(key: string, value: string): Promise<number>;
}

export type Renewal =
  | { kind: 'renewed'; revision: number }
  /** Another worker holds it now. */
  | { kind: 'lost' }
  /** No answer in time (a node lost, a leader election): try again at the next renewal. */
  | { kind: 'retry'; reason: string };

export const isRevisionMismatch = (err: unknown): boolean => /wrong last sequence/i.test((err as Error)?.message ?? '');

/**
 * One renewal of `key` held by `holder` at `revision`, settled within `timeoutMs` whatever the server does.
 * `stillHeld` is asked before re-creating a lapsed lease, so a unit handed back meanwhile is not claimed
 * again by a renewal that was already in flight. `nowMs` is the clock the deadline is kept by.
 */
export async function renewLease(kv: LeaseBucket, key: string, holder: string, revision: number, timeoutMs: number, stillHeld: () => boolean = () => true, nowMs: () => number = Date.now): Promise<Renewal> {
  const deadline = nowMs() + timeoutMs;
  // What is left of the round for the next request (at least 1 ms: a request is always made and answered).
  const left = (): number => Math.max(1, deadline - nowMs());
  try {
    return { kind: 'renewed', revision: await kv.update(key, holder, revision, left()) };
  } catch (err) {
    if (!isRevisionMismatch(err)) return { kind: 'retry', reason: (err as Error).message };
  }
  try {
    const e = await withTimeout(kv.get(key), left());
    if (e && e.operation === 'PUT') {
      if (e.string() !== holder) return { kind: 'lost' };
      // Ours: an earlier renewal landed unanswered. Write on its revision now, or this round extends nothing;
      // if that fails (even a mismatch: the key may have lapsed just now), the next round reads it again.
      try {
        return { kind: 'renewed', revision: await kv.update(key, holder, e.revision, left()) };
      } catch (err) {
        return { kind: 'retry', reason: (err as Error).message };
      }
    }
    // Lapsed (expired or deleted) and nobody took it: take it again, unless the unit was let go meanwhile.
    if (!stillHeld()) return { kind: 'lost' };
    return { kind: 'renewed', revision: await withTimeout(kv.create(key, holder), left()) };
  } catch (err) {
    return isRevisionMismatch(err) ? { kind: 'lost' } : { kind: 'retry', reason: (err as Error).message };
  }
}

/** Rejects after `ms` (the KV read and create take no timeout of their own). */
export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms); });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
