// The sites pages: #/sites lists the watched rail yards, piers, berths and crossings (on the map too);
// #/site/<id> shows a site's counts over time with the change flags, every observation with its edit
// history, and a form to add or correct an observation (needs the server's write token, kept only for
// this browser tab).
import { api } from './api.js';
import { el, errorBox, fmtTime, loading, table } from './dom.js';
import { siteSeriesSvg } from '../report/charts.js';
import type { TumenMap } from './map.js';
import type { RGB } from './colors.js';

interface SiteJson {
  id: string; name: string; kind: string; country: string; lat: number; lon: number; source: string; note: string | null;
  polygon?: Array<[number, number]> | null;
  observations?: number; last_observation?: string | null; change_flags?: number;
}
interface Flag { category: string; count: number; baseline: number; basis: string }
interface ObservationJson {
  id: string; site_id: string; time: string; counts: Record<string, number>; vessel_lengths_m: number[];
  image_ref: string | null; analyst: string | null; note: string | null; source: string | null;
}
interface SeriesPoint extends ObservationJson { total_rail_cars: number | null; flags: Flag[] }
interface Edit { edited_at: string; editor: string; action: string; before: ObservationJson | null; after: ObservationJson | null }

const CATEGORIES = ['rail_cars', 'ore_cars', 'tank_cars', 'box_cars', 'flat_cars', 'locomotives', 'containers', 'vessels'] as const;
const SITE_RGB: RGB = [90, 79, 207];
const TOKEN_KEY = 'tumen-write-token';
const words = (s: string): string => s.replace(/_/g, ' ');
const countsText = (c: Record<string, number>): string => Object.entries(c).map(([k, v]) => `${words(k)} ${v}`).join(', ');

/** Curated site points are good to about ±1 km (src/sites/curated.ts). */
const POINT_UNCERTAINTY_M = 1000;

/** A site on the map: its footprint polygon, else the circle its point is good to (marked approximate). */
export function siteFeatures(sites: readonly SiteJson[]): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: sites.map((s): GeoJSON.Feature => {
      const ring = s.polygon && s.polygon.length >= 3 ? [...s.polygon] : circle(s.lat, s.lon, POINT_UNCERTAINTY_M);
      const [a, b] = [ring[0]!, ring[ring.length - 1]!];
      if (a[0] !== b[0] || a[1] !== b[1]) ring.push(a);
      return { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { kind: 'site', id: s.id, approximate: !(s.polygon && s.polygon.length >= 3) } };
    }),
  };
}

function circle(lat: number, lon: number, radiusM: number): Array<[number, number]> {
  const dLat = radiusM / 111_195, dLon = dLat / Math.cos((lat * Math.PI) / 180);
  return Array.from({ length: 33 }, (_, i) => {
    const a = (i / 32) * 2 * Math.PI;
    return [lon + dLon * Math.sin(a), lat + dLat * Math.cos(a)] as [number, number];
  });
}

export async function renderSitesPage(side: HTMLElement, map: TumenMap): Promise<void> {
  side.replaceChildren(el('h2', {}, 'Sites'), loading('Loading sites…'));
  let sites: SiteJson[];
  try {
    ({ sites } = await api<{ sites: SiteJson[] }>('api/sites'));
  } catch (err) {
    side.replaceChildren(el('h2', {}, 'Sites'), errorBox(err, () => void renderSitesPage(side, map)));
    return;
  }
  map.setSelection(siteFeatures(sites));
  map.setTracks([]);
  map.setEvents([]);
  map.setPlayhead(null);
  map.setLabels(sites.map((s) => ({ at: [s.lon, s.lat] as [number, number], text: `▣ ${s.name}`, rgb: SITE_RGB })));
  map.fitTo(sites.map((s) => [s.lon, s.lat] as [number, number]));
  const t = table(['site', 'kind', 'country', 'observations', 'change flags', 'last'], sites.map((s) => [
    el('a', { href: `#/site/${encodeURIComponent(s.id)}` }, s.name), words(s.kind), s.country, s.observations ?? 0,
    s.change_flags ? el('b', { class: 'flag-text' }, String(s.change_flags)) : '0', fmtTime(s.last_observation ?? null),
  ]));
  t.id = 'sites-table';
  side.replaceChildren(
    el('h2', { id: 'sites-title' }, 'Sites'),
    el('p', { class: 'muted' }, 'Rail yards, piers, berths and border crossings watched on imagery. Analysts\' counts per image; a change flag marks a count at least twice its recent baseline and 10 above it (e.g. 73 rail cars at Tumangang in October 2023 against ≤ 20 in five years).'),
    t,
  );
}

