// The browser entry: hash routes `#/` (events) and `#/vessel/<mmsi>`, vessel search, live events.
import { api } from './api.js';
import { el } from './dom.js';
import { renderEventsPage } from './events-page.js';
import { TumenMap } from './map.js';
import { renderVesselPage } from './vessel-page.js';

const side = document.getElementById('side')!;
const styleUrl = new URLSearchParams(location.search).get('style');
const map = new TumenMap(document.getElementById('map')!, styleUrl);
(window as unknown as { tumen: unknown }).tumen = { map };

function route(): void {
  const hash = location.hash.replace(/^#/, '') || '/';
  const vessel = /^\/vessel\/(\d+)/.exec(hash);
  if (vessel) {
    const points = Number(new URLSearchParams(hash.split('?')[1] ?? '').get('points'));
    void renderVesselPage(side, map, vessel[1], Number.isInteger(points) && points >= 2 ? Math.min(points, 2_000_000) : undefined);
    return;
  }
  const qs = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  renderEventsPage(side, map, new URLSearchParams(qs));
}

document.getElementById('search')!.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const q = ((ev.target as HTMLFormElement).elements.namedItem('q') as HTMLInputElement).value.trim();
  if (!q) return;
  try {
    const { vessels } = await api<{ vessels: Array<{ mmsi: number; shipname: string | null; imo: string | null; risk_level?: string | null }> }>(`api/vessels?q=${encodeURIComponent(q)}`);
    if (vessels.length === 1) { location.hash = `#/vessel/${vessels[0].mmsi}`; return; }
    side.replaceChildren(el('h2', {}, `Vessels matching “${q}”`), el('a', { href: '#/' }, '← events'),
      vessels.length ? el('ul', { id: 'search-results' }, ...vessels.map((v) => el('li', {},
        el('a', { href: `#/vessel/${v.mmsi}` }, `${v.shipname ?? '?'} · MMSI ${v.mmsi}${v.imo ? ` · IMO ${v.imo}` : ''}`),
        v.risk_level ? ` (${v.risk_level} risk)` : ''))) : el('p', { class: 'muted' }, 'No vessel found.'));
  } catch (err) {
    side.replaceChildren(el('p', { class: 'error' }, (err as Error).message));
  }
});

// Live events: count what arrives while the page is open.
const live = document.getElementById('live')!;
let liveCount = 0;
const source = new EventSource('api/events/stream');
source.addEventListener('ready', () => { live.textContent = 'live ●'; });
source.addEventListener('tumen-event', () => { liveCount++; live.textContent = `live ● ${liveCount} new`; });
source.onerror = () => { live.textContent = 'live ○'; };

window.addEventListener('hashchange', route);
route();
