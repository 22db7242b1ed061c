// A world of churning MMSIs: new vessels keep appearing and old ones fall silent (test/detectors/vessel-retire,
// bench/runner-churn.ts).
import { mulberry32 } from '../../src/sim/prng.js';
import type { StaticReport } from '../../src/detectors/detector.js';
import type { Position } from '../../src/tracks/position.js';

const HOUR = 3_600_000, DAY = 24 * HOUR, STEP = 15 * 60_000;

export interface ChurnWorld {
  vessels: number;
  /** A new vessel every this many hours. */
  everyH: number;
  /** Hours each reports for. */
  lifeH: number;
  /** Every tenth is heard again this many days after it appeared. */
  returnAfterD: number;
  t0Ms: number;
}

export type Report = { kind: 'p'; p: Position } | { kind: 's'; s: StaticReport };

/** Vessel k appears at k × everyH off the Korean east coast, reports every 10–20 min for lifeH heading north-east
 *  at ~10 kn, then falls silent. Every third goes dark for 8 h mid-life and comes back with another draught;
 *  every fourth loiters for 10 h; every tenth is heard again returnAfterD days later, for 10 h. */
export function churn(w: ChurnWorld): Report[] {
  const out: Report[] = [];
  const rnd = mulberry32(12);
  for (let k = 0; k < w.vessels; k++) {
    const mmsi = 440_100_000 + k, start = w.t0Ms + k * w.everyH * HOUR;
    let lat = 39.4 + (k % 7) * 0.05, lon = 131.2 + (k % 5) * 0.1;
    const statics = (t: number, draughtM: number): void => {
      for (const dt of [0, STEP / 2]) {
        out.push({ kind: 's', s: { mmsi, timeMs: t + dt, imo: null, shipname: `CHURN ${k}`, callsign: null, shiptype: 80, draughtM, destination: null, lengthM: 180, beamM: 30 } });
      }
    };
    const leg = (from: number, hours: number, dark: boolean): void => {
      let last = from;
      for (let t = from; t < from + hours * HOUR; t += STEP * (0.7 + 0.6 * rnd())) {
        const h = (t - from) / HOUR;
        const speedKn = k % 4 === 1 && h >= 5 && h < 15 ? 0.3 + 0.4 * rnd() : 9 + 2 * rnd();
        const courseDeg = 30 + 20 * rnd();
        const nm = (speedKn * (t - last)) / HOUR;
        last = t;
        lat += (nm / 60) * Math.cos((courseDeg * Math.PI) / 180);
        lon += (nm / 60) * Math.sin((courseDeg * Math.PI) / 180) / Math.cos((lat * Math.PI) / 180);
        if (dark && h >= 12 && h < 20) continue;
        out.push({ kind: 'p', p: { mmsi, timeMs: Math.round(t), lat, lon, speedKn, courseDeg, headingDeg: null, status: 0, source: 'terrestrial', stations: ['KR-1'] } });
      }
    };
    statics(start, 6);
    leg(start, w.lifeH, k % 3 === 0);
    if (k % 3 === 0) statics(start + 20 * HOUR, 11);
    if (k % 10 === 7) {
      lat -= 1;
      leg(start + w.returnAfterD * DAY, 10, false);
    }
  }
  const time = (r: Report): number => (r.kind === 'p' ? r.p.timeMs : r.s.timeMs);
  const mmsi = (r: Report): number => (r.kind === 'p' ? r.p.mmsi : r.s.mmsi);
  // As every adapter feeds them (test/contract/world.ts timeOrdered): by time, statics first, then MMSI.
  return out.sort((a, b) => time(a) - time(b) || (a.kind === b.kind ? mmsi(a) - mmsi(b) : a.kind === 's' ? -1 : 1));
}

