// Batches shrink as a read nears the end of its file: the file's last commit is the one work that nothing
// overlaps (the decoding is over), so the last batch is made small and the big ones go while decoding goes
// on. A batch is flushed early once it holds as many rows as the rest of the file is expected to bring
// (rows per byte so far × bytes left): near the end batches halve, down to TAIL_BATCH_MIN_SHARE of the batch
// size. Measured in bench/RESULTS.md ("Ingest: the last batches shrink").

/**
 * The smallest batch flushed early, as a share of the batch size: three halvings, so three or four more
 * commits per file, each with its fixed costs (the duplicate check's scan, the identity history's queries).
 */
export const TAIL_BATCH_MIN_SHARE = 1 / 8;

export class TailBatches {
  private readonly minRows: number;
  /** Rows of the batches taken since `startOffset`. */
  private rowsTaken = 0;

  /**
   * `startOffset`, `endOffset`: the byte range this read decodes (the end of the file); `batchRows`: the
   * batch size. An `endOffset` that is not a finite byte offset (stdin, a .gz whose offsets are not the
   * file's) never flushes early.
   */
  constructor(private readonly startOffset: number, private readonly endOffset: number, batchRows: number) {
    this.minRows = Math.max(1, Math.ceil(batchRows * TAIL_BATCH_MIN_SHARE));
  }

  /**
   * True when `rows` buffered at byte `offset` are at least what the rest of the read should bring — unless
   * that rest is under half the smallest batch: it then joins this one (no commit of a few rows at the end).
   */
  flushEarly(rows: number, offset: number): boolean {
    if (rows < this.minRows) return false;
    const done = offset - this.startOffset;
    const left = this.endOffset - offset;
    if (!(done > 0 && left >= 0)) return false;
    const expectedTimesDone = (this.rowsTaken + rows) * left; // rows still to come, times `done`
    return rows * done >= expectedTimesDone && 2 * expectedTimesDone >= this.minRows * done;
  }

  /** A batch of `rows` rows was taken. */
  taken(rows: number): void {
    this.rowsTaken += rows;
  }
}
