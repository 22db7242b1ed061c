// Land and distance to shore from Natural Earth 1:10m land (CC0, src/geo/land-data.ts), with a grid index
// so a lookup touches only the coastline edges near the point, never the whole polygon set. 1:10m, not
// the 1:50m used before: on real captures the coarser coast put quays, piers and marinas on land (issue 8).
// Quays still lie "on land" at any scale where the coastline is drawn across a harbour: use
// `landOutsidePorts` so positions inside a port or anchorage area never count as on land.
//
// isOnLand: each 0.25° cell knows whether its centre is on land (computed lazily by an eastward ray cast
// over the edges of its latitude band); a query point flips that state once per coastline edge crossed on
// the straight line from the cell centre to the point (which stays inside the cell). Cells without
// coastline are answered from the cached centre state alone.
// distanceToShoreM: nearest coastline edge searched ring by ring of cells, capped at `capM`. Near the
// poles a ring of cells spans little distance in longitude, so the search is bounded in rows (what `capM`
// allows in latitude) and in columns (at most half the globe): ≤ 2·720·(rows) cells even at 89.9°.
import { EARTH_RADIUS_M } from './sphere.js';
import { naturalEarth10mRings, naturalEarth50mRings, type FlatRings } from './land-data.js';

export const LAND_CELL_DEG = 0.25;
export const DEFAULT_SHORE_CAP_M = 200_000;
const RAD = Math.PI / 180;
const COLS = Math.round(360 / LAND_CELL_DEG);
const ROWS = Math.round(180 / LAND_CELL_DEG);

export class LandIndex {
  /** Edges as [lon1, lat1, lon2, lat2] flat. */
  private readonly edges: Float64Array;
  /** Edges that close a polygon along the antimeridian or the South Pole: boundaries, not coast. */
  private readonly notCoast: Uint8Array;
  /** Cell k's edges (bbox overlaps the cell) are cellEdgeIdx[cellStart[k] .. cellStart[k + 1]) — a dense
   *  index, so the polar search tests empty cells without hashing. */
  private readonly cellStart: Int32Array;
  private readonly cellEdgeIdx: Int32Array;
  /** latitude row r's edges (for centre ray casts): rowEdgeIdx[rowStart[r] .. rowStart[r + 1]). */
  private readonly rowStart: Int32Array;
  private readonly rowEdgeIdx: Int32Array;
  /** cell centre state: 0 unknown, 1 sea, 2 land. */
  private readonly centreState = new Uint8Array(COLS * ROWS);

