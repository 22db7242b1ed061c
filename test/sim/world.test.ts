// The simulated world end to end: scripted scenarios produce their truth with the right ports and timing,
// the truth agrees with what a decoder reads back from the file, the reception model produces duplicates,
// late satellite lines and corrupt lines at the stated rates, and ships stay at sea.
import { beforeAll, describe, expect, it } from 'vitest';
import { AisDecoder } from '../../src/ais/index.js';
import { landIndex50m } from '../../src/geo/land.js';

// The simulated world is drawn on the 1:50m coast (detection on it passes the same coast).
const isOnLand = (lat: number, lon: number) => landIndex50m().isOnLand(lat, lon);
const distanceToShoreM = (lat: number, lon: number) => landIndex50m().distanceToShoreM(lat, lon);
import { EDGES, nodePoint, RENDEZVOUS_SITES } from '../../src/sim/lanes.js';
import { distanceM } from '../../src/geo/sphere.js';
import type { TumenEvent } from '../../src/events/schema.js';
import { simulate, SIM_PORTS, STATIONS, type SimResult } from '../../src/sim/index.js';
import { stationsInRange } from '../../src/sim/stations.js';
import { RECEPTION } from '../../src/sim/params.js';
import type { Glitch } from '../../src/sim/truth.js';

const H = 3_600_000;
let world: SimResult;
let lines: string[];
let events: TumenEvent[];
let glitches: Glitch[];
interface Pos { t: number; lat: number; lon: number; speed: number }
const positions = new Map<number, Pos[]>();
const statics = new Map<number, Array<{ t: number; imo: number; shipname: string; draught: number }>>();
let checksumRejects = 0;
let otherRejects = 0;
let orphanFragments = 0;
let outOfOrder = 0;
let satLines = 0;

