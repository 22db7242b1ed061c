// tumen screen: one ship (IMO, MMSI or name) or a fleet file against every loaded list.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { withDbOption } from '../options.js';
import { withReadStore } from '../store-access.js';
import { listLists, type LoadedListInfo } from '../../store/lists.js';
import { mmsisByImo, mmsisFor, shipnamesByMmsi } from '../../store/vessel-dossier.js';
import { behaviourOf, type Behaviour } from '../../store/fleet-risk.js';
import { parseCsv } from '../../lists/csv.js';
import { StoreScreener } from '../../store/screen.js';
import { staleReason } from '../../store/screening-index.js';
import { parseScreenQuery, queryFromRow } from '../../screening/query.js';
import type { ScreenQuery, ScreenResult } from '../../screening/types.js';

/** The jsonl line of the output contract: {query, verdict, matches[...]} (+ findings when there are any). */
export function resultLine(query: Record<string, unknown>, r: ScreenResult): Record<string, unknown> {
  const out: Record<string, unknown> = {
    query,
    verdict: r.verdict,
    matches: r.matches.map((m) => ({
      list: m.list, list_version: m.list_version, entry_id: m.entry_id, name: m.name, score: m.score, matched_on: m.matched_on, reason: m.reason,
    })),
  };
  if (r.findings.length > 0) out.findings = r.findings;
  return out;
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const CSV_OUT = ['row', 'name', 'imo', 'mmsi', 'callsign', 'verdict', 'score', 'list', 'entry_id', 'listed_name', 'matched_on', 'reason', 'other_matches', 'findings'];
const CSV_RISK = ['seen', 'risk_level', 'risk_score', 'last_seen', 'dark_events', 'events', 'mmsis'];

function csvLine(rowNo: number, q: ScreenQuery, r: ScreenResult, b?: Behaviour): string {
  const best = r.matches[0];
  const risk = b ? [b.seen, b.risk_level, b.risk_score, b.last_seen, b.dark_events, b.events, b.mmsis.join('|')] : [];
  return [rowNo, q.name, q.imo, q.mmsi, q.callsign, r.verdict, best?.score, best?.list, best?.entry_id, best?.name,
    best?.matched_on.join('|'), best?.reason, Math.max(0, r.matches.length - 1), r.findings.join('; '), ...risk].map(csvCell).join(',');
}

function behaviourText(b: Behaviour): string {
  return b.seen
    ? `  behaviour: risk ${b.risk_level?.toUpperCase()} (${b.risk_score} points), ${b.dark_events} dark events of ${b.events}, last seen ${b.last_seen ?? 'never (no positions)'}, MMSI ${b.mmsis.join(', ')}`
    : '  behaviour: not in this store (no positions, identity or events): nothing assessed';
}

/** Which lists a verdict covers, with their versions and dates. */
function listsLine(lists: LoadedListInfo[], only?: string[]): string {
  const used = lists.filter((l) => !only || only.includes(l.name));
  return `screened against ${used.map((l) => `${l.name} ${l.version ?? '(no version)'}${l.published ? ` published ${l.published}` : ''} (imported ${l.imported_at.slice(0, 10)}, ${l.vessels} vessels)`).join('; ')}`;
}

function textReport(label: string, r: ScreenResult): string {
  const lines = [`${label}: ${r.verdict.toUpperCase()}`];
  for (const f of r.findings) lines.push(`  finding: ${f}`);
  for (const m of r.matches) {
    lines.push(`  ${m.score.toFixed(3)}  ${m.list}#${m.entry_id}  ${m.name}  [${m.matched_on.join(', ')}]  (${m.list_version ?? 'no version'})`);
    lines.push(`         ${m.reason}`);
  }
  return lines.join('\n');
}

export function register(program: Command): void {
  withDbOption(
    program
      .command('screen [query]')
      .description('screen a ship (IMO, MMSI or name, detected) or a fleet file (--file) against the loaded sanctions lists')
      .option('--file <csv>', 'fleet CSV with a header naming any of name, imo, mmsi, callsign, flag, owner, operator (or manager)')
      .option('--format <format>', 'text | json | jsonl | csv (default: text for one ship, jsonl for a file; json = jsonl for a file)')
      .option('--list <names...>', 'screen against these lists only')
      .option('--with-risk', 'add behaviour from the store: risk level and score, last seen, dark events (all MMSIs of the ship)'),
  ).action(async (queryText: string | undefined, opts: { db: string; file?: string; format?: string; list?: string[]; withRisk?: boolean }) => {
    if (!queryText && !opts.file) throw new Error('give a QUERY (IMO, MMSI or name) or --file fleet.csv');
    await withReadStore(opts.db, async (store) => {
      const lists = await listLists(store);
      if (lists.length === 0) throw new Error('no sanctions lists loaded in this store: run `tumen lists import FILE` first');
      const unknownLists = (opts.list ?? []).filter((n) => !lists.some((l) => l.name === n));
      if (unknownLists.length) throw new Error(`no list named ${unknownLists.join(', ')} in this store; loaded: ${lists.map((l) => l.name).join(', ')}`);
      const screener = (await StoreScreener.open(store, opts.list))!;
      // Read-only here, so a stale index is not rebuilt: say so, and how.
      for (const list of screener.inMemory) {
        process.stderr.write(`tumen: the screening index of ${list} is ${await staleReason(store, list)}: screening it in memory (slow on a big list); `
          + `rebuild it with \`tumen lists reindex --db ${opts.db}\`\n`);
      }
      // Behaviour's risk weighs every loaded list, as the dossier does, whatever --list screens.
      const riskScreener = opts.withRisk ? (opts.list ? await StoreScreener.open(store) : screener) : null;
      const behaviour = async (q: ScreenQuery): Promise<Behaviour | undefined> => {
        if (!opts.withRisk) return undefined;
        const key = q.mmsi && /^\d{9}$/.test(q.mmsi) ? q.mmsi : q.imo ? q.imo.replace(/\D/g, '') : q.name ?? q.callsign;
        return key ? behaviourOf(store, key, riskScreener) : { seen: false, mmsis: [], risk_level: null, risk_score: null, last_seen: null, dark_events: 0, events: 0 };
      };
      process.stderr.write(`${listsLine(lists, opts.list)}\n`);
      const formerNames = await shipnamesByMmsi(store);
      const byImo = await mmsisByImo(store);
      if (queryText) {
        const q = parseScreenQuery(queryText);
        // A ship the store knows: screen the names it has broadcast as well.
        const mmsis = q.mmsi ? [Number(q.mmsi)] : await mmsisFor(store, { imo: q.imo });
        const r = await screener.screenOne({ ...q, formerNames: mmsis.flatMap((m) => formerNames.get(m) ?? []) });
        const format = opts.format ?? 'text';
        const b = await behaviour(q);
        if (format === 'text') process.stdout.write(`${textReport(queryText, r)}\n${b ? `${behaviourText(b)}\n` : ''}`);
        else if (format === 'csv') process.stdout.write(`${[...CSV_OUT, ...(b ? CSV_RISK : [])].join(',')}\n${csvLine(1, q, r, b)}\n`);
        else process.stdout.write(`${JSON.stringify({ ...resultLine({ text: queryText, ...q }, r), ...(b ? { behaviour: b } : {}) }, null, format === 'json' ? 2 : undefined)}\n`);
        return;
      }
      const rows = parseCsv(readFileSync(opts.file!, 'utf8'));
      const header = (rows[0] ?? []).map((h) => h.trim());
      const format = opts.format ?? 'jsonl';
      if (format === 'csv') process.stdout.write(`${[...CSV_OUT, ...(opts.withRisk ? CSV_RISK : [])].join(',')}\n`);
      const counts = { match: 0, possible: 0, clear: 0, empty: 0, risky: 0 };
      const chunks: string[] = [];
      const fleet = rows.slice(1).map((cells) => {
        const row: Record<string, string> = {};
        header.forEach((h, i) => { row[h] = (cells[i] ?? '').trim(); });
        const q = queryFromRow(row);
        // Names the ship has broadcast (by its MMSI, else by the MMSIs that carried its IMO).
        const known = q.mmsi && /^\d{9}$/.test(q.mmsi) ? [Number(q.mmsi)] : q.imo ? byImo.get(q.imo.replace(/\D/g, '')) ?? [] : [];
        q.formerNames = [...new Set(known.flatMap((m) => formerNames.get(m) ?? []))];
        return { row, q };
      });
      const results = await screener.screen(fleet.map((f) => f.q));
      for (let k = 1; k < rows.length; k++) {
        const { row, q } = fleet[k - 1];
        const r = results[k - 1];
        if (!q.name && !q.imo && !q.mmsi && !q.callsign) { r.findings.push('row has no name, imo, mmsi or callsign'); counts.empty++; }
        counts[r.verdict]++;
        const b = await behaviour(q);
        if (b && (b.risk_level === 'high' || b.risk_level === 'sanctioned')) counts.risky++;
        chunks.push(format === 'csv' ? csvLine(k, q, r, b)
          : format === 'text' ? `${textReport(`row ${k}: ${[q.name, q.imo && `IMO ${q.imo}`, q.mmsi && `MMSI ${q.mmsi}`].filter(Boolean).join(' ')}`, r)}${b ? `\n${behaviourText(b)}` : ''}`
            : JSON.stringify({ ...resultLine(row, r), ...(b ? { behaviour: b } : {}) }));
        if (chunks.length >= 1000) { process.stdout.write(`${chunks.join('\n')}\n`); chunks.length = 0; }
      }
      if (chunks.length > 0) process.stdout.write(`${chunks.join('\n')}\n`);
      process.stderr.write(`screened ${rows.length - 1} rows: ${counts.match} match, ${counts.possible} possible, ${counts.clear} clear`
        + `${counts.empty ? ` (${counts.empty} rows with nothing to screen)` : ''}${opts.withRisk ? `; ${counts.risky} high or sanctioned by behaviour` : ''}\n`);
    });
  });
}
