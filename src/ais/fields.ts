// Field tables as data: each AIS field is {name, absolute bit offset, width, kind}; one routine walks them.
import { sbits, text, ubits } from './bits.js';

export const UINT = 0;
export const SINT = 1;
export const BOOL = 2;
export const TEXT = 3;
export const LOOKUP = 4;
export const TURN = 5;
/** A field the type's extra code fills in; declared here so that it takes its place in gpsd's key order. */
export const LATER = 6;
/** A date/time text made of bit fields, such as gpsd's "2012-01-27T11:46:59Z". */
export const STAMP = 7;
export type FieldKind = typeof UINT | typeof SINT | typeof BOOL | typeof TEXT | typeof LOOKUP | typeof TURN | typeof LATER | typeof STAMP;

/** One number of a STAMP: absolute bit offset, width, minimum digits, largest valid value. */
export type StampPart = readonly [start: number, width: number, digits: number, max: number];

export interface Field {
  readonly name: string;
  /** Absolute bit offset from the start of the message (ITU-R M.1371 / gpsd driver_ais.c). */
  readonly start: number;
  readonly width: number;
  readonly kind: FieldKind;
  /** Output = raw / scale (e.g. 600000 for 1/10000 minute -> degrees). */
  readonly scale: number;
  /** Decimal places the scaled value is rounded to. */
  readonly decimals: number;
  /** Raw value meaning "not available": becomes null. */
  readonly na: number | null;
  /** Valid range of the output value (after scaling); outside it the message is 'out_of_range'. */
  readonly min: number | null;
  readonly max: number | null;
  /** Outside min..max the field becomes null and the message is kept (instead of out_of_range). */
  readonly invalidIsNull: boolean;
  /** Renders the raw value of a LOOKUP field. */
  readonly lookup: ((v: number) => string) | null;
  /** The field is present only when the message has at least this many bits. */
  readonly minBits: number;
  /** STAMP: its numbers, and the text before each of them and after the last (one more than the parts). */
  readonly parts: readonly StampPart[] | null;
  readonly seps: readonly string[] | null;
}

const BASE: Omit<Field, 'name' | 'start' | 'width' | 'kind'> = {
  scale: 1, decimals: -1, na: null, min: null, max: null, invalidIsNull: false, lookup: null, minBits: 0, parts: null, seps: null,
};

type Opts = Partial<Omit<Field, 'name' | 'start' | 'width' | 'kind'>>;

export const u = (name: string, start: number, width: number, o: Opts = {}): Field =>
  ({ ...BASE, ...o, name, start, width, kind: UINT });
export const s = (name: string, start: number, width: number, o: Opts = {}): Field =>
  ({ ...BASE, ...o, name, start, width, kind: SINT });
export const b = (name: string, start: number, o: Opts = {}): Field =>
  ({ ...BASE, ...o, name, start, width: 1, kind: BOOL });
/** Text of `chars` six-bit characters. */
export const t = (name: string, start: number, chars: number, o: Opts = {}): Field =>
  ({ ...BASE, ...o, name, start, width: chars * 6, kind: TEXT });
export const lookup = (name: string, start: number, width: number, render: (v: number) => string): Field =>
  ({ ...BASE, name, start, width, kind: LOOKUP, lookup: render });
export const stamp = (name: string, parts: readonly StampPart[], seps: readonly string[]): Field =>
  ({ ...BASE, name, start: parts[0][0], width: 0, kind: STAMP, parts, seps });

/** The text of a STAMP field, numbers zero-padded as gpsd's printf("%02u"). */
export function stampText(six: Uint8Array, f: Field): string {
  const parts = f.parts as readonly StampPart[];
  const seps = f.seps as readonly string[];
  let s = '';
  for (let i = 0; i < parts.length; i++) {
    const [start, width, digits] = parts[i];
    s += seps[i] + String(ubits(six, start, width)).padStart(digits, '0');
  }
  return s + seps[parts.length];
}

/** True when a number of a STAMP field is above its largest valid value (month 13, hour 25, ...). */
export function stampBad(six: Uint8Array, f: Field): boolean {
  for (const [start, width, , max] of f.parts as readonly StampPart[]) if (ubits(six, start, width) > max) return true;
  return false;
}

export const later = (name: string): Field => ({ ...BASE, name, start: 0, width: 0, kind: LATER });
export const table = (texts: readonly string[]) => (v: number): string => texts[v] ?? `Unknown (${v})`;

