// A tanker silence counts as a DPRK delivery only when the evidence says DPRK: a port the curated list
// lacks (Dalian) must not hand the silence to the one listed port within reach (Nampo), and a sighting
// where no listed port is near is reported as an unlisted place, not as the nearest listed port.
import { describe, expect, it } from 'vitest';
import { fuelAccount, fuelDeliveries, type TankerInfo } from '../../src/fuel/voyages.js';
import { callStands, courseBendScore, listedPorts, rankHiddenPort } from '../../src/fuel/hidden-port.js';
import { FUEL_PARAMS } from '../../src/fuel/params.js';
import { formatFuel } from '../../src/io/fuel-out.js';
import { PORTS_OF_INTEREST } from '../../src/reference/ports-of-interest.js';
import type { TumenEvent } from '../../src/events/schema.js';

const MMSI = 352000123;
const tanker: TankerInfo = {
  mmsi: MMSI, shipname: 'YELLOW SEA TANKER', imo: 9300123, shiptype: 80, lengthM: 100, beamM: 20,
  draughts: [{ timeMs: Date.parse('2024-03-01T12:00:00Z'), m: 8.0 }, { timeMs: Date.parse('2024-03-03T07:00:00Z'), m: 4.5 }],
  visits: [{ portId: 'CNYTG', portName: 'Yantai', country: 'CN', startMs: Date.parse('2024-02-28T00:00:00Z'), endMs: Date.parse('2024-03-01T00:00:00Z') }],
};
const tankers = new Map([[MMSI, tanker]]);

// Silent 30 h in the Yellow Sea east of the Liaodong peninsula: north-west towards Dalian when it went dark,
// back heading south-east 3.5 m lighter. Nampo (the only curated port within reach) is feasible, off its course.
const gap: TumenEvent = {
  id: 'gap-yellow-sea', type: 'gap', mmsi: MMSI, start: '2024-03-02T00:00:00Z', end: '2024-03-03T06:00:00Z', lat: 38.3, lon: 122.3,
  intentional: false, duration_h: 30, evidence: { course_before_deg: 325, end_lat: 38.35, end_lon: 122.35, course_after_deg: 145 },
};
/** A dark sighting of the tanker (a dark_detection event, identity = the tanker). */
const sighting = (lat: number, lon: number, time = '2024-03-02T12:00:00Z', score = 0.4): TumenEvent => ({
  id: `dd-${lat}-${lon}`, type: 'dark_detection', mmsi: MMSI, start: time, end: time, lat, lon,
  evidence: { detection_id: `det-${lat}`, identity: 'top_candidate', identity_score: score, length_m: 104 },
});
const DALIAN_QUAY = [38.935, 121.655] as const; // ~1 km off the 1:10m coast, inside Dalian harbour

