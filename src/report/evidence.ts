// The printable evidence report: one self-contained HTML file (inline CSS, the map as inline SVG drawn for
// print) per vessel or per event, with the timeline, the tables, every candidate port, the input files
// with their SHA-256, the list versions, the Tumen version, the command that remakes it, whether the data
// are simulated, and the detector parameters the events were found with — what a reader needs to check
// the claims. Pure: no I/O, no clock.
import { escapeHtml as esc } from './escape.js';
import { timelineSvg, type TimelineEvent } from './timeline.js';
import type { PortRef } from '../events/schema.js';
import { beyondAisSections, type BeyondAisInput } from './beyond-ais.js';

export interface ReportEvent extends TimelineEvent {
  mmsi: number;
  lat: number;
  lon: number;
  evidence: Record<string, unknown>;
  other_mmsi?: number;
  port?: PortRef;
  [k: string]: unknown;
}

export interface ReportVessel {
  mmsi: number;
  /** Every MMSI the ship used (one IMO may have had several). */
  mmsis?: number[];
  shipname: string | null;
  imo: string | null;
  callsign: string | null;
  flag: string | null;
  identities: Array<{ mmsi?: number; field: string; value: string; first_seen: string; last_seen: string; messages: number }>;
  list_matches: unknown[];
  risk: unknown;
  activity?: { positions: number; first_seen: string | null; last_seen: string | null };
}

/** Where the figures came from and how to make them again. */
export interface ReportProvenance {
  tumenVersion: string;
  store: string;
  /** The command that made this report, as typed. */
  command: string;
  /** Commands that rebuild the store from the input files, then this report. */
  rebuild: string[];
  inputs: Array<{ path: string; format: string | null; sha256: string | null; bytes: number; lines: number; positions: number; status: string; ingested: string | null; note: string | null }>;
  lists: Array<{ name: string; source: string; version: string | null; published: string | null; imported_at: string; file: string | null; entries: number }>;
  /** yes: every input is a simulated world; partly; no: no input is; unknown: the inputs could not be checked. */
  simulated: 'yes' | 'partly' | 'no' | 'unknown';
  /** Per event type shown, the detection run behind its events and its `--param` overrides (command null: not
   *  recorded); a type found by a batch run and later live (`live`: a `tumen serve` session) has a row per run. */
  detection?: Array<{ type: string; command: string | null; runAt: string | null; params: string[]; live?: boolean }>;
}

export interface EvidenceReportInput {
  title: string;
  /** When the report was made (ISO-8601), passed in by the caller. */
  generatedAt: string;
  /** PNG data URL of the map, or null. */
  mapImage: string | null;
  /** The map drawn for print (inline SVG): preferred over mapImage. */
  mapSvg?: string;
  provenance?: ReportProvenance;
  vessel?: ReportVessel;
  events: ReportEvent[];
  /** Reporting gaps of the shown track, [startMs, endMs]. */
  gaps?: Array<[number, number]>;
  /** Where the data came from: name + detail (file, feed, list version). */
  sources: Array<{ name: string; detail: string }>;
  /** Detector parameter blocks, e.g. { GAP_PARAMS: {...}, PORT_VISIT_PARAMS: {...} }. */
  parameters: Record<string, Record<string, unknown>>;
  colors?: Record<string, string>;
  /** The query that produced this selection, shown verbatim. */
  selection?: string;
  /** Fuel deliveries, satellite imagery and site counts bearing on the events (src/report/beyond-ais.ts). */
  beyondAis?: BeyondAisInput;
}

