// Raw NMEA lines -> decoded messages -> a batch of rows, with every line counted. No store here: the
// batch is handed to a BatchCommitter, in this thread (live feeds) or from a worker thread (files).
import { AisDecoder, readPositionReport, TAKEN_POSITION, type DecodeResult, type PositionFields } from '../ais/index.js';
import type { IngestCounts } from '../store/ingest-log.js';
import type { ReceptionSource } from '../tracks/position.js';
import { bump, cloneCounts, INGEST_REJECT_NO_TIME } from './counts.js';
import { num, POSITION_TYPES, STATIC_TYPES, staticFields } from './message-rows.js';
import { PositionBatch, SOURCE_CODE } from './position-batch.js';
import type { TimeWindow } from './time-window.js';

export class StrictStop extends Error {}

/**
 * An untimed message inherits the last time seen only this many lines after it; further on that time may
 * be hours old (AMSA's ais.txt: 2.4 % timed lines), and it gets --start instead.
 */
export const CARRY_MAX_LINES = 1000;

export interface NmeaDecodeOptions {
  /** Time given to messages without their own: the last time seen in the input (within CARRY_MAX_LINES), else this. null = reject them. */
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
  /** Plausible message times (others are bad_time rejects). */
  timeWindow: TimeWindow;
}

export interface ResumePoint {
  resumeOffset: number;
  committedOffset: number;
}

export class NmeaDecodeStage {
  readonly decoder: AisDecoder;
  /** Line-level counts; positions/statics/store-level duplicates are the committer's. */
  readonly counts: IngestCounts;
  carryTimeMs: number | null;
  batch: PositionBatch;
  private linesSinceFlush = 0;
  /** counts.lines when carryTimeMs was seen (a resumed ingest treats its carried time as fresh). */
  private carryLine = 0;
  private readonly initialIncomplete: number;
  private contextIncomplete = 0;
  private seenIncomplete = 0;
  private readonly sourceOverride: number;
  /** The time of the last position reception taken before its fields were decoded (TAKEN_POSITION). */
  private takenTimeMs = 0;
  /** Whether that reception was new (read from its bits into the batch) rather than merged as a duplicate. */
  private takenNew = false;
  /** The fields of a new position report, read from its bits (reused). */
  private readonly position: PositionFields = { mmsi: 0, lat: null, lon: null, speed: null, course: null, heading: null, status: null };
  /** False while context lines are decoded: they must not touch the batch. */
  private counting = true;
  /** The batch was asked about this line's payload and does not hold it (its key and slot are kept). */
  private askedBatch = false;

  constructor(private readonly opts: NmeaDecodeOptions, initial: IngestCounts, carryTimeMs: number | null) {
    this.decoder = new AisDecoder({
      minTimeMs: opts.timeWindow.minMs, maxTimeMs: opts.timeWindow.maxMs,
      takePosition: (text, start, end, timeMs, station, satellite, six) => {
        if (!this.counting) return false;
        const id = stationId(station);
        this.takenTimeMs = timeMs;
        if (this.batch.mergeReception(text, start, end, timeMs, id)) {
          this.takenNew = false;
          return true;
        }
        this.askedBatch = true;
        // A new report: what message() would store, read from the bits without building the message.
        const p = this.position;
        if (!readPositionReport(six, p)) return false;
        const type = six[0];
        const source = this.sourceOverride >= 0 ? this.sourceOverride : satellite ? SOURCE_CODE.satellite : 0;
        this.batch.addPosition(null, p.mmsi, timeMs, p.lat as number, p.lon as number, p.speed, p.course, p.heading, type <= 3 ? p.status : null, type, source, id);
        this.takenNew = true;
        return true;
      },
    });
    this.counts = cloneCounts(initial);
    this.carryLine = initial.lines;
    this.carryTimeMs = carryTimeMs;
    this.initialIncomplete = initial.rejects.incomplete_multipart ?? 0;
    this.batch = new PositionBatch(opts.batchRows);
    this.sourceOverride = opts.source === null ? -1 : SOURCE_CODE[opts.source];
  }

  get shouldFlush(): boolean {
    return this.batch.full || this.batch.staticRows.length >= this.batch.capacity || this.linesSinceFlush >= 4 * this.batch.capacity;
  }

