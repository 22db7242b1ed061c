// tumen watch: watch rules (a watched ship going dark near a port of interest; an encounter involving a
// listed ship; a listed ship active), the alerts they raised, the webhook delivery log, and re-sending the
// deliveries that gave up. Rules are evaluated by `tumen detect` (over the store) and by `tumen serve` (on
// the live feed and uploads).
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { withDbOption } from '../options.js';
import { StoreLockedError, withStore, type Store } from '../../store/db.js';
import { requireStoreFile, runningServer, serverJson, withReadStore } from '../store-access.js';
import { makeRule, describeRule, RuleError, type RuleInput } from '../../alerts/rules.js';
import { RULE_KIND_LABELS, type WatchRule } from '../../alerts/types.js';
import { WATCH_PARAMS, WEBHOOK_PARAMS } from '../../alerts/params.js';
import { addRule, deliveryLog, labelAlerts, listRules, queryAlerts, removeRule, type DeliveryAttempt, type LabelledAlert, type StoredRule, type Webhook } from '../../store/watch.js';
import { mmsisFor } from '../../store/vessel-dossier.js';
import { vesselLabels, vesselText } from '../../store/vessel-labels.js';
import { parseIsoTime } from '../../events/iso-time.js';
import { resendAlerts, type ResendReport } from '../../server/alert-resend.js';

const fail = (cmd: string, message: string, code = 2): void => {
  process.stderr.write(`tumen watch ${cmd}: ${message}\n`);
  process.exitCode = code;
};

const csv = (v: string | undefined): string[] | undefined => v?.split(',').map((s) => s.trim()).filter(Boolean);

function num(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new RuleError(`${flag} must be a number (got "${v}")`);
  return n;
}

/** The webhook of `--webhook URL`: an http(s) URL and a signing secret from a file or TUMEN_WEBHOOK_SECRET. */
export function webhookFrom(url: string | undefined, secretFile: string | undefined, env: NodeJS.ProcessEnv = process.env): Webhook | null {
  if (url === undefined) {
    if (secretFile !== undefined) throw new RuleError('--webhook-secret-file needs --webhook URL');
    return null;
  }
  let parsed: URL;
  try { parsed = new URL(url); } catch { throw new RuleError(`--webhook "${url}" is not a URL`); }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new RuleError(`--webhook must be an http(s) URL (got ${parsed.protocol})`);
  let secret: string | undefined;
  if (secretFile !== undefined) {
    try { secret = readFileSync(secretFile, 'utf8').split(/\r?\n/)[0]!.trim(); } catch (err) { throw new RuleError(`cannot read ${secretFile}: ${(err as Error).message}`); }
  } else secret = env.TUMEN_WEBHOOK_SECRET?.trim();
  if (!secret) throw new RuleError('webhooks are signed (HMAC-SHA256): give --webhook-secret-file FILE or set TUMEN_WEBHOOK_SECRET');
  if (secret.length < WEBHOOK_PARAMS.minSecretChars) throw new RuleError(`the webhook secret is shorter than ${WEBHOOK_PARAMS.minSecretChars} characters`);
  return { url: parsed.toString(), secret };
}

/** Opens the store for a write; when `tumen serve` holds it, says how to write through the server. */
async function withWriteStore(db: string, what: string, fn: (store: Store) => Promise<void>): Promise<void> {
  requireStoreFile(db);
  try {
    await withStore(db, fn);
  } catch (err) {
    const server = err instanceof StoreLockedError ? runningServer(db) : null;
    if (!server) throw err;
    throw new Error(`\`tumen serve\` (PID ${server.pid}) holds ${db}: ${what} through it (${server.url}/api/watch with Authorization: Bearer <token>; see docs/alerts.md)`);
  }
}

/** "IMO 9074729 (SIBIR, MMSI 273…)": the watched ship by name where the store knows it. */
async function ruleText(store: Store, rule: WatchRule): Promise<string> {
  const text = describeRule(rule);
  if (rule.kind !== 'dark_near_port') return text;
  const mmsis = rule.imo ? await mmsisFor(store, { imo: rule.imo }) : [rule.mmsi!];
  const labels = await vesselLabels(store, mmsis);
  const names = [...labels.values()].filter((l) => l.name).map((l) => vesselText(l));
  return `${text}${names.length ? ` — ${names.join('; ')}` : rule.imo ? ' — not seen in this store yet' : ''}`;
}

