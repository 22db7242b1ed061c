// Clipping land to a rectangle, for maps that draw only a window of the world (the printed evidence map,
// the web map's fine-coast tiles). Polygons are clipped as areas (Sutherland–Hodgman: the result closes
// along the window's edge, right for a fill) and the same rings as lines (Liang–Barsky per segment: only
// the real coastline, so a window's edge is never drawn as coast). Hand-written: a few lines each, and no
// clipping library among the dependencies.

export interface Box { minLon: number; minLat: number; maxLon: number; maxLat: number }

type Inside = (x: number, y: number) => boolean;
type Cross = (x1: number, y1: number, x2: number, y2: number) => [number, number];

function clipAgainst(pts: number[], inside: Inside, cross: Cross): number[] {
  const out: number[] = [];
  const n = pts.length / 2;
  for (let i = 0; i < n; i++) {
    const x1 = pts[((i + n - 1) % n) * 2]!, y1 = pts[((i + n - 1) % n) * 2 + 1]!;
    const x2 = pts[i * 2]!, y2 = pts[i * 2 + 1]!;
    const in1 = inside(x1, y1), in2 = inside(x2, y2);
    if (in2) {
      if (!in1) out.push(...cross(x1, y1, x2, y2));
      out.push(x2, y2);
    } else if (in1) out.push(...cross(x1, y1, x2, y2));
  }
  return out;
}

const atX = (x: number): Cross => (x1, y1, x2, y2) => [x, y1 + ((y2 - y1) * (x - x1)) / (x2 - x1)];
const atY = (y: number): Cross => (x1, y1, x2, y2) => [x1 + ((x2 - x1) * (y - y1)) / (y2 - y1), y];

/** One ring (flat lon,lat pairs, closing point optional) clipped to the box as an area; [] when outside. */
export function clipRing(ring: ArrayLike<number>, start: number, end: number, b: Box): number[] {
  let pts = Array.from({ length: (end - start) * 2 }, (_, i) => ring[start * 2 + i]!);
  // Drop the repeated closing point: the clipper closes the ring itself.
  if (pts.length >= 4 && pts[0] === pts[pts.length - 2] && pts[1] === pts[pts.length - 1]) pts = pts.slice(0, -2);
  pts = clipAgainst(pts, (x) => x >= b.minLon, atX(b.minLon));
  if (pts.length) pts = clipAgainst(pts, (x) => x <= b.maxLon, atX(b.maxLon));
  if (pts.length) pts = clipAgainst(pts, (_x, y) => y >= b.minLat, atY(b.minLat));
  if (pts.length) pts = clipAgainst(pts, (_x, y) => y <= b.maxLat, atY(b.maxLat));
  return pts.length >= 6 ? pts : [];
}

/** The parts of a polyline (flat pairs, points start..end exclusive) inside the box, as flat polylines. */
export function clipLine(line: ArrayLike<number>, start: number, end: number, b: Box): number[][] {
  const parts: number[][] = [];
  let cur: number[] | null = null;
  for (let i = start; i + 1 < end; i++) {
    const x1 = line[i * 2]!, y1 = line[i * 2 + 1]!, x2 = line[i * 2 + 2]!, y2 = line[i * 2 + 3]!;
    const seg = clipSegment(x1, y1, x2, y2, b);
    if (!seg) { cur = null; continue; }
    const [ax, ay, bx, by] = seg;
    if (!cur || cur[cur.length - 2] !== ax || cur[cur.length - 1] !== ay) {
      cur = [ax, ay];
      parts.push(cur);
    }
    cur.push(bx, by);
    if (bx !== x2 || by !== y2) cur = null; // left the box: the next inside run is a new part
  }
  return parts;
}

/** Liang–Barsky: the part of a segment inside the box, or null. */
export function clipSegment(x1: number, y1: number, x2: number, y2: number, b: Box): [number, number, number, number] | null {
  const dx = x2 - x1, dy = y2 - y1;
  let t0 = 0, t1 = 1;
  const edges: Array<[number, number]> = [[-dx, x1 - b.minLon], [dx, b.maxLon - x1], [-dy, y1 - b.minLat], [dy, b.maxLat - y1]];
  for (const [p, q] of edges) {
    if (p === 0) { if (q < 0) return null; continue; }
    const t = q / p;
    if (p < 0) { if (t > t1) return null; if (t > t0) t0 = t; } else { if (t < t0) return null; if (t < t1) t1 = t; }
  }
  return [t0 === 0 ? x1 : x1 + t0 * dx, t0 === 0 ? y1 : y1 + t0 * dy, t1 === 1 ? x2 : x1 + t1 * dx, t1 === 1 ? y2 : y1 + t1 * dy];
}

/** Ring indices whose bounding box meets the box (the cheap test before clipping). */
export function ringsInBox(coords: ArrayLike<number>, ringStarts: ArrayLike<number>, b: Box): number[] {
  const out: number[] = [];
  for (let r = 0; r + 1 < ringStarts.length; r++) {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = ringStarts[r]!; i < ringStarts[r + 1]!; i++) {
      const x = coords[i * 2]!, y = coords[i * 2 + 1]!;
      if (x < minX) minX = x; if (x > maxX) maxX = x; if (y < minY) minY = y; if (y > maxY) maxY = y;
    }
    if (maxX >= b.minLon && minX <= b.maxLon && maxY >= b.minLat && minY <= b.maxLat) out.push(r);
  }
  return out;
}