  constructor(rings: FlatRings) {
    const { coords: P, ringStarts } = rings;
    const nRings = ringStarts.length - 1;
    const n = ringStarts[nRings]! - nRings;
    const E = (this.edges = new Float64Array(n * 4));
    this.notCoast = new Uint8Array(n);
    let e = 0;
    for (let r = 0; r < nRings; r++) {
      for (let i = ringStarts[r]!; i + 1 < ringStarts[r + 1]!; i++, e++) {
        const x1 = P[i * 2]!, y1 = P[i * 2 + 1]!, x2 = P[i * 2 + 2]!, y2 = P[i * 2 + 3]!;
        E[e * 4] = x1; E[e * 4 + 1] = y1; E[e * 4 + 2] = x2; E[e * 4 + 3] = y2;
        if ((Math.abs(x1) === 180 && x1 === x2) || (y1 <= -89.99 && y2 <= -89.99)) this.notCoast[e] = 1;
      }
    }
    // Two passes (count, then fill) into flat arrays.
    this.cellStart = new Int32Array(COLS * ROWS + 1);
    this.rowStart = new Int32Array(ROWS + 1);
    const visit = (fn: (r: number, c0: number, c1: number, e: number) => void): void => {
      for (let e = 0; e < n; e++) {
        const o = e * 4;
        const c0 = colOf(Math.min(E[o]!, E[o + 2]!)), c1 = colOf(Math.max(E[o]!, E[o + 2]!));
        const r0 = rowOf(Math.min(E[o + 1]!, E[o + 3]!)), r1 = rowOf(Math.max(E[o + 1]!, E[o + 3]!));
        for (let r = r0; r <= r1; r++) fn(r, c0, c1, e);
      }
    };
    visit((r, c0, c1) => {
      this.rowStart[r + 1]!++;
      for (let c = c0; c <= c1; c++) this.cellStart[r * COLS + c + 1]!++;
    });
    for (let k = 0; k < COLS * ROWS; k++) this.cellStart[k + 1]! += this.cellStart[k]!;
    for (let r = 0; r < ROWS; r++) this.rowStart[r + 1]! += this.rowStart[r]!;
    this.cellEdgeIdx = new Int32Array(this.cellStart[COLS * ROWS]!);
    this.rowEdgeIdx = new Int32Array(this.rowStart[ROWS]!);
    const cellFill = this.cellStart.slice(0, COLS * ROWS), rowFill = this.rowStart.slice(0, ROWS);
    visit((r, c0, c1, e) => {
      this.rowEdgeIdx[rowFill[r]!++] = e;
      for (let c = c0; c <= c1; c++) this.cellEdgeIdx[cellFill[r * COLS + c]!++] = e;
    });
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
    const from = this.cellStart[k]!, to = this.cellStart[k + 1]!;
    if (from === to) return inside;
    const cx = (c + 0.5) * LAND_CELL_DEG - 180, cy = (r + 0.5) * LAND_CELL_DEG - 90;
    const E = this.edges, idx = this.cellEdgeIdx;
    for (let i = from; i < to; i++) {
      const o = idx[i]! * 4;
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
    const E = this.edges, idx = this.cellEdgeIdx, starts = this.cellStart, notCoast = this.notCoast;
    for (let ring = 0; ring <= maxRing; ring++) {
      // Nearest possible distance of any cell in this ring (one cell less than the ring, in each axis).
      const minLat = Math.max(0, ring - 1) * LAND_CELL_DEG * mPerDegLat;
      const minLon = Math.max(0, ring - 1) * LAND_CELL_DEG * mPerDegLon;
      if (Math.min(minLat, minLon) > best) break;
      // Only the ring's perimeter, clipped to the rows and columns the cap can reach.
      const drMax = Math.min(ring, maxRingLat), dcMax = Math.min(ring, maxRingLon);
      for (let dr = -drMax; dr <= drMax; dr++) {
        const r = r0 + dr;
        if (r < 0 || r >= ROWS) continue;
        const fullRow = Math.abs(dr) === ring;
        if (!fullRow && ring > dcMax) continue;
        for (let dc = -dcMax; dc <= dcMax; dc += fullRow ? 1 : Math.max(1, 2 * dcMax)) {
          if (dc === dcMax && -dcMax + COLS <= dcMax) continue; // half the globe: ±dcMax is one column
          const c = (((c0 + dc) % COLS) + COLS) % COLS;
          const k = r * COLS + c;
          for (let i = starts[k]!, end = starts[k + 1]!; i < end; i++) {
            if (notCoast[idx[i]!]) continue;
            const o = idx[i]! * 4;
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
    const E = this.edges, idx = this.rowEdgeIdx;
    let inside = false;
    for (let i = this.rowStart[r]!, end = this.rowStart[r + 1]!; i < end; i++) {
      const o = idx[i]! * 4;
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
let index50m: LandIndex | undefined;

/** The Natural Earth 1:10m land index, built once on first use. */
export function landIndex(): LandIndex {
  return (defaultIndex ??= new LandIndex(naturalEarth10mRings()));
}

/** The Natural Earth 1:50m land index: the simulator's coast (see naturalEarth50mRings). */
export function landIndex50m(): LandIndex {
  return (index50m ??= new LandIndex(naturalEarth50mRings()));
}

/** Anything that knows whether a place lies inside a port or anchorage area. */
export interface PortAreaTest {
  containsPoint(lat: number, lon: number): boolean;
}

/** Inside the coastline by at most this much, a position is on a quay, a pier or a stretch of coast the
 *  1:10m scale generalised (it is ~1 km coarse): reclaimed docks and piers are often 0.5–1.5 km "inland"
 *  at 1:10m (Kwinana, Kaohsiung, Tanjung Priok on real captures), and small islets are drawn where ships
 *  pass. Spoofed positions on land worth reporting lie further in. */
export const QUAY_INLAND_M = 1_500;

/** On land, unless inside a port or anchorage area, or within QUAY_INLAND_M of the coast: a quay, pier or
 *  marina is where ships are, whatever the coastline's scale says (issue 8). What the spoofing on_land
 *  check uses. */
export function landOutsidePorts(areas: PortAreaTest, land: LandIndex = landIndex()): (lat: number, lon: number) => boolean {
  return (lat, lon) =>
    land.isOnLand(lat, lon) &&
    !areas.containsPoint(lat, lon) &&
    !(land.distanceToShoreM(lat, lon, QUAY_INLAND_M) < QUAY_INLAND_M);
}

export function isOnLand(lat: number, lon: number): boolean {
  return landIndex().isOnLand(lat, lon);
}

export function distanceToShoreM(lat: number, lon: number, capM: number = DEFAULT_SHORE_CAP_M): number {
  return landIndex().distanceToShoreM(lat, lon, capM);
}
