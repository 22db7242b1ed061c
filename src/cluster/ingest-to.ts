// `tumen ingest FILE… --to nats://…`: the files go through the regular ingest (decoding, validation,
// duplicate receptions, rejects counted) into a scratch store, which is then published in time order —
// the order `tumen detect` replays a store in, so the cluster sees exactly what a single process would.
// The input's stops go first: the units learn their port areas from them as `tumen detect` does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../store/db.js';
import { ingestFiles, type FileOutcome, type IngestOptions } from '../ingest/ingest.js';
import { storeInput } from '../store/pipeline-source.js';
import { replayInto } from '../detectors/pipeline.js';
import { buildAnchorages, storedStops } from '../store/anchorages.js';
import type { ProgressSink } from '../ingest/progress.js';
import { connectCluster } from './connect.js';
import { ReportPublisher } from './publish.js';
import { CLUSTER_PARAMS } from './params.js';

export interface PublishResult {
  outcomes: FileOutcome[];
  published: number;
  duplicates: number;
  /** Publishes sent again after a failure (a NATS node lost, a leader election). */
  retries: number;
  partitions: number;
}

export async function ingestToCluster(url: string, files: string[], opts: IngestOptions, memoryLimit: string, progress?: ProgressSink): Promise<PublishResult> {
  const dir = mkdtempSync(join(tmpdir(), 'tumen-publish-'));
  try {
    const store = await Store.open(join(dir, 'scratch.duckdb'), { memoryLimit });
    try {
      const outcomes = await ingestFiles(store, files, opts, progress);
      const client = await connectCluster(url, { name: 'tumen-ingest' });
      try {
        const publisher = new ReportPublisher(client, opts.log);
        // Ports as `tumen detect` learns them from a store holding this input.
        await buildAnchorages(store);
        await publisher.ports(await storedStops(store));
        await replayInto(publisher, storeInput(store, {}, CLUSTER_PARAMS.publishWindow), () => publisher.settle());
        await publisher.end();
        return { outcomes, ...publisher.stats, partitions: client.partitions };
      } finally {
        await client.nc.drain();
      }
    } finally {
      store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
