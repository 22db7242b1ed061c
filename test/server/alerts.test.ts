// Watch rules end to end on a real server: rules added over the API (token), an upload whose reports make
// a listed ship active and a watched ship go dark off Vostochny, the alerts on SSE and GET /api/alerts with
// names, and the webhook: signed, retried after a 500, every attempt in the delivery log.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/db.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { signPayload } from '../../src/server/alert-delivery.js';

const TOKEN = 'alerts-token-0123456789abcdef';
const SECRET = 'hook-secret-0123456789';
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
const WATCHED = 273000111; // IMO 9074729
const LISTED = 445000002; // IMO 8660313, on the desk's list
const T0 = Date.UTC(2024, 5, 1);

interface Received { headers: IncomingMessage['headers']; body: string }

/** A webhook receiver answering 500 to the first request and 204 after. */
async function receiver(): Promise<{ server: Server; url: string; got: Received[] }> {
  const got: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.statusCode = got.length === 1 ? 500 : 204;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, got };
}

/** Reads SSE `tumen-alert` messages until `n` arrived (or 10 s pass). */
async function alertsFrom(res: Response, n: number): Promise<any[]> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + 10_000;
  for (;;) {
    const got = text.split('\n\n').filter((b) => /^event: tumen-alert$/m.test(b)).map((b) => JSON.parse(/^data: (.*)$/m.exec(b)![1]!));
    if (got.length >= n) { await reader.cancel(); return got; }
    if (Date.now() > deadline) throw new Error(`only ${got.length} alerts on SSE within 10 s`);
    const { value, done } = await Promise.race([reader.read(), new Promise<{ value: undefined; done: true }>((r) => setTimeout(() => r({ value: undefined, done: true }), 10_000))]);
    if (done) throw new Error('SSE stream ended');
    text += decoder.decode(value);
  }
}

