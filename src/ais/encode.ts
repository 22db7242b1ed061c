// AIS encoder for the messages the simulator sends: types 1/2/3, 5, 18, 19 and 24 A/B. Bit layouts follow
// ITU-R M.1371-5 (absolute offsets as in gpsd drivers/driver_ais.c, the same tables src/ais/messages.ts
// decodes); inputs use gpsd's scaled field names and units, so encode → decode round-trips field by field.
// Output: armoured payloads, NMEA 0183 !AIVDM sentences (multipart when longer than one sentence) and
// NMEA 4.0 tag blocks. Core: no I/O.

export interface PositionAFields {
  type: 1 | 2 | 3;
  repeat?: number;
  mmsi: number;
  status: number;
  /** Rate of turn in degrees/min as gpsd renders it; null = not available. */
  turn?: number | 'fastleft' | 'fastright' | null;
  /** Knots; null = not available (1023). */
  speed: number | null;
  accuracy?: boolean;
  lon: number;
  lat: number;
  /** Degrees; null = not available (3600). */
  course: number | null;
  /** Degrees; null = not available (511). */
  heading: number | null;
  second: number;
  maneuver?: number;
  raim?: boolean;
  radio?: number;
}

export interface StaticVoyageFields {
  repeat?: number;
  mmsi: number;
  ais_version?: number;
  imo: number;
  callsign: string;
  shipname: string;
  shiptype: number;
  to_bow: number;
  to_stern: number;
  to_port: number;
  to_starboard: number;
  epfd?: number;
  /** ETA parts; 0 / 24 / 60 = not available. */
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  /** Metres (0.1 m resolution, 25.5 max). */
  draught: number;
  destination: string;
  dte?: number;
}

export interface PositionBFields {
  repeat?: number;
  mmsi: number;
  reserved?: number;
  speed: number | null;
  accuracy?: boolean;
  lon: number;
  lat: number;
  course: number | null;
  heading: number | null;
  second: number;
  regional?: number;
  cs?: boolean;
  display?: boolean;
  dsc?: boolean;
  band?: boolean;
  msg22?: boolean;
  assigned?: boolean;
  raim?: boolean;
  radio?: number;
}

export interface PositionBExtendedFields {
  repeat?: number;
  mmsi: number;
  reserved?: number;
  speed: number | null;
  accuracy?: boolean;
  lon: number;
  lat: number;
  course: number | null;
  heading: number | null;
  second: number;
  regional?: number;
  shipname: string;
  shiptype: number;
  to_bow: number;
  to_stern: number;
  to_port: number;
  to_starboard: number;
  epfd?: number;
  raim?: boolean;
  dte?: number;
  assigned?: boolean;
}

export interface StaticAFields {
  repeat?: number;
  mmsi: number;
  shipname: string;
}

export interface StaticBFields {
  repeat?: number;
  mmsi: number;
  shiptype: number;
  /** Three characters (the 18-bit manufacturer id of M.1371-4+). */
  vendorid: string;
  model?: number;
  serial?: number;
  callsign: string;
  to_bow: number;
  to_stern: number;
  to_port: number;
  to_starboard: number;
  /** Only for auxiliary craft (MMSI 98MIDxxxx), instead of the dimensions. */
  mothership_mmsi?: number;
}

/** A bit buffer written MSB first at absolute offsets (one bit per byte: simple and fast enough). */
class Bits {
  readonly bit = new Uint8Array(512);
  length = 0;

  reset(length: number): void {
    this.bit.fill(0, 0, length);
    this.length = length;
  }

  /** Unsigned (or two's-complement when negative) value in `width` ≤ 31 bits at `start`. */
  put(start: number, width: number, value: number): void {
    // Every AIS field is ≤ 30 bits wide, so 32-bit integer arithmetic holds it (negatives included).
    const v = Math.trunc(value) | 0;
    const bit = this.bit;
    for (let i = 0; i < width; i++) bit[start + i] = (v >>> (width - 1 - i)) & 1;
  }

  /** Six-bit ASCII text (ITU-R M.1371 table 47), padded with '@' (0). */
  text(start: number, chars: number, s: string): void {
    const up = s.toUpperCase();
    for (let k = 0; k < chars; k++) {
      const c = k < up.length ? up.charCodeAt(k) : 64;
      let v = c >= 64 && c < 96 ? c - 64 : c >= 32 && c < 64 ? c : 0;
      this.put(start + 6 * k, 6, v);
    }
  }

