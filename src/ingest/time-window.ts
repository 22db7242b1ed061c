// The window of plausible message times. A time outside it (a 16-digit tag block c:, a $PGHP year of
// 20983 or -2010) is a counted bad_time reject, never stored: one impossible time used to break every
// later stats/detect/export on the store.
import { MIN_PLAUSIBLE_TIME_MS } from '../ais/decoder.js';

export interface TimeWindow {
  minMs: number;
  maxMs: number;
}

/** Slack after "now" for receivers whose clocks run ahead. */
export const FUTURE_SLACK_MS = 86_400_000;

/**
 * Default window: 1990-01-01 .. now + 1 day. Applies to files and live feeds alike; a file of a simulated
 * future (or a replay with shifted clocks) takes --time-window.
 */
export function defaultTimeWindow(nowMs: number): TimeWindow {
  return { minMs: MIN_PLAUSIBLE_TIME_MS, maxMs: nowMs + FUTURE_SLACK_MS };
}

/** `--time-window FROM..TO` (ISO dates or times, UTC when no zone; either side may be empty for the default). */
export function parseTimeWindow(text: string | undefined, nowMs: number): TimeWindow {
  const def = defaultTimeWindow(nowMs);
  if (text === undefined) return def;
  const m = /^(.*)\.\.(.*)$/.exec(text.trim());
  if (!m) throw new Error(`--time-window: "${text}" is not FROM..TO (e.g. 2012-01-01..2013-01-01)`);
  const side = (s: string, fallback: number): number => (s.trim() === '' ? fallback : parseUtcTime(s.trim(), '--time-window'));
  const w = { minMs: side(m[1], def.minMs), maxMs: side(m[2], def.maxMs) };
  if (!(w.minMs < w.maxMs)) throw new Error(`--time-window: "${text}" is empty (FROM must be before TO)`);
  return w;
}

/** An ISO-8601 date or time; without a zone it is UTC (AIS times are). */
export function parseUtcTime(text: string, option: string): number {
  const iso = /[zZ]$|[+-]\d\d:?\d\d$/.test(text) ? text : /^\d{4}-\d\d-\d\d$/.test(text) ? `${text}T00:00:00Z` : `${text.replace(' ', 'T')}Z`;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new Error(`${option}: "${text}" is not an ISO-8601 time`);
  return ms;
}
