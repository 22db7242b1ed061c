// Per-vessel state under churning MMSIs, in process: a world where a new vessel appears every --every-h hours,
// reports for --life-h hours and falls silent (a tenth heard again 6 days later; test/detectors/churn-world.ts),
// through the runner with the default parameters — retiring silent vessels (default) and keeping every chain
// (`retireSilent: false`). Every 5 days of data: chains held, retired records, the JSON of both, the heap.
//   npx tsx --expose-gc bench/runner-churn.ts [--vessels 2000] [--every-h 0.5] [--life-h 30]
import { cpuUsage } from 'node:process';
import { DetectionRunner, type RunnerOptions } from '../src/detectors/runner.js';
import { retireAfterH } from '../src/detectors/registry.js';
import { churn } from '../test/detectors/churn-world.js';
import { arg } from './args.js';

const DAY = 86_400_000, T0 = Date.UTC(2024, 0, 1);
const world = { vessels: Number(arg('vessels', '2000')), everyH: Number(arg('every-h', '0.5')), lifeH: Number(arg('life-h', '30')), returnAfterD: 6, t0Ms: T0 };
const reports = churn(world);
const gc = (globalThis as { gc?: () => void }).gc;
console.log(`churn world: ${world.vessels} vessels, one every ${world.everyH} h for ${world.lifeH} h: ${reports.length} reports; retirement after ${retireAfterH()} h of silence`);

function run(name: string, options: RunnerOptions): void {
  const t = cpuUsage();
  const r = new DetectionRunner(options);
  let day = 0, events = 0;
  const rows: string[] = [];
  for (const x of reports) {
    if (x.kind === 'p') {
      const d = Math.floor((x.p.timeMs - T0) / DAY);
      if (d !== day && d % 5 === 0) {
        events += r.take().events.length;
        const s = r.snapshot();
        gc?.();
        rows.push(`  day ${String(d).padStart(3)}: chains ${String(r.vesselsHeld.chains).padStart(5)}, retired ${String(r.vesselsHeld.retired).padStart(5)}, JSON chains ${(JSON.stringify(s.vessels).length / 1e6).toFixed(2)} MB + retired ${(JSON.stringify(s.retired ?? []).length / 1e6).toFixed(2)} MB, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
      }
      day = d;
      r.pushPosition(x.p);
    } else r.pushStatic(x.s);
  }
  r.flush();
  events += r.take().events.length;
  const u = cpuUsage(t);
  console.log(`${name}: ${events} events, ${((u.user + u.system) / 1e6).toFixed(1)} CPU-s${gc ? '' : ' (no --expose-gc: heap not collected before reading)'}`);
  for (const row of rows) console.log(row);
}

run('retiring (default)', {});
run('keeping every chain', { retireSilent: false });