  /** Armoured payload and the number of fill bits. */
  armour(): { payload: string; fillBits: number } {
    const chars = Math.ceil(this.length / 6);
    let out = '';
    for (let k = 0; k < chars; k++) {
      let v = 0;
      for (let i = 0; i < 6; i++) v = v * 2 + (this.bit[6 * k + i] ?? 0);
      out += String.fromCharCode(v < 40 ? v + 48 : v + 56);
    }
    return { payload: out, fillBits: chars * 6 - this.length };
  }
}

const bits = new Bits();

const round = Math.round;
const speedRaw = (kn: number | null): number => (kn === null ? 1023 : Math.min(1022, Math.max(0, round(kn * 10))));
const courseRaw = (deg: number | null): number => (deg === null ? 3600 : round(deg * 10) % 3600);
const headingRaw = (deg: number | null): number => (deg === null ? 511 : round(deg) % 360);
const lonRaw28 = (lon: number): number => round(lon * 600000);
const latRaw27 = (lat: number): number => round(lat * 600000);

function turnRaw(turn: PositionAFields['turn']): number {
  if (turn === undefined || turn === null) return -128;
  if (turn === 'fastleft') return -127;
  if (turn === 'fastright') return 127;
  // ROT_AIS = 4.733 * sqrt(ROT deg/min), ITU-R M.1371 table 46.
  const raw = Math.min(126, round(4.733 * Math.sqrt(Math.abs(turn))));
  return turn < 0 ? -raw : raw;
}

function header(type: number, repeat: number | undefined, mmsi: number): void {
  bits.put(0, 6, type);
  bits.put(6, 2, repeat ?? 0);
  bits.put(8, 30, mmsi);
}

/** Types 1, 2, 3 (168 bits). */
export function encodePositionA(f: PositionAFields): { payload: string; fillBits: number } {
  bits.reset(168);
  header(f.type, f.repeat, f.mmsi);
  bits.put(38, 4, f.status);
  bits.put(42, 8, turnRaw(f.turn));
  bits.put(50, 10, speedRaw(f.speed));
  bits.put(60, 1, f.accuracy ? 1 : 0);
  bits.put(61, 28, lonRaw28(f.lon));
  bits.put(89, 27, latRaw27(f.lat));
  bits.put(116, 12, courseRaw(f.course));
  bits.put(128, 9, headingRaw(f.heading));
  bits.put(137, 6, f.second);
  bits.put(143, 2, f.maneuver ?? 0);
  bits.put(148, 1, f.raim ? 1 : 0);
  bits.put(149, 19, f.radio ?? 0);
  return bits.armour();
}

/** Type 5 (424 bits). */
export function encodeStaticVoyage(f: StaticVoyageFields): { payload: string; fillBits: number } {
  bits.reset(424);
  header(5, f.repeat, f.mmsi);
  bits.put(38, 2, f.ais_version ?? 0);
  bits.put(40, 30, f.imo);
  bits.text(70, 7, f.callsign);
  bits.text(112, 20, f.shipname);
  bits.put(232, 8, f.shiptype);
  bits.put(240, 9, f.to_bow);
  bits.put(249, 9, f.to_stern);
  bits.put(258, 6, f.to_port);
  bits.put(264, 6, f.to_starboard);
  bits.put(270, 4, f.epfd ?? 1);
  bits.put(274, 4, f.month ?? 0);
  bits.put(278, 5, f.day ?? 0);
  bits.put(283, 5, f.hour ?? 24);
  bits.put(288, 6, f.minute ?? 60);
  bits.put(294, 8, Math.min(255, round(f.draught * 10)));
  bits.text(302, 20, f.destination);
  bits.put(422, 1, f.dte ?? 0);
  return bits.armour();
}

/** Bits 38–138, the same in types 18 and 19 (ITU-R M.1371 tables 47 and 48). */
function classBPosition(f: PositionBFields | PositionBExtendedFields): void {
  bits.put(38, 8, f.reserved ?? 0);
  bits.put(46, 10, speedRaw(f.speed));
  bits.put(56, 1, f.accuracy ? 1 : 0);
  bits.put(57, 28, lonRaw28(f.lon));
  bits.put(85, 27, latRaw27(f.lat));
  bits.put(112, 12, courseRaw(f.course));
  bits.put(124, 9, headingRaw(f.heading));
  bits.put(133, 6, f.second);
}

/** Type 18 (168 bits). */
export function encodePositionB(f: PositionBFields): { payload: string; fillBits: number } {
  bits.reset(168);
  header(18, f.repeat, f.mmsi);
  classBPosition(f);
  bits.put(139, 2, f.regional ?? 0);
  bits.put(141, 1, f.cs ?? true ? 1 : 0);
  bits.put(142, 1, f.display ? 1 : 0);
  bits.put(143, 1, f.dsc ? 1 : 0);
  bits.put(144, 1, f.band ?? true ? 1 : 0);
  bits.put(145, 1, f.msg22 ? 1 : 0);
  bits.put(146, 1, f.assigned ? 1 : 0);
  bits.put(147, 1, f.raim ? 1 : 0);
  bits.put(148, 20, f.radio ?? 0);
  return bits.armour();
}

