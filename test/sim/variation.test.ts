// World variations (docs/simulator.md "World variations"): spread berths lie on water across the port's
// extent and ships wait at anchor; a random receiver layout differs per seed and its outages silence the
// station; a stationary spoofer's fabricated anchorage is heard by the stations near where the ship really
// is; slow fishing boats are never loitering truth; thin satellite coverage and saturation hear less.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AisDecoder } from '../../src/ais/index.js';
import { landIndex50m } from '../../src/geo/land.js';

import { distanceM } from '../../src/geo/sphere.js';
import type { TumenEvent } from '../../src/events/schema.js';
import { simulate, SIM_PORTS, STATIONS, UNSEEN_WORLD, type SimResult } from '../../src/sim/index.js';
import { BERTH_CATALOG } from '../../src/sim/berths-data.js';
import { PlanCursor, type TrueState } from '../../src/sim/plan.js';
import { HARBOUR, SATURATION } from '../../src/sim/params.js';
import { buildProgram } from '../../src/cli/main.js';

// The simulated world is drawn on the 1:50 m coast (detection on it is given the same coast).
const isOnLand = (lat: number, lon: number): boolean => landIndex50m().isOnLand(lat, lon);

const H = 3_600_000;

/** Terrestrial lines (tag block `s:` of a station with an outage list) and how many were heard in an outage. */
function outageHearing(stations: Array<{ id: string; outages?: Array<[number, number]> }>, lines: string[]): { heardInOutage: number; terrestrial: number } {
  const outages = new Map(stations.map((s) => [s.id, s.outages ?? []]));
  let heardInOutage = 0, terrestrial = 0;
  for (const l of lines) {
    const m = /^\\s:([A-Z0-9]+),c:(\d+)/.exec(l)!;
    const o = outages.get(m[1]!);
    if (!o) continue;
    terrestrial++;
    const t = Number(m[2]) * 1000;
    if (o.some(([a, b]) => t >= a && t < b)) heardInOutage++;
  }
  return { heardInOutage, terrestrial };
}
const state = (): TrueState => ({ lat: 0, lon: 0, sogKn: 0, cogDeg: 0, headingDeg: 0, status: 0, portId: null });

describe('the berth catalog', () => {
  it('has quays across each port (some 3–8 km out) and anchorages, all on water', () => {
    for (const p of SIM_PORTS) {
      const c = BERTH_CATALOG[p.id]!;
      expect(c.quays.length, p.id).toBeGreaterThanOrEqual(2);
      expect(c.anchorages.length, p.id).toBeGreaterThanOrEqual(1);
      const d = c.quays.map((q) => distanceM(q.at[0], q.at[1], p.lat, p.lon));
      expect(Math.max(...d), p.id).toBeGreaterThan(3000);
      expect(Math.max(...d), p.id).toBeLessThan(8100);
      for (const q of c.quays) {
        expect(isOnLand(q.at[0], q.at[1]), `${p.id} quay ${q.at}`).toBe(false);
        // "On the coast" (100–400 m off it) holds for the 1:10 m coastline the catalog was drawn from
        // (bench/sim-berths.ts); the 1:50 m land here lacks islets and river banks, so only "at sea" is checked.
      }
      for (const a of c.anchorages) expect(isOnLand(a.at[0], a.at[1])).toBe(false);
    }
  });
});

