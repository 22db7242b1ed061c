// tumen report: an evidence pack for one ship (or one event) — HTML, PDF (printed by headless Chromium) and
// KMZ for Google Earth — with the map drawn for print, names and identities, every candidate port, the
// input files with SHA-256, list versions, the Tumen version and the commands that remake it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { withDbOption } from '../options.js';
import { withReadStore } from '../store-access.js';
import { buildEvidencePack, type PackSubject } from '../../server/evidence-pack.js';
import { parseIsoTime } from '../../events/iso-time.js';
import { printPdf } from '../../io/pdf.js';
import { REPORT_FORMATS } from '../../server/schemas.js';
import { kmz } from '../../io/zip.js';
import { Store, StoreLockedError } from '../../store/db.js';
import { rememberFileHash, type FileStamp } from '../../store/file-hashes.js';

type ReportFormat = (typeof REPORT_FORMATS)[number];

function formats(raw: string): ReportFormat[] {
  const out = raw.split(',').map((f) => f.trim()).filter(Boolean);
  const bad = out.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
  if (out.length === 0 || bad.length) throw new Error(`--format takes a comma-separated list of ${REPORT_FORMATS.join(', ')} (got ${JSON.stringify(raw)})`);
  return [...new Set(out)] as ReportFormat[];
}

function time(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined) return undefined;
  const ms = parseIsoTime(raw);
  if (ms instanceof Error) throw new Error(`--${name}: ${ms.message}`);
  return ms;
}

/** The input files' hashes this run made, kept in the store for the next pack (read as a reader, written
 *  here only if nothing else holds the store: `tumen serve` keeps its own). */
async function keepHashes(dbPath: string, unsaved: Array<{ stamp: FileStamp; sha256: string }>): Promise<void> {
  if (unsaved.length === 0) return;
  let store: Store;
  try {
    store = await Store.open(dbPath);
  } catch (err) {
    if (err instanceof StoreLockedError) return;
    throw err;
  }
  try {
    for (const u of unsaved) await rememberFileHash(store, u.stamp, u.sha256, Date.now());
  } finally {
    store.close();
  }
}

export function register(program: Command): void {
  withDbOption(
    program
      .command('report [ship]')
      .description('an evidence pack for a ship (MMSI, IMO, name, former name or call sign) or --event ID: HTML, PDF and KMZ')
      .option('--event <id>', 'one event instead of a ship (ids: tumen events)')
      .option('--events <selection>', 'an event selection instead: the filters of the events page / GET /api/events, e.g. "type=gap&intentional=1" (newest 500)')
      .option('--from <time>', 'ship: only this period (ISO-8601, UTC)')
      .option('--to <time>', 'ship: only this period (ISO-8601, UTC)')
      .option('--format <list>', `what to write, comma-separated: ${REPORT_FORMATS.join(', ')}`, REPORT_FORMATS.join(','))
      .option('--out <dir>', 'directory to write into', '.'),
  ).action(async (ship: string | undefined, opts: { db: string; event?: string; events?: string; from?: string; to?: string; format: string; out: string }, cmd: Command) => {
    if ([ship, opts.event, opts.events].filter((x) => x !== undefined).length !== 1) {
      throw new Error('name one ship (tumen report SIBIR), one event (tumen report --event ID) or one selection (tumen report --events "type=gap"), not several or none');
    }
    if ((opts.event || opts.events) && (opts.from || opts.to)) throw new Error('--from/--to select a period of a ship; a selection takes from=…&to=… in --events');
    const want = formats(opts.format);
    const fromMs = time(opts.from, 'from'), toMs = time(opts.to, 'to');
    if (fromMs !== undefined && toMs !== undefined && fromMs > toMs) throw new Error('--from is after --to');
    const subject: PackSubject = opts.events !== undefined ? { events: opts.events } : opts.event ? { event: opts.event } : { vessel: ship!, fromMs, toMs };
    // The command as typed (commander keeps the argv it parsed as rawArgs, untyped), launcher as `tumen`.
    const command = ['tumen', ...((cmd.parent as unknown as { rawArgs?: string[] } | null)?.rawArgs ?? process.argv).slice(2)];
    const unsaved: Array<{ stamp: FileStamp; sha256: string }> = [];
    const pack = await withReadStore(opts.db, (store) => buildEvidencePack(store, subject, { command, storePath: opts.db, generatedAt: new Date().toISOString(), unsaved }));
    await keepHashes(opts.db, unsaved);
    mkdirSync(opts.out, { recursive: true });
    const written: string[] = [];
    const path = (ext: string): string => resolve(join(opts.out, `${pack.basename}.${ext}`));
    if (want.includes('html')) { writeFileSync(path('html'), pack.html); written.push(path('html')); }
    if (want.includes('kmz')) { writeFileSync(path('kmz'), kmz(pack.kml)); written.push(path('kmz')); }
    if (want.includes('pdf')) {
      process.stderr.write('report: printing the PDF with headless Chromium...\n');
      await printPdf(pack.html, path('pdf'));
      written.push(path('pdf'));
    }
    process.stdout.write(`${pack.title}\n${written.map((w) => `  wrote ${w}`).join('\n')}\n`);
    if (pack.simulated !== 'no') process.stderr.write(`report: data ${pack.simulated === 'unknown' ? 'not checked for simulation (inputs not found)' : `${pack.simulated} simulated`}: the report says so on every page\n`);
  });
}
