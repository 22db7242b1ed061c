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

export async function api<T>(path: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { accept: 'application/json' } });
  } catch {
    throw new Error('The Tumen server did not answer. Is `tumen serve` still running?');
  }
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error((body as { error?: { message?: string } }).error?.message ?? `${res.status} ${res.statusText}`);
  return body as T;
}

export const query = (params: Record<string, string | number | undefined | null>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};
