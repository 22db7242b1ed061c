// Ports for port visits and dark port calls: the NGA World Port Index plus the curated ports of interest
// (which take precedence where both list the same place), with a grid index for "ports near this point".
import wpiData from './data/wpi-ports.json' with { type: 'json' };
import { PORTS_OF_INTEREST, type PortRole } from './ports-of-interest.js';
import { distanceM } from '../geo/sphere.js';

export interface Port {
  id: string;
  name: string;
  country: string;
  lat: number;
  lon: number;
  /** WPI harbour size: V very small, S small, M medium, L large, U unknown; 'POI' for curated ports. */
  size: string;
  /** Set for curated ports of interest. */
  role?: PortRole;
  source: string;
}

const WPI_SOURCE = 'NGA World Port Index Pub 150';
/** A WPI port this close to a curated port of interest is the same place. */
const SAME_PORT_M = 5000;

type WpiRow = [string, string, string, number, number, string, string];

/** A UN/LOCODE as printed without its space: country (2 letters) + place (3 letters or digits 2-9).
 *  WPI carries one malformed code (`GB ME""` for Portsmouth Harbour), which is no id. */
const LOCODE = /^[A-Z]{2}[A-Z2-9]{3}$/;

/** WPI ports; id = UN/LOCODE (e.g. KRPUS) where WPI gives a well-formed, unique one, else `WPI<number>`.
 *  WPI lists two ports twice under one number (Seydisfjordur #400, Machilipatnam #49460): the first row stands. */
export function wpiPorts(): Port[] {
  const seen = new Set<string>();
  const numbers = new Set<string>();
  const out: Port[] = [];
  for (const [wpi, name, country, lat, lon, size, locode] of wpiData.ports as unknown as WpiRow[]) {
    if (numbers.has(wpi)) continue;
    numbers.add(wpi);
    const id = LOCODE.test(locode) && !seen.has(locode) ? locode : `WPI${wpi}`;
    seen.add(id);
    out.push({ id, name, country, lat, lon, size, source: `${WPI_SOURCE} #${wpi}` });
  }
  return out;
}

/** Ports of interest first, then every WPI port not within 5 km of one. */
export function allPorts(): Port[] {
  const poi: Port[] = PORTS_OF_INTEREST.map((p) => ({ ...p, size: 'POI', role: p.role }));
  const wpi = wpiPorts().filter((w) => !poi.some((p) => distanceM(p.lat, p.lon, w.lat, w.lon) < SAME_PORT_M));
  return [...poi, ...wpi];
}

/** Grid index over ports: `near(lat, lon, radiusM)` looks at the cells around the point only. */
export class PortIndex {
  private readonly cells = new Map<number, Port[]>();
  constructor(readonly ports: readonly Port[], private readonly cellDeg = 0.5) {
    for (const p of ports) {
      const k = this.key(Math.floor((p.lat + 90) / cellDeg), Math.floor((p.lon + 180) / cellDeg));
      let list = this.cells.get(k);
      if (!list) this.cells.set(k, (list = []));
      list.push(p);
    }
  }

  private key(r: number, c: number): number {
    const cols = Math.round(360 / this.cellDeg);
    return r * cols + ((c % cols) + cols) % cols;
  }

  /** Ports within `radiusM` of the point, nearest first, each with its distance. */
  near(lat: number, lon: number, radiusM: number): Array<{ port: Port; distanceM: number }> {
    const out: Array<{ port: Port; distanceM: number }> = [];
    const r0 = Math.floor((lat + 90) / this.cellDeg), c0 = Math.floor((lon + 180) / this.cellDeg);
    const dr = Math.ceil(radiusM / 111_000 / this.cellDeg);
    const dc = Math.ceil(radiusM / (111_000 * Math.max(Math.cos((lat * Math.PI) / 180), 0.05)) / this.cellDeg);
    for (let r = r0 - dr; r <= r0 + dr; r++) {
      for (let c = c0 - dc; c <= c0 + dc; c++) {
        for (const p of this.cells.get(this.key(r, c)) ?? []) {
          const d = distanceM(lat, lon, p.lat, p.lon);
          if (d <= radiusM) out.push({ port: p, distanceM: d });
        }
      }
    }
    return out.sort((a, b) => a.distanceM - b.distanceM);
  }

  /** The nearest port within `radiusM` (no allocation when there is none: this runs per position). */
  nearest(lat: number, lon: number, radiusM: number): { port: Port; distanceM: number } | undefined {
    const r0 = Math.floor((lat + 90) / this.cellDeg), c0 = Math.floor((lon + 180) / this.cellDeg);
    const cosLat = Math.max(Math.cos((lat * Math.PI) / 180), 0.05);
    const dr = Math.ceil(radiusM / 111_000 / this.cellDeg);
    const dc = Math.ceil(radiusM / (111_000 * cosLat) / this.cellDeg);
    // Cheap pre-filter in squared degrees (5 % slack) before the haversine.
    const maxDeg2 = (radiusM / 111_000) ** 2 * 1.1;
    let best: Port | undefined;
    let bestD = radiusM;
    for (let r = r0 - dr; r <= r0 + dr; r++) {
      for (let c = c0 - dc; c <= c0 + dc; c++) {
        const list = this.cells.get(this.key(r, c));
        if (!list) continue;
        for (const p of list) {
          let dLon = p.lon - lon;
          if (dLon > 180) dLon -= 360;
          else if (dLon < -180) dLon += 360;
          const dy = p.lat - lat, dx = dLon * cosLat;
          if (dx * dx + dy * dy > maxDeg2) continue;
          const d = distanceM(lat, lon, p.lat, p.lon);
          if (d <= bestD) {
            bestD = d;
            best = p;
          }
        }
      }
    }
    return best ? { port: best, distanceM: bestD } : undefined;
  }
}

let defaultIndex: PortIndex | undefined;
export function portIndex(): PortIndex {
  return (defaultIndex ??= new PortIndex(allPorts()));
}
