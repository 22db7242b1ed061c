// Renewing one KV lease: an update conditional on the revision last written, bounded by a timeout under the
// lease TTL (the client's default of 5 s is longer than a short TTL: a few renewals waiting on a lost node
// would let the lease lapse). A revision mismatch is not always a loss: a renewal whose reply was lost (a
// timeout while a node was down) did land, so the key holds our id at a newer revision — adopt it.

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
 * One renewal of `key` held by `holder` at `revision`. `stillHeld` is asked before re-creating a lapsed
 * lease, so a unit handed back meanwhile is not claimed again by a renewal that was already in flight.
 */
export async function renewLease(kv: LeaseBucket, key: string, holder: string, revision: number, timeoutMs: number, stillHeld: () => boolean = () => true): Promise<Renewal> {
  try {
    return { kind: 'renewed', revision: await kv.update(key, holder, revision, timeoutMs) };
  } catch (err) {
    if (!isRevisionMismatch(err)) return { kind: 'retry', reason: (err as Error).message };
  }
  try {
    const e = await withTimeout(kv.get(key), timeoutMs);
    if (e && e.operation === 'PUT') return e.string() === holder ? { kind: 'renewed', revision: e.revision } : { kind: 'lost' };
    // Lapsed (expired or deleted) and nobody took it: take it again, unless the unit was let go meanwhile.
    if (!stillHeld()) return { kind: 'lost' };
    return { kind: 'renewed', revision: await withTimeout(kv.create(key, holder), timeoutMs) };
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
