// Satellite scenes and the vessel detections made on them, as imported and as fused with AIS.
export type Sensor = 'sar' | 'optical';

export interface BBox {
  lat_min: number;
  lat_max: number;
  lon_min: number;
  lon_max: number;
}

export interface Scene {
  scene_id: string;
  /** Acquisition time, epoch ms UTC. */
  timeMs: number;
  sensor: Sensor;
  bbox: BBox;
}

export interface Detection {
  detection_id: string;
  scene_id: string;
  timeMs: number;
  lat: number;
  lon: number;
  /** Estimated length overall in metres; null when the image gives none. */
  length_m: number | null;
  heading_deg: number | null;
  sensor: Sensor;
  /** The image detector's own presence score in [0, 1] (null: not given). */
  presence: number | null;
}

/** One AIS report as fusion needs it. */
export interface TrackPoint {
  timeMs: number;
  lat: number;
  lon: number;
  speedKn: number | null;
  courseDeg: number | null;
}

/** What the AIS data says about one vessel: its reports near the scene time and its length. */
export interface AisVessel {
  mmsi: number;
  /** Time-ordered. */
  points: TrackPoint[];
  lengthM: number | null;
}

export interface Candidate {
  mmsi: number;
  score: number;
  why: string;
}

export interface FusedDetection extends Pick<Detection, 'detection_id' | 'scene_id' | 'timeMs' | 'lat' | 'lon' | 'length_m'> {
  /** The AIS vessel assigned one-to-one, or null. */
  mmsi: number | null;
  /** The assigned pair's score, or for a dark detection the top dark candidate's score, or 0. */
  confidence: number;
  /** A real vessel (not a likely false alarm) with no AIS that explains it. */
  dark: boolean;
  /** Ranked: for a matched detection the AIS vessels that gated; for a dark one the vessels dark nearby. */
  candidates: Candidate[];
}

/** An AIS vessel whose estimated position at acquisition lies inside the footprint, with no detection. */
export interface MissedVessel {
  scene_id: string;
  mmsi: number;
  lat: number;
  lon: number;
  sigma_m: number;
}

export interface SceneFusion {
  detections: FusedDetection[];
  missed: MissedVessel[];
}
