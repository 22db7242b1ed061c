// Write paths end to end on a real server: list import then screening, file upload → ingest → live
// detection → SSE, and a live UDP feed (--listen) whose closing message produces a gap event on SSE.
import { createSocket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/db.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { encodePositionA, tagBlock, toSentences } from '../../src/ais/encode.js';
import { ANGARA, CHON_MA_SAN, fillStore } from './fixture-store.js';

const TOKEN = 'writes-token-0123456789abcdef';
const auth = { authorization: `Bearer ${TOKEN}` };

/** Reads an SSE response until a `tumen-event` message satisfies `want` (or 10 s pass). */
async function nextEvent(res: Response, want: (e: any) => boolean): Promise<any> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + 10_000;
  for (;;) {
    for (const block of text.split('\n\n').slice(0, -1)) {
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (/^event: tumen-event$/m.test(block) && data && want(JSON.parse(data))) { reader.releaseLock(); return JSON.parse(data); }
    }
    if (Date.now() > deadline) throw new Error(`no matching SSE event within 10 s; got ${text.slice(0, 500)}`);
    const { value, done } = await Promise.race([reader.read(), new Promise<{ value: undefined; done: true }>((r) => setTimeout(() => r({ value: undefined, done: true }), 10_000))]);
    if (done) throw new Error(`SSE stream ended; got ${text.slice(0, 500)}`);
    text += decoder.decode(value);
  }
}

describe('list import and screening', () => {
  let store: Store;
  let server: RunningServer;
  beforeAll(async () => {
    store = await Store.open(':memory:');
    await fillStore(store);
    server = await startServer({ store, port: 0, token: TOKEN, webRoot: null });
  });
  afterAll(async () => { await server?.close(); store?.close(); });

  it('screening without lists says so (409)', async () => {
    const res = await fetch(`${server.url}/api/screen?imo=8660313`);
    expect(res.status).toBe(409);
    expect(((await res.json()) as any).error.message).toMatch(/no sanctions lists loaded/);
  });

  it('imports a CSV watchlist, then screens one and a batch, and the vessel page shows the match', async () => {
    const csv = 'imo,name,reason\n8660313,CHON MA SAN,UN 1718 designated tanker\n';
    const bad = await fetch(`${server.url}/api/lists?format=csv&filename=w.csv`, { method: 'POST', body: csv });
    expect(bad.status).toBe(401);
    const res = await fetch(`${server.url}/api/lists?format=csv&filename=watch.csv&name=desk`, { method: 'POST', body: csv, headers: auth });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ list: 'desk', entries: 1, rejects: 0 });
    const lists = ((await (await fetch(`${server.url}/api/lists`)).json()) as any).lists;
    expect(lists).toMatchObject([{ name: 'desk', source: 'csv', entries: 1, vessels: 1 }]);

    const one = (await (await fetch(`${server.url}/api/screen?imo=8660313`)).json()) as any;
    expect(one.verdict).toBe('match');
    expect(one.matches[0]).toMatchObject({ list: 'desk', name: 'CHON MA SAN' });
    expect(one.matches[0].matched_on).toContain('imo');

    const batch = (await (await fetch(`${server.url}/api/screen`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ vessels: [{ imo: '8660313' }, { name: 'ANGARA', imo: '9179842' }] }),
    })).json()) as any;
    expect(batch.count).toBe(2);
    expect(batch.results.map((r: any) => r.verdict)).toEqual(['match', 'clear']);

    const vessel = (await (await fetch(`${server.url}/api/vessels/${CHON_MA_SAN}`)).json()) as any;
    expect(vessel.list_matches).toHaveLength(1);
    expect(vessel.risk.level).toBe('sanctioned');
    expect(vessel.risk.indicators.length).toBeGreaterThan(0);
    const found = (await (await fetch(`${server.url}/api/vessels?q=chon`)).json()) as any;
    expect(found.vessels[0]).toMatchObject({ mmsi: CHON_MA_SAN, risk_level: 'sanctioned' });
    const risky = (await (await fetch(`${server.url}/api/events?risk=sanctioned`)).json()) as any;
    // CHON MA SAN's own port visit; the encounter is filed under ANGARA (risk from the partner, not sanctioned itself).
    expect(risky.events.map((e: any) => e.id)).toContain('pv-chon-1');
    expect(risky.events.every((e: any) => e.mmsi === CHON_MA_SAN)).toBe(true);
    expect((await (await fetch(`${server.url}/api/vessels/${ANGARA}`)).json() as any).list_matches).toEqual([]);
  });

  it('rejects a list it cannot read with 400', async () => {
    const res = await fetch(`${server.url}/api/lists?filename=x.txt`, { method: 'POST', body: 'hello\nworld\n', headers: auth });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.message).toMatch(/cannot tell the list format/);
  });
});

