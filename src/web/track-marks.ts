// Direction arrows and time ticks along a track, so two overlapping tracks (an encounter) read as who
// went where, when. Spaced by screen-independent fractions of the track: about 12 arrows and 6 ticks.
import type { RGB } from './colors.js';

export interface TrackMark {
  kind: 'arrow' | 'tick';
  at: [number, number];
  /** Degrees counter-clockwise from east (deck.gl's getAngle), arrows only. */
  angle: number;
  text: string;
  rgb: RGB;
}

const ARROWS = 12;
const TICKS = 6;

export function trackMarks(coords: Array<[number, number]>, times: number[] | undefined, rgb: RGB): TrackMark[] {
  const n = coords.length;
  if (n < 2) return [];
  const out: TrackMark[] = [];
  for (let k = 1; k <= ARROWS; k++) {
    const i = Math.min(n - 2, Math.floor((k * (n - 1)) / (ARROWS + 1)));
    const [x0, y0] = coords[i];
    const [x1, y1] = coords[i + 1];
    if (x0 === x1 && y0 === y1) continue;
    const east = (x1 - x0) * Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
    out.push({ kind: 'arrow', at: [(x0 + x1) / 2, (y0 + y1) / 2], angle: (Math.atan2(y1 - y0, east) * 180) / Math.PI, text: '', rgb });
  }
  if (times && times.length === n) {
    for (let k = 0; k <= TICKS; k++) {
      const i = Math.round((k * (n - 1)) / TICKS);
      out.push({ kind: 'tick', at: coords[i], angle: 0, text: new Date(times[i]).toISOString().slice(5, 16).replace('T', ' '), rgb });
    }
  }
  return out;
}
