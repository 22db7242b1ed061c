// Ports as areas learned from the data (GFW anchorages pipeline): stops (stationary periods) → ~0.5 km
// cells where enough distinct vessels stopped → groups of nearby cells → named from the gazetteer (curated
// ports of interest first, then the World Port Index) within the label radius. Pure: stops and ports in,
// anchorages out. GFW's thresholds are for years of global data; `scaledThresholds` adapts them to the
// data's span (params.ts).
import { distanceM } from '../geo/sphere.js';
import { PortIndex, type Port } from '../reference/wpi.js';
import { LatRowGrid } from '../detectors/spatial-grid.js';
import { CellGrid } from './cells.js';
import { ANCHORAGE_PARAMS, scaledThresholds, type AnchorageParams } from './params.js';
import type { Stop } from './stationary.js';

export interface AnchorageCell {
  key: number;
  /** Mean position of the stops in the cell. */
  lat: number;
  lon: number;
  vessels: number;
  stops: number;
  stoppedH: number;
}

export interface Anchorage {
  /** The gazetteer port's id when labelled, else `ANCH-<lat>-<lon>` of its busiest cell. */
  id: string;
  name: string;
  country: string;
  /** The gazetteer point when labelled, else the busiest cell. */
  lat: number;
  lon: number;
  labelled: boolean;
  /** Distance from the gazetteer point to the nearest cell (labelled only). */
  labelDistanceM: number | null;
  vessels: number;
  stops: number;
  cells: AnchorageCell[];
}

export interface LearnResult {
  anchorages: Anchorage[];
  thresholds: { minStationaryMin: number; minVessels: number; spanDays: number };
  stopsUsed: number;
  cellsSeen: number;
  cellsKept: number;
}

interface CellAcc {
  key: number;
  mmsis: Set<number>;
  stops: number;
  stoppedMs: number;
  sumLat: number;
  sumLon: number;
}

/** Learns anchorages from `stops` of data spanning `spanDays`; `ports` ordered by priority (curated first). */
export function learnAnchorages(stops: Iterable<Stop>, spanDays: number, ports: readonly Port[], p: AnchorageParams = ANCHORAGE_PARAMS): LearnResult {
  const th = scaledThresholds(spanDays, p);
  const grid = new CellGrid(p.cellSizeM);
  const cells = new Map<number, CellAcc>();
  let stopsUsed = 0;
  for (const s of stops) {
    if (s.endMs - s.startMs < th.minStationaryMin * 60_000) continue;
    stopsUsed++;
    const key = grid.key(s.lat, s.lon);
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { key, mmsis: new Set(), stops: 0, stoppedMs: 0, sumLat: 0, sumLon: 0 }));
    c.mmsis.add(s.mmsi);
    c.stops++;
    c.stoppedMs += s.endMs - s.startMs;
    c.sumLat += s.lat;
    c.sumLon += s.lon;
  }
  const gazetteer = new PortIndex(ports);
  const kept: AnchorageCell[] = [];
  for (const c of cells.values()) {
    const lat = c.sumLat / c.stops, lon = c.sumLon / c.stops;
    const enough = c.mmsis.size >= th.minVessels || gazetteer.nearest(lat, lon, p.gazetteerSupportRadiusM) !== undefined;
    if (enough) kept.push({ key: c.key, lat, lon, vessels: c.mmsis.size, stops: c.stops, stoppedH: c.stoppedMs / 3_600_000 });
  }
  kept.sort((a, b) => a.key - b.key);
  const groups = groupCells(kept, p.groupDistanceM);
  const priority = new Map(ports.map((port) => [port.id, port.role ? 0 : 1] as const));
  const byId = new Map<string, { port: Port | null; cells: AnchorageCell[]; labelDistanceM: number | null }>();
  for (const g of groups) {
    // Within the label radius: curated first, then nearest; beyond it (to the far radius): nearest.
    let best: { port: Port; d: number; rank: number } | null = null;
    for (const c of g) {
      for (const { port, distanceM: d } of gazetteer.near(c.lat, c.lon, p.labelFarRadiusM)) {
        const rank = d <= p.labelRadiusM ? (priority.get(port.id) ?? 1) : 2;
        if (!best || rank < best.rank || (rank === best.rank && d < best.d)) best = { port, d, rank };
      }
    }
    const busiest = g.reduce((a, b) => (b.stops > a.stops ? b : a));
    const id = best ? best.port.id : `ANCH-${busiest.lat.toFixed(3)}-${busiest.lon.toFixed(3)}`;
    const entry = byId.get(id);
    if (entry) {
      entry.cells.push(...g);
      if (best && (entry.labelDistanceM === null || best.d < entry.labelDistanceM)) entry.labelDistanceM = best.d;
    } else byId.set(id, { port: best?.port ?? null, cells: [...g], labelDistanceM: best ? best.d : null });
  }
  const anchorages: Anchorage[] = [];
  for (const [id, e] of byId) {
    const busiest = e.cells.reduce((a, b) => (b.stops > a.stops ? b : a));
    const near = e.port ? null : gazetteer.nearest(busiest.lat, busiest.lon, p.nearNameRadiusM);
    anchorages.push({
      id,
      name: e.port ? e.port.name : near ? `anchorage near ${near.port.name}` : `anchorage ${busiest.lat.toFixed(3)}, ${busiest.lon.toFixed(3)}`,
      country: e.port?.country ?? near?.port.country ?? '',
      lat: e.port?.lat ?? busiest.lat,
      lon: e.port?.lon ?? busiest.lon,
      labelled: e.port !== null,
      labelDistanceM: e.labelDistanceM === null ? null : Math.round(e.labelDistanceM),
      vessels: distinctVessels(e.cells, cells),
      stops: e.cells.reduce((n, c) => n + c.stops, 0),
      cells: e.cells.sort((a, b) => a.key - b.key),
    });
  }
  anchorages.sort((a, b) => b.vessels - a.vessels || a.id.localeCompare(b.id));
  return { anchorages, thresholds: { ...th, spanDays }, stopsUsed, cellsSeen: cells.size, cellsKept: kept.length };
}

function distinctVessels(cells: readonly AnchorageCell[], acc: Map<number, CellAcc>): number {
  const all = new Set<number>();
  for (const c of cells) for (const m of acc.get(c.key)?.mmsis ?? []) all.add(m);
  return all.size;
}

/** Connected groups of cells closer than `distanceM` (union-find over a grid of that size). */
function groupCells(cells: readonly AnchorageCell[], maxM: number): AnchorageCell[][] {
  const parent = cells.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const grid = new LatRowGrid(maxM);
  cells.forEach((c, i) => grid.insert(c.lat, c.lon, i));
  cells.forEach((c, i) => {
    grid.forNeighbours(c.lat, c.lon, (j) => {
      if (j <= i) return;
      if (distanceM(c.lat, c.lon, cells[j]!.lat, cells[j]!.lon) <= maxM) parent[find(j)] = find(i);
    });
  });
  const groups = new Map<number, AnchorageCell[]>();
  cells.forEach((c, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(c);
    else groups.set(r, [c]);
  });
  return [...groups.values()];
}
