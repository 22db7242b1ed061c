// A unit's start asked again while the cluster does not answer, and only then.
import { describe, expect, it } from 'vitest';
import { retryUnanswered, unanswered } from '../../src/cluster/retry-unanswered.js';

describe('retryUnanswered', () => {
  it('tells requests left unanswered from other failures', () => {
    expect(unanswered(new Error('TimeoutError: timeout'))).toBe(true);
    expect(unanswered(new Error('no answer within 2000 ms'))).toBe(true);
    expect(unanswered(new Error('503 no responders'))).toBe(true);
    expect(unanswered(new Error('jetstream is not enabled'))).toBe(true);
    expect(unanswered(new Error('unit v0: checkpoint part v3 is missing'))).toBe(false);
    expect(unanswered(new Error('wrong last sequence: 12'))).toBe(false);
  });

  it('asks again after timeouts and returns the answer, saying why each time', async () => {
    const said: string[] = [];
    let calls = 0;
    const got = await retryUnanswered(async () => {
      if (++calls < 3) throw new Error('TimeoutError: timeout');
      return 'restored';
    }, 60_000, (why) => said.push(why));
    expect(got).toBe('restored');
    expect(calls).toBe(3);
    expect(said).toEqual(['TimeoutError: timeout', 'TimeoutError: timeout']);
  });

  it('throws a failure that is not a timeout at once, and any failure once stopped', async () => {
    let calls = 0;
    await expect(retryUnanswered(async () => { calls++; throw new Error('ports message 3 is no longer in TUMEN_REPORTS'); }, 60_000, () => undefined)).rejects.toThrow(/no longer/);
    expect(calls).toBe(1);
    calls = 0;
    await expect(retryUnanswered(async () => { calls++; throw new Error('timeout'); }, 60_000, () => undefined, () => true)).rejects.toThrow('timeout');
    expect(calls).toBe(1);
  });

  it('gives up past its retry time', async () => {
    let calls = 0;
    await expect(retryUnanswered(async () => { calls++; throw new Error('timeout'); }, 250, () => undefined)).rejects.toThrow('timeout');
    expect(calls).toBeGreaterThanOrEqual(2);
  });
});
