// Generates src/sim/berths-data.ts: for every simulated port, candidate quays (at sea, 100–400 m off the
// Natural Earth 1:10 m coastline) and outer anchorages (≥ 1.2 km off it) within 8 km of the gazetteer point,
// with water routes from the port's lane node to each of them and from each anchorage to each quay.
// Routes come from a shortest path on a 100 m grid of cells at sea in both the 1:10 m and the 1:50 m land
// (the simulator's coast is 1:50 m), kept ≥ 100 m off the 1:10 m coast except the last cells at a quay,
// then thinned to the points needed for straight legs that stay on water.
//   npx tsx bench/sim-berths.ts > src/sim/berths-data.ts
import { landIndex, landIndex50m } from '../src/geo/land.js';
import { distanceM } from '../src/geo/sphere.js';
import { nodePoint } from '../src/sim/lanes.js';
import { SIM_PORTS } from '../src/sim/ports.js';

const land10 = landIndex();
const land50 = landIndex50m();
const isOnLand = (lat: number, lon: number): boolean => land50.isOnLand(lat, lon);

const STEP_M = 100;
const MAX_FROM_POINT_M = 8000;
const M_PER_DEG = 111_195;

type P = { lat: number; lon: number };
const r5 = (x: number) => Math.round(x * 1e5) / 1e5;

