// Encounters split by spatial cell with a halo (src/detectors/spatial-cells.ts) give one process's events:
// every pair found, once, also pairs whose two ships sit in different squares (or cells) and pairs met in
// many cells' halos. The cells hear every position's time, so they decide slots when one process would.
import { describe, expect, it } from 'vitest';
import type { TumenEvent } from '../../src/events/schema.js';
import type { Position } from '../../src/tracks/position.js';
import { DetectionRunner, type RunnerOptions } from '../../src/detectors/runner.js';
import { spatialCell } from '../../src/detectors/spatial-cells.js';
import { SPATIAL_CELL_PARAMS } from '../../src/detectors/params.js';
import { createEncounterDetector } from '../../src/detectors/encounter.js';
import { DEG_PER_NM, HOUR, MIN, stream, T0, track } from './build2.js';

const OFFSET_DEG = 0.0018; // ≈ 200 m north

/** B drifts at `at`; A steams in from the north at 10 kn, stays 200 m north of B from `from` for 3 h, leaves. */
function pair(k: number, at: { lat: number; lon: number }): Position[][] {
  const a = 273_000_000 + 2 * k, b = 273_000_001 + 2 * k;
  const from = T0 + (2 + (k % 5)) * HOUR, to = from + 3 * HOUR, end = T0 + 12 * HOUR;
  const ta = track(a, T0, end, 5 * MIN, (t) => {
    if (t < from) return { lat: at.lat + OFFSET_DEG + ((from - t) / HOUR) * 10 * DEG_PER_NM, lon: at.lon, speedKn: 10 };
    if (t > to) return { lat: at.lat + OFFSET_DEG - ((t - to) / HOUR) * 10 * DEG_PER_NM, lon: at.lon, speedKn: 10 };
    return { lat: at.lat + OFFSET_DEG, lon: at.lon, speedKn: 0.4 };
  });
  const tb = track(b, T0, end, 5 * MIN, () => ({ lat: at.lat, lon: at.lon, speedKn: 0.3 }));
  return [ta, tb];
}

// Open Pacific, far from any port. Every third pair straddles a whole-degree line (A north of it, B on it);
// the others sit at 0.1° steps, so fine squares cut between them too.
const MEETS = Array.from({ length: 18 }, (_, k) => (k % 3 === 0
  ? { lat: 30 + Math.floor(k / 3) * 0.5 - OFFSET_DEG / 2, lon: 150 + (k % 6) * 0.5 }
  : { lat: 30.05 + k * 0.1, lon: 150.05 + (k % 4) * 0.27 }));
const POSITIONS = stream(...MEETS.flatMap((at, k) => pair(k, at)));

function encounters(options: RunnerOptions): TumenEvent[] {
  const r = new DetectionRunner({ types: new Set(['encounter']), ...options });
  const out: TumenEvent[] = [];
  for (const p of POSITIONS) {
    r.pushPosition(p);
    out.push(...r.take().events);
  }
  r.flush();
  out.push(...r.take().events);
  return out;
}

const key = (e: TumenEvent): string => JSON.stringify(e);
const byId = (a: TumenEvent, b: TumenEvent): number => a.id.localeCompare(b.id);

function cellsUnion(cells: number, params: { cellDeg: number; haloM: number }): TumenEvent[] {
  const out: TumenEvent[] = [];
  for (let c = 0; c < cells; c++) out.push(...encounters({ ownsVessel: () => false, cell: spatialCell(c, cells, params) }));
  return out.sort(byId);
}

describe('encounters by spatial cell with a halo', () => {
  const whole = encounters({}).sort(byId);

  it('one process finds every pair', () => {
    expect(whole).toHaveLength(MEETS.length);
  });

  it('4 cells of 1° squares, 60 km halo: the same events, each once', () => {
    const got = cellsUnion(4, SPATIAL_CELL_PARAMS);
    expect(got.map(key)).toEqual(whole.map(key));
  });

  it('5 cells of 0.1° squares, 20 km halo (every pair in many halos): the same events, each once', () => {
    const got = cellsUnion(5, { cellDeg: 0.1, haloM: 20_000 });
    expect(got.map(key)).toEqual(whole.map(key));
  });

  it('a halo too small for the approach still reports each pair at most once', () => {
    const got = cellsUnion(3, { cellDeg: 0.1, haloM: 100 });
    expect(new Set(got.map((e) => e.id)).size).toBe(got.length);
  });

  it("a cell's detector decides slots on the whole stream's clock (pushTime), as one process would", () => {
    const [ta, tb] = pair(0, MEETS[0]!);
    const run = (clock: boolean) => {
      const det = createEncounterDetector();
      for (const p of ta!) if (p.timeMs <= T0 + 2 * HOUR) det.pushPosition(p);
      if (clock) det.pushTime(T0 + 5 * HOUR); // positions fed to other cells moved the stream on
      for (const p of tb!) if (p.timeMs >= T0 + HOUR && p.timeMs <= T0 + 2 * HOUR) det.pushPosition(p);
      return det.counters.rejects.late ?? 0;
    };
    // The slots up to 2 h are decided by the clock: a fix for them arriving afterwards is late, as in one
    // process; without the clock the cell would still take it.
    expect(run(true)).toBeGreaterThan(0);
    expect(run(false)).toBe(0);
  });

  it('a cell feeds its squares and their halo, owns only its squares', () => {
    const cells = 7;
    const lat = 30.5, lon = 150.5;
    const owners = Array.from({ length: cells }, (_, c) => spatialCell(c, cells).owns(lat, lon));
    expect(owners.filter(Boolean)).toHaveLength(1);
    // 1 km inside a corner of its square, a position also feeds the cells of the 3 neighbouring squares.
    const fed = Array.from({ length: cells }, (_, c) => spatialCell(c, cells).feeds(30.999, 150.999)).filter(Boolean).length;
    expect(fed).toBeGreaterThanOrEqual(1);
    expect(fed).toBeLessThanOrEqual(4);
    // Mid-square of 2° squares, ~95 km from every edge, 50 km halo: only its own cell.
    const mid = Array.from({ length: cells }, (_, c) => spatialCell(c, cells, { cellDeg: 2, haloM: 50_000 }).feeds(31, 151)).filter(Boolean);
    expect(mid).toHaveLength(1);
    expect(() => spatialCell(3, 3)).toThrow(/0 ≤ cell < cells/);
  });
});

describe('encounters by spatial cell on the contract world (segmenter-delayed feed, glitches)', () => {
  it('3 cells of 0.2° squares, 30 km halo: the events of one process', async () => {
    const { contractWorld, timeOrdered } = await import('../contract/world.js');
    const w = contractWorld();
    const reports = timeOrdered(w);
    const run = (options: RunnerOptions): TumenEvent[] => {
      const r = new DetectionRunner({ types: new Set(['encounter']), windowEndMs: w.endMs, ...options });
      for (const x of reports) x.kind === 'position' ? r.pushPosition(x.p) : r.pushStatic(x.s);
      r.flush();
      return r.take().events;
    };
    const whole = run({}).sort(byId);
    expect(whole.length).toBeGreaterThan(0);
    const got: TumenEvent[] = [];
    for (let c = 0; c < 3; c++) got.push(...run({ ownsVessel: () => false, cell: spatialCell(c, 3, { cellDeg: 0.2, haloM: 30_000 }) }));
    expect(got.sort(byId).map(key)).toEqual(whole.map(key));
  });
});
