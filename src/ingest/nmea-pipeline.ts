// Raw NMEA lines -> decoded messages -> batches -> store. Shared by file ingest and live feeds. Decoding of
// the next batch overlaps the store's commit of the previous one (two batches, swapped at each flush).
import { AisDecoder, type DecodeResult } from '../ais/index.js';
import type { Store } from '../store/db.js';
import { recordProgress, type IngestCounts } from '../store/ingest-log.js';
import { rebuildIdentityHistoryFromStage } from '../store/identities.js';
import type { ReceptionSource } from '../tracks/position.js';
import { bump, cloneCounts, INGEST_REJECT_NO_TIME } from './counts.js';
import { num, POSITION_TYPES, STATIC_TYPES, staticFields } from './message-rows.js';
import { PositionBatch, SOURCE_CODE } from './position-batch.js';
import type { StoreWriter } from './store-writer.js';

export class StrictStop extends Error {}

export interface NmeaPipelineOptions {
  /** Time given to messages without their own: the last time seen in the input, else this. null = reject them. */
  startMs: number | null;
  /** Overrides the source the framing tells (or does not). */
  source: ReceptionSource | null;
  strict: boolean;
  /** Live feeds: messages without a time of their own get their arrival time from this clock. */
  arrivalClockMs?: (() => number) | null;
  /** Positions per batch (one transaction each). */
  batchRows: number;
  /** For --strict messages: `label:line`. */
  label: string;
}

export interface ResumePoint {
  resumeOffset: number;
  committedOffset: number;
}

export class NmeaPipeline {
  readonly decoder = new AisDecoder();
  /** Line-level counts (positions/statics/cross-batch duplicates are added by commits). */
  readonly counts: IngestCounts;
  carryTimeMs: number | null;
  private batch: PositionBatch;
  private spare: PositionBatch;
  private pending: Promise<void> | null = null;
  private linesSinceFlush = 0;
  private readonly stored: { positions: number; statics: number; duplicates: number };
  private readonly initialIncomplete: number;
  private contextIncomplete = 0;
  private seenIncomplete = 0;

  constructor(
    private readonly store: Store,
    private readonly writer: StoreWriter,
    private readonly ingestId: number,
    private readonly opts: NmeaPipelineOptions,
    initial: IngestCounts,
    carryTimeMs: number | null,
  ) {
    this.counts = cloneCounts(initial);
    this.stored = { positions: initial.positions, statics: initial.statics, duplicates: 0 };
    this.carryTimeMs = carryTimeMs;
    this.initialIncomplete = initial.rejects.incomplete_multipart ?? 0;
    this.batch = new PositionBatch(opts.batchRows);
    this.spare = new PositionBatch(opts.batchRows);
  }

  /** Counts as committed plus the lines read since. */
  get totals(): IngestCounts {
    return { ...cloneCounts(this.counts), positions: this.stored.positions, statics: this.stored.statics, duplicates: this.counts.duplicates + this.stored.duplicates };
  }

  get shouldFlush(): boolean {
    return this.batch.full || this.batch.statics.length >= this.batch.capacity || this.linesSinceFlush >= 4 * this.batch.capacity;
  }

  get bufferedRows(): number {
    return this.batch.rows;
  }

  /** Decodes one line. `counted` false = context only (lines re-read before the resume point). */
  line(text: string, lineNo: number, counted: boolean): void {
    const r = this.decoder.decodeLine(text);
    if (!counted) {
      this.contextIncomplete = this.decoder.counts.incomplete_multipart;
      return;
    }
    this.counts.lines++;
    this.linesSinceFlush++;
    this.handle(r, lineNo);
    if (this.decoder.counts.incomplete_multipart !== this.seenIncomplete) this.syncIncomplete(lineNo);
  }

  /**
   * The decoder also drops multipart messages outside any result (restarted, expired or evicted
   * fragments); its own counter is the truth for incomplete_multipart.
   */
  private syncIncomplete(lineNo: number | null): void {
    const n = this.decoder.counts.incomplete_multipart;
    const grew = n > this.seenIncomplete;
    this.seenIncomplete = n;
    const total = this.initialIncomplete + n - this.contextIncomplete;
    if (total > 0) this.counts.rejects.incomplete_multipart = total;
    if (grew && this.opts.strict) {
      throw new StrictStop(`${this.opts.label}${lineNo === null ? '' : `:${lineNo}`}: incomplete_multipart: a multipart message was dropped incomplete`);
    }
  }

