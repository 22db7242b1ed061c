// Webhook delivery of alerts: a JSON POST signed with HMAC-SHA256 of "<timestamp>.<body>" under the
// rule's secret (the receiver recomputes it and rejects stale timestamps, so a captured request cannot be
// replayed later), retried with exponential back-off on network errors, timeouts, 408, 429 and 5xx; every
// attempt is written to the delivery log (`tumen watch log`, GET /api/alerts/{id}/deliveries).
import { createHmac } from 'node:crypto';
import type { Store } from '../store/db.js';
import { labelAlerts, logDelivery, pendingDeliveries, ruleWebhooks, type LabelledAlert, type PendingDelivery, type Webhook } from '../store/watch.js';
import { WEBHOOK_PARAMS } from '../alerts/params.js';
import { describeRule } from '../alerts/rules.js';
import type { WatchRule } from '../alerts/types.js';

export const SIGNATURE_HEADER = 'x-tumen-signature';
export const TIMESTAMP_HEADER = 'x-tumen-timestamp';

/** `sha256=<hex>` of HMAC-SHA256(secret, `${timestampS}.${body}`). */
export function signPayload(secret: string, timestampS: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestampS}.${body}`).digest('hex')}`;
}

export interface DeliveryDeps {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  params?: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number; timeoutMs: number };
  /** Stops retrying (server shutdown); attempts already made stay logged. */
  signal?: AbortSignal;
  /** resumeDeliveries: how far back unfinished deliveries are picked up (default WEBHOOK_PARAMS.resumeMaxAgeH). */
  resumeMaxAgeH?: number;
}

export interface DeliverySummary {
  delivered: number;
  failed: number;
  /** Alerts whose rule has no webhook. */
  unhooked: number;
}

const sleepFor = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
  });

/** Whether an answer is worth another attempt: the receiver was busy or broken, not refusing the request. */
const retryable = (status: number): boolean => status === 408 || status === 429 || status >= 500;

/**
 * One round of attempts for an alert: attempt numbers `first`..`last`, the first after `waitMs`; the back-off
 * after attempt n is that of the round's (n - `offset`)th attempt.
 */
interface Round { first: number; last: number; waitMs: number; offset: number }

/** Delivers each alert to its rule's webhook (alerts in parallel, attempts of one alert in sequence). */
export async function deliverAlerts(store: Store, alerts: readonly LabelledAlert[], rules: ReadonlyMap<string, WatchRule>, deps: DeliveryDeps = {}, rounds?: ReadonlyMap<string, Round>): Promise<DeliverySummary> {
  const hooks = await ruleWebhooks(store);
  const summary: DeliverySummary = { delivered: 0, failed: 0, unhooked: 0 };
  await Promise.all(alerts.map(async (a) => {
    const hook = hooks.get(a.rule_id);
    if (!hook) { summary.unhooked++; return; }
    const rule = rules.get(a.rule_id);
    const payload = { type: 'tumen.alert', alert: a, rule: rule ? { id: rule.id, kind: rule.kind, label: rule.label, description: describeRule(rule) } : { id: a.rule_id } };
    const p = deps.params ?? WEBHOOK_PARAMS;
    const round = rounds?.get(a.id) ?? { first: 1, last: p.maxAttempts, waitMs: 0, offset: 0 };
    if (await deliverOne(store, hook, a, JSON.stringify(payload), deps, round)) summary.delivered++; else summary.failed++;
  }));
  return summary;
}

/**
 * Picks up the deliveries an earlier process left unfinished (killed, or stopped while backing off): each
 * goes on from its next attempt number after what is left of its back-off, so a restart neither drops an
 * alert nor sends it more than `maxAttempts` times in all. Alerts raised more than `resumeMaxAgeH` ago are
 * left alone (the delivery log keeps them).
 */
