// Line-level AIS decoding: NMEA 0183 !xxVDM/!xxVDO framing, checksums, tag blocks, provider metadata and
// multi-sentence reassembly. Stateful per input stream; never reads the clock (timeouts use line times).
import { Payload } from './bits.js';
import { decodePayload, writePayloadJsonOpen } from './message.js';
import { digitsValue, emptyTagBlock, hex2, parseTagBlockInto, type TagBlock } from './tagblock.js';
import { parsePghp, parseTrailing, type PghpMeta } from './trailing.js';
import type { AisMessage, DecodeCountKey, DecodeResult, DecodeWarning, LineMeta, RejectReason } from './types.js';

export interface AisDecoderOptions {
  /** A multipart message whose first fragment is older than this (in line time) is dropped. Default 60 s. */
  fragmentTimeoutMs?: number;
  /** At most this many multipart messages are waiting for fragments; the oldest is dropped. Default 1000. */
  maxPendingFragments?: number;
  /** A multipart message still incomplete this many lines after its first fragment is dropped. Default 2000. */
  fragmentTimeoutLines?: number;
  /** Return the armoured payload with each message (for de-duplication). Default true; off saves a string. */
  keepPayload?: boolean;
  /**
   * Plausible times, epoch ms: a message timed outside [minTimeMs, maxTimeMs] (or by an unreadable tag block
   * c: or $PGHP date) is rejected as bad_time. Defaults: 1990-01-01 and the end of JavaScript's date range
   * (the core has no clock: callers pass "now + 1 day", see src/ingest/time-window.ts).
   */
  minTimeMs?: number;
  maxTimeMs?: number;
  /**
   * Asked before the fields of a one-sentence class A or B position report (types 1-3, 18: 168 bits) with a
   * plausible time of its own are decoded: true when the caller took the reception — it already holds this
   * payload (`text[start, end)`) as a position within its duplicate window and merged the reception (same
   * payload, same bits: the fields would be the same), or it read what it keeps straight from the
   * de-armoured payload `six` (readPositionReport). The line then decodes to TAKEN_POSITION, a message
   * without fields. `satellite`: the line's metadata tells a satellite reception (LineMeta.source would be
   * 'satellite').
   */
  takePosition?: ((text: string, start: number, end: number, timeMs: number, station: string | null, satellite: boolean, six: Uint8Array) => boolean) | null;
}

/**
 * Longest payload accepted, in characters. ITU-R M.1371 messages span at most 5 slots (1008 bits = 168
 * characters); this leaves room for odd transmitters while bounding memory and output per message.
 */
const MAX_PAYLOAD_CHARS = 1024;

/** Longest station name accepted (tag block s:, USCG r…, $PGHP shore station). */
const MAX_STATION_CHARS = 128;

/** 1990-01-01: AIS (ITU-R M.1371) dates from 1998; earlier times are corrupt. */
export const MIN_PLAUSIBLE_TIME_MS = Date.UTC(1990, 0, 1);
/** The largest time a JavaScript Date holds. */
const MAX_DATE_MS = 8.64e15;

const DEFAULTS = {
  fragmentTimeoutMs: 60_000, maxPendingFragments: 1000, fragmentTimeoutLines: 2000, keepPayload: true,
  minTimeMs: MIN_PLAUSIBLE_TIME_MS, maxTimeMs: MAX_DATE_MS, takePosition: null,
};

interface Pending {
  parts: Array<string | undefined>;
  received: number;
  firstLine: number;
  firstTimeMs: number | null;
  meta: LineMeta;
}

/** Metadata of the line being decoded, gathered before the message completes. */
interface Gathered {
  timeMs: number | null;
  station: string | null;
  satellite: boolean;
  arrivalMs: number | null;
}

const SKIP_BLANK: DecodeResult = { kind: 'skip', reason: 'blank' };
const SKIP_COMMENT: DecodeResult = { kind: 'skip', reason: 'comment' };
const SKIP_NON_AIS: DecodeResult = { kind: 'skip', reason: 'non_ais' };
const FRAGMENT: DecodeResult = { kind: 'fragment' };

/** Station names that identify satellite AIS providers. */
const SATELLITE_STATION = /orbcomm|exactearth|spire|sat/i;

