// `tumen detect`: runs segmentation and every detector over the store and stores the events idempotently
// (the events of the types run are replaced; ids are content-derived, so a re-run gives the same rows).
import type { Command } from 'commander';
import { withDbOption } from '../options.js';
import { withStore } from '../../store/db.js';
import { ensurePositionsSchema } from '../../store/positions.js';
import { storeInput } from '../../store/pipeline-source.js';
import { replaceEvents } from '../../store/events-write.js';
import { runPipeline } from '../../detectors/pipeline.js';
import type { EventType } from '../../events/schema.js';

const ALL_TYPES: EventType[] = [
  'gap', 'dark_port_call', 'port_visit', 'encounter', 'loitering', 'spoofing', 'shared_mmsi', 'identity_change', 'draught_change',
];

export function register(program: Command): void {
  withDbOption(
    program
      .command('detect')
      .description('run the event detectors over the store and store the events (idempotent)')
      .option('--type <types>', 'comma-separated event types to run (default: all)'),
  ).action(async (opts: { db: string; type?: string }) => {
    const types = opts.type ? (opts.type.split(',').map((t) => t.trim()) as EventType[]) : ALL_TYPES;
    const unknown = types.filter((t) => !ALL_TYPES.includes(t));
    if (unknown.length > 0) {
      process.stderr.write(`tumen detect: unknown event type(s): ${unknown.join(', ')}\n`);
      process.exitCode = 2;
      return;
    }
    await withStore(opts.db, async (store) => {
      await ensurePositionsSchema(store);
      const { events, stats } = await runPipeline(storeInput(store), { types: new Set(types) });
      const { deleted, inserted } = await replaceEvents(store, events, types);
      const byType = Object.entries(stats.eventsByType).map(([t, n]) => `${t} ${n}`).join(', ') || 'none';
      process.stdout.write(
        `detected ${inserted} events (${byType}) from ${stats.positions} positions of ${stats.vessels} vessels` +
          ` (${stats.segments} segments, ${stats.outliers} outlier positions); replaced ${deleted} stored events\n`,
      );
    });
  });
}
