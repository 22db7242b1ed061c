// `tumen watch resend` and POST /api/alerts/resend: deliveries that gave up (attempts used up, refused with a
// 4xx, too old to resume) are sent once more, numbered on from the last attempt and logged; delivered ones
// are left alone; a mistyped id sends nothing; a failure is exit 1. Through a server holding the store, the
// API does it with the token and leaves deliveries the server is still retrying to the server (the CLI runs
// as the built bin there, since DuckDB's file locks are per process: npm test builds first).
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tumen } from '../cli-harness.js';
import { Store } from '../../src/store/db.js';
import { addRule, deliveryLog, insertNewAlerts, logDelivery } from '../../src/store/watch.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { announceServer } from '../../src/cli/store-access.js';
import type { Alert, ListedActiveRule } from '../../src/alerts/types.js';
import { WEBHOOK_PARAMS } from '../../src/alerts/params.js';

const SECRET = 'resend-secret-0123456789';
const TOKEN = 'resend-token-0123456789abcdef';
const HOOKED: ListedActiveRule = { id: 'w00000001', kind: 'listed_active', label: 'desk', lists: [], quietH: 6 };
const UNHOOKED: ListedActiveRule = { id: 'w00000002', kind: 'listed_active', label: 'no hook', lists: ['x'], quietH: 6 };
const id = (n: number): string => `al-${String(n).padStart(16, '0')}`;
const H = 3_600_000;

interface Receiver { server: Server; url: string; got: IncomingMessage[]; refuse: Set<string> }

/** A webhook receiver answering 204, or 410 to the alert ids in `refuse`. */
async function receiver(): Promise<Receiver> {
  const got: IncomingMessage[] = [];
  const refuse = new Set<string>();
  const server = createServer((req, res) => {
    got.push(req);
    req.resume();
    res.statusCode = refuse.has(String(req.headers['x-tumen-alert'])) ? 410 : 204;
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, got, refuse };
}

/**
 * A store with alerts in every delivery state, as of now: 1 attempts used up (503 × 6), 2 refused (400),
 * 3 delivered, 4 retrying (one 503, raised an hour ago), 5 raised two days ago and never attempted,
 * 6 of a rule with no webhook.
 */
async function fillStore(store: Store, url: string): Promise<void> {
  const now = Date.now();
  const alert = (n: number, rule = HOOKED): Alert => ({
    id: id(n), rule_id: rule.id, kind: 'listed_active', mmsi: 273000000 + n, time: new Date(now - (n === 5 ? 49 : 2) * H).toISOString(),
    detected_at: new Date(now - 2 * H).toISOString(), lat: 42.6, lon: 132.3, evidence: { quiet_h: 7 },
  });
  await addRule(store, HOOKED, { url, secret: SECRET }, now - 72 * H);
  await addRule(store, UNHOOKED, null, now - 72 * H);
  await insertNewAlerts(store, [1, 2, 3, 4].map((n) => alert(n)), now - H);
  await insertNewAlerts(store, [alert(5)], now - 48 * H);
  await insertNewAlerts(store, [alert(6, UNHOOKED)], now - H);
  const log = (n: number, attempt: number, status: number, ok = false) =>
    logDelivery(store, { alert_id: id(n), rule_id: HOOKED.id, url, attempt, at: new Date(now - H + attempt * 1000).toISOString(), status, ok, error: ok ? null : `HTTP ${status}` });
  for (let k = 1; k <= WEBHOOK_PARAMS.maxAttempts; k++) await log(1, k, 503);
  await log(2, 1, 400);
  await log(3, 1, 200, true);
  await log(4, 1, 503);
}

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'tumen.js');

/** The built bin in its own process, so the in-process server holds the store's lock against it. */
function tumenProcess(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

let dir: string;
let hook: Receiver;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tumen-resend-'));
  hook = await receiver();
});
afterAll(async () => {
  hook.server.close();
  await rm(dir, { recursive: true, force: true });
});

const sent = (): string[][] => hook.got.map((r) => [String(r.headers['x-tumen-alert']), String(r.headers['x-tumen-attempt'])]).sort((a, b) => a[0]!.localeCompare(b[0]!));