/**
 * Type 24 part A names waiting for their part B, by MMSI. gpsd keeps 8 (MAX_TYPE24_INTERLEAVE); a satellite or
 * aggregated feed interleaves many more ships, so Tumen keeps more, oldest dropped first.
 */
const MAX_PENDING_PART_A = 1024;

/** Returned for a reception the takePosition option took (counted as a message). */
export const TAKEN_POSITION: DecodeResult = Object.freeze({
  kind: 'message', message: Object.freeze({ type: 0, repeat: 0, mmsi: 0 }), meta: Object.freeze({ timeMs: null, station: null, source: null, arrivalMs: null }), payload: '',
}) as DecodeResult;

/** Bits of a type 1-3 or 18 position report (28 six-bit characters, no fill). */
const POSITION_REPORT_CHARS = 28;

/** Returned by decodeLineInto() when the message went straight into the caller's buffer. */
export const WRITTEN: DecodeResult = Object.freeze({
  kind: 'message', message: Object.freeze({ type: 0, repeat: 0, mmsi: 0 }), meta: Object.freeze({ timeMs: null, station: null, source: null, arrivalMs: null }), payload: '',
}) as DecodeResult;

export class AisDecoder {
  readonly counts: Record<DecodeCountKey, number> = {
    message: 0, fragment: 0, blank: 0, comment: 0, non_ais: 0,
    checksum: 0, framing: 0, truncated: 0, unknown_type: 0, incomplete_multipart: 0, out_of_range: 0, bad_time: 0,
  };
  /** Lines accepted with a quirk (see DecodeWarning); not part of the line counts above. */
  readonly warnings: Record<DecodeWarning, number> = { tagblock_checksum_variant: 0, tagblock_no_checksum: 0, extra_field: 0 };

  private readonly opts: Required<AisDecoderOptions>;
  private readonly payload = new Payload();
  private readonly pending = new Map<string, Pending>();
  private lineNo = 0;
  /** A tag block alone on its line applies to the next sentence. */
  private carriedTag: TagBlock | null = null;
  /** The tag block of the line being decoded (parsed into, line after line). */
  private readonly lineTag: TagBlock = emptyTagBlock();
  /** The metadata gathered for the line being decoded (refilled line after line; makeMeta copies it). */
  private readonly got: Gathered = { timeMs: null, station: null, satellite: false, arrivalMs: null };
  /** The last $PGHP header applies to sentences until a message completes. */
  private pghp: PghpMeta | null = null;
  /** Type 24 part A shipnames by MMSI, until a part B of the same MMSI takes it. */
  private readonly partA = new Map<number, string>();

  /** decodeLineInto(): target buffer and position, the end of what was written, and that message's meta. */
  private into: Uint8Array | null = null;
  private intoPos = 0;
  writtenEnd = 0;
  writtenMeta: LineMeta = NO_META;

  constructor(options: AisDecoderOptions = {}) {
    this.opts = { ...DEFAULTS, ...options };
  }

  /** Moves the plausible-time window (a live feed advances "now + 1 day" as it runs). */
  setTimeWindow(minTimeMs: number, maxTimeMs: number): void {
    this.opts.minTimeMs = minTimeMs;
    this.opts.maxTimeMs = maxTimeMs;
  }

  decodeLine(line: string): DecodeResult {
    return this.decodeLineAt(line, 0, line.length);
  }

  /** Decodes the line `text[start, end)` (a reader's chunk holding many lines: no string per line). */
  decodeLineAt(text: string, start: number, end: number): DecodeResult {
    const r = this.decode(text, start, end);
    if (r.kind === 'message') this.counts.message++;
    else if (r.kind === 'fragment') this.counts.fragment++;
    else this.counts[r.reason]++;
    return r;
  }

  /**
   * Like decodeLine(), for output-only callers (`tumen decode`): when the message can be rendered straight
   * from its bits, its JSON (without the closing '}') is written into `b` at `p` and WRITTEN is returned;
   * `writtenEnd` and `writtenMeta` then tell where it ends and its line metadata. Otherwise the ordinary
   * result is returned and nothing was written. `b` needs 16 KiB free at `p`.
   */
  decodeLineInto(line: string, b: Uint8Array, p: number): DecodeResult {
    return this.decodeLineIntoAt(line, 0, line.length, b, p);
  }

