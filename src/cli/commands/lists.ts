// tumen lists: import sanctions lists into the store and show what is loaded and what changed.
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, readdirSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { basename, dirname, join } from 'node:path';
import { createGunzip, gunzipSync } from 'node:zlib';
import type { Command } from 'commander';
import { withDbOption } from '../options.js';
import { withStore } from '../../store/db.js';
import { importList, listChanges, listLists, type ListInput, type ListStream } from '../../store/lists.js';
import { SCREEN_INDEX_FORMAT, buildScreeningIndex, rebuildStaleIndexes, saveBlockers, screeningIndexInfo } from '../../store/screening-index.js';
import { requireStoreFile } from '../store-access.js';
import { detectListSource } from '../../lists/detect.js';
import { parseOfacCsv } from '../../lists/ofac-csv.js';
import { parseOfacXml } from '../../lists/ofac-xml.js';
import { parseUnXml } from '../../lists/un-xml.js';
import { OpenSanctionsReader } from '../../lists/opensanctions.js';
import { parseCsvWatchlist } from '../../lists/csv-watchlist.js';
import type { ListEntry, ListSource, ParsedList } from '../../lists/types.js';
import { imoStatus } from '../../reference/imo.js';
import { isGzipFile } from '../../io/lines.js';
import { MAX_SHRINK_FRACTION } from '../../lists/replace-guard.js';

const SOURCES = ['ofac', 'ofac-xml', 'un', 'opensanctions', 'csv'] as const;
const DEFAULT_NAMES: Record<ListSource, string> = {
  ofac: 'ofac-sdn', 'ofac-xml': 'ofac-sdn', un: 'un-consolidated', opensanctions: 'opensanctions', csv: 'watchlist',
};

/** Text of a list file: UTF-8 when it is valid UTF-8, else Windows-1252/Latin-1 (older OFAC CSV files). */
export function decodeListFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

/** A file's bytes, gunzipped when it is gzip (the 1f 8b magic). */
function readMaybeGzip(path: string): Buffer {
  const bytes = readFileSync(path);
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
}

/** `wanted` or `wanted.gz` in `dir`, case-insensitive. */
function sibling(dir: string, wanted: string): string | null {
  const files = readdirSync(dir);
  const hit = files.find((f) => f.toLowerCase() === wanted) ?? files.find((f) => f.toLowerCase() === `${wanted}.gz`);
  return hit ? join(dir, hit) : null;
}

export interface ReadListResult {
  input: ListInput;
  source: ListSource;
  files: string[];
}

/** The first ~4 KB of a file's text (decompressed when gzip), for format detection. */
async function readHead(path: string, gz: boolean): Promise<string> {
  const raw = createReadStream(path, gz ? {} : { end: 4095 });
  const input = gz ? raw.pipe(createGunzip()) : raw;
  const chunks: Buffer[] = [];
  let n = 0;
  try {
    for await (const chunk of input) {
      chunks.push(chunk as Buffer);
      n += (chunk as Buffer).length;
      if (n >= 4096) break;
    }
  } finally {
    raw.destroy();
  }
  return decodeListFile(Buffer.concat(chunks).subarray(0, 4096));
}

/** OpenSanctions bulk files are gigabytes: read line by line, each entity handed to the store as it comes. */
function streamOpenSanctions(path: string, gz: boolean): ListStream {
  return {
    async read(emit) {
      const hash = createHash('sha256');
      const raw = createReadStream(path);
      raw.on('data', (c) => hash.update(c as Buffer));
      const input = gz ? raw.pipe(createGunzip()) : raw;
      const reader = new OpenSanctionsReader(emit);
      let lines = 0;
      for await (const line of createInterface({ input, crlfDelay: Infinity })) {
        reader.push(line);
        if (++lines % 200_000 === 0) process.stderr.write(`  ${lines.toLocaleString('en')} lines read\n`);
      }
      const parsed = reader.finish();
      parsed.version ??= `sha256:${hash.digest('hex').slice(0, 12)}`;
      return parsed;
    },
  };
}

/** `input`, with every entry shown to `see` on its way to the store. */
function watching(input: ListInput, see: (entry: ListEntry) => void): ListStream {
  return {
    async read(emit) {
      const each = (e: ListEntry): void => { see(e); emit(e); };
      if ('read' in input) return input.read(each);
      input.entries.forEach(each);
      return input;
    },
  };
}