beforeAll(() => {
  world = simulate({ seed: 1, vessels: 200, days: 7 });
  lines = [...world.lines];
  ({ events, glitches } = world.truth());
  const dec = new AisDecoder();
  let maxT = 0;
  const seen = new Set<string>();
  for (const l of lines) {
    const r = dec.decodeLine(l);
    if (l.startsWith('\\s:SAT')) satLines++;
    if (r.kind === 'reject') { if (r.reason === 'checksum') checksumRejects++; else if (r.reason === 'incomplete_multipart') orphanFragments++; else otherRejects++; continue; }
    if (r.kind !== 'message') continue;
    const t = r.meta.timeMs!;
    if (t < maxT) outOfOrder++;
    maxT = Math.max(maxT, t);
    const m = r.message as Record<string, any>;
    const key = `${m.type}|${m.mmsi}|${t}|${r.payload}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if ([1, 2, 3, 18, 19].includes(m.type)) {
      const list = positions.get(m.mmsi) ?? [];
      list.push({ t, lat: m.lat, lon: m.lon, speed: m.speed });
      positions.set(m.mmsi, list);
    } else if (m.type === 5) {
      const list = statics.get(m.mmsi) ?? [];
      list.push({ t, imo: m.imo, shipname: m.shipname, draught: m.draught });
      statics.set(m.mmsi, list);
    }
  }
  for (const l of positions.values()) l.sort((a, b) => a.t - b.t);
  for (const l of statics.values()) l.sort((a, b) => a.t - b.t);
}, 120_000);

const ofType = (type: string) => events.filter((e) => e.type === type);
const role = (r: string) => world.vessels.filter((v) => v.role === r);
const mmsiOf = (r: string) => role(r).map((v) => v.identities[0]!.mmsi);

describe('reception model', () => {
  it('corrupt lines fail their checksum at ~0.1 % and nothing else is rejected', () => {
    expect(checksumRejects).toBe(world.counts.corruptLines);
    // The other half of a type 5 whose one part was corrupted cannot be completed.
    expect(orphanFragments).toBeLessThanOrEqual(checksumRejects);
    expect(otherRejects).toBe(0);
    const rate = checksumRejects / lines.length;
    expect(rate).toBeGreaterThan(RECEPTION.corruptLineProb * 0.7);
    expect(rate).toBeLessThan(RECEPTION.corruptLineProb * 1.3);
  });
  it('duplicates: many reports are heard by two or more receivers', () => {
    expect(world.counts.duplicateReports / world.counts.positionReports).toBeGreaterThan(0.1);
    // Same sentence, different station tag.
    const bodies = new Map<string, Set<string>>();
    for (const l of lines.slice(0, 20000)) {
      const i = l.indexOf('\\!');
      const station = l.slice(3, l.indexOf(','));
      const s = bodies.get(l.slice(i + 1)) ?? new Set();
      s.add(station);
      bodies.set(l.slice(i + 1), s);
    }
    expect([...bodies.values()].filter((s) => s.size >= 2).length).toBeGreaterThan(1000);
  });
  it('satellite lines are delivered late, so file order is not time order', () => {
    expect(satLines).toBe(world.counts.satelliteLines);
    expect(satLines / lines.length).toBeGreaterThan(0.01);
    expect(outOfOrder).toBeGreaterThan(satLines * 0.9);
  });
  it('no coastal station hears the North Korean ports the scripts call at', () => {
    // (Senbong, at the Tumen mouth 48 km from Posyet, is within Russian coverage — as in reality.)
    for (const id of ['KPNJN', 'KPCHO', 'KPNAM']) {
      const p = SIM_PORTS.find((x) => x.id === id)!;
      expect(stationsInRange(p.lat, p.lon)).toEqual([]);
    }
    expect(STATIONS.some((s) => (s.country as string) === 'KP')).toBe(false);
  });
});

describe('truth agrees with the decoded file', () => {
  it('every gap ≥ 6 h in the decoded positions (glitches removed) is a truth gap, and vice versa', () => {
    const glitchKeys = new Set(glitches.map((g) => `${g.mmsi}|${Date.parse(g.time)}`));
    const shared = new Set(mmsiOf('shared_mmsi'));
    // A retired identity's final silence is explained by its handover: no gap.
    const retired = new Set(ofType('identity_change').map((e) => (e.evidence as { old_mmsi: number }).old_mmsi));
    const found = new Set<string>();
    for (const [mmsi, list] of positions) {
      if (shared.has(mmsi)) continue;
      const clean = list.filter((p) => !glitchKeys.has(`${mmsi}|${p.t}`));
      for (let i = 1; i < clean.length; i++) {
        if (clean[i]!.t - clean[i - 1]!.t >= 6 * H) found.add(`${mmsi}|${clean[i - 1]!.t}|${clean[i]!.t}`);
      }
      const last = clean[clean.length - 1]!;
      if (world.endMs - last.t >= 6 * H && !retired.has(mmsi)) found.add(`${mmsi}|${last.t}|open`);
    }
    const truthGaps = new Set(ofType('gap').filter((e) => !shared.has(e.mmsi)).map((e) => `${e.mmsi}|${Date.parse(e.start)}|${e.end === null ? 'open' : Date.parse(e.end)}`));
    expect(truthGaps.size).toBeGreaterThan(20);
    expect([...found].sort()).toEqual([...truthGaps].sort());
  });
  it('glitches are in the file 50–150 km from the track and are not events', () => {
    expect(glitches.length).toBeGreaterThan(10);
    for (const g of glitches.slice(0, 50)) {
      expect(g.jump_km).toBeGreaterThanOrEqual(49);
      expect(g.jump_km).toBeLessThanOrEqual(151);
      const hit = positions.get(g.mmsi)!.find((p) => p.t === Date.parse(g.time))!;
      expect(distanceM(hit.lat, hit.lon, g.lat, g.lon)).toBeLessThan(5);
      expect(events.some((e) => e.mmsi === g.mmsi && e.type !== 'port_visit' && e.type !== 'gap' && Math.abs(Date.parse(e.start) - Date.parse(g.time)) < 60_000)).toBe(false);
    }
  });
  it('port visits start at the first position within 3 km and contain a stop', () => {
    const visits = ofType('port_visit');
    expect(visits.length).toBeGreaterThan(200);
    for (const v of visits.slice(0, 100)) {
      const port = SIM_PORTS.find((p) => p.id === v.port!.id)!;
      const list = positions.get(v.mmsi)!;
      const first = list.find((p) => p.t === Date.parse(v.start))!;
      expect(distanceM(first.lat, first.lon, port.lat, port.lon)).toBeLessThanOrEqual(3000);
      const end = v.end === null ? Infinity : Date.parse(v.end);
      expect(list.some((p) => p.t >= Date.parse(v.start) && p.t < end && p.speed < 0.2)).toBe(true);
      if (v.end !== null) {
        const exit = list.find((p) => p.t === end)!;
        expect(distanceM(exit.lat, exit.lon, port.lat, port.lon)).toBeGreaterThan(4000);
      }
    }
  });
});

describe('scripted scenarios', () => {
  it('arms shuttles: intentional gaps hiding calls at Rajin and at Dunai/Vostochny', () => {
    for (const mmsi of mmsiOf('arms_shuttle')) {
      const calls = ofType('dark_port_call').filter((e) => e.mmsi === mmsi);
      expect(calls.map((c) => c.port!.id)).toContain('KPNJN');
      expect(calls.some((c) => c.port!.id === 'RUDUN' || c.port!.id === 'RUVYP')).toBe(true);
      for (const c of calls) {
        const gap = ofType('gap').find((g) => g.id === c.evidence.gap_id)!;
        expect(gap.intentional).toBe(true);
        if (gap.end !== null) expect(gap.duration_h!).toBeGreaterThanOrEqual(12);
        expect(Date.parse(c.start)).toBeLessThanOrEqual(Date.parse(c.evidence.port_arrival as string));
        expect(Date.parse(c.evidence.port_arrival as string)).toBeLessThan(world.endMs);
        const end = c.end === null ? world.endMs : Date.parse(c.end);
        if (c.end !== null) expect(end).toBeGreaterThanOrEqual(Date.parse(c.evidence.port_departure as string));
        // No emitted position during the port stay.
        const stay = positions.get(mmsi)!.filter((p) => p.t > Date.parse(c.start) && p.t < end);
        expect(stay).toHaveLength(0);
      }
    }
  });
  it('DPRK tankers: visible Vostochny call, dark delivery to Nampo or Chongjin, lighter after the gap', () => {
    const ports = new Set<string>();
    for (const mmsi of mmsiOf('dprk_tanker')) {
      const calls = ofType('dark_port_call').filter((e) => e.mmsi === mmsi);
      expect(calls.length).toBeGreaterThan(0);
      for (const c of calls) ports.add(c.port!.id);
      expect(calls.every((c) => c.port!.id === 'KPNAM' || c.port!.id === 'KPCHO')).toBe(true);
      const lighter = ofType('draught_change').filter((e) => e.mmsi === mmsi && e.evidence.across_gap === true);
      expect(lighter.length).toBeGreaterThan(0);
      for (const d of lighter) expect(d.after_m!).toBeLessThan(d.before_m! - 2);
    }
    expect(ports.has('KPNAM')).toBe(true);
    expect(ports.has('KPCHO')).toBe(true);
    const loadings = ofType('draught_change').filter((e) => mmsiOf('dprk_tanker').includes(e.mmsi) && e.evidence.across_gap === false);
    expect(loadings.length).toBeGreaterThan(0);
    for (const d of loadings) expect(d.after_m!).toBeGreaterThan(d.before_m! + 2);
    expect(ofType('port_visit').some((e) => mmsiOf('dprk_tanker').includes(e.mmsi) && e.port!.id === 'RUVYP')).toBe(true);
  });
  it('STS pairs: encounters 3–8 h, both ships within 500 m, ≥ 10 km from ports', () => {
    const encounters = ofType('encounter');
    expect(encounters).toHaveLength(role('sts_pair').length / 2);
    for (const e of encounters) {
      const h = (Date.parse(e.end!) - Date.parse(e.start)) / H;
      expect(h).toBeGreaterThanOrEqual(2.9);
      expect(h).toBeLessThanOrEqual(8.1);
      expect(e.other_mmsi! > e.mmsi).toBe(true);
      for (const p of SIM_PORTS) expect(distanceM(e.lat, e.lon, p.lat, p.lon)).toBeGreaterThan(10_000);
      const a = positions.get(e.mmsi)!.filter((p) => p.t >= Date.parse(e.start) && p.t <= Date.parse(e.end!));
      const b = positions.get(e.other_mmsi!)!;
      expect(a.length).toBeGreaterThan(20);
      for (const p of a) {
        const q = b.reduce((best, x) => (Math.abs(x.t - p.t) < Math.abs(best.t - p.t) ? x : best));
        if (Math.abs(q.t - p.t) > 300_000) continue;
        expect(distanceM(p.lat, p.lon, q.lat, q.lon)).toBeLessThan(500);
        expect(p.speed).toBeLessThan(2);
      }
    }
  });
  it('one-sided STS and loiterers: loitering 3–10 h, slow, the dark partner never transmits', () => {
    const loiter = ofType('loitering');
    expect(loiter.map((e) => e.evidence.partner).sort()).toEqual(['dark', 'none']);
    for (const e of loiter) {
      const inside = positions.get(e.mmsi)!.filter((p) => p.t >= Date.parse(e.start) && p.t <= Date.parse(e.end!));
      expect(inside.length).toBeGreaterThan(50);
      expect(inside.every((p) => p.speed < 2)).toBe(true);
      // GFW loitering: ≥ 20 nm from shore for the whole drift.
      for (const p of [inside[0]!, inside[inside.length - 1]!]) expect(distanceToShoreM(p.lat, p.lon)).toBeGreaterThan(20 * 1852);
    }
    for (const ghost of mmsiOf('dark_partner')) expect(positions.has(ghost)).toBe(false);
  });
  it('spoofer: a fabricated track that starts with a jump of > 100 km', () => {
    const [s] = ofType('spoofing');
    expect(s!.mmsi).toBe(mmsiOf('spoofer')[0]);
    expect(s!.evidence.jump_km as number).toBeGreaterThan(100);
    const list = positions.get(s!.mmsi)!;
    const i = list.findIndex((p) => p.t === Date.parse(s!.start));
    // It starts inside coverage: the teleport is heard within minutes.
    expect(list[i]!.t - list[i - 1]!.t).toBeLessThan(15 * 60_000);
    expect(distanceM(list[i - 1]!.lat, list[i - 1]!.lon, list[i]!.lat, list[i]!.lon)).toBeGreaterThan(100_000);
    const h = (Date.parse(s!.end!) - Date.parse(s!.start)) / H;
    expect(h).toBeGreaterThan(7);
    expect(h).toBeLessThan(16.1);
  });
  it('identity change: new MMSI with another MID, new name, same IMO', () => {
    const [e] = ofType('identity_change');
    const oldId = e!.old as Record<string, any>, newId = e!.new as Record<string, any>;
    expect(newId.imo).toBe(oldId.imo);
    expect(Math.floor(newId.mmsi / 1e6)).not.toBe(Math.floor(oldId.mmsi / 1e6));
    expect(newId.shipname).not.toBe(oldId.shipname);
    expect(statics.get(newId.mmsi)!.every((s) => s.imo === oldId.imo && s.shipname === newId.shipname)).toBe(true);
    expect(statics.get(oldId.mmsi)!.every((s) => s.imo === oldId.imo && s.shipname === oldId.shipname)).toBe(true);
    // The old MMSI falls silent for good, explained by the handover: no gap of its own (issue 8).
    expect(ofType('gap').some((g) => g.mmsi === oldId.mmsi && Date.parse(g.start) >= Date.parse(e!.start))).toBe(false);
  });
  it('shared MMSI: two ships, two IMOs, hundreds of km apart', () => {
    const [e] = ofType('shared_mmsi');
    const ms = new Set(statics.get(e!.mmsi)!.map((s) => s.imo));
    expect(ms.size).toBe(2);
    expect(e!.evidence.min_separation_km as number).toBeGreaterThan(200);
  });
  it('shuttles and tankers switch off inside coverage: heard within minutes of going dark', () => {
    let n = 0;
    for (const v of world.vessels.filter((x) => x.role === 'arms_shuttle' || x.role === 'dprk_tanker')) {
      for (const w of v.darkWindows) {
        if (w.startMs >= world.endMs - 6 * H) continue; // too close to the end to make a 6-h gap
        const gap = ofType('gap').find((g) => g.mmsi === v.identities[0]!.mmsi && Date.parse(g.start) <= w.startMs && (g.end === null || Date.parse(g.end) >= w.endMs || Date.parse(g.end) >= world.endMs));
        expect(gap, `gap for dark window of ${v.identities[0]!.mmsi}`).toBeDefined();
        expect(w.startMs - Date.parse(gap!.start)).toBeLessThan(15 * 60_000);
        n++;
      }
    }
    expect(n).toBeGreaterThan(10);
  });
  it('reception gaps exist and are not intentional', () => {
    const rx = ofType('gap').filter((g) => !g.intentional);
    expect(rx.length).toBeGreaterThan(10);
    const darkShips = new Set(world.vessels.filter((v) => v.darkWindows.length).flatMap((v) => v.identities.map((i) => i.mmsi)));
    expect(rx.filter((g) => !darkShips.has(g.mmsi)).length).toBeGreaterThan(5);
  });
});

describe('geography', () => {
  const onWater = (a: { lat: number; lon: number }, b: { lat: number; lon: number }, stepM: number): string[] => {
    const n = Math.max(1, Math.ceil(distanceM(a.lat, a.lon, b.lat, b.lon) / stepM));
    const bad: string[] = [];
    for (let i = 0; i <= n; i++) {
      const lat = a.lat + ((b.lat - a.lat) * i) / n, lon = a.lon + ((b.lon - a.lon) * i) / n;
      if (isOnLand(lat, lon) && !SIM_PORTS.some((q) => distanceM(lat, lon, q.lat, q.lon) < 3500)) bad.push(`${lat.toFixed(3)},${lon.toFixed(3)}`);
    }
    return bad;
  };
  it('every lane edge and every port approach is at sea (sampled every 500 m)', () => {
    const bad: string[] = [];
    for (const [x, y] of EDGES) bad.push(...onWater(nodePoint(x), nodePoint(y), 500).map((p) => `${x}–${y} ${p}`));
    for (const p of SIM_PORTS) {
      if (p.id === 'KPSBN') continue; // in the list for visits, never sailed to (its 1:50 m coast is 5 km off)
      const pts = [p.berth, ...p.inner, nodePoint(p.node)];
      for (let i = 1; i < pts.length; i++) bad.push(...onWater(pts[i - 1]!, pts[i]!, 100).map((q) => `${p.id} ${q}`));
      expect(distanceM(p.berth.lat, p.berth.lon, p.lat, p.lon)).toBeLessThan(2500);
    }
    expect(bad).toEqual([]);
  });
  it('rendezvous sites are ≥ 20 nm from shore, ≥ 10 km from ports and inside coastal coverage', () => {
    for (const site of RENDEZVOUS_SITES) {
      const p = nodePoint(site);
      expect(distanceToShoreM(p.lat, p.lon)).toBeGreaterThan(20 * 1852);
      for (const q of SIM_PORTS) expect(distanceM(p.lat, p.lon, q.lat, q.lon)).toBeGreaterThan(10_000);
      expect(stationsInRange(p.lat, p.lon).length).toBeGreaterThan(0);
    }
  });
  it('every true position of every ship is at sea (Natural Earth 1:50 m), except within 3.5 km of a port', () => {
    let checked = 0;
    const bad: string[] = [];
    for (const v of world.vessels) {
      for (const ph of v.phases) {
        const pts = ph.kind === 'stay' ? [ph.at] : ph.path.flatMap((a, i) => {
          if (i === 0) return [a];
          const b0 = ph.path[i - 1]!;
          const n = Math.ceil(distanceM(b0.lat, b0.lon, a.lat, a.lon) / 2000);
          return Array.from({ length: n }, (_, k) => ({ lat: b0.lat + ((a.lat - b0.lat) * (k + 1)) / n, lon: b0.lon + ((a.lon - b0.lon) * (k + 1)) / n }));
        });
        for (const p of pts) {
          checked++;
          if (!isOnLand(p.lat, p.lon)) continue;
          if (SIM_PORTS.some((q) => distanceM(p.lat, p.lon, q.lat, q.lon) < 3500)) continue;
          bad.push(`${v.role} ${p.lat.toFixed(4)},${p.lon.toFixed(4)}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(100_000);
    expect(bad.slice(0, 10)).toEqual([]);
  });
});

describe('determinism', () => {
  it('same seed → identical lines and truth; another seed → different', () => {
    const run = (seed: number) => {
      const w = simulate({ seed, vessels: 30, days: 2 });
      const ls = [...w.lines];
      return { text: ls.join('\n'), truth: JSON.stringify(w.truth()) };
    };
    const a = run(5), b = run(5), c = run(6);
    expect(a.text.length).toBeGreaterThan(10_000);
    expect(a.text).toBe(b.text);
    expect(a.truth).toBe(b.truth);
    expect(c.text).not.toBe(a.text);
  });
});