const table = (headers: string[], rows: unknown[][]): string =>
  rows.length === 0 ? '<p class="muted">none</p>'
    : `<table><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(typeof c === 'object' && c !== null ? JSON.stringify(c) : c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;

/** 2024-03-01T20:02:32.000Z → 2024-03-01 20:02:32Z (the full value stays in the exports). */
const shortTime = (iso: string): string => iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');

const evidenceText = (e: Record<string, unknown>): string =>
  Object.entries(e).map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join('; ');

function riskSection(risk: unknown): string {
  if (!risk || typeof risk !== 'object') return '<p class="muted">No risk assessment in this store.</p>';
  const r = risk as { level?: string; score?: number; indicators?: Array<{ id: string; label?: string; points: number; rule: string; evidence?: { event_ids?: string[]; list_entries?: string[]; values?: string[] } }> };
  const head = `<p><b>Level:</b> ${esc(r.level ?? '?')} &nbsp; <b>Score:</b> ${esc(r.score ?? '?')}</p>`;
  return head + table(['indicator', 'points', 'rule', 'evidence'], (r.indicators ?? []).map((i) => [
    i.label ?? i.id, i.points, i.rule,
    [...(i.evidence?.list_entries ?? []), ...(i.evidence?.values ?? []), ...(i.evidence?.event_ids ?? []).map((id) => `event ${id}`)].join('; '),
  ]));
}

/** "SIBIR (RU, IMO 8604864, MMSI 273226420)" from a labelled event's vessel, else the MMSI. */
function shipText(label: unknown, mmsi: number): string {
  const v = label as { name?: string | null; flag?: string | null; imo?: string | null } | undefined;
  if (!v?.name) return `MMSI ${mmsi}`;
  return `${v.name} (${[v.flag, v.imo ? `IMO ${v.imo}` : null, `MMSI ${mmsi}`].filter(Boolean).join(', ')})`;
}

const SIMULATED_TEXT: Record<ReportProvenance['simulated'], string> = {
  yes: 'SIMULATED DATA — every AIS input of this report is a world made by `tumen simulate`. No real ship did any of this.',
  partly: 'PARTLY SIMULATED DATA — some AIS inputs of this report are worlds made by `tumen simulate` (see Input files).',
  no: '',
  unknown: 'Could not check whether the data are simulated: the input files are not where they were ingested from (see Input files).',
};

function simulatedBanner(s: ReportProvenance['simulated']): string {
  if (s === 'no') return '';
  // The fixed line repeats at the foot of every printed page.
  const every = s === 'unknown' ? 'SIMULATION NOT CHECKED' : `${s === 'yes' ? '' : 'PARTLY '}SIMULATED DATA — not real ships`;
  return `<p class="banner ${s === 'unknown' ? 'unknown' : 'simulated'}" role="note">${esc(SIMULATED_TEXT[s])}</p><div class="page-flag">${esc(every)}</div>`;
}

function provenanceSections(p: ReportProvenance): string {
  const inputs = table(['file', 'format', 'SHA-256', 'bytes', 'lines', 'positions', 'status', 'ingested'],
    p.inputs.map((f) => [f.path, f.format ?? '', f.sha256 ?? `no hash: ${f.note ?? '?'}`, f.bytes, f.lines, f.positions, f.status, f.ingested ?? '']));
  const lists = p.lists.length === 0 ? '<p><b>No sanctions list was loaded: nothing was screened.</b></p>'
    : table(['list', 'source', 'version', 'published', 'imported', 'file', 'entries'], p.lists.map((l) => [l.name, l.source, l.version ?? '(no version)', l.published ?? '', l.imported_at, l.file ?? '', l.entries]));
  return `<h2>Input files</h2><p class="muted">Store: <code>${esc(p.store)}</code></p>${inputs}`
    + `<h2>Sanctions lists screened against</h2>${lists}`
    + `<h2>Reproduce</h2><p>This report was made by ${esc(p.tumenVersion)} with:</p><pre>${esc(p.command)}</pre>`
    + `<p>To rebuild the store from the input files (same SHA-256) and make it again:</p><pre>${esc(p.rebuild.join('\n'))}</pre>`;
}

export function renderEvidenceReport(input: EvidenceReportInput): string {
  const times = input.events.flatMap((e) => [Date.parse(e.start), e.end ? Date.parse(e.end) : Date.parse(e.start)]);
  for (const [a, b] of input.gaps ?? []) times.push(a, b);
  const fromMs = times.length ? Math.min(...times) : 0;
  const toMs = times.length ? Math.max(...times) : 1;
  const v = input.vessel;
  const sections: string[] = [];
  const p = input.provenance;
  if (p) sections.push(simulatedBanner(p.simulated));
  sections.push(`<h1>${esc(input.title)}</h1><p class="muted">Generated ${esc(input.generatedAt)} by ${esc(p?.tumenVersion ?? 'Tumen')}${input.selection ? ` · selection: <code>${esc(input.selection)}</code>` : ''}</p>`);
  if (v) {
    sections.push(`<h2>Vessel</h2>${table(['MMSI', 'name', 'IMO', 'call sign', 'flag', 'positions', 'first seen', 'last seen'],
      [[(v.mmsis ?? [v.mmsi]).join(', '), v.shipname, v.imo, v.callsign, v.flag, v.activity?.positions, v.activity?.first_seen, v.activity?.last_seen]])}`);
  }
  if (input.mapSvg) sections.push(`<h2>Map</h2><figure class="map">${input.mapSvg}<figcaption class="muted">Land: Natural Earth 1:10m (public domain). Ports: NGA World Port Index Pub 150 and Tumen's ports of interest. Times UTC.</figcaption></figure>`);
  else if (input.mapImage) sections.push(`<h2>Map</h2><img class="map" alt="map of the track and events" src="${esc(input.mapImage)}">`);
  sections.push(`<h2>Timeline</h2>${times.length ? timelineSvg({ fromMs, toMs, events: input.events, gaps: input.gaps, widthPx: 900, colors: input.colors }) : '<p class="muted">no events</p>'}`);
  sections.push(`<h2>Events (${input.events.length})</h2><div class="events">${table(['type', 'ship', 'start (UTC)', 'end (UTC)', 'lat', 'lon', 'partner / port', 'evidence', 'id'],
    input.events.map((e) => [e.type, shipText(e.vessel, e.mmsi), shortTime(e.start), e.end ? shortTime(e.end) : 'open', e.lat.toFixed(4), e.lon.toFixed(4),
      e.other_mmsi ? shipText(e.other_vessel, e.other_mmsi) : e.port ? `${e.port.name} (${e.port.country})` : '', evidenceText(e.evidence), e.id]))}</div>`);
  // Every candidate port of every dark period, not only the inferred one: the reader weighs the alternatives.
  const withCandidates = input.events.filter((e) => Array.isArray(e.candidates) && (e.candidates as unknown[]).length > 0);
  if (withCandidates.length) {
    sections.push(`<h2>Candidate ports of the dark periods</h2>${table(['event', 'rank', 'port', 'score share', 'course agreement', 'detour ratio', 'transit h', 'time slack'],
      withCandidates.flatMap((e) => {
        const c = e.candidates as Array<{ name: string; country: string; score?: number; feasibility: number; heading_agreement?: number | null; detour_ratio?: number | null; transit_h?: number }>;
        const total = c.reduce((a, x) => a + (x.score ?? x.feasibility), 0) || 1;
        return c.map((x, i) => [e.id, i + 1, `${x.name} (${x.country})`, `${Math.round(((x.score ?? x.feasibility) / total) * 100)} %`,
          x.heading_agreement ?? '', x.detour_ratio ?? '', x.transit_h ?? '', x.feasibility]);
      }))}`);
  }
  if (input.beyondAis) sections.push(beyondAisSections(input.beyondAis));
  if (v) {
    sections.push(`<h2>Identity history</h2>${table(['MMSI', 'field', 'value', 'first seen', 'last seen', 'messages'], v.identities.map((i) => [i.mmsi ?? v.mmsi, i.field, i.value, i.first_seen, i.last_seen, i.messages]))}`);
    sections.push(`<h2>Sanctions list matches</h2>${table(['list', 'entry', 'listed name', 'score', 'matched on', 'reason'], v.list_matches.map((m) => {
      const x = m as Record<string, unknown>;
      return [x.list, x.entry_id, x.name, x.score, Array.isArray(x.matched_on) ? x.matched_on.join(', ') : x.matched_on, x.reason];
    }))}`);
    sections.push(`<h2>Risk</h2>${riskSection(v.risk)}`);
  }
  if (p) sections.push(provenanceSections(p));
  sections.push(`<h2>${p ? 'Reference data' : 'Data sources'}</h2>${table(['source', 'detail'], input.sources.map((s) => [s.name, s.detail]))}`);
  const runs = p?.detection ?? [];
  const overrides = runs.length === 0 ? '' : `<h3>Overrides the events were detected with</h3>${table(['event type', 'detected by', 'at (UTC)', 'overrides (--param)'],
    runs.map((r) => [r.type, r.command ?? 'not recorded', r.runAt ? `${r.live ? 'session started ' : ''}${shortTime(r.runAt)}` : '', r.command === null ? 'unknown' : r.params.length ? r.params.join(' ') : 'none: defaults below']))}`;
  sections.push(`<h2>Detector parameters</h2>${overrides}${runs.some((r) => r.params.length) ? '<p class="muted">Defaults of this Tumen; the overrides above replace them.</p>' : ''}${Object.entries(input.parameters).map(([block, params]) =>
    `<h3>${esc(block)}</h3>${table(['parameter', 'value'], Object.entries(params).map(([k, val]) => [k, val]))}`).join('')}`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(input.title)}</title>