describe('fuel silences placed by the evidence', () => {
  it('ranks the hidden port over every listed port: Dalian (WPI) outranks Nampo, so no DPRK delivery', () => {
    const r = fuelAccount([gap], tankers);
    expect(r.deliveries).toHaveLength(0);
    expect(r.set_aside).toHaveLength(1);
    expect(r.set_aside[0]).toMatchObject({ kind: 'dark_discharge', event_id: 'gap-yellow-sea', ranked_first: { id: 'CNDAL', name: 'Dalian', country: 'CN' }, seen: [] });
    expect(r.set_aside[0]!.why).toMatch(/^Dalian \(CN\) ranks first among every listed port/);
    // With the curated list alone, Nampo was the only candidate and the silence was counted there.
    expect(fuelDeliveries([gap], tankers, undefined, { ports: PORTS_OF_INTEREST })[0]).toMatchObject({ kind: 'dark_discharge', port: 'Nampo' });
  });

  it('says "unlisted place" when the ship is seen dark where no listed port is near, and does not count it', () => {
    // The true port absent from the list: only the curated ports are listed, Dalian is not.
    const r = fuelAccount([gap, sighting(...DALIAN_QUAY)], tankers, undefined, { ports: PORTS_OF_INTEREST });
    expect(r.deliveries).toHaveLength(0);
    const [x] = r.set_aside;
    expect(x!.seen).toHaveLength(1);
    expect(x!.seen[0]).toMatchObject({ kind: 'unlisted', lat: 38.935, lon: 121.655, country: null, no_listed_port_within_km: 8, nearest_listed: { id: 'KPNAM', country: 'KP' } });
    const seen = x!.seen[0]!;
    if (seen.kind !== 'unlisted') throw new Error('expected an unlisted place');
    expect(seen.shore_km).toBeLessThan(2);
    expect(seen.nearest_listed!.distance_km).toBeGreaterThan(300);
    expect(seen.nearest_listed!.distance_km).toBeLessThan(340);
    expect(x!.why).toMatch(/at an unlisted place 38\.935, 121\.655 \(1(\.\d)? km from the coast, country not known\): no listed port within 8 km; nearest listed port Nampo \(KP\) 3\d\d(\.\d)? km; no DPRK port fits in the silence around that sighting/);
    // With the full list the same sighting is at Dalian.
    const full = fuelAccount([gap, sighting(...DALIAN_QUAY)], tankers);
    expect(full.set_aside[0]!.seen[0]).toMatchObject({ kind: 'port', port: { id: 'CNDAL', country: 'CN' } });
    expect(formatFuel({ deliveries: [], years: [], pending: [], set_aside: r.set_aside }, 'text')).toMatch(/not counted \(the evidence puts it elsewhere\):\n {2}2024-03-02T00:00:00Z YELLOW SEA TANKER \(MMSI 352000123\) dark discharge: seen dark on 2024-03-02T12:00:00Z at an unlisted place/);
  });

  it('keeps a DPRK call that fits in the silence around a sighting elsewhere (a long silence holds the loading too)', () => {
    // Seen at the Dalian quay 4 h after going dark, then 26 h more: Nampo (330 km) and back fit after it.
    const r = fuelAccount([gap, sighting(...DALIAN_QUAY, '2024-03-02T04:00:00Z')], tankers, undefined, { ports: PORTS_OF_INTEREST });
    expect(r.set_aside).toHaveLength(0);
    expect(r.deliveries[0]).toMatchObject({ kind: 'dark_discharge', port: 'Nampo' });
  });

  it('ignores sightings at sea, outside the silence or with a weak identity: the ranking decides', () => {
    const r = fuelAccount([gap, sighting(38.5, 122.6), sighting(...DALIAN_QUAY, '2024-03-04T12:00:00Z'), sighting(...DALIAN_QUAY, '2024-03-02T12:00:00Z', 0.01)], tankers, undefined, { ports: PORTS_OF_INTEREST });
    expect(r.set_aside.map((x) => x.why)).toEqual([]);
    expect(r.deliveries[0]).toMatchObject({ kind: 'dark_discharge', port: 'Nampo' });
  });

  it('counts a silence seen at a DPRK port whatever the ranking', () => {
    const r = fuelAccount([gap, sighting(38.71, 125.39)], tankers);
    expect(r.set_aside).toHaveLength(0);
    expect(r.deliveries[0]).toMatchObject({ kind: 'dark_discharge', port: 'Nampo', confidence: 'low' });
    expect(r.deliveries[0]!.note).toMatch(/seen dark at Nampo \(KP\) on 2024-03-02T12:00:00Z/);
  });

  it('sets aside a dark port call the detector put at a DPRK port when another listed port ranks first, unless an image named it', () => {
    const call: TumenEvent = {
      id: 'dpc-yellow-sea', type: 'dark_port_call', mmsi: MMSI, start: gap.start, end: gap.end, lat: gap.lat, lon: gap.lon,
      port: { id: 'KPNAM', name: 'Nampo', country: 'KP' }, duration_h: 30, evidence: { gap_id: gap.id },
    };
    const r = fuelAccount([{ ...gap, intentional: true }, call], tankers);
    expect(r.deliveries).toHaveLength(0);
    expect(r.set_aside[0]).toMatchObject({ kind: 'dark_port_call', event_id: 'dpc-yellow-sea', port: 'Nampo', ranked_first: { id: 'CNDAL' } });
    const byImage = { ...call, evidence: { gap_id: gap.id, port_by: 'imagery' } };
    expect(fuelAccount([{ ...gap, intentional: true }, byImage], tankers).deliveries[0]).toMatchObject({ kind: 'dark_port_call', port: 'Nampo' });
    // Its gap not among the events (nothing to rank): the call stands as the detector named it.
    expect(fuelAccount([call], tankers).deliveries[0]).toMatchObject({ kind: 'dark_port_call', port: 'Nampo' });
  });
});