describe('an unseen world (every variation at once)', () => {
  let world: SimResult;
  let events: TumenEvent[];
  const lines: string[] = [];
  beforeAll(() => {
    world = simulate({ seed: 5, vessels: 60, days: 3, variation: UNSEEN_WORLD });
    for (const l of world.lines) lines.push(l);
    ({ events } = world.truth());
  }, 60_000);

  it('keeps every true position at sea (1:50 m land) — quays and anchorages included', () => {
    let onLand = 0, checked = 0;
    for (const v of world.vessels) {
      const c = new PlanCursor(v.phases);
      const s = state();
      for (let t = world.startMs; t < world.endMs; t += 20 * 60_000) {
        const x = c.at(t, s);
        if (!x) continue;
        checked++;
        if (isOnLand(x.lat, x.lon)) onLand++;
      }
    }
    expect(checked).toBeGreaterThan(10_000);
    expect(onLand).toBe(0);
  });

  it('berths ships across the port extent and has Class A ships wait at the outer anchorage', () => {
    const layouts = world.portLayouts!;
    expect(layouts.length).toBe(SIM_PORTS.length);
    let farStays = 0, anchorWaits = 0;
    for (const v of world.vessels) {
      for (const ph of v.phases) {
        if (ph.kind !== 'stay') continue;
        if (ph.status === 5 && ph.portId) {
          const p = SIM_PORTS.find((x) => x.id === ph.portId)!;
          if (distanceM(ph.at.lat, ph.at.lon, p.lat, p.lon) > 3000) farStays++;
        }
        if (ph.status === 1 && layouts.some((l) => distanceM(ph.at.lat, ph.at.lon, l.anchorage.at.lat, l.anchorage.at.lon) < HARBOUR.anchorSpreadM * 1.5)) anchorWaits++;
      }
    }
    expect(farStays).toBeGreaterThan(5);
    expect(anchorWaits).toBeGreaterThan(3);
    // Port visits in the truth are read against the port area, whatever the distance to the gazetteer point.
    const visits = events.filter((e) => e.type === 'port_visit');
    expect(visits.length).toBeGreaterThan(20);
    expect(visits.every((e) => (e.evidence as { entry_radius_m: number }).entry_radius_m === HARBOUR.areaEntryM)).toBe(true);
  });

  it('draws its own receivers, and a station in outage hears nothing', () => {
    const ids = world.stations.map((s) => s.id);
    expect(ids.some((id) => STATIONS.some((s) => s.id === id))).toBe(false);
    const other = simulate({ seed: 6, vessels: 5, days: 1, variation: UNSEEN_WORLD });
    expect(other.stations.map((s) => `${s.lat},${s.lon},${s.rangeNm}`)).not.toEqual(world.stations.map((s) => `${s.lat},${s.lon},${s.rangeNm}`));
    expect(world.stations.some((s) => (s.outages ?? []).length > 0)).toBe(true);
    const { heardInOutage, terrestrial } = outageHearing(world.stations, lines);
    expect(terrestrial).toBeGreaterThan(10_000);
    expect(heardInOutage).toBe(0);
  });

  it('draws a sparse network: fewer stations than a random layout, shorter ranges, every station with an outage', () => {
    for (const seed of [3, 4, 5]) {
      const random = simulate({ seed, vessels: 1, days: 2, variation: { ...UNSEEN_WORLD, receivers: 'random' } }).stations;
      const sparse = simulate({ seed, vessels: 1, days: 2, variation: { ...UNSEEN_WORLD, receivers: 'sparse' } }).stations;
      expect(sparse.length).toBeGreaterThan(0);
      expect(sparse.every((s) => s.rangeNm >= 15 && s.rangeNm <= 40 && (s.outages?.length ?? 0) >= 1)).toBe(true);
      expect(sparse.every((s) => s.hearProb! >= 0.6 && s.hearProb! <= 0.9)).toBe(true);
      expect(random.some((s) => s.rangeNm > 40)).toBe(true);
    }
  });

  it('changes a layout over time: the same stations, some down for days, commissioned or retired part-way, none heard while down', () => {
    let longDown = 0, lateOrRetired = 0;
    for (const seed of [3, 4, 5]) {
      const plain = simulate({ seed, vessels: 1, days: 4 });
      const changed = simulate({ seed, vessels: 1, days: 4, variation: { receiverChanges: true } });
      // The layout itself (ids, places, ranges) is the fixed one: only when each station is on the air differs.
      expect(changed.stations.map((s) => `${s.id},${s.lat},${s.lon},${s.rangeNm}`)).toEqual(plain.stations.map((s) => `${s.id},${s.lat},${s.lon},${s.rangeNm}`));
      expect(plain.stations.every((s) => (s.outages?.length ?? 0) === 0)).toBe(true);
      for (const s of changed.stations) {
        for (const [a, b] of s.outages ?? []) {
          expect(b).toBeGreaterThan(a);
          if (b - a >= 24 * H && a > changed.startMs && b < changed.endMs) longDown++;
          if (a === changed.startMs || b === changed.endMs) lateOrRetired++;
        }
      }
    }
    expect(longDown).toBeGreaterThan(3);
    expect(lateOrRetired).toBeGreaterThan(3);
    // Deterministic, and a station in outage hears nothing.
    const w = simulate({ seed: 4, vessels: 20, days: 2, variation: { receiverChanges: true } });
    const again = simulate({ seed: 4, vessels: 20, days: 2, variation: { receiverChanges: true } });
    expect(again.stations).toEqual(w.stations);
    const { heardInOutage, terrestrial } = outageHearing(w.stations, w.lines);
    expect(terrestrial).toBeGreaterThan(1_000);
    expect(heardInOutage).toBe(0);
  });

  it('has a stationary spoofer whose fabricated anchorage is heard by the stations near its true position', () => {
    const sp = world.vessels.find((v) => v.role === 'spoofer')!;
    expect(sp.spoofs[0]!.speedKn).toBe(0);
    const truth = events.find((e) => e.type === 'spoofing')!;
    expect(truth.mmsi).toBe(sp.identities[0]!.mmsi);
    const w = sp.spoofs[0]!;
    const dec = new AisDecoder();
    const c = new PlanCursor(sp.phases);
    const s = state();
    let heard = 0, farFromClaim = 0, trueCovered = 0;
    const rows: Array<{ t: number; lat: number; lon: number; station: string }> = [];
    for (const l of lines) {
      const r = dec.decodeLine(l);
      if (r.kind !== 'message') continue;
      const m = r.message as { type: number; mmsi: number; lat: number; lon: number };
      if (m.mmsi !== truth.mmsi || ![1, 2, 3].includes(m.type)) continue;
      const t = r.meta.timeMs!;
      if (t < w.startMs || t >= w.endMs) continue;
      rows.push({ t, lat: m.lat, lon: m.lon, station: /^\\s:([A-Z0-9]+)/.exec(l)![1]! });
    }
    rows.sort((a, b) => a.t - b.t);
    for (const row of rows) {
      heard++;
      expect(distanceM(row.lat, row.lon, w.lat0, w.lon0)).toBeLessThan(50);
      const x = c.at(row.t, s)!;
      if (distanceM(x.lat, x.lon, w.lat0, w.lon0) > 30_000) farFromClaim++;
      const st = world.stations.find((q) => q.id === row.station);
      if (st && distanceM(st.lat, st.lon, x.lat, x.lon) <= st.rangeNm * 1852) trueCovered++;
    }
    expect(new Set(rows.map((r) => r.t)).size).toBe((truth.evidence as { fabricated_positions: number }).fabricated_positions);
    expect(heard).toBeGreaterThan(0);
    expect(farFromClaim).toBeGreaterThan(0);
    // Terrestrial receptions always come from a station covering the TRUE position.
    expect(trueCovered).toBe(rows.filter((r) => !r.station.startsWith('SAT')).length);
  });

  it('has fishing boats working at 1–2 kn that are never loitering truth', () => {
    const slow = world.vessels.filter((v) => v.role === 'fishing' && v.script.some((x) => 'working_kn' in x));
    expect(slow.length).toBeGreaterThan(3);
    const mmsis = new Set(slow.map((v) => v.identities[0]!.mmsi));
    expect(events.filter((e) => e.type === 'loitering' && mmsis.has(e.mmsi))).toEqual([]);
  });

  it('has fewer satellite passes when coverage is thin', () => {
    const normal = simulate({ seed: 5, vessels: 5, days: 3 });
    expect(world.satPasses.length).toBeLessThan(normal.satPasses.length / 3);
    expect(SATURATION.capacityShipsPerCell).toBeGreaterThan(0);
  });
});