describe('tumen watch resend', () => {
  let db: string;
  beforeAll(async () => {
    db = join(dir, 'cli.duckdb');
    const store = await Store.open(db);
    await fillStore(store, hook.url);
    store.close();
  });

  it('refuses a malformed id (exit 2) and an unknown one (exit 1) without sending anything', async () => {
    const bad = await tumen(['watch', 'resend', 'alert-1', '--db', db]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('"alert-1" is not an alert id');
    const unknown = await tumen(['watch', 'resend', id(1), id(99), '--db', db]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain(`no alert ${id(99)} in ${db}`);
    expect(unknown.stderr).toContain('nothing was sent');
    expect(hook.got).toHaveLength(0);
  });

  it('sends every delivery that gave up, and the ones a stopped server left retrying, numbered on, signed and logged', async () => {
    const r = await tumen(['watch', 'resend', '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(sent()).toEqual([[id(1), '7'], [id(2), '2'], [id(4), '2'], [id(5), '1']]);
    for (const req of hook.got) expect(req.headers['x-tumen-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(r.stdout).toContain(`delivered  ${id(1)}  rule w00000001  attempt 7\n`);
    expect(r.stdout).toContain('resent 4: 4 delivered, 0 failed\n');
    const store = await Store.open(db, { readOnly: true });
    try {
      expect((await deliveryLog(store, id(1))).map((d) => [d.attempt, d.ok])[0]).toEqual([7, true]);
    } finally {
      store.close();
    }
    const again = await tumen(['watch', 'resend', '--db', db]);
    expect(again.stdout).toBe('nothing to resend: no alert\'s webhook delivery gave up (tumen watch log shows every attempt)\n');
    expect(hook.got).toHaveLength(4);
  });

  it('says why an alert asked for was not sent: delivered already, no webhook', async () => {
    hook.got.length = 0;
    const skipped = await tumen(['watch', 'resend', id(3), id(6), '--db', db]);
    expect(skipped.status).toBe(0);
    expect(skipped.stdout).toContain(`skipped    ${id(3)}  delivered already`);
    expect(skipped.stdout).toContain(`skipped    ${id(6)}  its rule has no webhook`);
    expect(hook.got).toHaveLength(0);

    const store = await Store.open(db);
    await logDelivery(store, { alert_id: id(2), rule_id: HOOKED.id, url: hook.url, attempt: 3, at: new Date().toISOString(), status: 404, ok: false, error: 'HTTP 404' });
    store.close();
    // id(2) was delivered at attempt 2; a later 404 does not undo that.
    expect((await tumen(['watch', 'resend', id(2), '--db', db])).stdout).toContain('delivered already');
  });

  it('a refused resend is FAILED, exit 1, one attempt (a 4xx is final)', async () => {
    const db2 = join(dir, 'refused.duckdb');
    const store = await Store.open(db2);
    await fillStore(store, hook.url);
    store.close();
    hook.got.length = 0;
    hook.refuse.add(id(2));
    try {
      const r = await tumen(['watch', 'resend', id(2), '--db', db2, '--json']);
      expect(r.status).toBe(1);
      const report = JSON.parse(r.stdout) as { resent: Array<{ id: string; ok: boolean; first_attempt: number; last_attempt: number; status: number }> };
      expect(report.resent).toEqual([{ id: id(2), rule_id: HOOKED.id, ok: false, first_attempt: 2, last_attempt: 2, status: 410, error: 'HTTP 410' }]);
      expect(sent()).toEqual([[id(2), '2']]);
    } finally {
      hook.refuse.clear();
    }
  });
});

describe('POST /api/alerts/resend, and the CLI through a server holding the store', () => {
  let db: string;
  let store: Store;
  let server: RunningServer | null = null;
  let unannounce: (() => void) | null = null;
  beforeAll(async () => {
    hook.got.length = 0;
    db = join(dir, 'served.duckdb');
    store = await Store.open(db);
    await fillStore(store, hook.url);
    server = await startServer({ store, port: 0, token: TOKEN, webRoot: null });
    unannounce = announceServer(db, { url: server.url, pid: process.pid, readOnly: false });
  });
  afterEach(() => { hook.got.length = 0; });
  afterAll(async () => { unannounce?.(); await server?.close(); store?.close(); });

  it('needs the token, refuses unknown ids with 404, and resends what gave up (not what the server still retries)', async () => {
    // The server resumes id(4) (retrying) on start; id(5) was raised 48 h ago, beyond the resume window.
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !hook.got.some((r) => r.headers['x-tumen-alert'] === id(4))) await new Promise((r) => setTimeout(r, 50));
    expect(sent()).toEqual([[id(4), '2']]);
    hook.got.length = 0;

    const url = `${server!.url}/api/alerts/resend`;
    expect((await fetch(url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(401);
    const unknown = await fetch(url, { method: 'POST', body: JSON.stringify({ alerts: [id(98)] }), headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' } });
    expect(unknown.status).toBe(404);
    expect(hook.got).toHaveLength(0);

    const r = await tumenProcess(['watch', 'resend', '--db', db], { ...process.env, TUMEN_API_TOKEN: TOKEN });
    expect(r.stderr).toContain('resending through');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('resent 3: 3 delivered, 0 failed');
    expect(sent()).toEqual([[id(1), '7'], [id(2), '2'], [id(5), '1']]);
  });

  it('without the token, the CLI says how to resend and sends nothing', async () => {
    const env = { ...process.env };
    delete env.TUMEN_API_TOKEN;
    const r = await tumenProcess(['watch', 'resend', '--db', db], env);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('give its API token (env TUMEN_API_TOKEN or --token-file FILE)');
    expect(hook.got).toHaveLength(0);
  });
});
