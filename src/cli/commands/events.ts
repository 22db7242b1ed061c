// `tumen events`: prints stored events as JSON Lines (the event schema), CSV (flat columns) or GeoJSON.
import type { Command } from 'commander';
import { parseEventTypes, withDbOption } from '../options.js';
import { EVENT_TYPES } from '../../events/types.js';
import { withStore } from '../../store/db.js';
import { queryEvents, type EventFilter } from '../../store/events-write.js';
import { eventsToCsv } from '../../report/csv.js';
import { eventFeature, featureCollection } from '../../io/geojson.js';
import type { TumenEvent } from '../../events/schema.js';

type EventFormat = 'jsonl' | 'csv' | 'geojson';

function formatEvents(events: TumenEvent[], format: EventFormat): string {
  if (format === 'csv') return eventsToCsv(events);
  if (format === 'geojson') return `${JSON.stringify(featureCollection(events.map(eventFeature)))}\n`;
  return events.map((e) => `${JSON.stringify(e)}\n`).join('');
}

export function register(program: Command): void {
  withDbOption(
    program
      .command('events')
      .description('print detected events as JSON Lines, CSV or GeoJSON')
      .option('--type <types>', `comma-separated event types (${EVENT_TYPES.join(', ')})`)
      .option('--from <iso>', 'events overlapping from this time (ISO-8601)')
      .option('--to <iso>', 'events overlapping up to this time (ISO-8601)')
      .option('--mmsi <mmsi>', 'events of this vessel (as mmsi or other_mmsi)')
      .option('--bbox <minLon,minLat,maxLon,maxLat>', 'events located inside this box')
      .option('--format <format>', 'jsonl | csv | geojson', 'jsonl'),
  ).action(async (opts: { db: string; type?: string; from?: string; to?: string; mmsi?: string; bbox?: string; format: string }) => {
    const filter: EventFilter = {};
    const fail = (msg: string): void => {
      process.stderr.write(`tumen events: ${msg}\n`);
      process.exitCode = 2;
    };
    if (!['jsonl', 'csv', 'geojson'].includes(opts.format)) return fail(`unknown format "${opts.format}" (jsonl, csv, geojson)`);
    if (opts.type) {
      try {
        filter.types = parseEventTypes(opts.type);
      } catch (err) {
        return fail((err as Error).message);
      }
    }
    for (const [key, value] of [['fromMs', opts.from], ['toMs', opts.to]] as const) {
      if (value === undefined) continue;
      const ms = Date.parse(value);
      if (Number.isNaN(ms)) return fail(`not an ISO-8601 time: ${value}`);
      filter[key] = ms;
    }
    if (opts.mmsi !== undefined) {
      const m = Number(opts.mmsi);
      if (!Number.isInteger(m) || m <= 0) return fail(`not an MMSI: ${opts.mmsi}`);
      filter.mmsi = m;
    }
    if (opts.bbox !== undefined) {
      const b = opts.bbox.split(',').map(Number);
      if (b.length !== 4 || b.some((x) => !Number.isFinite(x))) return fail(`bbox must be minLon,minLat,maxLon,maxLat: ${opts.bbox}`);
      filter.bbox = b as [number, number, number, number];
    }
    await withStore(opts.db, async (store) => {
      const events = await queryEvents(store, filter);
      process.stdout.write(formatEvents(events, opts.format as EventFormat));
    });
  });
}
