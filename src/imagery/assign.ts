// One-to-one assignment of detections to vessels within a scene: the joint assignment of highest
// likelihood (maximum sum of log scores), each detection free to stay unassigned at the cost of the
// threshold score. Solved per connected component of the gated-pair graph (components are small: the
// ships near one berth or one patch of sea) with the Hungarian algorithm — written by hand because it is
// ~40 lines and no dependency offers it. Why not GFW's greedy mutual-best rounds: two ships side by side at
// one berth both fit either detection by position, and only the joint assignment lets length decide
// (greedy takes the single best pair and leaves the other ship the worse fit; bench/imagery-quality.ts).
// Components too large for O(n³) (a dense anchorage with hundreds of gated pairs) fall back to greedy.

export interface ScoredPair {
  det: number;
  est: number;
  score: number;
}

const MAX_HUNGARIAN = 150;

/** Returns, per detection index, the assigned estimate index or -1. Pairs must be at or above `minScore`. */
export function assignOneToOne(nDet: number, nEst: number, pairs: readonly ScoredPair[], minScore: number): Int32Array {
  const out = new Int32Array(nDet).fill(-1);
  // Union–find over detections (0..nDet-1) and estimates (nDet..nDet+nEst-1).
  const parent = Int32Array.from({ length: nDet + nEst }, (_, i) => i);
  const find = (x: number): number => { while (parent[x] !== x) { parent[x] = parent[parent[x]!]!; x = parent[x]!; } return x; };
  for (const p of pairs) parent[find(p.det)] = find(nDet + p.est);
  const comps = new Map<number, ScoredPair[]>();
  for (const p of pairs) {
    const r = find(p.det);
    const list = comps.get(r) ?? [];
    list.push(p);
    comps.set(r, list);
  }
  for (const list of comps.values()) {
    const dets = [...new Set(list.map((p) => p.det))].sort((a, b) => a - b);
    const ests = [...new Set(list.map((p) => p.est))].sort((a, b) => a - b);
    if (dets.length === 1 || ests.length === 1 || dets.length + ests.length > MAX_HUNGARIAN) greedy(list, out);
    else hungarian(dets, ests, list, minScore, out);
  }
  return out;
}

/** Pairs in descending score, each taken if both ends are free (GFW's mutual-best rounds give the same). */
function greedy(list: ScoredPair[], out: Int32Array): void {
  const sorted = [...list].sort((a, b) => b.score - a.score || a.est - b.est || a.det - b.det);
  const taken = new Set<number>();
  for (const p of sorted) {
    if (out[p.det] !== -1 || taken.has(p.est)) continue;
    out[p.det] = p.est;
    taken.add(p.est);
  }
}

/** Minimum-cost assignment, rows = detections, columns = estimates + one "unassigned" column per detection. */
function hungarian(dets: number[], ests: number[], list: ScoredPair[], minScore: number, out: Int32Array): void {
  const n = dets.length, m = ests.length + n;
  const BIG = 1e9;
  const cost: Float64Array[] = dets.map(() => new Float64Array(m).fill(BIG));
  const di = new Map(dets.map((d, i) => [d, i])), ei = new Map(ests.map((e, j) => [e, j]));
  for (const p of list) cost[di.get(p.det)!]![ei.get(p.est)!] = -Math.log(p.score);
  for (let i = 0; i < n; i++) cost[i]![ests.length + i] = -Math.log(minScore) + 1e-9;
  // Jonker–Volgenant style potentials (e-maxx formulation), 1-based with a virtual row 0.
  const u = new Float64Array(n + 1), v = new Float64Array(m + 1);
  const match = new Int32Array(m + 1), way = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    match[0] = i;
    let j0 = 0;
    const minv = new Float64Array(m + 1).fill(Infinity);
    const used = new Uint8Array(m + 1);
    do {
      used[j0] = 1;
      const i0 = match[j0]!;
      let delta = Infinity, j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) { minv[j] = cur; way[j] = j0; }
        if (minv[j]! < delta) { delta = minv[j]!; j1 = j; }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) { u[match[j]!] += delta; v[j] -= delta; } else minv[j] -= delta;
      }
      j0 = j1;
    } while (match[j0] !== 0);
    do { const j1 = way[j0]!; match[j0] = match[j1]!; j0 = j1; } while (j0);
  }
  for (let j = 1; j <= ests.length; j++) {
    const i = match[j]!;
    if (i > 0 && cost[i - 1]![j - 1]! < BIG) out[dets[i - 1]!] = ests[j - 1]!;
  }
}
