// Watch rules and alerts over HTTP: GET/POST/DELETE /api/watch (writes need the token), GET /api/alerts,
// GET /api/alerts/stream (SSE, `event: tumen-alert`), GET /api/alerts/deliveries (the webhook log),
// POST /api/alerts/resend (token: deliveries that gave up, once more).
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { ServerContext } from '../context.js';
import { requireToken } from '../auth.js';
import { badRequest, httpError, notFound } from '../errors.js';
import { apiRoute, boundedInt, ERROR_RESPONSE, jsonResponse, mount, parsedBy } from '../schema.js';
import { optionalMmsi, optionalTimeMs } from '../validate.js';
import { MAX_JSON_BYTES } from '../params.js';
import { makeRule, describeRule, RuleError } from '../../alerts/rules.js';
import { addRule, deliveryLog, labelAlerts, listRules, queryAlerts, removeRule, type LabelledAlert } from '../../store/watch.js';
import { followHub, StreamSlots } from '../sse.js';
import { resendAlerts } from '../alert-resend.js';

const RULE_ID = z.string().regex(/^w[0-9a-f]{8}$/, 'rule must be a rule id such as w1a2b3c4d');
const ALERT_ID = z.string().regex(/^al-[0-9a-f]{16}$/, 'alert must be an alert id such as al-0123456789abcdef');
const optionalMmsiValue = parsedBy(z.string().optional().meta({ type: 'integer', minimum: 1, maximum: 999_999_999, description: 'alerts involving this MMSI' }), (raw) => optionalMmsi(raw));

/** A watch rule as `tumen watch add` takes it (src/alerts/rules.ts checks its meaning: ports, IMO check digit). */
const WATCH_RULE_BODY = z.object({
  kind: z.enum(['dark', 'encounter', 'active', 'dark_near_port', 'listed_encounter', 'listed_active'])
    .describe('dark: a watched ship goes dark near a port of interest; encounter: an encounter involving a listed ship; active: a listed ship transmits after a silence'),
  imo: z.string().max(20).optional().describe('dark: the watched IMO'),
  mmsi: z.number().int().min(1).max(999_999_999).optional().describe('dark: the watched MMSI (a ship with no IMO)'),
  ports: z.array(z.string().max(60)).max(50).optional().describe('dark: ports of interest by id or name (default all)'),
  withinKm: z.number().optional().describe('dark: radius around the ports, km'),
  afterH: z.number().optional().describe('dark: silent this many hours'),
  anySilence: z.boolean().optional().describe('dark: alert on every silence, coverage holes too (default: only silences the gap detector\'s reception evidence calls intentional)'),
  lists: z.array(z.string().max(64)).max(50).optional().describe('encounter/active: only these lists (default any)'),
  quietH: z.number().optional().describe('active: alert again after this many silent hours'),
  label: z.string().max(200).optional(),
  webhook: z.object({ url: z.url({ protocol: /^https?$/ }), secret: z.string().min(16).max(500) }).optional()
    .describe('POST each alert here, signed: X-Tumen-Signature = sha256=HMAC-SHA256(secret, X-Tumen-Timestamp + "." + body)'),
}).strict();

export const ALERT_ROUTES = {
  rules: apiRoute({ method: 'get', path: '/api/watch', summary: 'watch rules (webhook URLs, never their secrets) and their alert counts', responses: { 200: jsonResponse('rules') } }),
  addRule: apiRoute({
    method: 'post', path: '/api/watch', summary: 'add a watch rule (the same rule again is one rule: 200 updates its label and webhook)', secured: true,
    body: WATCH_RULE_BODY, responses: { 201: jsonResponse('rule added'), 200: jsonResponse('rule updated'), 413: ERROR_RESPONSE },
  }),
  removeRule: apiRoute({
    method: 'delete', path: '/api/watch/{id}', summary: 'remove a watch rule (its alerts stay)', secured: true,
    params: z.object({ id: RULE_ID.describe('rule id') }), responses: { 204: { description: 'removed' }, 404: ERROR_RESPONSE },
  }),
  alerts: apiRoute({
    method: 'get', path: '/api/alerts', summary: 'alerts raised by the watch rules, newest first, with vessel labels and a line of text',
    query: z.object({
      since: parsedBy(z.string().optional().meta({ type: 'string', description: 'alerts whose condition began at or after: ISO-8601 or epoch ms' }), (raw) => optionalTimeMs(raw, 'since')),
      rule: RULE_ID.optional().describe('alerts of this rule'),
      mmsi: optionalMmsiValue,
      limit: boundedInt(1, 1000, 100, 'most alerts returned'),
    }),
    responses: { 200: jsonResponse('alerts') },
  }),
  stream: apiRoute({
    method: 'get', path: '/api/alerts/stream', summary: 'Server-Sent Events: `event: tumen-alert`, data = the alert with vessel labels',
    query: z.object({ mmsi: optionalMmsiValue, rule: RULE_ID.optional().describe('alerts of this rule') }),
    responses: { 200: { description: 'text/event-stream' }, 503: ERROR_RESPONSE },
  }),
  resend: apiRoute({
    method: 'post', path: '/api/alerts/resend', secured: true,
    summary: 'send alerts whose webhook delivery gave up (attempts used up, refused, or too old to resume) once more, as a fresh round of attempts numbered on from the last; answers when the round is over',
    body: z.object({
      alerts: z.array(ALERT_ID).min(1).max(1000).optional().describe('these alerts only (default: every alert whose delivery gave up)'),
      since: z.iso.datetime({ offset: true }).optional().describe('alerts whose condition began at or after (ISO-8601)'),
    }).strict(),
    responses: { 200: jsonResponse('what was sent (resent: ok, attempts, last status) and what was not (skipped: delivered, retrying, no_webhook)'), 404: ERROR_RESPONSE, 413: ERROR_RESPONSE },
  }),
  deliveries: apiRoute({
    method: 'get', path: '/api/alerts/deliveries', summary: 'webhook delivery log: every attempt with its HTTP status or error, newest first',
    query: z.object({ alert: ALERT_ID.optional().describe('attempts for this alert') }),
    responses: { 200: jsonResponse('deliveries') },
  }),
};

