// `tumen events`: prints stored events as JSON Lines (the event schema), CSV (flat columns) or GeoJSON,
// each with the vessels' names, IMO and flag. Bad filters are errors (exit 2); an empty answer says on
// stderr what was searched, so "nothing printed" never means "nothing looked at".
import type { Command } from 'commander';
import { parseEventTypes, withDbOption } from '../options.js';
import { withReadStore, serverJson } from '../store-access.js';
import { queryEvents, type EventFilter } from '../../store/events-write.js';
import { labelEvents, type LabelledEvent } from '../../store/vessel-labels.js';
import { eventsToCsv } from '../../report/csv.js';
import { eventFeature, featureCollection } from '../../io/geojson.js';
import { EVENT_TYPES } from '../../events/types.js';
import { parseIsoTime } from '../../events/iso-time.js';

type EventFormat = 'jsonl' | 'csv' | 'geojson';

function formatEvents(events: LabelledEvent[], format: EventFormat): string {
  if (format === 'csv') return eventsToCsv(events);
  if (format === 'geojson') return `${JSON.stringify(featureCollection(events.map(eventFeature)))}\n`;
  return events.map((e) => `${JSON.stringify(e)}\n`).join('');
}

interface EventsOptions { db: string; type?: string; from?: string; to?: string; mmsi?: string; bbox?: string; format: string; allVisits?: boolean }

/** The filter, or the message of the first bad option. */
export function parseEventFilter(opts: Omit<EventsOptions, 'db' | 'format'>): EventFilter | string {
  const filter: EventFilter = opts.allVisits ? { allVisits: true } : {};
  if (opts.type !== undefined) {
    try {
      filter.types = parseEventTypes(opts.type);
    } catch (err) {
      return (err as Error).message;
    }
  }
  for (const [key, value, name] of [['fromMs', opts.from, '--from'], ['toMs', opts.to, '--to']] as const) {
    if (value === undefined) continue;
    const ms = parseIsoTime(value);
    if (ms instanceof Error) return `${name}: ${ms.message}`;
    filter[key] = ms;
  }
  if (filter.fromMs !== undefined && filter.toMs !== undefined && filter.fromMs > filter.toMs) return '--from is after --to';
  if (opts.mmsi !== undefined) {
    if (!/^\d{1,9}$/.test(opts.mmsi.trim()) || Number(opts.mmsi) <= 0) return `not an MMSI (1 to 9 digits): ${opts.mmsi}`;
    filter.mmsi = Number(opts.mmsi);
  }
  if (opts.bbox !== undefined) {
    const b = opts.bbox.split(',').map(Number);
    if (b.length !== 4 || b.some((x) => !Number.isFinite(x)) || b[1] > b[3] || Math.abs(b[0]) > 180 || Math.abs(b[2]) > 180 || Math.abs(b[1]) > 90 || Math.abs(b[3]) > 90) {
      return `--bbox must be minLon,minLat,maxLon,maxLat in degrees: ${opts.bbox}`;
    }
    filter.bbox = b as [number, number, number, number];
  }
  return filter;
}

/** The same filter through a running server's API (the store is held by a writing `tumen serve`). */
async function eventsViaServer(url: string, f: EventFilter): Promise<LabelledEvent[]> {
  const q = new URLSearchParams({ limit: '5000' });
  if (f.types) q.set('type', f.types.join(','));
  if (f.fromMs !== undefined) q.set('from', new Date(f.fromMs).toISOString());
  if (f.toMs !== undefined) q.set('to', new Date(f.toMs).toISOString());
  if (f.mmsi !== undefined) q.set('mmsi', String(f.mmsi));
  if (f.bbox) q.set('bbox', f.bbox.join(','));
  if (f.allVisits) q.set('all_visits', '1');
  const out: LabelledEvent[] = [];
  for (let cursor: string | null = null; ;) {
    if (cursor) q.set('cursor', cursor);
    const page: { events: LabelledEvent[]; next_cursor: string | null } = await serverJson(`${url}/api/events?${q}`);
    out.push(...page.events);
    if (!page.next_cursor) break;
    cursor = page.next_cursor;
  }
  // The API pages newest first; the CLI prints oldest first.
  return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id.localeCompare(b.id)));
}

function describeFilter(f: EventFilter): string {
  const bits = [
    f.types ? `type ${f.types.join(',')}` : 'all types',
    f.fromMs !== undefined ? `from ${new Date(f.fromMs).toISOString()}` : '',
    f.toMs !== undefined ? `to ${new Date(f.toMs).toISOString()}` : '',
    f.mmsi !== undefined ? `MMSI ${f.mmsi}` : '',
    f.bbox ? `bbox ${f.bbox.join(',')}` : '',
  ];
  return bits.filter(Boolean).join(', ');
}

export function register(program: Command): void {
  withDbOption(
    program
      .command('events')
      .description('print detected events (with vessel names, IMO and flag) as JSON Lines, CSV or GeoJSON')
      .option('--type <types>', `comma-separated event types: ${EVENT_TYPES.join(', ')}`)
      .option('--from <iso>', 'events overlapping from this time (ISO-8601, e.g. 2024-03-01 or 2024-03-01T12:00:00Z; UTC when no zone)')
      .option('--to <iso>', 'events overlapping up to this time (ISO-8601)')
      .option('--mmsi <mmsi>', 'events of this vessel (as mmsi or other_mmsi)')
      .option('--bbox <minLon,minLat,maxLon,maxLat>', 'events located inside this box')
      .option('--format <format>', 'jsonl | csv | geojson', 'jsonl')
      .option('--all-visits', 'also list port visits of confidence 1 (resting on one position), hidden by default'),
  ).action(async (opts: EventsOptions) => {
    const fail = (msg: string): void => {
      process.stderr.write(`tumen events: ${msg}\n`);
      process.exitCode = 2;
    };
    if (!['jsonl', 'csv', 'geojson'].includes(opts.format)) return fail(`unknown format "${opts.format}" (jsonl, csv, geojson)`);
    const filter = parseEventFilter(opts);
    if (typeof filter === 'string') return fail(filter);
    const events = await withReadStore(opts.db, async (store) => labelEvents(store, await queryEvents(store, filter)), (url) => eventsViaServer(url, filter));
    process.stdout.write(formatEvents(events, opts.format as EventFormat));
    if (events.length === 0) process.stderr.write(`tumen events: no events in ${opts.db} match (${describeFilter(filter)})\n`);
  });
}
