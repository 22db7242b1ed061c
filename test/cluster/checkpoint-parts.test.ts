// A unit's checkpoint in parts (src/cluster/checkpoint-parts.ts): joined back it is the runner state, a runner
// restored from it gives the events of one never stopped, and between two checkpoints only the parts that
// changed get a new name (the others are not written again).
import { describe, expect, it } from 'vitest';
import { DetectionRunner, type RunnerState } from '../../src/detectors/runner.js';
import { joinState, splitState } from '../../src/cluster/checkpoint-parts.js';
import type { Position } from '../../src/tracks/position.js';
import type { TumenEvent } from '../../src/events/schema.js';

const HOUR = 3_600_000, T0 = Date.UTC(2024, 4, 1);

/** 20 ships over 60 h off the Korean east coast, a report every 10 min each; ship i is silent 8 h from
 *  hour 10 + i (gaps), and ships 14–19 report only on the first day. */
function stream(): Position[] {
  const out: Position[] = [];
  for (let t = T0; t < T0 + 60 * HOUR; t += 10 * 60_000) {
    for (let i = 0; i < 20; i++) {
      const h = (t - T0) / HOUR;
      if (h >= 10 + i && h < 18 + i) continue;
      if (i >= 14 && h >= 24) continue;
      const a = h / 12 + i;
      out.push({
        mmsi: 440_200_000 + i, timeMs: t, lat: 39.5 + 0.05 * i + 0.2 * Math.sin(a), lon: 131.5 + 0.05 * i + 0.2 * Math.cos(a),
        speedKn: 8, courseDeg: 90, headingDeg: null, status: 0, source: 'terrestrial', stations: ['KR-1'],
      });
    }
  }
  return out;
}

const byMmsi = <T extends [number, unknown]>(xs: readonly T[]): T[] => [...xs].sort((a, b) => a[0] - b[0]);
const normal = (s: RunnerState) => ({
  ...s, vessels: byMmsi(s.vessels), retired: byMmsi(s.retired ?? []),
  reception: { ...s.reception, all: byMmsi(s.reception.all), terrestrial: byMmsi(s.reception.terrestrial) },
});

function events(runner: DetectionRunner, into: Map<string, TumenEvent>): void {
  for (const e of runner.take().events) into.set(e.id, e);
}

describe('checkpoint parts', () => {
  const positions = stream();
  const cut = Math.floor(positions.length * 0.55);

  it('joined back, the parts are the runner state', () => {
    const r = new DetectionRunner({});
    for (const p of positions.slice(0, cut)) r.pushPosition(p);
    r.take();
    const state = JSON.parse(JSON.stringify(r.snapshot())) as RunnerState;
    const { head, parts } = splitState(state);
    expect(parts.filter((p) => p.name.startsWith('v')).length).toBeGreaterThan(10);
    expect(parts.filter((p) => p.name.startsWith('r')).length).toBe(2); // two days of reception counts
    expect(normal(joinState(head, [...parts].reverse()))).toEqual(normal(state));
    // The same state with its vessels in another order gives the same parts, names included.
    const again = splitState({ ...state, vessels: [...state.vessels].reverse() });
    expect(again.parts.map((p) => `${p.name}.${p.hash}`).sort()).toEqual(parts.map((p) => `${p.name}.${p.hash}`).sort());
  });

  it('a runner restored from the parts gives the events of one never stopped', () => {
    const straight = new DetectionRunner({});
    const want = new Map<string, TumenEvent>();
    for (const p of positions) straight.pushPosition(p), events(straight, want);
    straight.flush();
    events(straight, want);

    const first = new DetectionRunner({});
    const got = new Map<string, TumenEvent>();
    for (const p of positions.slice(0, cut)) first.pushPosition(p), events(first, got);
    const { head, parts } = splitState(first.snapshot());
    const wire = JSON.parse(JSON.stringify({ head, parts: parts.map((p) => ({ name: p.name, json: p.json })) }));
    const second = DetectionRunner.restore(joinState(wire.head, wire.parts), {});
    for (const p of positions.slice(cut)) second.pushPosition(p), events(second, got);
    second.flush();
    events(second, got);
    expect(want.size).toBeGreaterThan(15);
    expect([...got.values()].map((e) => JSON.stringify(e)).sort()).toEqual([...want.values()].map((e) => JSON.stringify(e)).sort());
  });

  it('between two checkpoints only the parts that changed get a new name', () => {
    const r = new DetectionRunner({});
    for (const p of positions.slice(0, cut)) r.pushPosition(p);
    r.take();
    const before = splitState(r.snapshot()).parts;
    // Ten minutes more: every ship still reporting moves, the day's reception counts grow; ships 14–19
    // (silent since day 1) and the first day's counts do not change.
    const next = positions.slice(cut).filter((p) => p.timeMs < positions[cut]!.timeMs + 10 * 60_000);
    for (const p of next) r.pushPosition(p);
    r.take();
    const after = splitState(r.snapshot()).parts;
    const old = new Set(before.map((p) => `${p.name}.${p.hash}`));
    const changed = after.filter((p) => !old.has(`${p.name}.${p.hash}`)).map((p) => p.name);
    const moving = new Set(next.map((p) => p.mmsi));
    const quiet = before.filter((p) => p.name.startsWith('v') && !JSON.parse(p.json).vessels.some(([m]: [number]) => moving.has(m))).map((p) => p.name);
    expect(quiet.length).toBeGreaterThan(0);
    for (const q of quiet) expect(changed).not.toContain(q);
    expect(changed).toContain(`r${Math.floor(Math.floor(next[0]!.timeMs / HOUR) / 24) % (2 ** 20)}`);
    expect(changed.filter((n) => n.startsWith('r'))).toHaveLength(1);
    expect(changed.length).toBeLessThan(after.length);
  });
});
