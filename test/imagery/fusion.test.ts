// Fusion of satellite detections with AIS: position estimate at the acquisition, gating, length-aware
// one-to-one assignment, the dark flag and dark candidates, missed vessels.
import { describe, expect, it } from 'vitest';
import { estimateAt } from '../../src/imagery/estimate.js';
import { beatsFalseAlarm, fuseScene } from '../../src/imagery/fusion.js';
import { positionDensityPerKm2 } from '../../src/imagery/candidates.js';
import { assignOneToOne } from '../../src/imagery/assign.js';
import { FUSION_PARAMS } from '../../src/imagery/params.js';
import { deepInland } from '../../src/imagery/inland.js';
import { landIndex } from '../../src/geo/land.js';
import { destination, distanceM } from '../../src/geo/sphere.js';
import type { AisVessel, Detection, Scene } from '../../src/imagery/types.js';

const T = Date.parse('2024-03-01T02:00:00Z');
const H = 3_600_000;
const scene: Scene = { scene_id: 'S1', timeMs: T, sensor: 'sar', bbox: { lat_min: 42.0, lat_max: 42.5, lon_min: 130.0, lon_max: 130.6 } };
const det = (id: string, lat: number, lon: number, length_m: number | null, presence: number | null = 0.9): Detection =>
  ({ detection_id: id, scene_id: 'S1', timeMs: T, lat, lon, length_m, heading_deg: null, sensor: 'sar', presence });
/** A ship sailing north-east at `kn` through (lat, lon) at T, reporting every `stepMin` minutes except around T. */
function sailing(mmsi: number, lat: number, lon: number, kn: number, lengthM: number | null, skipH = 0, stepMin = 10): AisVessel {
  const points = [];
  for (let m = -300; m <= 300; m += stepMin) {
    if (Math.abs(m) < skipH * 60) continue;
    const p = destination(lat, lon, 45, (kn * 1852 * m) / 60);
    points.push({ timeMs: T + m * 60_000, lat: p.lat, lon: p.lon, speedKn: kn, courseDeg: 45 });
  }
  return { mmsi, points, lengthM };
}

describe('estimateAt', () => {
  it('interpolates between the reports around the acquisition with a small σ', () => {
    const v = sailing(1, 42.2, 130.3, 12, 100, 0.05);
    const e = estimateAt(v.points, T, FUSION_PARAMS)!;
    expect(e.method).toBe('interpolated');
    expect(distanceM(e.lat, e.lon, 42.2, 130.3)).toBeLessThan(20);
    // Nearest reports 10 min either side: σ from half that: 150 m + 0.25 × 12 kn × 5 min + 300 m/h × 5 min.
    expect(e.sigmaM).toBeCloseTo(150 + 0.25 * 12 * 1852 * (5 / 60) + 300 * (5 / 60), 0);
  });
  it('dead-reckons from the last report with a σ growing with time and speed', () => {
    const v = sailing(1, 42.2, 130.3, 12, 100);
    const before = v.points.filter((p) => p.timeMs <= T - 2 * H);
    const e = estimateAt(before, T, FUSION_PARAMS)!;
    expect(e.method).toBe('extrapolated');
    expect(e.nearestH).toBeCloseTo(2, 5);
    // 44 km of dead reckoning along a constant initial bearing vs the great circle: < 0.5 % apart.
    expect(distanceM(e.lat, e.lon, 42.2, 130.3)).toBeLessThan(250);
    // 150 m + 0.25 × 12 kn × 2 h + 300 m/h × 2 h
    expect(e.sigmaM).toBeCloseTo(150 + 0.25 * 12 * 1852 * 2 + 600, 0);
    expect(estimateAt(v.points.filter((p) => p.timeMs <= T - 7 * H), T, FUSION_PARAMS)).toBeNull();
  });
  it('widens σ when the vessel sailed much farther than the line between its reports (a trawler turning)', () => {
    // 4 kn for 1 h between two reports 200 m apart: it went out and came back. Path 0.9 × 7.41 km = 6.67 km,
    // stray bound ½√(6.67² − 0.2²) ≈ 3.33 km, capped by 30 min at 3.6 kn ≈ 3.33 km; σ = hypot(line σ, ½ × that).
    const b = { timeMs: T - H / 2, lat: 42.2, lon: 130.3, speedKn: 4, courseDeg: 180 };
    const a = { timeMs: T + H / 2, ...destination(42.2, 130.3, 90, 200), speedKn: 4, courseDeg: 0 };
    const e = estimateAt([b, a], T, FUSION_PARAMS)!;
    const line = 150 + 0.25 * 4 * 1852 * 0.25 + 300 * 0.25;
    const stray = Math.min(0.5 * Math.sqrt((0.9 * 4 * 1852) ** 2 - 200 ** 2), 0.9 * 4 * 1852 * 0.5);
    expect(e.sigmaM).toBeCloseTo(Math.hypot(line, 0.5 * stray), -1);
    expect(e.sigmaM).toBeGreaterThan(1500);
    // Sailing straight at its reported speed: no widening.
    const s = sailing(1, 42.2, 130.3, 12, 100, 0.5);
    expect(estimateAt(s.points, T, FUSION_PARAMS)!.sigmaM).toBeCloseTo(150 + 0.25 * 12 * 1852 * 0.25 + 300 * 0.25, 0);
  });
});

