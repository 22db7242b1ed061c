// Watch rules, the alerts they raised and every webhook delivery attempt, in tables of their own. Also the
// two inputs of the alert evaluator the store holds: which identifiers are on loaded lists (the screening
// index's identifier table, so alerts use exactly the IMO/MMSI matches `tumen screen` reports), and the
// state of the stream so far (latest IMO and position per MMSI) for live detection to start from.
import type { Store } from './db.js';
import { tableExists } from './vessel-dossier.js';
import type { Alert, Listing, WatchRule } from '../alerts/types.js';
import { darkWatchedMmsis, WATCH_TRACK_SEED_H, type ListingIndex, type WatchSeed } from '../alerts/evaluator.js';
import { WATCH_PARAMS } from '../alerts/params.js';
import { EARTH_RADIUS_M } from '../geo/sphere.js';
import type { Position, ReceptionSource } from '../tracks/position.js';
import { isImoPresent } from '../reference/imo.js';
import { alertText } from '../alerts/text.js';
import { bareLabel, vesselLabels, vesselText, type VesselLabel } from './vessel-labels.js';

const DDL = [
  `CREATE TABLE IF NOT EXISTS watch_rules (
    id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, body VARCHAR NOT NULL,
    webhook_url VARCHAR, webhook_secret VARCHAR, created TIMESTAMP NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS alerts (
    id VARCHAR PRIMARY KEY, rule_id VARCHAR NOT NULL, kind VARCHAR NOT NULL, mmsi UINTEGER NOT NULL, other_mmsi UINTEGER,
    time TIMESTAMP NOT NULL, detected_at TIMESTAMP NOT NULL, raised_at TIMESTAMP NOT NULL, body VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS alert_deliveries (
    alert_id VARCHAR NOT NULL, rule_id VARCHAR NOT NULL, url VARCHAR NOT NULL, attempt INTEGER NOT NULL,
    attempted_at TIMESTAMP NOT NULL, status INTEGER, ok BOOLEAN NOT NULL, error VARCHAR)`,
] as const;

export async function ensureWatchSchema(store: Store): Promise<void> {
  await store.ensureSchema(DDL);
}

export interface Webhook {
  url: string;
  secret: string;
}

export interface StoredRule {
  rule: WatchRule;
  /** The webhook's URL only: the secret never leaves the store except to sign. */
  webhook: string | null;
  created: string;
  alerts: number;
}

/** Adds `rule`; false when the same rule (same id) is stored already (its webhook and label are updated). */
export async function addRule(store: Store, rule: WatchRule, webhook: Webhook | null, nowMs: number): Promise<boolean> {
  await ensureWatchSchema(store);
  const had = await store.one('SELECT 1 AS x FROM watch_rules WHERE id = $id', { id: rule.id });
  await store.run(
    `INSERT INTO watch_rules VALUES ($id, $kind, $body, $url, $secret, epoch_ms($now::BIGINT))
     ON CONFLICT (id) DO UPDATE SET body = excluded.body, webhook_url = excluded.webhook_url, webhook_secret = excluded.webhook_secret`,
    { id: rule.id, kind: rule.kind, body: JSON.stringify(rule), url: webhook?.url ?? null, secret: webhook?.secret ?? null, now: nowMs },
  );
  return !had;
}

export async function removeRule(store: Store, id: string): Promise<boolean> {
  if (!(await tableExists(store, 'watch_rules'))) return false;
  const had = await store.one('SELECT 1 AS x FROM watch_rules WHERE id = $id', { id });
  await store.run('DELETE FROM watch_rules WHERE id = $id', { id });
  return had !== undefined;
}

export async function listRules(store: Store): Promise<StoredRule[]> {
  if (!(await tableExists(store, 'watch_rules'))) return [];
  const rows = await store.all<{ body: string; webhook_url: string | null; created: Date; n: bigint }>(
    `SELECT r.body, r.webhook_url, r.created, (SELECT count(*) FROM alerts a WHERE a.rule_id = r.id) AS n
     FROM watch_rules r ORDER BY r.created, r.id`,
  );
  return rows.map((r) => ({ rule: JSON.parse(r.body) as WatchRule, webhook: r.webhook_url, created: r.created.toISOString(), alerts: Number(r.n) }));
}

