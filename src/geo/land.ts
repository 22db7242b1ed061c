// Land and distance to shore from Natural Earth 1:50m land (npm world-atlas, public domain), with a grid
// index so a lookup touches only the coastline edges near the point, never the whole polygon set.
//
// isOnLand: each 0.5° cell knows whether its centre is on land (computed lazily by an eastward ray cast
// over the edges of its latitude band); a query point flips that state once per coastline edge crossed on
// the straight line from the cell centre to the point (which stays inside the cell). Cells without
// coastline are answered from the cached centre state alone.
// distanceToShoreM: nearest coastline edge searched ring by ring of cells, capped at `capM`.
import { feature } from 'topojson-client';
import type { Topology, GeometryObject } from 'topojson-specification';
import type { FeatureCollection, Feature, MultiPolygon, Polygon } from 'geojson';
import land50m from 'world-atlas/land-50m.json' with { type: 'json' };
import { EARTH_RADIUS_M } from './sphere.js';

export const LAND_CELL_DEG = 0.5;
export const DEFAULT_SHORE_CAP_M = 200_000;
const RAD = Math.PI / 180;
const COLS = Math.round(360 / LAND_CELL_DEG);
const ROWS = Math.round(180 / LAND_CELL_DEG);

export class LandIndex {
  /** Edges as [lon1, lat1, lon2, lat2] flat. */
  private readonly edges: Float64Array;
  /** cell → indices of edges whose bbox overlaps it. */
  private readonly cellEdges = new Map<number, Int32Array>();
  /** latitude row → indices of edges overlapping the row (for centre ray casts). */
  private readonly rowEdges: Int32Array[] = [];
  /** cell centre state: 0 unknown, 1 sea, 2 land. */
  private readonly centreState = new Uint8Array(COLS * ROWS);

  constructor(rings: ReadonlyArray<ReadonlyArray<readonly [number, number]>>) {
    let n = 0;
    for (const r of rings) n += Math.max(0, r.length - 1);
    this.edges = new Float64Array(n * 4);
    const cells = new Map<number, number[]>();
    const rows: number[][] = Array.from({ length: ROWS }, () => []);
    let e = 0;
    for (const ring of rings) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [x1, y1] = ring[i]!;
        const [x2, y2] = ring[i + 1]!;
        this.edges.set([x1, y1, x2, y2], e * 4);
        const c0 = colOf(Math.min(x1, x2)), c1 = colOf(Math.max(x1, x2));
        const r0 = rowOf(Math.min(y1, y2)), r1 = rowOf(Math.max(y1, y2));
        for (let r = r0; r <= r1; r++) {
          rows[r]!.push(e);
          for (let c = c0; c <= c1; c++) {
            const k = r * COLS + c;
            let list = cells.get(k);
            if (!list) cells.set(k, (list = []));
            list.push(e);
          }
        }
        e++;
      }
    }
    for (const [k, list] of cells) this.cellEdges.set(k, Int32Array.from(list));
    for (const r of rows) this.rowEdges.push(Int32Array.from(r));
  }

  static fromGeoJson(fc: FeatureCollection | Feature): LandIndex {
    const rings: Array<Array<[number, number]>> = [];
    const feats = fc.type === 'FeatureCollection' ? fc.features : [fc];
    for (const f of feats) {
      const g = f.geometry as Polygon | MultiPolygon;
      const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
      for (const poly of polys) for (const ring of poly) rings.push(ring as Array<[number, number]>);
    }
    return new LandIndex(rings);
  }

  isOnLand(lat: number, lon: number): boolean {
    const c = colOf(lon), r = rowOf(lat);
    const k = r * COLS + c;
    let state = this.centreState[k]!;
    if (state === 0) {
      state = this.rayCastCentre(r, c) ? 2 : 1;
      this.centreState[k] = state;
    }
    let inside = state === 2;
    const list = this.cellEdges.get(k);
    if (!list) return inside;
    const cx = (c + 0.5) * LAND_CELL_DEG - 180, cy = (r + 0.5) * LAND_CELL_DEG - 90;
    const E = this.edges;
    for (let i = 0; i < list.length; i++) {
      const o = list[i]! * 4;
      if (segmentsCross(cx, cy, lon, lat, E[o]!, E[o + 1]!, E[o + 2]!, E[o + 3]!)) inside = !inside;
    }
    return inside;
  }

  /** Metres to the nearest coastline, or `capM` when none is within it. Negative never: on land it is the
   *  distance to the coast as well (use isOnLand to tell the side). */
  distanceToShoreM(lat: number, lon: number, capM: number = DEFAULT_SHORE_CAP_M): number {
    const c0 = colOf(lon), r0 = rowOf(lat);
    const cosLat = Math.max(Math.cos(lat * RAD), 0.01);
    const mPerDegLat = EARTH_RADIUS_M * RAD;
    const mPerDegLon = mPerDegLat * cosLat;
    const maxRingLat = Math.ceil(capM / mPerDegLat / LAND_CELL_DEG) + 1;
    const maxRingLon = Math.min(Math.ceil(capM / mPerDegLon / LAND_CELL_DEG) + 1, COLS / 2);
    const maxRing = Math.max(maxRingLat, maxRingLon);
    let best = capM;
    const E = this.edges;
    for (let ring = 0; ring <= maxRing; ring++) {
      // Nearest possible distance of any cell in this ring (one cell less than the ring, in each axis).
      const minLat = Math.max(0, ring - 1) * LAND_CELL_DEG * mPerDegLat;
      const minLon = Math.max(0, ring - 1) * LAND_CELL_DEG * mPerDegLon;
      if (Math.min(minLat, minLon) > best) break;
      for (let dr = -ring; dr <= ring; dr++) {
        const r = r0 + dr;
        if (r < 0 || r >= ROWS) continue;
        for (let dc = -ring; dc <= ring; dc++) {
          if (Math.abs(dr) !== ring && Math.abs(dc) !== ring) continue;
          const c = (((c0 + dc) % COLS) + COLS) % COLS;
          const list = this.cellEdges.get(r * COLS + c);
          if (!list) continue;
          for (let i = 0; i < list.length; i++) {
            const o = list[i]! * 4;
            const d = pointSegmentM(lon, lat, E[o]!, E[o + 1]!, E[o + 2]!, E[o + 3]!, mPerDegLon, mPerDegLat);
            if (d < best) best = d;
          }
        }
      }
    }
    return best;
  }

  /** Even-odd count of edges crossing the eastward ray from the centre of cell (r, c). */
  private rayCastCentre(r: number, c: number): boolean {
    const x = (c + 0.5) * LAND_CELL_DEG - 180, y = (r + 0.5) * LAND_CELL_DEG - 90;
    const E = this.edges;
    const list = this.rowEdges[r]!;
    let inside = false;
    for (let i = 0; i < list.length; i++) {
      const o = list[i]! * 4;
      const x1 = E[o]!, y1 = E[o + 1]!, x2 = E[o + 2]!, y2 = E[o + 3]!;
      if (y1 > y !== y2 > y) {
        const xi = x1 + ((y - y1) * (x2 - x1)) / (y2 - y1);
        if (xi > x) inside = !inside;
      }
    }
    return inside;
  }
}

