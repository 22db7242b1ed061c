import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Segmenter, type TrackPoint } from '../../src/tracks/segmenter.js';
import { partitionAgreement } from '../../src/tracks/agreement.js';
import type { Position } from '../../src/tracks/position.js';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'tracks');

interface Row { ssvid: number; timestamp: string; lat: number | null; lon: number | null; speed: number | null; course: number | null; segment?: string; expected?: string }

function load(name: string): Array<Position & { ref: string }> {
  return readFileSync(join(FIX, name), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Row)
    .map((r) => ({
      mmsi: r.ssvid, timeMs: Date.parse(r.timestamp.replace(' ', 'T').replace(/Z?$/, 'Z')),
      lat: r.lat ?? 91, lon: r.lon ?? 181, speedKn: r.speed, courseDeg: r.course, headingDeg: null, status: null,
      ref: r.segment ?? r.expected ?? '',
    }))
    .sort((a, b) => a.timeMs - b.timeMs);
}

/** Segments `points`; each output point carries its input's `ref` label (matched by time and position). */
function segment(points: Array<Position & { ref?: string }>): { out: Array<TrackPoint & { ref: string }>; seg: Segmenter } {
  const seg = new Segmenter(points[0]!.mmsi);
  const out: TrackPoint[] = [];
  for (const p of points) out.push(...seg.push(p));
  out.push(...seg.flush());
  const refs = new Map(points.map((p) => [`${p.timeMs}|${p.lat}|${p.lon}`, p.ref ?? '']));
  return { out: out.map((p) => ({ ...p, ref: refs.get(`${p.timeMs}|${p.lat}|${p.lon}`)! })), seg };
}

describe('segmenter on GFW gpsdio-segment fixtures', () => {
  it('338013000: the main segment matches GFW expected labels', () => {
    const pts = load('338013000.json');
    const { out, seg } = segment(pts);
    // 60 positions with null lat/lon, 170 exact duplicates: counted rejects, not silent loss.
    expect(seg.rejects).toEqual({ invalid_position: 60, duplicate: 170 });
    expect(out.length).toBe(1023);
    const ref = out.map((p) => p.ref);
    const a = partitionAgreement(out.map((p) => p.segmentId), ref);
    expect(a.pairRecall).toBeGreaterThan(0.98); // measured 0.990
    expect(a.pairPrecision).toBeGreaterThan(0.95); // measured 0.967
    const counts = new Map<string, number>();
    for (const p of out) counts.set(p.segmentId, (counts.get(p.segmentId) ?? 0) + 1);
    const ourMain = Math.max(...counts.values());
    expect(ourMain).toBeGreaterThanOrEqual(1000); // GFW main: 1000 of the 1023 kept points; ours 1012
    expect(ourMain).toBeLessThanOrEqual(1023);
  });

  it('416000000 (a default MMSI shared by many ships): splits into parallel segments like GFW', () => {
    const pts = load('segmented-416000000.json');
    const { out } = segment(pts);
    const a = partitionAgreement(out.map((p) => p.segmentId), out.map((p) => p.ref));
    expect(a.referenceSegments).toBe(29);
    expect(a.pairRecall).toBeGreaterThan(0.70); // measured 0.731
    expect(a.adjustedRandIndex).toBeGreaterThan(0.44); // measured 0.454 (0.429 before dormant-segment wakes)
    expect(a.ourSegments).toBeGreaterThan(20);
  });
});

const base = Date.parse('2024-03-01T00:00:00Z');
const at = (i: number, lat: number, lon: number, mmsi = 273000001): Position => ({
  mmsi, timeMs: base + i * 120_000, lat, lon, speedKn: 10, courseDeg: 90, headingDeg: null, status: 0,
});

