// `tumen export`: stored positions as Parquet, CSV or GeoJSON, filtered by vessel, time and area.
import type { Command } from 'commander';
import { withDbOption } from '../options.js';
import { withStore } from '../../store/db.js';
import { EXPORT_FORMATS, exportWithStatics, type ExportFormat } from '../../io/export-positions.js';
import type { PositionQuery } from '../../store/positions.js';

export function parseTime(s: string, flag: string): number {
  const iso = /[zZ]$|[+-]\d\d:?\d\d$/.test(s) ? s : /^\d{4}-\d\d-\d\d$/.test(s) ? `${s}T00:00:00Z` : `${s.replace(' ', 'T')}Z`;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new Error(`${flag}: "${s}" is not an ISO-8601 time (UTC)`);
  return ms;
}

export function parseBbox(s: string): [number, number, number, number] {
  const v = s.split(',').map(Number);
  if (v.length !== 4 || v.some((x) => !Number.isFinite(x))) throw new Error(`--bbox: "${s}" is not minLon,minLat,maxLon,maxLat`);
  const [minLon, minLat, maxLon, maxLat] = v;
  if (minLat > maxLat || Math.abs(minLat) > 90 || Math.abs(maxLat) > 90 || Math.abs(minLon) > 180 || Math.abs(maxLon) > 180) {
    throw new Error(`--bbox: "${s}" out of range (lat -90..90, lon -180..180, minLat <= maxLat)`);
  }
  return [minLon, minLat, maxLon, maxLat];
}

export function parseMmsiList(s: string): number[] {
  return s.split(',').map((x) => {
    const n = Number(x.trim());
    if (!Number.isInteger(n) || n < 0 || n > 999_999_999) throw new Error(`--mmsi: "${x}" is not an MMSI`);
    return n;
  });
}

export function register(program: Command): void {
  withDbOption(
    program
      .command('export')
      .description('export stored positions as Parquet, CSV or GeoJSON')
      .requiredOption('--format <format>', `output format (${EXPORT_FORMATS.join('|')})`)
      .option('--mmsi <list>', 'only these vessels (comma-separated)')
      .option('--from <iso>', 'from this time (UTC, inclusive)')
      .option('--to <iso>', 'up to this time (UTC, inclusive)')
      .option('--bbox <minLon,minLat,maxLon,maxLat>', 'only positions inside (minLon > maxLon crosses 180°)')
      .option('--lines', 'GeoJSON: one LineString per vessel instead of points')
      .option('--partition-by <key>', 'parquet: write --out DIR as a hive-partitioned lake (day: DIR/day=YYYY-MM-DD/, static reports in DIR/statics/day=YYYY-MM-DD/)')
      .option('--out <file>', 'output file (default stdout; required for parquet; a new directory with --partition-by)'),
  ).action(async (o: { db: string; format: string; mmsi?: string; from?: string; to?: string; bbox?: string; lines?: boolean; out?: string; partitionBy?: string }) => {
    if (!EXPORT_FORMATS.includes(o.format as ExportFormat)) throw new Error(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
    if (o.partitionBy !== undefined && o.partitionBy !== 'day') throw new Error(`--partition-by: "${o.partitionBy}" is not supported (day)`);
    const query: PositionQuery = {};
    if (o.mmsi) query.mmsi = parseMmsiList(o.mmsi);
    if (o.from) query.fromMs = parseTime(o.from, '--from');
    if (o.to) query.toMs = parseTime(o.to, '--to');
    if (o.bbox) query.bbox = parseBbox(o.bbox);
    const n = await withStore(o.db, (store) => exportWithStatics(store, { format: o.format as ExportFormat, out: o.out, query, lines: o.lines, ...(o.partitionBy ? { partitionBy: 'day' as const } : {}) }), { readOnly: true });
    const statics = o.partitionBy ? ` and ${n.statics} static reports` : '';
    process.stderr.write(`exported ${n.positions} positions${statics}${o.out ? ` to ${o.out}` : ''}\n`);
  });
}
