// GET /api/events — filtered, keyset-paginated (newest first). GET /api/events/:id — one event.
import { Hono } from 'hono';
import type { Store } from '../../store/db.js';
import { eventFromRow, LISTED_VISITS_SQL } from '../../store/events.js';
import type { EventType, TumenEvent } from '../../events/schema.js';
import type { ServerContext } from '../context.js';
import { badRequest, notFound } from '../errors.js';
import { tableExists, where } from '../sql-util.js';
import { z } from 'zod';
import { timeRange, type BBox } from '../validate.js';
import { apiRoute, ERROR_RESPONSE, jsonResponse, mount } from '../schema.js';
import { EVENT_QUERY, idValue } from '../schemas.js';
import { labelEvents } from '../../store/vessel-labels.js';
import { mmsisAtRisk, type RiskLevel } from '../integrations.js';


export interface EventQuery {
  types?: EventType[];
  fromMs?: number;
  toMs?: number;
  bbox?: BBox;
  mmsi?: number;
  port?: string;
  risk?: RiskLevel;
  limit: number;
  cursor?: { startMs: number; id: string };
  /** `all_visits=1`: also port visits of confidence 1 (one position), hidden by default. */
  allVisits?: boolean;
}

export interface EventPage {
  events: TumenEvent[];
  next_cursor: string | null;
}

/** Cursor = base64url("startMs|id") of the last event returned; stable while events are added. */
export function encodeCursor(e: TumenEvent): string {
  return Buffer.from(`${Date.parse(e.start)}|${e.id}`).toString('base64url');
}

function decodeCursor(raw: string): { startMs: number; id: string } {
  const text = Buffer.from(raw, 'base64url').toString('utf8');
  const m = /^(-?\d+)\|(.+)$/.exec(text);
  if (!m) throw badRequest('cursor is not one this server issued');
  return { startMs: Number(m[1]), id: m[2] };
}

/** The validated query of /api/events (or its export) as an EventQuery. */
export function eventQueryOf(v: z.output<typeof EVENT_QUERY>): EventQuery {
  timeRange(v.from, v.to);
  return {
    types: v.type,
    fromMs: v.from,
    toMs: v.to,
    bbox: v.bbox,
    mmsi: v.mmsi,
    port: v.port || undefined,
    allVisits: v.all_visits === '1' || v.all_visits === 'true',
    risk: v.risk,
    limit: v.limit,
    cursor: v.cursor ? decodeCursor(v.cursor) : undefined,
  };
}

export async function queryEvents(store: Store, q: EventQuery): Promise<EventPage> {
  if (!(await tableExists(store, 'events'))) return { events: [], next_cursor: null };
  const p: Record<string, string | number> = { limit: q.limit + 1 };
  const clauses: Array<string | false | undefined> = [];
  if (q.types) {
    // Types are validated against EVENT_TYPES; still bound one parameter each.
    clauses.push(`type IN (${q.types.map((t, i) => { p[`type${i}`] = t; return `$type${i}`; }).join(', ')})`);
  }
  if (q.fromMs !== undefined) { p.fromMs = q.fromMs; clauses.push('coalesce("end", start) >= epoch_ms($fromMs::BIGINT) OR "end" IS NULL'); }
  if (q.toMs !== undefined) { p.toMs = q.toMs; clauses.push('start <= epoch_ms($toMs::BIGINT)'); }
  if (q.bbox) { Object.assign(p, q.bbox); clauses.push('lon BETWEEN $minLon AND $maxLon AND lat BETWEEN $minLat AND $maxLat'); }
  if (q.mmsi !== undefined) { p.mmsi = q.mmsi; clauses.push('(mmsi = $mmsi::UINTEGER OR other_mmsi = $mmsi::UINTEGER)'); }
  if (q.port) {
    p.port = q.port;
    clauses.push(`(port_id = $port OR list_contains(json_extract_string(body, '$.candidates[*].id'), $port))`);
  }
  if (q.risk) {
    const mmsis = await mmsisAtRisk(store, q.risk);
    if (mmsis.length === 0) return { events: [], next_cursor: null };
    clauses.push(`mmsi IN (SELECT unnest($riskMmsis::UINTEGER[]))`);
    p.riskMmsis = JSON.stringify(mmsis);
  }
  if (q.cursor) {
    p.curStart = q.cursor.startMs;
    p.curId = q.cursor.id;
    clauses.push('(start < epoch_ms($curStart::BIGINT) OR (start = epoch_ms($curStart::BIGINT) AND id < $curId))');
  }
  // Last: it reads the JSON body of port visits, and DuckDB applies the conditions in order, each only on the
  // rows the earlier ones kept (first, it parsed every port visit's body: 0.1–0.2 s on the 20 M bench store).
  if (!q.allVisits) clauses.push(LISTED_VISITS_SQL);
  // Two phases: the page's oldest start time from the narrow `start` column first, then the JSON bodies
  // of only the rows at or after it — zone maps skip the rest (events are stored in start order), so
  // the wide `body` column is read for about one page, not the whole table.
  const w = where(clauses.map((c) => c && `(${c})`));
  const sql = `WITH cut AS (SELECT start FROM events ${w} ORDER BY start DESC LIMIT $limit)
    SELECT body FROM events ${w ? `${w} AND` : 'WHERE'} start >= (SELECT min(start) FROM cut)
    ORDER BY start DESC, id DESC LIMIT $limit`;
  const rows = await store.all<{ body: unknown }>(sql, p);
  const events = rows.slice(0, q.limit).map(eventFromRow);
  return { events, next_cursor: rows.length > q.limit ? encodeCursor(events[events.length - 1]) : null };
}

export async function getEvent(store: Store, id: string): Promise<TumenEvent | undefined> {
  if (!(await tableExists(store, 'events'))) return undefined;
  const row = await store.one<{ body: unknown }>('SELECT body FROM events WHERE id = $id', { id });
  return row ? eventFromRow(row) : undefined;
}

export const EVENT_ROUTES = {
  list: apiRoute({
    method: 'get', path: '/api/events', summary: 'events, newest first, keyset-paginated', query: EVENT_QUERY,
    responses: { 200: jsonResponse('page', { type: 'object', properties: { count: { type: 'integer' }, events: { type: 'array', items: { $ref: '#/components/schemas/Event' } }, next_cursor: { type: ['string', 'null'] } } }) },
  }),
  one: apiRoute({
    method: 'get', path: '/api/events/{id}', summary: 'one event', params: z.object({ id: idValue('event id') }),
    responses: { 200: jsonResponse('event', { $ref: '#/components/schemas/Event' }), 404: ERROR_RESPONSE },
  }),
};

export function eventRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  mount(app, EVENT_ROUTES.list, async (c, { query }) => {
    const page = await queryEvents(ctx.store, eventQueryOf(query));
    return c.json({ count: page.events.length, events: await labelEvents(ctx.store, page.events), next_cursor: page.next_cursor });
  });
  mount(app, EVENT_ROUTES.one, async (c, { params: { id } }) => {
    if (id === 'stream') return c.notFound();
    const event = await getEvent(ctx.store, id);
    if (!event) throw notFound(`no event ${id}`);
    return c.json((await labelEvents(ctx.store, [event]))[0]);
  });
  return app;
}
