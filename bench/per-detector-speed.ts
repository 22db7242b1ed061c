// Per-detector speed of encounter, loitering, spoofing, shared_mmsi, identity_change and draught_change on
// a simulated world, fed as the pipeline feeds them: per-vessel detectors get each vessel's positions
// already segmented (TrackPoints from src/tracks/segmenter.ts, timed separately as the shared cost), global
// ones one time-ordered stream with the static reports interleaved. Medians of `runs`.
//   npx tsx bench/per-detector-speed.ts [--seed 2] [--vessels 400] [--days 10] [--runs 3]
import type { Detector, StaticReport } from '../src/detectors/detector.js';
import { createDraughtChangeDetector } from '../src/detectors/draught-change.js';
import { createEncounterDetector } from '../src/detectors/encounter.js';
import { createIdentityChangeDetector } from '../src/detectors/identity-change.js';
import { createLoiteringDetector } from '../src/detectors/loitering.js';
import { createSharedMmsiDetector } from '../src/detectors/shared-mmsi.js';
import { createSpoofingDetector } from '../src/detectors/spoofing.js';
import { simulate } from '../src/sim/world.js';
import type { Position } from '../src/tracks/position.js';
import { Segmenter, type TrackPoint } from '../src/tracks/segmenter.js';
import { decodeLines } from './detect-decode.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string): number => {
  const i = args.indexOf(`--${name}`);
  return Number(i >= 0 ? args[i + 1]! : dflt);
};
const seed = arg('seed', '2'), vessels = arg('vessels', '400'), days = arg('days', '10'), runs = arg('runs', '3');

const { positions, statics } = decodeLines(simulate({ seed, vessels, days }).lines);
const byTime = [...positions].sort((a, b) => a.timeMs - b.timeMs || a.mmsi - b.mmsi);
const byVessel = [...positions].sort((a, b) => a.mmsi - b.mmsi || a.timeMs - b.timeMs);
const staticsByTime = [...statics].sort((a, b) => a.timeMs - b.timeMs || a.mmsi - b.mmsi);

function segmentAll(input: Position[]): TrackPoint[] {
  const out: TrackPoint[] = [];
  let seg: Segmenter | null = null;
  let mmsi = -1;
  for (const p of input) {
    if (!seg || mmsi !== p.mmsi) {
      if (seg) out.push(...seg.flush());
      seg = new Segmenter(p.mmsi);
      mmsi = p.mmsi;
    }
    out.push(...seg.push(p));
  }
  if (seg) out.push(...seg.flush());
  return out;
}
const segmented = segmentAll(byVessel);

/** Per-vessel: a fresh detector per MMSI with its statics interleaved, as the pipeline runs them. */
function perVessel(create: () => Detector, input: Position[], withStatics: boolean): number {
  const st = new Map<number, StaticReport[]>();
  if (withStatics) for (const s of staticsByTime) (st.get(s.mmsi) ?? st.set(s.mmsi, []).get(s.mmsi)!).push(s);
  let n = 0, d: Detector | null = null, mmsi = -1, list: StaticReport[] = [], si = 0;
  for (const p of input) {
    if (p.mmsi !== mmsi) {
      if (d) { for (; si < list.length; si++) n += d.pushStatic!(list[si]!).length; n += d.flush().length; }
      d = create(); mmsi = p.mmsi; list = st.get(mmsi) ?? []; si = 0;
    }
    for (; si < list.length && list[si]!.timeMs <= p.timeMs; si++) n += d!.pushStatic!(list[si]!).length;
    n += d!.pushPosition!(p).length;
  }
  if (d) { for (; si < list.length; si++) n += d.pushStatic!(list[si]!).length; n += d.flush().length; }
  return n;
}

function global(create: () => Detector, withStatics: boolean): number {
  const d = create();
  let n = 0, si = 0;
  for (const p of byTime) {
    if (withStatics) for (; si < staticsByTime.length && staticsByTime[si]!.timeMs <= p.timeMs; si++) n += d.pushStatic!(staticsByTime[si]!).length;
    n += d.pushPosition!(p).length;
  }
  if (withStatics) for (; si < staticsByTime.length; si++) n += d.pushStatic!(staticsByTime[si]!).length;
  return n + d.flush().length;
}

const cases: Array<[string, () => number]> = [
  ['segmenter (shared, for reference)', () => segmentAll(byVessel).length],
  ['encounter', () => global(() => createEncounterDetector(), false)],
  ['identity_change', () => global(() => createIdentityChangeDetector(), true)],
  ['loitering', () => perVessel(() => createLoiteringDetector(), segmented, false)],
  ['spoofing', () => perVessel(() => createSpoofingDetector(), segmented, false)],
  ['shared_mmsi', () => perVessel(() => createSharedMmsiDetector(), segmented, false)],
  ['draught_change', () => perVessel(() => createDraughtChangeDetector(), segmented, true)],
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
console.log(`seed ${seed}, ${vessels} vessels, ${days} days: ${positions.length} positions, ${statics.length} static reports`);
console.log('| detector | median ms | ns per position | events |');
console.log('|---|---|---|---|');
let total = 0;
for (const [name, f] of cases) {
  let events = 0;
  const ms = median(Array.from({ length: runs }, () => {
    const t0 = performance.now();
    events = f();
    return performance.now() - t0;
  }));
  if (!name.startsWith('segmenter')) total += ms;
  console.log(`| ${name} | ${ms.toFixed(0)} | ${((ms * 1e6) / positions.length).toFixed(0)} | ${name.startsWith('segmenter') ? '' : events} |`);
}
console.log(`| all six | ${total.toFixed(0)} | ${((total * 1e6) / positions.length).toFixed(0)} | |`);