function catalog(port: (typeof SIM_PORTS)[number]) {
  const node = nodePoint(port.node);
  const half = Math.max(MAX_FROM_POINT_M + 1500, distanceM(port.lat, port.lon, node.lat, node.lon) + 1500);
  const n = Math.ceil(half / STEP_M);
  const W = 2 * n + 1;
  const k = Math.cos((port.lat * Math.PI) / 180);
  const at = (i: number, j: number): P => ({ lat: port.lat + ((i - n) * STEP_M) / M_PER_DEG, lon: port.lon + ((j - n) * STEP_M) / (M_PER_DEG * k) });
  const sea = new Uint8Array(W * W);
  for (let i = 0; i < W; i++) for (let j = 0; j < W; j++) {
    const p = at(i, j);
    sea[i * W + j] = !land10.isOnLand(p.lat, p.lon) && !isOnLand(p.lat, p.lon) ? 1 : 0;
  }
  // Cells from land (multi-source BFS, 8-neighbour): 1 = next to land.
  const dist = new Int32Array(W * W).fill(1 << 20);
  const q: number[] = [];
  for (let c = 0; c < W * W; c++) if (!sea[c]) { dist[c] = 0; q.push(c); }
  for (let h = 0; h < q.length; h++) {
    const c = q[h]!, i = Math.floor(c / W), j = c % W;
    for (let di = -1; di <= 1; di++) for (let dj = -1; dj <= 1; dj++) {
      const ii = i + di, jj = j + dj;
      if (ii < 0 || jj < 0 || ii >= W || jj >= W) continue;
      const cc = ii * W + jj;
      if (dist[cc]! > dist[c]! + 1) { dist[cc] = dist[c]! + 1; q.push(cc); }
    }
  }
  const cellOf = (p: P) => Math.round((p.lat - port.lat) * M_PER_DEG / STEP_M) + n;
  const colOf = (p: P) => Math.round((p.lon - port.lon) * M_PER_DEG * k / STEP_M) + n;
  // Dijkstra from a start cell over sea cells; cells next to land are allowed (quays) but cost more.
  function paths(start: number) {
    const cost = new Float64Array(W * W).fill(Infinity);
    const prev = new Int32Array(W * W).fill(-1);
    cost[start] = 0;
    const heap: Array<[number, number]> = [[0, start]];
    const push = (x: [number, number]) => { heap.push(x); let i = heap.length - 1; while (i > 0) { const p = (i - 1) >> 1; if (heap[p]![0] <= heap[i]![0]) break; [heap[p], heap[i]] = [heap[i]!, heap[p]!]; i = p; } };
    const pop = () => { const top = heap[0]!; const last = heap.pop()!; if (heap.length) { heap[0] = last; let i = 0; for (;;) { const l = 2 * i + 1, r = l + 1; let m = i; if (l < heap.length && heap[l]![0] < heap[m]![0]) m = l; if (r < heap.length && heap[r]![0] < heap[m]![0]) m = r; if (m === i) break; [heap[m], heap[i]] = [heap[i]!, heap[m]!]; i = m; } } return top; };
    while (heap.length) {
      const [d, c] = pop();
      if (d > cost[c]!) continue;
      const i = Math.floor(c / W), j = c % W;
      for (let di = -1; di <= 1; di++) for (let dj = -1; dj <= 1; dj++) {
        if (!di && !dj) continue;
        const ii = i + di, jj = j + dj;
        if (ii < 0 || jj < 0 || ii >= W || jj >= W) continue;
        const cc = ii * W + jj;
        if (!sea[cc]) continue;
        const near = dist[cc]!;
        const step = (di && dj ? Math.SQRT2 : 1) * (near <= 1 ? 20 : near <= 2 ? 4 : 1);
        if (d + step < cost[cc]!) { cost[cc] = d + step; prev[cc] = c; push([d + step, cc]); }
      }
    }
    return { cost, prev };
  }
  const clear = (a: P, b: P) => {
    const m = distanceM(a.lat, a.lon, b.lat, b.lon);
    const steps = Math.max(1, Math.ceil(m / 25));
    for (let s = 0; s <= steps; s++) {
      const f = s / steps, lat = a.lat + (b.lat - a.lat) * f, lon = a.lon + (b.lon - a.lon) * f;
      if (land10.isOnLand(lat, lon) || isOnLand(lat, lon)) return false;
    }
    return true;
  };
  /** Cell path start → c, thinned to the points needed for clear straight legs (start excluded). */
  function route(prev: Int32Array, c: number, exact: P): P[] {
    const cells: P[] = [];
    for (let x = c; x >= 0; x = prev[x]!) cells.unshift(at(Math.floor(x / W), x % W));
    cells[cells.length - 1] = exact;
    const out: P[] = [];
    let i = 0;
    while (i < cells.length - 1) {
      let j = cells.length - 1;
      while (j > i + 1 && !clear(cells[i]!, cells[j]!)) j--;
      out.push(cells[j]!);
      i = j;
    }
    return out.map((p) => ({ lat: r5(p.lat), lon: r5(p.lon) }));
  }
  // The lane node, or the nearest cell ≥ 200 m off the 1:10 m coast when the finer coast puts it on land.
  let start = cellOf(node) * W + colOf(node);
  if (dist[start]! < 2) {
    let best = -1, bestD = Infinity;
    for (let c = 0; c < W * W; c++) {
      if (dist[c]! < 2) continue;
      const p = at(Math.floor(c / W), c % W), d = distanceM(p.lat, p.lon, node.lat, node.lon);
      if (d < bestD) { bestD = d; best = c; }
    }
    process.stderr.write(`${port.id}: lane node ${port.node} is ${dist[start] === 0 ? 'on land' : 'at the coast'} in 1:10 m; routes start ${Math.round(bestD)} m away\n`);
    start = best;
  }
  const fromNode = paths(start);
  const fromPoint = (c: number) => { const p = at(Math.floor(c / W), c % W); return distanceM(p.lat, p.lon, port.lat, port.lon); };
  const spread = (cands: number[], want: number, minApartM: number, first: number | null): number[] => {
    const chosen: number[] = [];
    if (first !== null) chosen.push(first);
    while (chosen.length < want) {
      let best = -1, bestD = -1;
      for (const c of cands) {
        const p = at(Math.floor(c / W), c % W);
        let d = Infinity;
        for (const x of chosen) { const y = at(Math.floor(x / W), x % W); d = Math.min(d, distanceM(p.lat, p.lon, y.lat, y.lon)); }
        if (d > bestD) { bestD = d; best = c; }
      }
      if (best < 0 || bestD < minApartM) break;
      chosen.push(best);
    }
    return chosen;
  };
  const quayCands: number[] = [], anchCands: number[] = [];
  for (let c = 0; c < W * W; c++) {
    if (!sea[c] || !Number.isFinite(fromNode.cost[c]!)) continue;
    const d = fromPoint(c);
    if (dist[c]! >= 1 && dist[c]! <= 4 && d >= 300 && d <= MAX_FROM_POINT_M) quayCands.push(c);
    if (dist[c]! >= 12 && d >= 2500 && d <= MAX_FROM_POINT_M) anchCands.push(c);
  }
  // The hand-placed berth (ports.ts) is the first quay, the others spread across the extent.
  const berthCell = cellOf(port.berth) * W + colOf(port.berth);
  // One or two quays per distance band, so the extent is covered from the inner harbour to 8 km out.
  const quays: number[] = sea[berthCell] && Number.isFinite(fromNode.cost[berthCell]!) && dist[berthCell]! >= 1 ? [berthCell] : [];
  for (const [lo, hi, want] of [[300, 2000, 2], [2000, 4000, 2], [4000, 6000, 1], [6000, MAX_FROM_POINT_M, 1]] as const) {
    const band = quayCands.filter((c) => { const d = fromPoint(c); return d >= lo && d < hi; });
    const picked = spread(band.filter((c) => !quays.includes(c)), want + quays.length, 800, null).slice(0, want);
    for (const c of picked) {
      const p = at(Math.floor(c / W), c % W);
      if (quays.every((x) => { const y = at(Math.floor(x / W), x % W); return distanceM(p.lat, p.lon, y.lat, y.lon) >= 800; })) quays.push(c);
    }
  }
  // Anchorages: prefer those nearest the lane node (outer roads), then spread.
  anchCands.sort((a, b) => fromNode.cost[a]! - fromNode.cost[b]!);
  const anchorages = spread(anchCands.slice(0, Math.max(1, Math.ceil(anchCands.length / 2))), 3, 1500, anchCands[0] ?? null);
  // Rounding to 1e-5° can move a point across the coast: keep only sites still on water once rounded.
  const wet = (c: number) => { const p = at(Math.floor(c / W), c % W); return !land10.isOnLand(r5(p.lat), r5(p.lon)) && !isOnLand(r5(p.lat), r5(p.lon)); };
  quays.splice(0, quays.length, ...quays.filter(wet));
  const quayOut = quays.map((c) => { const p = at(Math.floor(c / W), c % W); return { lat: r5(p.lat), lon: r5(p.lon), fromNode: route(fromNode.prev, c, p) }; });
  const anchOut = anchorages.map((a) => {
    const p = at(Math.floor(a / W), a % W);
    const fromA = paths(a);
    return {
      lat: r5(p.lat), lon: r5(p.lon), fromNode: route(fromNode.prev, a, p),
      toQuay: quays.map((c) => route(fromA.prev, c, at(Math.floor(c / W), c % W))),
    };
  });
  return { quays: quayOut, anchorages: anchOut };
}

