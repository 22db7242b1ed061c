import { describe, expect, it } from 'vitest';
import { createSharedMmsiDetector, restoreSharedMmsiDetector, type SharedMmsiState } from '../../src/detectors/shared-mmsi.js';
import { createSpoofingDetector, restoreSpoofingDetector, type SpoofingState } from '../../src/detectors/spoofing.js';
import type { Detector } from '../../src/detectors/detector.js';
import type { TumenEvent } from '../../src/events/schema.js';
import type { Position } from '../../src/tracks/position.js';
import { distanceM } from '../../src/geo/sphere.js';
import { Segmenter } from '../../src/tracks/segmenter.js';
import { DEG_PER_NM, HOUR, jitter, MIN, stream, T0, track } from './build2.js';

const M = 273_000_100;
const cosLat = (lat: number) => Math.cos((lat * Math.PI) / 180);

function runAll(det: Detector, positions: Position[]): TumenEvent[] {
  const out: TumenEvent[] = [];
  for (const p of positions) out.push(...det.pushPosition!(p));
  return [...out, ...det.flush()];
}

/** Eastbound at 10 kn from (40, 131) across the open Japan Sea, a report every 2 min. */
const honest = (from = T0, to = T0 + 20 * HOUR, mmsi = M) =>
  jitter(track(mmsi, from, to, 2 * MIN, (t) => ({ lat: 40, lon: 131 + ((t - T0) / HOUR) * 10 * DEG_PER_NM / cosLat(40), speedKn: 10, courseDeg: 90 })));

/** The spoofer: honest, except 04:00–12:00 it broadcasts a fake track from (40.5, 129.6) due west at 11 kn
 *  (across North Korea), then its true position again. */
const FAKE_FROM = T0 + 4 * HOUR, FAKE_TO = T0 + 12 * HOUR;
function spoofer(): Position[] {
  return honest().map((p) => {
    if (p.timeMs < FAKE_FROM || p.timeMs >= FAKE_TO) return p;
    const h = (p.timeMs - FAKE_FROM) / HOUR;
    return { ...p, lat: 40.5, lon: 129.6 - (h * 11 * DEG_PER_NM) / cosLat(40.5), speedKn: 11, courseDeg: 270 };
  });
}

/** One GNSS glitch: the 05:00 position 80 km north, then back on track. */
function withGlitch(): Position[] {
  return honest().map((p) => (p.timeMs === T0 + 5 * HOUR ? { ...p, lat: p.lat + 80 / 111.2 } : p));
}

/** Two ships on one MMSI: one off Vladivostok steaming east, one in the Korea Strait steaming north-east. */
function twoShips(): Position[] {
  const a = track(M, T0, T0 + 12 * HOUR, 2 * MIN, (t) => ({ lat: 42.5, lon: 132 + ((t - T0) / HOUR) * 10 * DEG_PER_NM / cosLat(42.5), speedKn: 10 }));
  const b = track(M, T0 + MIN, T0 + 12 * HOUR, 2 * MIN, (t) => ({ lat: 35 + ((t - T0) / HOUR) * 7 * DEG_PER_NM, lon: 129.6 + ((t - T0) / HOUR) * 7 * DEG_PER_NM / cosLat(35), speedKn: 10 }));
  return stream(jitter(a, 10, 1), jitter(b, 10, 2));
}

