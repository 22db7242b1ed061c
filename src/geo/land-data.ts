// Natural Earth 1:10m land (CC0), shipped as polyline-encoded rings quantised to 1e-4° (see
// src/reference/data/SOURCE.md and scripts/ne-land-encode.mjs): 411 k points in 1.7 MB instead of 18 MB of
// GeoJSON. Decoded once, on first use.
import ne10m from '../reference/data/ne-10m-land.json' with { type: 'json' };
import land50m from 'world-atlas/land-50m.json' with { type: 'json' };
import { feature } from 'topojson-client';
import type { Topology, GeometryObject } from 'topojson-specification';
import type { FeatureCollection, Feature, MultiPolygon, Polygon } from 'geojson';

/** Rings as one flat [lon, lat, lon, lat, ...] array in degrees; ring i is points ringStarts[i] ..
 *  ringStarts[i + 1] (exclusive), first point repeated last. */
export interface FlatRings {
  coords: Float64Array;
  ringStarts: Int32Array;
}

/** The land rings, decoded into flat arrays (no per-point objects: 411 k points). */
export function naturalEarth10mRings(): FlatRings {
  const q = ne10m.quantumDeg;
  const coords = new Float64Array(ne10m.points * 2);
  const ringStarts = new Int32Array(ne10m.rings.length + 1);
  let n = 0;
  ne10m.rings.forEach((s, r) => {
    ringStarts[r] = n;
    n = decodeRing(s, q, coords, n);
  });
  ringStarts[ne10m.rings.length] = n;
  return { coords, ringStarts };
}

/** Google polyline decoding: zig-zag varints of 5-bit groups offset by 63, deltas of x then y. Writes
 *  points from index `at`; returns the index after the last. */
function decodeRing(s: string, q: number, out: Float64Array, at: number): number {
  let i = 0, x = 0, y = 0;
  const next = (): number => {
    let shift = 0, n = 0, b: number;
    do {
      b = s.charCodeAt(i++) - 63;
      n |= (b & 0x1f) << shift;
      shift += 5;
    } while (b >= 0x20);
    return n & 1 ? ~(n >>> 1) : n >>> 1;
  };
  while (i < s.length) {
    x += next();
    y += next();
    out[at * 2] = x * q;
    out[at * 2 + 1] = y * q;
    at++;
  }
  return at;
}

/** Natural Earth 1:50m land (npm world-atlas, public domain): the coast the simulator's lanes and ports
 *  were drawn on (src/sim/geography.ts). Detection on simulated worlds uses it so the world and the
 *  detectors agree on where the sea is; real data uses 1:10m. */
export function naturalEarth50mRings(): FlatRings {
  const topo = land50m as unknown as Topology<{ land: GeometryObject }>;
  const fc = feature(topo, topo.objects.land) as FeatureCollection | Feature;
  const rings: number[][][] = [];
  for (const f of fc.type === 'FeatureCollection' ? fc.features : [fc]) {
    const g = f.geometry as Polygon | MultiPolygon;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (const poly of polys) rings.push(...poly);
  }
  const total = rings.reduce((n, r) => n + r.length, 0);
  const coords = new Float64Array(total * 2);
  const ringStarts = new Int32Array(rings.length + 1);
  let n = 0;
  rings.forEach((ring, r) => {
    ringStarts[r] = n;
    for (const [x, y] of ring) {
      coords[n * 2] = x!;
      coords[n * 2 + 1] = y!;
      n++;
    }
  });
  ringStarts[rings.length] = n;
  return { coords, ringStarts };
}
