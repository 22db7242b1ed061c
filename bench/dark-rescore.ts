// Re-fuses stored bench worlds (built by bench/evidence-quality.ts --dir DIR) and scores identity, the dark flag
// and (when the world's detector events were stored, DIR/seedS/events.json) the right-port F1 of dark port calls
// at imaged ports, against the simulator's truth, without re-simulating the AIS ingest or re-running detect: the
// quick loop for fusion rules. `--out FILE` writes every detection's verdict (JSON lines) so two code versions can
// be diffed; `--verbose` prints each wrong identity and each dark port call.
//   npx tsx bench/dark-rescore.ts --seeds 36-41 --world unseen --dir DIR [--vessels 80] [--days 7] [--out FILE] [--verbose]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseVariation } from '../src/cli/commands/simulate.js';
import { simulate } from '../src/sim/index.js';
import { simulateImagery } from '../src/sim/imagery.js';
import { Store } from '../src/store/db.js';
import { fuseStored, vesselLengths } from '../src/store/imagery-fuse.js';
import { withImageryEvidence } from '../src/imagery/events.js';
import { darkPortCallsSeen } from '../src/imagery/seen-port-calls.js';
import { inBBox } from '../src/imagery/fusion.js';
import { PORTS_OF_INTEREST } from '../src/reference/ports-of-interest.js';
import type { TumenEvent } from '../src/events/schema.js';
import { arg, flag, seedList } from './args.js';