<style>
body { font: 12px/1.45 Georgia, serif; margin: 24px auto; max-width: 960px; color: #111; }
h1 { font-size: 20px; } h2 { font-size: 15px; border-bottom: 1px solid #999; margin-top: 22px; } h3 { font-size: 13px; }
table { border-collapse: collapse; width: 100%; font: 11px/1.3 sans-serif; } th, td { border: 1px solid #bbb; padding: 2px 4px; text-align: left; vertical-align: top; word-break: break-word; }
img.map { width: 100%; border: 1px solid #999; } figure.map { margin: 0; } figure.map svg { width: 100%; height: auto; }
pre { white-space: pre-wrap; word-break: break-all; background: #f4f4f4; padding: 6px; font-size: 11px; }
.banner { border: 3px solid #b2182b; color: #b2182b; font: 700 14px/1.3 sans-serif; padding: 8px 10px; }
.banner.unknown { border-color: #7a4a00; color: #7a4a00; }
@page { size: A4; margin: 14mm 14mm 18mm; }
.page-flag { display: none; }
@media print { .page-flag { display: block; position: fixed; bottom: -12mm; left: 0; right: 0; text-align: center; font: 700 11px sans-serif; color: #b2182b; } }
.events td:nth-child(-n+7) { white-space: nowrap; } .events td:nth-child(8) { font-size: 10px; } .muted { color: #666; } svg { max-width: 100%; height: auto; }
@media print { h2 { break-after: avoid; } table, img, svg { break-inside: avoid; } }
</style></head><body>
${sections.join('\n')}
</body></html>
`;
}
