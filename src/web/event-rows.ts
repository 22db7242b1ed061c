// Event tables shared by the triage page and the event list: ship names (not MMSIs), what and where
// (port or likely candidate ports), when, risk; each row a link reachable by keyboard.
import type { TumenEventJson } from './api.js';
import { api } from './api.js';
import { badge, el, fmtTime, vesselLink } from './dom.js';

export type RiskMap = Record<string, { level: string; score: number }>;

/** The ships of these events, sorted (the key of a risk request; the API takes 200 at most). */
export function riskMmsis(events: TumenEventJson[]): number[] {
  return [...new Set(events.flatMap((e) => (e.other_mmsi ? [e.mmsi, e.other_mmsi] : [e.mmsi])))].sort((a, b) => a - b).slice(0, 200);
}

/** Risk levels of the ships in these events, one request; rejects when the API does not answer. */
export async function fetchRisk(events: TumenEventJson[]): Promise<RiskMap> {
  const mmsis = riskMmsis(events);
  if (mmsis.length === 0) return {};
  return (await api<{ risk: RiskMap }>(`api/risk?mmsi=${mmsis.join(',')}`)).risk;
}

/** `fetchRisk` asked once per distinct ship set: sections holding the same ships share one answer
 *  (a failed answer is forgotten, so a retry asks again). */
export function sharedRisk(): (events: TumenEventJson[]) => Promise<RiskMap> {
  const asked = new Map<string, Promise<RiskMap>>();
  return (events) => {
    const key = riskMmsis(events).join(',');
    let p = asked.get(key);
    if (!p) {
      p = fetchRisk(events);
      asked.set(key, p);
      p.catch(() => asked.delete(key));
    }
    return p;
  };
}

/** "Najin/Rajin (KP)" or "likely Najin/Rajin 41 % · Senbong 30 %" (score shares among the candidates). */
export function whereText(e: TumenEventJson): string {
  if (e.port) return `${e.type === 'dark_port_call' ? 'inferred ' : ''}${e.port.name} (${e.port.country})`;
  const c = e.candidates ?? [];
  if (c.length) {
    const total = c.reduce((s, x) => s + (x.score ?? x.feasibility), 0) || 1;
    return `likely ${c.slice(0, 2).map((x) => `${x.name} ${Math.round(((x.score ?? x.feasibility) / total) * 100)} %`).join(' · ')}`;
  }
  return '';
}

export function lengthText(e: TumenEventJson): string {
  if (e.duration_h !== undefined) return `${Number(e.duration_h).toFixed(1)} h`;
  if (e.start && e.end) return `${((Date.parse(e.end) - Date.parse(e.start)) / 3_600_000).toFixed(1)} h`;
  return e.end ? '' : 'open';
}

function riskCell(risk: RiskMap, mmsi: number): Node | string {
  const r = risk[String(mmsi)];
  return r ? el('span', { class: `risk ${r.level}` }, `${r.level} (${r.score})`) : '';
}

/** A risk cell that shows a loading mark until `risk` answers, then the level, or says it is not available. */
function pendingRiskCell(risk: Promise<RiskMap>, mmsi: number): HTMLElement {
  const td = el('td', { class: 'risk-cell', 'aria-busy': 'true' }, el('span', { class: 'risk-pending', title: 'risk loading' }, '…'));
  risk.then((r) => { td.replaceChildren(riskCell(r, mmsi)); },
    () => { td.replaceChildren(el('span', { class: 'risk-na' }, 'risk not available')); })
    .finally(() => td.removeAttribute('aria-busy'));
  return td;
}

/** A table of events; a row opens the event (click, Enter or Space). With a pending `risk` the rows show
 *  at once and the risk column fills when it answers. */
export function eventTable(events: TumenEventJson[], risk: RiskMap | Promise<RiskMap>, opts: { selectedId?: string | null; caption?: string } = {}): HTMLTableElement {
  const table = el('table', { class: 'events' });
  if (opts.caption) table.append(el('caption', {}, opts.caption));
  table.append(el('thead', {}, el('tr', {}, ...['type', 'ship', 'where', 'start (UTC)', 'length', 'risk'].map((h) => el('th', { scope: 'col' }, h)))));
  const body = el('tbody');
  for (const e of events) {
    const ship = el('span', {}, vesselLink(e.vessel, e.mmsi));
    if (e.other_mmsi) ship.append(' ↔ ', vesselLink(e.other_vessel, e.other_mmsi));
    const tr = el('tr', { 'data-id': e.id, tabindex: 0, role: 'link', 'aria-label': `${e.type} ${e.vessel?.name ?? e.mmsi} ${e.start}` },
      el('td', {}, badge(e.type), e.intentional ? el('span', { class: 'flag-intentional', title: 'looks intentional' }, ' intentional') : ''),
      el('td', {}, ship), el('td', {}, whereText(e)), el('td', {}, fmtTime(e.start)), el('td', {}, lengthText(e)),
      risk instanceof Promise ? pendingRiskCell(risk, e.mmsi) : el('td', {}, riskCell(risk, e.mmsi)));
    if (e.id === opts.selectedId) tr.classList.add('selected');
    const open = () => { location.hash = `#/event/${encodeURIComponent(e.id)}`; };
    tr.addEventListener('click', (ev) => { if (!(ev.target as HTMLElement).closest('a')) open(); });
    tr.addEventListener('keydown', (ev) => { if ((ev.key === 'Enter' || ev.key === ' ') && ev.target === tr) { ev.preventDefault(); open(); } });
    body.append(tr);
  }
  table.append(body);
  return table;
}
