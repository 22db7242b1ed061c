import { describe, expect, it } from 'vitest';
import type { StaticReport } from '../../src/detectors/detector.js';
import { createIdentityChangeDetector, type IdentityChangeDetector, type IdentityChangeState, normaliseText, restoreIdentityChangeDetector } from '../../src/detectors/identity-change.js';
import type { TumenEvent } from '../../src/events/schema.js';
import type { Position } from '../../src/tracks/position.js';
import { HOUR, MIN, staticReport, T0, track } from './build2.js';

type Input = { p: Position } | { s: StaticReport };

function run(inputs: Input[], det: IdentityChangeDetector = createIdentityChangeDetector()): TumenEvent[] {
  const out: TumenEvent[] = [];
  for (const i of inputs) out.push(...('p' in i ? det.pushPosition(i.p) : det.pushStatic(i.s)));
  return [...out, ...det.flush()];
}

/** Positions every 10 min and a static report every 30 min, merged in time order. */
function vessel(mmsi: number, fromMs: number, toMs: number, at: { lat: number; lon: number }, fields: (t: number) => Partial<StaticReport>): Input[] {
  const pos: Input[] = track(mmsi, fromMs, toMs, 10 * MIN, () => ({ ...at, speedKn: 10 })).map((p) => ({ p }));
  const st: Input[] = [];
  for (let t = fromMs + MIN; t <= toMs; t += 30 * MIN) st.push({ s: staticReport(mmsi, t, fields(t)) });
  return [...pos, ...st].sort((a, b) => time(a) - time(b));
}
const time = (i: Input) => ('p' in i ? i.p.timeMs : i.s.timeMs);

