// `tumen store sort`: rewrites the stored positions in track order (week, MMSI, time), so a ship's track is
// one range per week. Each ingest batch is already stored sorted (one range per batch and week); this merges
// those ranges (many batches, ingests or live-feed batches) and sorts stores ingested before batches were.
// Same rows, same detection (ties keep their stored order).
import type { Command } from 'commander';
import { withDbOption } from '../options.js';
import { requireStoreFile } from '../store-access.js';
import { withStore } from '../../store/db.js';
import { tableExists } from '../../store/vessel-dossier.js';
import { sortStoredPositions } from '../../store/positions-cluster.js';

export function register(program: Command): void {
  const cmd = program.command('store').description('maintain the store file (sort positions into track order)');
  withDbOption(
    cmd.command('sort').description('rewrite every stored position sorted by week, MMSI and time (one range per ship and week, not per batch); stop `tumen serve` first'),
  ).action(async (opts: { db: string }) => {
    requireStoreFile(opts.db);
    const t0 = Date.now();
    await withStore(opts.db, async (store) => {
      if (!(await tableExists(store, 'positions'))) {
        process.stdout.write(`${opts.db}: no positions stored, nothing to sort\n`);
        return;
      }
      const tty = process.stderr.isTTY === true;
      const r = await sortStoredPositions(store, (done, total) => {
        if (tty) process.stderr.write(`\rsorting week ${done}/${total}${done === total ? '\n' : ''}`);
      });
      // The old copy's blocks become free space the next writes reuse (DuckDB does not shrink the file).
      await store.run('CHECKPOINT');
      process.stdout.write(`sorted ${r.rows} positions over ${r.weeks} weeks by week, MMSI, time in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    });
  });
}
