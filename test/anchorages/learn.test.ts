import { describe, expect, it } from 'vitest';
import { learnAnchorages } from '../../src/anchorages/learn.js';
import { PortAreas } from '../../src/anchorages/areas.js';
import { scaledThresholds } from '../../src/anchorages/params.js';
import { StationaryTracker, type Stop } from '../../src/anchorages/stationary.js';
import { PortVisitDetector } from '../../src/detectors/port-visit.js';
import { PortIndex, type Port } from '../../src/reference/wpi.js';
import { destination } from '../../src/geo/sphere.js';
import type { TumenEvent } from '../../src/events/schema.js';
import type { Position } from '../../src/tracks/position.js';
import { HOUR, MIN, T0, track } from '../detectors/build2.js';

const VOSTOCHNY: Port = { id: 'RUVYP', name: 'Vostochny', country: 'RU', lat: 42.75, lon: 133.0833, size: 'POI', role: 'oil_terminal', source: 'test' };
const NAKHODKA: Port = { id: 'RUNJK', name: 'Nakhodka', country: 'RU', lat: 42.8, lon: 132.8833, size: 'POI', role: 'rfe_port', source: 'test' };
const GAZETTEER = [VOSTOCHNY, NAKHODKA];
// A berth 5.6 km south-east of the WPI point (outside GFW's 3 km entry radius and 4 km label radius).
const BERTH = destination(VOSTOCHNY.lat, VOSTOCHNY.lon, 135, 5600);
const OFFSHORE = destination(VOSTOCHNY.lat, VOSTOCHNY.lon, 180, 60_000);

/** Ships: 10-min positions, sailing in at 10 kn, `stayH` hours at `at` (speed 0), sailing out. */
function call(mmsi: number, at: { lat: number; lon: number }, fromMs: number, stayH: number): Position[] {
  const inbound = track(mmsi, fromMs, fromMs + 2 * HOUR - 10 * MIN, 10 * MIN, (t) => {
    const p = destination(at.lat, at.lon, 180, ((fromMs + 2 * HOUR - t) / HOUR) * 10 * 1852);
    return { ...p, speedKn: 10 };
  });
  const stay = track(mmsi, fromMs + 2 * HOUR, fromMs + (2 + stayH) * HOUR, 10 * MIN, () => ({ ...at, speedKn: 0 }));
  const out = track(mmsi, fromMs + (2 + stayH) * HOUR + 10 * MIN, fromMs + (4 + stayH) * HOUR, 10 * MIN, (t) => {
    const p = destination(at.lat, at.lon, 180, ((t - fromMs - (2 + stayH) * HOUR) / HOUR) * 10 * 1852);
    return { ...p, speedKn: 10 };
  });
  return [...inbound, ...stay, ...out];
}

function stopsOf(tracks: Position[][]): Stop[] {
  const stops: Stop[] = [];
  for (const t of tracks) {
    const tr = new StationaryTracker(t[0]!.mmsi, 500, 30 * MIN, 3, (s) => stops.push(s));
    for (const p of t) tr.push(p.lat, p.lon, p.timeMs);
    tr.finish();
  }
  return stops;
}

describe('anchorages learned from stops', () => {
  it('scales GFW thresholds with the span of the data', () => {
    expect(scaledThresholds(3)).toEqual({ minStationaryMin: 30, minVessels: 2 });
    expect(scaledThresholds(90)).toEqual({ minStationaryMin: 178, minVessels: 5 });
    expect(scaledThresholds(365)).toEqual({ minStationaryMin: 720, minVessels: 20 });
    expect(scaledThresholds(3650)).toEqual({ minStationaryMin: 720, minVessels: 20 });
  });

  it('learns a berth 5.6 km from the WPI point, names it, and a port visit is found there', () => {
    const tracks = [call(1, BERTH, T0, 12), call(2, BERTH, T0 + 20 * HOUR, 8), call(3, OFFSHORE, T0, 10), call(4, OFFSHORE, T0 + 30 * HOUR, 6), call(5, destination(OFFSHORE.lat, OFFSHORE.lon, 90, 30_000), T0, 10)];
    const res = learnAnchorages(stopsOf(tracks), 3, GAZETTEER);
    expect(res.thresholds).toEqual({ minStationaryMin: 30, minVessels: 2, spanDays: 3 });
    expect(res.stopsUsed).toBe(5);
    // The berth (Vostochny, label 5.6 km), the offshore anchorage two ships used; the lone ship's stop far
    // from any port is not an anchorage.
    expect(res.anchorages.map((a) => [a.id.replace(/\d+\.\d+/g, 'x'), a.name, a.vessels, a.labelled, a.labelDistanceM])).toEqual([
      ['ANCH-x-x', 'anchorage 42.210, 133.083', 2, false, null],
      ['RUVYP', 'Vostochny', 2, true, expect.closeTo(5600, -2)],
    ]);
    const areas = new PortAreas(res.anchorages, GAZETTEER);
    expect(areas.containsPoint(BERTH.lat, BERTH.lon)).toBe(true);
    expect(areas.containsPoint(destination(BERTH.lat, BERTH.lon, 45, 2000).lat, destination(BERTH.lat, BERTH.lon, 45, 2000).lon)).toBe(false);
    // A later call at the berth: a visit to Vostochny against the learned area, none against the bare point.
    const later = call(9, BERTH, T0 + 60 * HOUR, 10);
    expect(runVisits(new PortVisitDetector({ ports: areas }), later).map((e) => [e.port?.id, e.evidence.confidence, e.duration_h])).toEqual([['RUVYP', 4, expect.closeTo(10.5, 0)]]);
    expect(runVisits(new PortVisitDetector({ ports: new PortIndex(GAZETTEER) }), later)).toEqual([]);
  });

  it('a one-position visit is confidence 1', () => {
    const areas = new PortAreas([], GAZETTEER);
    const one: Position[] = [{ mmsi: 7, timeMs: T0, lat: VOSTOCHNY.lat, lon: VOSTOCHNY.lon, speedKn: 0, courseDeg: null, headingDeg: null, status: null }];
    expect(runVisits(new PortVisitDetector({ ports: areas }), one).map((e) => [e.evidence.confidence, e.evidence.one_position, e.duration_h])).toEqual([[1, true, 0]]);
  });
});

function runVisits(d: PortVisitDetector, pts: Position[]): TumenEvent[] {
  const out: TumenEvent[] = [];
  for (const p of pts) out.push(...d.pushPosition(p));
  return [...out, ...d.flush()];
}
