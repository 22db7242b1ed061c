// Reads what the store knows about one vessel for screening and the dossier: its identity history
// (former names, IMO, call signs), its events and those of its encounter partners. Every table is
// optional: a store may hold lists only.
import type { Store } from './db.js';
import { eventFromRow } from './events.js';
import type { TumenEvent } from '../events/schema.js';
import { listLists, type LoadedListInfo } from './lists.js';
import { vesselLabels, type VesselLabel } from './vessel-labels.js';
import { StoreScreener } from './screen.js';
import { parseScreenQuery } from '../screening/query.js';
import type { ScreenResult } from '../screening/types.js';
import { assessRisk, type Counterparty, type RiskAssessment } from '../risk/score.js';

export interface IdentityRow {
  mmsi: number;
  field: string;
  value: string;
  first_seen: string;
  last_seen: string;
  messages: number;
}

export async function tableExists(store: Store, table: string): Promise<boolean> {
  const row = await store.one<{ n: bigint }>('SELECT count(*) AS n FROM information_schema.tables WHERE table_name = $t', { t: table });
  return Number(row?.n ?? 0) > 0;
}

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

/** The tables of `names` the store holds (one query, not one per table). */
async function tablesPresent(store: Store, names: readonly string[]): Promise<Set<string>> {
  const rows = await store.all<{ t: string }>(
    "SELECT table_name AS t FROM information_schema.tables WHERE table_name IN (SELECT unnest($n::VARCHAR[]))", { n: JSON.stringify(names) },
  );
  return new Set(rows.map((r) => String(r.t)));
}

const mmsiList = (mmsis: Iterable<number>): string => JSON.stringify([...new Set(mmsis)]);

/** Identity rows of these MMSIs, by MMSI then field then first seen (one query for all of them). */
export async function identityHistory(store: Store, mmsis: number[], known?: Set<string>): Promise<IdentityRow[]> {
  if (mmsis.length === 0 || !(known ? known.has('identity_history') : await tableExists(store, 'identity_history'))) return [];
  const rows = await store.all<Record<string, unknown>>(
    `SELECT mmsi, field, value, first_seen, last_seen, messages FROM identity_history
     WHERE mmsi IN (SELECT unnest($m::UINTEGER[])) ORDER BY mmsi, field, first_seen`,
    { m: mmsiList(mmsis) },
  );
  return rows.map((r) => ({ mmsi: Number(r.mmsi), field: String(r.field), value: String(r.value), first_seen: iso(r.first_seen), last_seen: iso(r.last_seen), messages: Number(r.messages) }));
}

/** MMSIs that broadcast any of these IMOs (one query). */
async function mmsisForImos(store: Store, imos: string[]): Promise<number[]> {
  if (imos.length === 0) return [];
  const rows = await store.all<{ mmsi: number }>(
    "SELECT DISTINCT mmsi FROM identity_history WHERE field = 'imo' AND value IN (SELECT unnest($v::VARCHAR[]))",
    { v: JSON.stringify([...new Set(imos.map((i) => String(Number(i))))]) },
  );
  return rows.map((r) => Number(r.mmsi));
}

/** MMSIs whose identity history carries this IMO, this name (case-insensitive) or this call sign. */
export async function mmsisFor(store: Store, q: { imo?: string | null; name?: string | null; callsign?: string | null }, known?: Set<string>): Promise<number[]> {
  if (!(known ? known.has('identity_history') : await tableExists(store, 'identity_history'))) return [];
  const parts: string[] = [];
  const params: Record<string, string> = {};
  if (q.imo) { parts.push("(field = 'imo' AND value = $imo)"); params.imo = String(Number(q.imo)); }
  if (q.name) { parts.push("(field = 'shipname' AND upper(trim(value)) = upper(trim($name)))"); params.name = q.name; }
  if (q.callsign) { parts.push("(field = 'callsign' AND upper(trim(value)) = upper(trim($callsign)))"); params.callsign = q.callsign; }
  if (parts.length === 0) return [];
  const rows = await store.all<{ mmsi: number }>(`SELECT DISTINCT mmsi FROM identity_history WHERE ${parts.join(' OR ')}`, params);
  return [...new Set(rows.map((r) => Number(r.mmsi)))].sort((a, b) => a - b);
}

/** Ship names each MMSI has broadcast, for screening former names. */
export async function shipnamesByMmsi(store: Store): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (!(await tableExists(store, 'identity_history'))) return out;
  const rows = await store.all<{ mmsi: number; value: string }>(
    "SELECT DISTINCT mmsi, value FROM identity_history WHERE field = 'shipname' ORDER BY mmsi, value",
  );
  for (const r of rows) {
    const list = out.get(Number(r.mmsi)) ?? [];
    list.push(String(r.value));
    out.set(Number(r.mmsi), list);
  }
  return out;
}

