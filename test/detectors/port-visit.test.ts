import { describe, expect, it } from 'vitest';
import { PortVisitDetector } from '../../src/detectors/port-visit.js';
import { PortIndex, type Port } from '../../src/reference/wpi.js';
import { destination } from '../../src/geo/sphere.js';
import type { TumenEvent } from '../../src/events/schema.js';
import type { Position } from '../../src/tracks/position.js';
import { HOUR, MIN, T0, pos } from './helpers.js';

const PORT: Port = { id: 'RUVYP', name: 'Vostochny', country: 'RU', lat: 42.75, lon: 133.0833, size: 'POI', source: 'test' };
const ports = new PortIndex([PORT]);
const M = 445000001;

/** A point `km` km from the port due west. */
const west = (km: number) => destination(PORT.lat, PORT.lon, 270, km * 1000);

function approachStayLeave(stayH: number, stopSpeed = 0.1): Position[] {
  const pts: Position[] = [];
  let t = T0;
  for (let km = 10; km >= 1; km -= 1) { const p = west(km); pts.push(pos(M, t, p.lat, p.lon, 8)); t += 6 * MIN; }
  const berth = west(1);
  for (let i = 0; i < (stayH * 60) / 6; i++) { pts.push(pos(M, t, berth.lat, berth.lon, stopSpeed)); t += 6 * MIN; }
  for (let km = 1.5; km <= 10; km += 1) { const p = west(km); pts.push(pos(M, t, p.lat, p.lon, 8)); t += 6 * MIN; }
  return pts;
}

function run(d: PortVisitDetector, pts: Position[]): TumenEvent[] {
  const out: TumenEvent[] = [];
  for (const p of pts) out.push(...d.pushPosition(p));
  out.push(...d.flush());
  return out;
}

describe('port_visit detector', () => {
  it('entry at 3 km, exit beyond 4 km, stop seen: confidence 4 with exact times', () => {
    const pts = approachStayLeave(10);
    const ev = run(new PortVisitDetector({ ports }), pts);
    expect(ev).toHaveLength(1);
    // first point within 3 km: the 2 km approach point (the one at 3 km lies a hair outside)
    const entry = pts.find((p) => Math.abs(p.lon - west(2).lon) < 1e-9)!;
    const exit = pts.find((p) => Math.abs(p.lon - west(4.5).lon) < 1e-9)!;
    expect(ev[0]).toMatchObject({
      type: 'port_visit', mmsi: M, lat: PORT.lat, lon: PORT.lon, port: { id: 'RUVYP', name: 'Vostochny', country: 'RU' },
      start: new Date(entry.timeMs).toISOString(), end: new Date(exit.timeMs).toISOString(),
      evidence: { confidence: 4, entry_seen: true, exit_seen: true, stop_seen: true, port_gap_seen: false, stopped_h: 10 },
    });
  });

  it('hysteresis: drifting between 3 and 4 km does not end the visit', () => {
    const pts = approachStayLeave(2);
    const wobble = west(3.6);
    const i = pts.findIndex((p) => p.speedKn === 0.1) + 5;
    pts[i] = { ...pts[i]!, lat: wobble.lat, lon: wobble.lon };
    expect(run(new PortVisitDetector({ ports }), pts)).toHaveLength(1);
  });

  it('a transit without a stop is not a visit; a port gap counts instead of a stop', () => {
    expect(run(new PortVisitDetector({ ports }), approachStayLeave(2, 3))).toHaveLength(0);
    const pts = approachStayLeave(2, 3);
    const k = pts.findIndex((p) => p.speedKn === 3) + 3;
    for (let j = k; j < pts.length; j++) pts[j] = { ...pts[j]!, timeMs: pts[j]!.timeMs + 5 * HOUR };
    const ev = run(new PortVisitDetector({ ports }), pts);
    expect(ev).toHaveLength(1);
    expect(ev[0]!.evidence).toMatchObject({ confidence: 4, stop_seen: false, port_gap_seen: true });
  });

  it('starting inside the port and never leaving: open visit, confidence 2', () => {
    const berth = west(1);
    const pts = Array.from({ length: 20 }, (_, i) => pos(M, T0 + i * 6 * MIN, berth.lat, berth.lon, 0));
    const ev = run(new PortVisitDetector({ ports }), pts);
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ start: new Date(T0).toISOString(), end: null, evidence: { confidence: 2, entry_seen: false, exit_seen: false } });
  });

  it('snapshot/restore mid-visit gives the same events', () => {
    const pts = approachStayLeave(5);
    const whole = run(new PortVisitDetector({ ports }), pts);
    const a = new PortVisitDetector({ ports });
    const out: TumenEvent[] = [];
    for (const p of pts.slice(0, 40)) out.push(...a.pushPosition(p));
    const b = new PortVisitDetector({ ports }, JSON.parse(JSON.stringify(a.snapshot())));
    for (const p of pts.slice(40)) out.push(...b.pushPosition(p));
    out.push(...b.flush());
    expect(out).toEqual(whole);
  });
});