  /** decodeLineInto() of the line `text[start, end)`. */
  decodeLineIntoAt(text: string, start: number, end: number, b: Uint8Array, p: number): DecodeResult {
    this.into = b;
    this.intoPos = p;
    try {
      return this.decodeLineAt(text, start, end);
    } finally {
      this.into = null;
    }
  }

  /** End of input: pending fragments become 'incomplete_multipart' rejects (also counted). */
  flush(): Array<{ reason: RejectReason; detail: string }> {
    const out: Array<{ reason: RejectReason; detail: string }> = [];
    for (const [key, p] of this.pending) out.push(this.drop(key, p, 'end of input'));
    this.pending.clear();
    this.carriedTag = null;
    this.pghp = null;
    this.partA.clear();
    return out;
  }

  private drop(key: string, p: Pending, why: string): { reason: RejectReason; detail: string } {
    // Its fragments were counted as 'fragment'; they end up as incomplete_multipart instead, so that the
    // counts always add up to the number of lines.
    this.counts.fragment -= p.received;
    this.counts.incomplete_multipart += p.received;
    return { reason: 'incomplete_multipart', detail: `${why}: ${p.received} of ${p.parts.length} fragments (${key}) from line ${p.firstLine}` };
  }

  /** Decodes `line[from, to)`: `line` may hold other lines around it, never read here. */
  private decode(line: string, from: number, to: number): DecodeResult {
    this.lineNo++;
    let end = to;
    while (end > from && line.charCodeAt(end - 1) <= 32) end--;
    let start = from;
    while (start < end && line.charCodeAt(start) <= 32) start++;
    if (start === end) return SKIP_BLANK;
    let c = line.charCodeAt(start);
    if (c === 35 /* # */) return SKIP_COMMENT;

    let tag: TagBlock | null = null;
    if (c === 92 /* \ */) {
      const close = line.indexOf('\\', start + 1);
      if (close < 0 || close >= end) return reject('framing', 'unterminated tag block');
      tag = this.lineTag;
      const failed = parseTagBlockInto(line, start + 1, close, tag);
      if (failed !== null) return reject(failed.reason, failed.detail);
      if (tag.checksum === 'without_g') this.warnings.tagblock_checksum_variant++;
      else if (tag.checksum === 'none') this.warnings.tagblock_no_checksum++;
      start = close + 1;
      if (start === end) {
        this.carriedTag = { ...tag }; // lineTag is the next line's
        return SKIP_NON_AIS;
      }
      c = line.charCodeAt(start);
    } else if (this.carriedTag !== null) {
      tag = this.carriedTag;
    }
    this.carriedTag = null;

    if (!isVdmAt(line, start, end)) {
      if (c === 36 /* $ */ && line.startsWith('$PGHP', start)) {
        this.pghp = parsePghp(line, start, end);
        return SKIP_NON_AIS;
      }
      if (c === 33 /* ! */ || c === 36) return SKIP_NON_AIS; // other NMEA sentences
      // A prefix before the sentence (e.g. a logger's timestamp): decode from the '!'.
      const bang = line.indexOf('!', start);
      if (bang < 0 || bang >= end || !isVdmAt(line, bang, end)) return SKIP_NON_AIS;
      start = bang;
    }
    if (this.pending.size > 0) this.expire(tag?.timeMs ?? null, tag?.station ?? null);
    return this.sentence(line, start, end, tag);
  }

