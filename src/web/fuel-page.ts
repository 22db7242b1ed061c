// The fuel-cap page (#/fuel?year=): a year's deliveries of refined petroleum to the DPRK estimated from
// tanker calls and draughts — the cumulative barrels against the UNSCR 2397 cap of 500,000 a year, the
// tankers by name, flag and IMO, and every voyage with how its volume was estimated and why.
import { api, query } from './api.js';
import { el, errorBox, fmtTime, loading, table, vesselLink, type VesselLabelJson } from './dom.js';
import { fuelChartSvg } from '../report/charts.js';
import type { TumenMap } from './map.js';
import { FUEL_RGB } from './colors.js';

interface Band { low: number; central: number; high: number }
interface Delivery {
  mmsi: number; kind: string; event_id: string; port: string | null; start: string; end: string | null; loaded_at: string | null;
  draught_before_m: number | null; draught_after_m: number | null; method: string; confidence: string; barrels: Band; note: string; vessel?: VesselLabelJson;
  at?: { lat: number; lon: number }; loaded_from?: { lat: number; lon: number } | null;
}
interface Year {
  year: number; deliveries: number; barrels: Band; cap_bbl: number; share_of_cap: number; pending?: { deliveries: number; barrels: Band };
  running: Array<{ time: string; mmsi: number; cumulative_bbl: number }>;
  by_vessel: Array<{ mmsi: number; deliveries: number; barrels: Band; vessel?: VesselLabelJson }>;
}
interface SetAside { mmsi: number; kind: string; event_id: string; start: string; port: string | null; ranked_first: { name: string; country: string } | null; why: string; vessel?: VesselLabelJson }
interface Pending extends Delivery { why: string }
interface FuelJson { cap_bbl: number; deliveries: Delivery[]; years: Year[]; pending?: Pending[]; set_aside?: SetAside[] }

const n = (x: number): string => Math.round(x).toLocaleString('en-US');
const band = (b: Band): string => `${n(b.low)}–${n(b.high)}`;

export async function renderFuelPage(side: HTMLElement, map: TumenMap, params: URLSearchParams): Promise<void> {
  side.replaceChildren(el('h2', {}, 'Fuel-cap monitor'), loading('Estimating deliveries…'));
  map.setSelection(null);
  map.setTracks([]);
  map.setPlayhead(null);
  let r: FuelJson;
  try {
    r = await api<FuelJson>('api/fuel');
  } catch (err) {
    side.replaceChildren(el('h2', {}, 'Fuel-cap monitor'), errorBox(err, () => void renderFuelPage(side, map, params)));
    return;
  }
  const intro = el('p', { class: 'muted' },
    'UNSCR 2397 caps refined petroleum to the DPRK at 500,000 barrels a year. Each delivery is a tanker\'s dark or visible call at a DPRK port, or an encounter with a DPRK-flagged ship; its volume comes from the drop in reported draught (TPC × Δdraught) or, when the crew-entered draught did not change, capacity × laden share. Central estimate shown; low–high band in the tables.');
  if (r.years.length === 0) {
    map.setEvents([]);
    side.replaceChildren(el('h2', {}, 'Fuel-cap monitor'), intro,
      el('p', { class: 'muted empty', id: 'fuel-empty' }, 'No fuel deliveries to the DPRK found: no tanker (AIS type 80–89) dark port call or call at a DPRK port, nor an encounter with a DPRK-flagged ship, among the stored events (run tumen detect first).'),
      ...pendingTable(r.pending ?? []), ...setAsideTable(r.set_aside ?? []));
    return;
  }
  const asked = Number(params.get('year'));
  const y = r.years.find((x) => x.year === asked) ?? r.years[r.years.length - 1];
  const deliveries = r.deliveries.filter((d) => d.start.startsWith(String(y.year)));
  map.setEvents([]);
  drawVoyages(map, deliveries);
  const chart = el('div', { id: 'fuel-chart', class: 'chart' });
  chart.innerHTML = fuelChartSvg({ year: y.year, capBbl: r.cap_bbl, running: y.running, band: y.barrels, widthPx: 440 });
  const years = el('nav', { class: 'years', 'aria-label': 'Years' }, ...r.years.map((x) => x.year === y.year
    ? el('b', { 'aria-current': 'page' }, String(x.year))
    : el('a', { href: `#/fuel${query({ year: x.year })}` }, String(x.year))));
  const over = y.barrels.central > y.cap_bbl;
  side.replaceChildren(
    el('h2', { id: 'fuel-title' }, `Fuel-cap monitor · ${y.year}`),
    years,
    el('p', { id: 'fuel-total', class: over ? 'notice' : '' },
      `${y.deliveries} deliver${y.deliveries === 1 ? 'y' : 'ies'}, ${n(y.barrels.central)} bbl (band ${band(y.barrels)}) = ${(y.share_of_cap * 100).toFixed(1)} % of the ${n(y.cap_bbl)} bbl cap${over ? ' — above the cap' : ''}.${y.pending?.deliveries ? ` Pending, not in the total: ${y.pending.deliveries} (${band(y.pending.barrels)} bbl).` : ''}`),
    chart,
    intro,
    el('h3', {}, 'Tankers'),
    table(['vessel (name · flag · IMO)', 'deliveries', 'bbl (central)', 'band'],
      y.by_vessel.map((v) => [vesselLink(v.vessel, v.mmsi), v.deliveries, n(v.barrels.central), band(v.barrels)])),
    el('h3', {}, 'Voyages'),
    (() => {
      const t = table(['start', 'vessel', 'delivery', 'loaded at', 'draught', 'bbl (central)', 'band', 'how'],
        deliveries.map((d) => [
          el('a', { href: `#/event/${encodeURIComponent(d.event_id)}` }, fmtTime(d.start)), vesselLink(d.vessel, d.mmsi),
          `${d.kind.replace(/_/g, ' ')}${d.port ? ` at ${d.port}` : ''}`, d.loaded_at ?? '—',
          d.draught_before_m !== null || d.draught_after_m !== null ? `${d.draught_before_m ?? '?'} → ${d.draught_after_m ?? '?'} m` : '—',
          n(d.barrels.central), band(d.barrels), el('span', { title: d.note }, `${d.method.replace(/_/g, ' ')} (${d.confidence})`),
        ]));
      t.id = 'fuel-voyages';
      return t;
    })(),
    ...pendingTable((r.pending ?? []).filter((x) => x.start.startsWith(String(y.year)))),
    ...setAsideTable((r.set_aside ?? []).filter((x) => x.start.startsWith(String(y.year)))),
    el('div', { class: 'exports' }, el('a', { href: `api/fuel${query({ year: y.year })}`, target: '_blank' }, 'JSON')),
  );
}