  private handle(r: DecodeResult, lineNo: number): void {
    if (r.kind === 'fragment') return;
    if (r.kind === 'skip') {
      bump(this.counts.skipped, r.reason);
      return;
    }
    if (r.kind === 'reject') {
      if (r.reason === 'incomplete_multipart') return; // counted by syncIncomplete
      this.reject(r.reason, r.detail, lineNo);
      return;
    }
    const c = this.counts;
    c.messages++;
    const m = r.message;
    let timeMs = r.meta.timeMs;
    if (timeMs !== null) this.carryTimeMs = timeMs;
    else if (this.opts.arrivalClockMs) timeMs = this.opts.arrivalClockMs();
    else if (this.opts.startMs !== null) timeMs = this.carryTimeMs ?? this.opts.startMs;
    else {
      this.reject(INGEST_REJECT_NO_TIME, 'message without a time (no tag block c:, $PGHP or trailing time); use --start', lineNo);
      return;
    }
    const src = this.opts.source ?? r.meta.source;
    const source = src === null ? 0 : SOURCE_CODE[src];
    const station = r.meta.station === null ? null : r.meta.station.replace(/,/g, ';');
    let used = false;
    const type = m.type;
    if (POSITION_TYPES.has(type)) {
      const lat = num(m.lat);
      const lon = num(m.lon);
      if (lat !== null && lon !== null) {
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
          this.reject('out_of_range', `lat ${lat} lon ${lon}`, lineNo);
          return;
        }
        used = true;
        const status = type <= 3 || type === 27 ? num(m.status) : null;
        if (!this.batch.addPosition(r.payload, m.mmsi, timeMs, lat, lon, num(m.speed), num(m.course), num(m.heading), status, type, source, station)) {
          c.duplicates++;
        }
      }
    }
    if (STATIC_TYPES.has(type)) {
      const f = staticFields(m);
      if (f !== null) {
        used = true;
        if (!this.batch.addStatic(r.payload, { ...f, mmsi: m.mmsi, timeMs, type, source, stations: station })) c.duplicates++;
      }
    }
    if (!used) c.notStored++;
  }

  private reject(reason: string, detail: string, lineNo: number): void {
    bump(this.counts.rejects, reason);
    if (this.opts.strict) throw new StrictStop(`${this.opts.label}:${lineNo}: ${reason}: ${detail}`);
  }

  /** End of input: fragments never completed become incomplete_multipart rejects. */
  endOfInput(): void {
    const dropped = this.decoder.flush();
    if (dropped.length > 0 && this.opts.strict) throw new StrictStop(`${this.opts.label}: ${dropped[0].reason}: ${dropped[0].detail}`);
    this.syncIncomplete(null);
  }

  /**
   * Hands the current batch to the store: waits for the previous commit, stages this batch, and starts
   * its transaction (batch rows + identity history + progress) without waiting for it.
   */
  async flush(resume: ResumePoint): Promise<void> {
    await this.settle();
    const batch = this.batch;
    this.batch = this.spare;
    this.spare = batch;
    this.linesSinceFlush = 0;
    const snapshot = cloneCounts(this.counts);
    snapshot.bytes = resume.committedOffset;
    const carry = this.carryTimeMs;
    await this.writer.stage(batch);
    const info = { minTimeMs: batch.minTimeMs, maxTimeMs: batch.maxTimeMs, length: batch.length, staticsCount: batch.statics.length };
    this.pending = this.store.transaction(async () => {
      const r = await this.writer.merge(info, this.ingestId);
      if (info.staticsCount > 0) await rebuildIdentityHistoryFromStage(this.store, 'static_stage');
      this.stored.positions += r.positions;
      this.stored.statics += r.statics;
      this.stored.duplicates += r.duplicates;
      await recordProgress(this.store, this.ingestId, { ...snapshot, positions: this.stored.positions, statics: this.stored.statics, duplicates: snapshot.duplicates + this.stored.duplicates }, {
        ...resume, carryTimeMs: carry,
      });
    }).finally(() => batch.clear());
  }

  /** Waits for the commit in flight (errors surface here). */
  async settle(): Promise<void> {
    const p = this.pending;
    this.pending = null;
    if (p) await p;
  }
}
