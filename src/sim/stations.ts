// The reception network of the simulated world: coastal AIS stations in Russia, South Korea and Japan
// (none in North Korea), each with a range of 30–60 nm (typical VHF line of sight to a ship's antenna),
// and the schedule of satellite passes. With `receivers: random` the layout is drawn per seed from coastal
// sites (ranges, hearing probability and outages drawn too); the detectors are never told either layout.
import { METRES_PER_NM, MS_PER_HOUR } from '../geo/sphere.js';
import { RECEIVER_CHANGES, RECEIVERS_RANDOM, RECEIVERS_SPARSE, RECEPTION, SATELLITE_THIN } from './params.js';
import type { Rng } from './prng.js';
import type { WorldVariation } from './variation.js';

export interface Station {
  id: string;
  country: 'RU' | 'KR' | 'JP' | 'CN';
  lat: number;
  lon: number;
  rangeNm: number;
  /** Probability of hearing one report in range (fixed layout: RECEPTION.stationHearProb). */
  hearProb?: number;
  /** Times the station is down (epoch ms, [start, end)). */
  outages?: Array<[number, number]>;
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

/**
 * Coastal sites a random layout draws from (towns, capes and islands on the real coast, lat/lon to ~0.05°):
 * Primorye, the Korean east, south and west coasts and islands, western Japan, the Chinese Yalu mouth. None
 * in North Korea (no station there feeds the public networks).
 */
const COASTAL_SITES: ReadonlyArray<readonly [Station['country'], number, number]> = [
  ['RU', 43.1, 131.9], ['RU', 43.0, 131.8], ['RU', 42.8, 132.9], ['RU', 42.75, 133.08], ['RU', 42.65, 130.8],
  ['RU', 42.86, 131.38], ['RU', 42.75, 132.35], ['RU', 42.65, 131.13], ['RU', 42.9, 133.9], ['RU', 43.74, 135.29],
  ['RU', 44.36, 135.82], ['RU', 42.95, 132.6],
  ['KR', 38.2, 128.6], ['KR', 37.9, 128.83], ['KR', 37.5, 129.12], ['KR', 36.99, 129.41], ['KR', 36.05, 129.4],
  ['KR', 37.48, 130.9], ['KR', 37.24, 131.87], ['KR', 35.45, 129.4], ['KR', 35.1, 129.05], ['KR', 34.85, 128.7],
  ['KR', 34.74, 127.74], ['KR', 34.8, 126.4], ['KR', 33.5, 126.5], ['KR', 35.98, 126.6], ['KR', 36.75, 126.2],
  ['KR', 37.45, 126.6], ['KR', 37.96, 124.67],
  ['JP', 34.2, 129.3], ['JP', 34.7, 129.45], ['JP', 33.6, 130.4], ['JP', 34.9, 132.07], ['JP', 35.54, 133.23],
  ['JP', 36.2, 133.3], ['JP', 35.5, 135.3], ['JP', 35.65, 134.8], ['JP', 37.3, 136.7],
  ['CN', 39.8, 124.1],
];

const RAD = Math.PI / 180;
const M_PER_DEG = 111_195;

/** The receivers of one world: which stations hear a transmitter at a place and time. */
export class Reception {
  constructor(readonly stations: readonly Station[]) {}

