// Hand-laid sea lanes of the simulated region: waypoints (lat, lon) and the edges between them. Routes are
// shortest paths on this graph; test/sim/geography.test.ts checks every edge lies at sea (Natural Earth
// 1:50 m land). Port approach nodes (`*_app`) connect to the port berths in ports.ts.
import { distanceM } from '../geo/sphere.js';

export const NODES: Record<string, readonly [number, number]> = {
  // Korea Strait and the south-east Korean coast
  busan_app: [35.02, 129.1],
  ks_north: [34.95, 129.45],
  ks_west: [34.55, 128.95],
  ks_east: [34.05, 129.75],
  ulsan_app: [35.4, 129.5],
  east_ulsan: [35.5, 129.75],
  pohang_app: [36.12, 129.5],
  east_pohang: [36.2, 129.8],
  east_36_8: [36.8, 129.75],
  tonghae_app: [37.52, 129.3],
  east_37_6: [37.6, 129.6],
  // Off the DPRK east coast
  dprk_38_5: [38.5, 129.2],
  dprk_39_3: [39.3, 128.9],
  dprk_40_2: [40.2, 129.45],
  dprk_41_0: [41.0, 130.05],
  chongjin_app: [41.68, 129.95],
  dprk_41_8: [41.8, 130.35],
  rajin_app: [42.15, 130.4],
  senbong_app: [42.27, 130.47],
  // Peter the Great Gulf
  pgg_sw: [42.35, 130.85],
  posyet_app: [42.57, 130.85],
  zarubino_app: [42.57, 131.12],
  pgg_s: [42.35, 131.4],
  slavyanka_app: [42.8, 131.48],
  pgg_c: [42.7, 131.75],
  vladivostok_outer: [42.98, 132.0],
  vladivostok_app: [43.08, 131.93],
  pgg_e: [42.55, 132.4],
  dunai_app: [42.8, 132.33],
  nakhodka_app: [42.68, 132.87],
  vostochny_app: [42.68, 133.07],
  pgg_se: [42.45, 133.1],
  // Japan Sea crossings
  js_n: [41.6, 132.0],
  js_c: [39.6, 131.3],
  js_s: [37.9, 130.3],
  js_se: [37.2, 132.4],
  js_ne: [40.5, 133.5],
  oki_w: [36.35, 132.7],
  oki_e: [36.1, 134.0],
  sakai_app: [35.62, 133.32],
  maizuru_app: [35.62, 135.37],
  maizuru_off: [35.85, 135.4],
  hamada_off: [35.2, 131.7],
  // Round the south of Korea into the Yellow Sea, for Nampo
  ks_sw: [34.15, 128.4],
  jeju_e: [33.6, 127.6],
  jeju_s: [33.0, 126.6],
  jeju_sw: [33.2, 125.6],
  ys_s: [34.3, 124.9],
  ys_c: [35.6, 124.8],
  ys_n: [36.9, 124.7],
  ys_nn: [37.7, 124.35],
  korea_bay: [38.35, 124.5],
  nampo_out: [38.6, 124.95],
  nampo_app: [38.68, 125.2],
  // Fishing grounds (centres; boats trawl within FISHING_RADIUS_M) and rendezvous sites
  fg_east_kr: [36.7, 130.3],
  fg_ne_kr: [38.0, 129.6],
  fg_strait: [34.6, 129.9],
  fg_ru: [42.3, 131.9],
  fg_ru_e: [42.3, 133.6],
  fg_jp: [36.0, 132.6],
  site_ulsan: [35.6, 130.05],
  site_pohang: [36.35, 130.2],
  site_tonghae: [37.2, 129.95],
  site_strait: [34.35, 129.95],
  site_pgg: [42.25, 132.45],
};

