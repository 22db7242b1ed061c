// The landing page: what matters first. Dark port calls (at ports of interest), ship-to-ship encounters,
// spoofing and shared MMSIs, identity changes, intentional-looking gaps and the activity of listed ships,
// each with names, inferred ports and risk. Port visits only on demand (a link to the event list).
import { api, query, sharedPorts, type TumenEventJson } from './api.js';
import { el, errorBox, loading } from './dom.js';
import { eventTable, sharedRisk } from './event-rows.js';
import { alertsPanel } from './alerts-panel.js';
import type { TumenMap } from './map.js';
import type { PortLabel } from './map.js';
import { TRIAGE_FILTERS, TRIAGE_REQUESTS, triageEventsUrl, triageFrom } from './first-requests.js';

interface Section { id: string; title: string; params: Record<string, string>; filter?: (e: TumenEventJson) => boolean; empty: string }

/** The sections' texts; their event filters are in first-requests.ts (early.js asks for them too). */
const TEXTS: Record<string, Omit<Section, 'id' | 'params'>> = {
  'dark-calls': { title: 'Dark port calls at ports of interest', empty: 'No dark port call in this window.' },
  sts: { title: 'Ship-to-ship encounters', empty: 'No encounter in this window.' },
  spoofing: { title: 'Spoofing and shared MMSIs', empty: 'No spoofing or shared MMSI in this window.' },
  identity: { title: 'Identity changes', empty: 'No identity change in this window.' },
  gaps: { title: 'Gaps that look intentional', filter: (e) => e.intentional === true, empty: 'No intentional-looking gap in this window.' },
  listed: { title: 'Listed ships active', empty: 'No listed ship active in this window.' },
};
const SECTIONS: Section[] = TRIAGE_FILTERS.map((f) => ({ ...f, ...TEXTS[f.id] }));

export async function renderTriagePage(side: HTMLElement, map: TumenMap, params: URLSearchParams): Promise<void> {
  const port = params.get('port') ?? '';
  const window = params.get('window') ?? 'week';
  side.replaceChildren(el('h2', {}, 'What matters first'), loading('Loading the triage…'));
  let stats: { last_position: string | null; first_position: string | null; events: number; events_by_type: Record<string, number> };
  let ports: PortLabel[];
  let lists: unknown[];
  try {
    [stats, { ports }, { lists }] = await Promise.all([
      api<typeof stats>(TRIAGE_REQUESTS[0]), sharedPorts<{ ports: PortLabel[] }>(), api<{ lists: unknown[] }>(TRIAGE_REQUESTS[2]),
    ]);
  } catch (err) {
    side.replaceChildren(el('h2', {}, 'What matters first'), errorBox(err, () => void renderTriagePage(side, map, params)));
    return;
  }
  const lastMs = stats.last_position ? Date.parse(stats.last_position) : null;
  const fromIso = triageFrom(stats.last_position, window);
  const poi = ports.filter((p) => p.role !== null);
  const portSel = el('select', { name: 'port', id: 'triage-port' }, el('option', { value: '' }, 'all ports of interest'),
    ...poi.map((p) => el('option', { value: p.id }, `${p.name} (${p.country})`)));
  portSel.value = port;
  const windowSel = el('select', { name: 'window', id: 'triage-window' },
    el('option', { value: 'week' }, lastMs !== null ? `last 7 days of data (to ${stats.last_position!.slice(0, 10)})` : 'last 7 days of data'),
    el('option', { value: 'all' }, 'all time'));
  windowSel.value = window;
  const form = el('form', { class: 'filters', id: 'triage-filters' },
    el('label', {}, 'Near port', portSel), el('label', {}, 'Window', windowSel));
  form.addEventListener('change', () => { location.hash = `#/${query({ port: portSel.value, window: windowSel.value === 'week' ? '' : windowSel.value })}`; });

  const sections = el('div', { id: 'triage' });
  const listedNote = lists.length === 0
    ? el('p', { class: 'notice', id: 'no-lists' }, 'No sanctions list is loaded, so listed ships cannot be picked out: run `tumen lists import FILE`.')
    : null;
  side.replaceChildren(el('h2', {}, 'What matters first'), form,
    el('p', { class: 'muted' }, `${stats.events} events in the store. `, el('a', { href: '#/events?type=port_visit' }, `Port visits (${stats.events_by_type.port_visit ?? 0})`), ' · ',
      el('a', { href: '#/events' }, 'all events'), ' · ', el('a', { href: '#/fleet' }, 'screen a fleet')),
    listedNote ?? '', alertsPanel(), sections);

  const all: TumenEventJson[] = [];
  const wanted = SECTIONS.filter((s) => s.id !== 'listed' || lists.length > 0);
  const blocks = wanted.map((s) => {
    const box = el('section', { id: `triage-${s.id}`, 'aria-labelledby': `h-${s.id}` }, el('h3', { id: `h-${s.id}` }, s.title), loading('Loading…'));
    sections.append(box);
    return { s, box };
  });
  // The map is drawn once every section has its events, not after their risk levels too.
  let unfetched = blocks.length;
  const fetched = (): void => {
    if (--unfetched > 0) return;
    map.setTracks([]);
    map.setPlayhead(null);
    map.setSelection(null);
    map.setEvents(all);
    map.onEventClick = (e) => { location.hash = `#/event/${encodeURIComponent(e.id)}`; };
    if (all.length) map.fitTo(all.map((e) => [e.lon, e.lat]));
  };
  // Rows show as soon as their events answer; the risk column fills in after, asked once per ship set.
  const riskFor = sharedRisk();
  await Promise.all(blocks.map(async ({ s, box }) => {
    let counted = false; // towards the map's draw (a retry after an error is not)
    const count = (): void => { if (!counted) { counted = true; fetched(); } };
    const load = async (): Promise<void> => {
      box.replaceChildren(el('h3', { id: `h-${s.id}` }, s.title), loading('Loading…'));
      try {
        const page = await api<{ events: TumenEventJson[] }>(triageEventsUrl(s, port, fromIso));
        const events = (s.filter ? page.events.filter(s.filter) : page.events).slice(0, 25);
        all.push(...events);
        count();
        const risk = events.length ? riskFor(events) : {};
        const more = el('a', { href: `#/events${query({ ...s.params, port: s.id === 'dark-calls' ? port : '', from: fromIso.slice(0, 16) })}` }, 'all of them →');
        box.replaceChildren(el('h3', { id: `h-${s.id}` }, `${s.title} (${events.length}${page.events.length >= 100 ? '+' : ''})`),
          events.length ? eventTable(events, risk) : el('p', { class: 'muted empty' }, s.empty), events.length ? more : '');
      } catch (err) {
        count();
        box.replaceChildren(el('h3', { id: `h-${s.id}` }, s.title), errorBox(err, () => void load()));
      }
    };
    await load();
  }));
}
