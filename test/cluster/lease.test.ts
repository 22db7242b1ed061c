// Lease renewal against an in-memory bucket that behaves like a NATS KV with history 1: conditional
// updates, a reply that can be lost after the write landed, a key that lapses, a read or a write that is
// slow to answer (a node lost, a leader election).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renewLease, withTimeout, type LeaseBucket } from '../../src/cluster/lease.js';

class FakeBucket implements LeaseBucket {
  seq = 0;
  /** Each key's value, revision and when it was written (Date.now: the lease is extended from then). */
  readonly keys = new Map<string, { value: string; revision: number; writtenMs: number }>();
  /** The next update lands but its reply never comes back (a node lost mid-request). */
  loseNextReply = false;
  /** The next update gets no answer at all (no quorum). */
  hangNext = false;
  lastTimeoutMs: number | undefined;
  /** A read answers after this long. */
  getDelayMs = 0;
  /** A create gets no answer at all. */
  hangCreate = false;

  async update(key: string, value: string, revision: number, timeoutMs?: number): Promise<number> {
    this.lastTimeoutMs = timeoutMs;
    if (this.hangNext) {
      this.hangNext = false;
      return withTimeout(new Promise<number>(() => undefined), timeoutMs ?? 5_000);
    }
    const cur = this.keys.get(key);
    if (!cur || cur.revision !== revision) throw new Error('wrong last sequence: ' + (cur?.revision ?? 0));
    this.keys.set(key, { value, revision: ++this.seq, writtenMs: Date.now() });
    if (this.loseNextReply) {
      this.loseNextReply = false;
      throw new Error('TimeoutError: timeout');
    }
    return this.seq;
  }
  async get(key: string) {
    if (this.getDelayMs > 0) await new Promise((r) => setTimeout(r, this.getDelayMs));
    const cur = this.keys.get(key);
    return cur ? { operation: 'PUT', revision: cur.revision, string: () => cur.value } : null;
  }
  async create(key: string, value: string): Promise<number> {
    if (this.hangCreate) return new Promise<number>(() => undefined);
    if (this.keys.has(key)) throw new Error('wrong last sequence: exists');
    this.keys.set(key, { value, revision: ++this.seq, writtenMs: Date.now() });
    return this.seq;
  }
}

describe('renewLease', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('renews with the revision it gets back, within the timeout given', async () => {
    vi.useFakeTimers({ now: 0 }); // a still clock: the request gets the whole round's time, not a loaded box's 1,599 ms
    const kv = new FakeBucket();
    const rev = await kv.create('lease.v0', 'w1');
    const r = await renewLease(kv, 'lease.v0', 'w1', rev, 1_600);
    expect(r).toEqual({ kind: 'renewed', revision: 2 });
    expect(kv.lastTimeoutMs).toBe(1_600);
  });

  it('a renewal whose reply was lost leaves a stale revision: the next one adopts the key\'s and writes on it, extending the lease', async () => {
    vi.useFakeTimers({ now: 0 });
    const kv = new FakeBucket();
    const rev = await kv.create('lease.v0', 'w1');
    vi.setSystemTime(800); // renewals every 800 ms of a 4 s TTL
    kv.loseNextReply = true;
    expect((await renewLease(kv, 'lease.v0', 'w1', rev, 1_600)).kind).toBe('retry');
    expect(kv.keys.get('lease.v0')).toMatchObject({ revision: 2, writtenMs: 800 }); // it did land
    vi.setSystemTime(1_600);
    const again = await renewLease(kv, 'lease.v0', 'w1', rev, 1_600); // still the old revision
    // Written at 1,600 ms, not left at 800: the lease now lasts to 5,600 ms, where adopting alone left 4,800.
    expect(again).toEqual({ kind: 'renewed', revision: 3 });
    expect(kv.keys.get('lease.v0')).toEqual({ value: 'w1', revision: 3, writtenMs: 1_600 });
    expect(await renewLease(kv, 'lease.v0', 'w1', 3, 1_600)).toEqual({ kind: 'renewed', revision: 4 });
  });

  it('one deadline for the whole round: a mismatch, a slow read and a create with no answer settle within the timeout', async () => {
    vi.useFakeTimers({ now: 0 });
    const kv = new FakeBucket();
    const rev = await kv.create('lease.v0', 'w1');
    kv.keys.delete('lease.v0'); // lapsed while a node was down: the update meets a mismatch at once
    kv.getDelayMs = 1_200; // the read answers late
    kv.hangCreate = true; // and the create never does
    let settled: Awaited<ReturnType<typeof renewLease>> | undefined;
    const atMs: number[] = [];
    void renewLease(kv, 'lease.v0', 'w1', rev, 1_600).then((r) => { settled = r; atMs.push(Date.now()); });
    expect(kv.lastTimeoutMs).toBe(1_600);
    await vi.advanceTimersByTimeAsync(1_600);
    // Settled at the round's deadline (1,600 ms), where a timeout per request let it run to 2,800 ms: two
    // renewal periods more with the lease unrenewed, and the next round held back (one in flight per lease).
    expect(settled).toEqual({ kind: 'retry', reason: 'no answer within 400 ms' });
    expect(atMs).toEqual([1_600]);
  });

  it('a slow read leaves the write on the adopted revision only what remains of the round', async () => {
    vi.useFakeTimers({ now: 0 });
    const kv = new FakeBucket();
    const rev = await kv.create('lease.v0', 'w1');
    kv.loseNextReply = true;
    await renewLease(kv, 'lease.v0', 'w1', rev, 1_600);
    kv.getDelayMs = 1_000;
    const r = renewLease(kv, 'lease.v0', 'w1', rev, 1_600);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await r).toEqual({ kind: 'renewed', revision: 3 });
    expect(kv.lastTimeoutMs).toBe(600);
  });

  it('another worker holding the key is a loss', async () => {
    const kv = new FakeBucket();
    const rev = await kv.create('lease.v0', 'w1');
    kv.keys.delete('lease.v0'); // lapsed
    await kv.create('lease.v0', 'w2'); // and taken
    expect(await renewLease(kv, 'lease.v0', 'w1', rev, 1_000)).toEqual({ kind: 'lost' });
    expect(kv.keys.get('lease.v0')!.value).toBe('w2');
  });

  it('a lapsed lease nobody took is taken again, unless the unit was let go meanwhile', async () => {
    const kv = new FakeBucket();
    const rev = await kv.create('lease.v0', 'w1');
    kv.keys.delete('lease.v0');
    expect(await renewLease(kv, 'lease.v0', 'w1', rev, 1_000, () => false)).toEqual({ kind: 'lost' });
    expect(kv.keys.has('lease.v0')).toBe(false);
    expect(await renewLease(kv, 'lease.v0', 'w1', rev, 1_000)).toEqual({ kind: 'renewed', revision: 2 });
    expect(kv.keys.get('lease.v0')!.value).toBe('w1');
  });

  it('no answer within the timeout: retried later, the revision kept', async () => {
    const kv = new FakeBucket();
    const rev = await kv.create('lease.v0', 'w1');
    kv.hangNext = true;
    const r = await renewLease(kv, 'lease.v0', 'w1', rev, 50);
    expect(r.kind).toBe('retry');
    expect(await renewLease(kv, 'lease.v0', 'w1', rev, 50)).toEqual({ kind: 'renewed', revision: 2 });
  });
});
