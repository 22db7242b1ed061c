// GET /api/vessels?q= (search) and GET /api/vessels/:mmsi (identity, activity, list matches, risk).
import { Hono } from 'hono';
import type { ServerContext } from '../context.js';
import { z } from 'zod';
import { notFound } from '../errors.js';
import { buildDossier } from '../../store/vessel-dossier.js';
import { tableExists, rowsJson, jsonSafe } from '../sql-util.js';
import { parseMmsi } from '../validate.js';
import { apiRoute, ERROR_RESPONSE, jsonResponse, mount, parsedBy } from '../schema.js';
import { MMSI_PATH, VESSEL_SEARCH_QUERY } from '../schemas.js';
import { vesselRisk, vesselListMatches, riskLevels } from '../integrations.js';
import { flagOfMmsi } from '../../reference/mid.js';

/** Latest value of each identity field per vessel, one row per MMSI. */
const LATEST_IDENTITY = `
  SELECT mmsi,
    arg_max(value, last_seen) FILTER (WHERE field = 'shipname') AS shipname,
    arg_max(value, last_seen) FILTER (WHERE field = 'imo') AS imo,
    arg_max(value, last_seen) FILTER (WHERE field = 'callsign') AS callsign,
    arg_max(value, last_seen) FILTER (WHERE field = 'shiptype') AS shiptype,
    arg_max(value, last_seen) FILTER (WHERE field = 'flag') AS flag,
    max(last_seen) AS last_seen
  FROM identity_history`;

export interface VesselSummary {
  mmsi: number;
  shipname: string | null;
  imo: string | null;
  callsign: string | null;
  shiptype: string | null;
  flag: string | null;
  last_seen: string | null;
  risk_level?: string | null;
  risk_score?: number | null;
}

export async function searchVessels(ctx: ServerContext, q: string, limit: number): Promise<VesselSummary[]> {
  const store = ctx.store;
  const hasIdentity = await tableExists(store, 'identity_history');
  const digits = /^\d+$/.test(q) ? q : null;
  let rows: VesselSummary[] = [];
  if (hasIdentity) {
    const filter = q === ''
      ? ''
      : `WHERE mmsi IN (SELECT mmsi FROM identity_history
           WHERE (field IN ('shipname', 'callsign') AND value ILIKE $like)
              OR (field = 'imo' AND value = $q)
              OR CAST(mmsi AS VARCHAR) = $q)`;
    rows = rowsJson<VesselSummary>(await store.all(
      `${LATEST_IDENTITY} ${filter} GROUP BY mmsi ORDER BY shipname NULLS LAST, mmsi LIMIT $limit`,
      q === '' ? { limit } : { like: `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`, q, limit },
    ));
  }
  // A vessel that never sent a static report is still findable by its MMSI.
  if (digits && rows.length === 0 && await tableExists(store, 'positions')) {
    const row = await store.one<{ n: bigint; last: Date | null }>('SELECT count(*) AS n, max(time) AS last FROM positions WHERE mmsi = $m::UINTEGER', { m: Number(digits) });
    if (row && Number(row.n) > 0) {
      rows = [{ mmsi: Number(digits), shipname: null, imo: null, callsign: null, shiptype: null, flag: null, last_seen: row.last?.toISOString() ?? null }];
    }
  } else if (q === '' && rows.length === 0 && await tableExists(store, 'positions')) {
    rows = rowsJson<VesselSummary>(await store.all(
      `SELECT mmsi, NULL AS shipname, NULL AS imo, NULL AS callsign, NULL AS shiptype, NULL AS flag, max(time) AS last_seen
       FROM positions GROUP BY mmsi ORDER BY mmsi LIMIT $limit`, { limit },
    ));
  }
  const levels = await riskLevels(store, rows.map((r) => r.mmsi));
  for (const r of rows) {
    r.flag ??= flagOfMmsi(r.mmsi); // AIS carries no flag: the MMSI's MID implies one
    const risk = levels.get(r.mmsi);
    r.risk_level = risk?.level ?? null;
    r.risk_score = risk?.score ?? null;
  }
  return rows;
}

const MMSI_LIST = /^ *\d{1,9} *(, *\d{1,9} *){0,199},?$/;

