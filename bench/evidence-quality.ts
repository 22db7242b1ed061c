// Imagery fusion and fuel-cap monitor quality against the simulator's truth, over several seeds.
//   npx tsx bench/evidence-quality.ts [--seeds 1,2,3 | 1-9] [--vessels 120] [--days 7] [--world classic|unseen] [--berths point|spread] [--moorings slots|shared]
// For each seed: `tumen simulate` (AIS + scenes + detections + truth) → ingest the NMEA into a fresh DuckDB
// → import the imagery → `tumen detect` (so spoofing events are known) → fuse → score:
//   identity accuracy: detections of ships that broadcast AIS at some time, whose identity (mmsi, or the
//     top candidate of a dark detection) is the MMSI the ship broadcast at that time;
//   dark precision / recall: the dark flag against truth (a real ship whose AIS does not explain it);
//   right-port F1 of dark port calls whose true port was imaged during the call, with and without imagery;
//   fuel: delivery recall (a true delivery with an estimated one of the same MMSI overlapping it) and the
//     estimated total (central) against the true total barrels.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseVariation, writeWorld } from '../src/cli/commands/simulate.js';
import { Store } from '../src/store/db.js';
import { ingestFiles } from '../src/ingest/ingest.js';
import { importImagery } from '../src/store/imagery.js';
import { fuseStored } from '../src/store/imagery-fuse.js';
import { storeInput } from '../src/store/pipeline-source.js';
import { runPipeline } from '../src/detectors/pipeline.js';
import { landIndex50m } from '../src/geo/land.js';
import { replaceEvents } from '../src/store/events-write.js';
import { parseDetections, parseScenes } from '../src/imagery/parse.js';
import { simulateImagery } from '../src/sim/imagery.js';
import { detectionsCsv, scenesJsonl } from '../src/io/imagery-write.js';
import { darkDetectionEvents, withImageryEvidence } from '../src/imagery/events.js';
import { darkPortCallsSeen } from '../src/imagery/seen-port-calls.js';
import { vesselLengths } from '../src/store/imagery-fuse.js';
import { inBBox } from '../src/imagery/fusion.js';
import { PORTS_OF_INTEREST } from '../src/reference/ports-of-interest.js';
import type { TumenEvent } from '../src/events/schema.js';
import { fuelReport } from '../src/store/fuel.js';
import { fuelTruth } from '../src/sim/fuel.js';
import { arg, flag, seedList } from './args.js';
import { variationLabel } from '../src/sim/variation.js';

const seeds = seedList(arg('seeds', '1,2,3'));
const vessels = Number(arg('vessels', '120'));
const days = Number(arg('days', '7'));
const dir = arg('dir', '/tmp/tumen-bench-imagery');
const verbose = flag('verbose');
const variation = parseVariation({ world: arg('world', 'classic'), ...(process.argv.includes('--berths') ? { berths: arg('berths', 'point') } : {}), ...(process.argv.includes('--moorings') ? { moorings: arg('moorings', 'slots') } : {}) });