  /** Parses "!AIVDM,total,num,seq,chan,payload,fill*hh[,trailing]" starting at `start`. */
  private sentence(line: string, start: number, end: number, tag: TagBlock | null): DecodeResult {
    // One pass over the line: the head up to the payload (finding its commas), the payload (de-armoured on
    // the way), the tail up to '*'; the checksum (XOR of everything between '!' and '*') is summed meanwhile.
    const p1 = start + 6; // comma after the formatter, checked by isVdmAt
    let sum = 0;
    let p2 = -1, p3 = -1, p4 = -1, p5 = -1;
    let commas = 0;
    for (let i = start + 1; i < end; i++) {
      const c = line.charCodeAt(i);
      if (c === 42 /* * */) break;
      sum ^= c;
      if (c === 44 /* , */) {
        commas++;
        if (commas === 2) p2 = i;
        else if (commas === 3) p3 = i;
        else if (commas === 4) p4 = i;
        else if (commas === 5) {
          p5 = i;
          break;
        }
      }
    }
    if (p5 < 0) {
      const star = line.indexOf('*', start);
      return reject('framing', star < 0 || star >= end ? 'no checksum' : 'too few fields');
    }
    const payload = this.payload;
    const sixCount = payload.scanArmour(line, p5 + 1, end);
    sum ^= payload.xor;
    const stop = payload.stop;
    let star = -1;
    for (let i = stop; i < end; i++) {
      const c = line.charCodeAt(i);
      if (c === 42) {
        star = i;
        break;
      }
      sum ^= c;
    }
    if (star < 0 || star + 3 > end) return reject('framing', 'no checksum');
    const given = hexDigit(line.charCodeAt(star + 1)) * 16 + hexDigit(line.charCodeAt(star + 2));
    if (!(given >= 0)) return reject('framing', `checksum "${line.slice(star + 1, star + 3)}"`);
    if (given !== sum) return reject('checksum', `sentence checksum ${hex2(given)}, computed ${hex2(sum)}`);
    if (line.charCodeAt(stop) !== 44) {
      return reject('framing', stop === star ? 'too few fields' : 'invalid payload character');
    }
    if (sixCount > MAX_PAYLOAD_CHARS) return reject('framing', `payload of ${sixCount} characters`);
    const p6 = stop;

    const total = smallInt(line, p1 + 1, p2);
    const num = smallInt(line, p2 + 1, p3);
    // Navico GoFree gateways add one field after the fill bits ("…,0,0*1C"): accepted, counted as a warning.
    let fillEnd = star;
    for (let i = p6 + 1; i < star; i++) {
      if (line.charCodeAt(i) === 44) {
        fillEnd = i;
        break;
      }
    }
    if (fillEnd < star) {
      const next = line.indexOf(',', fillEnd + 1);
      if (next >= 0 && next < star) return reject('framing', 'too many fields');
      this.warnings.extra_field++;
    }
    const fill = smallInt(line, p6 + 1, fillEnd);
    if (total < 1 || num < 1 || num > total) return reject('framing', `fragment ${line.slice(p2 + 1, p3)} of ${line.slice(p1 + 1, p2)}`);
    if (fill < 0 || fill > 5) return reject('framing', `fill bits "${line.slice(p6 + 1, fillEnd)}"`);
    if (p6 === p5 + 1) return reject('truncated', 'empty payload');

    // Line metadata: tag block first, then trailing provider fields, then the last $PGHP — except that an
    // exactEarth satellite $PGHP (online data "1AIS_S") comes before the trailing epoch: that epoch is the
    // provider's arrival time, 20-120 min after the observation, and is kept as arrivalMs.
    const got = this.got;
    got.timeMs = tag !== null ? tag.timeMs : null;
    got.station = tag !== null ? tag.station : null;
    got.satellite = false;
    got.arrivalMs = null;
    const pghp = this.pghp;
    if (pghp !== null && pghp.satellite) {
      if (got.timeMs === null) got.timeMs = pghp.timeMs;
      if (got.station === null) got.station = pghp.station;
      got.satellite = true;
    }
    if (star + 3 < end && line.charCodeAt(star + 3) === 44 /* , */) {
      const tr = parseTrailing(line, star + 4, end);
      if (got.timeMs === null) got.timeMs = tr.timeMs;
      else if (got.satellite && tr.timeMs !== null) got.arrivalMs = tr.timeMs;
      if (got.station === null) got.station = tr.station;
    }
    if (pghp !== null && !pghp.satellite) {
      if (got.timeMs === null) got.timeMs = pghp.timeMs;
      if (got.station === null) got.station = pghp.station;
    }
    const station = got.station;
    if (station !== null && station.length > MAX_STATION_CHARS) return reject('framing', `station name of ${station.length} characters`);
    const timeMs = got.timeMs;

    if (total === 1) {
      payload.finish(sixCount, fill);
      const take = this.opts.takePosition;
      if (take !== null && sixCount === POSITION_REPORT_CHARS && fill === 0 && timeMs !== null && timeMs >= this.opts.minTimeMs &&
        timeMs <= this.opts.maxTimeMs && isPositionReportChar(line.charCodeAt(p5 + 1)) &&
        take(line, p5 + 1, p6, timeMs, station, got.satellite || (station !== null && isSatelliteStation(station)), payload.six)) {
        this.pghp = null;
        return TAKEN_POSITION;
      }
      return this.complete(this.opts.keepPayload ? line.slice(p5 + 1, p6) : '', got);
    }

    // Multipart: key by group (tag block g:) when given — later fragments often omit s: — else by station,
    // channel and sequence id.
    const key = tag !== null && tag.groupId !== null
      ? `g|${tag.groupId}|${total}`
      : `${station ?? ''}|${line.slice(p4 + 1, p5)}|${line.slice(p3 + 1, p4)}|${total}`;
    const part = line.slice(p5 + 1, p6) + (num === total ? String(fill) : '');
    let p = this.pending.get(key);
    if (num === 1) {
      if (p !== undefined) {
        this.pending.delete(key);
        this.drop(key, p, 'restarted');
      }
      p = { parts: new Array(total), received: 0, firstLine: this.lineNo, firstTimeMs: timeMs, meta: makeMeta(got) };
      this.pending.set(key, p);
      if (this.pending.size > this.opts.maxPendingFragments) this.evictOldest();
    } else if (p === undefined) {
      return reject('incomplete_multipart', `fragment ${num} of ${total} without fragment 1`);
    }
    if (p.parts[num - 1] !== undefined) {
      return reject('incomplete_multipart', `duplicate fragment ${num} of ${total}`);
    }
    p.parts[num - 1] = part;
    p.received++;
    if (p.received < total) return FRAGMENT;

    this.pending.delete(key);
    // The last fragment ends its part with the fill digit; earlier fragments carry none.
    let joined = '';
    let n = 0;
    for (let k = 0; k < total; k++) {
      const s = p.parts[k] as string;
      const body = k === total - 1 ? s.slice(0, -1) : s;
      n = this.payload.append(body, 0, body.length, n);
      if (n < 0) {
        // Its earlier fragments become rejects too.
        this.drop(key, { ...p, received: p.received - 1 }, 'bad fragment');
        return reject('framing', 'invalid payload character');
      }
      joined += body;
      if (n > MAX_PAYLOAD_CHARS) {
        this.drop(key, { ...p, received: p.received - 1 }, 'payload too long');
        return reject('framing', `payload of more than ${MAX_PAYLOAD_CHARS} characters`);
      }
    }
    this.payload.finish(n, fill);
    const first = p.meta;
    return this.complete(joined, {
      timeMs: first.timeMs ?? timeMs, station: first.station ?? station,
      satellite: first.source === 'satellite' || got.satellite, arrivalMs: first.arrivalMs ?? got.arrivalMs,
    });
  }