export async function renderSitePage(side: HTMLElement, map: TumenMap, id: string): Promise<void> {
  side.replaceChildren(el('a', { href: '#/sites' }, '← sites'), loading('Loading the site…'));
  let site: SiteJson, series: SeriesPoint[];
  try {
    ({ site, series } = await api<{ site: SiteJson; series: SeriesPoint[] }>(`api/sites/${encodeURIComponent(id)}/observations`));
  } catch (err) {
    side.replaceChildren(el('a', { href: '#/sites' }, '← sites'), errorBox(err, () => void renderSitePage(side, map, id)));
    return;
  }
  map.setSelection(siteFeatures([site]));
  map.setTracks([]);
  map.setEvents([]);
  map.setPlayhead(null);
  map.setLabels([{ at: [site.lon, site.lat], text: `▣ ${site.name}`, rgb: SITE_RGB }]);
  map.fitTo([[site.lon - 0.05, site.lat - 0.05], [site.lon + 0.05, site.lat + 0.05]]);

  const chart = el('div', { id: 'site-chart', class: 'chart' });
  chart.innerHTML = siteSeriesSvg(series.map((p) => ({
    time: p.time,
    values: { ...p.counts, ...(p.total_rail_cars !== null ? { rail_cars: p.total_rail_cars } : {}) },
    flagged: p.flags.map((f) => f.category),
  })), 440);
  const history = el('div', { id: 'obs-history', 'aria-live': 'polite' });
  const form = observationForm(site, () => void renderSitePage(side, map, id));
  const rows = [...series].reverse().map((p) => {
    const hist = el('button', { type: 'button', class: 'link', 'data-history': p.id }, 'history');
    hist.addEventListener('click', () => void showHistory(history, site.id, p.id));
    const edit = el('button', { type: 'button', class: 'link', 'data-edit': p.id }, 'edit');
    edit.addEventListener('click', () => form.fill(p));
    return [
      fmtTime(p.time), countsText(p.counts) + (p.vessel_lengths_m.length ? `; lengths ${p.vessel_lengths_m.join(', ')} m` : ''),
      p.flags.length ? el('b', { class: 'flag-text' }, p.flags.map((f) => `CHANGE: ${words(f.category)} ${f.count} vs ${f.baseline} (${f.basis})`).join('; ')) : '',
      [p.analyst, p.image_ref].filter(Boolean).join(' · '), el('span', {}, edit, ' ', hist),
    ];
  });
  const obsTable = table(['time', 'counts', 'change', 'analyst · image', ''], rows);
  obsTable.id = 'obs-table';
  side.replaceChildren(
    el('a', { href: '#/sites' }, '← sites'),
    el('h2', { id: 'site-title' }, site.name),
    el('p', {}, `${words(site.kind)} · ${site.country} · ${site.lat.toFixed(4)}, ${site.lon.toFixed(4)}${site.polygon?.length ? ' · footprint on the map' : ' · on the map: the ±1 km the point is good to (no footprint)'}`),
    el('p', { class: 'muted' }, `Source: ${site.source}${site.note ? `. ${site.note}` : ''}`),
    el('h3', {}, 'Counts over time'), chart,
    el('p', { class: 'muted' }, 'Red rings: change flags (a count far above its recent baseline, or the documented baseline where there is no history).'),
    el('h3', {}, `Observations (${series.length})`), series.length ? obsTable : el('p', { class: 'muted empty' }, 'No observations yet.'),
    history,
    el('h3', {}, 'Add or correct an observation'), form.node,
  );
}

