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
      } else if (timeMs === null && c >= 48 && c <= 57 && (len === 10 || len === 13) && allDigits(line, i, comma)) {
        const n = Number(line.slice(i, comma));
        timeMs = len === 13 ? n : n * 1000;
      }
    }
    i = comma + 1;
  }
  return { timeMs, station };
}

function allDigits(line: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Gatehouse $PGHP type 1: date/time, MID, region, physical shore station (pss), online data. exactEarth's
 * satellite feed writes "1AIS_S" as online data (S = satellite). Null when not a type 1 header; a header
 * whose date fields are unreadable or impossible (year -2010, month 13) has timeMs NaN, so the sentence it
 * times is rejected as bad_time instead of passing untimed.
 */
export function parsePghp(line: string, start: number, end: number): PghpMeta | null {
  const star = line.indexOf('*', start);
  const f = line.slice(start, star > 0 && star < end ? star : end).split(',');
  if (f.length < 9 || f[1] !== '1') return null;
  const [year, month, day, hour, minute, second, ms] = f.slice(2, 9).map((v) => (/^\d{1,4}$/.test(v) ? Number(v) : NaN));
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 60 && ms <= 999;
  const timeMs = valid ? Date.UTC(year, month - 1, day, hour, minute, second, ms) : NaN;
  const pss = f[11];
  const online = f[12] ?? '';
  return { timeMs, station: pss !== undefined && pss.length > 0 ? pss : null, satellite: /_S$/i.test(online) };
}