const out: string[] = [];
out.push('// Generated by bench/sim-berths.ts from Natural Earth 1:10 m land (public domain) — do not edit by hand.');
out.push('// Per port: quays (at sea, 100–400 m off the 1:10 m coast, within 8 km of the gazetteer point; the first is');
out.push("// ports.ts's hand-placed berth when it lies on that water) and outer anchorages (≥ 1.2 km off the coast,");
out.push('// 2.5–8 km from the point), each with a water route from the lane node; anchorages also to every quay.');
out.push('// Points are [lat, lon]; each route leaves out its start and ends at its site.');
out.push('export interface BerthSite { at: readonly [number, number]; fromNode: ReadonlyArray<readonly [number, number]> }');
out.push('export interface AnchorageSite extends BerthSite { toQuay: ReadonlyArray<ReadonlyArray<readonly [number, number]>> }');
out.push('export const BERTH_CATALOG: Record<string, { quays: readonly BerthSite[]; anchorages: readonly AnchorageSite[] }> = {');
const pt = (p: P) => `[${p.lat}, ${p.lon}]`;
const list = (ps: P[]) => `[${ps.map(pt).join(', ')}]`;
for (const port of SIM_PORTS) {
  const c = catalog(port);
  process.stderr.write(`${port.id}: ${c.quays.length} quays, ${c.anchorages.length} anchorages; quay distances ${c.quays.map((q) => (distanceM(q.lat, q.lon, port.lat, port.lon) / 1000).toFixed(1)).join(' ')} km\n`);
  out.push(`  ${port.id}: {`);
  out.push('    quays: [');
  for (const q of c.quays) out.push(`      { at: ${pt(q)}, fromNode: ${list(q.fromNode)} },`);
  out.push('    ],');
  out.push('    anchorages: [');
  for (const a of c.anchorages) out.push(`      { at: ${pt(a)}, fromNode: ${list(a.fromNode)}, toQuay: [${a.toQuay.map(list).join(', ')}] },`);
  out.push('    ],');
  out.push('  },');
}
out.push('};');
process.stdout.write(out.join('\n') + '\n');
