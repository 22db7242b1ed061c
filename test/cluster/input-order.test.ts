// A unit passes each published input on in the publisher's order although a retried publish landed late in
// the stream, drops redeliveries, does not wait for places the server dropped as duplicates, and keeps
// what waits across a checkpoint.
import { describe, expect, it } from 'vitest';
import { InputOrder, type Sequenced } from '../../src/cluster/input-order.js';
import type { ReportMessage } from '../../src/cluster/messages.js';

const msg = (n: number, seq: number, i = 'a'): Sequenced => ({ r: { k: 'end', i, n } as ReportMessage, seq });
const places = (xs: Sequenced[]): number[] => xs.map((x) => x.r.n!);

describe('InputOrder', () => {
  it('holds messages published after one that failed until the retried one arrives', () => {
    const o = new InputOrder();
    expect(places(o.accept(msg(0, 1)))).toEqual([0]);
    expect(places(o.accept(msg(2, 2)))).toEqual([]); // 1 failed, sent again later
    expect(places(o.accept(msg(3, 3)))).toEqual([]);
    expect(o.waitingCount).toBe(2);
    expect(places(o.accept(msg(1, 4)))).toEqual([1, 2, 3]);
    expect(o.waitingCount).toBe(0);
    expect(places(o.accept(msg(2, 5)))).toEqual([]); // a redelivery
  });

  it('keeps inputs apart and passes unnumbered messages at once', () => {
    const o = new InputOrder();
    expect(places(o.accept(msg(1, 1, 'a')))).toEqual([]);
    expect(places(o.accept(msg(0, 2, 'b')))).toEqual([0]);
    expect(o.accept({ r: { k: 'end' }, seq: 3 })).toHaveLength(1);
    expect(places(o.accept(msg(0, 4, 'a')))).toEqual([0, 1]);
  });

  it('skips places the server dropped as duplicates, but not a stored message named skipped', () => {
    const o = new InputOrder();
    expect(places(o.accept(msg(0, 1)))).toEqual([0]);
    expect(places(o.accept(msg(4, 2)))).toEqual([]);
    expect(places(o.accept(msg(2, 3)))).toEqual([]); // stored, though its ack was lost and the retry was a duplicate
    expect(places(o.accept({ r: { k: 'skip', ranges: [[1, 3]], i: 'a' }, seq: 4 }))).toEqual([2, 4]);
    expect(places(o.accept(msg(5, 5)))).toEqual([5]);
  });

  it('restores what waits from a snapshot', () => {
    const o = new InputOrder();
    o.accept(msg(0, 1));
    o.accept(msg(2, 2));
    const copy = new InputOrder(JSON.parse(JSON.stringify(o.snapshot())));
    expect(places(copy.accept(msg(1, 3)))).toEqual([1, 2]);
    expect(places(copy.accept(msg(1, 4)))).toEqual([]);
  });
});