describe('estimateAt: dead reckoning bounded by the report on the other side', () => {
  it('does not reckon a ship back past the berth it was moored at (reports too far apart to interpolate)', () => {
    // Moored at the berth 4.4 h before (0 kn); 1.8 h after, 3 km out on course 45° at 5.7 kn: the span (6.2 h)
    // is over interpolateMaxGapH, so the estimate reckons back from the nearer, later report — 19 km at 5.7 kn,
    // far past the berth. It was at the berth, at rest: it is no farther back than the berth.
    const berth = { lat: 42.2, lon: 130.3 };
    const out = destination(berth.lat, berth.lon, 45, 3000);
    const points = [
      { timeMs: T - 4.4 * H, lat: berth.lat, lon: berth.lon, speedKn: 0, courseDeg: 0 },
      { timeMs: T + 1.8 * H, lat: out.lat, lon: out.lon, speedKn: 5.7, courseDeg: 45 },
    ];
    const e = estimateAt(points, T, FUSION_PARAMS)!;
    expect(e.method).toBe('extrapolated');
    expect(distanceM(e.lat, e.lon, berth.lat, berth.lon)).toBeLessThan(50);
    // Sailing at 8 kn at the earlier report instead: it may have come 4.4 h × 8 kn farther, so the full 19 km back.
    const moving = estimateAt([{ ...points[0]!, speedKn: 8 }, points[1]!], T, FUSION_PARAMS)!;
    expect(distanceM(moving.lat, moving.lon, out.lat, out.lon)).toBeCloseTo(5.7 * 1852 * 1.8, -2);
  });
});

describe('estimateAt: a change of speed between reports', () => {
  it('widens σ along the line by how far either speed profile puts the ship from the time-proportional point', () => {
    // A ferry heard at 6 kn 2 h before, then at 15 kn 2 h after, 42 nm north (6 kn for 2 h, 15 kn for 2 h): at T it
    // is 12 nm north, 9 nm short of the midpoint. Bound |15 − 6| kn × 2 h × 2 h / 4 h = 9 nm, half of it as 1σ.
    const b = { timeMs: T - 2 * H, lat: 42.0, lon: 130.3, speedKn: 6, courseDeg: 0 };
    const a = { timeMs: T + 2 * H, ...destination(42.0, 130.3, 0, 42 * 1852), speedKn: 15, courseDeg: 0 };
    const e = estimateAt([b, a], T, FUSION_PARAMS)!;
    const line = 150 + 0.25 * 15 * 1852 * 1 + 300 * 1;
    expect(e.sigmaM).toBeCloseTo(Math.hypot(line, 0.5 * 9 * 1852), -1);
    // The detection where the ferry was is matched at ~0.3 (0.08 with the line σ alone: 2.3σ off).
    const truth = destination(42.0, 130.3, 0, 12 * 1852);
    const out = fuseScene(scene, [det('d', truth.lat, truth.lon, 120)], [{ mmsi: 9, points: [b, a], lengthM: 120 }]);
    expect(out.detections[0]!.mmsi).toBe(9);
    expect(out.detections[0]!.confidence).toBeGreaterThan(0.2);
  });
});

