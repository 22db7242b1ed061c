import { describe, expect, it } from 'vitest';
import { darkPortCallFromGap } from '../../src/detectors/dark-port-call.js';
import type { TumenEvent } from '../../src/events/schema.js';
import { bearingDeg } from '../../src/geo/sphere.js';
import { DARK_PORT_CALL_PARAMS } from '../../src/detectors/params.js';

const RAJIN = { lat: 42.2333, lon: 130.3 };
const CHONGJIN = { lat: 41.7667, lon: 129.8167 };

function gap(over: Partial<TumenEvent> & { ev?: Record<string, unknown> }): TumenEvent {
  const { ev, ...rest } = over;
  return {
    id: 'gap-x', type: 'gap', mmsi: 273000001, start: '2024-03-01T12:00:00.000Z', end: '2024-03-03T00:00:00.000Z',
    lat: 42.6, lon: 131.6, intentional: true, duration_h: 36, evidence: { end_lat: 42.62, end_lon: 131.62, ...ev }, ...rest,
  };
}

describe('dark_port_call', () => {
  it('an arms shuttle heading for Rajin when it went dark and back when it reappeared: Rajin first', () => {
    const start = { lat: 42.6, lon: 131.6 }, end = { lat: 42.62, lon: 131.62 };
    const call = darkPortCallFromGap(gap({ ev: {
      course_before_deg: bearingDeg(start.lat, start.lon, RAJIN.lat, RAJIN.lon),
      course_after_deg: bearingDeg(RAJIN.lat, RAJIN.lon, end.lat, end.lon),
    } }))!;
    expect(call).toMatchObject({
      type: 'dark_port_call', mmsi: 273000001, start: '2024-03-01T12:00:00.000Z', end: '2024-03-03T00:00:00.000Z',
      port: { id: 'KPNJN', name: 'Najin/Rajin', country: 'KP' }, duration_h: 36,
    });
    // Senbong lies 14 km from Rajin on the same bearing: the geometry barely separates them, the port
    // prior (portPrior) does; Senbong stays a candidate.
    expect(call.candidates!.map((c) => c.id)).toContain('KPSBN');
    // Ports behind the ship (Vostochny, to the east) rank below every port ahead of it.
    const ids = call.candidates!.map((c) => c.id);
    expect(ids.indexOf('RUVYP')).toBeGreaterThan(ids.indexOf('KPSBN'));
    expect(call.candidates!.length).toBeGreaterThan(2);
    // Scores are ranked descending and every candidate is feasible.
    const scores = call.candidates!.map((c) => c.score as number);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const c of call.candidates!) expect(c.feasibility).toBeGreaterThanOrEqual(0);
  });

  it('a tanker reappearing off Chongjin: Chongjin (smallest detour) first', () => {
    const start = { lat: 42.5, lon: 132.8 }, end = { lat: 41.6, lon: 130.1 };
    const call = darkPortCallFromGap(gap({ lat: start.lat, lon: start.lon, ev: {
      end_lat: end.lat, end_lon: end.lon,
      course_before_deg: bearingDeg(start.lat, start.lon, CHONGJIN.lat, CHONGJIN.lon),
      course_after_deg: bearingDeg(CHONGJIN.lat, CHONGJIN.lon, end.lat, end.lon),
    } }))!;
    expect(call.port!.id).toBe('KPCHO');
  });

  it('measures to the port\'s learned area: berths 8 km from the gazetteer point make a tight call feasible', () => {
    // 12 h dark 131 km south-east of Vostochny's learned berths (139 km from its gazetteer point): at 18 kn
    // the round trip leaves 4.1 h alongside via the berths, 3.7 h (under minPortStayH, 4 h) via the point.
    const tight = gap({ lat: 41.866, lon: 134.286, duration_h: 12, ev: { end_lat: 41.866, end_lon: 134.286 } });
    expect(darkPortCallFromGap(tight)).toBeNull();
    const areas = { areaPoints: (id: string) => (id === 'RUVYP' ? [{ lat: 42.75, lon: 133.0833, cell: false }, { lat: 42.7, lon: 133.15, cell: true }] : []) };
    const call = darkPortCallFromGap(tight, DARK_PORT_CALL_PARAMS, undefined, areas)!;
    expect(call.port!.id).toBe('RUVYP');
    expect(call.candidates).toHaveLength(1);
    expect(call.candidates![0]).toMatchObject({ id: 'RUVYP', area: 'learned' });
    expect(call.candidates![0]!.max_stay_h as number).toBeGreaterThan(4);
    expect(call.candidates![0]!.max_stay_h as number).toBeLessThan(4.3);
  });

  it('no call when the gap is not intentional, too short, or no watched port is reachable in time', () => {
    expect(darkPortCallFromGap(gap({ intentional: false }))).toBeNull();
    expect(darkPortCallFromGap(gap({ duration_h: 8 }))).toBeNull();
    // 13 h gap in the Korea Strait: every watched port is > 4 h stay + round trip away at 18 kn.
    expect(darkPortCallFromGap(gap({ lat: 34.0, lon: 128.5, duration_h: 13, ev: { end_lat: 34.05, end_lon: 128.55 } }))).toBeNull();
  });

  it('open gaps: no call by default; with fromOpenGaps only for a port nearly dead ahead', () => {
    const start = { lat: 42.6, lon: 131.6 };
    const open = gap({ end: null, duration_h: 30, ev: { end_lat: undefined, end_lon: undefined, course_before_deg: bearingDeg(start.lat, start.lon, RAJIN.lat, RAJIN.lon) } });
    expect(darkPortCallFromGap(open)).toBeNull();
    const params = { ...DARK_PORT_CALL_PARAMS, fromOpenGaps: true };
    expect(darkPortCallFromGap(open, params)).toMatchObject({ end: null, port: { id: 'KPNJN' } });
    const away = gap({ end: null, duration_h: 30, ev: { end_lat: undefined, end_lon: undefined, course_before_deg: 0 } }); // due north: no watched port ahead
    expect(darkPortCallFromGap(away, params)).toBeNull();
  });

  it('same gap → same id', () => {
    expect(darkPortCallFromGap(gap({}))!.id).toBe(darkPortCallFromGap(gap({}))!.id);
  });
});
