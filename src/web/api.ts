// Typed fetch helpers for the Tumen API (same origin).
import type { PortRef } from '../events/schema.js';
import type { ReportEvent, ReportVessel } from '../report/evidence.js';
import type { TrackResponse } from '../server/track-json.js';
import type { VesselLabelJson } from './dom.js';

/** An event as the API returns it (the shape of events/schema.ts's TumenEvent, type kept open). */
export interface TumenEventJson extends ReportEvent {
  candidates?: Array<PortRef & { feasibility: number; score?: number; heading_agreement?: number | null; detour_ratio?: number | null; transit_h?: number; max_stay_h?: number }>;
  duration_h?: number;
  intentional?: boolean;
  vessel?: VesselLabelJson;
  other_vessel?: VesselLabelJson;
}

export type TrackJson = TrackResponse;

export interface VesselJson extends ReportVessel {
  activity: NonNullable<ReportVessel['activity']>;
  event_counts: Record<string, number>;
}

export type EarlyRequests = Map<string, Promise<Response>>;
/** Where early.js (src/web/early.ts) leaves the requests it issued before app.js loaded. */
export const EARLY_KEY = '__tumenEarly';

/** Requests issued before the page's code asks for them (by early.js, or `prefetch`), by path; each is taken once. */
const early: EarlyRequests = ((globalThis as Record<string, unknown>)[EARLY_KEY] as EarlyRequests | undefined) ?? new Map();
/** Where the page notes the paths it has asked for itself, so early.js does not ask again (its step after the
 *  stats can run after the page's on a busy main thread: the triage's lists went out twice). */
export const ASKED_KEY = '__tumenAsked';
let firstViewDone = false;
/** The paths the page has asked for during its first view (shared with early.js). */
export function askedPaths(): Set<string> {
  const g = globalThis as Record<string, unknown>;
  return (g[ASKED_KEY] ??= new Set<string>()) as Set<string>;
}

/** Issues the first view's GET requests at once, so the server answers while the map's WebGL set-up holds
 *  the main thread (over a second in software rendering); `api(path)` then takes the answer already on its way. */
export function prefetch(paths: string[]): void {
  for (const path of paths) {
    if (early.has(path)) continue;
    const p = fetch(path, { headers: { accept: 'application/json' } });
    p.catch(() => { /* reported when api() takes it */ });
    early.set(path, p);
  }
}

/** Forgets prefetched answers nobody took (they would be stale for a later view). */
export function dropPrefetched(): void {
  early.clear();
  firstViewDone = true;
  askedPaths().clear();
}

export async function api<T>(path: string): Promise<T> {
  let res: Response;
  const pending = early.get(path);
  early.delete(path);
  if (!firstViewDone) askedPaths().add(path);
  try {
    res = await (pending ?? fetch(path, { headers: { accept: 'application/json' } }));
  } catch {
    throw new Error('The Tumen server did not answer. Is `tumen serve` still running?');
  }
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error((body as { error?: { message?: string } }).error?.message ?? `${res.status} ${res.statusText}`);
  return body as T;
}

/** The ports (`/api/ports`: reference data, 370 kB), asked for once per page and shared by the map's labels
 *  and the triage's port filter. */
let portsOnce: Promise<unknown> | null = null;
export function sharedPorts<T>(): Promise<T> {
  portsOnce ??= api<T>('api/ports');
  portsOnce.catch(() => { portsOnce = null; }); // a failed answer is asked for again next time
  return portsOnce as Promise<T>;
}

export const query = (params: Record<string, string | number | undefined | null>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};
