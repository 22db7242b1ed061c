// JSON straight into a byte buffer, for the decode hot path: no intermediate strings per field. Each message
// type's writer is generated from its field table (unrolled key bytes, integer digit loops, fixed-point
// decimals) and produces exactly the bytes of JSON.stringify(message) (asserted in test/ais).
import { BOOL, LATER, LOOKUP, SINT, STAMP, TEXT, TURN, UINT, type Field } from './fields.js';
import type { AisMessage } from './types.js';

/** Writes the message from '{' up to, not including, the closing '}'; returns the new position. */
export type ByteWriter = (m: AisMessage, b: Uint8Array, p: number) => number;

/** Decimal digits of an integer (|v| < 2^53). */
export function writeInt(b: Uint8Array, p: number, v: number): number {
  if (v < 0) {
    b[p++] = 45;
    v = -v;
  }
  if (v < 10) {
    b[p] = 48 + v;
    return p + 1;
  }
  if (v >= 2147483648) return writeBigInt(b, p, v);
  // 31-bit integers (all AIS fields): integer arithmetic only.
  const len = v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : v < 100000 ? 5 : v < 1000000 ? 6
    : v < 10000000 ? 7 : v < 100000000 ? 8 : v < 1000000000 ? 9 : 10;
  let q = p + len;
  let n = v | 0;
  while (n >= 10) {
    const t = (n / 10) | 0;
    b[--q] = 48 + n - t * 10;
    n = t;
  }
  b[--q] = 48 + n;
  return p + len;
}

function writeBigInt(b: Uint8Array, p: number, v: number): number {
  let len = 0;
  for (let n = v; n >= 1; n = Math.floor(n / 10)) len++;
  let q = p + len;
  while (v >= 1) {
    const d = v % 10;
    b[--q] = 48 + d;
    v = (v - d) / 10;
  }
  return p + len;
}

/**
 * A value that is an exact multiple of 10^-decimals (as the decoder's scaled fields are), written as
 * JavaScript prints it: no trailing zeros, no point for whole numbers. Tiny values JavaScript prints with an
 * exponent (|v| < 1e-6) and non-finite values go through String().
 */
export function writeFixed(b: Uint8Array, p: number, v: number, decimals: number, pow: number): number {
  if (v === 0) {
    b[p] = 48;
    return p + 1;
  }
  if (!(Math.abs(v) >= 1e-6 && Math.abs(v) < 1e15)) return writeAscii(b, p, String(v));
  let n = Math.round(v * pow);
  if (n < 0) {
    b[p++] = 45;
    n = -n;
  }
  if (n < 2147483648) {
    // 31-bit fixed point (every AIS field): integer arithmetic only.
    const whole = (n / pow) | 0;
    let f = n - whole * pow;
    p = writeInt(b, p, whole);
    if (f === 0) return p;
    b[p++] = 46;
    let e = p + decimals;
    for (let i = e - 1; i >= p; i--) {
      const t = (f / 10) | 0;
      b[i] = 48 + f - t * 10;
      f = t;
    }
    while (b[e - 1] === 48) e--;
    return e;
  }
  const whole = Math.floor(n / pow);
  let frac = n - whole * pow;
  p = writeInt(b, p, whole);
  if (frac === 0) return p;
  b[p++] = 46;
  let end = p + decimals;
  for (let i = end - 1; i >= p; i--) {
    const d = frac % 10;
    b[i] = 48 + d;
    frac = (frac - d) / 10;
  }
  while (b[end - 1] === 48) end--;
  return end;
}

/**
 * The value n / pow (pow = 10^decimals, n an integer) as JavaScript prints that number: writeFixed() for
 * callers that hold the integer already.
 */
export function writeScaled(b: Uint8Array, p: number, n: number, decimals: number, pow: number): number {
  if (n === 0) {
    b[p] = 48;
    return p + 1;
  }
  if (n < 0) {
    if (-n < pow * 1e-6) return writeAscii(b, p, String(n / pow)); // JavaScript's exponent form
    b[p++] = 45;
    n = -n;
  } else if (n < pow * 1e-6) {
    return writeAscii(b, p, String(n / pow));
  }
  if (n >= 2147483648) return writeFixed(b, p, n / pow, decimals, pow);
  const whole = (n / pow) | 0;
  let f = n - whole * pow;
  p = writeInt(b, p, whole);
  if (f === 0) return p;
  b[p++] = 46;
  let e = p + decimals;
  for (let i = e - 1; i >= p; i--) {
    const t = (f / 10) | 0;
    b[i] = 48 + f - t * 10;
    f = t;
  }
  while (b[e - 1] === 48) e--;
  return e;
}

/** Any finite number as JavaScript prints it. */
export function writeNumber(b: Uint8Array, p: number, v: number): number {
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return writeInt(b, p, v);
  return writeAscii(b, p, Number.isFinite(v) ? String(v) : 'null');
}

/** Characters known to be ASCII and JSON-safe (no quote, backslash or control characters). */
function writeAscii(b: Uint8Array, p: number, s: string): number {
  for (let i = 0; i < s.length; i++) b[p++] = s.charCodeAt(i);
  return p;
}

/** A JSON string: plain printable ASCII byte by byte; anything else through JSON.stringify and UTF-8. */
export function writeString(b: Uint8Array, p: number, s: string): number {
  const start = p;
  b[p++] = 34;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c > 126) return writeUtf8(b, start, JSON.stringify(s));
    if (c === 34 || c === 92) b[p++] = 92;
    b[p++] = c;
  }
  b[p++] = 34;
  return p;
}

