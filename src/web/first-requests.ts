// The API requests a view makes first, by its URL: the pages build their URLs here, and early.js
// (src/web/early.ts) issues the same ones before app.js has even loaded (see `prefetch` in api.ts).
// No DOM and no map: early.js is this file and api.ts's `query`, a few kB.
import { query } from './api.js';

/** Points requested for a ship's track: a few per screen pixel along the track is all the eye can see; the
 *  server simplifies beyond this (time buckets, gap endpoints kept). `#/vessel/<mmsi>?points=N` asks for more
 *  (deck.gl takes a million as binary attributes on a GPU). */
export const DEFAULT_TRACK_BUDGET = 20_000;

export function parseHash(hash: string): { path: string; params: URLSearchParams } {
  const h = hash.replace(/^#/, '') || '/';
  const i = h.indexOf('?');
  return { path: i < 0 ? h : h.slice(0, i), params: new URLSearchParams(i < 0 ? '' : h.slice(i + 1)) };
}

/** The `?points=` of a vessel permalink, when valid. */
export function pointBudget(params: URLSearchParams): number | undefined {
  const points = Number(params.get('points'));
  return Number.isInteger(points) && points >= 2 ? Math.min(points, 2_000_000) : undefined;
}

export const dossierUrl = (q: string): string => `api/dossier?q=${encodeURIComponent(q)}`;
export const trackUrl = (mmsi: number, maxPoints: number): string => `api/vessels/${mmsi}/track?maxPoints=${Math.max(2, Math.floor(maxPoints))}`;
export const coincidentUrl = (mmsi: number): string => `api/observations/coincident?mmsi=${mmsi}`;
/** The MMSI a query names, when it is one (its track can be asked for before the dossier answers). */
export const queryMmsi = (q: string): number | null => (/^\d{9}$/.test(q.trim()) ? Number(q.trim()) : null);

/** A ship's page: the dossier and, when the query is an MMSI, its track and its site counts (else asked for
 *  only once the dossier has named the MMSIs). */
export function vesselRequests(q: string, budget = DEFAULT_TRACK_BUDGET): string[] {
  const m = queryMmsi(q);
  return [dossierUrl(q), ...(m !== null ? [trackUrl(m, budget), coincidentUrl(m)] : [])];
}

export const eventRequests = (id: string): string[] => [`api/events/${encodeURIComponent(id)}`, `api/events/${encodeURIComponent(id)}/context`];

/** The triage's first requests; its event lists follow from the first two (`triageEventUrls`). */
export const TRIAGE_REQUESTS = ['api/stats', 'api/ports', 'api/lists'] as const;

/** The triage's sections, by id, with their event filters ('listed' only when a sanctions list is loaded). */
export const TRIAGE_FILTERS: ReadonlyArray<{ id: string; params: Record<string, string> }> = [
  { id: 'dark-calls', params: { type: 'dark_port_call' } },
  { id: 'sts', params: { type: 'encounter' } },
  { id: 'spoofing', params: { type: 'spoofing,shared_mmsi' } },
  { id: 'identity', params: { type: 'identity_change' } },
  { id: 'gaps', params: { type: 'gap' } },
  { id: 'listed', params: { risk: 'sanctioned' } },
];

const WEEK_MS = 7 * 86_400_000;

/** "This week" is the last 7 days of the data, not of the wall clock: archives are investigated later. */
export function triageFrom(lastPosition: string | null, window: string): string {
  const lastMs = lastPosition ? Date.parse(lastPosition) : null;
  return window === 'week' && lastMs !== null ? new Date(lastMs - WEEK_MS).toISOString() : '';
}

/** A triage section's event list. */
export const triageEventsUrl = (section: { id: string; params: Record<string, string> }, port: string, fromIso: string): string =>
  `api/events${query({ ...section.params, port: section.id === 'dark-calls' ? port : '', from: fromIso, limit: 100 })}`;

/** The event lists of the triage at `params`, once its stats and lists are known. */
export function triageEventUrls(params: URLSearchParams, lastPosition: string | null, listsLoaded: boolean): string[] {
  const fromIso = triageFrom(lastPosition, params.get('window') ?? 'week');
  return TRIAGE_FILTERS.filter((s) => s.id !== 'listed' || listsLoaded).map((s) => triageEventsUrl(s, params.get('port') ?? '', fromIso));
}

const LIST_VIEWS = ['/events', '/search', '/fleet', '/fuel', '/sites'];

/** Whether `path` opens the triage (main.ts's route for any path no other view claims). */
export const isTriagePath = (path: string): boolean =>
  !/^\/(vessel|event)\/.+$/.test(path) && !LIST_VIEWS.includes(path) && !/^\/site\/.+$/.test(path);

/** The requests of the view `hash` opens on that depend on nothing else (list views and forms ask as they go). */
export function firstRequests(hash: string): string[] {
  const { path, params } = parseHash(hash);
  const vessel = /^\/vessel\/(.+)$/.exec(path);
  const event = /^\/event\/(.+)$/.exec(path);
  if (vessel) return vesselRequests(decodeURIComponent(vessel[1]), pointBudget(params));
  if (event) return eventRequests(decodeURIComponent(event[1]));
  return isTriagePath(path) ? [...TRIAGE_REQUESTS] : [];
}