export const VESSEL_ROUTES = {
  search: apiRoute({
    method: 'get', path: '/api/vessels', summary: 'search vessels by name, IMO, MMSI or call sign (with risk level)',
    query: VESSEL_SEARCH_QUERY, responses: { 200: jsonResponse('matches') },
  }),
  dossier: apiRoute({
    method: 'get', path: '/api/dossier',
    summary: 'a ship\'s dossier by MMSI, IMO, name, former name or call sign: every MMSI it used, identities, lists screened against (versions), events with partners\' names, risk',
    query: z.object({ q: z.string().trim().min(1).max(200, 'q must be an MMSI, IMO, name or call sign (1-200 characters)').describe('MMSI, IMO, name or call sign') }),
    responses: { 200: jsonResponse('dossier'), 404: ERROR_RESPONSE },
  }),
  risk: apiRoute({
    method: 'get', path: '/api/risk', summary: 'risk level and score of up to 200 vessels',
    query: z.object({
      mmsi: parsedBy(
        z.string().regex(MMSI_LIST, 'mmsi must be 1 to 200 comma-separated MMSIs').describe('comma-separated MMSIs (at most 200)'),
        (raw) => (raw ?? '').split(',').filter((m) => m.trim() !== '').map((m) => parseMmsi(m.trim())),
      ),
    }),
    responses: { 200: jsonResponse('risk by MMSI') },
  }),
  detail: apiRoute({
    method: 'get', path: '/api/vessels/{mmsi}', summary: 'vessel detail: identity history, activity, list matches, risk breakdown',
    params: MMSI_PATH, responses: { 200: jsonResponse('vessel'), 404: ERROR_RESPONSE },
  }),
};

export function vesselRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  mount(app, VESSEL_ROUTES.search, async (c, { query: { q, limit } }) => {
    const vessels = await searchVessels(ctx, q, limit);
    return c.json({ q, count: vessels.length, vessels });
  });

  // A ship's dossier: every MMSI it used (followed through its IMO), identities, list screening with the
  // lists' versions, events with partners' names, risk. 404 when the store knows nothing of the query.
  mount(app, VESSEL_ROUTES.dossier, async (c, { query: { q } }) => {
    const d = await buildDossier(ctx.store, q);
    if (!d.known && d.screening.matches.length === 0) throw notFound(`no vessel matching ${JSON.stringify(q)} in this store (searched MMSIs, IMOs, current and former names, call signs)`);
    return c.json(d);
  });

  // Risk levels of several vessels at once (the triage and event lists show them beside each ship).
  mount(app, VESSEL_ROUTES.risk, async (c, { query: { mmsi: mmsis } }) => {
    const levels = await riskLevels(ctx.store, mmsis);
    return c.json({ risk: Object.fromEntries([...levels].map(([m, r]) => [String(m), r])) });
  });

  mount(app, VESSEL_ROUTES.detail, async (c, { params: { mmsi } }) => {
    const store = ctx.store;
    const identities = await tableExists(store, 'identity_history')
      ? rowsJson(await store.all(
        'SELECT field, value, first_seen, last_seen, messages FROM identity_history WHERE mmsi = $mmsi::UINTEGER ORDER BY field, first_seen',
        { mmsi },
      ))
      : [];
    const activity = await tableExists(store, 'positions')
      ? jsonSafe(await store.one(
        `SELECT count(*) AS positions, min(time) AS first_seen, max(time) AS last_seen,
                arg_max(lat, time) AS last_lat, arg_max(lon, time) AS last_lon
         FROM positions WHERE mmsi = $mmsi::UINTEGER`, { mmsi },
      )) as { positions: number; first_seen: string | null; last_seen: string | null; last_lat: number | null; last_lon: number | null }
      : { positions: 0, first_seen: null, last_seen: null, last_lat: null, last_lon: null };
    const eventCounts = await tableExists(store, 'events')
      ? Object.fromEntries((await store.all<{ type: string; n: bigint }>(
        'SELECT type, count(*) AS n FROM events WHERE mmsi = $mmsi::UINTEGER OR other_mmsi = $mmsi::UINTEGER GROUP BY type ORDER BY type', { mmsi },
      )).map((r) => [r.type, Number(r.n)]))
      : {};
    if (identities.length === 0 && activity.positions === 0 && Object.keys(eventCounts).length === 0) {
      throw notFound(`no vessel with MMSI ${mmsi} in this store`);
    }
    const latest = (field: string): string | null => {
      const rows = identities.filter((r) => (r as { field: string }).field === field) as Array<{ value: string; last_seen: string }>;
      rows.sort((a, b) => (a.last_seen < b.last_seen ? -1 : 1));
      return rows.at(-1)?.value ?? null;
    };
    return c.json({
      mmsi,
      shipname: latest('shipname'),
      imo: latest('imo'),
      callsign: latest('callsign'),
      flag: latest('flag') ?? flagOfMmsi(mmsi),
      identities,
      activity,
      event_counts: eventCounts,
      list_matches: await vesselListMatches(store, { mmsi, imo: latest('imo'), shipname: latest('shipname') }),
      risk: await vesselRisk(store, mmsi),
    });
  });

  return app;
}
