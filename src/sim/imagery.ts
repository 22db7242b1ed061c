// Satellite imagery of the simulated world (core, no I/O): daily optical scenes over the ports of interest
// (some lost to cloud), SAR scenes over sea areas, and the vessel detections made on them — detection
// probability below 1 (smaller for small boats), position and length noise, false alarms — each with its
// true identity, so fusion can be scored. Reads the fleet's true movement; never the AIS it emitted.
import { PORTS_OF_INTEREST } from '../reference/ports-of-interest.js';
import { distanceM, MS_PER_HOUR } from '../geo/sphere.js';
import { nodePoint, RENDEZVOUS_SITES } from './lanes.js';
import { PlanCursor, type TrueState } from './plan.js';
import { Rng } from './prng.js';
import { identityAt, isDark, spoofAt, type SimVessel } from './vessel.js';
import type { BBox, Scene, Sensor } from '../imagery/types.js';

export const IMAGERY = {
  /** Optical: one pass a day per port of interest at ~02:00 UTC (Sentinel-2/Planet morning local time). */
  opticalHourUtc: 2,
  /** Half-size of a port scene box, degrees (~11 km north–south). */
  opticalHalfDeg: 0.1,
  /** Share of optical passes lost to cloud (East Sea cloud cover ~40–60 %; Tumen keeps the usable share). */
  cloudProb: 0.35,
  /** SAR: each sea area imaged on a given day with this probability (Sentinel-1 6–12-day repeat, several tracks). */
  sarDailyProb: 0.5,
  sarHalfDeg: 0.6,
  /** Detection probability for a ship ≥ 50 m (SAR ~0.95, optical clear sky ~0.9), falling to `smallDetectProb` below 25 m. */
  detectProb: { sar: 0.93, optical: 0.9 },
  smallDetectProb: 0.5,
  /** Position noise (1σ, metres): geolocation plus the centroid of a ship-long blob. */
  positionSigmaM: { sar: 60, optical: 30 },
  /** Length noise: relative 1σ (GFW Sentinel-1 length regression ~15 %), plus an absolute term. */
  lengthRelSigma: 0.12,
  lengthAbsSigmaM: 6,
  /** False alarms per scene (Poisson mean): waves, rocks, buoys, wind; their presence scores are low. */
  falseAlarmsPerScene: { sar: 0.8, optical: 0.3 },
  /** Presence score ranges: real ships vs false alarms (overlapping, as real detectors' scores do). */
  presenceReal: [0.6, 1.0],
  presenceFalse: [0.05, 0.65],
} as const;

export interface ImageryTruth {
  detection_id: string;
  scene_id: string;
  /** The MMSI the ship broadcast (or would have) at the time; null for a false alarm. */
  true_mmsi: number | null;
  vessel_index: number | null;
  /** Whether the ship broadcasts AIS at some time in the world. */
  broadcasts: boolean;
  /** A real ship whose AIS does not explain it at that time: dark, spoofing elsewhere, or never transmitting. */
  dark: boolean;
  false_alarm: boolean;
  true_length_m: number | null;
  /** Metres from the ship's true position to the nearest other ship's in the scene (with `moorings: shared`
   *  ships of one berth lie on one point, where only length can tell them apart). */
  nearest_other_m: number | null;
}

export interface SimImagery {
  scenes: Scene[];
  detections: Array<{ detection_id: string; scene_id: string; timeMs: number; lat: number; lon: number; length_m: number; sensor: Sensor; presence: number }>;
  truth: ImageryTruth[];
}

const M_PER_DEG = 111_195;

function box(lat: number, lon: number, half: number): BBox {
  const r = (x: number) => Math.round(x * 1e4) / 1e4;
  return { lat_min: r(lat - half), lat_max: r(lat + half), lon_min: r(lon - half / Math.cos((lat * Math.PI) / 180)), lon_max: r(lon + half / Math.cos((lat * Math.PI) / 180)) };
}

const SAR_AREAS: ReadonlyArray<{ id: string; lat: number; lon: number }> = [
  ...RENDEZVOUS_SITES.map((id) => ({ id, ...nodePoint(id) })),
  { id: 'rajin_app', ...nodePoint('rajin_app') },
  { id: 'chongjin_app', ...nodePoint('chongjin_app') },
];

function lengthOf(v: SimVessel): number {
  return v.dims.to_bow + v.dims.to_stern;
}

