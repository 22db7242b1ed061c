// `tumen sites list | import FILE | series SITE`: the watched sites (rail yards, piers, berths, crossings),
// analysts' counts on imagery, and each site's time series with change flags.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { withDbOption } from '../options.js';
import { withStore } from '../../store/db.js';
import { listSites, observationsOf, saveObservations } from '../../store/sites.js';
import { parseObservations } from '../../sites/parse.js';
import { seriesWithFlags } from '../../sites/changes.js';

const fail = (msg: string): void => { process.stderr.write(`tumen sites: ${msg}\n`); process.exitCode = 2; };

export function register(program: Command): void {
  const sites = program.command('sites').description('watched sites (rail yards, piers, berths) and counts observed on imagery');
  withDbOption(sites.command('list').description('the sites, with their sources and number of observations')).action(async (o: { db: string }) => {
    await withStore(o.db, async (store) => {
      const lines: string[] = [];
      for (const s of await listSites(store)) {
        const n = (await observationsOf(store, s.id)).length;
        lines.push(`${s.id}\t${s.name} (${s.kind.replace('_', ' ')}, ${s.country}) ${s.lat.toFixed(4)} ${s.lon.toFixed(4)}\t${n} observations\tsource: ${s.source}\n`);
      }
      process.stdout.write(lines.join(''));
    });
  });
  withDbOption(
    sites.command('import <file>').description('import observations from CSV (site_id,time,<counts>,...) or JSON; idempotent; every change logged')
      .option('--analyst <name>', 'who is importing (kept in the edit history)', 'cli'),
  ).action(async (file: string, o: { db: string; analyst: string }) => {
    let text: string;
    try { text = readFileSync(file, 'utf8'); } catch (err) { return fail(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`); }
    await withStore(o.db, async (store) => {
      const known = new Set((await listSites(store)).map((s) => s.id));
      let parsed;
      try { parsed = parseObservations(text, known); } catch (err) { return fail(`${(err as Error).message}; nothing imported`); }
      const r = await saveObservations(store, parsed.items, o.analyst, new Date().toISOString());
      const rej = Object.entries(parsed.rejects).sort();
      const nRej = rej.reduce((a, [, n]) => a + n, 0);
      process.stdout.write(`observations: ${parsed.items.length + nRej} read, ${r.new} new, ${r.updated} updated, ${r.unchanged} unchanged, ${nRej} rejected${rej.length ? ` (${rej.map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}\n`);
      if (rej.some(([k]) => k === 'unknown_site')) process.stderr.write(`known sites: ${[...known].join(', ')}\n`);
    });
  });
  withDbOption(
    sites.command('series <site>').description("a site's observations in time order with change flags (count far above its recent baseline)")
      .option('--format <format>', 'text | jsonl', 'text'),
  ).action(async (siteId: string, o: { db: string; format: string }) => {
    if (!['text', 'jsonl'].includes(o.format)) return fail(`unknown format "${o.format}" (text, jsonl)`);
    await withStore(o.db, async (store) => {
      const all = await listSites(store);
      const site = all.find((s) => s.id === siteId);
      if (!site) return fail(`unknown site "${siteId}" (one of: ${all.map((s) => s.id).join(', ')})`);
      const series = seriesWithFlags(site, await observationsOf(store, site.id));
      if (o.format === 'jsonl') { process.stdout.write(series.map((p) => `${JSON.stringify(p)}\n`).join('')); return; }
      process.stdout.write(`${site.name} — ${series.length} observations (source: ${site.source})\n`);
      for (const p of series) {
        const counts = Object.entries(p.counts).map(([k, v]) => `${k.replace('_', ' ')} ${v}`).join(', ');
        const flags = p.flags.map((f) => ` CHANGE: ${f.category.replace('_', ' ')} ${f.count} vs baseline ${f.baseline} (${f.basis})`).join(';');
        process.stdout.write(`  ${p.time.slice(0, 10)}  ${counts}${p.total_rail_cars !== null ? ` (total rail cars ${p.total_rail_cars})` : ''}${p.analyst ? ` — ${p.analyst}` : ''}${flags}\n`);
      }
    });
  });
}
