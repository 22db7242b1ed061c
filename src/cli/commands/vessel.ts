// tumen vessel: a dossier for one vessel - identities over time, list matches, events timeline, risk.
import type { Command } from 'commander';
import { withDbOption } from '../options.js';
import { serverJson, withReadStore } from '../store-access.js';
import { vesselText } from '../../store/vessel-labels.js';
import { shiptypeText } from '../../ais/lookups.js';
import { buildDossier, type VesselDossier } from '../../store/vessel-dossier.js';
import type { TumenEvent } from '../../events/schema.js';

/** A ship type in words with its code ("Tanker - all ships of this type (80)"); other fields as stored. */
export function identityValue(field: string, value: string): string {
  const n = Number(value);
  return field === 'shiptype' && Number.isInteger(n) && n > 0 ? `${shiptypeText(n)} (${n})` : value;
}

function eventLine(e: TumenEvent, d: VesselDossier): string {
  const bits = [e.start, e.end ? `-> ${e.end}` : '(open)', e.type];
  if (d.mmsis.length > 1) bits.push(`as MMSI ${e.mmsi}`);
  if (e.port) bits.push(`at ${e.port.name} (${e.port.country})`);
  else if (e.candidates?.length) bits.push(`likely ${e.candidates.slice(0, 3).map((c) => `${c.name} (${c.country}) ${Math.round(c.feasibility * 100)}%`).join(' / ')}`);
  if (e.other_mmsi !== undefined) {
    const other = d.mmsis.includes(e.other_mmsi) ? e.mmsi : e.other_mmsi;
    bits.push(`with ${vesselText(d.vessels[String(other)], other)}`);
  }
  if (e.duration_h !== undefined) bits.push(`${e.duration_h} h`);
  if (e.intentional) bits.push('intentional');
  if (e.before_m !== undefined || e.after_m !== undefined) bits.push(`draught ${e.before_m ?? '?'} -> ${e.after_m ?? '?'} m`);
  bits.push(`[${e.id}]`);
  return bits.join(' ');
}

/** What screening covered: the lists with versions and dates, or that nothing was screened. */
export function screeningLine(d: VesselDossier): string {
  if (d.screened_against.length === 0) return 'NOT SCREENED: no sanctions lists loaded in this store (run `tumen lists import FILE`)';
  const lists = d.screened_against.map((l) => `${l.name} ${l.version ?? '(no version)'}${l.published ? ` published ${l.published}` : ''}, imported ${l.imported_at.slice(0, 10)}`);
  return `${d.screening.verdict.toUpperCase()} against ${lists.join('; ')}`;
}

function seenLine(d: VesselDossier): string {
  const a = d.activity;
  return a.positions === 0 ? 'Seen: no positions in this store'
    : `Seen: ${a.positions} positions ${a.first_seen} .. ${a.last_seen}, last at ${a.last_lat?.toFixed(4)}, ${a.last_lon?.toFixed(4)}`;
}

export function renderText(d: VesselDossier): string {
  const L: string[] = [];
  const c = d.current;
  L.push(`Vessel: ${c.shipname ?? '?'}  IMO ${c.imo ?? '?'}  flag ${c.flag ?? '?'}  call sign ${c.callsign ?? '?'}  MMSI ${d.mmsis.join(', ') || '?'}${c.shiptype ? `  (${c.shiptype})` : ''}`);
  L.push(seenLine(d));
  L.push(`Risk: ${d.risk.level.toUpperCase()} (${d.risk.score} points, from ${d.events.length} events, ${d.identities.length} identity runs, ${d.screened_against.length ? `${d.screened_against.length} lists` : 'no lists'})`);
  for (const i of d.risk.indicators) {
    L.push(`  +${i.points}  ${i.label}  [${i.rule}]`);
    for (const v of [...i.evidence.list_entries, ...i.evidence.values]) L.push(`         ${v}`);
    if (i.evidence.event_ids.length) L.push(`         events: ${i.evidence.event_ids.join(', ')}`);
  }
  L.push(`Sanctions screening: ${screeningLine(d)}`);
  for (const f of d.screening.findings) if (d.screened_against.length) L.push(`  finding: ${f}`);
  for (const m of d.screening.matches) L.push(`  ${m.score.toFixed(3)} ${m.list}#${m.entry_id} ${m.name} [${m.matched_on.join(', ')}]: ${m.reason}`);
  L.push(`Identities (${d.identities.length} runs):`);
  for (const r of d.identities) L.push(`  ${r.mmsi} ${r.field.padEnd(12)} ${identityValue(r.field, r.value).padEnd(24)} ${r.first_seen} .. ${r.last_seen} (${r.messages} msgs)`);
  L.push(`Events (${d.events.length}):`);
  for (const e of d.events) L.push(`  ${eventLine(e, d)}`);
  if (d.counterparties.length) {
    L.push('Encounter partners:');
    for (const p of d.counterparties) L.push(`  ${vesselText(d.vessels[String(p.mmsi)], p.mmsi)} ${p.listed ? 'LISTED' : p.level} ${p.entries.join('; ')}`);
  }
  return L.join('\n');
}