/** Reads and parses a list file (for OFAC CSV: sdn.csv or its folder, with alt.csv and sdn_comments.csv beside it). */
export async function readListFile(path: string, source?: ListSource): Promise<ReadListResult> {
  let sdnPath = path;
  if (statSync(path).isDirectory()) {
    const sdn = sibling(path, 'sdn.csv');
    if (!sdn) throw new Error(`${path}: a folder, but no sdn.csv in it`);
    sdnPath = sdn;
    source ??= 'ofac';
  }
  const gz = isGzipFile(sdnPath);
  const kind = source ?? detectListSource(basename(sdnPath).replace(/\.gz$/i, ''), await readHead(sdnPath, gz));
  if (kind === 'opensanctions') return { input: streamOpenSanctions(sdnPath, gz), source: kind, files: [sdnPath] };
  const bytes = readMaybeGzip(sdnPath);
  const text = decodeListFile(bytes);
  const hash = createHash('sha256').update(bytes);
  const files = [sdnPath];
  let parsed: ParsedList;
  switch (kind) {
    case 'ofac': {
      const dir = dirname(sdnPath);
      const altPath = sibling(dir, 'alt.csv');
      const commentsPath = sibling(dir, 'sdn_comments.csv');
      const alt = altPath ? readMaybeGzip(altPath) : null;
      const comments = commentsPath ? readMaybeGzip(commentsPath) : null;
      if (alt) { hash.update(alt); files.push(altPath!); }
      if (comments) { hash.update(comments); files.push(commentsPath!); }
      parsed = parseOfacCsv({ sdn: text, alt: alt ? decodeListFile(alt) : undefined, comments: comments ? decodeListFile(comments) : undefined });
      if (!altPath) parsed.rejects.push({ where: dir, reason: 'no alt.csv beside sdn.csv: aliases not loaded' });
      if (!commentsPath) parsed.rejects.push({ where: dir, reason: 'no sdn_comments.csv beside sdn.csv: long remarks truncated' });
      break;
    }
    case 'ofac-xml': parsed = parseOfacXml(text); break;
    case 'un': parsed = parseUnXml(text); break;
    case 'csv': parsed = parseCsvWatchlist(text); break;
  }
  // Formats without a version of their own are versioned by content.
  parsed.version ??= `sha256:${hash.digest('hex').slice(0, 12)}`;
  return { input: parsed, source: kind, files };
}