/** The webhook of each rule that has one (for the deliverer). */
export async function ruleWebhooks(store: Store): Promise<Map<string, Webhook>> {
  if (!(await tableExists(store, 'watch_rules'))) return new Map();
  const rows = await store.all<{ id: string; url: string; secret: string }>('SELECT id, webhook_url AS url, webhook_secret AS secret FROM watch_rules WHERE webhook_url IS NOT NULL');
  return new Map(rows.map((r) => [r.id, { url: r.url, secret: r.secret }]));
}

export type StoredAlert = Alert & { raised_at: string };

/** Stores the alerts not stored yet (ids are content-derived) and returns those, stamped `raised_at`. */
export async function insertNewAlerts(store: Store, alerts: readonly Alert[], nowMs: number): Promise<StoredAlert[]> {
  if (alerts.length === 0) return [];
  await ensureWatchSchema(store);
  const fresh: StoredAlert[] = [];
  const raisedAt = new Date(nowMs).toISOString();
  for (const a of new Map(alerts.map((x) => [x.id, x])).values()) {
    if (await store.one('SELECT 1 AS x FROM alerts WHERE id = $id', { id: a.id })) continue;
    const stored = { ...a, raised_at: raisedAt };
    await store.run(
      `INSERT INTO alerts VALUES ($id, $rule, $kind, $mmsi, $other, $time::TIMESTAMPTZ::TIMESTAMP, $detected::TIMESTAMPTZ::TIMESTAMP, epoch_ms($now::BIGINT), $body)`,
      { id: a.id, rule: a.rule_id, kind: a.kind, mmsi: a.mmsi, other: a.other_mmsi ?? null, time: a.time, detected: a.detected_at, now: nowMs, body: JSON.stringify(stored) },
    );
    fresh.push(stored);
  }
  return fresh;
}

export interface AlertQuery {
  /** ISO-8601: alerts whose condition began at or after. */
  since?: string;
  rule?: string;
  mmsi?: number;
  limit?: number;
}

/** Stored alerts, newest condition first. */
export async function queryAlerts(store: Store, q: AlertQuery = {}): Promise<StoredAlert[]> {
  if (!(await tableExists(store, 'alerts'))) return [];
  const clauses = ['TRUE'];
  const params: Record<string, string | number> = { limit: q.limit ?? 100 };
  if (q.since) { clauses.push('time >= $since::TIMESTAMPTZ::TIMESTAMP'); params.since = q.since; }
  if (q.rule) { clauses.push('rule_id = $rule'); params.rule = q.rule; }
  if (q.mmsi !== undefined) { clauses.push('(mmsi = $mmsi OR other_mmsi = $mmsi)'); params.mmsi = q.mmsi; }
  const rows = await store.all<{ body: string }>(`SELECT body FROM alerts WHERE ${clauses.join(' AND ')} ORDER BY time DESC, id LIMIT $limit`, params);
  return rows.map((r) => JSON.parse(r.body) as StoredAlert);
}

export interface DeliveryAttempt {
  alert_id: string;
  rule_id: string;
  url: string;
  attempt: number;
  at: string;
  /** HTTP status; null when no answer came (refused, timeout). */
  status: number | null;
  ok: boolean;
  error: string | null;
}

export async function logDelivery(store: Store, d: DeliveryAttempt): Promise<void> {
  await ensureWatchSchema(store);
  await store.run(
    'INSERT INTO alert_deliveries VALUES ($a, $r, $u, $n, $at::TIMESTAMPTZ::TIMESTAMP, $s, $ok, $e)',
    { a: d.alert_id, r: d.rule_id, u: d.url, n: d.attempt, at: d.at, s: d.status, ok: d.ok, e: d.error },
  );
}