const tot = { fuelPendingN: 0, fuelPendingLow: 0, fuelPendingHigh: 0, fuelTrueN: 0, fuelFound: 0, fuelTrueBbl: 0, fuelEstBbl: 0, fuelLowBbl: 0, fuelHighBbl: 0, sepN: 0, sepOk: 0, dpcTruth: 0, dpcDetected: 0, dpcRightBefore: 0, dpcRightAfter: 0, dpcFalseBefore: 0, dpcFalseAfter: 0, idN: 0, idOk: 0, darkTP: 0, darkFP: 0, darkFN: 0, darkIdN: 0, darkIdOk: 0, dets: 0, fuseMs: 0 };
for (const seed of seeds) {
  const seedDir = join(dir, `seed${seed}`);
  rmSync(seedDir, { recursive: true, force: true });
  mkdirSync(seedDir, { recursive: true });
  const w = await writeWorld(seedDir, { seed, vessels, days, variation });
  const img = simulateImagery(w.result.vessels, w.result.startMs, w.result.endMs, seed);
  const store = await Store.open(join(seedDir, 'w.duckdb'));
  try {
    await ingestFiles(store, [w.nmeaPath]);
    const { events } = await runPipeline(storeInput(store), { land: landIndex50m() }); // the simulated coast
    await replaceEvents(store, events);
    // The detectors' own events, before imagery renames or adds dark port calls: bench/dark-rescore.ts scores
    // the right port from them without re-running the pipeline.
    writeFileSync(join(seedDir, 'events.json'), JSON.stringify(events));
    const sc = parseScenes(scenesJsonl(img)), dc = parseDetections(detectionsCsv(img));
    await importImagery(store, sc.items, dc.items, { scenes: sc.rejects, detections: dc.rejects });
    const t0 = performance.now();
    // The 1:10 m coast (the default), not the simulated 1:50 m one: some classic berth points lie "inland" at
    // 1:50 m, where a dark ship moored there would be taken for a false alarm on land.
    const fused = await fuseStored(store);
    tot.fuseMs += performance.now() - t0;
    const truth = new Map(img.truth.map((t) => [t.detection_id, t]));
    const s = { idN: 0, idOk: 0, darkTP: 0, darkFP: 0, darkFN: 0, darkIdN: 0, darkIdOk: 0 };
    for (const f of fused) for (const d of f.fusion.detections) {
      const t = truth.get(d.detection_id)!;
      const identity = d.mmsi ?? (d.dark ? d.candidates[0]?.mmsi ?? null : null);
      if (t.broadcasts && t.true_mmsi !== null) {
        s.idN++;
        if (identity === t.true_mmsi) s.idOk++;
        if ((t.nearest_other_m ?? Infinity) > 300) { tot.sepN++; if (identity === t.true_mmsi) tot.sepOk++; }
        if (verbose && identity !== t.true_mmsi) console.log('id miss', seed, d.detection_id, 'true', t.true_mmsi, `len ${t.true_length_m} nearest ${t.nearest_other_m} m dark ${t.dark}`, '→', JSON.stringify({ mmsi: d.mmsi, dark: d.dark, c: d.candidates.slice(0, 3) }));
        if (t.dark) { s.darkIdN++; if (identity === t.true_mmsi) s.darkIdOk++; }
      }
      if (d.dark && t.dark) s.darkTP++;
      else if (d.dark) { s.darkFP++; if (verbose) console.log('dark FP', seed, d.detection_id, 'false_alarm', t.false_alarm, 'true', t.true_mmsi); }
      else if (t.dark) { s.darkFN++; if (verbose) console.log('dark FN', seed, d.detection_id, 'true', t.true_mmsi, '→', d.mmsi); }
    }
    // Right-port F1 of dark port calls whose true port was imaged during the call.
    const lengthsAll = await vesselLengths(store);
    const updated = [...withImageryEvidence(events, fused, lengthsAll), ...darkPortCallsSeen(events.filter((e) => e.type === 'gap'), events, fused, lengthsAll)];
    const covered = (e: TumenEvent): boolean => {
      const port = PORTS_OF_INTEREST.find((x) => x.id === e.port?.id);
      const t0 = Date.parse(e.start), t1 = e.end === null ? Infinity : Date.parse(e.end);
      return !!port && fused.some((f) => f.scene.timeMs >= t0 && f.scene.timeMs <= t1 && inBBox(f.scene, port.lat, port.lon));
    };
    const overlaps = (a: TumenEvent, b: TumenEvent): boolean => a.mmsi === b.mmsi && Date.parse(a.start) <= Date.parse(b.end ?? '9999') && Date.parse(b.start) <= Date.parse(a.end ?? '9999');
    const truthDpc = w.events.filter((e) => e.type === 'dark_port_call' && covered(e));
    const before = events.filter((e) => e.type === 'dark_port_call' && truthDpc.some((t) => overlaps(t, e)));
    const after = updated.filter((e) => e.type === 'dark_port_call' && truthDpc.some((t) => overlaps(t, e)));
    const right = (list: TumenEvent[]): number => truthDpc.filter((t) => list.some((e) => overlaps(t, e) && e.port?.id === t.port?.id)).length;
    tot.dpcTruth += truthDpc.length; tot.dpcDetected += after.length;
    // Calls matching no true dark port call at all (imaged or not): the false calls the F1 above cannot see.
    const allTrue = w.events.filter((e) => e.type === 'dark_port_call');
    const spurious = (list: TumenEvent[]): number => list.filter((e) => e.type === 'dark_port_call' && !allTrue.some((t) => overlaps(t, e))).length;
    tot.dpcFalseBefore += spurious(events); tot.dpcFalseAfter += spurious(updated);
    tot.dpcRightBefore += right(before); tot.dpcRightAfter += right(after);
    if (verbose) for (const t of truthDpc) console.log('dpc truth', t.mmsi, t.port?.id, '→ before', before.filter((e) => overlaps(t, e)).map((e) => e.port?.id), 'after', after.filter((e) => overlaps(t, e)).map((e) => e.port?.id));
    await replaceEvents(store, updated.filter((e) => e.type === 'dark_port_call'), ['dark_port_call']);
    // As `tumen detect` stores them: where a tanker was seen dark is fuel evidence (src/fuel/hidden-port.ts).
    await replaceEvents(store, darkDetectionEvents(fused), ['dark_detection']);
    const fuel = await fuelReport(store);
    const fTruth = fuelTruth(w.result.vessels, w.events, seed);
    const found = fTruth.filter((t) => fuel.deliveries.some((d) => d.mmsi === t.mmsi && Date.parse(d.start) <= Date.parse(t.end ?? '9999') && Date.parse(t.start) <= Date.parse(d.end ?? d.start)));
    tot.fuelTrueN += fTruth.length; tot.fuelFound += found.length;
    tot.fuelTrueBbl += fTruth.reduce((a, t) => a + t.barrels, 0);
    tot.fuelEstBbl += fuel.deliveries.reduce((a, d) => a + d.barrels.central, 0);
    tot.fuelLowBbl += fuel.deliveries.reduce((a, d) => a + d.barrels.low, 0);
    tot.fuelHighBbl += fuel.deliveries.reduce((a, d) => a + d.barrels.high, 0);
    tot.fuelPendingN += fuel.pending.length;
    tot.fuelPendingLow += fuel.pending.reduce((a, d) => a + d.barrels.low, 0);
    tot.fuelPendingHigh += fuel.pending.reduce((a, d) => a + d.barrels.high, 0);
    console.log(`seed ${seed}: fuel ${found.length}/${fTruth.length} true deliveries found, ${fuel.deliveries.length} estimated (${fuel.set_aside.length} set aside); ${fuel.deliveries.reduce((a, d) => a + d.barrels.central, 0)} bbl estimated vs ${fTruth.reduce((a, t) => a + t.barrels, 0)} true`);
    if (verbose) for (const d of fuel.deliveries) console.log('fuel delivery', seed, d.mmsi, d.kind, d.port, d.start, d.end, d.barrels.central, fTruth.some((t) => t.mmsi === d.mmsi && Date.parse(d.start) <= Date.parse(t.end ?? '9999') && Date.parse(t.start) <= Date.parse(d.end ?? d.start)) ? 'true' : 'FALSE');
    if (verbose) for (const x of fuel.pending) console.log('fuel pending', seed, x.mmsi, x.kind, x.port, x.start, x.end, x.barrels.central, x.why);
    if (verbose) for (const x of fuel.set_aside) console.log('fuel set aside', seed, x.mmsi, x.kind, x.start, x.end, x.why);
    const dets = fused.reduce((n, f) => n + f.fusion.detections.length, 0);
    tot.dets += dets;
    for (const k of Object.keys(s) as Array<keyof typeof s>) tot[k] += s[k];
    console.log(`seed ${seed}: ${fused.length} scenes, ${dets} detections; identity ${s.idOk}/${s.idN}` +
      ` (dark ships named ${s.darkIdOk}/${s.darkIdN}); dark TP ${s.darkTP} FP ${s.darkFP} FN ${s.darkFN}`);
  } finally {
    store.close();
  }
}
const r = (a: number, b: number): string => (b ? (a / b).toFixed(3) : 'n/a');
console.log(`\nall seeds (${seeds.join(',')}, ${vessels} vessels, ${days} days, world ${variationLabel(variation)}): ${tot.dets} detections`);
console.log(`identity accuracy ${r(tot.idOk, tot.idN)} (${tot.idOk}/${tot.idN}); dark ships named ${r(tot.darkIdOk, tot.darkIdN)} (${tot.darkIdOk}/${tot.darkIdN})`);
console.log(`identity accuracy of ships > 300 m from any other ship: ${r(tot.sepOk, tot.sepN)} (${tot.sepOk}/${tot.sepN})`);
console.log(`dark precision ${r(tot.darkTP, tot.darkTP + tot.darkFP)} recall ${r(tot.darkTP, tot.darkTP + tot.darkFN)}`);
const f1 = (rightN: number): string => (tot.dpcTruth + tot.dpcDetected ? ((2 * rightN) / (tot.dpcTruth + tot.dpcDetected)).toFixed(3) : 'n/a');
console.log(`dark port calls at imaged ports: ${tot.dpcTruth} true, ${tot.dpcDetected} detected; right-port F1 ${f1(tot.dpcRightAfter)} with imagery (${tot.dpcRightAfter} right), ${f1(tot.dpcRightBefore)} without (${tot.dpcRightBefore} right)`);
console.log(`dark port calls matching no true call (anywhere): ${tot.dpcFalseAfter} with imagery, ${tot.dpcFalseBefore} without`);
console.log(`fuel: delivery recall ${r(tot.fuelFound, tot.fuelTrueN)} (${tot.fuelFound}/${tot.fuelTrueN}); total ${tot.fuelEstBbl} bbl estimated (band ${tot.fuelLowBbl}–${tot.fuelHighBbl}) vs ${tot.fuelTrueBbl} true: ${tot.fuelTrueBbl ? ((100 * (tot.fuelEstBbl - tot.fuelTrueBbl)) / tot.fuelTrueBbl).toFixed(1) : 'n/a'} %; pending, not in the total: ${tot.fuelPendingN} (band ${tot.fuelPendingLow}–${tot.fuelPendingHigh})`);
console.log(`fusion wall time ${(tot.fuseMs / 1000).toFixed(1)} s total`);
