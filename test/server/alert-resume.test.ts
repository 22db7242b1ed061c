// Webhook deliveries left unfinished by a server that stopped (killed, or shut down while backing off) are
// picked up on the next start: from the next attempt number, after what is left of the back-off, never past
// maxAttempts in all; delivered, refused (4xx), exhausted and day-old alerts are left alone.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/db.js';
import { addRule, deliveryLog, insertNewAlerts, logDelivery } from '../../src/store/watch.js';
import { resumeDeliveries } from '../../src/server/alert-delivery.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import type { Alert, ListedActiveRule } from '../../src/alerts/types.js';
import { WEBHOOK_PARAMS } from '../../src/alerts/params.js';

const NOW = Date.UTC(2024, 2, 5, 12);
const SECRET = 'resume-secret-0123456789';
const RULE: ListedActiveRule = { id: 'rule-listed', kind: 'listed_active', label: 'test', lists: [], quietH: 6 };
const PARAMS = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 60_000, timeoutMs: 2000 };

const alert = (n: number, NOW: number): Alert => ({
  id: `alert-${n}`, rule_id: RULE.id, kind: 'listed_active', mmsi: 273000000 + n, time: new Date(NOW - 3_600_000).toISOString(),
  detected_at: new Date(NOW - 3_600_000).toISOString(), lat: 42.6, lon: 132.3, evidence: { quiet_h: 7 },
});

/** A store holding six alerts in the states a server killed at `NOW` leaves behind. */
async function storeWithHistory(url: string, NOW: number): Promise<Store> {
  const store = await Store.open(':memory:');
  await addRule(store, RULE, { url, secret: SECRET }, NOW - 7_200_000);
  await insertNewAlerts(store, [1, 2, 3, 4, 5].map((n) => alert(n, NOW)), NOW - 60_000);
  await insertNewAlerts(store, [alert(6, NOW)], NOW - 30 * 3_600_000); // raised 30 h ago
  const log = (id: string, attempt: number, agoMs: number, status: number | null, ok = false) =>
    logDelivery(store, { alert_id: id, rule_id: RULE.id, url, attempt, at: new Date(NOW - agoMs).toISOString(), status, ok, error: ok ? null : 'x' });
  await log('alert-1', 1, 2500, 503); await log('alert-1', 2, 500, 503); // retrying: attempt 3 is due 1.5 s from now
  // alert-2: raised, then the process ended before its first attempt.
  await log('alert-3', 1, 1000, 200, true); // delivered
  await log('alert-4', 1, 1000, 400); // refused: not worth another attempt
  for (let k = 1; k <= WEBHOOK_PARAMS.maxAttempts; k++) await log('alert-5', k, 10_000 - k, null); // every attempt used
  await log('alert-6', 1, 29 * 3_600_000, 503); // too old to resume
  return store;
}

let store: Store | null = null;
let server: RunningServer | null = null;
afterEach(async () => { await server?.close(); server = null; store?.close(); store = null; });

describe('webhook deliveries resumed after a restart', () => {
  it('goes on from the next attempt after the rest of the back-off, and only where another attempt is due', async () => {
    store = await storeWithHistory('http://receiver.invalid/hook', NOW);
    const sent: Array<{ alert: string; attempt: string }> = [];
    const slept: number[] = [];
    const summary = await resumeDeliveries(store, new Map([[RULE.id, RULE]]), {
      now: () => NOW, params: PARAMS, sleep: async (ms) => { slept.push(ms); },
      fetch: (async (_url: string, init: RequestInit) => {
        const h = init.headers as Record<string, string>;
        sent.push({ alert: h['x-tumen-alert'], attempt: h['x-tumen-attempt'] });
        return new Response('ok', { status: 200 });
      }) as typeof fetch,
    });
    expect(sent.sort((a, b) => a.alert.localeCompare(b.alert))).toEqual([{ alert: 'alert-1', attempt: '3' }, { alert: 'alert-2', attempt: '1' }]);
    expect(slept).toEqual([1500]); // alert-1: 2 s back-off after attempt 2, 0.5 s of it already passed
    expect(summary).toEqual({ delivered: 2, failed: 0, unhooked: 0 });
    const log1 = await deliveryLog(store, 'alert-1');
    expect(log1.map((d) => [d.attempt, d.ok])).toEqual([[3, true], [2, false], [1, false]]);
  });

  it('a server started on such a store delivers them to the webhook, signed', async () => {
    const got: IncomingMessage[] = [];
    const receiver = createServer((req, res) => { got.push(req); req.resume(); res.end('ok'); });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      store = await storeWithHistory(url, Date.now());
      server = await startServer({ store, port: 0, token: 'resume-token-0123456789abcdef', webRoot: null });
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline && got.length < 2) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 300)); // nothing more should come
      const seen = got.map((r) => [r.headers['x-tumen-alert'], r.headers['x-tumen-attempt']]).sort();
      expect(seen).toEqual([['alert-1', '3'], ['alert-2', '1']]);
      for (const r of got) expect(r.headers['x-tumen-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    } finally {
      receiver.close();
    }
  }, 30_000);
});