const seeds = seedList(arg('seeds', '36'));
const vessels = Number(arg('vessels', '80'));
const days = Number(arg('days', '7'));
const dir = arg('dir', '/tmp/tumen-bench-imagery');
const out = arg('out', '');
const verbose = flag('verbose');
const variation = parseVariation({ world: arg('world', 'unseen') });
const tot = { idN: 0, idOk: 0, tp: 0, fp: 0, fn: 0, dpcTruth: 0, dpcDetected: 0, dpcRight: 0, dpcSpurious: 0, dpcWorlds: 0 };
const lines: string[] = [];
const iso = (t: number): string => new Date(t).toISOString().slice(5, 16);
for (const seed of seeds) {
  const w = simulate({ seed, vessels, days, variation });
  const img = simulateImagery(w.vessels, w.startMs, w.endMs, seed);
  const truth = new Map(img.truth.map((t) => [t.detection_id, t]));
  const store = await Store.open(join(dir, `seed${seed}`, 'w.duckdb'));
  const s = { idN: 0, idOk: 0, tp: 0, fp: 0, fn: 0 };
  let ports = '';
  try {
    const fused = await fuseStored(store);
    for (const f of fused) for (const d of f.fusion.detections) {
      const t = truth.get(d.detection_id)!;
      const identity = d.mmsi ?? (d.dark ? d.candidates[0]?.mmsi ?? null : null);
      if (t.broadcasts && t.true_mmsi !== null) {
        s.idN++;
        if (identity === t.true_mmsi) s.idOk++;
        else if (verbose) console.log(`id miss ${seed} ${d.detection_id} ${iso(d.timeMs)} true ${t.true_mmsi} (len ${t.true_length_m}, dark ${t.dark}, nearest other ${t.nearest_other_m} m) → ${identity} mmsi ${d.mmsi} dark ${d.dark}; ${d.candidates.slice(0, 3).map((c) => `${c.mmsi} ${c.score} ${c.why}`).join(' | ')}`);
      }
      if (d.dark && t.dark) s.tp++; else if (d.dark) s.fp++; else if (t.dark) s.fn++;
      lines.push(JSON.stringify({ seed, id: d.detection_id, dark: d.dark, identity, truthDark: t.dark, truth: t.true_mmsi, fa: t.false_alarm }));
    }
    const evPath = join(dir, `seed${seed}`, 'events.json');
    if (existsSync(evPath)) {
      // As bench/evidence-quality.ts: right-port F1 of dark port calls whose true port was imaged during the call.
      const events = JSON.parse(readFileSync(evPath, 'utf8')) as TumenEvent[];
      const lengths = await vesselLengths(store);
      const updated = [...withImageryEvidence(events, fused, lengths), ...darkPortCallsSeen(events.filter((e) => e.type === 'gap'), events, fused, lengths)];
      const covered = (e: TumenEvent): boolean => {
        const port = PORTS_OF_INTEREST.find((x) => x.id === e.port?.id);
        const t0 = Date.parse(e.start), t1 = e.end === null ? Infinity : Date.parse(e.end);
        return !!port && fused.some((f) => f.scene.timeMs >= t0 && f.scene.timeMs <= t1 && inBBox(f.scene, port.lat, port.lon));
      };
      const overlaps = (a: TumenEvent, b: TumenEvent): boolean => a.mmsi === b.mmsi && Date.parse(a.start) <= Date.parse(b.end ?? '9999') && Date.parse(b.start) <= Date.parse(a.end ?? '9999');
      const truthEvents = readFileSync(join(dir, `seed${seed}`, 'truth', 'events.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as TumenEvent);
      const truthDpc = truthEvents.filter((e) => e.type === 'dark_port_call' && covered(e));
      const after = updated.filter((e) => e.type === 'dark_port_call' && truthDpc.some((t) => overlaps(t, e)));
      const right = truthDpc.filter((t) => after.some((e) => overlaps(t, e) && e.port?.id === t.port?.id)).length;
      const allTrue = truthEvents.filter((e) => e.type === 'dark_port_call');
      const spurious = updated.filter((e) => e.type === 'dark_port_call' && !allTrue.some((t) => overlaps(t, e))).length;
      tot.dpcTruth += truthDpc.length; tot.dpcDetected += after.length; tot.dpcRight += right; tot.dpcSpurious += spurious; tot.dpcWorlds++;
      ports = `; dark calls at imaged ports ${truthDpc.length} true, ${after.length} detected, ${right} right, ${spurious} matching no true call`;
      if (verbose) {
        for (const e of updated) if (e.type === 'dark_port_call' && e.evidence?.imagery) console.log(`dpc ${seed} call ${e.mmsi} ${e.port?.id} ${e.start}→${e.end} candidates ${(e.candidates ?? []).map((c) => c.id).join(',')} imagery ${JSON.stringify(e.evidence.imagery)}`);
        for (const t of truthDpc) console.log(`dpc ${seed} truth ${t.mmsi} ${t.port?.id} ${t.start}→${t.end} → ${after.filter((e) => overlaps(t, e)).map((e) => `${e.port?.id}${e.evidence?.port_by === 'imagery' ? ' (imagery)' : ''} ${e.start}→${e.end}`).join(', ') || 'none'}`);
        for (const e of updated) if (e.type === 'dark_port_call' && !allTrue.some((t) => overlaps(t, e))) console.log(`dpc ${seed} spurious ${e.mmsi} ${e.port?.id}${e.evidence?.port_by === 'imagery' ? ' (imagery)' : ''} ${e.start}→${e.end}`);
      }
    }
  } finally {
    store.close();
  }
  console.log(`seed ${seed}: identity ${s.idOk}/${s.idN}; dark TP ${s.tp} FP ${s.fp} FN ${s.fn}${ports}`);
  for (const k of Object.keys(s) as Array<keyof typeof s>) tot[k] += s[k];
}
const r = (a: number, b: number): string => (b ? (a / b).toFixed(3) : 'n/a');
console.log(`all (${seeds.join(',')}): identity ${r(tot.idOk, tot.idN)} (${tot.idOk}/${tot.idN}); dark precision ${r(tot.tp, tot.tp + tot.fp)} recall ${r(tot.tp, tot.tp + tot.fn)} (TP ${tot.tp} FP ${tot.fp} FN ${tot.fn})`);
if (tot.dpcWorlds > 0) console.log(`dark port calls at imaged ports (${tot.dpcWorlds} worlds with stored events): ${tot.dpcTruth} true, ${tot.dpcDetected} detected, right-port F1 ${r(2 * tot.dpcRight, tot.dpcTruth + tot.dpcDetected)} (${tot.dpcRight} right); ${tot.dpcSpurious} matching no true call`);
if (out) writeFileSync(out, lines.join('\n') + '\n');
