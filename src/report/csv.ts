// CSV (RFC 4180) for events and tracks: one header row, fields quoted when needed, ISO-8601 UTC times.
import type { TumenEvent } from '../events/schema.js';
import type { TrackLike } from '../io/geojson.js';
import type { VesselLabel } from '../store/vessel-labels.js';

const cell = (v: unknown): string => {
  if (v === undefined || v === null) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const line = (values: unknown[]): string => values.map(cell).join(',');

export const EVENT_CSV_COLUMNS = [
  'id', 'type', 'mmsi', 'name', 'imo', 'flag', 'start', 'end', 'lat', 'lon', 'duration_h', 'distance_km',
  'other_mmsi', 'other_name', 'other_imo', 'other_flag', 'port_id', 'port_name', 'candidate_ports', 'intentional', 'evidence',
] as const;

/** Events with the vessels' names, IMO and flag when labelled (store/vessel-labels.ts). */
export function eventsToCsv(events: ReadonlyArray<TumenEvent & { vessel?: VesselLabel; other_vessel?: VesselLabel }>): string {
  const rows = events.map((e) => line([
    e.id, e.type, e.mmsi, e.vessel?.name, e.vessel?.imo, e.vessel?.flag, e.start, e.end, e.lat, e.lon, e.duration_h, e.distance_km,
    e.other_mmsi, e.other_vessel?.name, e.other_vessel?.imo, e.other_vessel?.flag, e.port?.id, e.port?.name,
    e.candidates?.map((c) => `${c.name} (${c.country}) ${c.feasibility}`).join('; '), e.intentional, e.evidence,
  ]));
  return `${[line([...EVENT_CSV_COLUMNS]), ...rows].join('\r\n')}\r\n`;
}

export function trackToCsv(track: TrackLike): string {
  const rows: string[] = [line(['mmsi', 'time', 'lat', 'lon', 'speed_kn', 'gap_before'])];
  const gapEnds = new Set((track.gaps ?? []).map(([, b]) => b));
  for (let i = 0; i < track.time_ms.length; i++) {
    rows.push(line([track.mmsi, new Date(track.time_ms[i]).toISOString(), track.lat[i], track.lon[i], track.speed_kn?.[i] ?? null, gapEnds.has(i) ? 1 : 0]));
  }
  return `${rows.join('\r\n')}\r\n`;
}
