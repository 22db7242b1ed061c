// Tracks bench: segmentation agreement with GFW gpsdio-segment on its own test tracks, and the speed of
// the segmenter and the land index. Run: npx tsx bench/detect-tracks.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Segmenter, type TrackPoint } from '../src/tracks/segmenter.js';
import { partitionAgreement } from '../src/tracks/agreement.js';
import { distanceToShoreM, isOnLand, landIndex } from '../src/geo/land.js';
import type { Position } from '../src/tracks/position.js';

const FIX = join(import.meta.dirname, '..', 'test', 'fixtures', 'tracks');

function load(name: string, field: string): Array<Position & { ref: string }> {
  return readFileSync(join(FIX, name), 'utf8').trim().split('\n').map((l) => JSON.parse(l))
    .map((r) => ({
      mmsi: r.ssvid, timeMs: Date.parse(String(r.timestamp).replace(' ', 'T').replace(/Z?$/, 'Z')),
      lat: r.lat ?? 91, lon: r.lon ?? 181, speedKn: r.speed, courseDeg: r.course, headingDeg: null, status: null, ref: r[field],
    }))
    .sort((a, b) => a.timeMs - b.timeMs);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const [file, field] of [['segmented-416000000.json', 'segment'], ['338013000.json', 'expected']] as const) {
  const pts = load(file, field);
  const seg = new Segmenter(pts[0]!.mmsi);
  const raw: TrackPoint[] = [];
  for (const p of pts) raw.push(...seg.push(p));
  raw.push(...seg.flush());
  const refs = new Map(pts.map((p) => [`${p.timeMs}|${p.lat}|${p.lon}`, p.ref]));
  const out = raw.map((p) => ({ ...p, ref: refs.get(`${p.timeMs}|${p.lat}|${p.lon}`) }));
  const a = partitionAgreement(out.map((p) => p.segmentId), out.map((p) => p.ref!));
  const count = (xs: string[]) => { const m = new Map<string, number>(); for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1); return m; };
  const refCounts = count(out.map((p) => p.ref!));
  const refMain = [...refCounts.entries()].sort((x, y) => y[1] - x[1])[0]!;
  const ourCounts = count(out.map((p) => p.segmentId));
  const ourMain = [...ourCounts.entries()].sort((x, y) => y[1] - x[1])[0]!;
  const refMainInOurMain = out.filter((p) => p.ref === refMain[0] && p.segmentId === ourMain[0]).length;
  console.log(JSON.stringify({
    file, input: pts.length, kept: out.length, rejects: seg.rejects, outliers: out.filter((p) => p.outlier).length,
    ...a, refMainPoints: refMain[1], ourMainPoints: ourMain[1], refMainInOurMainPct: (100 * refMainInOurMain) / refMain[1],
  }));
}

// Speed: segmenter on 1 M synthetic positions (100 vessels), land lookups.
const N = 1_000_000;
const pts: Position[] = [];
for (let v = 0; v < 100; v++) for (let i = 0; i < N / 100; i++) pts.push({ mmsi: 273000000 + v, timeMs: i * 120_000, lat: 40 + v * 0.02, lon: 130 + i * 0.0005, speedKn: 10, courseDeg: 90, headingDeg: null, status: 0 });
const segTimes: number[] = [];
for (let r = 0; r < 3; r++) {
  const t = performance.now();
  let seg: Segmenter | null = null;
  let segMmsi = -1;
  let n = 0;
  for (const p of pts) {
    if (!seg || p.mmsi !== segMmsi) {
      segMmsi = p.mmsi;
      if (seg) n += seg.flush().length;
      seg = new Segmenter(p.mmsi);
    }
    n += seg.push(p).length;
  }
  n += seg!.flush().length;
  segTimes.push(performance.now() - t);
  if (n !== N) throw new Error(`segmenter lost points: ${n}`);
}
let t = performance.now();
landIndex();
const buildMs = performance.now() - t;
const landTimes: number[] = [];
for (let r = 0; r < 3; r++) {
  t = performance.now();
  let k = 0;
  for (let i = 0; i < 10_000_000; i++) if (isOnLand(33 + (i % 3000) * 0.0037, 124 + Math.floor(i / 3000) * 0.0036)) k++;
  landTimes.push(performance.now() - t);
  void k;
}
const shoreTimes: number[] = [];
for (let r = 0; r < 3; r++) {
  t = performance.now();
  for (let i = 0; i < 100_000; i++) distanceToShoreM(33 + (i % 300) * 0.037, 124 + Math.floor(i / 300) * 0.036);
  shoreTimes.push(performance.now() - t);
}
console.log(JSON.stringify({
  segmenter1MPositionsMs: Math.round(median(segTimes)), landIndexBuildMs: Math.round(buildMs),
  isOnLand10MMs: Math.round(median(landTimes)), distanceToShore100kMs: Math.round(median(shoreTimes)),
}));