describe('upload → ingest → live detection → SSE', () => {
  let store: Store;
  let server: RunningServer;
  beforeAll(async () => {
    store = await Store.open(':memory:');
    server = await startServer({ store, port: 0, token: TOKEN, webRoot: null });
  });
  afterAll(async () => { await server?.close(); store?.close(); });

  it('a CSV upload with a 10 h silence yields a gap event, returned and streamed', async () => {
    const mmsi = 273111222;
    const t0 = Date.UTC(2024, 5, 1);
    const rows = ['mmsi,time,lat,lon,speed,course'];
    const at = (k: number, minutes: number) => `${mmsi},${new Date(t0 + minutes * 60_000).toISOString()},${(42.75 - k * 0.01).toFixed(4)},${(133.0 - k * 0.02).toFixed(4)},10.0,250.0`;
    for (let k = 0; k < 20; k++) rows.push(at(k, k * 10));
    for (let k = 20; k < 30; k++) rows.push(at(k, 190 + 600 + (k - 20) * 10)); // silent from 03:10 to 13:10
    // The landing page's counts are kept between requests: an upload must not leave them stale.
    expect(((await (await fetch(`${server.url}/api/stats`)).json()) as any).positions).toBe(0);
    const stream = await fetch(`${server.url}/api/events/stream?type=gap`);
    const eventPromise = nextEvent(stream, (e) => e.mmsi === mmsi);
    const res = await fetch(`${server.url}/api/ingest?filename=feed.csv`, { method: 'POST', body: `${rows.join('\n')}\n`, headers: auth });
    const body = (await res.json()) as any;
    expect(res.status).toBe(201);
    expect(body.ingest.counts.positions).toBe(30);
    const gap = body.events.find((e: any) => e.type === 'gap');
    expect(gap).toMatchObject({ mmsi, start: new Date(t0 + 190 * 60_000).toISOString(), end: new Date(t0 + 790 * 60_000).toISOString() });
    const streamed = await eventPromise;
    expect(streamed.id).toBe(gap.id);
    const stored = (await (await fetch(`${server.url}/api/events?mmsi=${mmsi}&type=gap`)).json()) as any;
    expect(stored.events.map((e: any) => e.id)).toEqual([gap.id]);
    const stats = (await (await fetch(`${server.url}/api/stats`)).json()) as any;
    expect(stats).toMatchObject({ positions: 30, vessels: 1 });
    expect(stats.events_by_type.gap).toBe(1);
    // The upload's events are a detect run of their own, cited by the event's evidence pack.
    const pack = await (await fetch(`${server.url}/api/report?event=${gap.id}&format=html`)).text();
    expect(pack).toMatch(/<td>gap<\/td><td>tumen serve \(live: feed and uploads\)<\/td><td>session started \d{4}-\d\d-\d\d \d\d:\d\d[^<]*<\/td><td>none: defaults below<\/td>/);
    expect(pack).not.toContain('no detect run recorded');
  });

  it('an upload it cannot ingest is a 4xx, not a crash', async () => {
    const res = await fetch(`${server.url}/api/ingest?filename=x.csv&format=teleport`, { method: 'POST', body: 'a,b\n1,2\n', headers: auth });
    expect(res.status).toBe(400);
  });
});

describe('--listen udp: live feed to SSE', () => {
  let store: Store;
  let server: RunningServer;
  beforeAll(async () => {
    store = await Store.open(':memory:');
    server = await startServer({ store, port: 0, token: null, webRoot: null, listen: 'udp://127.0.0.1:0', listenFlushMs: 100 });
  });
  afterAll(async () => { await server?.close(); store?.close(); });

  it('the message closing a 9 h silence reaches SSE subscribers as a gap event', async () => {
    const port = await server.listenPort!;
    const sock = createSocket('udp4');
    const mmsi = 273222333;
    const t0s = Date.UTC(2024, 6, 1) / 1000;
    const line = (k: number, epochS: number) => {
      const { payload, fillBits } = encodePositionA({ type: 1, mmsi, status: 0, speed: 10, lon: 132.5 - k * 0.01, lat: 42.6 - k * 0.005, course: 250, heading: 250, second: 0, accuracy: true } as any);
      return `${tagBlock('rx1', epochS)}${toSentences(payload, fillBits, 'A', 0)[0]}\n`;
    };
    const send = (text: string) => new Promise<void>((r) => sock.send(text, port, '127.0.0.1', () => r()));
    const stream = await fetch(`${server.url}/api/events/stream?type=gap&mmsi=${mmsi}`);
    const eventPromise = nextEvent(stream, (e) => e.type === 'gap');
    for (let k = 0; k < 12; k++) await send(line(k, t0s + k * 600));
    const closeS = t0s + 11 * 600 + 9 * 3600;
    const sentAt = Date.now();
    await send(line(12, closeS));
    const gap = await eventPromise;
    const latencyMs = Date.now() - sentAt;
    sock.close();
    expect(gap).toMatchObject({ mmsi, type: 'gap', start: new Date((t0s + 11 * 600) * 1000).toISOString(), end: new Date(closeS * 1000).toISOString() });
    console.log(`live gap event reached the SSE subscriber ${latencyMs} ms after the closing datagram`);
  });
});