describe('spoofing', () => {
  it('reports a fabricated track (teleport, 8 h across land, return) as one event', () => {
    const det = createSpoofingDetector();
    const events = runAll(det, spoofer());
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect(e).toMatchObject({ type: 'spoofing', mmsi: M, start: '2024-05-01T04:00:00.000Z', end: '2024-05-01T11:58:00.000Z', lat: 40.5, lon: 129.6 });
    expect(e.evidence.kind).toBe('teleport_return');
    expect(e.evidence.fabricated_positions).toBe(240);
    // From the last true position (03:58) to the first fake one.
    const lastTrue = honest().find((p) => p.timeMs === FAKE_FROM - 2 * MIN)!;
    expect(e.evidence.jump_km).toBeCloseTo(distanceM(lastTrue.lat, lastTrue.lon, 40.5, 129.6) / 1000, 2);
    expect(e.evidence.on_land_positions).toBeGreaterThan(150); // most of the fake track lies on land
    expect(e.evidence.regular_steps).toBe(239); // no GNSS jitter at all: every step repeats
  });

  it('reports a machine-regular track even when a reception gap hides the jump into it', () => {
    // Silent 02:00–04:00 (out of coverage), then the fake track 100 km away: reachable at 25 kn across the
    // gap, so no teleport is seen — but its steps repeat exactly, which honest (jittered) fixes never do.
    const input = spoofer().filter((p) => p.timeMs < T0 + 2 * HOUR || p.timeMs >= FAKE_FROM);
    const events = runAll(createSpoofingDetector(), input.map((p) => (p.timeMs < FAKE_FROM ? { ...p, lat: p.lat + 0.4, lon: p.lon - 0.9 } : p)));
    expect(events.map((e) => [e.evidence.kind, e.start, e.end, e.lat, e.lon])).toEqual([
      ['fabricated_track', '2024-05-01T04:00:00.000Z', '2024-05-01T11:58:00.000Z', 40.5, 129.6],
    ]);
    expect(events[0]!.evidence.regular_steps).toBe(239);
  });

  it('does not turn a single glitch into an event, and counts it', () => {
    const det = createSpoofingDetector();
    expect(runAll(det, withGlitch())).toEqual([]);
    expect(det.glitches).toBe(1);
    expect(runAll(createSharedMmsiDetector(), withGlitch())).toEqual([]);
  });

  it('reports sustained positions on land without a teleport', () => {
    // A slow track that wanders inland over North Korea (lon 128.0–128.2 at lat 40.5) for an hour.
    const inland = jitter(track(M, T0, T0 + HOUR, 5 * MIN, (t) => ({ lat: 40.5, lon: 128 + ((t - T0) / HOUR) * 0.2, speedKn: 9 })));
    const events = runAll(createSpoofingDetector(), inland);
    expect(events.map((e) => [e.evidence.kind, e.start, e.end, e.evidence.on_land_positions])).toEqual([
      ['on_land', '2024-05-01T00:00:00.000Z', '2024-05-01T01:00:00.000Z', 13],
    ]);
  });

  it('leaves two alternating ships to the shared-MMSI detector', () => {
    expect(runAll(createSpoofingDetector(), twoShips())).toEqual([]);
  });
});

/** A spoofer whose fake track (04:00–10:00, 167 km north of its true one, east at 10 kn) has gone silent,
 *  then at 14:00 one GNSS glitch 111 km north of the true position: unreachable from the live track, but
 *  within 25 kn-reach of the fake track's last fix four hours earlier (the dormant segment). */
const DORMANT_FAKE_FROM = T0 + 4 * HOUR, DORMANT_FAKE_TO = T0 + 10 * HOUR, GLITCH_AT = T0 + 14 * HOUR;
function spooferThenGlitch(): Position[] {
  return honest().map((p) => {
    if (p.timeMs === GLITCH_AT) return { ...p, lat: 41 };
    if (p.timeMs < DORMANT_FAKE_FROM || p.timeMs >= DORMANT_FAKE_TO) return p;
    const h = (p.timeMs - DORMANT_FAKE_FROM) / HOUR;
    return { ...p, lat: p.lat + 1.5, lon: 131.5 + (h * 10 * DEG_PER_NM) / cosLat(41.5) + (p.lon - Math.round(p.lon * 1e3) / 1e3) };
  });
}