describe('segmenter behaviour', () => {
  it('flags a single GNSS glitch as an outlier and keeps one segment for the rest', () => {
    const pts: Position[] = [];
    for (let i = 0; i < 60; i++) pts.push(at(i, 42, 131 + i * 0.01));
    pts[30] = at(30, 42.9, 131.3); // ~100 km off
    const { out } = segment(pts);
    expect(out).toHaveLength(60);
    expect(out.filter((p) => p.outlier).map((p) => p.timeMs)).toEqual([base + 30 * 120_000]);
    expect(new Set(out.filter((p) => !p.outlier).map((p) => p.segmentId)).size).toBe(1);
    // time order preserved even though the glitch was held back
    expect(out.map((p) => p.timeMs)).toEqual(pts.map((p) => p.timeMs));
  });

  it('two ships on one MMSI become two confirmed segments, no outliers', () => {
    const pts: Position[] = [];
    for (let i = 0; i < 40; i++) pts.push(at(2 * i, 42, 131 + i * 0.01), at(2 * i + 1, 36, 129 + i * 0.01));
    const { out } = segment(pts);
    expect(out.filter((p) => p.outlier)).toHaveLength(0);
    expect(new Set(out.map((p) => p.segmentId)).size).toBe(2);
  });

  it('a glitch within reach of a dormant sibling segment is an outlier; a sparse reporter is not', () => {
    // Ship A north-east every 2 min; ship B on the same MMSI 200 km south for 20 min, then silent.
    const pts: Position[] = [];
    for (let i = 0; i < 300; i++) pts.push(at(2 * i, 42, 131 + i * 0.002));
    for (let i = 0; i < 10; i++) pts.push(at(2 * i + 1, 40.2, 131 + i * 0.005));
    // 6 h later one glitch of A lands 100 km south of it: 90 km from B's last fix (reachable in 6 h), not from A.
    const glitchI = 2 * 180;
    pts[180] = at(glitchI, 41.1, 131 + 180 * 0.002);
    const sorted = [...pts].sort((a, b) => a.timeMs - b.timeMs);
    const { out } = segment(sorted);
    expect(out.filter((p) => p.outlier).map((p) => p.timeMs)).toEqual([base + glitchI * 120_000]);
    expect(new Set(out.filter((p) => !p.outlier).map((p) => p.segmentId)).size).toBe(2);

    // B instead goes on reporting every 3 h (out of coverage but for satellite passes): its first sparse
    // report looks like a glitch, the next ones are consistent with it and rejoin B's segment.
    const sparse = pts.filter((_, k) => k !== 180).concat([at(glitchI - 1, 40.2, 131.1)]);
    for (let h = 1; h <= 3; h++) sparse.push(at(glitchI - 1 + 90 * h, 40.2, 131.1 + h * 0.3));
    const { out: out2 } = segment(sparse.sort((a, b) => a.timeMs - b.timeMs));
    expect(out2.filter((p) => p.outlier).map((p) => p.timeMs)).toEqual([base + (glitchI - 1) * 120_000]);
    const bId = out2.find((p) => p.lat === 40.2)!.segmentId;
    expect(out2.filter((p) => p.segmentId === bId && p.timeMs > base + glitchI * 120_000)).toHaveLength(3);
    expect(out2.map((p) => p.timeMs)).toEqual(sparse.map((p) => p.timeMs));
  });

  it('snapshot/restore mid-stream gives the same output as an uninterrupted run', () => {
    const pts: Position[] = [];
    for (let i = 0; i < 50; i++) pts.push(at(i, 42, 131 + i * 0.01));
    pts[20] = at(20, 43, 131.2);
    const whole = segment(pts).out;
    const a = new Segmenter(pts[0]!.mmsi);
    const out: TrackPoint[] = [];
    for (const p of pts.slice(0, 21)) out.push(...a.push(p));
    const b = Segmenter.restore(JSON.parse(JSON.stringify(a.snapshot())));
    for (const p of pts.slice(21)) out.push(...b.push(p));
    out.push(...b.flush());
    expect(out).toEqual(whole.map(({ ref: _ref, ...p }) => p));
  });

  it('counts out-of-order and invalid positions', () => {
    const seg = new Segmenter(273000001);
    seg.push(at(5, 42, 131));
    seg.push(at(4, 42, 131));
    seg.push({ ...at(6, 42, 131), lat: 91 });
    seg.push({ ...at(7, 42, 131), mmsi: 1 });
    expect(seg.rejects).toEqual({ out_of_order: 1, invalid_position: 1, wrong_mmsi: 1 });
  });
});
