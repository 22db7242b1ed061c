// `tumen fuel` output: a text report (deliveries, per-vessel and yearly totals vs the UNSCR 2397 cap, then the
// pending and the set-aside ones), JSON Lines (one delivery per line, one line per year, then one per pending
// and set-aside item) or CSV (counted deliveries only). Pure.
import type { FuelReport } from '../store/fuel.js';

export type FuelFormat = 'text' | 'jsonl' | 'csv';

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

function cell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function formatFuel(r: FuelReport, format: FuelFormat): string {
  if (format === 'jsonl') {
    return [...r.deliveries.map((d) => ({ record: 'delivery', ...d })), ...r.years.map((y) => ({ record: 'year', ...y })), ...r.pending.map((x) => ({ record: 'pending', ...x })), ...r.set_aside.map((x) => ({ record: 'set_aside', ...x }))]
      .map((x) => `${JSON.stringify(x)}\n`).join('');
  }
  if (format === 'csv') {
    const head = 'start,end,mmsi,imo,shipname,kind,port,loaded_at,draught_before_m,draught_after_m,method,confidence,bbl_low,bbl_central,bbl_high,event_id';
    return [head, ...r.deliveries.map((d) => [d.start, d.end, d.mmsi, d.imo, d.shipname, d.kind, d.port, d.loaded_at, d.draught_before_m, d.draught_after_m,
      d.method, d.confidence, d.barrels.low, d.barrels.central, d.barrels.high, d.event_id].map(cell).join(','))].join('\n') + '\n';
  }
  const aside = r.set_aside.map((x) => `  ${x.start} ${x.shipname ?? '(no name)'} (MMSI ${x.mmsi}) ${x.kind.replace(/_/g, ' ')}${x.port ? ` (named ${x.port} by the detector)` : ''}: ${x.why}`);
  const asideBlock = aside.length ? ['', 'not counted (the evidence puts it elsewhere):', ...aside].join('\n') + '\n' : '';
  const pend = r.pending.map((x) => `  ${x.start} ${x.shipname ?? '(no name)'} (MMSI ${x.mmsi}) ${x.kind.replace(/_/g, ' ')}${x.port ? ` at ${x.port}` : ''}: band ${fmt(x.barrels.low)}–${fmt(x.barrels.high)} bbl (central ${fmt(x.barrels.central)}, ${x.method}) — ${x.why}`);
  const pendBlock = pend.length ? ['', 'pending, not in the totals (possible deliveries nothing has measured yet):', ...pend].join('\n') + '\n' : '';
  if (r.deliveries.length === 0) {
    return 'No fuel deliveries to the DPRK found: no tanker (AIS type 80-89) dark port call or port call at a DPRK port, nor an encounter with a DPRK-flagged ship, among the stored events (run tumen detect first).\n' + pendBlock + asideBlock;
  }
  const lines: string[] = [];
  for (const y of r.years) {
    const pending = y.pending.deliveries ? `; pending, not in the total: ${y.pending.deliveries}, ${fmt(y.pending.barrels.low)}–${fmt(y.pending.barrels.high)} bbl` : '';
    lines.push(`${y.year}: ${y.deliveries} deliveries, ${fmt(y.barrels.central)} bbl (band ${fmt(y.barrels.low)}–${fmt(y.barrels.high)}) = ${(y.share_of_cap * 100).toFixed(1)} % of the UNSCR 2397 cap of ${fmt(y.cap_bbl)} bbl${pending}`);
    for (const v of y.by_vessel) lines.push(`  ${v.shipname ?? '(no name)'} IMO ${v.imo ?? 'n/a'} MMSI ${v.mmsi}: ${v.deliveries} deliveries, ${fmt(v.barrels.central)} bbl (${fmt(v.barrels.low)}–${fmt(v.barrels.high)})`);
  }
  lines.push('', 'deliveries:');
  for (const d of r.deliveries) {
    lines.push(`  ${d.start} ${d.shipname ?? '(no name)'} (MMSI ${d.mmsi}) ${d.kind.replace(/_/g, ' ')} at ${d.port ?? '?'}: ${fmt(d.barrels.central)} bbl [${d.method}, ${d.confidence} confidence] — ${d.note}${d.loaded_at ? `; loaded at ${d.loaded_at}` : ''}`);
  }
  return lines.join('\n') + '\n' + pendBlock + asideBlock;
}