/** Possible deliveries not in the total (a call open at the data's end, a meeting no draught measured), with
 *  their band and why. */
function pendingTable(xs: readonly Pending[]): HTMLElement[] {
  if (xs.length === 0) return [];
  const t = table(['start', 'vessel', 'what', 'band (bbl)', 'why not in the total'], xs.map((x) => [
    el('a', { href: `#/event/${encodeURIComponent(x.event_id)}` }, fmtTime(x.start)), vesselLink(x.vessel, x.mmsi),
    `${x.kind.replace(/_/g, ' ')}${x.port ? ` at ${x.port}` : ''}`, band(x.barrels), x.why,
  ]));
  t.id = 'fuel-pending';
  return [el('h3', {}, 'Pending'), el('p', { class: 'muted' }, 'Possible deliveries nothing has measured yet: listed with their band, not in the total.'), t];
}

/** The tanker silences and meetings not counted, each with why (the evidence put it elsewhere). */
function setAsideTable(xs: readonly SetAside[]): HTMLElement[] {
  if (xs.length === 0) return [];
  const t = table(['start', 'vessel', 'what', 'why not counted'], xs.map((x) => [
    el('a', { href: `#/event/${encodeURIComponent(x.event_id)}` }, fmtTime(x.start)), vesselLink(x.vessel, x.mmsi),
    `${x.kind.replace(/_/g, ' ')}${x.port ? ` named at ${x.port}` : ''}`, x.why,
  ]));
  t.id = 'fuel-set-aside';
  return [el('h3', {}, 'Not counted'), el('p', { class: 'muted' }, 'Tanker silences and meetings with DPRK-flagged ships that the evidence puts elsewhere.'), t];
}

/** The year's voyages on the map: each delivery where it happened (its DPRK port, or the encounter's
 *  position) labelled with the ship and barrels, and a dashed straight leg from the call where it loaded. */
function drawVoyages(map: TumenMap, deliveries: readonly Delivery[]): void {
  const at = deliveries.filter((d) => d.at);
  const features: GeoJSON.Feature[] = [];
  for (const d of at) {
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [d.at!.lon, d.at!.lat] }, properties: { kind: 'port', id: d.event_id } });
    if (d.loaded_from) {
      features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: [[d.loaded_from.lon, d.loaded_from.lat], [d.at!.lon, d.at!.lat]] }, properties: { kind: 'voyage', id: d.event_id } });
    }
  }
  map.setSelection({ type: 'FeatureCollection', features });
  map.setLabels(at.map((d) => ({
    at: [d.at!.lon, d.at!.lat] as [number, number], rgb: FUEL_RGB,
    text: `${d.vessel?.name ?? `MMSI ${d.mmsi}`} · ${n(d.barrels.central)} bbl`,
  })));
  map.fitTo(at.flatMap((d) => [[d.at!.lon, d.at!.lat] as [number, number], ...(d.loaded_from ? [[d.loaded_from.lon, d.loaded_from.lat] as [number, number]] : [])]));
}
