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
    .option('--log-memory <s>', 'log the process memory and each unit\'s state size every S seconds')
    .action(async (opts: { nats: string; id?: string; logMemory?: string }) => {
      const id = opts.id ?? `${hostname()}-${process.pid}`;
      const log = (line: string): void => console.error(`${new Date().toISOString()} ${line}`);
      const worker = new Worker({ url: opts.nats, id, log });
      await worker.start();
      if (opts.logMemory !== undefined) {
        const mb = (n: number): string => (n / 1e6).toFixed(0);
        setInterval(() => {
          const m = process.memoryUsage();
          const units = worker.unitStates().map((u) => `${u.unit} ${(u.stateBytes / 1e6).toFixed(2)}`).join(', ');
          log(`memory: rss ${mb(m.rss)} MB, heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)}, external ${mb(m.external)}, array buffers ${mb(m.arrayBuffers)}; state MB (JSON at the last checkpoint) ${units}`);
        }, Number(opts.logMemory) * 1000).unref();
      }
      console.error(`tumen worker ${id}: connected to ${opts.nats}; units ${worker.units().join(',') || 'none yet'}`);
      await closeOnSignal(worker);
    });
}
