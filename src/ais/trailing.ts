// Metadata some providers append after a sentence's checksum, and Gatehouse $PGHP headers.
//   USCG NAIS:   ...*hh,s25140,d-107,T04.12345678,r003669946,1325394060,1325394001
//   exactEarth:  ...*hh,1327992119173            (epoch milliseconds)
//   Gatehouse:   $PGHP,1,2010,6,11,11,46,11,929,244,0,,1,72*21   (applies to the following sentence)

export interface TrailingMeta {
  timeMs: number | null;
  station: string | null;
}

/** A $PGHP header: its time (NaN when its date fields are impossible), shore station and reception source. */
export interface PghpMeta extends TrailingMeta {
  satellite: boolean;
}

/** Parses the fields after "*hh" (`line[start, end)` begins with ','). */
export function parseTrailing(line: string, start: number, end: number): TrailingMeta {
  let timeMs: number | null = null;
  let station: string | null = null;
  let i = start;
  while (i < end) {
    let comma = line.indexOf(',', i);
    if (comma < 0 || comma > end) comma = end;
    const len = comma - i;
    if (len > 0) {
      const c = line.charCodeAt(i);
      if (c === 114 /* r */ && station === null && len > 1) {
        station = line.slice(i + 1, comma);
      } else if (timeMs === null && c >= 48 && c <= 57 && (len === 10 || len === 13)) {
        // Up to 13 digits: exact in a double, as Number() of the text would give.
        const n = digits(line, i, comma);
        if (n === n) timeMs = len === 13 ? n : n * 1000;
      }
    }
    i = comma + 1;
  }
  return { timeMs, station };
}

/**
 * Gatehouse $PGHP type 1: date/time, MID, region, physical shore station (pss), online data. exactEarth's
 * satellite feed writes "1AIS_S" as online data (S = satellite). Null when not a type 1 header; a header
 * whose date fields are unreadable or impossible (year -2010, month 13) has timeMs NaN, so the sentence it
 * times is rejected as bad_time instead of passing untimed.
 */
export function parsePghp(line: string, start: number, end: number): PghpMeta | null {
  // Hand-parsed in one pass (one header per sentence in DMA and exactEarth captures: split() and regexes here
  // were a tenth of decoding time). Fields: $PGHP,1,year,month,day,hour,minute,second,ms,mid,region,pss,online*hh
  let stop = line.indexOf('*', start);
  if (stop < 0 || stop > end) stop = end;
  if (line.charCodeAt(start + 5) !== 44 || line.charCodeAt(start + 6) !== 49 || line.charCodeAt(start + 7) !== 44) return null;
  let year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, ms = 0;
  let i = start + 8;
  for (let k = 0; k < 7; k++) {
    // A field of 1-4 digits up to the next comma; anything else is NaN.
    let v = 0;
    let j = i;
    for (; j < stop; j++) {
      const c = line.charCodeAt(j);
      if (c === 44) break;
      const d = c - 48;
      v = d >= 0 && d <= 9 ? v * 10 + d : NaN;
    }
    if (j >= stop && k < 6) return null;
    if (j === i || j - i > 4) v = NaN;
    if (k === 0) year = v;
    else if (k === 1) month = v;
    else if (k === 2) day = v;
    else if (k === 3) hour = v;
    else if (k === 4) minute = v;
    else if (k === 5) second = v;
    else ms = v;
    i = j + 1;
  }
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 60 && ms <= 999;
  const timeMs = valid ? minuteStartMs(year, month, day, hour, minute) + second * 1000 + ms : NaN;
  // mid, region, pss, online data
  let pss: string | null = null;
  let satellite = false;
  for (let k = 0; k < 4 && i <= stop; k++) {
    let j = i;
    while (j < stop && line.charCodeAt(j) !== 44) j++;
    if (k === 2 && j > i) pss = sameText(lastPss, line, i, j) ? lastPss : (lastPss = line.slice(i, j));
    if (k === 3) satellite = j - i >= 2 && line.charCodeAt(j - 2) === 95 /* _ */ && (line.charCodeAt(j - 1) | 32) === 115 /* s */;
    i = j + 1;
  }
  return { timeMs, station: pss, satellite };
}

/** The last header's shore station: consecutive headers mostly repeat it (no new string per sentence). */
let lastPss = '';

function sameText(s: string, line: string, start: number, end: number): boolean {
  if (s.length !== end - start) return false;
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) !== line.charCodeAt(start + k)) return false;
  return true;
}

/** Date.UTC to the minute, remembered for the last minute asked (consecutive headers share it). */
let lastMinuteKey = NaN;
let lastMinuteMs = NaN;

function minuteStartMs(year: number, month: number, day: number, hour: number, minute: number): number {
  const key = (((year * 13 + month) * 32 + day) * 24 + hour) * 60 + minute;
  if (key !== lastMinuteKey) {
    lastMinuteKey = key;
    lastMinuteMs = Date.UTC(year, month - 1, day, hour, minute);
  }
  return lastMinuteMs;
}

/** Decimal digits of line[start, end) as a number; NaN if any is not a digit. */
function digits(line: string, start: number, end: number): number {
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = line.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
}
