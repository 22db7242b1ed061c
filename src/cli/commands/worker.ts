// `tumen worker --nats URL`: a cluster worker (docs/cluster.md): claims work units by KV lease, runs the
// detection runner on them, checkpoints to KV; runs until SIGINT/SIGTERM, then hands its units back.
import type { Command } from 'commander';
import { hostname } from 'node:os';
import { Worker } from '../../cluster/worker.js';
import { closeOnSignal } from '../until-signal.js';

export function register(program: Command): void {
  program
    .command('worker')
    .description('run a cluster worker: detection on the work units it leases (docs/cluster.md)')
    .requiredOption('--nats <url>', 'NATS cluster URL, nats://HOST:PORT (more than one: comma-separated)')
    .option('--id <id>', 'worker id, unique in the cluster (default HOST-PID)')
    .action(async (opts: { nats: string; id?: string }) => {
      const id = opts.id ?? `${hostname()}-${process.pid}`;
      const worker = new Worker({ url: opts.nats, id, log: (line) => console.error(`${new Date().toISOString()} ${line}`) });
      await worker.start();
      console.error(`tumen worker ${id}: connected to ${opts.nats}; units ${worker.units().join(',') || 'none yet'}`);
      await closeOnSignal(worker);
    });
}
