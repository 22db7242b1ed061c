// tumen vessel: a dossier for one vessel - identities over time, list matches, events timeline, risk.
import type { Command } from 'commander';
import { withDbOption } from '../options.js';
import { withStore } from '../../store/db.js';
import { buildDossier, type VesselDossier } from '../../store/vessel-dossier.js';
import type { TumenEvent } from '../../events/schema.js';

function eventLine(e: TumenEvent): string {
  const bits = [e.start, e.end ? `-> ${e.end}` : '(open)', e.type];
  if (e.port) bits.push(`at ${e.port.name} (${e.port.country})`);
  if (e.other_mmsi !== undefined) bits.push(`with ${e.other_mmsi}`);
  if (e.duration_h !== undefined) bits.push(`${e.duration_h} h`);
  if (e.intentional) bits.push('intentional');
  if (e.before_m !== undefined || e.after_m !== undefined) bits.push(`draught ${e.before_m ?? '?'} -> ${e.after_m ?? '?'} m`);
  bits.push(`[${e.id}]`);
  return bits.join(' ');
}

export function renderText(d: VesselDossier): string {
  const L: string[] = [];
  L.push(`Vessel: ${d.current.shipname ?? '?'}  IMO ${d.current.imo ?? '?'}  call sign ${d.current.callsign ?? '?'}  MMSI ${d.mmsis.join(', ') || '?'}`);
  L.push(`Risk: ${d.risk.level.toUpperCase()} (${d.risk.score} points)`);
  for (const i of d.risk.indicators) {
    L.push(`  +${i.points}  ${i.label}  [${i.rule}]`);
    for (const v of [...i.evidence.list_entries, ...i.evidence.values]) L.push(`         ${v}`);
    if (i.evidence.event_ids.length) L.push(`         events: ${i.evidence.event_ids.join(', ')}`);
  }
  L.push(`Sanctions screening: ${d.screening.verdict}`);
  for (const f of d.screening.findings) L.push(`  finding: ${f}`);
  for (const m of d.screening.matches) L.push(`  ${m.score.toFixed(3)} ${m.list}#${m.entry_id} ${m.name} [${m.matched_on.join(', ')}]: ${m.reason}`);
  L.push(`Identities (${d.identities.length} runs):`);
  for (const r of d.identities) L.push(`  ${r.mmsi} ${r.field.padEnd(11)} ${r.value.padEnd(24)} ${r.first_seen} .. ${r.last_seen} (${r.messages} msgs)`);
  L.push(`Events (${d.events.length}):`);
  for (const e of d.events) L.push(`  ${eventLine(e)}`);
  if (d.counterparties.length) {
    L.push('Encounter partners:');
    for (const c of d.counterparties) L.push(`  ${c.mmsi} ${c.listed ? 'LISTED' : c.level} ${c.entries.join('; ')}`);
  }
  return L.join('\n');
}

const md = (s: string): string => s.replace(/\|/g, '\\|');

export function renderMarkdown(d: VesselDossier): string {
  const L: string[] = [];
  L.push(`# ${md(d.current.shipname ?? d.query)}`, '');
  L.push(`IMO ${d.current.imo ?? '?'} · call sign ${d.current.callsign ?? '?'} · MMSI ${d.mmsis.join(', ') || '?'}`, '');
  L.push(`## Risk: ${d.risk.level} (${d.risk.score} points)`, '');
  if (d.risk.indicators.length) {
    L.push('| indicator | points | rule | evidence |', '|---|---:|---|---|');
    for (const i of d.risk.indicators) {
      const ev = [...i.evidence.list_entries, ...i.evidence.values, ...i.evidence.event_ids.map((x) => `\`${x}\``)].join('<br>');
      L.push(`| ${md(i.label)} | ${i.points} | ${md(i.rule)} | ${md(ev)} |`);
    }
    L.push('');
  }
  L.push(`## Sanctions lists: ${d.screening.verdict}`, '');
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
  if (d.events.length) for (const e of d.events) L.push(`- ${md(eventLine(e))}`);
  else L.push('No events in the store.');
  return `${L.join('\n')}\n`;
}

export function register(program: Command): void {
  withDbOption(
    program
      .command('vessel <query>')
      .description('a vessel dossier (MMSI, IMO or name): identities over time, list matches, events timeline, risk breakdown')
      .option('--format <format>', 'text | json | markdown', 'text'),
  ).action(async (query: string, opts: { db: string; format: string }) => {
    if (!['text', 'json', 'markdown'].includes(opts.format)) throw new Error('--format must be text, json or markdown');
    const d = await withStore(opts.db, (store) => buildDossier(store, query), { readOnly: true });
    if (d.mmsis.length === 0 && d.screening.matches.length === 0) process.stderr.write(`nothing known about "${query}" in ${opts.db} (no identity history, events or list matches)\n`);
    const out = opts.format === 'json' ? `${JSON.stringify(d, null, 2)}\n` : opts.format === 'markdown' ? renderMarkdown(d) : `${renderText(d)}\n`;
    process.stdout.write(out);
  });
}
