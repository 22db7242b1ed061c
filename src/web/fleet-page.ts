// Fleet screening (#/fleet): drop or pick a CSV (any of name, imo, mmsi, callsign, flag), get one row per
// ship with the list verdict (and which lists were checked), behaviour risk, last seen and dark events,
// exportable as CSV. The screening runs on the server (POST /api/screen?with_risk=1).
import { api, query } from './api.js';
import { downloadText, el, errorBox, loading, table } from './dom.js';
import { parseCsv } from '../lists/csv.js';
import { queryFromRow } from '../screening/query.js';

interface FleetResult {
  query: { name?: string; imo?: string; mmsi?: string; callsign?: string };
  verdict: string;
  matches: Array<{ list: string; entry_id: string; name: string; score: number; matched_on: string[] }>;
  findings: string[];
  behaviour?: { seen: boolean; risk_level: string | null; risk_score: number | null; last_seen: string | null; dark_events: number; events: number; mmsis: number[] };
}

const MAX_ROWS = 1000;
const COLUMNS = ['name', 'imo', 'mmsi', 'verdict', 'best match', 'risk', 'last seen', 'dark events', 'MMSIs seen'];

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function rowValues(r: FleetResult): string[] {
  const best = r.matches[0];
  const b = r.behaviour;
  return [
    r.query.name ?? '', r.query.imo ?? '', r.query.mmsi ?? '', r.verdict,
    best ? `${best.name} (${best.list}#${best.entry_id}, ${best.score.toFixed(2)}, ${best.matched_on.join('+')})` : '',
    b?.seen ? `${b.risk_level} (${b.risk_score})` : 'not in store', b?.last_seen?.slice(0, 16).replace('T', ' ') ?? '',
    b?.seen ? String(b.dark_events) : '', b?.mmsis.join(' ') ?? '',
  ];
}

export function renderFleetPage(side: HTMLElement): void {
  const input = el('input', { type: 'file', id: 'fleet-file', accept: '.csv,text/csv' });
  const drop = el('label', { class: 'dropzone', id: 'fleet-drop', for: 'fleet-file' },
    'Drop a fleet CSV here, or choose one: a header naming any of name, imo, mmsi, callsign, flag.', input);
  const out = el('div', { id: 'fleet-result' });
  side.replaceChildren(el('a', { href: '#/' }, '← triage'), el('h2', {}, 'Screen a fleet'), drop, out);

  const run = async (file: File): Promise<void> => {
    out.replaceChildren(loading(`Screening ${file.name}…`));
    try {
      const rows = parseCsv(await file.text());
      const header = (rows[0] ?? []).map((h) => h.trim());
      const vessels = rows.slice(1, MAX_ROWS + 1).map((cells) => {
        const row: Record<string, string> = {};
        header.forEach((h, i) => { row[h] = (cells[i] ?? '').trim(); });
        const q = queryFromRow(row);
        return Object.fromEntries(Object.entries({ name: q.name, imo: q.imo, mmsi: q.mmsi, callsign: q.callsign }).filter(([, v]) => v));
      }).filter((v) => Object.keys(v).length > 0);
      if (vessels.length === 0) throw new Error(`${file.name}: no row with a name, imo, mmsi or callsign (header: ${header.join(', ') || 'none'})`);
      const res = await fetch(`api/screen${query({ with_risk: 1 })}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ vessels }) });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error((body as { error?: { message?: string } }).error?.message ?? `${res.status} ${res.statusText}`);
      const { results, lists } = body as { results: FleetResult[]; lists: Array<{ name: string; version: string | null; imported_at: string }> };
      const counts = { match: 0, possible: 0, clear: 0, risky: 0 };
      for (const r of results) {
        counts[r.verdict as 'match' | 'possible' | 'clear']++;
        if (r.behaviour?.risk_level === 'high' || r.behaviour?.risk_level === 'sanctioned') counts.risky++;
      }
      const t = table(COLUMNS, results.map(rowValues));
      t.id = 'fleet-table';
      t.querySelectorAll('tbody tr').forEach((tr, i) => tr.setAttribute('data-verdict', results[i].verdict));
      const exportBtn = el('button', { type: 'button', id: 'fleet-export' }, 'Export CSV');
      exportBtn.addEventListener('click', () => downloadText(
        `${[COLUMNS, ...results.map(rowValues)].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`, `tumen-fleet-${file.name.replace(/\.csv$/i, '')}.csv`, 'text/csv'));
      out.replaceChildren(
        el('p', { id: 'fleet-summary', role: 'status' }, `${results.length} ships: ${counts.match} match, ${counts.possible} possible, ${counts.clear} clear on the lists; ${counts.risky} high or sanctioned by behaviour.${rows.length - 1 > MAX_ROWS ? ` Only the first ${MAX_ROWS} rows were screened.` : ''}`),
        el('p', { class: 'muted' }, `Lists checked: ${lists.map((l) => `${l.name} ${l.version ?? ''} (imported ${l.imported_at.slice(0, 10)})`).join('; ')}`),
        exportBtn, t);
    } catch (err) {
      out.replaceChildren(errorBox(err, () => void run(file)));
    }
  };
  input.addEventListener('change', () => { if (input.files?.[0]) void run(input.files[0]); });
  drop.addEventListener('dragover', (ev) => { ev.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (ev) => {
    ev.preventDefault();
    drop.classList.remove('over');
    const file = ev.dataTransfer?.files[0];
    if (file) void run(file);
  });
  void api('api/health').catch((err) => out.replaceChildren(errorBox(err, () => renderFleetPage(side))));
}
