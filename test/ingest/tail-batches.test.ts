// The last batches of a read shrink, so that the commit left after decoding is small (tail-batches.ts).
import { describe, expect, it } from 'vitest';
import { TAIL_BATCH_MIN_SHARE, TailBatches } from '../../src/ingest/tail-batches.js';

/** Batch sizes of a read of `fileBytes` bytes, one row per `bytesPerRow` bytes, flushed as decode-file.ts does. */
function batchSizes(fileBytes: number, bytesPerRow: number, batchRows: number, endOffset: number): number[] {
  const tail = new TailBatches(0, endOffset, batchRows);
  const out: number[] = [];
  let rows = 0;
  for (let offset = 0; offset < fileBytes; offset += bytesPerRow) {
    rows++;
    if (rows >= batchRows || tail.flushEarly(rows, offset + bytesPerRow)) {
      out.push(rows);
      tail.taken(rows);
      rows = 0;
    }
  }
  if (rows > 0) out.push(rows);
  return out;
}

describe('TailBatches', () => {
  it('halves the batches once the rest of the file fits in one, down to the smallest share', () => {
    expect(TAIL_BATCH_MIN_SHARE).toBe(1 / 8);
    // 100,000 rows in batches of 16,000: five full ones, then 10,000 (what was left after them, halved
    // into 10,000 + 10,000 — the first flushed once it holds as many rows as are left), 5,000, 2,500 and
    // the rest (2,500: under the smallest batch, 2,000, it is not split again).
    expect(batchSizes(1_000_000, 10, 16_000, 1_000_000)).toEqual([16_000, 16_000, 16_000, 16_000, 16_000, 10_000, 5_000, 2_500, 2_500]);
  });

  it('leaves a read with no known end (stdin, a .gz, a chunk inside the file) in full batches', () => {
    expect(batchSizes(1_000_000, 10, 16_000, NaN)).toEqual([16_000, 16_000, 16_000, 16_000, 16_000, 16_000, 4_000]);
  });

  it('splits a file smaller than one batch in two halves, and never flushes below the smallest share', () => {
    expect(batchSizes(1_000_000, 10, 300_000, 1_000_000)).toEqual([50_000, 50_000]);
    // 1,000 rows, batches of 16,000: under the smallest batch (2,000), one batch.
    expect(batchSizes(10_000, 10, 16_000, 10_000)).toEqual([1_000]);
  });

  it('counts rows per byte from where the read started (a resumed read)', () => {
    // The read starts at byte 500,000 of a 1,000,000-byte file: 50,000 rows left, batches of 40,000.
    const tail = new TailBatches(500_000, 1_000_000, 40_000);
    // 25,000 rows at byte 750,000: as many rows as are left (25,000).
    expect(tail.flushEarly(24_999, 749_990)).toBe(false);
    expect(tail.flushEarly(25_000, 750_000)).toBe(true);
  });
});
