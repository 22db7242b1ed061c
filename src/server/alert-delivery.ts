// Webhook delivery of alerts: a JSON POST signed with HMAC-SHA256 of "<timestamp>.<body>" under the
// rule's secret (the receiver recomputes it and rejects stale timestamps, so a captured request cannot be
// replayed later), retried with exponential back-off on network errors, timeouts, 408, 429 and 5xx; every
// attempt is written to the delivery log (`tumen watch log`, GET /api/alerts/{id}/deliveries).
import { createHmac } from 'node:crypto';
import type { Store } from '../store/db.js';
import { labelAlerts, logDelivery, pendingDeliveries, ruleWebhooks, type LabelledAlert, type Webhook } from '../store/watch.js';
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

/** Where an alert's delivery stands: attempts made before (by an earlier process) and when the last was. */
interface Resume { attempts: number; lastAtMs: number | null }

/** Delivers each alert to its rule's webhook (alerts in parallel, attempts of one alert in sequence). */
export async function deliverAlerts(store: Store, alerts: readonly LabelledAlert[], rules: ReadonlyMap<string, WatchRule>, deps: DeliveryDeps = {}, resume?: ReadonlyMap<string, Resume>): Promise<DeliverySummary> {
  const hooks = await ruleWebhooks(store);
  const summary: DeliverySummary = { delivered: 0, failed: 0, unhooked: 0 };
  await Promise.all(alerts.map(async (a) => {
    const hook = hooks.get(a.rule_id);
    if (!hook) { summary.unhooked++; return; }
    const rule = rules.get(a.rule_id);
    const payload = { type: 'tumen.alert', alert: a, rule: rule ? { id: rule.id, kind: rule.kind, label: rule.label, description: describeRule(rule) } : { id: a.rule_id } };
    if (await deliverOne(store, hook, a, JSON.stringify(payload), deps, resume?.get(a.id))) summary.delivered++; else summary.failed++;
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
  return deliverAlerts(store, labelled, rules, deps, new Map(pending.map((x) => [x.alert.id, { attempts: x.attempts, lastAtMs: x.lastAtMs }])));
}

const backoffMs = (p: { baseDelayMs: number; maxDelayMs: number }, attempt: number, retryAfterMs: number | null = null): number =>
  Math.min(p.maxDelayMs, retryAfterMs ?? p.baseDelayMs * 2 ** (attempt - 1));

async function deliverOne(store: Store, hook: Webhook, a: LabelledAlert, body: string, deps: DeliveryDeps, resume?: Resume): Promise<boolean> {
  const p = deps.params ?? WEBHOOK_PARAMS;
  const now = deps.now ?? Date.now;
  const doFetch = deps.fetch ?? fetch;
  const sleep = deps.sleep ?? ((ms: number) => sleepFor(ms, deps.signal));
  const first = (resume?.attempts ?? 0) + 1;
  if (resume?.lastAtMs != null) {
    // What is left of the back-off that followed the last attempt.
    const wait = resume.lastAtMs + backoffMs(p, first - 1) - now();
    if (wait > 0) await sleep(wait);
    if (deps.signal?.aborted) return false;
  }
  for (let attempt = first; attempt <= p.maxAttempts; attempt++) {
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
    if (attempt === p.maxAttempts || deps.signal?.aborted) return false;
    await sleep(backoffMs(p, attempt, retryAfterMs));
    if (deps.signal?.aborted) return false;
  }
  return false;
}