describe('watch rules on the live server', () => {
  let store: Store;
  let server: RunningServer;
  let hook: Awaited<ReturnType<typeof receiver>>;
  beforeAll(async () => {
    store = await Store.open(':memory:');
    server = await startServer({ store, port: 0, token: TOKEN, webRoot: null });
    hook = await receiver();
  });
  afterAll(async () => { await server?.close(); store?.close(); hook?.server.close(); });

  it('refuses rules without the token, and rules that make no sense, saying why', async () => {
    expect((await fetch(`${server.url}/api/watch`, { method: 'POST', body: '{"kind":"active"}', headers: { 'content-type': 'application/json' } })).status).toBe(401);
    const bad = await fetch(`${server.url}/api/watch`, { method: 'POST', body: JSON.stringify({ kind: 'dark', imo: '9074728' }), headers: auth });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error.message).toMatch(/check digit/);
    const weak = await fetch(`${server.url}/api/watch`, { method: 'POST', body: JSON.stringify({ kind: 'active', webhook: { url: hook.url, secret: 'short' } }), headers: auth });
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as any).error.message).toMatch(/webhook\.secret/);
  });

  it('raises listed-active and dark-near-port from an upload, on SSE, in /api/alerts with names, and to the signed, retried webhook', async () => {
    const list = await fetch(`${server.url}/api/lists?format=csv&filename=desk.csv&name=desk`, { method: 'POST', body: 'imo,name,reason\n8660313,CHON MA SAN,UN 1718\n', headers: { authorization: auth.authorization } });
    expect(list.status).toBe(201);
    const active = await fetch(`${server.url}/api/watch`, { method: 'POST', body: JSON.stringify({ kind: 'active', lists: ['desk'], webhook: { url: hook.url, secret: SECRET } }), headers: auth });
    expect(active.status).toBe(201);
    const dark = await fetch(`${server.url}/api/watch`, { method: 'POST', body: JSON.stringify({ kind: 'dark', imo: '9074729', ports: ['Vostochny'], withinKm: 40, anySilence: true, label: 'tanker run' }), headers: auth });
    expect(dark.status).toBe(201);
    const rules = ((await (await fetch(`${server.url}/api/watch`)).json()) as any).rules;
    expect(rules.map((r: any) => r.rule.kind)).toEqual(['listed_active', 'dark_near_port']);
    expect(rules[0].webhook).toBe(hook.url);
    expect(JSON.stringify(rules)).not.toContain(SECRET);

    // WATCHED reports 20 km off Vostochny for an hour, then nothing; LISTED reports every 10 min for 9 h.
    const rows = ['mmsi,time,lat,lon,speed,course,imo,shipname'];
    const at = (m: number, min: number, lat: number, lon: number, imo: string, name: string) => `${m},${new Date(T0 + min * 60_000).toISOString()},${lat},${lon},9.5,90,${imo},${name}`;
    for (let k = 0; k <= 6; k++) rows.push(at(WATCHED, k * 10, 42.58, 133.0, '9074729', 'SIBIR'));
    for (let k = 0; k <= 54; k++) rows.push(at(LISTED, 5 + k * 10, 42.6, 133.1, '8660313', 'CHON MA SAN'));
    const sse = await fetch(`${server.url}/api/alerts/stream`);
    const streamed = alertsFrom(sse, 2);
    const up = await fetch(`${server.url}/api/ingest?filename=feed.csv`, { method: 'POST', body: `${rows.join('\n')}\n`, headers: { authorization: auth.authorization } });
    expect(up.status).toBe(201);
    const onSse = await streamed;
    expect(onSse.map((a) => a.kind).sort()).toEqual(['dark_near_port', 'listed_active']);

    const body = (await (await fetch(`${server.url}/api/alerts`)).json()) as any;
    expect(body.count).toBe(2);
    const darkAlert = body.alerts.find((a: any) => a.kind === 'dark_near_port');
    expect(darkAlert).toMatchObject({ mmsi: WATCHED, time: new Date(T0 + 60 * 60_000).toISOString(), detected_at: new Date(T0 + 7 * 60 * 60_000).toISOString(), port: { id: 'RUVYP' }, vessel: { name: 'SIBIR', imo: '9074729' } });
    expect(darkAlert.text).toMatch(/^SIBIR \(RU, IMO 9074729, MMSI 273000111\) went dark 20.1 km from Vostochny \(RU\) at 2024-06-01 01:00 UTC, silent ≥ 6 h$/);
    // CHON MA SAN reported 8.6 km away every 10 min through the silence.
    expect(darkAlert.evidence.heard_nearby_vessels).toBe(1);
    const activeAlert = body.alerts.find((a: any) => a.kind === 'listed_active');
    expect(activeAlert).toMatchObject({ mmsi: LISTED, time: new Date(T0 + 5 * 60_000).toISOString(), listings: [{ list: 'desk', name: 'CHON MA SAN', matched_on: 'imo', mmsi: LISTED }] });

    // The webhook: first attempt 500, second (after the 1 s back-off) 204; both signed and logged.
    const deadline = Date.now() + 8000;
    while (hook.got.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(hook.got).toHaveLength(2);
    for (const r of hook.got) {
      const ts = Number(r.headers['x-tumen-timestamp']);
      expect(r.headers['x-tumen-signature']).toBe(signPayload(SECRET, ts, r.body));
      expect(JSON.parse(r.body)).toMatchObject({ type: 'tumen.alert', alert: { id: activeAlert.id, vessel: { name: 'CHON MA SAN' } }, rule: { kind: 'listed_active' } });
    }
    expect(hook.got.map((r) => r.headers['x-tumen-attempt'])).toEqual(['1', '2']);
    let log: any[] = [];
    while (log.length < 2 && Date.now() < deadline) log = ((await (await fetch(`${server.url}/api/alerts/deliveries?alert=${activeAlert.id}`)).json()) as any).deliveries;
    expect(log.map((d) => [d.attempt, d.status, d.ok])).toEqual([[2, 204, true], [1, 500, false]]);
  });

  it('removes a rule with the token; its alerts stay', async () => {
    const rules = ((await (await fetch(`${server.url}/api/watch`)).json()) as any).rules;
    const id = rules[1].rule.id;
    expect((await fetch(`${server.url}/api/watch/${id}`, { method: 'DELETE' })).status).toBe(401);
    expect((await fetch(`${server.url}/api/watch/${id}`, { method: 'DELETE', headers: auth })).status).toBe(204);
    expect((await fetch(`${server.url}/api/watch/${id}`, { method: 'DELETE', headers: auth })).status).toBe(404);
    expect(((await (await fetch(`${server.url}/api/watch`)).json()) as any).rules).toHaveLength(1);
    expect(((await (await fetch(`${server.url}/api/alerts?rule=${id}`)).json()) as any).count).toBe(1);
    expect((await fetch(`${server.url}/api/alerts?since=03/02/2024`)).status).toBe(400);
  });
});
