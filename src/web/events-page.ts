// The event list (#/events?type=&port=&risk=&from=&to=&mmsi=&intentional=): every filter of the API in the
// form and in the URL (a permalink; Apply adds a history entry, so back/forward walk the searches).
import { api, query, type TumenEventJson } from './api.js';
import { el, errorBox, loading } from './dom.js';
import { eventTable, fetchRisk } from './event-rows.js';
import type { TumenMap } from './map.js';
import { packLinks } from './pack-links.js';
import { EVENT_TYPE_INFO } from '../events/types.js';

const FIELDS = ['type', 'port', 'risk', 'from', 'to', 'mmsi', 'intentional'] as const;
type Filters = Record<(typeof FIELDS)[number], string>;

/** datetime-local values are read as UTC (the whole UI speaks UTC). */
const toIso = (local: string): string => (local ? (local.length === 10 ? local : `${local.slice(0, 16)}:00Z`) : '');

export async function renderEventsPage(side: HTMLElement, map: TumenMap, initial: URLSearchParams): Promise<void> {
  const f = Object.fromEntries(FIELDS.map((k) => [k, initial.get(k) ?? ''])) as Filters;
  const typeSel = el('select', { name: 'type', id: 'f-type' }, el('option', { value: '' }, 'all types'),
    ...EVENT_TYPE_INFO.map((t) => el('option', { value: t.type }, t.label)));
  if (!f.type.includes(',')) typeSel.value = f.type;
  const port = el('input', { name: 'port', id: 'f-port', placeholder: 'e.g. KPNJN', value: f.port, list: 'port-ids' });
  const risk = el('select', { name: 'risk', id: 'f-risk' }, el('option', { value: '' }, 'any risk'),
    ...['medium', 'high', 'sanctioned'].map((r) => el('option', { value: r }, `${r} or above`)));
  risk.value = f.risk;
  const from = el('input', { name: 'from', id: 'f-from', type: 'datetime-local', value: f.from.slice(0, 16) });
  const to = el('input', { name: 'to', id: 'f-to', type: 'datetime-local', value: f.to.slice(0, 16) });
  const mmsi = el('input', { name: 'mmsi', id: 'f-mmsi', inputmode: 'numeric', placeholder: 'MMSI', value: f.mmsi });
  const intentional = el('input', { name: 'intentional', id: 'f-intentional', type: 'checkbox', checked: f.intentional === '1' });
  const form = el('form', { class: 'filters', id: 'filters' },
    el('label', {}, 'Type', typeSel), el('label', {}, 'Port (id)', port), el('label', {}, 'Risk', risk), el('label', {}, 'MMSI', mmsi),
    el('label', {}, 'From (UTC)', from), el('label', {}, 'To (UTC)', to),
    el('label', { class: 'check' }, intentional, ' only gaps that look intentional'),
    el('div', { class: 'row' }, el('button', { type: 'submit' }, 'Apply'), el('button', { type: 'reset' }, 'Clear')));
  const status = el('p', { class: 'muted', id: 'event-count', role: 'status' });
  const list = el('div', { id: 'events' }, loading('Loading events…'));
  const more = el('button', { id: 'more', hidden: true, type: 'button' }, 'Load more');
  const exports = el('div', { class: 'exports', id: 'event-exports' });
  side.replaceChildren(el('a', { href: '#/' }, '← triage'), el('h2', {}, 'Events'), form, exports, status, list, more);

  const apiParams = { type: f.type, port: f.port, risk: f.risk, from: toIso(f.from), to: toIso(f.to), mmsi: f.mmsi };
  let events: TumenEventJson[] = [];
  let cursor: string | null = null;
  const q = query(apiParams);
  exports.append(el('span', { class: 'muted' }, 'Export selection:'),
    ...['geojson', 'kml', 'csv'].map((fmt) => el('a', { href: `api/events/export/${fmt}${q}`, download: `tumen-events.${fmt}`, 'data-export': fmt }, fmt.toUpperCase())));
  // The selection's evidence pack, made by the server as `tumen report --events` makes it: print map, names,
  // candidate ports, input files with SHA-256, the commands that make it again.
  const selection = query({ ...apiParams, intentional: f.intentional === '1' ? '1' : '' }).replace(/^\?/, '');
  exports.append(...packLinks('event-report', `events=${encodeURIComponent(selection)}`));

  const load = async (append: boolean): Promise<void> => {
    if (!append) list.replaceChildren(loading('Loading events…'));
    try {
      const page = await api<{ events: TumenEventJson[]; next_cursor: string | null }>(`api/events${query({ ...apiParams, limit: 200, cursor: append ? cursor : null })}`);
      const got = f.intentional === '1' ? page.events.filter((e) => e.intentional === true) : page.events;
      events = append ? [...events, ...got] : got;
      cursor = page.next_cursor;
      status.textContent = `${events.length} event${events.length === 1 ? '' : 's'}${cursor ? ' (more available)' : ''}`;
      list.replaceChildren(events.length ? eventTable(events, fetchRisk(events)) : el('p', { class: 'muted empty' }, 'No event matches these filters.'));
      more.hidden = !cursor;
      map.setEvents(events);
      if (!append && events.length && !initial.has('map')) map.fitTo(events.map((e) => [e.lon, e.lat]));
    } catch (err) {
      list.replaceChildren(errorBox(err, () => void load(append)));
    }
  };

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const next = { type: typeSel.value, port: port.value.trim(), risk: risk.value, from: from.value, to: to.value, mmsi: mmsi.value.trim(), intentional: intentional.checked ? '1' : '' };
    location.hash = `#/events${query(next)}`;
  });
  form.addEventListener('reset', (ev) => { ev.preventDefault(); location.hash = '#/events'; });
  more.addEventListener('click', () => void load(true));
  map.onEventClick = (e) => { location.hash = `#/event/${encodeURIComponent(e.id)}`; };
  map.setTracks([]);
  map.setPlayhead(null);
  map.setSelection(null);
  await load(false);
}
