// The reading loop of a NMEA file: lines from the resume offset, context lines before the committed
// offset decoded but not counted, and a flush (with its resume point) whenever a batch is full.
import { openOffsetRanges } from '../io/lines.js';
import type { IngestCounts } from '../store/ingest-log.js';
import type { NmeaDecodeStage, ResumePoint } from './nmea-decode.js';
import type { PositionBatch } from './position-batch.js';

/** Lines decoded again before the committed offset on resume: multipart fragments, $PGHP headers and
 *  lone tag blocks that precede the first uncommitted message are re-read so it decodes as it would have. */
export const RESUME_CONTEXT_LINES = 8;

export interface Taken {
  batch: PositionBatch;
  counts: IngestCounts;
  carryTimeMs: number | null;
}

/**
 * Decodes the lines of `path` from `resumeOffset`, counting those that start at or after `committedOffset`
 * and before `endOffset`. Only a read to the end of the file drops the fragments still pending; a chunk
 * that stops at `endOffset` leaves them to the next chunk's context lines.
 */
/** Told with the last batch of a read: why a .gz stopped early (else null). */
export interface ChunkEnd {
  issue: string | null;
}

export async function decodeFile(
  stage: NmeaDecodeStage, path: string, resumeOffset: number, committedOffset: number, linesBefore: number,
  flush: (taken: Taken, resume: ResumePoint, end: ChunkEnd | null) => Promise<void>,
  progress: (bytesRead: number, fileSize: number, messages: number) => void,
  endOffset = Infinity,
): Promise<string | null> {
  const reader = openOffsetRanges(path, resumeOffset);
  const ring = new Float64Array(RESUME_CONTEXT_LINES);
  let ringN = 0;
  let lineNo = linesBefore; // absolute number of the last counted line
  let endOfLast = resumeOffset;
  const contextStart = (): number => (ringN >= RESUME_CONTEXT_LINES ? ring[ringN % RESUME_CONTEXT_LINES] : resumeOffset);
  for await (const block of reader.blocks) {
    const { text, textStart, starts, ends, count } = block.ranges;
    for (let i = 0; i < count; i++) {
      const start = textStart + starts[i];
      if (start >= endOffset) {
        progress(reader.fileBytesRead(), reader.fileSize, stage.counts.messages);
        const end = { issue: null };
        await flush(stage.take(), { resumeOffset: contextStart(), committedOffset: endOffset }, end);
        return end.issue;
      }
      const counted = start >= committedOffset;
      if (counted) lineNo++;
      ring[ringN++ % RESUME_CONTEXT_LINES] = start;
      stage.lineAt(text, starts[i], ends[i], lineNo, counted);
      if (stage.shouldFlush) {
        endOfLast = i + 1 < count ? textStart + starts[i + 1] : block.end;
        // Resume re-reads the last RESUME_CONTEXT_LINES lines for context; only later lines are counted.
        await flush(stage.take(), { resumeOffset: contextStart(), committedOffset: endOfLast }, null);
      }
    }
    endOfLast = block.end;
    progress(reader.fileBytesRead(), reader.fileSize, stage.counts.messages);
  }
  stage.endOfInput();
  const end = { issue: reader.issue() };
  await flush(stage.take(), { resumeOffset: endOfLast, committedOffset: endOfLast }, end);
  return end.issue;
}
