// The reception network of the simulated world: coastal AIS stations in Russia, South Korea and Japan
// (none in North Korea), each with a range of 30–60 nm (typical VHF line of sight to a ship's antenna),
// and the schedule of satellite passes.
import { METRES_PER_NM } from '../geo/sphere.js';
import { RECEPTION } from './params.js';
import type { Rng } from './prng.js';

export interface Station {
  id: string;
  country: 'RU' | 'KR' | 'JP';
  lat: number;
  lon: number;
  rangeNm: number;
}

export const STATIONS: readonly Station[] = [
  { id: 'RUVVO1', country: 'RU', lat: 43.1, lon: 131.9, rangeNm: 50 },
  { id: 'RUNJK1', country: 'RU', lat: 42.8, lon: 132.9, rangeNm: 50 },
  { id: 'RUPOS1', country: 'RU', lat: 42.65, lon: 130.8, rangeNm: 30 },
  { id: 'KRPUS1', country: 'KR', lat: 35.1, lon: 129.05, rangeNm: 60 },
  { id: 'KRKPO1', country: 'KR', lat: 36.05, lon: 129.4, rangeNm: 60 },
  { id: 'KRTGA1', country: 'KR', lat: 37.5, lon: 129.12, rangeNm: 60 },
  { id: 'KRSOK1', country: 'KR', lat: 38.2, lon: 128.6, rangeNm: 50 },
  { id: 'KRULL1', country: 'KR', lat: 37.48, lon: 130.9, rangeNm: 50 },
  { id: 'KRCJU1', country: 'KR', lat: 33.5, lon: 126.5, rangeNm: 60 },
  { id: 'KRMOK1', country: 'KR', lat: 34.8, lon: 126.4, rangeNm: 50 },
  { id: 'KRKUV1', country: 'KR', lat: 35.98, lon: 126.6, rangeNm: 50 },
  { id: 'KRINC1', country: 'KR', lat: 37.45, lon: 126.6, rangeNm: 40 },
  { id: 'JPIZH1', country: 'JP', lat: 34.2, lon: 129.3, rangeNm: 60 },
  { id: 'JPFUK1', country: 'JP', lat: 33.6, lon: 130.4, rangeNm: 50 },
  { id: 'JPHMD1', country: 'JP', lat: 34.9, lon: 132.07, rangeNm: 50 },
  { id: 'JPSMN1', country: 'JP', lat: 35.54, lon: 133.23, rangeNm: 50 },
  { id: 'JPOKI1', country: 'JP', lat: 36.2, lon: 133.3, rangeNm: 50 },
  { id: 'JPMAI1', country: 'JP', lat: 35.5, lon: 135.3, rangeNm: 50 },
];

const RAD = Math.PI / 180;
const M_PER_DEG = 111_195;

/** Stations whose range covers (lat, lon): equirectangular distance, exact enough at < 120 km. */
export function stationsInRange(lat: number, lon: number, out: Station[] = []): Station[] {
  out.length = 0;
  const k = Math.cos(lat * RAD);
  for (const s of STATIONS) {
    const dy = (lat - s.lat) * M_PER_DEG;
    const dx = (lon - s.lon) * M_PER_DEG * k;
    const r = s.rangeNm * METRES_PER_NM;
    if (dx * dx + dy * dy <= r * r) out.push(s);
  }
  return out;
}

export interface SatPass {
  startMs: number;
  endMs: number;
  station: 'SAT1' | 'SAT2';
  index: number;
}

/** Satellite passes over [startMs, endMs): every ~90 min with jitter, alternating two satellites. */
export function satellitePasses(startMs: number, endMs: number, rng: Rng): SatPass[] {
  const out: SatPass[] = [];
  const step = RECEPTION.satPassIntervalMin * 60_000;
  let t = startMs + rng.uniform(0, step);
  for (let i = 0; t < endMs; i++) {
    const s = Math.round(t + rng.uniform(-1, 1) * RECEPTION.satPassJitterMin * 60_000);
    out.push({ startMs: s, endMs: s + RECEPTION.satPassDurationMin * 60_000, station: i % 2 === 0 ? 'SAT1' : 'SAT2', index: i });
    t += step;
  }
  return out;
}
