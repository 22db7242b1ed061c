// The ports of the simulated world: the curated ports of interest plus background ports from the NGA World
// Port Index (Pub 150, 2023; id = UN/LOCODE). Each port has a berth (where ships lie, within 1.5 km of the
// port point, on water) and the lane waypoint it is reached from.
import { PORTS_OF_INTEREST } from '../reference/ports-of-interest.js';

export interface SimPort {
  id: string;
  name: string;
  country: string;
  lat: number;
  lon: number;
  /** Where ships lie alongside (within 1.5 km of the port point). */
  berth: { lat: number; lon: number };
  /** The lane node a ship sails to/from when entering/leaving (see lanes.ts). */
  node: string;
  /** Extra waypoints between the berth and the node (berth side first), where the coast needs them. */
  inner: ReadonlyArray<{ lat: number; lon: number }>;
}

const WPI_BACKGROUND = [
  { id: 'KRPUS', name: 'Busan', country: 'KR', lat: 35.1, lon: 129.033333 },
  { id: 'KRUSN', name: 'Ulsan', country: 'KR', lat: 35.45, lon: 129.4 },
  { id: 'KRKPO', name: 'Pohang', country: 'KR', lat: 36.05, lon: 129.383333 },
  { id: 'KRTGA', name: 'Tonghae', country: 'KR', lat: 37.533333, lon: 129.15 },
  { id: 'JPSMN', name: 'Sakaiminato', country: 'JP', lat: 35.533333, lon: 133.233333 },
  { id: 'JPMAI', name: 'Maizuru', country: 'JP', lat: 35.516667, lon: 135.333333 },
  { id: 'RUSKA', name: 'Slavyanka', country: 'RU', lat: 42.866667, lon: 131.383333 },
];

/** Berth offsets (hand-placed on water near each port point) and the approach node. */
const BERTHS: Record<string, { lat: number; lon: number; node: string; inner?: Array<{ lat: number; lon: number }> }> = {
  KPNJN: { lat: 42.228, lon: 130.305, node: 'rajin_app' },
  KPSBN: { lat: 42.318, lon: 130.41, node: 'senbong_app', inner: [{ lat: 42.29, lon: 130.465 }] },
  KPCHO: { lat: 41.76, lon: 129.825, node: 'chongjin_app' },
  KPNAM: { lat: 38.71, lon: 125.39, node: 'nampo_app' },
  RUVYP: { lat: 42.737, lon: 133.062, node: 'vostochny_app', inner: [{ lat: 42.728, lon: 133.05 }, { lat: 42.71, lon: 133.045 }] },
  RUNJK: { lat: 42.795, lon: 132.885, node: 'nakhodka_app' },
  RUVVO: { lat: 43.105, lon: 131.89, node: 'vladivostok_app' },
  RUDUN: { lat: 42.885, lon: 132.35, node: 'dunai_app' },
  RUZAR: { lat: 42.628, lon: 131.085, node: 'zarubino_app' },
  RUPOS: { lat: 42.645, lon: 130.805, node: 'posyet_app' },
  KRPUS: { lat: 35.095, lon: 129.04, node: 'busan_app' },
  KRUSN: { lat: 35.448, lon: 129.405, node: 'ulsan_app' },
  KRKPO: { lat: 36.048, lon: 129.39, node: 'pohang_app' },
  KRTGA: { lat: 37.53, lon: 129.155, node: 'tonghae_app' },
  JPSMN: { lat: 35.552, lon: 133.245, node: 'sakai_app', inner: [{ lat: 35.565, lon: 133.245 }] },
  JPMAI: { lat: 35.52, lon: 135.335, node: 'maizuru_app' },
  RUSKA: { lat: 42.862, lon: 131.388, node: 'slavyanka_app' },
};

function build(): SimPort[] {
  const all = [...PORTS_OF_INTEREST.map((p) => ({ id: p.id, name: p.name, country: p.country, lat: p.lat, lon: p.lon })), ...WPI_BACKGROUND];
  return all.map((p) => {
    const b = BERTHS[p.id];
    if (!b) throw new Error(`sim port ${p.id} has no berth`);
    return { ...p, berth: { lat: b.lat, lon: b.lon }, node: b.node, inner: b.inner ?? [] };
  });
}

export const SIM_PORTS: readonly SimPort[] = build();

export function simPort(id: string): SimPort {
  const p = SIM_PORTS.find((x) => x.id === id);
  if (!p) throw new Error(`unknown sim port ${id}`);
  return p;
}
