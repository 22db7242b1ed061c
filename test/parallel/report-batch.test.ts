import { describe, expect, it } from 'vitest';
import { ReportBatchReader, ReportBatchWriter } from '../../src/parallel/report-batch.js';
import type { Position } from '../../src/tracks/position.js';
import type { StaticReport } from '../../src/detectors/detector.js';

const shared = Object.freeze(['S1', 'S2']);
const positions: Position[] = [
  { mmsi: 273000002, timeMs: 1_000, lat: 42.5, lon: 131.25, speedKn: 12.3, courseDeg: 0, headingDeg: 511 - 1, status: 0, source: 'terrestrial', stations: shared },
  { mmsi: 273000004, timeMs: 2_000, lat: Number.NaN, lon: -180, speedKn: null, courseDeg: null, headingDeg: null, status: null, source: 'satellite', stations: null },
  { mmsi: 273000002, timeMs: 3_000, lat: -0.1, lon: 0.2, speedKn: 0.1, courseDeg: 359.9, headingDeg: 0, status: 15 },
  { mmsi: 999999999, timeMs: 4_000, lat: 1, lon: 2, speedKn: 102.2, courseDeg: 1, headingDeg: 2, status: 5, source: null, stations: ['S2', 'S1'] },
  { mmsi: 273000004, timeMs: 5_000, lat: 1, lon: 2, speedKn: 3, courseDeg: 4, headingDeg: 5, status: 1, source: 'terrestrial', stations: ['S1', 'S2'] },
];
const st = (mmsi: number, timeMs: number): StaticReport => ({ mmsi, timeMs, imo: null, shipname: 'A', callsign: null, shiptype: 70, draughtM: 6.1, destination: null, lengthM: null, beamM: null });

type Report = { p: Position } | { s: StaticReport };

function roundTrip(reports: Report[], cuts: number[]): Report[] {
  const writer = new ReportBatchWriter(2); // grows past its first capacity
  const reader = new ReportBatchReader();
  const out: Report[] = [];
  const sink = { pushPosition: (p: Position) => out.push({ p }), pushStatic: (s: StaticReport) => out.push({ s }) };
  reports.forEach((r, i) => {
    if (cuts.includes(i)) reader.replay(structuredClone(writer.take()), sink);
    if ('p' in r) writer.pushPosition(r.p);
    else writer.pushStatic(r.s);
  });
  reader.replay(structuredClone(writer.take()), sink);
  return out;
}

describe('report batches for detection threads', () => {
  const reports: Report[] = [{ s: st(1, 0) }, { p: positions[0]! }, { p: positions[1]! }, { s: st(2, 2_000) }, { s: st(3, 2_000) }, { p: positions[2]! }, { p: positions[3]! }, { p: positions[4]! }, { s: st(4, 9_000) }];

  it('gives back every report, field for field and in order, across batches (nulls, absent source and stations, NaN)', () => {
    const out = roundTrip(reports, [2, 6]);
    expect(out).toStrictEqual(reports);
  });

  it('hands each distinct station list to the detectors as one array, its names as one string each', () => {
    const out = roundTrip(reports, [6]).flatMap((r) => ('p' in r && r.p.stations ? [r.p.stations] : []));
    expect(out.map((l) => l.join(','))).toEqual(['S1,S2', 'S2,S1', 'S1,S2']);
    expect(out[2]).toBe(out[0]); // same list sent in a later batch: the same array
    expect(Object.isFrozen(out[1])).toBe(true);
  });
});
