// `tumen decode` on several threads: the input is cut into blocks of whole lines at points where no decoder
// state crosses (see findSafeCut), each block is decoded by a worker, and the outputs are written in input
// order. Same output as one thread (asserted in test/ais), except a multipart message interleaved across a
// cut, which is then counted as incomplete_multipart.
import { Worker } from 'node:worker_threads';
import { REJECT_REASONS, SKIP_REASONS, type DecodeCountKey } from '../../ais/index.js';
import { readChunks } from '../../io/lines.js';
import { findSafeCut, type ChunkResult } from './decode-chunk.js';
import { CSV_COLUMNS } from './decode-output.js';
import type { DecodeOptions, DecodeSummary, Sink } from './decode.js';

export interface ParallelOptions {
  threads: number;
  /** Target block size in bytes. */
  blockBytes: number;
}

export const DEFAULT_BLOCK_BYTES = 4 << 20;

interface Pending {
  resolve: (r: ChunkResult) => void;
  reject: (e: unknown) => void;
}

class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, Pending>();
  private next = 0;

  constructor(threads: number) {
    const url = new URL('./decode-worker.js', import.meta.url);
    for (let i = 0; i < threads; i++) {
      const w = new Worker(url);
      w.on('message', (msg: ChunkResult & { seq: number }) => {
        const p = this.waiting.get(msg.seq);
        this.waiting.delete(msg.seq);
        p?.resolve(msg);
      });
      w.on('error', (err) => {
        for (const p of this.waiting.values()) p.reject(err);
        this.waiting.clear();
      });
      this.workers.push(w);
    }
  }

  run(seq: number, bytes: Uint8Array, options: DecodeOptions): Promise<ChunkResult> {
    const w = this.workers[this.next++ % this.workers.length];
    return new Promise<ChunkResult>((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      w.postMessage({ seq, bytes, format: options.format, strict: options.strict }, [bytes.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

export async function decodeFilesParallel(files: string[], options: DecodeOptions, out: Sink, par: ParallelOptions): Promise<DecodeSummary> {
  const counts = {} as Record<DecodeCountKey, number>;
  for (const k of ['message', 'fragment', ...REJECT_REASONS, ...SKIP_REASONS] as DecodeCountKey[]) counts[k] = 0;
  const summary: DecodeSummary = { counts, lines: 0, strictFailure: null, brokenPipe: false };
  const pool = new WorkerPool(par.threads);
  const maxInFlight = par.threads * 2;
  let seq = 0;
  try {
    if (options.format === 'csv') await out.write(Buffer.from(CSV_COLUMNS.join(',') + '\n'));
    for (const file of files) {
      let fileLines = 0;
      const inFlight: Array<Promise<ChunkResult>> = [];
      // Writes the oldest block's output; false when output must stop (strict failure or closed pipe).
      const drainOne = async (): Promise<boolean> => {
        const r = await (inFlight.shift() as Promise<ChunkResult>);
        if (r.strictFailure !== null) {
          if (r.out.length > 0 && !out.closed) await out.write(Buffer.from(r.out.buffer, r.out.byteOffset, r.out.byteLength));
          summary.strictFailure = `${file}:${fileLines + r.strictFailure.line}: ${r.strictFailure.reason}: ${r.strictFailure.detail}`;
          fileLines += r.strictFailure.line;
          return false;
        }
        fileLines += r.lines;
        for (const k of Object.keys(counts) as DecodeCountKey[]) counts[k] += r.counts[k];
        if (r.out.length > 0 && !out.closed) await out.write(Buffer.from(r.out.buffer, r.out.byteOffset, r.out.byteLength));
        return !out.closed;
      };

      let pending: Buffer[] = [];
      let pendingBytes = 0;
      let go = true;
      const submit = async (block: Uint8Array): Promise<void> => {
        inFlight.push(pool.run(seq++, block, options));
        if (inFlight.length >= maxInFlight) go = await drainOne();
      };
      for await (const chunk of readChunks(file, { chunkBytes: 1 << 20 })) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes < par.blockBytes) continue;
        const joined = Buffer.concat(pending, pendingBytes);
        let cut = findSafeCut(joined, joined.length);
        if (cut <= 0) cut = joined.lastIndexOf(10) + 1; // no safe point in the window: any line end
        if (cut <= 0) continue; // one enormous line: keep reading
        const block = new Uint8Array(cut);
        block.set(joined.subarray(0, cut));
        pending = [joined.subarray(cut)];
        pendingBytes = joined.length - cut;
        await submit(block);
        if (!go) break;
      }
      if (go && pendingBytes > 0) {
        const block = new Uint8Array(pendingBytes);
        let o = 0;
        for (const c of pending) {
          block.set(c, o);
          o += c.length;
        }
        await submit(block);
      }
      while (go && inFlight.length > 0) go = await drainOne();
      summary.lines += fileLines;
      if (!go) break;
    }
  } finally {
    await pool.close();
  }
  summary.brokenPipe = out.closed;
  return summary;
}
