// Port areas for port visits, dark-port-call candidates and the land test: every learned anchorage cell
// and every gazetteer point, each tagged with its port. A position is "at" a port when it is within the
// entry radius of any of that port's points (GFW port visits measure from anchorage points too), so a
// port's area follows its quays and anchorages wherever they lie, not a circle around the WPI point.
// Gazetteer ports without learned cells keep their point (the fallback area).
import { distanceM } from '../geo/sphere.js';
import { LatRowGrid } from '../detectors/spatial-grid.js';
import type { PortAreaTest } from '../geo/land.js';
import type { Port } from '../reference/wpi.js';
import type { Anchorage } from './learn.js';
import { ANCHORAGE_PARAMS, type AnchorageParams } from './params.js';

export type AreaPort = Pick<Port, 'id' | 'name' | 'country' | 'lat' | 'lon'> & { learned: boolean };

interface AreaPoint {
  lat: number;
  lon: number;
  port: number;
  /** A learned cell (not a gazetteer point). */
  cell: boolean;
}

export class PortAreas implements PortAreaTest {
  readonly ports: AreaPort[] = [];
  private readonly points: AreaPoint[] = [];
  private readonly grid: LatRowGrid;
  private readonly byId = new Map<string, number>();

  /** `maxRadiusM`: the largest radius queries use (the grid cell size). */
  constructor(anchorages: readonly Anchorage[], gazetteer: readonly Port[], readonly maxRadiusM = 5_000, private readonly p: AnchorageParams = ANCHORAGE_PARAMS) {
    this.grid = new LatRowGrid(maxRadiusM);
    for (const a of anchorages) {
      const i = this.addPort({ id: a.id, name: a.name, country: a.country, lat: a.lat, lon: a.lon, learned: true });
      for (const c of a.cells) this.addPoint({ lat: c.lat, lon: c.lon, port: i, cell: true });
    }
    for (const g of gazetteer) {
      const known = this.byId.get(g.id);
      const i = known ?? this.addPort({ id: g.id, name: g.name, country: g.country, lat: g.lat, lon: g.lon, learned: false });
      this.addPoint({ lat: g.lat, lon: g.lon, port: i, cell: false });
    }
  }

  private addPort(port: AreaPort): number {
    this.byId.set(port.id, this.ports.length);
    this.ports.push(port);
    return this.ports.length - 1;
  }

  private addPoint(pt: AreaPoint): void {
    this.grid.insert(pt.lat, pt.lon, this.points.length);
    this.points.push(pt);
  }

  /** The port with a point nearest to (lat, lon) within `radiusM` (≤ maxRadiusM), with that distance. */
  nearest(lat: number, lon: number, radiusM: number): { port: AreaPort; distanceM: number } | undefined {
    let best = -1;
    let bestD = Math.min(radiusM, this.maxRadiusM);
    this.grid.forNeighbours(lat, lon, (i) => {
      const pt = this.points[i]!;
      const d = distanceM(lat, lon, pt.lat, pt.lon);
      if (d <= bestD) {
        bestD = d;
        best = pt.port;
      }
    });
    return best < 0 ? undefined : { port: this.ports[best]!, distanceM: bestD };
  }

  /** Distance from (lat, lon) to the nearest point of port `id` (Infinity beyond maxRadiusM). */
  distanceToPortM(id: string, lat: number, lon: number): number {
    const port = this.byId.get(id);
    let best = Infinity;
    this.grid.forNeighbours(lat, lon, (i) => {
      const pt = this.points[i]!;
      if (pt.port !== port) return;
      const d = distanceM(lat, lon, pt.lat, pt.lon);
      if (d < best) best = d;
    });
    return best;
  }

  /** Every point of port `id`'s area (its learned cells and its gazetteer point); empty for an unknown id. */
  areaPoints(id: string): ReadonlyArray<{ lat: number; lon: number; cell: boolean }> {
    const port = this.byId.get(id);
    if (port === undefined) return [];
    return (this.pointsByPort ??= this.groupPoints()).get(port) ?? [];
  }

  private pointsByPort: Map<number, AreaPoint[]> | undefined;

  private groupPoints(): Map<number, AreaPoint[]> {
    const out = new Map<number, AreaPoint[]>();
    for (const pt of this.points) {
      const list = out.get(pt.port);
      if (list) list.push(pt);
      else out.set(pt.port, [pt]);
    }
    return out;
  }

  /** Inside a port or anchorage area: near a learned cell or a gazetteer point (never on land). */
  containsPoint(lat: number, lon: number): boolean {
    let inside = false;
    this.grid.forNeighbours(lat, lon, (i) => {
      if (inside) return;
      const pt = this.points[i]!;
      inside = distanceM(lat, lon, pt.lat, pt.lon) <= (pt.cell ? this.p.areaCellRadiusM : this.p.areaGazetteerRadiusM);
    });
    return inside;
  }
}
