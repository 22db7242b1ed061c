// The alerts panel on the landing page: what the desk's watch rules raised (newest first, ships by name,
// the port a ship went dark near, the list that makes a ship listed), new ones arriving live over SSE when
// the server runs a feed, and an honest line when no rule is set or nothing was raised; the rules themselves
// are edited here too (rule-editor.ts) when the server takes writes.
import type { Alert } from '../alerts/types.js';
import { ruleEditor, type RuleRow } from './rule-editor.js';
import { api } from './api.js';
import { el, errorBox, fmtTime, loading, vesselLink, type VesselLabelJson } from './dom.js';

type AlertJson = Alert & { raised_at: string; text: string; vessel?: VesselLabelJson; other_vessel?: VesselLabelJson };

const KIND_TEXT: Record<Alert['kind'], string> = {
  dark_near_port: 'went dark near a port',
  listed_encounter: 'encounter with a listed ship',
  listed_active: 'listed ship active',
};

function what(a: AlertJson): Node {
  const lists = [...new Set((a.listings ?? []).map((l) => `${l.list}: ${l.name}`))].join('; ');
  switch (a.kind) {
    case 'dark_near_port':
      return el('span', {}, `${a.port?.distance_km} km from ${a.port?.name} (${a.port?.country}), silent ≥ ${String(a.evidence.silent_h_at_alert)} h; ${String(a.evidence.heard_nearby_vessels)} other ships heard nearby`);
    case 'listed_encounter':
      return el('span', {}, 'with ', vesselLink(a.other_vessel, a.other_mmsi!), ` · listed: ${lists} `, a.event_id ? el('a', { href: `#/event/${encodeURIComponent(a.event_id)}` }, 'encounter →') : '');
    case 'listed_active':
      return el('span', {}, `${String(a.evidence.reason)} · listed: ${lists}`);
  }
}

function row(a: AlertJson): HTMLTableRowElement {
  return el('tr', { 'data-id': a.id, 'data-kind': a.kind, title: a.text },
    el('td', {}, fmtTime(a.time)), el('td', {}, KIND_TEXT[a.kind]), el('td', {}, vesselLink(a.vessel, a.mmsi)), el('td', {}, what(a)));
}

export function alertsPanel(): HTMLElement {
  const box = el('section', { id: 'triage-alerts', 'aria-labelledby': 'h-alerts' }, el('h3', { id: 'h-alerts' }, 'Alerts from watch rules'), loading('Loading alerts…'));
  const load = async (): Promise<void> => {
    let rules: RuleRow[];
    let writes: boolean;
    let alerts: AlertJson[];
    let live: boolean;
    try {
      [{ rules, writes }, { alerts, live }] = await Promise.all([api<{ rules: RuleRow[]; writes: boolean }>('api/watch'), api<{ alerts: AlertJson[]; live: boolean }>('api/alerts?limit=20')]);
    } catch (err) {
      box.replaceChildren(el('h3', { id: 'h-alerts' }, 'Alerts from watch rules'), errorBox(err, () => void load()));
      return;
    }
    const title = el('h3', { id: 'h-alerts' }, `Alerts from watch rules (${alerts.length}${alerts.length >= 20 ? '+' : ''})`);
    const editor = ruleEditor(rules, writes, () => void load());
    if (rules.length === 0) {
      box.replaceChildren(title, el('p', { class: 'muted empty' }, `No watch rule is set, so nothing is watched: ${writes ? 'add one below, or ' : ''}\`tumen watch add dark --imo IMO --near Rajin\`, \`tumen watch add encounter\`, \`tumen watch add active\`.`), editor);
      return;
    }
    const body = el('tbody', {}, ...alerts.map(row));
    const status = el('p', { class: 'muted', role: 'status', 'aria-live': 'polite' },
      `${rules.length} rule(s): ${rules.map((r) => r.text).join(' · ')}. ${live ? 'New alerts appear here as the feed brings them.' : 'Evaluated by `tumen detect`; this server has no live feed.'}`);
    const tableEl = el('table', { class: 'alerts' }, el('thead', {}, el('tr', {}, ...['time (UTC)', 'alert', 'ship', 'why'].map((h) => el('th', {}, h)))), body);
    box.replaceChildren(title, status, alerts.length ? tableEl : el('p', { class: 'muted empty' }, 'The rules have raised no alert yet.'), editor);
    if (!live) return;
    const source = new EventSource('api/alerts/stream');
    source.addEventListener('tumen-alert', (m) => {
      if (!document.contains(box)) { source.close(); return; }
      const a = JSON.parse((m as MessageEvent<string>).data) as AlertJson;
      if (!box.contains(tableEl)) box.replaceChildren(title, status, tableEl, editor);
      body.prepend(row(a));
      status.textContent = `New alert: ${a.text}`;
    });
  };
  void load();
  return box;
}
