// Re-creating a unit's consumer after its node died: the old one's delete goes unanswered (it is looked for
// instead), an add placed on the dead node goes unanswered (removed and made again), an add answered late
// that did land is kept. A fake cluster: a consumer is "on" a node, live or dead; a dead node answers nothing.
import { describe, expect, it } from 'vitest';
import { recreateConsumer, type ConsumerApi } from '../../src/cluster/unit-consumer.js';

const never = <T>(): Promise<T> => new Promise<T>(() => undefined);
const notFound = (): Error => new Error('consumer not found');

class FakeCluster {
  /** The consumer (its name is the unit's) and the node it sits on; none when absent. */
  consumer: { live: boolean; start: number } | null = null;
  /** Where the next adds land, in order (then on live nodes); whether each is answered in time. */
  placements: Array<'dead' | 'late' | 'live'> = [];
  calls: string[] = [];
  /** A delete of a consumer on a dead node is applied by the meta leader only after this many info polls. */
  deleteAppliedAfterPolls = 2;
  private polls = 0;

  readonly api: ConsumerApi = {
    delete: async () => {
      this.calls.push('delete');
      if (!this.consumer) throw notFound();
      if (this.consumer.live) {
        this.consumer = null;
        return true;
      }
      return never<boolean>(); // its node is dead: the answer never comes
    },
    info: async () => {
      this.calls.push('info');
      if (this.consumer && !this.consumer.live) {
        if (++this.polls >= this.deleteAppliedAfterPolls) this.consumer = null;
        else return never();
      }
      if (!this.consumer) throw notFound();
      return { cluster: { leader: 'n1' }, config: { deliver_policy: 'by_start_sequence', opt_start_seq: this.consumer.start } } as never;
    },
    add: async (_stream, cfg) => {
      this.calls.push('add');
      const where = this.placements.shift() ?? 'live';
      this.consumer = { live: where !== 'dead', start: cfg.opt_start_seq ?? 0 };
      return where === 'live' ? ({} as never) : never();
    },
  };
}

const bounds = { totalMs: 5_000, requestMs: 40, pollMs: 5 };

describe('recreateConsumer', () => {
  it('removes a live consumer and adds it once', async () => {
    const c = new FakeCluster();
    c.consumer = { live: true, start: 11 };
    expect(await recreateConsumer(c.api, 'v0', 100, () => undefined, bounds)).toBe(1);
    expect(c.calls).toEqual(['delete', 'add']);
    expect(c.consumer).toEqual({ live: true, start: 101 });
  });

  it('finds a dead node\'s consumer gone by asking, and adds again an add placed on the dead node', async () => {
    const c = new FakeCluster();
    c.consumer = { live: false, start: 11 };
    c.placements = ['dead', 'live'];
    const lines: string[] = [];
    expect(await recreateConsumer(c.api, 'e0', 200, (l) => lines.push(l), bounds)).toBe(2);
    expect(c.consumer).toEqual({ live: true, start: 201 });
    expect(c.calls.filter((x) => x === 'add')).toHaveLength(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^unit e0: adding its consumer: no answer within 40 ms \(placed on a lost node\?\)/);
  });

  it('keeps an add answered late that landed on a live node (a consumer with a leader and its start)', async () => {
    const c = new FakeCluster();
    c.placements = ['late'];
    expect(await recreateConsumer(c.api, 'g', 300, () => undefined, bounds)).toBe(1);
    expect(c.calls).toEqual(['delete', 'add', 'info']);
    expect(c.consumer).toEqual({ live: true, start: 301 });
  });

  it('gives up once the total bound has passed, with the add\'s failure', async () => {
    const c = new FakeCluster();
    c.placements = Array(100).fill('dead');
    await expect(recreateConsumer(c.api, 'v1', 0, () => undefined, { ...bounds, totalMs: 150 })).rejects.toThrow(/no answer within 40 ms/);
  });
});