describe('tumen simulate --world / variation flags', () => {
  it('writes the variation, the drawn receivers and the port layouts into world.json; rejects bad values', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-var-'));
    const program = buildProgram();
    program.configureOutput({ writeOut: () => {}, writeErr: () => {} });
    const write = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      await program.parseAsync(['node', 'tumen', 'simulate', '--out', dir, '--vessels', '10', '--days', '1', '--world', 'unseen', '--satellite', 'none', '--receiver-changes', 'on']);
    } finally {
      process.stdout.write = write;
    }
    const w = JSON.parse(readFileSync(join(dir, 'world.json'), 'utf8'));
    expect(w.variation).toMatchObject({ berths: 'spread', receivers: 'random', receiverChanges: true, satellite: 'none', saturation: true, evaders: 'varied' });
    expect(w.parameters.RECEIVER_CHANGES.longOutageH).toEqual([24, 72]);
    expect(w.satellite_passes).toBe(0);
    expect(w.ports[0].quays.length).toBeGreaterThanOrEqual(2);
    expect(w.stations[0].id).toMatch(/^(RU|KR|JP|CN)R\d\d$/);
    const bad = buildProgram();
    bad.configureOutput({ writeOut: () => {}, writeErr: () => {} });
    await expect(bad.parseAsync(['node', 'tumen', 'simulate', '--out', dir, '--berths', 'wide'])).rejects.toThrow(/--berths must be one of point, spread/);
    await expect(buildProgram().configureOutput({ writeOut: () => {}, writeErr: () => {} }).parseAsync(['node', 'tumen', 'simulate', '--out', dir, '--world', 'mars'])).rejects.toThrow(/--world must be one of classic, unseen/);
    await expect(buildProgram().configureOutput({ writeOut: () => {}, writeErr: () => {} }).parseAsync(['node', 'tumen', 'simulate', '--out', dir, '--receiver-changes', 'maybe'])).rejects.toThrow(/--receiver-changes must be one of off, on/);
  }, 60_000);
});

void H;
