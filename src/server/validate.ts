// Query-parameter parsers. Each throws a 400 naming the parameter and what it expected, so every bad
// input gets the same clear answer from the one error handler.
import { badRequest } from './errors.js';
import { ISO_EXAMPLE, parseIsoTime } from '../events/iso-time.js';

export interface BBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

export function parseMmsi(raw: string | undefined, name = 'mmsi'): number {
  if (raw === undefined || !/^\d{1,9}$/.test(raw)) throw badRequest(`${name} must be a number of 1 to 9 digits, got ${JSON.stringify(raw ?? '')}`);
  const mmsi = Number(raw);
  if (mmsi < 1) throw badRequest(`${name} must be positive`);
  return mmsi;
}

export function optionalMmsi(raw: string | undefined, name = 'mmsi'): number | undefined {
  return raw === undefined || raw === '' ? undefined : parseMmsi(raw, name);
}

/** ISO-8601 (date or date-time; a zone-less time is UTC, see events/iso-time.ts) or epoch milliseconds. */
export function optionalTimeMs(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (/^-?\d{1,15}$/.test(raw)) return Number(raw);
  const ms = parseIsoTime(raw);
  if (ms instanceof Error) throw badRequest(`${name} must be an ISO-8601 time (${ISO_EXAMPLE}) or epoch milliseconds, got ${JSON.stringify(raw)}`);
  return ms;
}

/** `minLon,minLat,maxLon,maxLat` in degrees (WGS 84). */
export function optionalBbox(raw: string | undefined): BBox | undefined {
  if (raw === undefined || raw === '') return undefined;
  const parts = raw.split(',').map((s) => Number(s.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) {
    throw badRequest(`bbox must be minLon,minLat,maxLon,maxLat, got ${JSON.stringify(raw)}`);
  }
  const [minLon, minLat, maxLon, maxLat] = parts;
  if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90 || minLon > maxLon || minLat > maxLat) {
    throw badRequest(`bbox out of range or inverted: ${JSON.stringify(raw)}`);
  }
  return { minLon, minLat, maxLon, maxLat };
}

export function intParam(raw: string | undefined, name: string, opts: { min: number; max: number; fallback: number }): number {
  if (raw === undefined || raw === '') return opts.fallback;
  if (!/^\d+$/.test(raw)) throw badRequest(`${name} must be a whole number, got ${JSON.stringify(raw)}`);
  const n = Number(raw);
  if (n < opts.min || n > opts.max) throw badRequest(`${name} must be between ${opts.min} and ${opts.max}, got ${n}`);
  return n;
}

export function enumList<T extends string>(raw: string | undefined, name: string, allowed: readonly T[]): T[] | undefined {
  if (raw === undefined || raw === '') return undefined;
  const values = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (values.length === 0) throw badRequest(`${name} must list at least one of ${allowed.join(', ')}; got ${JSON.stringify(raw)}`);
  for (const v of values) {
    if (!(allowed as readonly string[]).includes(v)) throw badRequest(`${name} must be one of ${allowed.join(', ')}; got ${JSON.stringify(v)}`);
  }
  return values as T[];
}

export function timeRange(from: number | undefined, to: number | undefined): void {
  if (from !== undefined && to !== undefined && from > to) throw badRequest('from must not be after to');
}