describe('a glitch within reach of a dormant (silent) segment', () => {
  it('stays a glitch: no shared_mmsi, and the fake track is still one teleport-and-return', () => {
    const input = spooferThenGlitch();
    const glitch = input.find((p) => p.timeMs === GLITCH_AT)!;
    const fakeLast = input.filter((p) => p.timeMs < DORMANT_FAKE_TO).at(-1)!;
    // The premise: reachable from the dormant fake track at 25 kn (+10 min), not from the live true one.
    expect(distanceM(fakeLast.lat, fakeLast.lon, glitch.lat, glitch.lon) / 1852).toBeLessThan(25 * ((GLITCH_AT - fakeLast.timeMs) / HOUR + 1 / 6));
    expect(distanceM(40, glitch.lon, glitch.lat, glitch.lon)).toBeGreaterThan(100_000);

    expect(runAll(createSharedMmsiDetector(), input)).toEqual([]);
    const spoof = createSpoofingDetector();
    const events = runAll(spoof, input);
    expect(events.map((e) => [e.evidence.kind, e.start, e.end])).toEqual([
      ['teleport_return', '2024-05-01T04:00:00.000Z', '2024-05-01T09:58:00.000Z'],
    ]);
    expect(spoof.glitches).toBe(1);
  });

  it('is an outlier in the segmenter, and the dormant segment keeps its id when it really resumes', () => {
    const seg = new Segmenter(M);
    const out = [...spooferThenGlitch().flatMap((p) => seg.push(p)), ...seg.flush()];
    expect(out.filter((p) => p.outlier).map((p) => p.timeMs)).toEqual([GLITCH_AT]);
    // A genuine resumption: the fake track comes back at 14:00 for 3 reports (then true again).
    const resumed = spooferThenGlitch().map((p) => (p.timeMs >= GLITCH_AT && p.timeMs < GLITCH_AT + 6 * MIN ? { ...p, lat: 41.5, lon: 133.5 + (p.timeMs - GLITCH_AT) / HOUR * 10 * DEG_PER_NM / cosLat(41.5) } : p));
    const seg2 = new Segmenter(M);
    const out2 = [...resumed.flatMap((p) => seg2.push(p)), ...seg2.flush()];
    expect(out2.filter((p) => p.outlier)).toEqual([]);
    const fakeId = out2.find((p) => p.timeMs === DORMANT_FAKE_FROM)!.segmentId;
    expect(out2.filter((p) => p.segmentId === fakeId).map((p) => p.timeMs).slice(-3)).toEqual([GLITCH_AT, GLITCH_AT + 2 * MIN, GLITCH_AT + 4 * MIN]);
    expect(out2.map((p) => p.timeMs)).toEqual(resumed.map((p) => p.timeMs)); // time order kept
  });
});

describe('shared_mmsi', () => {
  it('reports two ships alternating on one MMSI once, with the overlap of their tracks', () => {
    const events = runAll(createSharedMmsiDetector(), twoShips());
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect(e).toMatchObject({ type: 'shared_mmsi', mmsi: M, start: '2024-05-01T00:01:00.000Z', end: '2024-05-01T11:59:00.000Z' });
    expect(e.lat).toBeCloseTo(42.5, 3); // the first ship's first position after the second appeared
    expect(e.evidence.switches).toBeGreaterThan(300);
    expect(e.evidence.min_separation_km).toBeGreaterThan(700);
  });

  it('does not call a spoofer\'s single excursion a shared MMSI', () => {
    expect(runAll(createSharedMmsiDetector(), spoofer())).toEqual([]);
  });
});

describe('already segmented input (the pipeline passes its TrackPoints)', () => {
  const segmented = (positions: Position[]): Position[] => {
    const seg = new Segmenter(M);
    return [...positions.flatMap((p) => seg.push(p)), ...seg.flush()];
  };
  it('gives the same events as raw positions segmented inside the detectors', () => {
    for (const input of [spoofer(), twoShips(), withGlitch()]) {
      expect(runAll(createSpoofingDetector(), segmented(input))).toEqual(runAll(createSpoofingDetector(), input));
      expect(runAll(createSharedMmsiDetector(), segmented(input))).toEqual(runAll(createSharedMmsiDetector(), input));
    }
  });
});

describe('snapshot and restore', () => {
  const cases: Array<[string, () => Detector, (s: unknown) => Detector, Position[]]> = [
    ['spoofing', () => createSpoofingDetector(), (s) => restoreSpoofingDetector(s as SpoofingState), spoofer()],
    ['shared_mmsi', () => createSharedMmsiDetector(), (s) => restoreSharedMmsiDetector(s as SharedMmsiState), twoShips()],
  ];
  for (const [name, create, restore, input] of cases) {
    it(`${name}: mid-stream restore equals an uninterrupted run`, () => {
      const whole = runAll(create(), input);
      expect(whole).toHaveLength(1);
      for (const cut of [7, input.length >> 1, input.length - 5]) {
        const first = create();
        const out: TumenEvent[] = [];
        for (const p of input.slice(0, cut)) out.push(...first.pushPosition!(p));
        out.push(...runAll(restore(JSON.parse(JSON.stringify(first.snapshot()))), input.slice(cut)));
        expect(out).toEqual(whole);
      }
    });
  }
});
