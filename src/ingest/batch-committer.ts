// The store side of NMEA ingest: commits each batch in one transaction together with the identity history
// of its vessels and the ingest progress. One commit runs while the next batch is built.
import type { Store } from '../store/db.js';
import { recordProgress, type IngestCounts } from '../store/ingest-log.js';
import { extendIdentityHistory } from '../store/identities.js';
import { identityReports } from './identity-reports.js';
import { cloneCounts } from './counts.js';
import type { ResumePoint } from './nmea-decode.js';
import type { BatchData } from './position-batch.js';
import type { StoreWriter } from './store-writer.js';

export class BatchCommitter {
  private pending: Promise<void> | null = null;
  private readonly stored: { positions: number; statics: number; duplicates: number };
  /** The last line-level counts submitted. */
  private lineCounts: IngestCounts;

  constructor(
    private readonly store: Store,
    private readonly writer: StoreWriter,
    private readonly ingestId: number,
    initial: IngestCounts,
  ) {
    this.stored = { positions: initial.positions, statics: initial.statics, duplicates: 0 };
    this.lineCounts = cloneCounts(initial);
  }

  /** Counts as committed (store side) with the given line-level counts (default: the last submitted). */
  totals(lineCounts: IngestCounts = this.lineCounts): IngestCounts {
    return {
      ...cloneCounts(lineCounts), positions: this.stored.positions, statics: this.stored.statics,
      duplicates: lineCounts.duplicates + this.stored.duplicates,
    };
  }

  /**
   * Waits for the previous commit, then starts `batch`'s transaction without waiting for it.
   * `counts` are the line-level counts up to `resume.committedOffset`.
   */
  async submit(batch: BatchData, counts: IngestCounts, resume: ResumePoint, carryTimeMs: number | null): Promise<void> {
    await this.settle();
    this.lineCounts = counts;
    const snapshot = cloneCounts(counts);
    snapshot.bytes = resume.committedOffset;
    this.pending = this.store.transaction(async () => {
      const r = await this.writer.write(batch, this.ingestId);
      if (r.newStatics.length > 0) await extendIdentityHistory(this.store, identityReports(batch.statics, r.newStatics));
      this.stored.positions += r.positions;
      this.stored.statics += r.statics;
      this.stored.duplicates += r.duplicates;
      await recordProgress(this.store, this.ingestId, this.totals(snapshot), { ...resume, carryTimeMs });
    });
  }

  /** Waits for the commit in flight (its error surfaces here). */
  async settle(): Promise<void> {
    const p = this.pending;
    this.pending = null;
    if (p) await p;
  }
}