/** MMSIs that broadcast each IMO (identity history), for fleet rows that give an IMO but no MMSI. */
export async function mmsisByImo(store: Store): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  if (!(await tableExists(store, 'identity_history'))) return out;
  const rows = await store.all<{ mmsi: number; value: string }>("SELECT DISTINCT mmsi, value FROM identity_history WHERE field = 'imo' ORDER BY value, mmsi");
  for (const r of rows) {
    const key = String(r.value).padStart(7, '0');
    const list = out.get(key) ?? [];
    list.push(Number(r.mmsi));
    out.set(key, list);
  }
  return out;
}

/** Events of these MMSIs (as the vessel or as the other party of an encounter), oldest first (one query). */
export async function eventsOf(store: Store, mmsis: number[], known?: Set<string>): Promise<TumenEvent[]> {
  if (mmsis.length === 0 || !(known ? known.has('events') : await tableExists(store, 'events'))) return [];
  const rows = await store.all<{ body: unknown }>(
    `SELECT body FROM events WHERE mmsi IN (SELECT unnest($m::UINTEGER[])) OR other_mmsi IN (SELECT unnest($m::UINTEGER[])) ORDER BY start, id`,
    { m: mmsiList(mmsis) },
  );
  const byId = new Map<string, TumenEvent>();
  for (const r of rows) { const e = eventFromRow(r); byId.set(e.id, e); }
  return [...byId.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id.localeCompare(b.id)));
}

/** Position count, first/last time and last fix over these MMSIs. */
async function activityOf(store: Store, mmsis: number[], known: Set<string>): Promise<VesselDossier['activity']> {
  const none = { positions: 0, first_seen: null, last_seen: null, last_lat: null, last_lon: null };
  if (mmsis.length === 0 || !known.has('positions')) return none;
  const r = await store.one<{ n: bigint; f: Date | null; l: Date | null; lat: number | null; lon: number | null }>(
    `SELECT count(*) AS n, min(time) AS f, max(time) AS l, arg_max(lat, time) AS lat, arg_max(lon, time) AS lon
     FROM positions WHERE mmsi IN (SELECT unnest($m::UINTEGER[]))`, { m: JSON.stringify(mmsis) });
  if (!r || Number(r.n) === 0) return none;
  return { positions: Number(r.n), first_seen: r.f ? iso(r.f) : null, last_seen: r.l ? iso(r.l) : null, last_lat: r.lat, last_lon: r.lon };
}

// ---- The dossier: identities over time, list matches, events timeline, risk breakdown. ----

export interface VesselDossier {
  query: string;
  /** False when the store holds nothing about the query (no identity, position or event): an unknown vessel. */
  known: boolean;
  mmsis: number[];
  current: { shipname: string | null; imo: string | null; callsign: string | null; flag: string | null; shiptype: string | null };
  /** Positions of all its MMSIs: how much was seen, and when last. */
  activity: { positions: number; first_seen: string | null; last_seen: string | null; last_lat: number | null; last_lon: number | null };
  /** The lists screened against, with their versions and dates ([] = not screened: no list loaded). */
  screened_against: Array<Pick<LoadedListInfo, 'name' | 'version' | 'published' | 'imported_at' | 'vessels'>>;
  /** Name, IMO and flag of every vessel its events involve (itself and encounter partners), by MMSI. */
  vessels: Record<string, VesselLabel>;
  identities: IdentityRow[];
  screening: ScreenResult;
  events: TumenEvent[];
  counterparties: Counterparty[];
  risk: RiskAssessment;
}

function latest(rows: IdentityRow[], field: string): string | null {
  let best: IdentityRow | null = null;
  for (const r of rows) if (r.field === field && (!best || r.last_seen > best.last_seen)) best = r;
  return best?.value ?? null;
}

const EMPTY: ScreenResult = { verdict: 'clear', matches: [], findings: ['no sanctions lists loaded'] };

/** Screens a vessel the store knows by its MMSIs: its latest identity and every name it broadcast. */
async function screenKnown(screener: StoreScreener | null, rows: IdentityRow[], fallback: { name?: string | null; imo?: string | null; mmsi?: string | null }): Promise<ScreenResult> {
  if (!screener) return EMPTY;
  const shipname = latest(rows, 'shipname') ?? fallback.name ?? null;
  const names = [...new Set(rows.filter((r) => r.field === 'shipname').map((r) => r.value))];
  return screener.screenOne({
    name: shipname,
    imo: latest(rows, 'imo') ?? fallback.imo ?? null,
    mmsi: fallback.mmsi ?? (rows[0] ? String(rows[0].mmsi) : null),
    callsign: latest(rows, 'callsign'),
    formerNames: names.filter((n) => n !== shipname),
  });
}