  private complete(payloadText: string, got: Gathered): DecodeResult {
    this.pghp = null;
    const t = got.timeMs;
    if (t !== null && !(t >= this.opts.minTimeMs && t <= this.opts.maxTimeMs)) {
      return reject('bad_time', Number.isNaN(t) ? 'unreadable time (tag block c: or $PGHP date)'
        : `time ${Math.abs(t) <= MAX_DATE_MS ? new Date(t).toISOString() : String(t)} outside ${isoDay(this.opts.minTimeMs)} .. ${isoDay(this.opts.maxTimeMs)}`);
    }
    if (this.into !== null) {
      const end = writePayloadJsonOpen(this.payload, this.into, this.intoPos);
      if (end >= 0) {
        this.writtenEnd = end;
        this.writtenMeta = makeMeta(got);
        return WRITTEN;
      }
    }
    const out = decodePayload(this.payload);
    if (!out.ok) return { kind: 'reject', reason: out.reason, detail: out.detail };
    if (out.message.type === 24) this.mergeStaticParts(out.message);
    return { kind: 'message', message: out.message, meta: makeMeta(got), payload: payloadText };
  }

  /**
   * Type 24 parts A and B merged as gpsd does: a part B takes the shipname of the last part A of its MMSI,
   * which is then forgotten (a repeated part B must not match again). Both parts are still reported.
   */
  private mergeStaticParts(m: AisMessage): void {
    if (m.partno === 0) {
      this.partA.delete(m.mmsi);
      this.partA.set(m.mmsi, m.shipname as string);
      if (this.partA.size > MAX_PENDING_PART_A) this.partA.delete(this.partA.keys().next().value as number);
      return;
    }
    const name = this.partA.get(m.mmsi);
    if (name === undefined) return;
    this.partA.delete(m.mmsi);
    m.shipname = name;
  }