function printRules(rules: Array<StoredRule & { text: string }>): void {
  if (rules.length === 0) {
    process.stdout.write('no watch rules (tumen watch add dark --imo IMO --near PORT; encounter; active)\n');
    return;
  }
  for (const r of rules) {
    process.stdout.write(`${r.rule.id}  ${r.rule.kind}  ${r.text}${r.rule.label ? `  "${r.rule.label}"` : ''}\n`);
    process.stdout.write(`           ${r.alerts} alert(s); ${r.webhook ? `webhook ${r.webhook} (signed)` : 'no webhook'}; added ${r.created.slice(0, 16)}Z\n`);
  }
}

function printAlerts(alerts: LabelledAlert[]): void {
  if (alerts.length === 0) {
    process.stdout.write('no alerts stored (rules are evaluated by `tumen detect` and by `tumen serve` on its live feed)\n');
    return;
  }
  for (const a of alerts) process.stdout.write(`${a.time.slice(0, 16)}Z  ${a.kind.padEnd(16)}  ${a.text}  [${a.id}, rule ${a.rule_id}]\n`);
}

function printLog(rows: DeliveryAttempt[]): void {
  if (rows.length === 0) {
    process.stdout.write('no webhook deliveries logged\n');
    return;
  }
  for (const d of rows) {
    process.stdout.write(`${d.at.slice(0, 19)}Z  ${d.ok ? 'ok    ' : 'FAILED'}  ${d.alert_id}  attempt ${d.attempt}  ${d.status ?? '-'}  ${d.url}${d.error ? `  ${d.error}` : ''}\n`);
  }
}

function printResend(r: ResendReport): void {
  if (r.resent.length === 0 && r.skipped.length === 0) {
    process.stdout.write('nothing to resend: no alert\'s webhook delivery gave up (tumen watch log shows every attempt)\n');
    return;
  }
  for (const a of r.resent) {
    const attempts = a.first_attempt === a.last_attempt ? `attempt ${a.first_attempt}` : `attempts ${a.first_attempt}–${a.last_attempt}`;
    const last = a.error ?? (a.status === null ? '' : `HTTP ${a.status}`);
    process.stdout.write(`${a.ok ? 'delivered' : 'FAILED   '}  ${a.id}  rule ${a.rule_id}  ${attempts}${a.ok || !last ? '' : `  ${last}`}\n`);
  }
  const why = { delivered: 'delivered already', retrying: 'still being retried by the server', no_webhook: 'its rule has no webhook (or was removed)' };
  for (const s of r.skipped) process.stdout.write(`skipped    ${s.id}  ${why[s.state]}\n`);
  const ok = r.resent.filter((a) => a.ok).length;
  process.stdout.write(`resent ${r.resent.length}: ${ok} delivered, ${r.resent.length - ok} failed${r.skipped.length ? `; ${r.skipped.length} skipped` : ''}\n`);
}

