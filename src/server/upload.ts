// POST /api/ingest: the uploaded file goes through the same ingest code as `tumen ingest FILE` (written to
// a private temp file first, since the ingest reads files by path and keys them by content), then the
// live detectors run over the rows it added and their events go to SSE subscribers.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../store/db.js';
import type { TumenEvent } from '../events/schema.js';
import { ingestFiles } from '../ingest/ingest.js';
import { INPUT_FORMATS, type InputFormat } from '../ingest/formats.js';
import { badRequest, httpError } from './errors.js';
import type { LiveDetection } from './live-detect.js';
import { storeChanged } from './integrations.js';

export interface UploadResult {
  summary: Record<string, unknown>;
  events: TumenEvent[];
}

let queue: Promise<unknown> = Promise.resolve();

export function ingestUpload(store: Store, live: LiveDetection, input: { filename: string; content: Uint8Array; format?: string }): Promise<UploadResult> {
  if (input.format !== undefined && !(INPUT_FORMATS as readonly string[]).includes(input.format)) {
    throw badRequest(`format must be one of ${INPUT_FORMATS.join(', ')}`);
  }
  // Uploads run one at a time: the ingest writer and the detectors' watermark assume one writer.
  const run = queue.then(() => ingestOne(store, live, input));
  queue = run.catch(() => undefined);
  return run;
}

async function ingestOne(store: Store, live: LiveDetection, input: { filename: string; content: Uint8Array; format?: string }): Promise<UploadResult> {
  const dir = await mkdtemp(join(tmpdir(), 'tumen-upload-'));
  // The client's file name is kept only for messages; the path is ours.
  // No separators, no leading dots ("..", ".hidden"): the name stays inside our temp directory.
  const safeName = input.filename.replace(/[^\w.-]+/g, '_').replace(/^\.+/, '').slice(-100) || 'upload';
  const path = join(dir, safeName);
  try {
    await writeFile(path, input.content);
    // No live pass meanwhile: a CSV ingest rewrites its rows at its end (src/store/positions-cluster.ts), and a
    // pass reading them first would see them twice. A live feed's rows wait until it is done.
    const [outcome] = await live.exclusive(() => ingestFiles(store, [path], { format: input.format as InputFormat | undefined }));
    if (outcome.status === 'failed') throw httpError(422, (outcome.message ?? 'ingest failed').split(path).join(input.filename));
    storeChanged();
    const events = await live.poll();
    return {
      summary: {
        file: input.filename,
        status: outcome.status,
        format: outcome.format,
        ingest_id: outcome.ingestId,
        counts: outcome.counts,
        message: outcome.message?.split(path).join(input.filename) ?? null,
      },
      events,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