const md = (s: string): string => s.replace(/\|/g, '\\|');

export function renderMarkdown(d: VesselDossier): string {
  const L: string[] = [];
  L.push(`# ${md(d.current.shipname ?? d.query)}`, '');
  L.push(`IMO ${d.current.imo ?? '?'} · flag ${d.current.flag ?? '?'} · call sign ${d.current.callsign ?? '?'} · MMSI ${d.mmsis.join(', ') || '?'}`, '', seenLine(d), '');
  L.push(`## Risk: ${d.risk.level} (${d.risk.score} points)`, '');
  if (d.risk.indicators.length) {
    L.push('| indicator | points | rule | evidence |', '|---|---:|---|---|');
    for (const i of d.risk.indicators) {
      const ev = [...i.evidence.list_entries, ...i.evidence.values, ...i.evidence.event_ids.map((x) => `\`${x}\``)].join('<br>');
      L.push(`| ${md(i.label)} | ${i.points} | ${md(i.rule)} | ${md(ev)} |`);
    }
    L.push('');
  }
  L.push(`## Sanctions lists: ${md(screeningLine(d))}`, '');
  for (const f of d.screening.findings) L.push(`- finding: ${md(f)}`);
  if (d.screening.matches.length) {
    L.push('| list | version | entry | name | score | matched on | reason |', '|---|---|---|---|---:|---|---|');
    for (const m of d.screening.matches) L.push(`| ${m.list} | ${md(m.list_version ?? '')} | ${m.entry_id} | ${md(m.name)} | ${m.score} | ${m.matched_on.join(', ')} | ${md(m.reason)} |`);
  }
  L.push('', '## Identities over time', '');
  if (d.identities.length) {
    L.push('| MMSI | field | value | first seen | last seen | messages |', '|---|---|---|---|---|---:|');
    for (const r of d.identities) L.push(`| ${r.mmsi} | ${r.field} | ${md(r.value)} | ${r.first_seen} | ${r.last_seen} | ${r.messages} |`);
  } else L.push('No identity history in the store.');
  L.push('', '## Events', '');
  if (d.events.length) for (const e of d.events) L.push(`- ${md(eventLine(e, d))}`);
  else L.push('No events in the store.');
  return `${L.join('\n')}\n`;
}

export function register(program: Command): void {
  withDbOption(
    program
      .command('vessel <query>')
      .description('a ship\'s dossier (MMSI, IMO, name, former name or call sign): every MMSI it used, identities over time, list matches, events, risk')
      .option('--format <format>', 'text | json | markdown', 'text'),
  ).action(async (query: string, opts: { db: string; format: string }) => {
    if (!['text', 'json', 'markdown'].includes(opts.format)) throw new Error('--format must be text, json or markdown');
    const d = await withReadStore(opts.db, (store) => buildDossier(store, query),
      (url) => serverJson<VesselDossier>(`${url}/api/dossier?q=${encodeURIComponent(query)}`));
    if (!d.known && d.screening.matches.length === 0) {
      throw new Error(`no vessel matching "${query}" in ${opts.db}: searched MMSIs, IMOs, names (current and former) and call signs`
        + ' of its identity history, positions and events; try another spelling, or list candidates with `tumen serve` and /api/vessels?q=');
    }
    if (!d.known) process.stderr.write(`"${query}" is not in the AIS data of ${opts.db}; showing list matches only\n`);
    const out = opts.format === 'json' ? `${JSON.stringify(d, null, 2)}\n` : opts.format === 'markdown' ? renderMarkdown(d) : `${renderText(d)}\n`;
    process.stdout.write(out);
  });
}
