// Typed fetch helpers for the Tumen API (same origin).
export interface TumenEventJson {
  id: string;
  type: string;
  mmsi: number;
  start: string;
  end: string | null;
  lat: number;
  lon: number;
  evidence: Record<string, unknown>;
  other_mmsi?: number;
  port?: { id: string; name: string; country: string };
  candidates?: Array<{ id: string; name: string; country: string; feasibility: number }>;
  duration_h?: number;
  [k: string]: unknown;
}

export interface TrackJson {
  mmsi: number;
  total_points: number;
  simplified: boolean;
  time_ms: number[];
  lon: number[];
  lat: number[];
  speed_kn: Array<number | null>;
  gaps: Array<[number, number]>;
  gap_h: number;
}

export interface VesselJson {
  mmsi: number;
  shipname: string | null;
  imo: string | null;
  callsign: string | null;
  flag: string | null;
  identities: Array<{ field: string; value: string; first_seen: string; last_seen: string; messages: number }>;
  activity: { positions: number; first_seen: string | null; last_seen: string | null };
  event_counts: Record<string, number>;
  list_matches: unknown[];
  risk: unknown;
}

export async function api<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
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
