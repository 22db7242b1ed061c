// GET /api/report: the evidence pack over HTTP, validated like every route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/db.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { fillStore } from './fixture-store.js';

let store: Store;
let server: RunningServer;

beforeAll(async () => {
  store = await Store.open(':memory:');
  await fillStore(store);
  server = await startServer({ store, port: 0, token: null, webRoot: null });
}, 60_000);

afterAll(async () => {
  await server.close();
  store.close();
});

const get = (q: string) => fetch(`${server.url}/api/report?${q}`);

describe('GET /api/report', () => {
  it('gives a ship\'s pack as an HTML attachment that names the CLI command making the same pack', async () => {
    const res = await get('vessel=ANGARA');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="tumen-report-imo9179842.html"');
    const html = await res.text();
    expect(html).toContain('<svg class="print-map"');
    expect(html).toContain('tumen report ANGARA --db :memory: --format html');
    // No ingest log in this store: nothing says whether the data are simulated, and the pack says so.
    expect(html).toContain('Could not check whether the data are simulated');
  });

  it('gives an event\'s pack as KMZ', async () => {
    const res = await get('event=enc-1&format=kmz');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="tumen-report-enc-1.kmz"');
    expect([...new Uint8Array(await res.arrayBuffer()).slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('refuses bad requests (400) and unknown subjects (404) with a message', async () => {
    const cases: Array<[string, number, RegExp]> = [
      ['', 400, /one of vessel, event or events/],
      ['vessel=ANGARA&event=enc-1', 400, /one of vessel, event or events/],
      ['event=enc-1&events=type%3Dgap', 400, /one of vessel, event or events/],
      ['events=type%3Dgap%26colour%3Dred', 400, /events selection "type=gap&colour=red"/],
      ['events=type%3Dspoofing', 404, /no event matches the selection/],
      ['vessel=ANGARA&format=docx', 400, /format/],
      ['vessel=ANGARA&from=03/02/2024', 400, /from must be an ISO-8601 time/],
      ['vessel=NOBODY', 404, /no vessel matching "NOBODY"/],
      ['event=nope', 404, /no event "nope"/],
    ];
    for (const [q, status, msg] of cases) {
      const res = await get(q);
      expect(res.status, q).toBe(status);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(msg);
    }
  });
});