describe('fuseScene', () => {
  it('assigns one-to-one, letting length decide between two ships side by side', () => {
    const a = sailing(111, 42.2, 130.3, 0.1, 60);
    const b = sailing(222, 42.2005, 130.3, 0.1, 180);
    const out = fuseScene(scene, [det('d-long', 42.2, 130.3, 175), det('d-short', 42.2004, 130.3, 62)], [a, b]);
    const by = Object.fromEntries(out.detections.map((d) => [d.detection_id, d]));
    expect(by['d-long']!.mmsi).toBe(222);
    expect(by['d-short']!.mmsi).toBe(111);
    expect(by['d-long']!.dark).toBe(false);
    expect(by['d-long']!.candidates[0]!.mmsi).toBe(222);
    expect(by['d-long']!.candidates[0]!.why).toMatch(/length 175 m vs 180 m/);
  });
  it('gates at 1.5 km for a fresh report: a ship 3 km away explains nothing, the detection is dark', () => {
    const v = sailing(333, 42.2, 130.3, 10, 120);
    const out = fuseScene(scene, [det('d1', 42.227, 130.3, 120)], [v]);
    expect(out.detections[0]!.mmsi).toBeNull();
    expect(out.detections[0]!.dark).toBe(true);
    expect(out.missed.map((m) => m.mmsi)).toEqual([333]);
  });
  it('does not call a low-presence or tiny unmatched detection dark', () => {
    const out = fuseScene(scene, [det('fa', 42.3, 130.5, 40, 0.3), det('tiny', 42.31, 130.5, 9, 0.95)], []);
    expect(out.detections.map((d) => d.dark)).toEqual([false, false]);
  });
  it('calls a marginal-score detection dark only when a silent vessel of its size could be there', () => {
    const silent = [{ mmsi: 444, lengthM: 150, before: { timeMs: T - 10 * H, lat: 42.0, lon: 130.9 }, after: null }];
    const dets = [det('clutter', 42.23, 130.3, 30, 0.64), det('ship', 42.24, 130.3, 140, 0.64), det('strong', 42.25, 130.3, 30, 0.7)];
    const out = fuseScene(scene, dets, [], silent).detections;
    expect(out.map((d) => d.dark)).toEqual([false, true, true]);
    expect(out[0]!.candidates).toEqual([]);
    expect(out[1]!.candidates.map((c) => c.mmsi)).toEqual([444]);
    // Not looked up yet (null): marginal ones count as dark, so the store knows to look candidates up.
    expect(fuseScene(scene, dets, [], null).detections.map((d) => d.dark)).toEqual([true, true, true]);
  });
  it('calls a marginal detection of clutter size dark only when a silent vessel there beats the false-alarm rate', () => {
    // A 40 m blob at presence 0.62 (the marginal band). A 40 m boat heard 2 h before 10 km off: its position density
    // there (~3e-4 per km², σ ≈ 20 km) × the length ratio (0.78) is far above SAR clutter's 5e-5 per km²: dark.
    const near = [{ mmsi: 444, lengthM: 40, before: { timeMs: T - 2 * H, ...destination(42.23, 130.3, 90, 10_000) }, after: null }];
    const blob = det('blob', 42.23, 130.3, 40, 0.62);
    expect(fuseScene(scene, [blob], [], near).detections[0]!.dark).toBe(true);
    // The same boat last heard 30 h before, 300 km off (reachable at 20 kn, length agreeing): its probability is
    // spread over ~10⁵ km² (~1e-6 per km²), less than a false alarm's: not dark, though it is of the blob's size.
    const far = [{ ...near[0]!, before: { timeMs: T - 30 * H, ...destination(42.23, 130.3, 90, 300_000) } }];
    expect(beatsFalseAlarm(blob, far)).toBe(false);
    expect(fuseScene(scene, [blob], [], far).detections[0]!.dark).toBe(false);
    // A spoofer of its size has no known position: no evidence either.
    expect(fuseScene(scene, [blob], [], [{ mmsi: 555, lengthM: 40, before: null, after: null, spoofing: true }]).detections[0]!.dark).toBe(false);
    // Longer than clutter grows (60 m): the far ship of its size is enough.
    const far150 = [{ ...far[0]!, lengthM: 150 }];
    expect(fuseScene(scene, [det('ship', 42.23, 130.3, 150, 0.62)], [], far150).detections[0]!.dark).toBe(true);
  });
  it('multiplies the before and after position probabilities of a silent vessel (GFW): between the reports, not at either', () => {
    // Heard 10 h before 100 km west and 10 h after 100 km east: the product puts it midway, σ/√2.
    const v = { mmsi: 1, lengthM: 100, before: { timeMs: T - 10 * H, ...destination(42.23, 130.3, 270, 100_000) }, after: { timeMs: T + 10 * H, ...destination(42.23, 130.3, 90, 100_000) } };
    const s = 150 + 1500 + 10 * 1852 * 10 * 0.5, s2 = (s * s) / 2;
    expect(positionDensityPerKm2(det('d', 42.23, 130.3, 100), v, FUSION_PARAMS) / (1e6 / (2 * Math.PI * s2))).toBeCloseTo(1, 3);
    // One side only: the Gaussian around that report, 100 km off.
    const one = { ...v, after: null };
    expect(positionDensityPerKm2(det('d', 42.23, 130.3, 100), one, FUSION_PARAMS) / ((1e6 * Math.exp(-0.5 * (100_000 / s) ** 2)) / (2 * Math.PI * s * s))).toBeCloseTo(1, 3);
  });
  it('ranks a silent ship heard on either side of the spot, on a course through it, above one whose single report is nearer', () => {
    // 555 heard 10 h before 185 km west and 10 h after 185 km east (10 kn through the spot): before × after puts
    // it here (σ 67 km). 444 heard 5 h before, 60 km off, nothing since. Each report alone ranked 444 first.
    const through = { mmsi: 555, lengthM: 100, before: { timeMs: T - 10 * H, ...destination(42.23, 130.3, 270, 185_000) }, after: { timeMs: T + 10 * H, ...destination(42.23, 130.3, 90, 185_000) } };
    const near = { mmsi: 444, lengthM: 100, before: { timeMs: T - 5 * H, ...destination(42.23, 130.3, 0, 60_000) }, after: null };
    const d = fuseScene(scene, [det('d1', 42.23, 130.3, 100)], [], [near, through]).detections[0]!;
    expect(d.candidates.map((c) => c.mmsi)).toEqual([555, 444]);
    // Its straight run (10 kn, on the spot at T) is the better account: the interpolation σ at 5 h from the nearer
    // report (150 m + 0.25 × 10 kn × 5 h + 300 m/h × 5 h = 24.8 km), above the product of the two discs (σ 67 km).
    expect(d.candidates[0]!.score).toBeCloseTo(Math.sqrt(1650 / (150 + 0.25 * 10 * 1852 * 5 + 300 * 5)), 2);
    expect(d.candidates[0]!.score).toBeGreaterThan(Math.sqrt(1650 / (92_600 / Math.SQRT2 + 1650 / Math.SQRT2)));
    // Out 100 km and back to the same point over 20 h (a port call): the product would pin it at that point;
    // its score stays that of a single report (the better account of its silence).
    const back = { ...through, before: { timeMs: T - 10 * H, ...destination(42.23, 130.3, 0, 100_000) }, after: { timeMs: T + 10 * H, ...destination(42.23, 130.3, 0, 100_000) } };
    const s = 1650 + 92_600;
    expect(fuseScene(scene, [det('d1', 42.23, 130.3, 100)], [], [back]).detections[0]!.candidates[0]!.score).toBeCloseTo(Math.exp(-0.5 * (100_000 / s) ** 2) * Math.sqrt(1650 / s), 2);
  });
  it('does not call an unmatched detection deep inland dark (a false alarm on land), at sea it does', () => {
    const inland = deepInland(landIndex());
    expect(inland(42.45, 130.05)).toBe(true); // DPRK hills ~20 km inland of Rajin
    expect(inland(42.1, 130.5)).toBe(false); // the sea off Rajin
    const dets = [det('hill', 42.45, 130.05, 40, 0.95), det('sea', 42.1, 130.5, 40, 0.95)];
    expect(fuseScene(scene, dets, [], [], FUSION_PARAMS, inland).detections.map((d) => d.dark)).toEqual([false, true]);
    expect(fuseScene(scene, dets, []).detections.map((d) => d.dark)).toEqual([true, true]);
  });
  it('names a dark detection from the vessels silent around it, nearest reports first, length agreeing', () => {
    const out = fuseScene(scene, [det('d1', 42.23, 130.3, 150)], [], [
      { mmsi: 444, lengthM: 100, before: { timeMs: T - 10 * H, lat: 42.0, lon: 130.9 }, after: { timeMs: T + 20 * H, lat: 42.1, lon: 131.0 } },
      { mmsi: 555, lengthM: 40, before: { timeMs: T - 10 * H, lat: 42.0, lon: 130.9 }, after: null },
      // 300 km away 2 h before: unreachable at 20 kn.
      { mmsi: 666, lengthM: 150, before: { timeMs: T - 2 * H, lat: 44.9, lon: 130.3 }, after: null },
    ]);
    const d = out.detections[0]!;
    expect(d.dark).toBe(true);
    expect(d.mmsi).toBeNull();
    expect(d.candidates.map((c) => c.mmsi)).toEqual([444, 555]);
    expect(d.confidence).toBe(d.candidates[0]!.score);
    expect(d.candidates[0]!.why).toMatch(/last report 10\.0 h before/);
  });
  it('does not call a detection dark when its candidate was unheard since the AIS data began (no gap), but names it', () => {
    // At anchor on the first morning, first heard 13 h later 100 m away; a 100 m ship heard 10 h before
    // 55 km off and silent since (a gap) scores under half of it.
    const silent = [
      { mmsi: 444, lengthM: 100, before: { timeMs: T - 10 * H, lat: 42.0, lon: 130.9 }, after: { timeMs: T + 20 * H, lat: 42.1, lon: 131.0 } },
      { mmsi: 555, lengthM: 150, before: null, after: { timeMs: T + 13 * H, lat: 42.2309, lon: 130.3 }, unheardSinceDataStart: true },
    ];
    const d = fuseScene(scene, [det('d1', 42.23, 130.3, 150)], [], silent).detections[0]!;
    expect(d.candidates.map((c) => c.mmsi)).toEqual([555, 444]);
    expect(d.dark).toBe(false);
    expect(d.mmsi).toBe(555);
    expect(d.candidates[0]!.why).toMatch(/unheard since the AIS data began/);
    // The same ship heard before (a gap, however long): the sighting stays dark, unnamed.
    const gapped = fuseScene(scene, [det('d1', 42.23, 130.3, 150)], [], [silent[0]!, { ...silent[1]!, unheardSinceDataStart: false }]).detections[0]!;
    expect([gapped.dark, gapped.mmsi]).toEqual([true, null]);
    // Below half the top candidate's score it does not explain the sighting.
    const small = { ...silent[1]!, lengthM: 60 };
    const weak = fuseScene(scene, [det('d1', 42.23, 130.3, 150)], [], [silent[0]!, small]).detections[0]!;
    expect(weak.candidates[0]!.mmsi).toBe(444);
    expect(weak.dark).toBe(true);
    // Ranked second behind a ship heard 4 h before right there (a gap), though above half its score: dark.
    const near = { ...silent[0]!, lengthM: 150, before: { timeMs: T - 4 * H, lat: 42.23, lon: 130.3 } };
    const second = fuseScene(scene, [det('d1', 42.23, 130.3, 150)], [], [near, silent[1]!]).detections[0]!;
    expect(second.candidates.map((c) => c.mmsi)).toEqual([444, 555]);
    expect(second.candidates[1]!.score).toBeGreaterThanOrEqual(0.5 * second.candidates[0]!.score);
    expect([second.dark, second.mmsi]).toEqual([true, null]);
    // First heard 19 km away, alone: nothing ties it to the spot (an unknown dark ship is likelier): dark.
    const farOff = { ...silent[1]!, after: { timeMs: T + 13 * H, lat: 42.4, lon: 130.3 } };
    const alone = fuseScene(scene, [det('d1', 42.23, 130.3, 150)], [], [farOff]).detections[0]!;
    expect(alone.candidates.map((c) => c.mmsi)).toEqual([555]);
    expect([alone.dark, alone.mmsi]).toEqual([true, null]);
    // First heard 13 h later 5.0 km off: within the gate grown by the at-rest σ (1.5 km + 300 m/h × 13 h =
    // 5.4 km: swinging, drifting, shifting berth meanwhile), so it lay there: named, not dark. 6.1 km off: dark.
    const drifted = { ...silent[1]!, after: { timeMs: T + 13 * H, lat: 42.275, lon: 130.3 } };
    const lay = fuseScene(scene, [det('d1', 42.23, 130.3, 150)], [], [drifted]).detections[0]!;
    expect([lay.dark, lay.mmsi]).toEqual([false, 555]);
    const beyond = { ...silent[1]!, after: { timeMs: T + 13 * H, lat: 42.285, lon: 130.3 } };
    expect(fuseScene(scene, [det('d1', 42.23, 130.3, 150)], [], [beyond]).detections[0]!.dark).toBe(true);
    // Beside another ship unheard since the data began, first heard farther off: no gap either, not a rival.
    const pair = fuseScene(scene, [det('d1', 42.23, 130.3, 150)], [], [silent[1]!, { ...farOff, mmsi: 666 }]).detections[0]!;
    expect(pair.candidates.map((c) => c.mmsi)).toEqual([555, 666]);
    expect([pair.dark, pair.mmsi]).toEqual([false, 555]);
    // Ranked first, but a ship in a gap scores over half of it (about as likely the one imaged): dark.
    const close = { ...silent[0]!, lengthM: 150 };
    const rival = fuseScene(scene, [det('d1', 42.23, 130.3, 150)], [], [close, silent[1]!]).detections[0]!;
    expect(rival.candidates.map((c) => c.mmsi)).toEqual([555, 444]);
    expect(rival.candidates[1]!.score).toBeGreaterThanOrEqual(0.5 * rival.candidates[0]!.score);
    expect([rival.dark, rival.mmsi]).toEqual([true, null]);
  });
  it('names, not dark, a sighting a ship heard within silentMinH of it explains about as well as the best', () => {
    // A ferry heard 2.3 h before, 40 km up the coast at 18 kn, and next 5.6 h after at rest 100 m from the spot
    // (dead reckoning took it past its berth: unmatched); a 150 m ship silent 6 h before 70 km off is the rival.
    const ferry = { mmsi: 777, lengthM: 150, before: { timeMs: T - 2.3 * H, lat: 42.59, lon: 130.3, speedKn: 18 }, after: { timeMs: T + 5.6 * H, lat: 42.2309, lon: 130.3, speedKn: 0 }, heardNear: true };
    const gapped = { mmsi: 444, lengthM: 150, before: { timeMs: T - 6 * H, lat: 42.86, lon: 130.3 }, after: null };
    const d = fuseScene(scene, [det('d1', 42.23, 130.3, 150)], [], [gapped, ferry]).detections[0]!;
    expect(d.candidates.map((c) => c.mmsi)).toEqual([777, 444]);
    expect([d.dark, d.mmsi]).toEqual([false, 777]);
    expect(d.confidence).toBe(d.candidates[0]!.score);
    expect(d.candidates[0]!.why).toMatch(/heard within 3 h of the image/);
    // The same ship silent on both sides (no heardNear): the sighting stays dark, unnamed.
    const silentFerry = fuseScene(scene, [det('d1', 42.23, 130.3, 150)], [], [gapped, { ...ferry, heardNear: undefined }]).detections[0]!;
    expect([silentFerry.dark, silentFerry.mmsi]).toEqual([true, null]);
    // Heard near but under half the best-placed candidate's score (a 40 m boat for a 150 m sighting): dark.
    const rival = { ...gapped, before: { timeMs: T - 1 * H, lat: 42.2309, lon: 130.3, speedKn: 0 } };
    const small = fuseScene(scene, [det('d1', 42.23, 130.3, 150)], [], [rival, { ...ferry, lengthM: 40 }]).detections[0]!;
    expect(small.candidates[0]!.mmsi).toBe(444);
    expect(small.candidates[1]!.score).toBeLessThan(0.5 * small.candidates[0]!.score);
    expect([small.dark, small.mmsi]).toEqual([true, null]);
    // Above half the best's score but second: named by the best placed (the likelier ship), not dark.
    const second = fuseScene(scene, [det('d1', 42.23, 130.3, 150)], [], [rival, ferry]).detections[0]!;
    expect(second.candidates.map((c) => c.mmsi)).toEqual([444, 777]);
    expect(second.candidates[1]!.score).toBeGreaterThanOrEqual(0.5 * second.candidates[0]!.score);
    expect([second.dark, second.mmsi]).toEqual([false, 444]);
    expect(second.candidates[0]!.why).toMatch(/as candidate 777/);
  });
  it('flags a matched ship dark when its AIS was silent for hours around the acquisition', () => {
    const v = sailing(777, 42.2, 130.3, 0.2, 120, 4);
    const out = fuseScene(scene, [det('d1', 42.2, 130.3, 118)], [v]);
    expect(out.detections[0]!.mmsi).toBe(777);
    expect(out.detections[0]!.dark).toBe(true);
  });
  it('does not flag a matched silent ship dark from a detection below the operating point (clutter in its wide σ)', () => {
    const v = sailing(777, 42.2, 130.3, 0.2, 120, 4);
    const out = fuseScene(scene, [det('d1', 42.2, 130.3, 118, 0.1)], [v]);
    expect([out.detections[0]!.mmsi, out.detections[0]!.dark]).toEqual([777, false]);
  });
});

