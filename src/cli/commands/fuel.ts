// `tumen fuel`: refined-petroleum deliveries to the DPRK estimated from the stored events and statics, with
// per-vessel and yearly running totals against the UNSCR 2397 cap of 500,000 barrels a year.
import type { Command } from 'commander';
import { withDbOption } from '../options.js';
import { withStore } from '../../store/db.js';
import { fuelReport } from '../../store/fuel.js';
import { formatFuel, type FuelFormat } from '../../io/fuel-out.js';

export function register(program: Command): void {
  withDbOption(
    program
      .command('fuel')
      .description('fuel-cap monitor: tanker deliveries to the DPRK, volumes (low/central/high) and yearly totals vs the UNSCR 2397 cap')
      .option('--year <year>', 'only this calendar year')
      .option('--format <format>', 'text | jsonl | csv', 'text'),
  ).action(async (opts: { db: string; year?: string; format: string }) => {
    const fail = (msg: string): void => { process.stderr.write(`tumen fuel: ${msg}\n`); process.exitCode = 2; };
    if (!['text', 'jsonl', 'csv'].includes(opts.format)) return fail(`unknown format "${opts.format}" (text, jsonl, csv)`);
    const year = opts.year === undefined ? undefined : Number(opts.year);
    if (year !== undefined && !(Number.isInteger(year) && year >= 1990 && year <= 2100)) return fail(`--year must be a year like 2024, got "${opts.year}"`);
    await withStore(opts.db, async (store) => {
      process.stdout.write(formatFuel(await fuelReport(store, year), opts.format as FuelFormat));
    });
  });
}