export function alertRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  const auth = requireToken(ctx.token);
  const slots = new StreamSlots(ctx.maxStreams);
  /** Rules changed: the live evaluator starts again from the store (between live passes). */
  const reload = async (): Promise<void> => {
    if (ctx.live && ctx.alerts) await ctx.live.serialised(() => ctx.alerts!.reload(), undefined);
  };

  mount(app, ALERT_ROUTES.rules, async (c) => {
    const rules = await listRules(ctx.store);
    return c.json({ rules: rules.map((r) => ({ ...r, text: describeRule(r.rule) })), live: ctx.alerts !== null, writes: ctx.token !== null });
  });

  mount(app, ALERT_ROUTES.addRule, async (c, { body }) => {
    const { webhook, ...input } = body;
    let rule;
    try {
      rule = makeRule(input);
    } catch (err) {
      if (err instanceof RuleError) throw badRequest(err.message);
      throw err;
    }
    const created = await addRule(ctx.writeStore, rule, webhook ?? null, Date.now());
    await reload();
    return c.json({ rule, text: describeRule(rule), webhook: webhook?.url ?? null, created }, created ? 201 : 200);
  }, [auth, bodyLimit({ maxSize: MAX_JSON_BYTES, onError: () => { throw httpError(413, `body larger than ${MAX_JSON_BYTES} bytes`); } })]);

  mount(app, ALERT_ROUTES.removeRule, async (c, { params: { id } }) => {
    if (!(await removeRule(ctx.writeStore, id))) throw notFound(`no watch rule ${id}`);
    await reload();
    return c.body(null, 204);
  }, [auth]);

  mount(app, ALERT_ROUTES.stream, (c, { query: { mmsi, rule } }) => {
    const wanted = (a: LabelledAlert): boolean => (mmsi === undefined || a.mmsi === mmsi || a.other_mmsi === mmsi) && (rule === undefined || a.rule_id === rule);
    return followHub(c, slots, ctx.alertHub, { event: 'tumen-alert', wanted, id: (a) => a.id });
  });

  mount(app, ALERT_ROUTES.resend, async (c, { body }) => {
    // Deliveries still retrying are left to this server's own deliverer.
    const report = await resendAlerts(ctx.writeStore, { ids: body.alerts, since: body.since });
    if (report.unknown.length) throw notFound(`no alert ${report.unknown.join(', ')} (GET /api/alerts lists them); nothing was sent`);
    return c.json(report);
  }, [auth, bodyLimit({ maxSize: MAX_JSON_BYTES, onError: () => { throw httpError(413, `body larger than ${MAX_JSON_BYTES} bytes`); } })]);

  mount(app, ALERT_ROUTES.deliveries, async (c, { query: { alert } }) => c.json({ deliveries: await deliveryLog(ctx.store, alert) }));

  mount(app, ALERT_ROUTES.alerts, async (c, { query: { since, ...q } }) => {
    const alerts = await queryAlerts(ctx.store, { ...q, since: since === undefined ? undefined : new Date(since).toISOString() });
    return c.json({ count: alerts.length, alerts: await labelAlerts(ctx.store, alerts), live: ctx.alerts !== null });
  });

  return app;
}
