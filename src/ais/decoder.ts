// Line-level AIS decoding: NMEA 0183 !xxVDM/!xxVDO framing, checksums, tag blocks, provider metadata and
// multi-sentence reassembly. Stateful per input stream; never reads the clock (timeouts use line times).
import { Payload } from './bits.js';
import { DECODER_DEFAULTS, MAX_DATE_MS, MAX_PAYLOAD_CHARS, MAX_STATION_CHARS, type AisDecoderOptions } from './decoder-options.js';
import { FRAGMENT, reject, SKIP_BLANK, SKIP_COMMENT, SKIP_NON_AIS, TAKEN_POSITION, WRITTEN } from './decode-results.js';
import { isSatelliteStation, makeMeta, NO_META, type Gathered } from './line-meta.js';
import { decodePayload, writePayloadJsonOpen } from './message.js';
import { PendingFragments } from './pending-fragments.js';
import { hexDigit, isPositionReportChar, isVdmAt, smallInt } from './sentence-chars.js';
import { emptyTagBlock, hex2, parseTagBlockInto, type TagBlock } from './tagblock.js';
import { parsePghp, parseTrailing, type PghpMeta } from './trailing.js';
import { Type24Parts } from './type24-parts.js';
import type { DecodeCountKey, DecodeResult, DecodeWarning, LineMeta, RejectReason } from './types.js';

export { MIN_PLAUSIBLE_TIME_MS, type AisDecoderOptions } from './decoder-options.js';
export { TAKEN_POSITION, WRITTEN } from './decode-results.js';

/** Bits of a type 1-3 or 18 position report (28 six-bit characters, no fill). */
const POSITION_REPORT_CHARS = 28;

export class AisDecoder {
  readonly counts: Record<DecodeCountKey, number> = {
    message: 0, fragment: 0, blank: 0, comment: 0, non_ais: 0,
    checksum: 0, framing: 0, truncated: 0, unknown_type: 0, incomplete_multipart: 0, out_of_range: 0, bad_time: 0,
  };
  /** Lines accepted with a quirk (see DecodeWarning); not part of the line counts above. */
  readonly warnings: Record<DecodeWarning, number> = { tagblock_checksum_variant: 0, tagblock_no_checksum: 0, extra_field: 0 };

  private readonly opts: Required<AisDecoderOptions>;
  private readonly payload = new Payload();
  private readonly pending: PendingFragments;
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
  private readonly partA = new Type24Parts();

  /** decodeLineInto(): target buffer and position, the end of what was written, and that message's meta. */
  private into: Uint8Array | null = null;
  private intoPos = 0;
  writtenEnd = 0;
  writtenMeta: LineMeta = NO_META;

  constructor(options: AisDecoderOptions = {}) {
    this.opts = { ...DECODER_DEFAULTS, ...options };
    this.pending = new PendingFragments(this.counts, this.opts);
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
    const out = this.pending.dropAll('end of input');
    this.carriedTag = null;
    this.pghp = null;
    this.partA.clear();
    return out;
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
    if (this.pending.byKey.size > 0) this.pending.expire(this.lineNo, tag?.timeMs ?? null, tag?.station ?? null);
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
    const pending = this.pending;
    let p = pending.byKey.get(key);
    if (num === 1) {
      if (p !== undefined) {
        pending.byKey.delete(key);
        pending.drop(key, p, 'restarted');
      }
      p = { parts: new Array(total), received: 0, firstLine: this.lineNo, firstTimeMs: timeMs, meta: makeMeta(got) };
      pending.byKey.set(key, p);
      if (pending.byKey.size > this.opts.maxPendingFragments) pending.evictOldest();
    } else if (p === undefined) {
      return reject('incomplete_multipart', `fragment ${num} of ${total} without fragment 1`);
    }
    if (p.parts[num - 1] !== undefined) {
      return reject('incomplete_multipart', `duplicate fragment ${num} of ${total}`);
    }
    p.parts[num - 1] = part;
    p.received++;
    if (p.received < total) return FRAGMENT;

    pending.byKey.delete(key);
    // The last fragment ends its part with the fill digit; earlier fragments carry none.
    let joined = '';
    let n = 0;
    for (let k = 0; k < total; k++) {
      const s = p.parts[k] as string;
      const body = k === total - 1 ? s.slice(0, -1) : s;
      n = this.payload.append(body, 0, body.length, n);
      if (n < 0) {
        // Its earlier fragments become rejects too.
        pending.drop(key, { ...p, received: p.received - 1 }, 'bad fragment');
        return reject('framing', 'invalid payload character');
      }
      joined += body;
      if (n > MAX_PAYLOAD_CHARS) {
        pending.drop(key, { ...p, received: p.received - 1 }, 'payload too long');
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
    if (out.message.type === 24) this.partA.merge(out.message);
    return { kind: 'message', message: out.message, meta: makeMeta(got), payload: payloadText };
  }
}

function isoDay(ms: number): string {
  return ms >= -MAX_DATE_MS && ms <= MAX_DATE_MS ? new Date(ms).toISOString().slice(0, 10) : String(ms);
}