/** The scenes and detections of a world [startMs, endMs) with `vessels`; deterministic in `seed`. */
export function simulateImagery(vessels: readonly SimVessel[], startMs: number, endMs: number, seed: number): SimImagery {
  const rng = new Rng(seed, 7);
  const scenes: Scene[] = [];
  const day0 = Math.floor(startMs / (24 * MS_PER_HOUR)) * 24 * MS_PER_HOUR;
  for (let day = day0; day < endMs; day += 24 * MS_PER_HOUR) {
    const tag = new Date(day).toISOString().slice(0, 10).replace(/-/g, '');
    for (const p of PORTS_OF_INTEREST) {
      const t = day + IMAGERY.opticalHourUtc * MS_PER_HOUR + Math.round(rng.uniform(-20, 20)) * 60_000;
      if (t < startMs || t >= endMs || rng.chance(IMAGERY.cloudProb)) continue;
      scenes.push({ scene_id: `OPT-${p.id}-${tag}`, timeMs: t, sensor: 'optical', bbox: box(p.lat, p.lon, IMAGERY.opticalHalfDeg) });
    }
    for (const a of SAR_AREAS) {
      const t = day + Math.round(rng.uniform(8, 22) * 60) * 60_000;
      if (t < startMs || t >= endMs || !rng.chance(IMAGERY.sarDailyProb)) continue;
      scenes.push({ scene_id: `SAR-${a.id}-${tag}`, timeMs: t, sensor: 'sar', bbox: box(a.lat, a.lon, IMAGERY.sarHalfDeg) });
    }
  }
  scenes.sort((a, b) => a.timeMs - b.timeMs || a.scene_id.localeCompare(b.scene_id));
  const cursors = vessels.map((v) => new PlanCursor(v.phases));
  const state: TrueState = { lat: 0, lon: 0, sogKn: 0, cogDeg: 0, headingDeg: 0, status: 0, portId: null };
  const out: SimImagery = { scenes, detections: [], truth: [] };
  for (const s of scenes) {
    let n = 0;
    const emit = (lat: number, lon: number, length: number, presence: number, truth: Omit<ImageryTruth, 'detection_id' | 'scene_id'>) => {
      const detection_id = `${s.scene_id}-${String(++n).padStart(3, '0')}`;
      out.detections.push({ detection_id, scene_id: s.scene_id, timeMs: s.timeMs, lat: Math.round(lat * 1e6) / 1e6, lon: Math.round(lon * 1e6) / 1e6, length_m: Math.round(length), sensor: s.sensor, presence: Math.round(presence * 100) / 100 });
      out.truth.push({ detection_id, scene_id: s.scene_id, ...truth });
    };
    const sigma = IMAGERY.positionSigmaM[s.sensor] / M_PER_DEG;
    const inBox = (lat: number, lon: number) => lat >= s.bbox.lat_min && lat <= s.bbox.lat_max && lon >= s.bbox.lon_min && lon <= s.bbox.lon_max;
    const inScene: Array<{ v: SimVessel; lat: number; lon: number }> = [];
    for (const v of vessels) {
      const st = cursors[v.index]!.at(s.timeMs, state);
      if (st && inBox(st.lat, st.lon)) inScene.push({ v, lat: st.lat, lon: st.lon });
    }
    for (const { v, lat: tLat, lon: tLon } of inScene) {
      const st = { lat: tLat, lon: tLon };
      let nearest = Infinity;
      for (const o of inScene) if (o.v !== v) nearest = Math.min(nearest, distanceM(tLat, tLon, o.lat, o.lon));
      const len = lengthOf(v);
      const pDetect = len >= 50 ? IMAGERY.detectProb[s.sensor] : len >= 25 ? (IMAGERY.detectProb[s.sensor] + IMAGERY.smallDetectProb) / 2 : IMAGERY.smallDetectProb;
      if (!rng.chance(pDetect)) continue;
      const lat = st.lat + rng.normal() * sigma;
      const lon = st.lon + (rng.normal() * sigma) / Math.cos((st.lat * Math.PI) / 180);
      const measured = Math.max(8, len * (1 + rng.normal() * IMAGERY.lengthRelSigma) + rng.normal() * IMAGERY.lengthAbsSigmaM);
      const dark = !v.transmits || isDark(v, s.timeMs) || spoofAt(v, s.timeMs) !== null;
      emit(lat, lon, measured, rng.uniform(IMAGERY.presenceReal[0], IMAGERY.presenceReal[1]), {
        true_mmsi: identityAt(v, s.timeMs).mmsi, vessel_index: v.index, broadcasts: v.transmits, dark, false_alarm: false, true_length_m: len,
        nearest_other_m: Number.isFinite(nearest) ? Math.round(nearest) : null,
      });
    }
    for (let k = poisson(rng, IMAGERY.falseAlarmsPerScene[s.sensor]); k > 0; k--) {
      const lat = rng.uniform(s.bbox.lat_min, s.bbox.lat_max), lon = rng.uniform(s.bbox.lon_min, s.bbox.lon_max);
      emit(lat, lon, rng.uniform(10, 60), rng.uniform(IMAGERY.presenceFalse[0], IMAGERY.presenceFalse[1]), {
        true_mmsi: null, vessel_index: null, broadcasts: false, dark: false, false_alarm: true, true_length_m: null, nearest_other_m: null,
      });
    }
  }
  return out;
}

function poisson(rng: Rng, mean: number): number {
  const l = Math.exp(-mean);
  let k = 0, p = 1;
  for (;;) {
    p *= rng.next();
    if (p <= l) return k;
    k++;
  }
}
