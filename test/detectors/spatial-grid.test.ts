import { describe, expect, it } from 'vitest';
import { LatRowGrid } from '../../src/detectors/spatial-grid.js';

/** A small deterministic generator (no Math.random in tests). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const visited = (g: LatRowGrid, lat: number, lon: number): number[] => {
  const out: number[] = [];
  g.forNeighbours(lat, lon, (i) => out.push(i));
  return out;
};

describe('LatRowGrid.forNeighbours (cached per row cell)', () => {
  it('visits exactly what neighbours() lists, in its order, near the poles and the antimeridian too', () => {
    const rnd = lcg(7);
    const g = new LatRowGrid(5_000);
    const pts: Array<[number, number]> = [];
    for (let i = 0; i < 3_000; i++) pts.push([-89.9 + rnd() * 179.8, -180 + rnd() * 360]);
    // a dense patch and points on both sides of ±180°
    for (let i = 0; i < 500; i++) pts.push([42 + rnd() * 0.2, 131 + rnd() * 0.2]);
    for (let i = 0; i < 200; i++) pts.push([60 + rnd() * 0.1, i % 2 ? 179.99 - rnd() * 0.05 : -179.99 + rnd() * 0.05]);
    pts.forEach(([lat, lon], i) => g.insert(lat, lon, i));
    let nonEmpty = 0;
    for (let q = 0; q < 2_000; q++) {
      const [lat, lon] = q % 2 ? pts[q]! : [-89.9 + rnd() * 179.8, -180 + rnd() * 360];
      const want = g.neighbours(lat, lon).flat();
      expect(visited(g, lat, lon)).toEqual(want);
      expect(visited(g, lat, lon)).toEqual(want); // the cached answer is the same
      if (want.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(1_000);
    // at lon 180 the neighbourhood wraps: points just west and just east of the antimeridian
    const wrap = visited(g, 60.05, 180);
    expect(wrap).toEqual(g.neighbours(60.05, 180).flat());
    expect(wrap.some((i) => pts[i]![1] > 179.9)).toBe(true);
    expect(wrap.some((i) => pts[i]![1] < -179.9)).toBe(true);
  });

  it('sees items inserted after a query (the cache is dropped on insert and clear)', () => {
    const g = new LatRowGrid(1_000);
    g.insert(10, 20, 1);
    expect(visited(g, 10.001, 20.001)).toEqual([1]);
    g.insert(10.002, 20.002, 2);
    expect(visited(g, 10.001, 20.001).sort()).toEqual([1, 2]);
    g.clear();
    expect(visited(g, 10.001, 20.001)).toEqual([]);
  });
});
