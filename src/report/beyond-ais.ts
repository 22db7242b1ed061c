// The evidence report's sections beyond AIS (pure: data in, HTML out, every text escaped): the fuel
// deliveries of the ship (or event) with the year's running total against the UNSCR 2397 cap and those of
// its events not counted (with why), the satellite
// scenes taken during its events with what each detection is, and analysts' site counts that coincide.
import { escapeHtml as esc } from './escape.js';
import { fuelChartSvg } from './charts.js';

interface Label { name?: string | null; flag?: string | null; imo?: string | null }
interface Band { low: number; central: number; high: number }

export interface ReportFuel {
  capBbl: number;
  /** The deliveries of this ship or event. */
  deliveries: Array<{ mmsi: number; kind: string; event_id: string; port: string | null; start: string; loaded_at: string | null;
    draught_before_m: number | null; draught_after_m: number | null; method: string; confidence: string; barrels: Band; note: string; vessel?: Label }>;
  /** Every ship's totals of the years those deliveries fall in (the context the cap is about). */
  years: Array<{ year: number; deliveries: number; barrels: Band; share_of_cap: number; running: Array<{ time: string; cumulative_bbl: number }> }>;
  /** This ship's or event's possible deliveries not in the totals (open at the data's end, or a meeting no
   *  draught measured), with their band and the reason. */
  pending?: Array<{ mmsi: number; kind: string; event_id: string; start: string; port: string | null; barrels: Band; why: string; vessel?: Label }>;
  /** This ship's or event's tanker silences and meetings not counted, with the reason. */
  set_aside?: Array<{ mmsi: number; kind: string; event_id: string; start: string; port: string | null; why: string; vessel?: Label }>;
}

export interface ReportImageryScene {
  event_id: string;
  scene_id: string; time: string; sensor: string;
  counts: { detections: number; matched: number; dark: number; missed: number };
  detections: Array<{ detection_id: string; lat: number; lon: number; mmsi: number | null; confidence: number; dark: boolean; length_m?: number;
    vessel?: Label | null; candidates: Array<{ mmsi: number; score: number; why: string; vessel?: Label }> }>;
}

export interface ReportSiteCount {
  event_id: string; site: { id: string; name: string }; distance_km: number; length_match: boolean | null; why: string;
  observation: { time: string; counts: Record<string, number>; vessel_lengths_m: number[]; analyst: string | null; image_ref: string | null; source: string | null };
}

export interface BeyondAisInput {
  fuel?: ReportFuel;
  imagery?: ReportImageryScene[];
  /** Scene–event pairs not shown (beyond the first maxScenes), and imagery events whose scenes were not read. */
  imageryOmitted?: { scenes: number; eventsNotRead: number; maxScenes: number };
  siteCounts?: ReportSiteCount[];
}

const n = (x: number): string => Math.round(x).toLocaleString('en-US');
const ship = (v: Label | null | undefined, mmsi: number): string =>
  v?.name ? `${v.name} (${[v.flag, v.imo ? `IMO ${v.imo}` : null, `MMSI ${mmsi}`].filter(Boolean).join(', ')})` : `MMSI ${mmsi}`;

