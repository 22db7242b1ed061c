// The report of an event *selection* (the events page), built in the browser with the map image from the
// live canvas. A ship's or one event's evidence pack comes from the server (GET /api/report): print map,
// SHA-256s, reproducing command.
import { renderEvidenceReport, type ReportEvent, type ReportVessel } from '../report/evidence.js';
import { parameterBlocks } from '../report/parameters.js';
import { api } from './api.js';
import { EVENT_RGB, hex } from './colors.js';
import { downloadText } from './dom.js';
import type { TumenMap } from './map.js';

async function sources(): Promise<Array<{ name: string; detail: string }>> {
  const out: Array<{ name: string; detail: string }> = [];
  try {
    const stats = await api<{ positions: number; vessels: number; first_position: string | null; last_position: string | null; sources?: Array<Record<string, unknown>> }>('api/stats');
    out.push({ name: 'AIS positions in the store', detail: `${stats.positions} positions of ${stats.vessels} vessels, ${stats.first_position ?? '?'} – ${stats.last_position ?? '?'}` });
    for (const s of stats.sources ?? []) out.push({ name: 'ingested', detail: Object.entries(s).map(([k, v]) => `${k}: ${v}`).join(', ') });
  } catch { /* the report still carries the rest */ }
  try {
    const { lists } = await api<{ lists: Array<Record<string, unknown>> }>('api/lists');
    for (const l of lists) out.push({ name: `sanctions list ${String(l.name ?? l.source ?? '')}`, detail: Object.entries(l).map(([k, v]) => `${k}: ${v}`).join(', ') });
  } catch { /* idem */ }
  out.push({ name: 'Basemap', detail: 'Natural Earth 1:50m land (public domain), via npm world-atlas' });
  out.push({ name: 'Ports of interest', detail: 'NGA World Port Index Pub 150 (2023); Dunai approximate (open-source reporting)' });
  return out;
}

export async function downloadReport(opts: {
  map: TumenMap;
  title: string;
  filename: string;
  events: ReportEvent[];
  vessel?: ReportVessel;
  gaps?: Array<[number, number]>;
  selection?: string;
}): Promise<void> {
  const html = renderEvidenceReport({
    title: opts.title,
    generatedAt: new Date().toISOString(),
    mapImage: await opts.map.capture(),
    vessel: opts.vessel,
    events: opts.events,
    gaps: opts.gaps,
    sources: await sources(),
    parameters: parameterBlocks(),
    colors: Object.fromEntries(Object.entries(EVENT_RGB).map(([k, v]) => [k, hex(v)])),
    selection: opts.selection,
  });
  downloadText(html, opts.filename, 'text/html');
}