  /** Stations whose range covers (lat, lon) and that are up at `t` (any time when omitted). */
  stationsInRange(lat: number, lon: number, out: Station[] = [], t?: number): Station[] {
    out.length = 0;
    const k = Math.cos(lat * RAD);
    for (const s of this.stations) {
      const dy = (lat - s.lat) * M_PER_DEG;
      const dx = (lon - s.lon) * M_PER_DEG * k;
      const r = s.rangeNm * METRES_PER_NM;
      if (dx * dx + dy * dy > r * r) continue;
      if (t !== undefined && s.outages?.some(([a, b]) => t >= a && t < b)) continue;
      out.push(s);
    }
    return out;
  }
}

/** The documented fixed layout. */
export const FIXED_RECEPTION = new Reception(STATIONS);

/** Stations whose range covers (lat, lon) in the fixed layout. */
export function stationsInRange(lat: number, lon: number, out: Station[] = []): Station[] {
  return FIXED_RECEPTION.stationsInRange(lat, lon, out);
}

/** A random layout for one world: each coastal site gets a station with `R.siteProb` (RECEIVERS_RANDOM, or
 *  RECEIVERS_SPARSE for a thin network). */
export function randomReception(rng: Rng, startMs: number, endMs: number, R: typeof RECEIVERS_RANDOM | typeof RECEIVERS_SPARSE = RECEIVERS_RANDOM): Reception {
  const stations: Station[] = [];
  const perCountry = new Map<string, number>();
  for (const [country, lat, lon] of COASTAL_SITES) {
    if (!rng.chance(R.siteProb)) continue;
    const n = (perCountry.get(country) ?? 0) + 1;
    perCountry.set(country, n);
    const outages: Array<[number, number]> = [];
    for (let i = rng.int(R.outagesPerStation[0], R.outagesPerStation[1]); i > 0; i--) {
      const a = Math.round(rng.uniform(startMs, endMs));
      outages.push([a, a + Math.round(rng.uniform(R.outageH[0], R.outageH[1]) * MS_PER_HOUR)]);
    }
    stations.push({
      id: `${country}R${String(n).padStart(2, '0')}`, country, lat, lon,
      rangeNm: Math.round(rng.uniform(R.rangeNm[0], R.rangeNm[1])),
      hearProb: Math.round(rng.uniform(R.hearProb[0], R.hearProb[1]) * 100) / 100,
      outages,
    });
  }
  return new Reception(stations);
}

export function receptionFor(v: WorldVariation, rng: Rng, startMs: number, endMs: number): Reception {
  if (v.receivers === 'fixed') return FIXED_RECEPTION;
  return randomReception(rng, startMs, endMs, v.receivers === 'sparse' ? RECEIVERS_SPARSE : RECEIVERS_RANDOM);
}

/**
 * The layout changing over the world's time (variation `receiverChanges`): each station may go off the air
 * for days, come on the air only part-way through, or go off for good part-way through — added to its
 * outages (a station in outage hears nothing). Its own random stream, so the layout itself is unchanged.
 */
export function withReceiverChanges(r: Reception, rng: Rng, startMs: number, endMs: number, C: typeof RECEIVER_CHANGES = RECEIVER_CHANGES): Reception {
  const span = endMs - startMs;
  const at = () => Math.round(startMs + rng.uniform(C.changeAtShare[0], C.changeAtShare[1]) * span);
  return new Reception(r.stations.map((s) => {
    const outages: Array<[number, number]> = [...(s.outages ?? [])];
    // Every draw is made for every station, so one station's changes never shift another's.
    const long = rng.chance(C.longOutageProb), longStart = Math.round(rng.uniform(startMs, endMs)), longH = rng.uniform(C.longOutageH[0], C.longOutageH[1]);
    const late = rng.chance(C.lateStartProb), lateAt = at();
    const early = rng.chance(C.earlyEndProb), earlyAt = at();
    if (long) outages.push([longStart, Math.min(endMs, longStart + Math.round(longH * MS_PER_HOUR))]);
    if (late) outages.push([startMs, lateAt]);
    else if (early) outages.push([earlyAt, endMs]);
    return { ...s, outages };
  }));
}

export interface SatPass {
  startMs: number;
  endMs: number;
  station: 'SAT1' | 'SAT2';
  index: number;
}

/** The satellite schedule of a coverage level: `normal` (RECEPTION), `thin` (SATELLITE_THIN) or none. */
export function satelliteCoverage(level: WorldVariation['satellite']) {
  if (level === 'none') return null;
  const c = level === 'thin' ? SATELLITE_THIN : RECEPTION;
  return { intervalMin: c.satPassIntervalMin, jitterMin: c.satPassJitterMin, durationMin: c.satPassDurationMin, inViewProb: c.satInViewProb, hearProb: c.satHearProb };
}

/** Satellite passes over [startMs, endMs): every ~interval with jitter, alternating two satellites. */
export function satellitePasses(startMs: number, endMs: number, rng: Rng, level: WorldVariation['satellite'] = 'normal'): SatPass[] {
  const out: SatPass[] = [];
  const c = satelliteCoverage(level);
  if (!c) return out;
  const step = c.intervalMin * 60_000;
  let t = startMs + rng.uniform(0, step);
  for (let i = 0; t < endMs; i++) {
    const s = Math.round(t + rng.uniform(-1, 1) * c.jitterMin * 60_000);
    out.push({ startMs: s, endMs: s + c.durationMin * 60_000, station: i % 2 === 0 ? 'SAT1' : 'SAT2', index: i });
    t += step;
  }
  return out;
}