/** The delivery log, newest first (of one alert when given). */
export async function deliveryLog(store: Store, alertId?: string, limit = 200): Promise<DeliveryAttempt[]> {
  if (!(await tableExists(store, 'alert_deliveries'))) return [];
  const rows = await store.all<Omit<DeliveryAttempt, 'at'> & { at: Date }>(
    `SELECT alert_id, rule_id, url, attempt, attempted_at AS "at", status, ok, error FROM alert_deliveries
     ${alertId ? 'WHERE alert_id = $id' : ''} ORDER BY attempted_at DESC, attempt DESC LIMIT $limit`,
    alertId ? { id: alertId, limit } : { limit },
  );
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

export interface PendingDelivery {
  alert: StoredAlert;
  /** Attempts logged so far (0: raised, then the process ended before the first). */
  attempts: number;
  /** When the last attempt was made (epoch ms); null when none was. */
  lastAtMs: number | null;
}

/**
 * Webhook deliveries a process left unfinished (killed or stopped while retrying): alerts of rules that
 * still have a webhook, raised since `sinceMs`, with no successful attempt, fewer than `maxAttempts` attempts,
 * and whose last attempt failed in a way worth another (no answer, 408, 429, 5xx) or never happened.
 */
export async function pendingDeliveries(store: Store, sinceMs: number, maxAttempts: number): Promise<PendingDelivery[]> {
  if (!(await tableExists(store, 'alerts')) || !(await tableExists(store, 'alert_deliveries'))) return [];
  const rows = await store.all<{ body: string; attempts: bigint; last_at: number | null; last_status: number | null }>(
    `WITH d AS (
       SELECT alert_id, count(*) AS attempts, bool_or(ok) AS delivered, epoch_ms(max(attempted_at))::DOUBLE AS last_at,
              arg_max(status, attempt) AS last_status
       FROM alert_deliveries GROUP BY alert_id)
     SELECT a.body, coalesce(d.attempts, 0) AS attempts, d.last_at, d.last_status
     FROM alerts a JOIN watch_rules r ON r.id = a.rule_id AND r.webhook_url IS NOT NULL
     LEFT JOIN d ON d.alert_id = a.id
     WHERE a.raised_at >= epoch_ms($since::BIGINT) AND NOT coalesce(d.delivered, false) AND coalesce(d.attempts, 0) < $max
       AND (d.last_status IS NULL OR d.last_status IN (408, 429) OR d.last_status >= 500)
     ORDER BY a.raised_at, a.id`,
    { since: sinceMs, max: maxAttempts },
  );
  return rows.map((r) => ({ alert: JSON.parse(r.body) as StoredAlert, attempts: Number(r.attempts), lastAtMs: r.last_at }));
}

/** Where an alert's webhook delivery stands (for `tumen watch resend`). */
export type DeliveryState = 'delivered' | 'gave_up' | 'retrying' | 'no_webhook';

export interface AlertDelivery extends PendingDelivery {
  state: DeliveryState;
}

/**
 * Every stored alert (or those of `ids`) with its delivery state: `delivered` (an attempt succeeded),
 * `retrying` (what `pendingDeliveries` would resume: raised since `resumeSinceMs`, fewer than `maxAttempts`
 * attempts, last failure worth another), `gave_up` (no success and not retrying: attempts used up, refused
 * with a 4xx, or too old to resume), `no_webhook` (its rule has none, or was removed).
 */
export async function deliveryStates(store: Store, resumeSinceMs: number, maxAttempts: number, ids?: readonly string[]): Promise<AlertDelivery[]> {
  if (!(await tableExists(store, 'alerts'))) return [];
  await ensureWatchSchema(store);
  const rows = await store.all<{ body: string; raised: number; attempts: bigint; delivered: boolean | null; last_at: number | null; last_status: number | null; hooked: boolean }>(
    `WITH d AS (
       SELECT alert_id, count(*) AS attempts, bool_or(ok) AS delivered, epoch_ms(max(attempted_at))::DOUBLE AS last_at,
              arg_max(status, attempt) AS last_status
       FROM alert_deliveries GROUP BY alert_id)
     SELECT a.body, epoch_ms(a.raised_at)::DOUBLE AS raised, coalesce(d.attempts, 0) AS attempts, d.delivered, d.last_at, d.last_status,
            r.webhook_url IS NOT NULL AS hooked
     FROM alerts a LEFT JOIN watch_rules r ON r.id = a.rule_id LEFT JOIN d ON d.alert_id = a.id
     ${ids ? 'WHERE list_contains($ids::VARCHAR[], a.id)' : ''}
     ORDER BY a.raised_at, a.id`,
    ids ? { ids: JSON.stringify(ids) } : {},
  );
  return rows.map((r) => {
    const attempts = Number(r.attempts);
    const worthAnother = r.last_status === null || r.last_status === 408 || r.last_status === 429 || r.last_status >= 500;
    const state: DeliveryState = !r.hooked ? 'no_webhook' : r.delivered ? 'delivered'
      : Number(r.raised) >= resumeSinceMs && attempts < maxAttempts && worthAnother ? 'retrying' : 'gave_up';
    return { alert: JSON.parse(r.body) as StoredAlert, attempts, lastAtMs: r.last_at, state };
  });
}

/** Identifiers on loaded lists, from the screening index (`tumen lists import` builds it). */
export async function loadListings(store: Store): Promise<ListingIndex> {
  const out = new Map<string, Listing[]>();
  if (!(await tableExists(store, 'screen_ids'))) return out;
  const rows = await store.all<{ kind: 'imo' | 'mmsi'; value: string; list: string; version: string | null; key: string; body: string }>(
    `SELECT i.kind, i.value, i.list, l.version, e.key, e.body FROM screen_ids i
     JOIN screen_entries e USING (eid) LEFT JOIN lists l ON l.name = i.list WHERE i.kind IN ('imo', 'mmsi')`,
  );
  for (const r of rows) {
    const k = `${r.kind}:${r.kind === 'mmsi' ? Number(r.value) : r.value}`;
    const name = (JSON.parse(r.body) as { name?: string }).name ?? r.key;
    const listing: Listing = { list: r.list, version: r.version, name, key: r.key, matched_on: r.kind, value: r.value };
    out.set(k, [...(out.get(k) ?? []), listing]);
  }
  return out;
}

/** The stream so far as the evaluator would have seen it: latest claimed IMO and latest fix per MMSI, and
 *  for the ships `rules` watch for silences, their recent track and who was heard near them since. */
export async function watchSeed(store: Store, rules: readonly WatchRule[] = []): Promise<WatchSeed> {
  const imoOf = new Map<number, string>();
  const last = new Map<number, { timeMs: number; lat: number; lon: number }>();
  if (await tableExists(store, 'statics')) {
    const rows = await store.all<{ mmsi: number; imo: number }>('SELECT mmsi, arg_max(imo, time) AS imo FROM statics WHERE imo IS NOT NULL AND imo BETWEEN 1000000 AND 9999999 GROUP BY mmsi');
    for (const r of rows) if (isImoPresent(Number(r.imo))) imoOf.set(Number(r.mmsi), String(r.imo).padStart(7, '0'));
  }
  let clockMs = -Infinity;
  if (await tableExists(store, 'positions')) {
    const rows = await store.all<{ mmsi: number; t: number; lat: number; lon: number }>(
      'SELECT mmsi, epoch_ms(max(time))::DOUBLE AS t, arg_max(lat, time) AS lat, arg_max(lon, time) AS lon FROM positions GROUP BY mmsi',
    );
    for (const r of rows) {
      last.set(Number(r.mmsi), { timeMs: Number(r.t), lat: Number(r.lat), lon: Number(r.lon) });
      clockMs = Math.max(clockMs, Number(r.t));
    }
  }
  const watched = darkWatchedMmsis(rules, imoOf).filter((m) => last.has(m));
  if (watched.length === 0) return { imoOf, last, clockMs };
  return { imoOf, last, clockMs, recent: await recentTracks(store, watched, last), heardNearby: await heardNearby(store, watched, last) };
}

type LastFix = ReadonlyMap<number, { timeMs: number; lat: number; lon: number }>;

/** Each ship's positions from WATCH_TRACK_SEED_H before its last fix, in stream order (time, then insertion). */
async function recentTracks(store: Store, mmsis: readonly number[], last: LastFix): Promise<Map<number, Position[]>> {
  const out = new Map<number, Position[]>();
  for (const mmsi of mmsis) {
    const rows = await store.all<{ t: number; lat: number; lon: number; speed: number | null; course: number | null; source: string | null; stations: string[] | null }>(
      `SELECT epoch_ms(time)::DOUBLE AS t, lat, lon, speed, course, source, stations FROM positions
       WHERE mmsi = $mmsi AND time >= epoch_ms($from::BIGINT) ORDER BY time, rowid`,
      { mmsi, from: Math.floor(last.get(mmsi)!.timeMs - WATCH_TRACK_SEED_H * 3_600_000) },
    );
    out.set(mmsi, rows.map((r) => ({
      mmsi, timeMs: Number(r.t), lat: Number(r.lat), lon: Number(r.lon), speedKn: num(r.speed), courseDeg: num(r.course),
      headingDeg: null, status: null, source: (r.source as ReceptionSource | null) ?? null, stations: r.stations ? [...r.stations] : null,
    })));
  }
  return out;
}

/** Positions of other ships within WATCH_PARAMS.heardNearbyKm of each ship's last fix, after it. */
async function heardNearby(store: Store, mmsis: readonly number[], last: LastFix): Promise<Map<number, { positions: number; vessels: number[] }>> {
  const out = new Map<number, { positions: number; vessels: number[] }>();
  const rad = Math.PI / 180;
  const km = WATCH_PARAMS.heardNearbyKm;
  for (const mmsi of mmsis) {
    const f = last.get(mmsi)!;
    // The evaluator's test: a latitude box first, then the great-circle distance (src/geo/sphere.ts distanceM).
    const r = await store.one<{ n: bigint; vessels: number[] | null }>(
      `SELECT count(*) AS n, list(DISTINCT mmsi) AS vessels FROM positions
       WHERE time > epoch_ms($t::BIGINT) AND mmsi <> $mmsi AND lat BETWEEN $lat - $box AND $lat + $box
         AND 2 * ${EARTH_RADIUS_M} * asin(least(1, sqrt(pow(sin((lat - $lat) * ${rad} / 2), 2)
           + cos($lat * ${rad}) * cos(lat * ${rad}) * pow(sin((lon - $lon) * ${rad} / 2), 2)))) <= $m`,
      { t: Math.round(f.timeMs), mmsi, lat: f.lat, lon: f.lon, box: km / 111.2, m: km * 1000 },
    );
    const n = Number(r?.n ?? 0);
    if (n > 0) out.set(mmsi, { positions: n, vessels: (r?.vessels ?? []).map(Number) });
  }
  return out;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export type LabelledAlert = StoredAlert & { vessel: VesselLabel; other_vessel?: VesselLabel; text: string };

/** Alerts with who each vessel is (name, flag, IMO) and one line of text. */
export async function labelAlerts(store: Store, alerts: readonly StoredAlert[]): Promise<LabelledAlert[]> {
  const labels = await vesselLabels(store, alerts.flatMap((a) => (a.other_mmsi === undefined ? [a.mmsi] : [a.mmsi, a.other_mmsi])));
  const who = (m: number): string => vesselText(labels.get(m), m);
  return alerts.map((a) => ({
    ...a,
    vessel: labels.get(a.mmsi) ?? bareLabel(a.mmsi),
    ...(a.other_mmsi === undefined ? {} : { other_vessel: labels.get(a.other_mmsi) ?? bareLabel(a.other_mmsi) }),
    text: alertText(a, who),
  }));
}