async function showHistory(box: HTMLElement, siteId: string, obsId: string): Promise<void> {
  box.replaceChildren(loading('Loading the edit history…'));
  try {
    const { edits } = await api<{ edits: Edit[] }>(`api/sites/${encodeURIComponent(siteId)}/observations/${encodeURIComponent(obsId)}/history`);
    box.replaceChildren(el('h3', {}, `Edit history of ${obsId}`), edits.length
      ? table(['when', 'who', 'action', 'before', 'after'], edits.map((e) => [fmtTime(e.edited_at), e.editor, e.action,
        e.before ? countsText(e.before.counts) : '—', e.after ? countsText(e.after.counts) : '—']))
      : el('p', { class: 'muted' }, 'No edits recorded (seeded with the store).'));
  } catch (err) {
    box.replaceChildren(errorBox(err, () => void showHistory(box, siteId, obsId)));
  }
}

/** The observation form: POST a new one, or PUT the one being edited; the API's message on a refusal. */
function observationForm(site: SiteJson, saved: () => void): { node: HTMLFormElement; fill(p: ObservationJson): void } {
  let editing: string | null = null;
  let original: ObservationJson | null = null;
  const input = (name: string, attrs: Record<string, string | number | boolean> = {}) => el('input', { name, id: `obs-${name}`, ...attrs });
  const label = (text: string, node: HTMLElement) => el('label', { for: node.id }, text, node);
  const token = input('token', { type: 'password', autocomplete: 'off', value: sessionStorage.getItem(TOKEN_KEY) ?? '' });
  const editor = input('editor', { required: true, maxlength: 64 });
  const time = input('time', { type: 'datetime-local', required: true, step: 60 });
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, input(c, { type: 'number', min: 0, step: 1, inputmode: 'numeric' })])) as Record<string, HTMLInputElement>;
  const lengths = input('lengths', { placeholder: 'e.g. 98 62' });
  const image = input('image_ref', { maxlength: 2000 });
  const note = input('note', { maxlength: 2000 });
  const status = el('p', { id: 'obs-status', role: 'status', 'aria-live': 'polite' });
  const submit = el('button', { type: 'submit', id: 'obs-submit' }, 'Add observation');
  const node = el('form', { id: 'obs-form', class: 'obs-form' },
    label('Write token ', token), label('Your name ', editor), label('Image time (UTC) ', time),
    el('fieldset', {}, el('legend', {}, 'Counts'), ...CATEGORIES.map((c) => label(`${words(c)} `, counts[c]))),
    label('Vessel lengths alongside, m ', lengths), label('Image reference ', image), label('Note ', note),
    submit, status);
  node.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, token.value);
    const body = {
      editor: editor.value.trim(), time: time.value ? `${time.value.slice(0, 16)}:00Z` : '',
      counts: Object.fromEntries(CATEGORIES.filter((c) => counts[c].value !== '').map((c) => [c, Number(counts[c].value)])),
      vessel_lengths_m: lengths.value.split(/[\s,;]+/).filter(Boolean).map(Number),
      image_ref: image.value || null, note: note.value || null,
      // A correction keeps who made the count and where it came from; a new count is the editor's.
      analyst: original?.analyst ?? (editor.value.trim() || null), source: original?.source ?? null,
    };
    const url = `api/sites/${encodeURIComponent(site.id)}/observations${editing ? `/${encodeURIComponent(editing)}` : ''}`;
    status.textContent = 'Saving…';
    status.className = '';
    try {
      const res = await fetch(url, { method: editing ? 'PUT' : 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', authorization: `Bearer ${token.value}` } });
      const j = await res.json().catch(() => ({})) as { error?: { message?: string } };
      if (!res.ok) throw new Error(j.error?.message ?? `${res.status} ${res.statusText}`);
      status.textContent = editing ? 'Saved the correction.' : 'Saved.';
      saved();
    } catch (err) {
      status.textContent = `Not saved: ${(err as Error).message}`;
      status.className = 'error';
    }
  });
  return {
    node,
    fill(p) {
      editing = p.id;
      original = p;
      time.value = p.time.slice(0, 16);
      for (const c of CATEGORIES) counts[c].value = p.counts[c] !== undefined ? String(p.counts[c]) : '';
      lengths.value = p.vessel_lengths_m.join(' ');
      image.value = p.image_ref ?? '';
      note.value = p.note ?? '';
      submit.textContent = `Save correction of ${p.id}`;
      editor.focus();
    },
  };
}
