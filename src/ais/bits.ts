// Bit access over a de-armoured payload held as one 6-bit value per byte (no bit strings are built).
// Offsets are absolute bit positions as in ITU-R M.1371 and gpsd's driver_ais.c.

/** Armour character code -> 6-bit value, or 255 when the character is not valid AIS armour. */
const ARMOUR = new Uint8Array(128).fill(255);
for (let c = 48; c < 88; c++) ARMOUR[c] = c - 48;
for (let c = 96; c < 120; c++) ARMOUR[c] = c - 56;

/** 6-bit value -> ASCII character of the AIS text alphabet (ITU-R M.1371 table 47). */
export const SIXBIT_ASCII = '@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_ !"#$%&\'()*+,-./0123456789:;<=>?';

/**
 * Zero-filled slack after the payload so that reads past the end give 0 (as gpsd's zeroed buffer). The
 * furthest any field table reads past its type's minimum length is 88 bits (type 20): 16 sixbits cover it.
 */
const SLACK_SIXBITS = 16;

/** A reusable payload buffer: `six[i]` holds the 6-bit value of armour character i. */
export class Payload {
  six: Uint8Array = new Uint8Array(256);
  /** Number of valid bits (6 per character minus fill bits). */
  bitLen = 0;

  /** XOR of the characters appended since the last finish(): part of the NMEA checksum. */
  xor = 0;

  /**
   * De-armour `text[start, end)` and append it at sixbit index `at`. Returns the new sixbit count,
   * or -1 when a character is not valid armour.
   */
  append(text: string, start: number, end: number, at: number): number {
    const need = at + (end - start) + SLACK_SIXBITS;
    if (need > this.six.length) {
      const grown = new Uint8Array(Math.max(need, this.six.length * 2));
      grown.set(this.six.subarray(0, at));
      this.six = grown;
    }
    const six = this.six;
    let j = at;
    let x = this.xor;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      const v = c < 128 ? ARMOUR[c] : 255;
      if (v === 255) return -1;
      x ^= c;
      six[j++] = v;
    }
    this.xor = x;
    return j;
  }

  /** Where scanArmour() stopped: the index of the first character that is not armour (or `end`). */
  stop = 0;

  /**
   * De-armours from `text[start]` up to the first character that is not AIS armour (normally the comma
   * before the fill bits) or `end`, from sixbit 0. Returns the sixbit count; `stop` tells where it ended and
   * `xor` holds the XOR of the characters read (their share of the NMEA checksum).
   */
  scanArmour(text: string, start: number, end: number): number {
    if (end - start + SLACK_SIXBITS > this.six.length) this.six = new Uint8Array((end - start + SLACK_SIXBITS) * 2);
    const six = this.six;
    let j = 0;
    let x = 0;
    let i = start;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      const v = c < 128 ? ARMOUR[c] : 255;
      if (v === 255) break;
      x ^= c;
      six[j++] = v;
    }
    this.xor = x;
    this.stop = i;
    return j;
  }

  /** Close the payload: `count` sixbits, `fillBits` unused trailing bits. Zeroes the slack. */
  finish(count: number, fillBits: number): void {
    const six = this.six;
    for (let k = count; k < count + SLACK_SIXBITS; k++) six[k] = 0;
    this.xor = 0;
    this.bitLen = count * 6 - fillBits;
    // Clear the fill bits too, so they read as zero like gpsd's buffer.
    if (fillBits > 0 && count > 0) six[count - 1] &= (0x3f << fillBits) & 0x3f;
  }
}

/** Unsigned integer of `width` bits (≤ 48) starting at absolute bit `start`. */
export function ubits(six: Uint8Array, start: number, width: number): number {
  let i = (start / 6) | 0;
  const avail = 6 - (start - i * 6);
  const first = six[i] & ((1 << avail) - 1);
  if (width <= avail) return first >> (avail - width);
  let v = first;
  let rem = width - avail;
  i++;
  while (rem >= 6) {
    v = v * 64 + six[i++];
    rem -= 6;
  }
  if (rem > 0) v = v * (1 << rem) + (six[i] >> (6 - rem));
  return v;
}

/** Two's-complement signed integer of `width` bits starting at absolute bit `start`. */
export function sbits(six: Uint8Array, start: number, width: number): number {
  const v = ubits(six, start, width);
  const half = 2 ** (width - 1);
  return v >= half ? v - half * 2 : v;
}

/**
 * Text of up to `chars` 6-bit characters from `start`, as gpsd: stops at the first '@',
 * then drops trailing spaces and '@'. Never reads past `bitLen`.
 */
export function text(six: Uint8Array, bitLen: number, start: number, chars: number, trim = true): string {
  const avail = Math.floor((bitLen - start) / 6);
  const n = Math.min(chars, avail);
  let s = '';
  for (let k = 0; k < n; k++) {
    const v = ubits(six, start + 6 * k, 6);
    if (v === 0) break; // '@' ends the text
    s += SIXBIT_ASCII[v];
  }
  if (!trim) return s;
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 32) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** gpsd's binary-data rendering: "<bitcount>:<hex of the bytes, last byte zero-padded>". */
export function hexData(six: Uint8Array, start: number, bitCount: number): string {
  if (bitCount <= 0) return '0:';
  const bytes = Math.ceil(bitCount / 8);
  let s = `${bitCount}:`;
  for (let b = 0; b < bytes; b++) {
    const from = start + b * 8;
    const take = Math.min(8, bitCount - b * 8);
    const v = ubits(six, from, take) << (8 - take);
    s += (v < 16 ? '0' : '') + v.toString(16);
  }
  return s;
}