describe('assignOneToOne', () => {
  it('maximises the joint likelihood where greedy would take the single best pair', () => {
    // Greedy: d0–e0 (0.97) then d1–e1 (0.60) = product 0.58; joint: d0–e1 (0.91) × d1–e0 (0.92) = 0.84.
    const pairs = [{ det: 0, est: 0, score: 0.97 }, { det: 0, est: 1, score: 0.91 }, { det: 1, est: 0, score: 0.92 }, { det: 1, est: 1, score: 0.6 }];
    expect([...assignOneToOne(2, 2, pairs, 0.02)]).toEqual([1, 0]);
  });
  it('leaves a detection unassigned rather than steal a vessel, and handles more detections than vessels', () => {
    const pairs = [{ det: 0, est: 0, score: 0.9 }, { det: 1, est: 0, score: 0.5 }, { det: 2, est: 1, score: 0.3 }];
    expect([...assignOneToOne(3, 2, pairs, 0.02)]).toEqual([0, -1, 1]);
  });
});

describe('dark candidates: where a silent ship would be', () => {
  const d1 = (): Detection => det('d1', 42.23, 130.3, 100);
  it('puts a ship heard on both sides at the time-proportional point of its straight run (a reception gap), not near its nearer report', () => {
    // 555: 2 h before 30 km west, 18 h after 270 km east, 8.1 kn reported: sailing on, it is on the spot at T. The
    // before × after product of two 10 kn discs leans on the nearer report (30 km off, σ 20 km) and ranked 444,
    // heard 4 h before 25 km north and silent since, first.
    const sailedOn = { mmsi: 555, lengthM: 100, before: { timeMs: T - 2 * H, ...destination(42.23, 130.3, 270, 30_000), speedKn: 8.1 }, after: { timeMs: T + 18 * H, ...destination(42.23, 130.3, 90, 270_000), speedKn: 8.1 } };
    const near = { mmsi: 444, lengthM: 100, before: { timeMs: T - 4 * H, ...destination(42.23, 130.3, 0, 25_000) }, after: null };
    const c = fuseScene(scene, [d1()], [], [near, sailedOn]).detections[0]!.candidates;
    expect(c.map((x) => x.mmsi)).toEqual([555, 444]);
    // σ of the interpolation: 150 m + 0.25 × 8.1 kn × 1 h + 300 m/h × 1 h (the nearer report 2 h off, halved): √(1650/σ).
    expect(c[0]!.score).toBeCloseTo(Math.sqrt(1650 / (150 + 0.25 * 8.1 * 1852 + 300)), 1);
    // The same ends 60 km north of the spot's line: the straight run misses it, the score falls back to the other accounts.
    const off = { ...sailedOn, before: { ...sailedOn.before, ...destination(42.77, 130.3 - 0.366, 0, 0) }, after: { ...sailedOn.after, ...destination(42.77, 130.3 + 3.29, 0, 0) } };
    expect(fuseScene(scene, [d1()], [], [near, off]).detections[0]!.candidates.map((x) => x.mmsi)).toEqual([444, 555]);
  });
  it('scores a ship last reported at rest on the spot as likely to have stayed there', () => {
    // 777 moored 0.1 km from the sighting 10 h before (0 kn), then unheard; 888 heard 10 h before 8 km off, under
    // way. A 10 kn disc (σ 94 km) makes the two equal; at rest, 777 may have stayed (σ 1.65 km + 300 m/h).
    const moored = { mmsi: 777, lengthM: 100, before: { timeMs: T - 10 * H, ...destination(42.23, 130.3, 0, 100), speedKn: 0 }, after: null };
    const underWay = { mmsi: 888, lengthM: 100, before: { timeMs: T - 10 * H, ...destination(42.23, 130.3, 180, 8_000), speedKn: 9 }, after: null };
    const c = fuseScene(scene, [d1()], [], [underWay, moored]).detections[0]!.candidates;
    expect(c.map((x) => x.mmsi)).toEqual([777, 888]);
    const sStay = 1650 + 300 * 10;
    expect(c[0]!.score).toBeCloseTo(0.5 * Math.exp(-0.5 * (100 / sStay) ** 2) * Math.sqrt(1650 / sStay), 2);
    // Reported under way at the same spot, it is scored as any ship that sailed on (no stay account).
    const c2 = fuseScene(scene, [d1()], [], [underWay, { ...moored, before: { ...moored.before, speedKn: 9 } }]).detections[0]!.candidates;
    expect(c2[0]!.score).toBeLessThan(0.2);
  });
});
