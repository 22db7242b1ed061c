// Stationary periods of one vessel (GFW anchorages: staying within 0.5 km for a minimum time): a period
// starts at a position and runs while every later position stays within `radiusM` of it; it is a stop when
// it lasted `minMs` with `minPositions`. Fed in time order; one vessel at a time.
import { EARTH_RADIUS_M } from '../geo/sphere.js';

const M_PER_DEG = (EARTH_RADIUS_M * Math.PI) / 180;

export interface Stop {
  mmsi: number;
  startMs: number;
  endMs: number;
  /** Mean position of the period. */
  lat: number;
  lon: number;
  positions: number;
}

export class StationaryTracker {
  private anchor: { lat: number; lon: number; timeMs: number; mPerDegLon: number } | null = null;
  private lastMs = 0;
  private sumLat = 0;
  private sumLon = 0;
  private n = 0;

  constructor(
    readonly mmsi: number,
    private readonly radiusM: number,
    private readonly minMs: number,
    private readonly minPositions: number,
    private readonly sink: (s: Stop) => void,
  ) {}

  push(lat: number, lon: number, timeMs: number): void {
    if (!Number.isFinite(lat) || Math.abs(lat) > 90 || !Number.isFinite(lon) || Math.abs(lon) > 180) return;
    const a = this.anchor;
    // Planar distance around the anchor: within 0.5 km it agrees with the great circle to millimetres, and
    // this runs for every position of every vessel (no trigonometry per position).
    const dy = a ? (lat - a.lat) * M_PER_DEG : 0, dx = a ? (lon - a.lon) * a.mPerDegLon : 0;
    if (a && dx * dx + dy * dy <= this.radiusM * this.radiusM) {
      this.lastMs = timeMs;
      this.sumLat += lat;
      this.sumLon += lon;
      this.n++;
      return;
    }
    this.finish();
    this.anchor = { lat, lon, timeMs, mPerDegLon: M_PER_DEG * Math.cos((lat * Math.PI) / 180) };
    this.lastMs = timeMs;
    this.sumLat = lat;
    this.sumLon = lon;
    this.n = 1;
  }

  /** End of the vessel's data: a period still open counts if long enough. */
  finish(): void {
    const a = this.anchor;
    if (a && this.n >= this.minPositions && this.lastMs - a.timeMs >= this.minMs) {
      this.sink({ mmsi: this.mmsi, startMs: a.timeMs, endMs: this.lastMs, lat: this.sumLat / this.n, lon: this.sumLon / this.n, positions: this.n });
    }
    this.anchor = null;
  }
}