describe('a dark port call against a lead one bent course can make', () => {
  // From Vostochny round Korea to Nampo and back out: dark 17 nm off Vostochny heading south-west for the Korea
  // Strait, heard again 137 h later off the Hwanghae coast heading south along it, 4.3 m lighter. The reversed
  // course there points up the coast at Dandong (bearing 176°), not at Nampo behind the peninsula (219°).
  const V = 445420590;
  const around = new Map([[V, {
    mmsi: V, shipname: 'ROUND KOREA', imo: 9580663, shiptype: 80, lengthM: 145, beamM: 22,
    draughts: [{ timeMs: Date.parse('2024-02-29T12:00:00Z'), m: 8.9 }, { timeMs: Date.parse('2024-03-07T02:00:00Z'), m: 4.6 }],
    visits: [{ portId: 'RUVYP', portName: 'Vostochny', country: 'RU', startMs: Date.parse('2024-02-29T00:00:00Z'), endMs: Date.parse('2024-03-01T00:57:49Z') }],
  } satisfies TankerInfo]]);
  const gapK: TumenEvent = {
    id: 'gap-round-korea', type: 'gap', mmsi: V, start: '2024-03-01T02:32:58Z', end: '2024-03-06T19:24:46Z', lat: 42.418685, lon: 133.05951,
    intentional: true, duration_h: 136.863,
    evidence: { course_before_deg: 226, speed_before_kn: 12.1, end_lat: 37.6967783, end_lon: 124.35143, course_after_deg: 162.4, speed_after_kn: 11.9 },
  };
  const callK: TumenEvent = {
    id: 'dpc-round-korea', type: 'dark_port_call', mmsi: V, start: gapK.start, end: gapK.end, lat: gapK.lat, lon: gapK.lon,
    port: { id: 'KPNAM', name: 'Nampo', country: 'KP' }, duration_h: 136.863, evidence: { gap_id: gapK.id },
  };

  it('keeps the call at Nampo when Dandong leads by less than a 15° bend of one course moves the score', () => {
    const ranked = rankHiddenPort(gapK, listedPorts());
    expect(ranked[0]).toMatchObject({ id: 'CNDDZ', score: 0.9094 });
    expect(ranked.find((c) => c.country === 'KP')).toMatchObject({ id: 'KPNAM', score: 0.8853 });
    expect(courseBendScore()).toBeCloseTo(0.0392, 4);
    const r = fuelAccount([gapK, callK], around);
    expect(r.set_aside).toHaveLength(0);
    expect(r.deliveries).toHaveLength(1);
    expect(r.deliveries[0]).toMatchObject({ kind: 'dark_port_call', port: 'Nampo', method: 'draught_change', draught_before_m: 8.9, draught_after_m: 4.6 });
    expect(r.deliveries[0]!.note).toMatch(/Dandong \(CN\) ranks first by 0\.0241 only, no more than a course bent 15° moves the ranking \(0\.039\): the call at Nampo stands/);
  });

  it('sets it aside when the lead is more than that (no bend allowed), and a dark discharge still needs a DPRK port first', () => {
    const strict = { ...FUEL_PARAMS, courseBendDeg: 0 };
    const r = fuelAccount([gapK, callK], around, strict);
    expect(r.deliveries).toHaveLength(0);
    expect(r.set_aside[0]).toMatchObject({ kind: 'dark_port_call', port: 'Nampo', ranked_first: { id: 'CNDDZ' } });
    expect(callStands(rankHiddenPort(gapK, listedPorts()), strict)).toMatchObject({ stands: false, lead: { over: { id: 'CNDDZ' }, by: 0.0241 } });
    // The same silence with no call made of it: a dark discharge, Dandong ranked first, not counted.
    const d = fuelAccount([{ ...gapK, intentional: false }], around);
    expect(d.deliveries).toHaveLength(0);
    expect(d.set_aside[0]).toMatchObject({ kind: 'dark_discharge', ranked_first: { id: 'CNDDZ' } });
  });
});
