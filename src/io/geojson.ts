// GeoJSON (RFC 7946) writers for tracks and events. Pure: objects in, objects out (the caller writes).
import type { TumenEvent } from '../events/schema.js';

export interface TrackLike {
  mmsi: number;
  time_ms: number[];
  lon: number[];
  lat: number[];
  speed_kn?: Array<number | null>;
  /** [i, i+1] index pairs between which the vessel was silent. */
  gaps?: Array<[number, number]>;
}

export type Feature = {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: number[] } | { type: 'LineString'; coordinates: number[][] } | { type: 'MultiLineString'; coordinates: number[][][] } | { type: 'Polygon'; coordinates: number[][][] };
  properties: Record<string, unknown>;
};

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

/** The track as a MultiLineString split at gaps (a gap is not a path the ship was seen on) plus one dashed "gap" line per gap. */
export function trackFeatures(track: TrackLike): Feature[] {
  const n = track.time_ms.length;
  if (n === 0) return [];
  const gapStarts = new Set((track.gaps ?? []).map(([a]) => a));
  const parts: number[][][] = [[]];
  for (let i = 0; i < n; i++) {
    parts[parts.length - 1].push([round(track.lon[i]), round(track.lat[i])]);
    if (gapStarts.has(i) && i < n - 1) parts.push([]);
  }
  const features: Feature[] = [{
    type: 'Feature',
    geometry: { type: 'MultiLineString', coordinates: parts.filter((p) => p.length > 0).map((p) => (p.length === 1 ? [p[0], p[0]] : p)) },
    properties: {
      kind: 'track', mmsi: track.mmsi, points: n,
      start: new Date(track.time_ms[0]).toISOString(), end: new Date(track.time_ms[n - 1]).toISOString(),
    },
  }];
  for (const [a, b] of track.gaps ?? []) {
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: [[round(track.lon[a]), round(track.lat[a])], [round(track.lon[b]), round(track.lat[b])]] },
      properties: {
        kind: 'track_gap', mmsi: track.mmsi,
        start: new Date(track.time_ms[a]).toISOString(), end: new Date(track.time_ms[b]).toISOString(),
        duration_h: Math.round(((track.time_ms[b] - track.time_ms[a]) / 3_600_000) * 100) / 100,
      },
    });
  }
  return features;
}

/** One Point feature per event, at the event's position, with every scalar field and the evidence as properties. */
export function eventFeature(e: TumenEvent): Feature {
  const { lat, lon, evidence, ...rest } = e;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [round(lon), round(lat)] },
    properties: { kind: 'event', ...rest, evidence },
  };
}

export function featureCollection(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}