export const EDGES: ReadonlyArray<readonly [string, string]> = [
  ['busan_app', 'ks_north'], ['busan_app', 'ks_west'], ['ks_north', 'ks_east'], ['ks_west', 'ks_east'],
  ['ks_north', 'ulsan_app'], ['busan_app', 'ulsan_app'], ['ulsan_app', 'east_ulsan'], ['ks_north', 'east_ulsan'],
  ['east_ulsan', 'east_pohang'], ['pohang_app', 'east_pohang'],
  ['east_pohang', 'east_36_8'], ['east_36_8', 'tonghae_app'], ['east_36_8', 'east_37_6'], ['tonghae_app', 'east_37_6'],
  ['east_37_6', 'dprk_38_5'], ['dprk_38_5', 'dprk_39_3'], ['dprk_39_3', 'dprk_40_2'], ['dprk_40_2', 'dprk_41_0'],
  ['dprk_41_0', 'chongjin_app'], ['dprk_41_0', 'dprk_41_8'], ['chongjin_app', 'dprk_41_8'],
  ['dprk_41_8', 'rajin_app'], ['rajin_app', 'senbong_app'], ['dprk_41_8', 'pgg_sw'], ['rajin_app', 'pgg_sw'],
  ['pgg_sw', 'posyet_app'], ['pgg_sw', 'zarubino_app'], ['pgg_sw', 'pgg_s'], ['zarubino_app', 'pgg_s'],
  ['pgg_s', 'slavyanka_app'], ['pgg_s', 'pgg_c'], ['slavyanka_app', 'pgg_c'], ['pgg_c', 'vladivostok_outer'],
  ['vladivostok_outer', 'vladivostok_app'], ['pgg_c', 'pgg_e'], ['pgg_s', 'pgg_e'], ['vladivostok_outer', 'dunai_app'],
  ['pgg_e', 'dunai_app'], ['pgg_e', 'nakhodka_app'], ['pgg_e', 'pgg_se'], ['nakhodka_app', 'pgg_se'],
  ['vostochny_app', 'pgg_se'],
  ['pgg_s', 'js_n'], ['pgg_e', 'js_n'], ['pgg_se', 'js_n'], ['pgg_se', 'js_ne'], ['js_n', 'js_c'], ['js_c', 'js_s'],
  ['js_ne', 'js_c'], ['js_ne', 'js_se'], ['js_s', 'east_37_6'], ['js_s', 'east_36_8'], ['js_s', 'js_se'],
  ['js_se', 'oki_w'], ['js_se', 'oki_e'], ['oki_w', 'sakai_app'], ['oki_e', 'sakai_app'], ['oki_e', 'maizuru_off'], ['maizuru_off', 'maizuru_app'],
  ['oki_w', 'hamada_off'], ['hamada_off', 'ks_east'], ['hamada_off', 'east_ulsan'], ['js_c', 'dprk_40_2'],
  ['ks_west', 'ks_sw'], ['ks_sw', 'jeju_e'], ['jeju_e', 'jeju_s'], ['jeju_s', 'jeju_sw'], ['jeju_sw', 'ys_s'],
  ['ys_s', 'ys_c'], ['ys_c', 'ys_n'], ['ys_n', 'ys_nn'], ['ys_nn', 'korea_bay'], ['korea_bay', 'nampo_out'],
  ['nampo_out', 'nampo_app'],
  ['fg_east_kr', 'east_36_8'], ['fg_east_kr', 'js_s'], ['fg_ne_kr', 'east_37_6'], ['fg_ne_kr', 'dprk_38_5'],
  ['fg_strait', 'ks_north'], ['fg_strait', 'ks_east'], ['fg_ru', 'pgg_c'], ['fg_ru', 'pgg_e'], ['fg_ru_e', 'pgg_se'],
  ['fg_jp', 'oki_w'], ['fg_jp', 'js_se'],
  ['site_ulsan', 'east_ulsan'], ['site_ulsan', 'hamada_off'], ['site_pohang', 'east_pohang'], ['site_pohang', 'js_s'],
  ['site_tonghae', 'east_37_6'], ['site_tonghae', 'js_s'], ['site_tonghae', 'east_36_8'], ['site_strait', 'ks_east'],
  ['site_strait', 'hamada_off'], ['site_pgg', 'pgg_e'], ['site_pgg', 'js_n'], ['site_pgg', 'pgg_se'],
];

/** Rendezvous sites for scripted encounters and loitering: ≥ 20 nm from shore, inside coastal coverage. */
export const RENDEZVOUS_SITES = ['site_ulsan', 'site_pohang', 'site_tonghae', 'site_strait', 'site_pgg'] as const;

export type LatLon = { lat: number; lon: number };

const adjacency = new Map<string, Array<{ to: string; m: number }>>();
for (const [a, b] of EDGES) {
  const pa = NODES[a], pb = NODES[b];
  if (!pa || !pb) throw new Error(`lane edge ${a}–${b}: unknown node`);
  const m = distanceM(pa[0], pa[1], pb[0], pb[1]);
  if (!adjacency.has(a)) adjacency.set(a, []);
  if (!adjacency.has(b)) adjacency.set(b, []);
  adjacency.get(a)!.push({ to: b, m });
  adjacency.get(b)!.push({ to: a, m });
}

const routeCache = new Map<string, string[]>();

/** Shortest node path between two lane nodes (Dijkstra; the graph has ~70 nodes). Deterministic. */
export function routeNodes(from: string, to: string): string[] {
  const key = `${from}>${to}`;
  const hit = routeCache.get(key);
  if (hit) return hit;
  const dist = new Map<string, number>([[from, 0]]);
  const prev = new Map<string, string>();
  const done = new Set<string>();
  for (;;) {
    let best: string | null = null;
    for (const [n, d] of dist) if (!done.has(n) && (best === null || d < dist.get(best)! || (d === dist.get(best)! && n < best))) best = n;
    if (best === null) throw new Error(`no lane route ${from} → ${to}`);
    if (best === to) break;
    done.add(best);
    for (const e of adjacency.get(best) ?? []) {
      const d = dist.get(best)! + e.m;
      if (d < (dist.get(e.to) ?? Infinity)) { dist.set(e.to, d); prev.set(e.to, best); }
    }
  }
  const path = [to];
  while (path[0] !== from) path.unshift(prev.get(path[0]!)!);
  routeCache.set(key, path);
  return path;
}

export function nodePoint(name: string): LatLon {
  const p = NODES[name];
  if (!p) throw new Error(`unknown lane node ${name}`);
  return { lat: p[0], lon: p[1] };
}
