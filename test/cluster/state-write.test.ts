// Checkpoint writes through a lost node: retried on transient errors, a landed write whose reply was lost
// recognised by its bytes, a write by another owner refused.
import { describe, expect, it } from 'vitest';
import { removeStateKeys, writeState, type StateBucket } from '../../src/cluster/state-write.js';

class FakeState implements StateBucket {
  seq = 0;
  readonly keys = new Map<string, { value: Uint8Array; revision: number }>();
  /** Errors thrown by the next writes, in order; 'lost-reply' lands the write, then throws. */
  failures: Array<'no-jetstream' | 'lost-reply'> = [];

  private write(key: string, value: Uint8Array, revision: number): number {
    const cur = this.keys.get(key);
    const f = this.failures.shift();
    if (f === 'no-jetstream') throw new Error('jetstream is not enabled');
    if ((cur?.revision ?? 0) !== revision) throw new Error(`wrong last sequence: ${cur?.revision ?? 0}`);
    this.keys.set(key, { value, revision: ++this.seq });
    if (f === 'lost-reply') throw new Error('TimeoutError: timeout');
    return this.seq;
  }
  async create(key: string, value: Uint8Array) { return this.write(key, value, 0); }
  async update(key: string, value: Uint8Array, revision: number) { return this.write(key, value, revision); }
  async get(key: string) {
    const cur = this.keys.get(key);
    return cur ? { operation: 'PUT', revision: cur.revision, value: cur.value } : null;
  }
}

const bytes = (s: string) => new TextEncoder().encode(s);

describe('writeState', () => {
  it('creates, then updates over the revision it got', async () => {
    const kv = new FakeState();
    expect(await writeState(kv, 'unit.v0', bytes('a'), 0)).toBe(1);
    expect(await writeState(kv, 'unit.v0', bytes('b'), 1)).toBe(2);
    expect(new TextDecoder().decode(kv.keys.get('unit.v0')!.value)).toBe('b');
  });

  it('retries while the bucket has no leader', async () => {
    const kv = new FakeState();
    await kv.create('unit.v0', bytes('a'));
    kv.failures = ['no-jetstream', 'no-jetstream'];
    expect(await writeState(kv, 'unit.v0', bytes('b'), 1, 10_000)).toBe(2);
  });

  it('a write that landed but lost its reply is recognised by its bytes on the retry', async () => {
    const kv = new FakeState();
    await kv.create('unit.v0', bytes('a'));
    kv.failures = ['lost-reply'];
    expect(await writeState(kv, 'unit.v0', bytes('b'), 1, 10_000)).toBe(2);
    expect(kv.seq).toBe(2); // written once
  });

  it('another owner\'s write is refused at once, and after a retry too', async () => {
    const kv = new FakeState();
    await kv.create('unit.v0', bytes('a'));
    await kv.update('unit.v0', bytes('theirs'), 1);
    await expect(writeState(kv, 'unit.v0', bytes('mine'), 1, 10_000)).rejects.toThrow(/wrong last sequence/);
    kv.failures = ['no-jetstream'];
    await expect(writeState(kv, 'unit.v0', bytes('mine'), 1, 10_000)).rejects.toThrow(/wrong last sequence/);
    expect(new TextDecoder().decode(kv.keys.get('unit.v0')!.value)).toBe('theirs');
  });

  it('gives up once failures outlast the retry time', async () => {
    const kv = new FakeState();
    kv.failures = Array(20).fill('no-jetstream');
    await expect(writeState(kv, 'unit.v0', bytes('a'), 0, 150)).rejects.toThrow(/not enabled/);
  });
});

describe('removeStateKeys', () => {
  it('removes a key\'s last message only when it is older than the given sequence', async () => {
    const kv = new FakeState();
    await kv.create('unit.v0.part.v1.aa', bytes('left over'));                     // seq 1
    await kv.create('unit.v0.part.v2.bb', bytes('left over'));                     // seq 2
    await kv.create('unit.v0', bytes('head'));                                      // seq 3
    await kv.update('unit.v0.part.v2.bb', bytes('written again by the next owner'), 2); // seq 4
    const deleted: number[] = [];
    const jsm = { streams: { deleteMessage: async (_stream: string, seq: number) => { deleted.push(seq); return true; } } };
    await removeStateKeys({ jsm, state: kv }, ['unit.v0.part.v1.aa', 'unit.v0.part.v2.bb', 'unit.v0.part.v3.cc'], 3);
    expect(deleted).toEqual([1]);
  });
});