function table(headers: string[], rows: string[][]): string {
  return `<table><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

const utc = (t: string): string => t.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, 'Z');

function fuelSection(f: ReportFuel): string {
  const aside = f.set_aside ?? [];
  const pending = f.pending ?? [];
  if (f.deliveries.length === 0 && aside.length === 0 && pending.length === 0) return '';
  const notCounted = (pending.length === 0 ? '' : '<h3>Pending: not in the totals</h3>'
    + '<p class="muted">Possible deliveries nothing has measured yet (a call still open at the data\'s end, a meeting with a DPRK-flagged ship where no draught moved), with their band (tumen fuel lists them as pending).</p>'
    + table(['start (UTC)', 'tanker', 'what', 'band (bbl)', 'why not in the total'], pending.map((x) => [utc(x.start), ship(x.vessel, x.mmsi), `${x.kind.replace(/_/g, ' ')}${x.port ? ` at ${x.port}` : ''} (${x.event_id})`, `${n(x.barrels.low)}–${n(x.barrels.high)}`, x.why])))
    + (aside.length === 0 ? '' : '<h3>Not counted as deliveries</h3>'
    + '<p class="muted">Tanker silences and meetings with DPRK-flagged ships that the evidence puts elsewhere (tumen fuel lists them as set aside).</p>'
    + table(['start (UTC)', 'tanker', 'what', 'why not counted'], aside.map((x) => [utc(x.start), ship(x.vessel, x.mmsi), `${x.kind.replace(/_/g, ' ')}${x.port ? ` named at ${x.port}` : ''} (${x.event_id})`, x.why])));
  if (f.deliveries.length === 0) return `<h2>Fuel deliveries (UNSCR 2397 cap: ${esc(n(f.capBbl))} bbl a year)</h2>${notCounted}`;
  const rows = f.deliveries.map((d) => [utc(d.start), ship(d.vessel, d.mmsi), `${d.kind.replace(/_/g, ' ')}${d.port ? ` at ${d.port}` : ''}`,
    d.loaded_at ?? '', `${d.draught_before_m ?? '?'} → ${d.draught_after_m ?? '?'} m`, n(d.barrels.central), `${n(d.barrels.low)}–${n(d.barrels.high)}`,
    `${d.method.replace(/_/g, ' ')} (${d.confidence}): ${d.note}`]);
  const years = f.years.map((y) => `<h3>${esc(y.year)}: ${esc(n(y.barrels.central))} bbl in ${esc(y.deliveries)} deliveries by all tankers = ${esc((y.share_of_cap * 100).toFixed(1))} % of the cap (band ${esc(n(y.barrels.low))}–${esc(n(y.barrels.high))})</h3>`
    + fuelChartSvg({ year: y.year, capBbl: f.capBbl, running: y.running, band: y.barrels, widthPx: 900 })).join('');
  return `<h2>Fuel deliveries (UNSCR 2397 cap: ${esc(n(f.capBbl))} bbl a year)</h2>`
    + '<p class="muted">Volume from the drop in reported draught (cargo ≈ TPC × Δdraught, TPC ≈ 1.025 × C<sub>wp</sub> × L × B / 100) or, when the crew-entered draught did not change, capacity × laden share; converted with the UN factors. Draughts are entered by the crew and are often stale: the method and confidence say which case applies.</p>'
    + table(['start (UTC)', 'tanker', 'delivery', 'loaded at', 'draught', 'bbl (central)', 'band', 'how'], rows) + notCounted + years;
}

function imagerySection(scenes: ReportImageryScene[], omitted?: BeyondAisInput['imageryOmitted']): string {
  if (scenes.length === 0) return '';
  const more = omitted && (omitted.scenes > 0 || omitted.eventsNotRead > 0)
    ? ` Only the first ${omitted.maxScenes} scenes are shown${omitted.scenes > 0 ? `: ${omitted.scenes} more bear on these events and are omitted` : ''}${omitted.eventsNotRead > 0 ? `${omitted.scenes > 0 ? ';' : ':'} the scenes of ${omitted.eventsNotRead} further events were not looked up` : ''} (tumen detections --scene ID lists any scene).`
    : '';
  const rows = scenes.flatMap((s) => s.detections.map((d) => [s.event_id, `${s.scene_id} (${s.sensor}, ${s.time})`, d.detection_id, `${d.lat.toFixed(4)}, ${d.lon.toFixed(4)}`,
    d.length_m !== undefined ? `${d.length_m} m` : '', d.dark ? 'DARK: no AIS ship explains it' : d.mmsi !== null ? `matched ${ship(d.vessel, d.mmsi)} (${Math.round(d.confidence * 100)} %)` : 'likely false alarm',
    d.candidates.slice(0, 3).map((c) => `${ship(c.vessel, c.mmsi)} ${c.score.toFixed(2)}: ${c.why}`).join('; ')]));
  const summary = scenes.map((s) => `${s.scene_id}: ${s.counts.detections} detections, ${s.counts.matched} matched, ${s.counts.dark} dark, ${s.counts.missed} AIS ships expected but not seen`).join(' · ');
  return '<h2>Satellite imagery during the events</h2>'
    + `<p class="muted">Scenes taken while an event lasted (±6 h) whose footprint comes within 30 km of it or the ports it names, fused with the AIS (tumen detections).${esc(more)} ${esc(summary)}</p>`
    + table(['event', 'scene', 'detection', 'position', 'length', 'what it is', 'candidates (ranked)'], rows);
}

function siteSection(links: ReportSiteCount[]): string {
  if (links.length === 0) return '';
  return '<h2>Site counts during the events</h2>'
    + '<p class="muted">Analysts\' counts at watched sites within 8 km of an event or its port, on images taken while it lasted (±12 h).</p>'
    + table(['event', 'site', 'image (UTC)', 'counts', 'vessel lengths', 'ship length matches', 'analyst · image · source'], links.map((l) => [
      l.event_id, l.site.name, l.observation.time, Object.entries(l.observation.counts).map(([k, v]) => `${k.replace(/_/g, ' ')} ${v}`).join(', '),
      l.observation.vessel_lengths_m.map((x) => `${x} m`).join(', '), l.length_match === null ? 'unknown' : l.length_match ? 'yes' : 'no',
      [l.observation.analyst, l.observation.image_ref, l.observation.source].filter(Boolean).join(' · '),
    ]));
}

/** The sections, in reading order; empty when there is nothing beyond AIS. */
export function beyondAisSections(input: BeyondAisInput): string {
  return [input.fuel ? fuelSection(input.fuel) : '', imagerySection(input.imagery ?? [], input.imageryOmitted), siteSection(input.siteCounts ?? [])].join('');
}
