// Hand-built tracks for the tests of encounter, loitering, spoofing, shared MMSI, identity and draught:
// one global time-ordered stream, and a seeded generator so crowds are the same on every run.
import type { Position } from '../../src/tracks/position.js';
import type { StaticReport } from '../../src/detectors/detector.js';
import { mulberry32 } from '../../src/sim/prng.js';

export const T0 = Date.parse('2024-05-01T00:00:00Z');
export const MIN = 60_000;
export const HOUR = 3_600_000;
/** Degrees of latitude per nautical mile. */
export const DEG_PER_NM = 1 / 60;

export function track(
  mmsi: number,
  fromMs: number,
  toMs: number,
  stepMs: number,
  at: (tMs: number) => { lat: number; lon: number; speedKn?: number | null; courseDeg?: number | null },
): Position[] {
  const out: Position[] = [];
  for (let t = fromMs; t <= toMs; t += stepMs) {
    const { lat, lon, speedKn = null, courseDeg = null } = at(t);
    out.push({ mmsi, timeMs: t, lat, lon, speedKn, courseDeg, headingDeg: null, status: null });
  }
  return out;
}

/** Merge tracks into one stream ordered by time, then MMSI (stable across runs). */
export function stream(...tracks: Position[][]): Position[] {
  return tracks.flat().sort((a, b) => a.timeMs - b.timeMs || a.mmsi - b.mmsi);
}

/** A small seeded generator (tests must not depend on Math.random). */
export const seeded = mulberry32;

export function staticReport(mmsi: number, timeMs: number, fields: Partial<StaticReport> = {}): StaticReport {
  return {
    mmsi, timeMs, imo: null, shipname: null, callsign: null, shiptype: null, draughtM: null, destination: null,
    lengthM: null, beamM: null, ...fields,
  };
}

/** Real GNSS fixes scatter by metres: add up to ±`metres` of seeded noise to each position. */
export function jitter(positions: Position[], metres = 10, seed = 7): Position[] {
  const rnd = seeded(seed);
  return positions.map((p) => ({
    ...p,
    lat: p.lat + ((rnd() * 2 - 1) * metres) / 111_195,
    lon: p.lon + ((rnd() * 2 - 1) * metres) / (111_195 * Math.cos((p.lat * Math.PI) / 180)),
  }));
}
