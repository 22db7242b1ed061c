// Builds the store the page benchmark (bench/ui-pages.ts) runs on: a `tumen demo` world's store (150 ships,
// 5 days, ~273 k positions, its detected events, identities) replicated in time until it holds the target
// number of positions — copy k is the world shifted by k × its span, so the same 150 ships report for about
// a year (~20 M positions: ~130 k per ship, one every ~4 min) and the events repeat with each copy (new
// ids, shifted start/end). What this does NOT give: 20 M positions from thousands of different ships, or
// events detected on the copies (they are copied, not re-detected). Done in DuckDB SQL: ~a minute, not
// the hour an ingest of 20 M simulated positions takes on this loaded machine.
// Rows are stored as `tumen ingest` now leaves them (src/store/positions-cluster.ts): each copy as one ingest,
// sorted by week, MMSI, time; `arrival` as the last argument keeps arrival order (all ships interleaved), the
// order of stores ingested before that.
// Run: node bin/tumen.js demo --no-serve --out DIR; npx tsx bench/ui-store.ts DIR/demo.duckdb OUT.duckdb [positions=20000000] [clustered|arrival]
import { copyFileSync, rmSync } from 'node:fs';
import { Store } from '../src/store/db.js';

const [src, out, targetArg = '20000000', order = 'clustered'] = process.argv.slice(2);
if (!src || !out) throw new Error('usage: npx tsx bench/ui-store.ts DEMO.duckdb OUT.duckdb [positions]');
rmSync(out, { force: true });
copyFileSync(src, out);
const store = await Store.open(out);
try {
  const span = await store.one<{ n: bigint; t0: number; t1: number }>('SELECT count(*) AS n, epoch_ms(min(time))::DOUBLE AS t0, epoch_ms(max(time))::DOUBLE AS t1 FROM positions');
  const n = Number(span!.n);
  const spanDays = Math.ceil((span!.t1 - span!.t0) / 86_400_000);
  const copies = Math.ceil(Number(targetArg) / n);
  const t = Date.now();
  await store.run('CREATE TEMP TABLE base AS SELECT *, rowid AS arrival FROM positions');
  await store.run('DELETE FROM positions');
  const sort = order === 'arrival' ? 'k, p.arrival' : "k, date_trunc('week', p.time + to_days((k * $d)::INTEGER)), p.mmsi, p.time, p.arrival";
  await store.run(`INSERT INTO positions SELECT p.* EXCLUDE (arrival) REPLACE (p.time + to_days((k * $d)::INTEGER) AS time)
    FROM base p, range(0, $c) AS r(k) ORDER BY ${sort}`, { d: spanDays, c: copies });
  await store.run('DROP TABLE base');
  await store.run(`INSERT INTO events SELECT id || '-c' || k, type, mmsi, start + to_days((k * $d)::INTEGER), "end" + to_days((k * $d)::INTEGER), lat, lon, other_mmsi, port_id,
      json_merge_patch(body, json_object('id', id || '-c' || k,
        'start', strftime(start + to_days((k * $d)::INTEGER), '%Y-%m-%dT%H:%M:%S.%gZ'),
        'end', CASE WHEN "end" IS NULL THEN NULL ELSE strftime("end" + to_days((k * $d)::INTEGER), '%Y-%m-%dT%H:%M:%S.%gZ') END))
    FROM events, range(1, $c) AS r(k)`, { d: spanDays, c: copies });
  await store.run('CHECKPOINT');
  const after = await store.one<{ p: bigint; e: bigint }>('SELECT (SELECT count(*) FROM positions) AS p, (SELECT count(*) FROM events) AS e');
  console.log(`${out}: ${after!.p} positions, ${after!.e} events (${copies} copies of ${n} positions, ${spanDays}-day shift, ${order} order) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
} finally {
  store.close();
}
