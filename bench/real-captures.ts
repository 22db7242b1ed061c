// Real-data check (issue 8, item 7): the detectors on real captures of normal traffic, counting the events
// an analyst would reject (bench/real-check.ts). Target: none of any kind. Each capture alone, then all of
// the two AMSA captures of January 2012 as one store — the way a user ingests several files, with a hole in
// time between them (terrestrial to 2012-01-?? then satellite on 2012-01-31).
//   npx tsx bench/real-captures.ts
import { memoryInput, runPipeline } from '../src/detectors/pipeline.js';
import { analystRejects, readGfwTrack, readNmea, readSolent, type Capture } from './real-check.js';

const F = new URL('../test/fixtures/', import.meta.url).pathname;
const B = new URL('./data/real/', import.meta.url).pathname;

const captures: Capture[] = [
  readNmea('AMSA terrestrial 2012-01', `${F}ais/amsa-ais.txt.gz`),
  readNmea('exactEarth satellite 2012-01-31', `${B}exact-earth-augmented.txt.gz`),
  readNmea('DMA stream 2010-06-11', `${F}ais/dma-stream_example.txt.gz`),
  readSolent(`${F}tracks/solent-20160112.csv.gz`),
  readGfwTrack(`${F}tracks/263576000.json`),
  readGfwTrack(`${F}tracks/338013000.json`),
  readGfwTrack(`${F}tracks/416000000.json`),
];
captures.push({
  name: 'AMSA terrestrial + exactEarth as one store',
  positions: [...captures[0]!.positions, ...captures[1]!.positions],
  statics: [...captures[0]!.statics, ...captures[1]!.statics],
});
console.log('| capture | positions | statics | events | on-land spoofing | handovers across holes | one-position visits listed | default IMO findings | default-MMSI findings | not reported (rule: count) | time |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');

let bad = 0;
for (const c of captures) {
  const t0 = performance.now();
  const { events, stats } = await runPipeline(memoryInput(c.positions, c.statics));
  const ms = performance.now() - t0;
  const r = analystRejects(events, c.positions);
  const rejects = r.on_land_spoofing + r.handover_across_hole + r.one_position_visit_listed + r.default_imo_finding + r.default_mmsi_finding;
  bad += rejects;
  const byType = Object.entries(stats.eventsByType).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  const dropped = Object.entries(stats.dropped).flatMap(([t, by]) => Object.entries(by).map(([why, n]) => `${t} ${why}: ${n}`)).join(', ') || 'none';
  console.log(
    `| ${c.name} | ${c.positions.length} | ${c.statics.length} | ${byType} | ${r.on_land_spoofing} | ${r.handover_across_hole} (${r.handover_any} in all) | ${r.one_position_visit_listed} (${r.one_position_visit_hidden} hidden) | ${r.default_imo_finding} | ${r.default_mmsi_finding} | ${dropped} | ${(ms / 1000).toFixed(1)} s |`,
  );
}
console.log(`\nevents an analyst would reject: ${bad} (target 0)`);
process.exitCode = bad === 0 ? 0 : 1;