describe('identity_change', () => {
  it('normalises trivia: case, @ padding, repeated spaces', () => {
    expect(normaliseText('chon  ma san@@@@@')).toBe('CHON MA SAN');
    expect(normaliseText('@@@@')).toBeNull();
    // clean text comes back as it is; anything else goes through the rewrites
    expect(normaliseText('CHON MA SAN')).toBe('CHON MA SAN');
    expect(normaliseText('Chon Ma San')).toBe('CHON MA SAN');
    expect(normaliseText('CHON\tMA SAN ')).toBe('CHON MA SAN');
    expect(normaliseText(' ')).toBeNull();
    const names = ['CHON MA SAN', 'chon ma san', 'CHON MA SAN@@@@@@@', ' CHON  MA SAN '];
    const events = run(vessel(445_000_001, T0, T0 + 24 * HOUR, { lat: 40, lon: 131 }, (t) => ({ shipname: names[(t / (30 * MIN)) % 4 | 0]!, imo: 8405270 })));
    expect(events).toEqual([]);
  });

  it('reports a name and call-sign change on one MMSI once the hold-off has passed', () => {
    const change = T0 + 6 * HOUR + MIN; // the first report with the new name (a static report time)
    const events = run(vessel(445_000_001, T0, T0 + 30 * HOUR, { lat: 40, lon: 131 }, (t) =>
      t < change ? { shipname: 'KUM JIN GANG 3', callsign: 'HMXA', imo: 8405270 } : { shipname: 'BONA FIDE', callsign: 'T8AB', imo: 8405270 }));
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect(e).toMatchObject({
      type: 'identity_change', mmsi: 445_000_001,
      start: '2024-05-01T05:31:00.000Z', end: '2024-05-01T06:01:00.000Z', lat: 40, lon: 131,
      old: { shipname: 'KUM JIN GANG 3', callsign: 'HMXA', flag: 'KP', imo: 8405270, mmsi: 445_000_001 },
      new: { shipname: 'BONA FIDE', callsign: 'T8AB', flag: 'KP', imo: 8405270, mmsi: 445_000_001 },
      evidence: { kind: 'static_change', fields: ['shipname', 'callsign'] },
    });
  });

  it('does not report two ships alternating on one MMSI (their names flip-flop)', () => {
    const events = run(vessel(273_000_007, T0, T0 + 48 * HOUR, { lat: 42, lon: 133 }, (t) =>
      Math.floor(t / (90 * MIN)) % 2 ? { shipname: 'ALPHA', imo: 9187629 } : { shipname: 'BRAVO', imo: 9187655 }));
    expect(events).toEqual([]);
  });

  it('reports an MMSI change for one IMO: new MMSI, new flag, new name, with the dark interval', () => {
    const oldM = 445_000_001, newM = 273_000_009;
    const before = vessel(oldM, T0, T0 + 5 * HOUR, { lat: 41, lon: 131 }, () => ({ shipname: 'HWANG GUM SAN 2', callsign: 'HMAA', imo: 8405270 }));
    const after = vessel(newM, T0 + 30 * HOUR, T0 + 36 * HOUR, { lat: 40, lon: 132 }, () => ({ shipname: 'SEA STAR', callsign: 'UBCD', imo: 8405270 }));
    const events = run([...before, ...after]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'identity_change', mmsi: newM, start: '2024-05-01T05:00:00.000Z', end: '2024-05-02T06:00:00.000Z', lat: 40, lon: 132,
      old: { mmsi: oldM, shipname: 'HWANG GUM SAN 2', callsign: 'HMAA', flag: 'KP', imo: 8405270 },
      new: { mmsi: newM, shipname: 'SEA STAR', callsign: 'UBCD', flag: 'RU', imo: 8405270 },
      evidence: { kind: 'mmsi_change', old_mmsi: oldM, silent_h: 25, fields: ['mmsi', 'shipname', 'callsign', 'flag'] },
    });
  });

  it('infers an MMSI handover at the end of the data when the new MMSI never broadcast its IMO', () => {
    const oldM = 445_000_001, newM = 671_000_002;
    const before = vessel(oldM, T0, T0 + 30 * HOUR, { lat: 41, lon: 131 }, () => ({ shipname: 'HWANG GUM SAN 2', imo: 8405270 }));
    // 20 h dark, then 5 positions 60 nm away (3 kn needed) and no static report at all.
    const after: Input[] = track(newM, T0 + 50 * HOUR, T0 + 54 * HOUR, HOUR, () => ({ lat: 42, lon: 131 })).map((p) => ({ p }));
    // Another ship heard nearby throughout: the silence is the ship's, not a hole in the coverage.
    const other = vessel(273_000_003, T0, T0 + 54 * HOUR, { lat: 41.5, lon: 131.5 }, () => ({ shipname: 'BACKGROUND' }));
    const events = run([...before, ...after, ...other].sort((a, b) => time(a) - time(b)));
    expect(events.map((e) => [e.mmsi, e.evidence.kind, e.evidence.old_mmsi, e.start, e.end, e.lat, e.evidence.confidence])).toEqual([
      [newM, 'mmsi_handover_inferred', oldM, '2024-05-02T06:00:00.000Z', '2024-05-03T02:00:00.000Z', 42, 2],
    ]);
    expect(events[0]!.old).toMatchObject({ mmsi: oldM, shipname: 'HWANG GUM SAN 2', flag: 'KP', imo: 8405270 });
    expect(events[0]!.evidence.required_speed_kn).toBeCloseTo(3, 1);
    // If the old MMSI comes back, or the new one is too far to reach, there is no handover.
    const back = vessel(oldM, T0 + 53 * HOUR, T0 + 54 * HOUR, { lat: 41, lon: 131 }, () => ({}));
    expect(run([...before, ...after, ...back].sort((a, b) => time(a) - time(b)))).toEqual([]);
    const far = track(newM, T0 + 50 * HOUR, T0 + 54 * HOUR, HOUR, () => ({ lat: 35, lon: 124 })).map((p) => ({ p }));
    expect(run([...before, ...far].sort((a, b) => time(a) - time(b)))).toEqual([]);
  });

  it('infers no handover across a coverage hole, nor between ships broadcasting different names; says its confidence', () => {
    const oldM = 445_000_001, newM = 671_000_002;
    const before = vessel(oldM, T0, T0 + 30 * HOUR, { lat: 41, lon: 131 }, () => ({ shipname: 'HWANG GUM SAN 2', callsign: 'HMAA' }));
    const after = (fields: Partial<StaticReport>) => vessel(newM, T0 + 50 * HOUR, T0 + 54 * HOUR, { lat: 42, lon: 131 }, () => fields);
    const nearby = (from: number, to: number) => vessel(273_000_003, from, to, { lat: 41.5, lon: 131.5 }, () => ({ shipname: 'BACKGROUND' }));
    const sorted = (xs: Input[]) => xs.sort((a, b) => time(a) - time(b));
    // Same call sign carried over, others heard throughout: confidence 3.
    const good = run(sorted([...before, ...after({ callsign: 'HMAA' }), ...nearby(T0, T0 + 54 * HOUR)]));
    expect(good.map((e) => [e.evidence.kind, e.evidence.confidence, e.evidence.coverage_hole_h])).toEqual([['mmsi_handover_inferred', 3, 0]]);
    // A hole between two capture files: nobody heard near either end from 32 h to 48 h.
    const holed = [...nearby(T0, T0 + 32 * HOUR), ...nearby(T0 + 48 * HOUR, T0 + 54 * HOUR)];
    expect(run(sorted([...before, ...after({ callsign: 'HMAA' }), ...holed]))).toEqual([]);
    // A yacht with another name and call sign is not the ferry that fell silent.
    expect(run(sorted([...before, ...after({ shipname: 'LADY ANNE', callsign: 'MXYZ' }), ...nearby(T0, T0 + 54 * HOUR)]))).toEqual([]);
    // An old MMSI glimpsed 9 times (below handoverMinOldPositions 10) had no track to end; 10 times is one.
    const glimpse = (n: number) => track(oldM, T0 + 30 * HOUR - (n - 1) * 10 * MIN, T0 + 30 * HOUR, 10 * MIN, () => ({ lat: 41, lon: 131 })).map((p) => ({ p }) as Input);
    expect(glimpse(9)).toHaveLength(9);
    expect(run(sorted([...glimpse(9), ...after({}), ...nearby(T0, T0 + 54 * HOUR)]))).toEqual([]);
    expect(run(sorted([...glimpse(10), ...after({}), ...nearby(T0, T0 + 54 * HOUR)])).map((e) => [e.evidence.kind, e.evidence.old_mmsi])).toEqual([['mmsi_handover_inferred', oldM]]);
  });

  it('takes "not available" IMOs for absent, never as findings or claims', () => {
    for (const imo of [0, 1073741823, 999999999, 1234567, 9999999]) {
      expect(run(vessel(273_000_009, T0, T0 + 5 * HOUR, { lat: 40, lon: 132 }, () => ({ imo }))), String(imo)).toEqual([]);
    }
  });

  it('does not make a change of one garbled static report; skips reserved ship types and garbled names', () => {
    const garbledAt = T0 + 3 * HOUR + MIN;
    const det = createIdentityChangeDetector();
    const input = vessel(445_000_001, T0, T0 + 24 * HOUR, { lat: 40, lon: 131 }, (t) =>
      t === garbledAt ? { shipname: 'KUM JIN GANG 8', callsign: 'HMXA', shiptype: 80 } : { shipname: 'KUM JIN GANG 3', callsign: 'HMXA', shiptype: 80 });
    input.push({ s: staticReport(445_000_001, T0 + 5 * HOUR + 2 * MIN, { shipname: 'K#8?>=GANG', callsign: 'H!XA', shiptype: 3 }) });
    expect(run(input.sort((a, b) => time(a) - time(b)), det)).toEqual([]);
    expect(det.rejectCounts).toEqual({ single_report_value: 1, reserved_shiptype: 1 });
  });

  it('does not call two ships transmitting one IMO at the same time an MMSI change', () => {
    const a = vessel(445_000_001, T0, T0 + 10 * HOUR, { lat: 41, lon: 131 }, () => ({ imo: 8405270 }));
    const b = vessel(273_000_009, T0 + 2 * HOUR, T0 + 10 * HOUR, { lat: 40, lon: 132 }, () => ({ imo: 8405270 }));
    expect(run([...a, ...b].sort((x, y) => time(x) - time(y)))).toEqual([]);
  });

  it('reports an invalid IMO check digit once per MMSI and IMO, and an unallocated MID once per MMSI', () => {
    const bad = vessel(273_000_009, T0, T0 + 5 * HOUR, { lat: 40, lon: 132 }, () => ({ imo: 8405271 }));
    const events = run(bad);
    expect(events.map((e) => [e.evidence.kind, e.start, e.lat])).toEqual([['invalid_imo', '2024-05-01T00:01:00.000Z', 40]]);
    const unallocated = run(vessel(200_000_001, T0, T0 + 2 * HOUR, { lat: 40, lon: 132 }, () => ({ imo: 8405270 })));
    expect(unallocated.map((e) => [e.mmsi, e.evidence.kind, e.evidence.mid, e.start])).toEqual([[200_000_001, 'mid_unallocated', 200, '2024-05-01T00:00:00.000Z']]);
  });

  it('snapshot and restore mid-stream give the same events as an uninterrupted run', () => {
    const change = T0 + 6 * HOUR + MIN;
    const input = [
      ...vessel(445_000_001, T0, T0 + 5 * HOUR, { lat: 41, lon: 131 }, () => ({ shipname: 'HWANG GUM SAN 2', imo: 8405270 })),
      ...vessel(445_000_002, T0, T0 + 30 * HOUR, { lat: 39, lon: 130 }, (t) => ({ shipname: t < change ? 'A' : 'B' })),
      ...vessel(273_000_009, T0 + 30 * HOUR, T0 + 36 * HOUR, { lat: 40, lon: 132 }, () => ({ shipname: 'SEA STAR', imo: 8405270 })),
    ].sort((x, y) => time(x) - time(y));
    const whole = run(input);
    expect(whole.map((e) => e.evidence.kind)).toEqual(['static_change', 'mmsi_change']);
    for (const cut of [5, input.length >> 1, input.length - 3]) {
      const first = createIdentityChangeDetector();
      const out: TumenEvent[] = [];
      for (const i of input.slice(0, cut)) out.push(...('p' in i ? first.pushPosition(i.p) : first.pushStatic(i.s)));
      const second = restoreIdentityChangeDetector(JSON.parse(JSON.stringify(first.snapshot())) as IdentityChangeState);
      expect([...out, ...run(input.slice(cut), second)].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...whole].sort((a, b) => a.id.localeCompare(b.id)));
    }
  });
});