export async function resumeDeliveries(store: Store, rules: ReadonlyMap<string, WatchRule>, deps: DeliveryDeps = {}): Promise<DeliverySummary> {
  const p = deps.params ?? WEBHOOK_PARAMS;
  const now = (deps.now ?? Date.now)();
  const pending = await pendingDeliveries(store, now - (deps.resumeMaxAgeH ?? WEBHOOK_PARAMS.resumeMaxAgeH) * 3_600_000, p.maxAttempts);
  if (pending.length === 0) return { delivered: 0, failed: 0, unhooked: 0 };
  const labelled = await labelAlerts(store, pending.map((x) => x.alert));
  const rounds = new Map(pending.map((x) => {
    const first = x.attempts + 1;
    // What is left of the back-off that followed the last attempt.
    const waitMs = x.lastAtMs === null ? 0 : Math.max(0, x.lastAtMs + backoffMs(p, first - 1) - now);
    return [x.alert.id, { first, last: p.maxAttempts, waitMs, offset: 0 }];
  }));
  return deliverAlerts(store, labelled, rules, deps, rounds);
}

/**
 * Sends alerts whose delivery gave up once more, as a fresh round of up to `maxAttempts` attempts numbered
 * on from the last logged one (`X-Tumen-Attempt` 7, 8, … after six failures), each logged like any attempt.
 * The caller picks the alerts (`resendable` in src/store/watch.ts).
 */
export async function resendDeliveries(store: Store, given: readonly PendingDelivery[], rules: ReadonlyMap<string, WatchRule>, deps: DeliveryDeps = {}): Promise<DeliverySummary> {
  if (given.length === 0) return { delivered: 0, failed: 0, unhooked: 0 };
  const p = deps.params ?? WEBHOOK_PARAMS;
  const labelled = await labelAlerts(store, given.map((x) => x.alert));
  const rounds = new Map(given.map((x) => [x.alert.id, { first: x.attempts + 1, last: x.attempts + p.maxAttempts, waitMs: 0, offset: x.attempts }]));
  return deliverAlerts(store, labelled, rules, deps, rounds);
}

const backoffMs = (p: { baseDelayMs: number; maxDelayMs: number }, attempt: number, retryAfterMs: number | null = null): number =>
  Math.min(p.maxDelayMs, retryAfterMs ?? p.baseDelayMs * 2 ** (attempt - 1));

async function deliverOne(store: Store, hook: Webhook, a: LabelledAlert, body: string, deps: DeliveryDeps, round: Round): Promise<boolean> {
  const p = deps.params ?? WEBHOOK_PARAMS;
  const now = deps.now ?? Date.now;
  const doFetch = deps.fetch ?? fetch;
  const sleep = deps.sleep ?? ((ms: number) => sleepFor(ms, deps.signal));
  if (round.waitMs > 0) {
    await sleep(round.waitMs);
    if (deps.signal?.aborted) return false;
  }
  for (let attempt = round.first; attempt <= round.last; attempt++) {
    const atMs = now();
    const ts = Math.floor(atMs / 1000);
    let status: number | null = null;
    let error: string | null = null;
    let retryAfterMs: number | null = null;
    try {
      const res = await doFetch(hook.url, {
        method: 'POST', body, redirect: 'error', signal: AbortSignal.timeout(p.timeoutMs),
        headers: {
          'content-type': 'application/json', 'user-agent': 'tumen-webhook', 'x-tumen-alert': a.id, 'x-tumen-attempt': String(attempt),
          [TIMESTAMP_HEADER]: String(ts), [SIGNATURE_HEADER]: signPayload(hook.secret, ts, body),
        },
      });
      status = res.status;
      const after = Number(res.headers.get('retry-after'));
      if (Number.isFinite(after) && after > 0) retryAfterMs = after * 1000;
      await res.body?.cancel();
      if (!res.ok) error = `HTTP ${res.status}`;
    } catch (err) {
      error = (err as Error).name === 'TimeoutError' ? `no answer within ${p.timeoutMs} ms` : (err as Error).message.slice(0, 300);
    }
    const ok = error === null;
    await logDelivery(store, { alert_id: a.id, rule_id: a.rule_id, url: hook.url, attempt, at: new Date(atMs).toISOString(), status, ok, error });
    if (ok) return true;
    if (status !== null && !retryable(status)) return false;
    if (attempt === round.last || deps.signal?.aborted) return false;
    await sleep(backoffMs(p, attempt - round.offset, retryAfterMs));
    if (deps.signal?.aborted) return false;
  }
  return false;
}