export function register(program: Command): void {
  const lists = withDbOption(
    program
      .command('lists')
      .description('import and show sanctions lists (OFAC SDN CSV/XML, UN consolidated XML, OpenSanctions FtM JSON lines, CSV watchlist)')
      .option('--format <format>', 'text or json', 'text'),
  ).action(async (opts: { db: string; format: string }) => {
    const { rows, index } = await withStore(opts.db, async (store) => {
      // An index missing or built in an older format is rebuilt here (the store is open for writing).
      await rebuildStaleIndexes(store, () => performance.now(), (line) => process.stderr.write(`tumen: ${line}\n`));
      return { rows: await listLists(store), index: await screeningIndexInfo(store) };
    });
    if (opts.format === 'json') {
      process.stdout.write(`${JSON.stringify(rows.map((r) => ({ ...r, index: index.find((i) => i.list === r.name) ?? null })), null, 2)}\n`);
      return;
    }
    if (rows.length === 0) { process.stdout.write(`no lists loaded in ${opts.db}; try: tumen lists import sdn.csv\n`); return; }
    process.stdout.write('list\tsource\tversion\tpublished\tentries\tvessels\trejects\timported\tindex\n');
    for (const r of rows) {
      const i = index.find((x) => x.list === r.name && x.version === r.version && x.format === SCREEN_INDEX_FORMAT);
      const idx = i ? `${i.names} names, ${i.ids} ids, ${i.parties} party names, built in ${(i.buildMs / 1000).toFixed(1)} s` : 'not indexed (`tumen lists reindex` builds it; screened in memory meanwhile)';
      process.stdout.write(`${r.name}\t${r.source}\t${r.version ?? '-'}\t${r.published ?? '-'}\t${r.entries}\t${r.vessels}\t${r.rejects}\t${r.imported_at}\t${idx}\n`);
    }
  });

  // --db is an option of `lists` itself (commander gives parent options to the parent wherever they are
  // written), so the subcommands read it with optsWithGlobals().
  lists
    .command('import <file>')
    .description('import a list file, replacing the previous version of that list and logging what changed')
    .option('--source <source>', `format: ${SOURCES.join('|')} (detected when omitted)`)
    .option('--name <name>', 'list name (default by source: ofac-sdn, un-consolidated, opensanctions, watchlist)')
    .option('--allow-shrink', `accept an import that removes more than ${Math.round(MAX_SHRINK_FRACTION * 100)} % of the loaded entries or vessels`)
    .action(async (file: string, _o: unknown, cmd: Command) => {
    const opts = cmd.optsWithGlobals() as { db: string; source?: string; name?: string; allowShrink?: boolean };
    if (opts.source && !(SOURCES as readonly string[]).includes(opts.source)) {
      throw new Error(`--source must be one of ${SOURCES.join(', ')}`);
    }
    const { input, source, files } = await readListFile(file, opts.source as ListSource | undefined);
    const name = opts.name ?? DEFAULT_NAMES[source];
    // A listed IMO with a broken check digit is itself worth knowing (a typo in the list, or a fake IMO).
    const findings: string[] = [];
    const checkImos = (e: ListEntry): void => {
      for (const imo of e.imo) if (imoStatus(imo) !== 'valid') findings.push(`finding: entry ${e.entryId} (${e.name}) lists IMO ${imo}, which fails the IMO check digit`);
    };
    const change = await withStore(opts.db, async (store) => {
      const c = await importList(store, watching(input, checkImos), { name, file: files.join(','), importedAt: new Date(), allowShrink: opts.allowShrink, now: () => performance.now() });
      // Other lists indexed by an older Tumen are rebuilt in the new format too.
      await rebuildStaleIndexes(store, () => performance.now(), (line) => process.stderr.write(`tumen: ${line}\n`));
      return c;
    },
    // Entries are staged in the store as they are read: DuckDB's buffers are the import's memory.
    { memoryLimit: '384MB' });
    process.stdout.write(
      `imported ${name} (${change.source}, version ${change.version}${change.published ? `, published ${change.published}` : ''}): `
      + `${change.entries} entries, ${change.vessels} vessels, ${change.rejects.length} rejected`
      + `${change.links ? `, ${change.links} ownership/management links` : ''}\n`
      + `changes since ${change.previousVersion ?? 'nothing'}: +${change.added} added, -${change.removed} removed, ~${change.changed} changed, ${change.unchanged} unchanged\n`
      + (change.index ? `screening index: ${change.index.names} ship names, ${change.index.ids} identifiers, ${change.index.parties} listed-party names, built in ${(change.index.buildMs / 1000).toFixed(1)} s\n` : ''),
    );
    for (const f of findings) process.stderr.write(`${f}\n`);
    for (const r of change.rejects.slice(0, 20)) process.stderr.write(`rejected ${r.where}: ${r.reason}\n`);
    if (change.rejects.length > 20) process.stderr.write(`... and ${change.rejects.length - 20} more rejects\n`);
  });

  lists
    .command('reindex')
    .description('rebuild the screening index of every list whose index is missing or was built by an older Tumen (--all: every list)')
    .option('--all', 'rebuild every list\'s index, stale or not')
    .action(async (_o: unknown, cmd: Command) => {
    const opts = cmd.optsWithGlobals() as { db: string; all?: boolean };
    requireStoreFile(opts.db);
    const say = (line: string): void => { process.stdout.write(`${line}\n`); };
    const rebuilt = await withStore(opts.db, async (store) => {
      if (!opts.all) return rebuildStaleIndexes(store, () => performance.now(), say);
      const names = (await listLists(store)).map((l) => l.name);
      for (const list of names) {
        const i = await buildScreeningIndex(store, list, () => performance.now(), undefined, { blockers: false });
        say(`screening index of ${list}: ${i.names} ship names, ${i.ids} identifiers, ${i.parties} listed-party names, built in ${(i.buildMs / 1000).toFixed(1)} s`);
      }
      const t0 = performance.now();
      await saveBlockers(store);
      say(`name blockers of every list rebuilt in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      return names;
    }, { memoryLimit: '384MB' });
    if (rebuilt.length === 0) say(`every list's screening index is current (format ${SCREEN_INDEX_FORMAT})`);
  });

  lists
    .command('changes')
    .description('the log of list re-imports: what each one added, removed and changed')
    .option('--list <name>', 'only this list')
    .action(async (_o: unknown, cmd: Command) => {
    const opts = cmd.optsWithGlobals() as { db: string; list?: string; format: string };
    const rows = await withStore(opts.db, (store) => listChanges(store, opts.list));
    if (opts.format === 'json') { process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`); return; }
    for (const r of rows) {
      process.stdout.write(`${r.changedAt}\t${r.list}\t${r.previousVersion ?? '-'} -> ${r.version ?? '-'}\t+${r.added} -${r.removed} ~${r.changed} =${r.unchanged}\n`);
    }
  });
}
