// NMEA 4.0 tag blocks: "\c:1334337317,s:rEV02,g:1-2-3985*2D\" before a sentence (IEC 61162-1 §7.9).

export interface TagBlock {
  /** `c:` UNIX time; seconds or milliseconds on the wire, always milliseconds here. */
  timeMs: number | null;
  /** `s:` source / station. */
  station: string | null;
  /** `g:` (or old "1G2:id") sentence grouping. */
  groupSeq: number;
  groupTotal: number;
  groupId: string | null;
  /** How the checksum matched: 'exact', 'without_g' (Kystverket: the sum leaves out the g: field), 'none' (no "*hh"). */
  checksum: 'exact' | 'without_g' | 'placeholder' | 'none';
}

/** `c:` values above this are milliseconds (1e11 s is the year 5138). */
const MS_THRESHOLD = 1e11;

export type TagParse = { ok: true; tag: TagBlock } | { ok: false; reason: 'checksum' | 'framing'; detail: string };

/** Parses the tag block between the backslashes, `line[start, end)`. */
export function parseTagBlock(line: string, start: number, end: number): TagParse {
  const tag = emptyTagBlock();
  const failed = parseTagBlockInto(line, start, end, tag);
  return failed === null ? { ok: true, tag } : failed;
}

/** A tag block with no fields (to parse into). */
export function emptyTagBlock(): TagBlock {
  return { timeMs: null, station: null, groupSeq: 0, groupTotal: 0, groupId: null, checksum: 'none' };
}

/**
 * parseTagBlock() into `tag` (every field set): null when it parsed, else why not (`tag` then undefined).
 * A decoder reuses one TagBlock for every line: no object per line.
 */
export function parseTagBlockInto(line: string, start: number, end: number, tag: TagBlock): Extract<TagParse, { ok: false }> | null {
  const star = line.lastIndexOf('*', end - 1);
  let bodyEnd = end;
  let checksum: TagBlock['checksum'] = 'none';
  if (star >= start) {
    bodyEnd = star;
    let sum = 0;
    for (let i = start; i < star; i++) sum ^= line.charCodeAt(i);
    // Two hex digits, read in place (no string per line); anything else takes parseInt's reading below.
    const fast = end === star + 3 ? hexValue(line.charCodeAt(star + 1)) * 16 + hexValue(line.charCodeAt(star + 2)) : -1;
    const digits = fast >= 0 ? '' : line.slice(star + 1, end);
    const given = fast >= 0 ? fast : parseInt(digits, 16);
    if (fast < 0 && (Number.isNaN(given) || digits.length < 1 || digits.length > 2)) {
      return { ok: false, reason: 'framing', detail: `tag block checksum "${digits}"` };
    }
    if (given === sum) checksum = 'exact';
    // Some writers (e.g. the AMSA feed archive) put the placeholder "*00" instead of a checksum.
    else if (given === 0 && (fast === 0 || digits === '00')) checksum = 'placeholder';
    else if (given === sumWithoutGroup(line, start, star)) checksum = 'without_g';
    else return { ok: false, reason: 'checksum', detail: `tag block checksum ${hex2(given)}, computed ${hex2(sum)}` };
  }
  tag.timeMs = null;
  tag.station = null;
  tag.groupSeq = 0;
  tag.groupTotal = 0;
  tag.groupId = null;
  tag.checksum = checksum;
  let i = start;
  while (i < bodyEnd) {
    let comma = line.indexOf(',', i);
    if (comma < 0 || comma > bodyEnd) comma = bodyEnd;
    // Fast path for the fields on every line of tagged feeds, without slices or regexes (this parser ran
    // once per line and was a twentieth of ingest's decoding thread): c: as whole seconds or milliseconds
    // (up to 15 digits: exact in a double) and s:. Anything else takes the general path below.
    const k0 = line.charCodeAt(i);
    if (line.charCodeAt(i + 1) === 58 /* : */ && comma > i + 2) {
      if (k0 === 99 /* c */ && comma - i - 2 <= 15) {
        const n = digitsValue(line, i + 2, comma);
        if (n >= 0) {
          tag.timeMs = n >= MS_THRESHOLD ? n : n * 1000;
          i = comma + 1;
          continue;
        }
      } else if (k0 === 115 /* s */) {
        tag.station = line.slice(i + 2, comma);
        i = comma + 1;
        continue;
      }
    }
    const colon = line.indexOf(':', i);
    if (colon > i && colon < comma) {
      const key = line.slice(i, colon);
      const value = line.slice(colon + 1, comma);
      if (key === 'c') {
        // An unreadable or impossible c: is NaN, for the decoder to reject as bad_time (not "untimed").
        const n = value.length > 0 && value.length <= 16 && /^\d+(\.\d*)?$/.test(value) ? Number(value) : NaN;
        tag.timeMs = n >= MS_THRESHOLD ? Math.round(n) : Math.round(n * 1000);
      } else if (key === 's') {
        if (value.length > 0) tag.station = value;
      } else if (key === 'g') {
        const m = /^(\d+)-(\d+)-(\w+)$/.exec(value);
        if (m) setGroup(tag, Number(m[1]), Number(m[2]), m[3]);
      } else {
        // Old NMEA 4 grouping "1G2:0125": sentence 1 of 2, group 0125.
        const m = /^(\d)G(\d)$/.exec(key);
        if (m) setGroup(tag, Number(m[1]), Number(m[2]), value);
      }
    }
    i = comma + 1;
  }
  return null;
}

/** A hex digit's value, or -1000 (so that a pair with one bad digit stays negative). */
function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1000;
}

/** The decimal digits of line[start, end) as a number, or -1 if any is not a digit. */
export function digitsValue(line: string, start: number, end: number): number {
  let v = 0;
  for (let i = start; i < end; i++) {
    const d = line.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * XOR of the tag block body without its "g:…" field (and the comma joining it): Kystverket's feed computes
 * its tag block checksums so.
 */
function sumWithoutGroup(line: string, start: number, star: number): number {
  const body = line.slice(start, star).split(',').filter((f) => !f.startsWith('g:')).join(',');
  let sum = 0;
  for (let k = 0; k < body.length; k++) sum ^= body.charCodeAt(k);
  return sum;
}

function setGroup(tag: TagBlock, seq: number, total: number, id: string): void {
  if (seq >= 1 && total >= 1 && seq <= total) {
    tag.groupSeq = seq;
    tag.groupTotal = total;
    tag.groupId = id;
  }
}

export function hex2(n: number): string {
  return (n < 16 ? '0' : '') + n.toString(16).toUpperCase();
}
