// `tumen anchorages build|list|export`: ports and anchorages learned from where ships stop in the store
// (src/anchorages; GFW anchorages pipeline with thresholds scaled to the store's span). `build` is
// incremental (only positions newer than the last build are read; `--full` starts over); `tumen detect`
// runs it first, so port visits always use the areas of all data stored.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { withDbOption } from '../options.js';
import { withStore } from '../../store/db.js';
import { ensurePositionsSchema } from '../../store/positions.js';
import { buildAnchorages, storedPortAreas } from '../../store/anchorages.js';
import { anchoragesCsv, anchoragesGeoJson } from '../../anchorages/export.js';
import type { Anchorage, LearnResult } from '../../anchorages/learn.js';

export function register(program: Command): void {
  const cmd = program.command('anchorages').description('ports and anchorages learned from where ships stop (build, list, export)');
  withDbOption(
    cmd.command('build').description('learn ports and anchorages from the stored positions (incremental)').option('--full', 'forget earlier builds and read every position'),
  ).action(async (opts: { db: string; full?: boolean }) => {
    await withStore(opts.db, async (store) => {
      await ensurePositionsSchema(store);
      const r = await buildAnchorages(store, { full: opts.full });
      const t = r.learned.thresholds;
      process.stdout.write(
        `read ${r.positionsRead} positions${r.fromMs === null ? '' : ` since ${new Date(r.fromMs).toISOString()}`}; ${r.stopsAdded} new stops, ${r.stopsTotal} in all\n` +
          `thresholds for ${t.spanDays.toFixed(1)} days of data: stops ≥ ${t.minStationaryMin} min, cells with ≥ ${t.minVessels} vessels (1 within 10 km of a gazetteer port)\n` +
          `${r.learned.cellsKept} of ${r.learned.cellsSeen} cells kept → ${summary(r.learned)}\n`,
      );
    });
  });
  withDbOption(cmd.command('list').description('list the learned ports and anchorages, busiest first').option('--limit <n>', 'at most this many', '50')).action(
    async (opts: { db: string; limit: string }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) return fail(`--limit must be a positive integer, got ${opts.limit}`);
      await withStore(opts.db, async (store) => {
        const { learned } = await storedPortAreas(store);
        if (learned.anchorages.length === 0) {
          process.stdout.write('no anchorages learned yet: run `tumen anchorages build` after ingesting positions\n');
          return;
        }
        process.stdout.write(`${summary(learned)}\n`);
        for (const a of learned.anchorages.slice(0, limit)) process.stdout.write(`${line(a)}\n`);
      });
    },
  );
  withDbOption(
    cmd.command('export').description('write the learned anchorages as GeoJSON (cells as points) or CSV (one row per cell)')
      .requiredOption('--out <file>', 'output file (.geojson or .csv)').option('--format <f>', 'geojson | csv (default from the file name)'),
  ).action(async (opts: { db: string; out: string; format?: string }) => {
    const format = opts.format ?? (opts.out.endsWith('.csv') ? 'csv' : opts.out.endsWith('.geojson') || opts.out.endsWith('.json') ? 'geojson' : '');
    if (format !== 'csv' && format !== 'geojson') return fail(`unknown format for ${opts.out}: use --format geojson or --format csv`);
    await withStore(opts.db, async (store) => {
      const { learned } = await storedPortAreas(store);
      writeFileSync(opts.out, format === 'csv' ? anchoragesCsv(learned.anchorages) : JSON.stringify(anchoragesGeoJson(learned.anchorages)));
      const cells = learned.anchorages.reduce((n, a) => n + a.cells.length, 0);
      process.stdout.write(`wrote ${learned.anchorages.length} anchorages (${cells} cells) to ${opts.out}\n`);
    });
  });
}

function summary(l: LearnResult): string {
  const named = l.anchorages.filter((a) => a.labelled).length;
  return `${l.anchorages.length} anchorages (${named} named from the gazetteer, ${l.anchorages.length - named} unnamed)`;
}

function line(a: Anchorage): string {
  const label = a.labelled ? `label ${a.labelDistanceM} m` : 'unlabelled';
  return `${a.id.padEnd(22)} ${a.name.slice(0, 32).padEnd(32)} ${a.country.padEnd(3)} ${String(a.vessels).padStart(5)} vessels ${String(a.stops).padStart(6)} stops ${String(a.cells.length).padStart(4)} cells  ${label}`;
}

function fail(msg: string): void {
  process.stderr.write(`tumen anchorages: ${msg}\n`);
  process.exitCode = 2;
}