  /**
   * Drops multipart messages too old in line count, or in line time as told by the same station (merged
   * satellite feeds are not in time order across stations). Oldest first (a Map keeps insertion order).
   */
  private expire(nowMs: number | null, nowStation: string | null): void {
    for (const [key, p] of this.pending) {
      const tooManyLines = this.lineNo - p.firstLine > this.opts.fragmentTimeoutLines;
      const tooOld = nowMs !== null && p.firstTimeMs !== null && p.meta.station === nowStation &&
        nowMs - p.firstTimeMs > this.opts.fragmentTimeoutMs;
      if (tooManyLines || tooOld) {
        this.pending.delete(key);
        this.drop(key, p, 'timed out');
      } else if (this.pending.size < 64) {
        continue; // small buffer: check every entry
      } else {
        break;
      }
    }
  }

  private evictOldest(): void {
    const first = this.pending.entries().next();
    if (first.done === true) return;
    const [key, p] = first.value;
    this.pending.delete(key);
    this.drop(key, p, 'buffer full');
  }
}

function reject(reason: RejectReason, detail: string): DecodeResult {
  return { kind: 'reject', reason, detail };
}

/** Shared (frozen) metadata of lines that carry none: most raw receiver logs. */
const NO_META: LineMeta = Object.freeze({ timeMs: null, station: null, source: null, arrivalMs: null });

function makeMeta(g: Gathered): LineMeta {
  const { timeMs, station } = g;
  if (timeMs === null && station === null && !g.satellite) return NO_META;
  const satellite = g.satellite || (station !== null && isSatelliteStation(station));
  return { timeMs, station, source: satellite ? 'satellite' : null, arrivalMs: g.arrivalMs };
}

/** Stations asked about (a feed names few, interleaved line by line): no regex per line. */
const satelliteStations = new Map<string, boolean>();
/** Bound of that cache (a feed naming more stations only tests the regex for the rest). */
const MAX_CACHED_STATIONS = 4096;

function isSatelliteStation(station: string): boolean {
  let satellite = satelliteStations.get(station);
  if (satellite === undefined) {
    satellite = SATELLITE_STATION.test(station);
    if (satelliteStations.size < MAX_CACHED_STATIONS) satelliteStations.set(station, satellite);
  }
  return satellite;
}

function isoDay(ms: number): string {
  return ms >= -MAX_DATE_MS && ms <= MAX_DATE_MS ? new Date(ms).toISOString().slice(0, 10) : String(ms);
}

/** True when `line[start..]` is "!xxVDM," or "!xxVDO," (or with '$'). */
function isVdmAt(line: string, start: number, end: number): boolean {
  if (end - start < 7) return false;
  const c0 = line.charCodeAt(start);
  return (c0 === 33 || c0 === 36) &&
    line.charCodeAt(start + 3) === 86 /* V */ && line.charCodeAt(start + 4) === 68 /* D */ &&
    (line.charCodeAt(start + 5) === 77 /* M */ || line.charCodeAt(start + 5) === 79 /* O */) &&
    line.charCodeAt(start + 6) === 44;
}

/** The first payload character of a type 1, 2, 3 or 18 report ("1", "2", "3", "B"). */
function isPositionReportChar(c: number): boolean {
  return (c >= 49 && c <= 51) || c === 66;
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1000;
}

/** Non-negative decimal integer in line[start, end); -1 when empty or not a number. */
function smallInt(line: string, start: number, end: number): number {
  return end <= start || end - start > 6 ? -1 : digitsValue(line, start, end);
}