/** POST /api/alerts/resend on the server holding the store, with the API token. */
async function resendThroughServer(url: string, db: string, body: { alerts?: string[]; since?: string }, tokenFile: string | undefined): Promise<ResendReport> {
  const { resolveToken } = await import('../../server/start.js'); // the server's modules only on this path
  const token = resolveToken({ tokenFile });
  if (!token) throw new Error(`\`tumen serve\` holds ${db}: give its API token (env TUMEN_API_TOKEN or --token-file FILE) to resend through it, or stop it`);
  process.stderr.write(`tumen: ${db} is held by \`tumen serve\`; resending through ${url}\n`);
  const res = await fetch(`${url}/api/alerts/resend`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  const answer = (await res.json().catch(() => ({}))) as ResendReport & { error?: { message?: string } };
  if (!res.ok) throw new Error(`${url}/api/alerts/resend: ${answer.error?.message ?? `${res.status} ${res.statusText}`}`);
  return answer;
}

export function register(program: Command): void {
  const watch = program.command('watch').description('watch rules and their alerts: dark near a port of interest, encounters with listed ships, listed ships active');

  withDbOption(
    watch.command('add <kind>')
      .description(`add a rule; kind: dark (${RULE_KIND_LABELS.dark_near_port}), encounter (${RULE_KIND_LABELS.listed_encounter}), active (${RULE_KIND_LABELS.listed_active})`)
      .option('--imo <imo>', 'dark: the watched ship\'s IMO (every MMSI reporting it)')
      .option('--mmsi <mmsi>', 'dark: the watched MMSI, for a ship with no IMO')
      .option('--near <ports>', 'dark: ports of interest by id or name, comma-separated (default all), e.g. Rajin,Vostochny')
      .option('--within-km <km>', `dark: radius around the ports (default ${WATCH_PARAMS.withinKm})`)
      .option('--after-h <hours>', `dark: silent this long (default ${WATCH_PARAMS.darkAfterH}, the gap detector's threshold)`)
      .option('--any-silence', 'dark: alert on every silence, coverage holes too (default: only silences the gap detector\'s reception evidence calls intentional)')
      .option('--lists <names>', 'encounter/active: only ships on these lists, comma-separated (default any loaded list)')
      .option('--quiet-h <hours>', `active: alert again after a silence this long (default ${WATCH_PARAMS.activeQuietH})`)
      .option('--label <text>', 'a note shown with the rule and its alerts')
      .option('--webhook <url>', 'POST each alert here, signed with HMAC-SHA256 (X-Tumen-Signature)')
      .option('--webhook-secret-file <file>', 'the signing secret (first line; default env TUMEN_WEBHOOK_SECRET)'),
  ).action(async (kind: string, opts: { db: string; imo?: string; mmsi?: string; near?: string; withinKm?: string; afterH?: string; lists?: string; quietH?: string; label?: string; webhook?: string; webhookSecretFile?: string; anySilence?: boolean }) => {
    let rule: WatchRule;
    let hook: Webhook | null;
    try {
      const input: RuleInput = {
        kind, imo: opts.imo, mmsi: opts.mmsi, ports: csv(opts.near), withinKm: num(opts.withinKm, '--within-km'),
        afterH: num(opts.afterH, '--after-h'), lists: csv(opts.lists), quietH: num(opts.quietH, '--quiet-h'), label: opts.label, anySilence: opts.anySilence,
      };
      rule = makeRule(input);
      hook = webhookFrom(opts.webhook, opts.webhookSecretFile);
    } catch (err) {
      if (err instanceof RuleError) return fail('add', err.message);
      throw err;
    }
    await withWriteStore(opts.db, 'add the rule', async (store) => {
      const created = await addRule(store, rule, hook, Date.now());
      process.stdout.write(`${created ? 'added' : 'updated'} ${rule.id}: ${await ruleText(store, rule)}${hook ? `; webhook ${hook.url}` : ''}\n`);
      process.stdout.write('evaluated by `tumen detect` (whole store) and `tumen serve` (live feed); alerts: tumen watch alerts\n');
    });
  });

  withDbOption(watch.command('list').description('the watch rules, with their alert counts and webhooks').option('--json', 'JSON output'))
    .action(async (opts: { db: string; json?: boolean }) => {
      const rules = await withReadStore(opts.db, async (store) => Promise.all((await listRules(store)).map(async (r) => ({ ...r, text: await ruleText(store, r.rule) }))),
        async (url) => (await serverJson<{ rules: Array<StoredRule & { text: string }> }>(`${url}/api/watch`)).rules);
      if (opts.json) process.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
      else printRules(rules);
    });

  withDbOption(watch.command('rm <id>').description('remove a rule (its alerts stay, for the record)'))
    .action(async (id: string, opts: { db: string }) => {
      await withWriteStore(opts.db, 'remove the rule', async (store) => {
        if (await removeRule(store, id)) process.stdout.write(`removed ${id}\n`);
        else fail('rm', `no rule ${id} (tumen watch list shows the ids)`, 1);
      });
    });

  withDbOption(
    watch.command('alerts').description('the alerts raised, newest first, with who each ship is')
      .option('--since <iso>', 'alerts whose condition began at or after (ISO-8601 UTC)')
      .option('--rule <id>', 'alerts of one rule')
      .option('--mmsi <mmsi>', 'alerts involving this MMSI')
      .option('--limit <n>', 'most alerts shown', '100')
      .option('--json', 'JSON output'),
  ).action(async (opts: { db: string; since?: string; rule?: string; mmsi?: string; limit: string; json?: boolean }) => {
    let since: string | undefined;
    try {
      if (opts.since !== undefined) {
        const ms = parseIsoTime(opts.since);
        if (ms instanceof Error) throw new Error(`--since: ${ms.message}`);
        since = new Date(ms).toISOString();
      }
      if (opts.mmsi !== undefined && !/^\d{1,9}$/.test(opts.mmsi)) throw new Error(`--mmsi "${opts.mmsi}" is not 1–9 digits`);
      if (!/^\d{1,5}$/.test(opts.limit) || Number(opts.limit) < 1) throw new Error(`--limit must be 1–99999 (got "${opts.limit}")`);
    } catch (err) {
      return fail('alerts', (err as Error).message);
    }
    const q = { since, rule: opts.rule, mmsi: opts.mmsi === undefined ? undefined : Number(opts.mmsi), limit: Number(opts.limit) };
    const alerts = await withReadStore(opts.db, async (store) => labelAlerts(store, await queryAlerts(store, q)), async (url) => {
      const params = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined).map(([k, v]): [string, string] => [k, String(v)]));
      return (await serverJson<{ alerts: LabelledAlert[] }>(`${url}/api/alerts?${params}`)).alerts;
    });
    if (opts.json) process.stdout.write(`${JSON.stringify(alerts, null, 2)}\n`);
    else printAlerts(alerts);
  });

  withDbOption(
    watch.command('resend [alert-ids...]')
      .description('send alerts whose webhook delivery gave up (attempts used up, refused, or too old to resume) once more; default every such alert')
      .option('--since <iso>', 'only alerts whose condition began at or after (ISO-8601 UTC)')
      .option('--token-file <file>', 'while `tumen serve` holds the store: its API token (default env TUMEN_API_TOKEN)')
      .option('--json', 'JSON output'),
  ).action(async (ids: string[], opts: { db: string; since?: string; tokenFile?: string; json?: boolean }) => {
    let since: string | undefined;
    const bad = ids.find((id) => !/^al-[0-9a-f]{16}$/.test(id));
    if (bad !== undefined) return fail('resend', `"${bad}" is not an alert id such as al-0123456789abcdef (tumen watch alerts shows them)`);
    if (opts.since !== undefined) {
      const ms = parseIsoTime(opts.since);
      if (ms instanceof Error) return fail('resend', `--since: ${ms.message}`);
      since = new Date(ms).toISOString();
    }
    const q = { ids: ids.length ? ids : undefined, since };
    requireStoreFile(opts.db);
    let report: ResendReport;
    try {
      // Holding the write lock, nothing else is delivering: deliveries a stopped server left retrying go too.
      report = await withStore(opts.db, (store) => resendAlerts(store, { ...q, includeRetrying: true }));
    } catch (err) {
      const server = err instanceof StoreLockedError ? runningServer(opts.db) : null;
      if (!server) throw err;
      report = await resendThroughServer(server.url, opts.db, { alerts: q.ids, since }, opts.tokenFile);
    }
    if (report.unknown.length) return fail('resend', `no alert ${report.unknown.join(', ')} in ${opts.db} (tumen watch alerts shows the ids); nothing was sent`, 1);
    if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else printResend(report);
    // Scripts can trust the code: 1 when an alert is still not delivered.
    if (report.resent.some((a) => !a.ok)) process.exitCode = 1;
  });

  withDbOption(watch.command('log [alert-id]').description('the webhook delivery log: every attempt, its HTTP status or error').option('--json', 'JSON output'))
    .action(async (alertId: string | undefined, opts: { db: string; json?: boolean }) => {
      const rows = await withReadStore(opts.db, (store) => deliveryLog(store, alertId),
        async (url) => (await serverJson<{ deliveries: DeliveryAttempt[] }>(`${url}/api/alerts/deliveries${alertId ? `?alert=${encodeURIComponent(alertId)}` : ''}`)).deliveries);
      if (opts.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      else printLog(rows);
    });
}
