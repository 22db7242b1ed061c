// The alerts panel in Debian's chromium: an honest empty state with no rule, the rules listed once set, and
// an alert raised by an upload arriving live (SSE) with the ship by name and the list that names it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openWorkbench, type Workbench } from './workbench.js';
import type { RunningServer } from '../../src/server/start.js';

const TOKEN = 'panel-token-0123456789abcdef';
const auth = { authorization: `Bearer ${TOKEN}` };

let wb: Workbench;
let server: RunningServer;
let page: Page;

beforeAll(async () => {
  wb = await openWorkbench({ token: TOKEN });
  ({ server, page } = wb);
  const list = await fetch(`${server.url}/api/lists?format=csv&filename=desk.csv&name=desk`, { method: 'POST', body: 'imo,name,reason\n8660313,CHON MA SAN,UN 1718\n', headers: auth });
  expect(list.status).toBe(201);
}, 240_000);

afterAll(async () => wb?.close());

describe('alerts panel', () => {
  it('says when no rule is set, lists the rules once set, and shows a new alert live with the ship named', async () => {
    await page.goto(`${server.url}/#/`);
    await page.waitForSelector('#triage-alerts .empty');
    expect(await page.textContent('#triage-alerts .empty')).toContain('No watch rule is set');

    const rule = await fetch(`${server.url}/api/watch`, { method: 'POST', body: JSON.stringify({ kind: 'active', lists: ['desk'] }), headers: { ...auth, 'content-type': 'application/json' } });
    expect(rule.status).toBe(201);
    await page.reload();
    // The loading line is a [role=status] too: wait for the panel's live-status line, not the spinner.
    await page.waitForSelector('#triage-alerts [role=status]:not(.loading)');
    expect(await page.textContent('#triage-alerts')).toContain('ship on desk transmitting after ≥ 6 h silent');
    expect(await page.textContent('#triage-alerts .empty')).toBe('The rules have raised no alert yet.');

    const t0 = Date.UTC(2024, 5, 1);
    const rows = ['mmsi,time,lat,lon,speed,course,imo,shipname'];
    for (let k = 0; k < 6; k++) rows.push(`445000002,${new Date(t0 + k * 600_000).toISOString()},42.6,133.1,9.5,90,8660313,CHON MA SAN`);
    expect((await fetch(`${server.url}/api/ingest?filename=feed.csv`, { method: 'POST', body: `${rows.join('\n')}\n`, headers: auth })).status).toBe(201);
    await page.waitForSelector('#triage-alerts tr[data-kind=listed_active]');
    const text = await page.textContent('#triage-alerts tr[data-kind=listed_active]');
    expect(text).toContain('CHON MA SAN');
    expect(text).toContain('listed: desk: CHON MA SAN');
    expect(await page.textContent('#triage-alerts [role=status]')).toMatch(/^New alert: listed ship CHON MA SAN/);
  }, 240_000);
  it('rules are added, edited and removed in the panel with the write token; a wrong token is refused, saying why', async () => {
    await page.goto(`${server.url}/#/`);
    await page.waitForSelector('#watch-rules li');
    const rules = () => page.locator('#watch-rules li').allTextContents();
    expect(await rules()).toHaveLength(1);
    await page.click('#rule-editor summary');
    await page.selectOption('#rule-form select[name=kind]', 'listed_encounter');
    expect(await page.isVisible('#rule-form input[name=imo]')).toBe(false);
    await page.fill('#rule-form input[name=lists]', 'desk');
    await page.fill('#rule-form input[name=label]', 'STS desk');
    await page.fill('#rule-form input[name=token]', 'wrong-token-0123456789');
    await page.click('#rule-save');
    await page.waitForFunction(() => document.querySelector('#rule-status')?.textContent?.startsWith('Not saved:'));
    expect(await rules()).toHaveLength(1);

    await page.fill('#rule-form input[name=token]', TOKEN);
    await page.click('#rule-save');
    await page.waitForFunction(() => document.querySelectorAll('#watch-rules li').length === 2);
    expect((await rules()).find((t) => t.includes('STS desk'))).toContain('encounter');

    // Edit the listed-active rule: new conditions make a new rule, the old one goes.
    const before = ((await (await fetch(`${server.url}/api/watch`)).json()) as any).rules.map((r: any) => r.rule.id);
    await page.locator('#watch-rules li', { hasText: 'transmitting' }).locator('button.rule-edit').click();
    expect(await page.inputValue('#rule-form input[name=quietH]')).toBe('6');
    await page.fill('#rule-form input[name=quietH]', '12');
    await page.click('#rule-save');
    await page.waitForFunction(() => document.querySelector('#watch-rules')?.textContent?.includes('≥ 12 h'));
    const after = ((await (await fetch(`${server.url}/api/watch`)).json()) as any).rules;
    expect(after).toHaveLength(2);
    expect(after.map((r: any) => r.rule.quietH).filter(Boolean)).toEqual([12]);
    expect(after.map((r: any) => r.rule.id).filter((id: string) => !before.includes(id))).toHaveLength(1);

    await page.locator('#watch-rules li', { hasText: 'STS desk' }).locator('button.rule-remove').click();
    await page.waitForFunction(() => document.querySelectorAll('#watch-rules li').length === 1);
    expect(((await (await fetch(`${server.url}/api/watch`)).json()) as any).rules.map((r: any) => r.rule.kind)).toEqual(['listed_active']);

    // A dark rule that alerts on every silence (coverage holes too): the box is kept through an edit.
    await page.click('#rule-editor summary');
    await page.selectOption('#rule-form select[name=kind]', 'dark_near_port');
    await page.fill('#rule-form input[name=imo]', '9074729');
    await page.check('#rule-form input[name=anySilence]');
    await page.click('#rule-save');
    await page.waitForFunction(() => document.querySelector('#watch-rules')?.textContent?.includes('any silence (coverage holes too)'));
    const dark = ((await (await fetch(`${server.url}/api/watch`)).json()) as any).rules.find((r: any) => r.rule.kind === 'dark_near_port');
    expect(dark.rule).toMatchObject({ imo: '9074729', anySilence: true });
    await page.locator('#watch-rules li', { hasText: 'any silence' }).locator('button.rule-edit').click();
    expect(await page.isChecked('#rule-form input[name=anySilence]')).toBe(true);
  }, 240_000);
});
