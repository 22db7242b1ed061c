// Lease renewal against an in-memory bucket that behaves like a NATS KV with history 1: conditional
// updates, a reply that can be lost after the write landed, a key that lapses.
import { describe, expect, it } from 'vitest';
import { renewLease, withTimeout, type LeaseBucket } from '../../src/cluster/lease.js';

class FakeBucket implements LeaseBucket {
  seq = 0;
  readonly keys = new Map<string, { value: string; revision: number }>();
  /** The next update lands but its reply never comes back (a node lost mid-request). */
  loseNextReply = false;
  /** The next update gets no answer at all (no quorum). */
  hangNext = false;
  lastTimeoutMs: number | undefined;

  async update(key: string, value: string, revision: number, timeoutMs?: number): Promise<number> {
    this.lastTimeoutMs = timeoutMs;
    if (this.hangNext) {
      this.hangNext = false;
      return withTimeout(new Promise<number>(() => undefined), timeoutMs ?? 5_000);
    }
    const cur = this.keys.get(key);
    if (!cur || cur.revision !== revision) throw new Error('wrong last sequence: ' + (cur?.revision ?? 0));
    this.keys.set(key, { value, revision: ++this.seq });
    if (this.loseNextReply) {
      this.loseNextReply = false;
      throw new Error('TimeoutError: timeout');
    }
    return this.seq;
  }
  async get(key: string) {
    const cur = this.keys.get(key);
    return cur ? { operation: 'PUT', revision: cur.revision, string: () => cur.value } : null;
  }
  async create(key: string, value: string): Promise<number> {
    if (this.keys.has(key)) throw new Error('wrong last sequence: exists');
    this.keys.set(key, { value, revision: ++this.seq });
    return this.seq;
  }
}

describe('renewLease', () => {
  it('renews with the revision it gets back, within the timeout given', async () => {
    const kv = new FakeBucket();
    const rev = await kv.create('lease.v0', 'w1');
    const r = await renewLease(kv, 'lease.v0', 'w1', rev, 1_600);
    expect(r).toEqual({ kind: 'renewed', revision: 2 });
    expect(kv.lastTimeoutMs).toBe(1_600);
  });

  it('a renewal whose reply was lost leaves a stale revision: the next one adopts the key\'s, it is still ours', async () => {
    const kv = new FakeBucket();
    const rev = await kv.create('lease.v0', 'w1');
    kv.loseNextReply = true;
    expect((await renewLease(kv, 'lease.v0', 'w1', rev, 1_000)).kind).toBe('retry');
    const again = await renewLease(kv, 'lease.v0', 'w1', rev, 1_000); // still the old revision
    expect(again).toEqual({ kind: 'renewed', revision: 2 });
    expect(await renewLease(kv, 'lease.v0', 'w1', 2, 1_000)).toEqual({ kind: 'renewed', revision: 3 });
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