function colOf(lon: number): number {
  const c = Math.floor((lon + 180) / LAND_CELL_DEG);
  return c < 0 ? 0 : c >= COLS ? COLS - 1 : c;
}
function rowOf(lat: number): number {
  const r = Math.floor((lat + 90) / LAND_CELL_DEG);
  return r < 0 ? 0 : r >= ROWS ? ROWS - 1 : r;
}

/** Do segments AB and CD properly cross? (Half-open on C/D so a shared vertex counts once.) */
function segmentsCross(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  const d1 = orient(cx, cy, dx, dy, ax, ay);
  const d2 = orient(cx, cy, dx, dy, bx, by);
  if (d1 > 0 === d2 > 0) return false;
  const d3 = orient(ax, ay, bx, by, cx, cy);
  const d4 = orient(ax, ay, bx, by, dx, dy);
  return d3 > 0 !== d4 > 0;
}
function orient(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
}

/** Distance from P to segment AB in metres on a local equirectangular projection around P. */
function pointSegmentM(px: number, py: number, ax: number, ay: number, bx: number, by: number, kx: number, ky: number): number {
  const x1 = (ax - px) * kx, y1 = (ay - py) * ky, x2 = (bx - px) * kx, y2 = (by - py) * ky;
  const dx = x2 - x1, dy = y2 - y1;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? -(x1 * dx + y1 * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const qx = x1 + t * dx, qy = y1 + t * dy;
  return Math.sqrt(qx * qx + qy * qy);
}

let defaultIndex: LandIndex | undefined;

/** The Natural Earth 1:50m land index, built once on first use (~0.3 s). */
export function landIndex(): LandIndex {
  if (!defaultIndex) {
    const topo = land50m as unknown as Topology<{ land: GeometryObject }>;
    defaultIndex = LandIndex.fromGeoJson(feature(topo, topo.objects.land) as FeatureCollection | Feature);
  }
  return defaultIndex;
}

export function isOnLand(lat: number, lon: number): boolean {
  return landIndex().isOnLand(lat, lon);
}

export function distanceToShoreM(lat: number, lon: number, capM: number = DEFAULT_SHORE_CAP_M): number {
  return landIndex().distanceToShoreM(lat, lon, capM);
}
