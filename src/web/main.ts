// The browser entry. Every view has a permalink (hash routes, so back/forward work and a link can be sent):
//   #/                 triage (?port=&window=)        #/events?type=&port=&risk=&from=&to=&mmsi=&intentional=
//   #/event/<id>       one event, its dark period     #/vessel/<MMSI, IMO or name>   a ship, all its MMSIs
//   #/search?q=        vessel search                  #/fleet                         fleet screening
//   #/fuel?year=       fuel-cap monitor               #/sites, #/site/<id>            site counts, change flags
// Any route may carry map=lon,lat,zoom (kept up to date as the map moves) to restore the map view.
import { api, dropPrefetched, prefetch, query } from './api.js';
import { el, errorBox, loading } from './dom.js';
import { renderEventsPage } from './events-page.js';
import { renderEventPage } from './event-page.js';
import { renderFleetPage } from './fleet-page.js';
import { renderFuelPage } from './fuel-page.js';
import { renderSitePage, renderSitesPage } from './sites-page.js';
import { TumenMap } from './map.js';
import { renderTriagePage } from './triage-page.js';
import { renderVesselPage } from './vessel-page.js';
import { firstRequests, isTriagePath, parseHash as parseHashOf, pointBudget } from './first-requests.js';

const parseHash = (): { path: string; params: URLSearchParams } => parseHashOf(location.hash);

// Before the map (its WebGL set-up holds the main thread, over a second in software rendering): the
// server answers the first view meanwhile. early.js has asked already; this covers a page without it.
prefetch(firstRequests(location.hash));
const side = document.getElementById('side')!;
const pageParams = new URLSearchParams(location.search);
const deckPoints = Number(pageParams.get('deckPoints'));
const map = new TumenMap(document.getElementById('map')!, pageParams.get('style'), {
  maplibreTrackMaxPoints: Number.isInteger(deckPoints) && deckPoints >= 0 && pageParams.has('deckPoints') ? deckPoints : undefined,
  // A ship's or an event's permalink fits the map to it (often zoomed in past the 1:50m land), the landing
  // page to its events.
  fitsFirstView: /^\/(vessel|event)\//.test(parseHash().path) || isTriagePath(parseHash().path),
});
(window as unknown as { tumen: unknown }).tumen = { map };

/** Restores the map view of the permalink, if it carries one (after the view has fitted its content). */
function applyMapView(params: URLSearchParams): void {
  const m = /^(-?[\d.]+),(-?[\d.]+),([\d.]+)$/.exec(params.get('map') ?? '');
  if (m) map.map.jumpTo({ center: [Number(m[1]), Number(m[2])], zoom: Number(m[3]) });
}

let routing = 0;
async function route(): Promise<void> {
  const n = ++routing;
  const { path, params } = parseHash();
  side.setAttribute('aria-busy', 'true');
  const vessel = /^\/vessel\/(.+)$/.exec(path);
  const event = /^\/event\/(.+)$/.exec(path);
  const site = /^\/site\/(.+)$/.exec(path);
  if (vessel) {
    await renderVesselPage(side, map, decodeURIComponent(vessel[1]), pointBudget(params));
  } else if (event) await renderEventPage(side, map, decodeURIComponent(event[1]));
  else if (path === '/events') await renderEventsPage(side, map, params);
  else if (path === '/search') await renderSearch(params.get('q') ?? '');
  else if (path === '/fleet') renderFleetPage(side);
  else if (path === '/fuel') await renderFuelPage(side, map, params);
  else if (path === '/sites') await renderSitesPage(side, map);
  else if (site) await renderSitePage(side, map, decodeURIComponent(site[1]));
  else await renderTriagePage(side, map, params);
  if (n !== routing) return;
  side.removeAttribute('aria-busy');
  applyMapView(params);
  document.getElementById('side')?.focus({ preventScroll: true });
}

interface VesselHit { mmsi: number; shipname: string | null; imo: string | null; flag: string | null; callsign: string | null; risk_level?: string | null }

/** Search results grouped by ship (one IMO = one ship, whatever MMSIs it used); one ship opens its page. */
async function renderSearch(q: string): Promise<void> {
  const input = document.querySelector<HTMLInputElement>('#search input')!;
  input.value = q;
  side.replaceChildren(loading(`Searching “${q}”…`));
  // A failed or new search never leaves the previous ship on the map.
  map.setTracks([]);
  map.setEvents([]);
  map.setSelection(null);
  map.setPlayhead(null);
  let vessels: VesselHit[];
  try {
    ({ vessels } = await api<{ vessels: VesselHit[] }>(`api/vessels${query({ q, limit: 100 })}`));
  } catch (err) {
    side.replaceChildren(el('h2', {}, `Vessels matching “${q}”`), errorBox(err, () => void renderSearch(q)));
    return;
  }
  const ships = new Map<string, VesselHit[]>();
  for (const v of vessels) {
    const key = v.imo ? `imo:${v.imo}` : `mmsi:${v.mmsi}`;
    ships.set(key, [...(ships.get(key) ?? []), v]);
  }
  if (ships.size === 1) {
    location.replace(`#/vessel/${[...ships.values()][0][0].mmsi}`);
    return;
  }
  side.replaceChildren(el('a', { href: '#/' }, '← triage'), el('h2', {}, `Vessels matching “${q}”`),
    ships.size ? el('ul', { id: 'search-results' }, ...[...ships.values()].map((group) => {
      const v = group[0];
      const names = [...new Set(group.map((g) => g.shipname).filter(Boolean))].join(' / ') || 'unknown name';
      return el('li', {}, el('a', { href: `#/vessel/${v.mmsi}` }, `${names}${v.imo ? ` · IMO ${v.imo}` : ''} · ${v.flag ?? '?'} · MMSI ${group.map((g) => g.mmsi).join(', ')}`),
        v.risk_level ? ` (${v.risk_level} risk)` : '');
    })) : el('p', { class: 'muted empty', id: 'no-results' }, `No vessel named, numbered or called “${q}” in this store (names, former names, call signs, MMSI and IMO were searched).`));
}

document.getElementById('search')!.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const q = ((ev.target as HTMLFormElement).elements.namedItem('q') as HTMLInputElement).value.trim();
  if (q) location.hash = `#/search${query({ q })}`;
});

// Keep the map view in the URL without adding history entries (back/forward step through views, not pans).
map.map.on('moveend', (ev) => {
  if (!(ev as { originalEvent?: unknown }).originalEvent) return;
  const c = map.map.getCenter();
  const { path, params } = parseHash();
  params.set('map', `${c.lng.toFixed(4)},${c.lat.toFixed(4)},${map.map.getZoom().toFixed(2)}`);
  history.replaceState(null, '', `#${path}?${params}`);
});

// Live events: shown only when the server runs a live feed (no "live" badge on an archive).
const live = document.getElementById('live')!;
void api<{ live_detection: unknown }>('api/health').then((h) => {
  if (!h.live_detection) { live.textContent = 'archive'; live.title = 'No live feed on this server'; return; }
  let count = 0;
  const source = new EventSource('api/events/stream');
  source.addEventListener('ready', () => { live.textContent = 'live'; live.className = 'on'; });
  source.addEventListener('tumen-event', () => { count++; live.textContent = `live · ${count} new`; });
  source.onerror = () => { live.textContent = 'live feed lost'; live.className = 'off'; };
}).catch(() => { live.textContent = ''; });

window.addEventListener('hashchange', () => void route());
// What the first view did not take is dropped: a later visit asks the server again.
void route().finally(() => {
  dropPrefetched();
  map.firstViewSettled();
});
