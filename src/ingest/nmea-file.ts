// Ingest of one raw NMEA file (plain or gzip): resume from the ingest log, a check that the file carries
// times, then line -> pipeline -> batches, each committed with its resume point.
import { AisDecoder } from '../ais/index.js';
import type { Store } from '../store/db.js';
import { emptyCounts, finishIngestLog, reopenIngestLog, startIngestLog, type IngestCounts, type IngestLogEntry } from '../store/ingest-log.js';
import { openOffsetLines } from '../io/offset-lines.js';
import { NmeaPipeline, StrictStop } from './nmea-pipeline.js';
import type { ProgressSink } from './progress.js';
import type { StoreWriter } from './store-writer.js';
import type { ReceptionSource } from '../tracks/position.js';

/** Lines decoded again before the committed offset on resume: multipart fragments, $PGHP headers and
 *  lone tag blocks that precede the first uncommitted message are re-read so it decodes as it would have. */
export const RESUME_CONTEXT_LINES = 8;
/** Lines inspected for a time before refusing a file without times. */
export const TIME_PROBE_LINES = 10_000;

export class NoTimesError extends Error {}

export interface NmeaFileOptions {
  startMs: number | null;
  source: ReceptionSource | null;
  strict: boolean;
  batchRows: number;
  /** For progress/strict messages. */
  label: string;
}

/** True when one of the first `TIME_PROBE_LINES` lines yields a message with its own time. */
export async function probeTimes(path: string): Promise<{ timed: boolean; messages: number }> {
  const decoder = new AisDecoder();
  let seen = 0;
  let messages = 0;
  for await (const block of openOffsetLines(path).blocks) {
    for (const line of block.lines) {
      const r = decoder.decodeLine(line);
      if (r.kind === 'message') {
        messages++;
        if (r.meta.timeMs !== null) return { timed: true, messages };
      }
      if (++seen >= TIME_PROBE_LINES) return { timed: false, messages };
    }
  }
  return { timed: false, messages };
}

export async function ingestNmeaFile(
  store: Store, writer: StoreWriter, path: string, fileKey: string | null, previous: IngestLogEntry | undefined,
  opts: NmeaFileOptions, progress: ProgressSink, nowMs: () => number,
): Promise<{ id: number; counts: IngestCounts }> {
  let id: number;
  let initial = emptyCounts();
  let resumeOffset = 0;
  let committedOffset = 0;
  let carry: number | null = null;
  if (previous && previous.status !== 'done') {
    id = previous.id;
    initial = previous;
    resumeOffset = previous.resumeOffset;
    committedOffset = previous.committedOffset;
    carry = previous.carryTimeMs;
    await reopenIngestLog(store, id);
  } else {
    if (opts.startMs === null && path !== '-') {
      const probe = await probeTimes(path);
      if (!probe.timed && probe.messages > 0) {
        throw new NoTimesError(
          `${opts.label}: no message in the first ${TIME_PROBE_LINES} lines carries a time (tag block c:, $PGHP or trailing epoch); ` +
          'give --start ISO-8601 to time its messages (see docs/store.md)');
      }
    }
    id = await startIngestLog(store, { source: path === '-' ? 'stdin' : path, fileKey, format: 'nmea', startedMs: nowMs() });
  }

  const pipe = new NmeaPipeline(store, writer, id, { ...opts }, initial, carry);
  const reader = openOffsetLines(path, resumeOffset);
  const ring = new Float64Array(RESUME_CONTEXT_LINES);
  let ringN = 0;
  let lineNo = initial.lines; // absolute line number of the last counted line
  let endOfLast = resumeOffset;
  try {
    for await (const block of reader.blocks) {
      const { lines, starts } = block;
      for (let i = 0; i < lines.length; i++) {
        const start = starts[i];
        const counted = start >= committedOffset;
        if (counted) lineNo++;
        ring[ringN++ % RESUME_CONTEXT_LINES] = start;
        pipe.line(lines[i], lineNo, counted);
        endOfLast = i + 1 < lines.length ? starts[i + 1] : block.end;
        if (pipe.shouldFlush) {
          // Resume re-reads the last RESUME_CONTEXT_LINES lines for context; only later lines are counted.
          const oldest = ringN >= RESUME_CONTEXT_LINES ? ring[ringN % RESUME_CONTEXT_LINES] : resumeOffset;
          await pipe.flush({ resumeOffset: oldest, committedOffset: endOfLast });
        }
      }
      progress.update(opts.label, reader.fileBytesRead(), reader.fileSize, pipe.totals.messages);
    }
    pipe.endOfInput();
    await pipe.flush({ resumeOffset: endOfLast, committedOffset: endOfLast });
    await pipe.settle();
    await finishIngestLog(store, id, 'done', nowMs());
    return { id, counts: pipe.totals };
  } catch (err) {
    await pipe.settle().catch(() => undefined);
    const msg = err instanceof StrictStop ? err.message : `${opts.label}: ${(err as Error).message}`;
    await finishIngestLog(store, id, 'failed', nowMs(), msg).catch(() => undefined);
    throw err;
  }
}
