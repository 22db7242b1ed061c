// Worker thread of the parallel `tumen decode`: decodes blocks of lines and sends back their rendered output.
import { parentPort } from 'node:worker_threads';
import { decodeChunk, type ChunkJob } from './decode-chunk.js';

parentPort?.on('message', (job: ChunkJob & { seq: number }) => {
  const result = decodeChunk(job);
  // The output is a fresh buffer: hand it over without copying.
  const out = result.out;
  parentPort?.postMessage({ ...result, seq: job.seq }, [out.buffer as ArrayBuffer]);
});