/** `screener`: the lists to screen against (opened here when not given; null: none loaded).
 *  `riskOnly` skips what only the dossier's reader needs (activity, labels, list versions): risk levels of many vessels. */
export async function buildDossier(store: Store, queryText: string, screener?: StoreScreener | null, opts: { riskOnly?: boolean } = {}): Promise<VesselDossier> {
  const idx = screener === undefined ? await StoreScreener.open(store) : screener;
  const q = parseScreenQuery(queryText);
  // A few statements whatever the ship: each step below reads all the MMSIs it needs at once.
  const known = await tablesPresent(store, ['identity_history', 'events', 'positions']);
  let mmsis: number[] = q.mmsi ? [Number(q.mmsi)] : await mmsisFor(store, { imo: q.imo, name: q.name, callsign: q.callsign }, known);
  // One IMO may have used several MMSIs: follow the IMOs the found MMSIs broadcast.
  let identities = await identityHistory(store, mmsis, known);
  const imos = [...new Set(identities.filter((r) => r.field === 'imo').map((r) => r.value))];
  if (imos.length > 0) {
    const more = new Set(mmsis);
    for (const m of await mmsisForImos(store, imos)) more.add(m);
    if (more.size > mmsis.length) {
      const added = [...more].filter((m) => !mmsis.includes(m));
      mmsis = [...more].sort((a, b) => a - b);
      identities = [...identities, ...(await identityHistory(store, added, known))]
        .sort((a, b) => a.mmsi - b.mmsi || a.field.localeCompare(b.field) || (a.first_seen < b.first_seen ? -1 : a.first_seen > b.first_seen ? 1 : 0));
    }
  }
  const screening = await screenKnown(idx, identities, { name: q.name ?? null, imo: q.imo ?? null, mmsi: q.mmsi ?? null });
  const events = await eventsOf(store, mmsis, known);
  const mine = new Set(mmsis);
  const partners = new Set<number>();
  for (const e of events) {
    if (e.type !== 'encounter') continue;
    const p = mine.has(e.mmsi) ? e.other_mmsi : e.mmsi;
    if (p !== undefined && !mine.has(p)) partners.add(p);
  }
  // One hop: each partner's own risk (its listing and its events other than encounters), read for all partners at once.
  const partnerList = [...partners].sort((a, b) => a - b);
  const partnerRows = await identityHistory(store, partnerList, known);
  const partnerEvents = await eventsOf(store, partnerList, known);
  const counterparties = new Map<number, Counterparty>();
  for (const p of partnerList) {
    const rows = partnerRows.filter((r) => r.mmsi === p);
    const sr = await screenKnown(idx, rows, { mmsi: String(p) });
    const own = assessRisk({ mmsis: [p], screening: sr, events: partnerEvents.filter((e) => e.type !== 'encounter' && (e.mmsi === p || e.other_mmsi === p)), identities: rows });
    counterparties.set(p, {
      mmsi: p, listed: sr.verdict === 'match', level: own.level,
      entries: sr.matches.filter((m) => m.verdict === 'match').map((m) => `${m.list}#${m.entry_id} ${m.name}`),
    });
  }
  const risk = assessRisk({ mmsis, screening, events, identities, counterparties });
  const activity = await activityOf(store, opts.riskOnly ? [] : mmsis, known);
  const labels = await vesselLabels(store, opts.riskOnly ? [] : [...mmsis, ...partners]);
  // Flag and type of the MMSI the ship uses now (its most recent identity row), not of its first MMSI.
  const now = identities.reduce<IdentityRow | null>((best, r) => (!best || r.last_seen > best.last_seen ? r : best), null);
  const own = (now ? labels.get(now.mmsi) : undefined) ?? mmsis.map((m) => labels.get(m)).find((l) => l?.name) ?? labels.get(mmsis[0]);
  const lists = idx && !opts.riskOnly ? await listLists(store) : [];
  return {
    query: queryText,
    known: identities.length > 0 || events.length > 0 || activity.positions > 0,
    mmsis,
    current: {
      shipname: latest(identities, 'shipname') ?? q.name ?? null, imo: latest(identities, 'imo') ?? q.imo ?? null, callsign: latest(identities, 'callsign'),
      flag: own?.flag ?? null, shiptype: own?.shiptype ?? null,
    },
    activity,
    screened_against: lists.map((l) => ({ name: l.name, version: l.version, published: l.published, imported_at: l.imported_at, vessels: l.vessels })),
    vessels: Object.fromEntries([...labels].map(([m, l]) => [String(m), l])),
    identities,
    screening,
    events,
    counterparties: [...counterparties.values()],
    risk,
  };
}
