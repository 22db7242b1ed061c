// Distance to the nearest port, through a grid of ports so each query looks at a few cells, not every port.
// Detectors use it for "at least 10 km from any port" (encounters, loitering) and "berths are not land".
import { distanceM } from '../geo/sphere.js';
import { allPorts } from '../reference/wpi.js';
import { LatRowGrid } from './spatial-grid.js';

export interface PortPoint {
  id: string;
  name: string;
  lat: number;
  lon: number;
}

export class PortIndex {
  private readonly grid: LatRowGrid;

  /** `radiusM`: the largest distance queries ask about (the grid cell size). */
  constructor(private readonly ports: readonly PortPoint[], readonly radiusM: number) {
    this.grid = new LatRowGrid(radiusM);
    ports.forEach((p, i) => this.grid.insert(p.lat, p.lon, i));
  }

  /** The nearest port within `radiusM`, or null. */
  nearest(lat: number, lon: number): { port: PortPoint; distanceM: number } | null {
    let best: { port: PortPoint; distanceM: number } | null = null;
    this.grid.forNeighbours(lat, lon, (i) => {
      const port = this.ports[i]!;
      const d = distanceM(lat, lon, port.lat, port.lon);
      if (d <= this.radiusM && (!best || d < best.distanceM)) best = { port, distanceM: d };
    });
    return best;
  }

  isNear(lat: number, lon: number): boolean {
    return this.nearest(lat, lon) !== null;
  }
}

const indexCache = new WeakMap<readonly PortPoint[], Map<number, PortIndex>>();

/** One index per port list and radius, shared by every detector instance (the pipeline makes one
 *  per-vessel detector per MMSI: rebuilding the grid each time would dominate). */
export function sharedPortIndex(ports: readonly PortPoint[], radiusM: number): PortIndex {
  let byRadius = indexCache.get(ports);
  if (!byRadius) indexCache.set(ports, (byRadius = new Map()));
  let index = byRadius.get(radiusM);
  if (!index) byRadius.set(radiusM, (index = new PortIndex(ports, radiusM)));
  return index;
}

let cached: PortPoint[] | undefined;

/** The default port list: the curated ports of interest plus the World Port Index (src/reference/wpi.ts). */
export function defaultPorts(): PortPoint[] {
  return (cached ??= allPorts().map((p) => ({ id: p.id, name: p.name, lat: p.lat, lon: p.lon })));
}