  get bufferedRows(): number {
    return this.batch.rows;
  }

  /** Lines read since the last take() (a feed commits them on its timer even when they stored nothing). */
  get pendingLines(): number {
    return this.linesSinceFlush;
  }

  /** Detaches the current batch with the counts as of now, and starts a new one. */
  take(): { batch: PositionBatch; counts: IngestCounts; carryTimeMs: number | null } {
    const batch = this.batch;
    this.batch = new PositionBatch(this.opts.batchRows, batch);
    this.linesSinceFlush = 0;
    return { batch, counts: cloneCounts(this.counts), carryTimeMs: this.carryTimeMs };
  }

  /** Decodes one line. `counted` false = context only (lines re-read before the resume point). */
  line(text: string, lineNo: number, counted: boolean): void {
    this.lineAt(text, 0, text.length, lineNo, counted);
  }

  /** line() of `text[start, end)` (a chunk of many lines: no string per line). */
  lineAt(text: string, start: number, end: number, lineNo: number, counted: boolean): void {
    this.counting = counted;
    this.askedBatch = false;
    const r = this.decoder.decodeLineAt(text, start, end);
    if (!counted) {
      this.contextIncomplete = this.decoder.counts.incomplete_multipart;
      return;
    }
    this.counts.lines++;
    this.linesSinceFlush++;
    if (r === TAKEN_POSITION) this.takenPosition();
    else if (r.kind === 'message') this.message(r, lineNo);
    else if (r.kind === 'skip') bump(this.counts.skipped, r.reason);
    else if (r.kind === 'reject' && r.reason !== 'incomplete_multipart') this.reject(r.reason, r.detail, lineNo);
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

  private message(r: Extract<DecodeResult, { kind: 'message' }>, lineNo: number): void {
    const c = this.counts;
    c.messages++;
    const m = r.message;
    const meta = r.meta;
    let timeMs = meta.timeMs;
    if (timeMs !== null) {
      this.carryTimeMs = timeMs;
      this.carryLine = c.lines;
    } else if (this.opts.arrivalClockMs) timeMs = this.opts.arrivalClockMs();
    else if (this.opts.startMs !== null) {
      timeMs = this.carryTimeMs !== null && c.lines - this.carryLine <= CARRY_MAX_LINES ? this.carryTimeMs : this.opts.startMs;
    } else {
      this.reject(INGEST_REJECT_NO_TIME, 'message without a time (no tag block c:, $PGHP or trailing time); use --start', lineNo);
      return;
    }
    const source = this.sourceOverride >= 0 ? this.sourceOverride : meta.source === null ? 0 : SOURCE_CODE[meta.source];
    const station = stationId(meta.station);
    let used = false;
    const type = m.type;
    if (type <= 3 || POSITION_TYPES.has(type)) {
      const lat = m.lat;
      const lon = m.lon;
      if (typeof lat === 'number' && typeof lon === 'number') {
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
          this.reject('out_of_range', `lat ${lat} lon ${lon}`, lineNo);
          return;
        }
        used = true;
        const status = type <= 3 || type === 27 ? num(m.status) : null;
        if (!this.batch.addPosition(this.askedBatch ? null : r.payload, m.mmsi, timeMs, lat, lon, num(m.speed), num(m.course), num(m.heading), status, type, source, station)) {
          c.duplicates++;
        }
      }
    }
    if (type > 3 && STATIC_TYPES.has(type)) {
      const f = staticFields(m);
      if (f !== null) {
        used = true;
        f.mmsi = m.mmsi;
        f.timeMs = timeMs;
        f.type = type;
        f.source = source;
        f.stations = station;
        if (!this.batch.addStatic(r.payload, f)) c.duplicates++;
      }
    }
    if (!used) c.notStored++;
  }

  /** A position reception taken before decoding (merged into a row, or added from its bits): what message() counts for one. */
  private takenPosition(): void {
    const c = this.counts;
    c.messages++;
    this.carryTimeMs = this.takenTimeMs;
    this.carryLine = c.lines;
    if (!this.takenNew) c.duplicates++;
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
}

/** A station id as stored: stations are kept comma-joined, so a comma inside one becomes ";". */
function stationId(station: string | null): string | null {
  return station !== null && station.indexOf(',') >= 0 ? station.replace(/,/g, ';') : station;
}
