// `tumen watch add|list|rm|alerts|log` and `tumen detect` raising the alerts over a small store: a listed
// ship active and a watched ship going dark 20 km off Vostochny; a second detect raises nothing new.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tumen } from '../cli-harness.js';

const T0 = Date.UTC(2024, 5, 1);
let dir: string;
let db: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tumen-watch-'));
  db = join(dir, 'store.duckdb');
  const rows = ['mmsi,time,lat,lon,speed,course,imo,shipname'];
  const at = (m: number, min: number, lat: number, lon: number, imo: string, name: string) => `${m},${new Date(T0 + min * 60_000).toISOString()},${lat},${lon},9.5,90,${imo},${name}`;
  for (let k = 0; k <= 6; k++) rows.push(at(273000111, k * 10, 42.58, 133.0, '9074729', 'SIBIR'));
  for (let k = 0; k <= 54; k++) rows.push(at(445000002, 5 + k * 10, 42.6, 133.1, '8660313', 'CHON MA SAN'));
  await writeFile(join(dir, 'feed.csv'), `${rows.join('\n')}\n`);
  await writeFile(join(dir, 'desk.csv'), 'imo,name,reason\n8660313,CHON MA SAN,UN 1718\n');
  expect((await tumen(['ingest', join(dir, 'feed.csv'), '--db', db])).status).toBe(0);
  expect((await tumen(['lists', 'import', join(dir, 'desk.csv'), '--source', 'csv', '--name', 'desk', '--db', db])).status).toBe(0);
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('tumen watch', () => {
  it('refuses a rule it cannot evaluate, with exit 2 and the reason', async () => {
    const bad = await tumen(['watch', 'add', 'dark', '--imo', '9074729', '--near', 'Busan', '--db', db]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown port of interest "Busan"');
    const unsigned = await tumen(['watch', 'add', 'active', '--webhook', 'https://example.org/hook', '--db', db]);
    expect(unsigned.status).toBe(2);
    expect(unsigned.stderr).toContain('webhooks are signed (HMAC-SHA256)');
    const missing = await tumen(['watch', 'add', 'active', '--db', join(dir, 'nope.duckdb')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no store at');
  });

  it('adds rules, lists them by ship name, and detect raises each alert once', async () => {
    const dark = await tumen(['watch', 'add', 'dark', '--imo', '9074729', '--near', 'Vostochny,Rajin', '--within-km', '40', '--any-silence', '--db', db]);
    expect(dark.status).toBe(0);
    expect(dark.stdout).toMatch(/^added w[0-9a-f]{8}: IMO 9074729 silent ≥ 6 h within 40 km of KPNJN, RUVYP, any silence \(coverage holes too\) — SIBIR \(RU, IMO 9074729, MMSI 273000111\)/);
    // The same watch without --any-silence: a one-hour, seven-position track with nobody else's reception
    // around never shows the silence to be more than a coverage hole.
    expect((await tumen(['watch', 'add', 'dark', '--imo', '9074729', '--near', 'Vostochny', '--db', db])).status).toBe(0);
    expect((await tumen(['watch', 'add', 'active', '--lists', 'desk', '--db', db])).status).toBe(0);
    expect((await tumen(['watch', 'add', 'encounter', '--db', db])).status).toBe(0);
    const again = await tumen(['watch', 'add', 'encounter', '--label', 'STS', '--db', db]);
    expect(again.stdout).toMatch(/^updated w/);
    const list = await tumen(['watch', 'list', '--db', db]);
    expect(list.stdout.match(/^w[0-9a-f]{8} /gm)).toHaveLength(4);
    expect(list.stdout).toContain('"STS"');

    const first = await tumen(['detect', '--db', db]);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('alerts: 2 new, 0 already stored, from 4 watch rules');
    expect(first.stdout).toContain('dark-near-port silences not alerted (the reception did not show them intentional): 0 never, 0 heard again first, 1 unconfirmed when the data end');
    expect(first.stdout).toContain('dark_near_port  SIBIR (RU, IMO 9074729, MMSI 273000111) went dark 20.1 km from Vostochny (RU) at 2024-06-01 01:00 UTC, silent ≥ 6 h');
    expect(first.stdout).toContain('listed_active  listed ship CHON MA SAN');
    const second = await tumen(['detect', '--db', db]);
    expect(second.stdout).toContain('alerts: 0 new, 2 already stored');

    const alerts = await tumen(['watch', 'alerts', '--db', db, '--json']);
    const parsed = JSON.parse(alerts.stdout) as Array<{ kind: string; mmsi: number; vessel: { name: string } }>;
    expect(parsed.map((a) => [a.kind, a.vessel.name])).toEqual([['dark_near_port', 'SIBIR'], ['listed_active', 'CHON MA SAN']]);
    expect((await tumen(['watch', 'alerts', '--since', '2024-06-01T00:30', '--db', db])).stdout.trim().split('\n')).toHaveLength(1);
    expect((await tumen(['watch', 'alerts', '--since', '03/02/2024', '--db', db])).status).toBe(2);
    expect((await tumen(['watch', 'log', '--db', db])).stdout).toBe('no webhook deliveries logged\n');
  }, 60_000);

  it('removes a rule by id; an unknown id is exit 1', async () => {
    const id = /^(w[0-9a-f]{8}) {2}listed_encounter/m.exec((await tumen(['watch', 'list', '--db', db])).stdout)![1]!;
    expect((await tumen(['watch', 'rm', id, '--db', db])).stdout).toBe(`removed ${id}\n`);
    const gone = await tumen(['watch', 'rm', id, '--db', db]);
    expect(gone.status).toBe(1);
    expect(gone.stderr).toContain(`no rule ${id}`);
  });
});
