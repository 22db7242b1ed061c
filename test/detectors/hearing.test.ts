// The hearing model learned from the data, and the intentional-gap verdict it drives, on small hand-built
// worlds: other ships heard by coastal stations, by frequent or by rare satellite passes, a saturated cell,
// and a hole in the store's coverage.
import { describe, expect, it } from 'vitest';
import { ReceptionIndex } from '../../src/detectors/reception.js';
import { GapDetector } from '../../src/detectors/gap.js';
import { GapExplainedByHandover } from '../../src/detectors/gap-handover.js';
import type { TumenEvent } from '../../src/events/schema.js';
import { memoryInput, runPipeline } from '../../src/detectors/pipeline.js';
import { droppedSummary } from '../../src/cli/commands/detect.js';
import { HOUR, MIN, T0, leg } from './helpers.js';

const DARK = 273000001;

/** `ships` other vessels drifting around (lat, lon) for `hours`, reporting every 10 min; `heard(ship, t)`
 *  says which source (if any) received each report. */
function world(idx: ReceptionIndex, lat: number, lon: number, ships: number, hours: number, heard: (ship: number, t: number) => 'terrestrial' | 'satellite' | null): void {
  for (let s = 0; s < ships; s++) {
    const mmsi = 200000000 + s;
    for (let t = T0; t < T0 + hours * HOUR; t += 10 * MIN) {
      const src = heard(s, t);
      if (src) idx.add(lat + (s % 5) * 0.01, lon + Math.floor(s / 5) * 0.01, t, src === 'satellite', mmsi);
    }
  }
}

/** Passes of `minutes` every `everyH` hours from T0 + offsetH; a ship is heard in a pass with probability
 *  `share` (a fixed pseudo-random choice per ship and pass). */
const satellite = (everyH: number, minutes: number, share: number, offsetH = 0.5) => (ship: number, t: number) => {
  const since = (t - T0) / HOUR - offsetH;
  const pass = Math.floor(since / everyH);
  if (since < 0 || since - pass * everyH > minutes / 60) return null;
  return frac(Math.sin(ship * 12.9898 + pass * 78.233) * 43758.5453) < share ? 'satellite' as const : null;
};
const frac = (x: number) => x - Math.floor(x);

/** The dark ship: 12 h of reports every 10 min at (lat, lon), silent `gapH`, then 1 h more nearby. */
function gapOf(idx: ReceptionIndex, lat: number, lon: number, gapH: number, shoreNm: number): TumenEvent {
  const before = leg(DARK, T0 + 2 * HOUR, 73, 10, lat, lon, 0, 0.0005, 1, 90);
  const after = leg(DARK, T0 + (14 + gapH) * HOUR, 7, 10, lat + 0.05, lon + 0.05, 0, 0.0005, 1, 90);
  for (const p of [...before, ...after]) idx.add(p.lat, p.lon, p.timeMs, false, p.mmsi);
  const d = new GapDetector({ reception: idx, shoreDistanceM: () => shoreNm * 1852 });
  const out = [...before, ...after].flatMap((p) => d.pushPosition(p));
  expect(out).toHaveLength(1);
  return out[0]!;
}

