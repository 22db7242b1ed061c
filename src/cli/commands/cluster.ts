// `tumen cluster up|down|status|wait --dir DIR`: a local cluster on loopback (docs/cluster.md).
import type { Command } from 'commander';
import { CLUSTER_PARAMS, DEFAULT_CELLS, DEFAULT_PARTITIONS } from '../../cluster/params.js';
import { clusterDown, clusterStatus, clusterUp, clusterWait } from '../../cluster/local.js';

export function register(program: Command): void {
  const cluster = program.command('cluster').description('a local Tumen cluster on loopback: 3 NATS nodes, workers, a store node (docs/cluster.md)');
  cluster
    .command('up')
    .description('start 3 NATS nodes (RAFT), N workers and a store node writing DIR/tumen.duckdb; prints the client URL last')
    .requiredOption('--dir <dir>', 'directory for configs, data, logs and DIR/tumen.duckdb')
    .option('--workers <n>', 'workers to start', '2')
    .option('--lease-ttl <s>', 'seconds before a dead worker\'s units are taken over (fixed for the cluster\'s life)', String(CLUSTER_PARAMS.leaseTtlMs / 1000))
    .option('--partitions <n>', 'vessel partitions (units v0…)', String(DEFAULT_PARTITIONS))
    .option('--cells <n>', 'spatial cells of the encounter detector (units e0…)', String(DEFAULT_CELLS))
    .option('--reports-max-age <s>', 'seconds a report stays in the reports stream (units must keep up within it)', String(CLUSTER_PARAMS.reportsMaxAgeMs / 1000))
    .option('--reports-max-bytes <n>', 'byte limit of the reports stream, oldest removed first (-1: none)', String(CLUSTER_PARAMS.reportsMaxBytes))
    .option('--reports-duplicate-window <s>', 'seconds within which a report sent again is dropped by the servers (each node keeps rate × window ids in memory)', String(CLUSTER_PARAMS.reportsDuplicateWindowMs / 1000))
    .action(async (opts: { dir: string; workers: string; leaseTtl: string; partitions: string; cells: string; reportsMaxAge: string; reportsMaxBytes: string; reportsDuplicateWindow: string }) => {
      const n = Number(opts.workers);
      if (!Number.isInteger(n) || n < 0 || n > 64) throw new Error(`--workers must be 0–64, got ${opts.workers}`);
      const ttl = Number(opts.leaseTtl);
      if (!Number.isFinite(ttl) || ttl < 1 || ttl > 3600) throw new Error(`--lease-ttl must be 1–3600 seconds, got ${opts.leaseTtl}`);
      const count = (flag: string, v: string): number => {
        const k = Number(v);
        if (!Number.isInteger(k) || k < 1 || k > 256) throw new Error(`${flag} must be 1–256, got ${v}`);
        return k;
      };
      const maxAge = Number(opts.reportsMaxAge), maxBytes = Number(opts.reportsMaxBytes);
      if (!Number.isFinite(maxAge) || maxAge < 1) throw new Error(`--reports-max-age must be at least 1 second, got ${opts.reportsMaxAge}`);
      if (!Number.isInteger(maxBytes) || (maxBytes < 1 && maxBytes !== -1)) throw new Error(`--reports-max-bytes must be a positive byte count or -1, got ${opts.reportsMaxBytes}`);
      const window = Number(opts.reportsDuplicateWindow);
      if (!Number.isFinite(window) || window < 1 || window > maxAge) throw new Error(`--reports-duplicate-window must be 1 second to --reports-max-age, got ${opts.reportsDuplicateWindow}`);
      const file = await clusterUp(opts.dir, n, (line) => console.error(line), {
        leaseTtlMs: Math.round(ttl * 1000), partitions: count('--partitions', opts.partitions), cells: count('--cells', opts.cells),
        reportsMaxAgeMs: Math.round(maxAge * 1000), reportsMaxBytes: maxBytes, reportsDuplicateWindowMs: Math.round(window * 1000),
      });
      for (const p of file.processes) console.log(`${p.role} ${p.index} pid ${p.pid}${p.port ? ` port ${p.port}` : ''}`);
      console.log(file.url);
    });
  cluster
    .command('status')
    .description('every process of the cluster with its pid, one a line')
    .requiredOption('--dir <dir>', 'the directory given to cluster up')
    .action(async (opts: { dir: string }) => {
      for (const line of await clusterStatus(opts.dir)) console.log(line);
    });
  cluster
    .command('wait')
    .description('return once every published report is processed and every event stored')
    .requiredOption('--dir <dir>', 'the directory given to cluster up')
    .option('--timeout <s>', 'give up (exit 1) after this many seconds', '600')
    .option('--verbose', 'say on stderr what it waits for, each time that changes')
    .action(async (opts: { dir: string; timeout: string; verbose?: boolean }) => {
      const t0 = Date.now();
      await clusterWait(opts.dir, Number(opts.timeout) * 1000, opts.verbose ? (line) => console.error(line) : undefined);
      console.error(`cluster idle after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    });
  cluster
    .command('down')
    .description('stop workers and the store node (they checkpoint), then the NATS nodes')
    .requiredOption('--dir <dir>', 'the directory given to cluster up')
    .action(async (opts: { dir: string }) => {
      for (const line of await clusterDown(opts.dir)) console.log(line);
    });
}
