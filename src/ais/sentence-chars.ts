// Character-level tests on an NMEA sentence, read in place (no substring per field).
import { digitsValue } from './tagblock.js';

/** True when `line[start..]` is "!xxVDM," or "!xxVDO," (or with '$'). */
export function isVdmAt(line: string, start: number, end: number): boolean {
  if (end - start < 7) return false;
  const c0 = line.charCodeAt(start);
  return (c0 === 33 || c0 === 36) &&
    line.charCodeAt(start + 3) === 86 /* V */ && line.charCodeAt(start + 4) === 68 /* D */ &&
    (line.charCodeAt(start + 5) === 77 /* M */ || line.charCodeAt(start + 5) === 79 /* O */) &&
    line.charCodeAt(start + 6) === 44;
}

/** The first payload character of a type 1, 2, 3 or 18 report ("1", "2", "3", "B"). */
export function isPositionReportChar(c: number): boolean {
  return (c >= 49 && c <= 51) || c === 66;
}

export function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1000;
}

/** Non-negative decimal integer in line[start, end); -1 when empty or not a number. */
export function smallInt(line: string, start: number, end: number): number {
  return end <= start || end - start > 6 ? -1 : digitsValue(line, start, end);
}
