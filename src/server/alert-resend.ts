// Re-sending webhook deliveries that gave up (`tumen watch resend`, POST /api/alerts/resend): the alerts are
// chosen from the delivery log by state, sent as a fresh round of attempts, and each outcome read back from
// the log so the caller can say what happened to every alert it asked for.
import type { Store } from '../store/db.js';
import { deliveryLog, deliveryStates, listRules, type AlertDelivery, type DeliveryState } from '../store/watch.js';
import { WEBHOOK_PARAMS } from '../alerts/params.js';
import { resendDeliveries, type DeliveryDeps } from './alert-delivery.js';

export interface ResendQuery {
  /** These alerts only (default: every alert whose delivery gave up). */
  ids?: readonly string[];
  /** Alerts whose condition began at or after (ISO-8601). */
  since?: string;
  /** Also send deliveries still due for a retry. Only where no server is delivering (the CLI holding the
   *  store's write lock): a running server resumes those itself. */
  includeRetrying?: boolean;
}

export interface ResentAlert {
  id: string;
  rule_id: string;
  ok: boolean;
  /** Attempt numbers of this round. */
  first_attempt: number;
  last_attempt: number;
  /** The last attempt's HTTP status or error. */
  status: number | null;
  error: string | null;
}

export interface ResendReport {
  resent: ResentAlert[];
  /** Alerts asked for (or found) but not sent, by why. */
  skipped: Array<{ id: string; state: Exclude<DeliveryState, 'gave_up'> }>;
  /** Ids asked for that are not stored alerts (when any, nothing is sent). */
  unknown: string[];
}

export async function resendAlerts(store: Store, q: ResendQuery, deps: DeliveryDeps = {}): Promise<ResendReport> {
  const p = deps.params ?? WEBHOOK_PARAMS;
  const now = (deps.now ?? Date.now)();
  const states = await deliveryStates(store, now - (deps.resumeMaxAgeH ?? WEBHOOK_PARAMS.resumeMaxAgeH) * 3_600_000, p.maxAttempts, q.ids);
  const sinceMs = q.since === undefined ? -Infinity : Date.parse(q.since);
  const inWindow = states.filter((s) => Date.parse(s.alert.time) >= sinceMs);
  const sendable = (s: AlertDelivery): boolean => s.state === 'gave_up' || (s.state === 'retrying' && q.includeRetrying === true);
  const chosen = inWindow.filter(sendable);
  // Without ids, only what gave up is of interest; with ids, say why each one asked for was not sent.
  const skipped = (q.ids ? inWindow : []).filter((s) => !sendable(s)).map((s) => ({ id: s.alert.id, state: s.state as Exclude<DeliveryState, 'gave_up'> }));
  const known = new Set(states.map((s) => s.alert.id));
  const unknown = (q.ids ?? []).filter((id) => !known.has(id));
  // A mistyped id sends nothing: the caller corrects the list and asks again.
  if (unknown.length > 0) return { resent: [], skipped, unknown };
  const rules = new Map((await listRules(store)).map((r) => [r.rule.id, r.rule]));
  await resendDeliveries(store, chosen, rules, deps);
  const resent: ResentAlert[] = [];
  for (const s of chosen) {
    const round = (await deliveryLog(store, s.alert.id)).filter((d) => d.attempt > s.attempts);
    const last = round[0];
    resent.push({
      id: s.alert.id, rule_id: s.alert.rule_id, ok: round.some((d) => d.ok),
      first_attempt: s.attempts + 1, last_attempt: last?.attempt ?? s.attempts, status: last?.status ?? null, error: last?.error ?? null,
    });
  }
  return { resent, skipped, unknown };
}
