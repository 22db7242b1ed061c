// The home page: event list with filters beside the map; selecting an event shows its geometry.
import { api, query, type TumenEventJson } from './api.js';
import { el, fmtTime, table } from './dom.js';
import type { TumenMap } from './map.js';
import { downloadReport } from './report.js';
import { EVENT_TYPE_INFO } from '../events/types.js';


interface Filters { type: string; from: string; to: string; mmsi: string }

const toIso = (local: string): string => (local ? `${local}:00Z` : '');

export function renderEventsPage(side: HTMLElement, map: TumenMap, initial: URLSearchParams): void {
  const f: Filters = { type: initial.get('type') ?? '', from: initial.get('from') ?? '', to: initial.get('to') ?? '', mmsi: initial.get('mmsi') ?? '' };
  const typeSel = el('select', { name: 'type' }, el('option', { value: '' }, 'all types'), ...EVENT_TYPE_INFO.map((t) => el('option', { value: t.type }, t.label)));
  typeSel.value = f.type;
  const from = el('input', { name: 'from', type: 'datetime-local', value: f.from });
  const to = el('input', { name: 'to', type: 'datetime-local', value: f.to });
  const mmsi = el('input', { name: 'mmsi', inputmode: 'numeric', placeholder: 'MMSI', value: f.mmsi });
  const form = el('form', { class: 'filters', id: 'filters' },
    el('label', {}, 'Type', typeSel), el('label', {}, 'MMSI', mmsi),
    el('label', {}, 'From (UTC)', from), el('label', {}, 'To (UTC)', to),
    el('div', { class: 'row' }, el('button', { type: 'submit' }, 'Apply'), el('button', { type: 'reset' }, 'Clear')));
  const status = el('p', { class: 'muted', id: 'event-count' });
  const list = el('div', { id: 'events' });
  const more = el('button', { id: 'more', hidden: true }, 'Load more');
  const exports = el('div', { class: 'exports', id: 'event-exports' });
  const detail = el('div', { id: 'event-detail' });
  side.replaceChildren(el('h2', {}, 'Events'), form, exports, status, list, more, detail);

  let events: TumenEventJson[] = [];
  let cursor: string | null = null;
  let selectedId: string | null = null;

  const params = () => ({ type: typeSel.value, from: toIso(from.value), to: toIso(to.value), mmsi: mmsi.value.trim() });

  const renderExports = () => {
    const q = query(params());
    exports.replaceChildren(
      el('span', { class: 'muted' }, 'Export selection:'),
      ...['geojson', 'kml', 'csv'].map((fmt) => el('a', { href: `api/events/export/${fmt}${q}`, download: `tumen-events.${fmt}`, 'data-export': fmt }, fmt.toUpperCase())),
      Object.assign(el('button', { type: 'button', id: 'event-report' }, 'Evidence report'), {
        onclick: () => void downloadReport({ map, title: 'Tumen evidence report: event selection', filename: 'tumen-events-report.html', events: events as never, selection: q || '(all events)' }),
      }),
    );
  };

  const renderList = () => {
    status.textContent = `${events.length} event${events.length === 1 ? '' : 's'}${cursor ? ' (more available)' : ''}`;
    const rows = events.map((e) => [el('span', { class: `badge ${e.type}` }, e.type), e.mmsi, fmtTime(e.start), e.duration_h !== undefined ? `${Number(e.duration_h).toFixed(1)} h` : fmtTime(e.end)]);
    const t = table(['type', 'MMSI', 'start (UTC)', 'end / length'], rows);
    t.querySelectorAll('tbody tr').forEach((tr, i) => {
      const e = events[i];
      tr.setAttribute('data-id', e.id);
      if (e.id === selectedId) tr.classList.add('selected');
      tr.addEventListener('click', () => void select(e));
    });
    list.replaceChildren(t);
    more.hidden = !cursor;
    map.setEvents(events);
  };

  const load = async (append: boolean) => {
    try {
      const page = await api<{ events: TumenEventJson[]; next_cursor: string | null }>(`api/events${query({ ...params(), limit: 200, cursor: append ? cursor : null })}`);
      events = append ? [...events, ...page.events] : page.events;
      cursor = page.next_cursor;
      renderList();
      renderExports();
      if (!append && events.length) map.fitTo(events.map((e) => [e.lon, e.lat]));
    } catch (err) {
      status.replaceChildren(el('span', { class: 'error' }, (err as Error).message));
    }
  };

  const select = async (e: TumenEventJson) => {
    selectedId = e.id;
    list.querySelectorAll('tr.selected').forEach((r) => r.classList.remove('selected'));
    list.querySelector(`tr[data-id="${CSS.escape(e.id)}"]`)?.classList.add('selected');
    const fc = await api<GeoJSON.FeatureCollection>(`api/events/${encodeURIComponent(e.id)}/context`);
    map.setSelection(fc);
    const pts: Array<[number, number]> = [[e.lon, e.lat]];
    for (const feat of fc.features) {
      const g = feat.geometry;
      if (g.type === 'Point') pts.push(g.coordinates as [number, number]);
      if (g.type === 'LineString') pts.push(...(g.coordinates as Array<[number, number]>));
      if (g.type === 'MultiLineString') for (const l of g.coordinates) pts.push(...(l as Array<[number, number]>));
    }
    map.fitTo(pts);
    const partner = e.other_mmsi ? el('a', { href: `#/vessel/${e.other_mmsi}` }, String(e.other_mmsi)) : null;
    detail.replaceChildren(el('div', { class: 'detail', id: 'selected-event' },
      el('h3', {}, `${e.type} · `, el('a', { href: `#/vessel/${e.mmsi}` }, String(e.mmsi)), partner ? ' ↔ ' : '', partner),
      table(['field', 'value'], [
        ['start', e.start], ['end', e.end ?? 'open'], ['position', `${e.lat.toFixed(4)}, ${e.lon.toFixed(4)}`],
        ...(e.port ? [['port', `${e.port.name} (${e.port.country})`]] : []),
        ...(e.candidates ?? []).map((c) => ['candidate port', `${c.name} (${c.country}) feasibility ${c.feasibility}`]),
        ...Object.entries(e.evidence).map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)]),
      ])));
  };

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const p = params();
    history.replaceState(null, '', `#/${query({ type: p.type, from: from.value, to: to.value, mmsi: p.mmsi })}`);
    void load(false);
  });
  form.addEventListener('reset', () => setTimeout(() => form.requestSubmit(), 0));
  more.addEventListener('click', () => void load(true));
  map.onEventClick = (e) => void select(e);
  map.setTracks([]);
  map.setPlayhead(null);
  map.setSelection(null);
  void load(false);
}
