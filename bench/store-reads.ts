// The reads that depend on how positions are laid out, timed on stores of the same rows in different orders
// (e.g. one sorted run per ingest vs one per batch): a ship's track (GET /api/vessels/:mmsi/track, no ORDER
// BY: time order checked in JS), a ship's activity (the dossier's count / first / last / last fix), and the
// detectors' time-ordered read of the whole table (`streamPositionsByTime`). Stores opened read-only, taken
// in turn per round so all see the same load; medians.
//   npx tsx bench/store-reads.ts ROUNDS SHIPS STORE_A.duckdb [STORE_B.duckdb …]
import { loadavg } from 'node:os';
import { Store } from '../src/store/db.js';
import { readTrack } from '../src/server/routes/track.js';
import { streamPositionsByTime } from '../src/store/positions.js';

const [roundsArg = '3', shipsArg = '20', ...paths] = process.argv.slice(2);
if (paths.length === 0) throw new Error('usage: store-reads.ts ROUNDS SHIPS STORE_A [STORE_B …]');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const stores = await Promise.all(paths.map((p) => Store.open(p, { readOnly: true })));
// The same ships in every store: the busiest, spread over the MMSI range.
const all = await stores[0].all<{ mmsi: number }>('SELECT mmsi FROM positions GROUP BY mmsi ORDER BY count(*) DESC, mmsi');
const step = Math.max(1, Math.floor(all.length / Number(shipsArg)));
const ships = all.filter((_, i) => i % step === 0).slice(0, Number(shipsArg)).map((r) => Number(r.mmsi));
const times = new Map<string, { track: number[]; activity: number[]; byTime: number[]; outOfOrder: number }>();
for (const p of paths) times.set(p, { track: [], activity: [], byTime: [], outOfOrder: 0 });
try {
  for (let r = 0; r < Number(roundsArg); r++) {
    for (let s = 0; s < stores.length; s++) {
      const store = stores[s];
      const t = times.get(paths[s])!;
      for (const mmsi of ships) {
        let t0 = performance.now();
        const track = await readTrack(store, { mmsi, maxPoints: 1_000_000 });
        t.track.push(performance.now() - t0);
        if (r === 0) {
          const raw = await store.all<{ t: number }>('SELECT epoch_ms(time)::DOUBLE AS t FROM positions WHERE mmsi = $m::UINTEGER', { m: mmsi });
          t.outOfOrder += raw.some((x, i) => i > 0 && raw[i - 1].t > x.t) ? 1 : 0;
          if (track.total_points === 0) throw new Error(`${paths[s]}: no track for ${mmsi}`);
        }
        t0 = performance.now();
        await store.all('SELECT count(*) AS n, min(time) AS f, max(time) AS l, arg_max(lat, time) AS lat, arg_max(lon, time) AS lon FROM positions WHERE mmsi = $m::UINTEGER', { m: mmsi });
        t.activity.push(performance.now() - t0);
      }
      const t0 = performance.now();
      let n = 0;
      for await (const b of streamPositionsByTime(store)) n += b.length;
      t.byTime.push(performance.now() - t0);
      console.log(`round ${r + 1} ${paths[s]}: ${n} positions by time in ${(t.byTime.at(-1)! / 1000).toFixed(2)} s (load ${loadavg()[0].toFixed(1)})`);
    }
  }
  for (const [p, t] of times) {
    console.log(`${p}: track median ${median(t.track).toFixed(1)} ms (${ships.length} ships × ${roundsArg}; ${t.outOfOrder} read out of time order), ` +
      `activity median ${median(t.activity).toFixed(1)} ms, whole table by time median ${(median(t.byTime) / 1000).toFixed(2)} s`);
  }
} finally {
  for (const s of stores) s.close();
}
