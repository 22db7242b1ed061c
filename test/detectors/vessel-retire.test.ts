// Churning MMSIs: new vessels keep appearing and old ones fall silent. The runner retires a vessel silent past
// `retireAfterH` (its open events ended as at the end of input, only the gap and draught states kept), so the
// chains it holds stay bounded — and its events equal a runner that keeps every chain to the end, straight
// through and across snapshot/restore cuts.
import { describe, expect, it } from 'vitest';
import { DetectionRunner, type RunnerOptions } from '../../src/detectors/runner.js';
import { retireAfterH } from '../../src/detectors/registry.js';
import type { TumenEvent } from '../../src/events/schema.js';
import { churn, type Report } from './churn-world.js';
import { memoryInput, runPipeline } from '../../src/detectors/pipeline.js';
import { portIndex } from '../../src/reference/wpi.js';

const HOUR = 3_600_000, DAY = 24 * HOUR;
const T0 = Date.UTC(2024, 2, 1);
const VESSELS = 120, EVERY_H = 3, LIFE_H = 30, RETURN_AFTER_D = 6;
const WORLD = { vessels: VESSELS, everyH: EVERY_H, lifeH: LIFE_H, returnAfterD: RETURN_AFTER_D, t0Ms: T0 };
// A short reception horizon so retirement bites within days (the defaults retire after 242 h).
const PARAMS = { gap: { maxJudgedSilenceH: 8 }, segment: { maxLookbackH: 4 } };

interface Run { events: TumenEvent[]; chainsByDay: number[]; retiredByDay: number[]; bytesByDay: number[] }

function run(reports: readonly Report[], options: RunnerOptions, cuts: readonly number[] = [], measure = false): Run {
  let runner = new DetectionRunner({ params: PARAMS, ...options });
  const events = new Map<string, TumenEvent>();
  const keep = (): void => {
    const out = runner.take();
    for (const e of out.events) events.set(e.id, e);
    for (const id of out.retracted) events.delete(id);
  };
  const chainsByDay: number[] = [], retiredByDay: number[] = [], bytesByDay: number[] = [];
  const cutAt = new Set(cuts.map((c) => Math.floor(c * reports.length)));
  let day = 0;
  reports.forEach((r, i) => {
    if (cutAt.has(i)) {
      keep();
      runner = DetectionRunner.restore(JSON.parse(JSON.stringify(runner.snapshot())), { params: PARAMS, ...options });
    }
    if (r.kind === 'p') {
      const d = Math.floor((r.p.timeMs - T0) / DAY);
      if (d !== day) {
        keep();
        chainsByDay.push(runner.vesselsHeld.chains);
        retiredByDay.push(runner.vesselsHeld.retired);
        if (measure) {
          const state = runner.snapshot();
          bytesByDay.push(JSON.stringify(state.vessels).length + JSON.stringify(state.retired ?? []).length);
        }
        day = d;
      }
      runner.pushPosition(r.p);
    } else runner.pushStatic(r.s);
  });
  runner.flush();
  keep();
  return { events: [...events.values()].sort((a, b) => (a.id < b.id ? -1 : 1)), chainsByDay, retiredByDay, bytesByDay };
}

const lines = (es: readonly TumenEvent[]): string[] => es.map((e) => JSON.stringify(e));

describe('retiring silent vessels', () => {
  const reports = churn(WORLD);
  const kept = run(reports, { retireSilent: false }, [], true);
  const retiring = run(reports, {}, [], true);
  const H = retireAfterH(PARAMS);

  it('the horizon is derived from the parameters', () => {
    expect(H).toBe(retireAfterH({ ...PARAMS, gap: { maxJudgedSilenceH: 4 } }) + 4);
    expect(retireAfterH()).toBeGreaterThan(H);
  });

  it('the world shows gaps (some across a retirement), draught changes and loitering', () => {
    const types = new Map<string, number>();
    for (const e of kept.events) types.set(e.type, (types.get(e.type) ?? 0) + 1);
    expect(types.get('gap')).toBeGreaterThanOrEqual(40 + 12);
    expect(types.get('draught_change')).toBeGreaterThanOrEqual(30);
    expect(types.get('loitering')).toBeGreaterThanOrEqual(25);
    const across = kept.events.filter((e) => e.type === 'gap' && e.end !== null && (e.duration_h as number) > H);
    expect(across.length).toBe(12);
  });

  it('the batch run (tumen detect\'s engine) gives the retiring replay\'s events', async () => {
    const positions = reports.flatMap((r) => (r.kind === 'p' ? [r.p] : []));
    const statics = reports.flatMap((r) => (r.kind === 's' ? [r.s] : []));
    const batch = await runPipeline(memoryInput(positions, statics), { params: PARAMS, ports: portIndex() });
    expect(lines(batch.events).sort()).toEqual(lines(retiring.events).sort());
    expect(batch.stats.vessels).toBe(VESSELS + 12); // the 12 heard again after their retirement count twice
  });

  it('gives the events of a runner that keeps every chain', () => {
    expect(retiring.events.length).toBe(kept.events.length);
    expect(lines(retiring.events)).toEqual(lines(kept.events));
  });

  it('holds a bounded number of chains while the kept runner holds every vessel', () => {
    // A vessel lives 30 h and is retired within H + one forgetting period (24 h) of its last report; one
    // appears every 3 h, and every tenth is heard again for 10 h.
    const bound = Math.ceil((LIFE_H + H + 24) / EVERY_H) + Math.ceil((10 + H + 24) / (10 * EVERY_H)) + 1;
    expect(bound).toBeLessThan(VESSELS / 2);
    expect(Math.max(...retiring.chainsByDay)).toBeLessThanOrEqual(bound);
    expect(kept.chainsByDay.at(-1)).toBeGreaterThan(VESSELS - 10);
    // From day 5 until the last vessel appears (day 15) the chains held stay flat: new ones replace retired ones.
    const late = retiring.chainsByDay.slice(5, 15);
    expect(Math.max(...late) - Math.min(...late)).toBeLessThanOrEqual(4);
    // Retired records (gap and draught state only, ~0.7 kB of JSON) are far smaller than the chains they
    // replace (~6 kB).
    const d = kept.bytesByDay.length - 1;
    expect(retiring.retiredByDay[d]).toBeGreaterThan(VESSELS - 10);
    expect(retiring.bytesByDay[d]!).toBeLessThan(kept.bytesByDay[d]! / 5);
  });

  it('gives the same events snapshotted and restored through JSON at 4 cuts, records included', () => {
    const cut = run(reports, {}, [0.2, 0.45, 0.7, 0.95]);
    expect(lines(cut.events)).toEqual(lines(retiring.events));
    expect(cut.retiredByDay.at(-1)).toBeGreaterThan(20);
  });

  it('keeps only the gap and draught states of a retired vessel, and drops it on return', () => {
    const runner = new DetectionRunner({ params: PARAMS });
    const k = 7, mmsi = 440_100_000 + k;
    const returnMs = T0 + k * EVERY_H * HOUR + RETURN_AFTER_D * DAY;
    for (const r of reports) {
      const t = r.kind === 'p' ? r.p.timeMs : r.s.timeMs;
      if (t >= returnMs) break;
      runner.take();
      if (r.kind === 'p') runner.pushPosition(r.p);
      else runner.pushStatic(r.s);
    }
    const s = runner.snapshot();
    expect(s.vessels.some(([m]) => m === mmsi)).toBe(false);
    const record = new Map(s.retired).get(mmsi);
    expect(Object.keys(record ?? {}).sort()).toEqual(['draught_change', 'gap']);
  });
});
