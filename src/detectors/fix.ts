// A vessel's last known place, and which positions a detector may place an event at.
import type { Position } from '../tracks/position.js';

export interface Fix {
  timeMs: number;
  lat: number;
  lon: number;
}

/** Finite time, latitude and longitude in range, and not flagged as a GNSS outlier upstream. */
export function isUsablePosition(p: Position): boolean {
  if (!Number.isFinite(p.timeMs) || !(Math.abs(p.lat) <= 90) || !(Math.abs(p.lon) <= 180)) return false;
  return (p as { outlier?: boolean }).outlier !== true;
}

/** `fix` moved to `p`, updated in place when there is one: one allocation per vessel, not per position. */
export function moveFix(fix: Fix | null, p: Position): Fix {
  if (!fix) return { timeMs: p.timeMs, lat: p.lat, lon: p.lon };
  fix.timeMs = p.timeMs;
  fix.lat = p.lat;
  fix.lon = p.lon;
  return fix;
}