describe('hearing model and intentional gaps', () => {
  it('under coastal-station coverage a 20 h silence 25 nm from shore is intentional, with the reason', () => {
    const idx = new ReceptionIndex();
    world(idx, 42.5, 131.0, 10, 48, () => 'terrestrial');
    const g = gapOf(idx, 42.5, 131.0, 20, 25);
    expect(g.intentional).toBe(true);
    expect(g.evidence).toMatchObject({ shore_rule: 'measured_reception', min_shore_distance_nm: 0, shore_distance_nm: 25 });
    const r = g.evidence.reception as Record<string, number>;
    expect(r.terrestrial_heard_share).toBeGreaterThan(0.9); // its own unheard hours are left out of the learning window
    expect(r.unmeasured_hours).toBe(0);
    expect(r.hours_judged).toBe(19);
    expect(r.unheard_probability).toBeLessThan(1e-20);
  });

  it('thin satellite coverage: passes every 15 h make a 60 h silence 80 nm offshore ordinary, not intentional', () => {
    const idx = new ReceptionIndex();
    world(idx, 38.0, 133.0, 12, 96, satellite(15, 12, 0.5));
    const g = gapOf(idx, 38.0, 133.0, 60, 80);
    const r = g.evidence.reception as Record<string, number>;
    expect(g.intentional).toBe(false);
    expect(r.satellite_pass_hours).toBe(4);
    expect(r.satellite_revisit_h).toBeGreaterThan(14);
    expect(r.expected_heard_hours).toBeLessThan(4);
    expect(g.evidence).toMatchObject({ shore_rule: 'gfw', checks: { good_reception: false } });
  });

  it('frequent satellite passes make the same 24 h silence intentional, with the learned revisit', () => {
    const idx = new ReceptionIndex();
    world(idx, 38.0, 133.0, 12, 96, satellite(1.5, 12, 0.5));
    const g = gapOf(idx, 38.0, 133.0, 24, 80);
    const r = g.evidence.reception as Record<string, number>;
    expect(g.intentional).toBe(true);
    expect(r.satellite_revisit_h).toBeGreaterThan(1.3);
    expect(r.satellite_revisit_h).toBeLessThan(1.7);
    expect(r.satellite_heard_share).toBeGreaterThan(0.2);
    expect(r.satellite_reports_per_ship_pass).toBeGreaterThanOrEqual(1);
  });

  it('a saturated cell (many ships, each rarely heard per pass) does not make a silence intentional', () => {
    const idx = new ReceptionIndex();
    world(idx, 38.0, 133.0, 200, 96, satellite(1.5, 12, 0.04));
    const g = gapOf(idx, 38.0, 133.0, 24, 80);
    const r = g.evidence.reception as Record<string, number>;
    expect(r.ships_present_satellite).toBeGreaterThan(80);
    expect(r.satellite_heard_share).toBeLessThan(0.1);
    expect(g.intentional).toBe(false);
  });

  it('a hole in the store (nobody reported anywhere near during the gap) never makes a gap intentional', () => {
    const idx = new ReceptionIndex();
    // Coastal coverage before hour 13 and after hour 45 only near the dark ship; elsewhere in the store
    // other ships keep reporting, so the store itself has no hole.
    world(idx, 42.5, 131.0, 10, 60, (_s, t) => (t < T0 + 13 * HOUR || t >= T0 + 45 * HOUR ? 'terrestrial' : null));
    world(idx, 35.0, 129.0, 3, 60, () => 'terrestrial');
    const g = gapOf(idx, 42.5, 131.0, 30, 60);
    const r = g.evidence.reception as Record<string, number>;
    expect(g.intentional).toBe(false);
    expect(g.evidence.store_silent_h).toBe(0);
    // The other ships' reports either side of the hole bridge it: present, heard by nobody.
    expect(r.terrestrial_heard_share).toBeLessThan(0.05); // only the hours at its edges
    expect(r.unheard_probability).toBeGreaterThan(0.1);
  });

  it('a hole in the whole store (a day missing between two capture files) never makes a gap at all', () => {
    const idx = new ReceptionIndex();
    world(idx, 42.5, 131.0, 10, 60, (_s, t) => (t < T0 + 13 * HOUR || t >= T0 + 45 * HOUR ? 'terrestrial' : null));
    const before = leg(DARK, T0 + 2 * HOUR, 66, 10, 42.5, 131.0, 0, 0.0005, 1, 90);
    const after = leg(DARK, T0 + 45 * HOUR, 7, 10, 42.55, 131.05, 0, 0.0005, 1, 90);
    for (const p of [...before, ...after]) idx.add(p.lat, p.lon, p.timeMs, false, p.mmsi);
    const d = new GapDetector({ reception: idx, shoreDistanceM: () => 60 * 1852 });
    // Silent 12:50 → 45:00: 31 of its 32 h lie in the store's 32 h hole, 1 h observed — no gap, counted.
    expect([...before, ...after].flatMap((p) => d.pushPosition(p))).toEqual([]);
    expect(d.dropped()).toEqual({ store_silent: 1 });
    expect(new GapDetector({ reception: idx, shoreDistanceM: () => 0 }, JSON.parse(JSON.stringify(d.snapshot()))).dropped()).toEqual({ store_silent: 1 });
    expect(idx.storeSilentHours(T0 + 12 * HOUR, T0 + 46 * HOUR)).toBe(32);
    // A hole is measured whole: the part of the 32 h hole inside a shorter silence counts too. (Store-wide
    // silences under minStoreHoleH, 24 h — a thin satellite feed's passes — are no holes: the thin-coverage
    // case above still has its gap.)
    expect(idx.storeSilentHours(T0 + 12 * HOUR, T0 + 30 * HOUR)).toBe(17);
  });

  it('the runner counts gaps dropped for a hole in the store, and `tumen detect` says why', async () => {
    // Eleven ships reporting every 10 min, the whole store silent from 13:00 to 45:00 (a missing file).
    const positions = Array.from({ length: 11 }, (_, s) => 200000000 + s).flatMap((mmsi, s) =>
      leg(mmsi, T0, 60 * 6, 10, 42.5 + s * 0.01, 131.0, 0, 0.0005, 1, 90).filter((p) => p.timeMs < T0 + 13 * HOUR || p.timeMs >= T0 + 45 * HOUR));
    const { events, stats } = await runPipeline(memoryInput(positions), { ports: { containsPoint: () => false, nearest: () => null } as never, types: new Set(['gap']) });
    expect(events).toEqual([]);
    expect(stats.dropped).toEqual({ gap: { store_silent: 11 } });
    expect(droppedSummary(stats.dropped)).toMatch(/^gap 11 \(store_silent: the store heard nobody/);
  });

  it("an outage of the stations that were hearing the ship explains its silence, though a neighbour hears some ships there", () => {
    const judge = (outage: boolean) => {
      const idx = new ReceptionIndex();
      const down = (t: number) => outage && t >= T0 + 14 * HOUR && t < T0 + 34 * HOUR;
      // Twelve ships drifting 25 nm off the coast, heard by S1; while S1 is down, S2 hears a third of them.
      for (let s = 0; s < 12; s++) {
        for (let t = T0; t < T0 + 60 * HOUR; t += 10 * MIN) {
          const st = down(t) ? (s % 3 === 0 ? 'S2' : null) : 'S1';
          if (st) idx.add(42.5 + (s % 4) * 0.01, 131.0 + Math.floor(s / 4) * 0.01, t, false, 200000000 + s, [st], true);
        }
      }
      const own = [...leg(DARK, T0 + 2 * HOUR, 73, 10, 42.5, 131.0, 0, 0.0005, 1, 90), ...leg(DARK, T0 + 34 * HOUR, 7, 10, 42.55, 131.05, 0, 0.0005, 1, 90)]
        .map((p) => ({ ...p, stations: ['S1'], source: 'terrestrial' as const }));
      for (const p of own) idx.add(p.lat, p.lon, p.timeMs, false, p.mmsi, p.stations, true);
      const d = new GapDetector({ reception: idx, shoreDistanceM: () => 25 * 1852 });
      return own.flatMap((p) => d.pushPosition(p))[0]!;
    };
    expect(judge(false).intentional).toBe(true);
    const g = judge(true);
    expect(g.intentional).toBe(false);
    expect((g.evidence.reception as Record<string, number>).expected_heard_hours).toBeLessThan(2);
  });

  it('keeps the hearing model across snapshot and restore', () => {
    const idx = new ReceptionIndex();
    world(idx, 38.0, 133.0, 12, 48, satellite(1.5, 12, 0.5));
    const back = ReceptionIndex.restore(JSON.parse(JSON.stringify(idx.snapshot())));
    const path = () => ({ lat: 38.0, lon: 133.0 });
    expect(back.hearing(path, T0, T0 + 30 * HOUR, false)).toEqual(idx.hearing(path, T0, T0 + 30 * HOUR, false));
    expect(idx.hearing(path, T0, T0 + 30 * HOUR, false).satellitePassHours).toBeGreaterThan(15);
  });

  it('a gap that ends in an identity handover is explained by it, with its dark port call, in either order', () => {
    const gap: TumenEvent = {
      id: 'g1', type: 'gap', mmsi: DARK, start: '2024-03-01T12:00:00.000Z', end: null, lat: 42, lon: 131, intentional: true,
      duration_h: 80, evidence: { checks: {} },
    };
    const call: TumenEvent = { ...gap, id: 'c1', type: 'dark_port_call', evidence: { gap_id: 'g1' } };
    const other: TumenEvent = { ...gap, id: 'g2', mmsi: DARK + 1 };
    const earlier: TumenEvent = { ...gap, id: 'g0', start: '2024-02-28T00:00:00.000Z', end: '2024-02-28T12:00:00.000Z' };
    const handover: TumenEvent = {
      id: 'h1', type: 'identity_change', mmsi: 273999999, start: '2024-03-01T12:00:00.000Z', end: '2024-03-01T20:00:00.000Z',
      lat: 42, lon: 131, evidence: { kind: 'mmsi_handover_inferred', old_mmsi: DARK },
    };
    const after = new GapExplainedByHandover();
    expect([earlier, gap, call, other].map((e) => after.accept(e).keep)).toEqual([true, true, true, true]);
    expect(after.accept(handover)).toEqual({ keep: true, retract: ['g1', 'c1'] });
    const before = new GapExplainedByHandover();
    expect(before.accept(handover)).toEqual({ keep: true, retract: [] });
    const restored = new GapExplainedByHandover(JSON.parse(JSON.stringify(before.snapshot())));
    expect([earlier, gap, call, other].map((e) => restored.accept(e).keep)).toEqual([true, false, false, true]);
  });
});