/** Longitude in 1/10000 minute (28 bits, 181° = not available). */
export const lon28 = (start: number, name = 'lon'): Field =>
  s(name, start, 28, { scale: 600000, decimals: 7, na: 181 * 600000, min: -180, max: 180 });
/** Latitude in 1/10000 minute (27 bits, 91° = not available). */
export const lat27 = (start: number, name = 'lat'): Field =>
  s(name, start, 27, { scale: 600000, decimals: 7, na: 91 * 600000, min: -90, max: 90 });
/** Longitude in 1/10 minute (18 bits) as in messages 17, 22, 23, 27. */
export const lon18 = (name: string, start: number): Field =>
  s(name, start, 18, { scale: 600, decimals: 4, na: 181 * 600, min: -180, max: 180 });
/** Latitude in 1/10 minute (17 bits). */
export const lat17 = (name: string, start: number): Field =>
  s(name, start, 17, { scale: 600, decimals: 4, na: 91 * 600, min: -90, max: 90 });
/** Speed over ground in 1/10 knot (1023 = not available). */
export const speed10 = (start: number): Field => u('speed', start, 10, { scale: 10, decimals: 1, na: 1023 });
/** Course over ground in 1/10 degree (3600 = not available). */
export const course10 = (start: number): Field =>
  u('course', start, 12, { scale: 10, decimals: 1, na: 3600, min: 0, max: 360 });
/** True heading in degrees (511 = not available). */
export const heading9 = (start: number): Field => u('heading', start, 9, { na: 511, min: 0, max: 359 });
/**
 * Class B heading: 360-510 (seen in real type 18 reports) becomes null and the position is kept — one bad
 * heading should not lose a fix.
 */
export const headingClassB = (start: number): Field => u('heading', start, 9, { na: 511, min: 0, max: 359, invalidIsNull: true });
/** Rate of turn as gpsd renders it: degrees/min, or "fastleft"/"fastright"; -128 = not available. */
export const turn8 = (start: number): Field => ({ ...BASE, name: 'turn', start, width: 8, kind: TURN, na: -128 });

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000];

/**
 * Reads every field of `fields` from the payload into `msg`. Returns the name of the first field whose
 * value is out of its valid range, or null.
 */
export function readFields(six: Uint8Array, bitLen: number, fields: readonly Field[], msg: Record<string, unknown>): string | null {
  let bad: string | null = null;
  for (let k = 0; k < fields.length; k++) {
    const f = fields[k];
    if (bitLen < f.minBits || f.kind === LATER) continue;
    switch (f.kind) {
      case UINT:
      case SINT: {
        const raw = f.kind === UINT ? ubits(six, f.start, f.width) : sbits(six, f.start, f.width);
        if (raw === f.na) {
          msg[f.name] = null;
          break;
        }
        let v = raw;
        if (f.scale !== 1) {
          v = raw / f.scale;
          if (f.decimals >= 0) {
            const p = POW10[f.decimals];
            v = Math.round(v * p) / p;
          }
        }
        if (bad === null && ((f.min !== null && v < f.min) || (f.max !== null && v > f.max))) bad = f.name;
        msg[f.name] = v;
        break;
      }
      case BOOL:
        msg[f.name] = ubits(six, f.start, 1) !== 0;
        break;
      case TEXT:
        msg[f.name] = text(six, bitLen, f.start, f.width / 6);
        break;
      case STAMP:
        msg[f.name] = stampText(six, f);
        if (bad === null && stampBad(six, f)) bad = f.name;
        break;
      case LOOKUP:
        msg[f.name] = (f.lookup as (v: number) => string)(ubits(six, f.start, f.width));
        break;
      case TURN: {
        const raw = sbits(six, f.start, 8);
        if (raw === -128) msg[f.name] = null;
        else if (raw === -127) msg[f.name] = 'fastleft';
        else if (raw === 127) msg[f.name] = 'fastright';
        else {
          // ROT_AIS = 4.733 * sqrt(ROT deg/min), ITU-R M.1371 table 46; gpsd rounds to whole degrees/min.
          const r = raw / 4.733;
          const v = Math.round(r * r);
          msg[f.name] = raw < 0 && v !== 0 ? -v : v;
        }
        break;
      }
    }
  }
  return bad;
}