/** Type 19 (312 bits). */
export function encodePositionBExtended(f: PositionBExtendedFields): { payload: string; fillBits: number } {
  bits.reset(312);
  header(19, f.repeat, f.mmsi);
  classBPosition(f);
  bits.put(139, 4, f.regional ?? 0);
  bits.text(143, 20, f.shipname);
  bits.put(263, 8, f.shiptype);
  bits.put(271, 9, f.to_bow);
  bits.put(280, 9, f.to_stern);
  bits.put(289, 6, f.to_port);
  bits.put(295, 6, f.to_starboard);
  bits.put(301, 4, f.epfd ?? 1);
  bits.put(305, 1, f.raim ? 1 : 0);
  bits.put(306, 1, f.dte ?? 0);
  bits.put(307, 1, f.assigned ? 1 : 0);
  return bits.armour();
}

/** Type 24 part A (168 bits: 160 + 8 spare, as most transponders send). */
export function encodeStaticA(f: StaticAFields): { payload: string; fillBits: number } {
  bits.reset(168);
  header(24, f.repeat, f.mmsi);
  bits.put(38, 2, 0);
  bits.text(40, 20, f.shipname);
  return bits.armour();
}

/** Type 24 part B (168 bits). */
export function encodeStaticB(f: StaticBFields): { payload: string; fillBits: number } {
  bits.reset(168);
  header(24, f.repeat, f.mmsi);
  bits.put(38, 2, 1);
  bits.put(40, 8, f.shiptype);
  bits.text(48, 3, f.vendorid);
  bits.put(66, 4, f.model ?? 0);
  bits.put(70, 20, f.serial ?? 0);
  bits.text(90, 7, f.callsign);
  if (f.mothership_mmsi !== undefined) {
    bits.put(132, 30, f.mothership_mmsi);
  } else {
    bits.put(132, 9, f.to_bow);
    bits.put(141, 9, f.to_stern);
    bits.put(150, 6, f.to_port);
    bits.put(156, 6, f.to_starboard);
  }
  return bits.armour();
}

/** XOR checksum of `s` as two upper-case hex digits (NMEA 0183 / IEC 61162-1). */
export function nmeaChecksum(s: string): string {
  let sum = 0;
  for (let i = 0; i < s.length; i++) sum ^= s.charCodeAt(i);
  return (sum < 16 ? '0' : '') + sum.toString(16).toUpperCase();
}

/** Longest payload per sentence: keeps !AIVDM sentences within the 82-character NMEA limit. */
export const MAX_PAYLOAD_CHARS_PER_SENTENCE = 60;

/**
 * !AIVDM sentences for one payload: one sentence, or several with a sequential message id (0–9) when
 * the payload is longer than MAX_PAYLOAD_CHARS_PER_SENTENCE. Fill bits go on the last sentence.
 */
export function toSentences(payload: string, fillBits: number, channel: 'A' | 'B', seqId: number): string[] {
  const total = Math.ceil(payload.length / MAX_PAYLOAD_CHARS_PER_SENTENCE) || 1;
  const out: string[] = [];
  for (let k = 0; k < total; k++) {
    const part = payload.slice(k * MAX_PAYLOAD_CHARS_PER_SENTENCE, (k + 1) * MAX_PAYLOAD_CHARS_PER_SENTENCE);
    const fill = k === total - 1 ? fillBits : 0;
    const body = `AIVDM,${total},${k + 1},${total > 1 ? seqId % 10 : ''},${channel},${part},${fill}`;
    out.push(`!${body}*${nmeaChecksum(body)}`);
  }
  return out;
}

const lastTag = new Map<string, { sec: number; tag: string }>();

/** NMEA 4.0 tag block `\s:station,c:epochSeconds*hh\` (IEC 61162-1 §7.9). */
export function tagBlock(station: string, epochSeconds: number): string {
  // Consecutive lines of one station mostly share the second: reuse the last block built for it.
  const hit = lastTag.get(station);
  if (hit !== undefined && hit.sec === epochSeconds) return hit.tag;
  const body = `s:${station},c:${epochSeconds}`;
  const tag = `\\${body}*${nmeaChecksum(body)}\\`;
  if (lastTag.size < 4096) lastTag.set(station, { sec: epochSeconds, tag });
  else lastTag.clear();
  return tag;
}
