// Decodes one block of whole lines with a fresh decoder: the unit of work of the parallel `tumen decode`.
import { AisDecoder, WRITTEN, type DecodeCountKey, type RejectReason } from '../../ais/index.js';
import { closeJsonLine, csvLine, MAX_JSON_LINE_BYTES, writeJsonLine } from './decode-output.js';

export interface ChunkJob {
  bytes: Uint8Array;
  format: 'jsonl' | 'csv';
  strict: boolean;
}

export interface ChunkResult {
  /** The rendered output of the block. */
  out: Uint8Array;
  lines: number;
  counts: Record<DecodeCountKey, number>;
  /** With --strict: the first reject, its line counted from 1 within the block. */
  strictFailure: { line: number; reason: RejectReason; detail: string } | null;
}

/** `bytes` holds whole lines (the last one may lack its "\n"). */
export function decodeChunk(job: ChunkJob): ChunkResult {
  const buf = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  const decoder = new AisDecoder({ keepPayload: false });
  // JSON is ~4x the NMEA it comes from; grown when needed.
  let out = Buffer.allocUnsafeSlow(Math.max(1 << 16, buf.length * 5));
  let p = 0;
  let lines = 0;
  let strictFailure: ChunkResult['strictFailure'] = null;
  let start = 0;
  while (start < buf.length) {
    let nl = buf.indexOf(10, start);
    if (nl < 0) nl = buf.length;
    const end = nl > start && buf[nl - 1] === 13 ? nl - 1 : nl;
    const line = buf.toString('latin1', start, end);
    start = nl + 1;
    lines++;
    if (p + MAX_JSON_LINE_BYTES > out.length) {
      const grown = Buffer.allocUnsafeSlow(out.length * 2);
      out.copy(grown, 0, 0, p);
      out = grown;
    }
    const r = job.format === 'jsonl' ? decoder.decodeLineInto(line, out, p) : decoder.decodeLine(line);
    if (r === WRITTEN) {
      p = closeJsonLine(out, decoder.writtenEnd, decoder.writtenMeta);
    } else if (r.kind === 'message') {
      if (job.format === 'jsonl') p = writeJsonLine(out, p, r.message, r.meta);
      else p += out.write(csvLine(r.message, r.meta), p, 'utf8');
    } else if (r.kind === 'reject' && job.strict) {
      strictFailure = { line: lines, reason: r.reason, detail: r.detail };
      break;
    }
  }
  const leftovers = decoder.flush();
  if (job.strict && strictFailure === null && leftovers.length > 0) {
    strictFailure = { line: lines, reason: leftovers[0].reason, detail: leftovers[0].detail };
  }
  return { out: out.subarray(0, p), lines, counts: { ...decoder.counts }, strictFailure };
}

/**
 * Where a block may end so that no decoder state crosses it: just after a line that completes a message
 * (a sentence whose fragment number equals its fragment count, so any $PGHP header or lone tag block before
 * it is used up) when the line before that is not an unfinished fragment (so no multipart interleaved with
 * it is cut). Searches backwards from `end` over at most `window` bytes; returns the index just after the
 * chosen "\n", or -1.
 */
export function findSafeCut(b: Uint8Array, end: number, window = 1 << 16): number {
  const stop = Math.max(0, end - window);
  // Walk line ends backwards: nl1 ends line L-1 (the candidate cut is after it), nl2 ends line L-2.
  let nl1 = end - 1;
  while (nl1 >= stop && b[nl1] !== 10) nl1--;
  while (nl1 >= stop) {
    let nl2 = nl1 - 1;
    while (nl2 >= 0 && b[nl2] !== 10) nl2--;
    if (fragmentState(b, nl2 + 1, nl1) === COMPLETE) {
      let nl3 = nl2 - 1;
      while (nl3 >= 0 && b[nl3] !== 10) nl3--;
      if (nl2 < 0 || fragmentState(b, nl3 + 1, nl2) !== OPEN) return nl1 + 1;
    }
    nl1 = nl2;
  }
  return -1;
}

const OTHER = 0;
const COMPLETE = 1;
const OPEN = 2;

/** COMPLETE: a VDM/VDO sentence with fragment number = count; OPEN: an earlier fragment; OTHER: anything else. */
function fragmentState(b: Uint8Array, start: number, end: number): number {
  for (let i = start; i + 8 < end; i++) {
    if (b[i] === 86 && b[i + 1] === 68 && (b[i + 2] === 77 || b[i + 2] === 79) && b[i + 3] === 44) {
      const total = b[i + 4], num = b[i + 6];
      if (b[i + 5] !== 44 || b[i + 7] !== 44 || total < 49 || total > 57) return OTHER;
      return total === num ? COMPLETE : OPEN;
    }
  }
  return OTHER;
}