/** Sixbit value -> ASCII code of the AIS text alphabet (ITU-R M.1371 table 47). */
const SIXBIT_CODES = Uint8Array.from({ length: 64 }, (_, v) => (v < 32 ? v + 64 : v));

/**
 * The JSON string of a sixbit text field read straight from the payload: what writeString(text(…)) writes
 * (stops at the first '@', drops trailing spaces, never reads past bitLen), without the string in between.
 */
export function writeSixText(b: Uint8Array, p: number, six: Uint8Array, bitLen: number, start: number, chars: number): number {
  const avail = Math.floor((bitLen - start) / 6);
  const n = chars < avail ? chars : avail;
  b[p++] = 34;
  let end = p; // after the last character that is not a space
  let i = (start / 6) | 0;
  const shift = start - i * 6; // bits of six[i] before the field
  for (let k = 0; k < n; k++, i++) {
    const v = shift === 0 ? six[i] : ((six[i] << shift) | (six[i + 1] >> (6 - shift))) & 63;
    if (v === 0) break; // '@' ends the text
    const c = SIXBIT_CODES[v];
    if (c === 34 || c === 92) b[p++] = 92;
    b[p++] = c;
    if (c !== 32) end = p;
  }
  b[end] = 34;
  return end + 1;
}

const UTF8 = new TextEncoder();
function writeUtf8(b: Uint8Array, p: number, s: string): number {
  return p + UTF8.encodeInto(s, b.subarray(p)).written;
}

/** Any JSON value. */
export function writeValue(b: Uint8Array, p: number, v: unknown): number {
  if (v === null || v === undefined) return writeAscii(b, p, 'null');
  if (typeof v === 'number') return writeNumber(b, p, v);
  if (typeof v === 'string') return writeString(b, p, v);
  if (typeof v === 'boolean') return writeAscii(b, p, v ? 'true' : 'false');
  return writeUtf8(b, p, JSON.stringify(v));
}

/** Unrolled stores of an ASCII constant. */
export function constBytes(s: string): string {
  const stores = [...s].map((ch, i) => `b[p + ${i}] = ${ch.charCodeAt(0)};`);
  return `${stores.join(' ')} p += ${s.length};`;
}

/** Code that writes `,"name":<value of the local v>` for field `f` (shared by the two generated writers). */
export function fieldWriteCode(f: Field): string {
  const key = constBytes(`,${JSON.stringify(f.name)}:`);
  let write: string;
  if (f.minBits > 0 || f.kind === TURN || f.kind === LATER) write = `p = writeValue(b, p, v);`;
  else if (f.kind === BOOL) write = `if (v) { ${constBytes('true')} } else { ${constBytes('false')} }`;
  else if (f.kind === TEXT || f.kind === LOOKUP || f.kind === STAMP) write = `p = writeString(b, p, v);`;
  else {
    const num = f.scale !== 1
      ? (f.decimals >= 0 ? `p = writeFixed(b, p, v, ${f.decimals}, ${10 ** f.decimals});` : `p = writeNumber(b, p, v);`)
      : `p = writeInt(b, p, v);`;
    write = f.na !== null ? `if (v === null) { ${constBytes('null')} } else { ${num} }` : num;
  }
  void UINT; void SINT;
  return f.minBits > 0 || f.kind === LATER ? `if (v !== undefined) { ${key} ${write} }` : `${key} ${write}`;
}

/** Code writing the header `{"type":T,"repeat":R,"mmsi":M` from the given expressions. */
export function headerWriteCode(type: string, repeat: string, mmsi: string): string[] {
  return [
    constBytes('{"type":'), `p = writeInt(b, p, ${type});`,
    constBytes(',"repeat":'), `p = writeInt(b, p, ${repeat});`,
    constBytes(',"mmsi":'), `p = writeInt(b, p, ${mmsi});`,
  ];
}

/** A non-negative integer with at least `digits` digits (zero-padded, as printf("%0Nu")). */
export function writePadded(b: Uint8Array, p: number, v: number, digits: number): number {
  for (let limit = 10, d = 1; d < digits; d++, limit *= 10) if (v < limit) b[p++] = 48;
  return writeInt(b, p, v);
}

export const WRITE_HELPERS = { writeInt, writeFixed, writeNumber, writeString, writeValue, writePadded, writeScaled, writeSixText };

export function compileByteWriter(fields: readonly Field[], hasExtra: boolean): ByteWriter {
  const known = 3 + fields.length;
  const out: string[] = [`let v;`, ...headerWriteCode('m.type', 'm.repeat', 'm.mmsi')];
  for (const f of fields) out.push(`v = m[${JSON.stringify(f.name)}];`, fieldWriteCode(f));
  if (hasExtra) {
    out.push(
      `const keys = Object.keys(m);`,
      `for (let i = ${known}; i < keys.length; i++) {`,
      `  v = m[keys[i]];`,
      `  if (v === undefined) continue;`,
      `  b[p++] = 44; p = writeString(b, p, keys[i]); b[p++] = 58; p = writeValue(b, p, v);`,
      `}`,
    );
  }
  out.push('return p;');
  const make = new Function('writeInt', 'writeFixed', 'writeNumber', 'writeString', 'writeValue',
    `return function writeMessage(m, b, p) {\n${out.join('\n')}\n};`);
  return make(writeInt, writeFixed, writeNumber, writeString, writeValue) as ByteWriter;
}
