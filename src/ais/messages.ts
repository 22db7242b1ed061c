// Per-type field tables (absolute bit offsets as gpsd drivers/driver_ais.c and ITU-R M.1371-5), minimum
// lengths as gpsd accepts them from real transmitters, and the few fields that need code.
import { decodeAddressedApplication, decodeBroadcastApplication } from './applications.js';
import { hexData, text, ubits } from './bits.js';
import {
  b, course10, heading9, headingClassB, lat17, lat27, later, lon18, lon28, lookup, readFields, stamp, speed10, t, table, turn8, u,
  type Field,
} from './fields.js';
import { AID_TYPE_TEXT, NAV_STATUS_TEXT, STATION_TYPE_TEXT, epfdText, shiptypeText } from './lookups.js';

export interface MessageSpec {
  /** Shortest payload, in bits, that real transmitters send and gpsd accepts. */
  readonly minBits: number;
  readonly fields: readonly Field[];
  /** Fields that need code (timestamps, binary data, variants). Returns an out-of-range detail or null. */
  readonly extra?: (six: Uint8Array, bitLen: number, msg: Record<string, unknown>) => string | null;
  /** The extra code changes nothing for messages of at least this many bits. */
  readonly extraOnlyBelowBits?: number;
}

const statusText = lookup('status_text', 38, 4, table(NAV_STATUS_TEXT));

/** Types 1, 2, 3: Class A position report (168 bits; gpsd accepts 163..204). */
const POSITION_A: MessageSpec = {
  minBits: 163,
  fields: [
    u('status', 38, 4), statusText, turn8(42), speed10(50), b('accuracy', 60), lon28(61), lat27(89),
    course10(116), heading9(128), u('second', 137, 6), u('maneuver', 143, 2), b('raim', 148),
    u('radio', 149, 19, { minBits: 168 }),
  ],
  extraOnlyBelowBits: 168,
  extra(six, bitLen, msg) {
    // Short (163..167-bit) reports: gpsd reads the radio field from the bits there are.
    if (bitLen < 168) msg.radio = ubits(six, 149, bitLen - 149);
    return null;
  },
};


/** Types 4 and 11: base station report / UTC response. Timestamp as gpsd prints it: "YYYY-MM-DDTHH:MM:SSZ". */
const BASE_STATION: MessageSpec = {
  minBits: 168,
  fields: [
    // 0 / 24 / 60 are the "not available" values; anything above them is impossible (out_of_range).
    stamp('timestamp', [[38, 14, 4, 16383], [52, 4, 2, 12], [56, 5, 2, 31], [61, 5, 2, 24], [66, 6, 2, 60], [72, 6, 2, 60]],
      ['', '-', '-', 'T', ':', ':', 'Z']),
    b('accuracy', 78), lon28(79), lat27(107), u('epfd', 134, 4), lookup('epfd_text', 134, 4, epfdText),
    b('raim', 148), u('radio', 149, 19),
  ],
};

/** Type 5: static and voyage data (424 bits; many transmitters send 420 or 422, whose dte reads 0 as gpsd). */
const STATIC_VOYAGE: MessageSpec = {
  minBits: 420,
  fields: [
    u('imo', 40, 30), u('ais_version', 38, 2), t('callsign', 70, 7), t('shipname', 112, 20),
    u('shiptype', 232, 8), lookup('shiptype_text', 232, 8, shiptypeText),
    u('to_bow', 240, 9), u('to_stern', 249, 9), u('to_port', 258, 6), u('to_starboard', 264, 6),
    u('epfd', 270, 4), lookup('epfd_text', 270, 4, epfdText),
    stamp('eta', [[274, 4, 2, 15], [278, 5, 2, 31], [283, 5, 2, 31], [288, 6, 2, 63]], ['', '-', 'T', ':', 'Z']),
    u('draught', 294, 8, { scale: 10, decimals: 1 }), t('destination', 302, 20), u('dte', 422, 1),
  ],
};

/** Type 6: addressed binary message. DAC/FID, the application bits, and named fields of the common applications. */
const ADDRESSED_BINARY: MessageSpec = {
  minBits: 88,
  fields: [u('seqno', 38, 2), u('dest_mmsi', 40, 30), b('retransmit', 70), u('dac', 72, 10), u('fid', 82, 6)],
  extra(six, bitLen, msg) {
    msg.data = hexData(six, 88, bitLen - 88);
    decodeAddressedApplication(six, bitLen, msg.dac as number, msg.fid as number, msg);
    return null;
  },
};

/** Types 7 and 13: acknowledgements of up to four stations. */
const ACKNOWLEDGE: MessageSpec = {
  minBits: 72,
  fields: [],
  extra(six, bitLen, msg) {
    for (let k = 0; k < 4; k++) {
      const at = 40 + 32 * k;
      msg[`mmsi${k + 1}`] = at < bitLen ? ubits(six, at, 30) : 0;
    }
    return null;
  },
};

/** Type 8: binary broadcast. DAC/FID, the application bits, and named fields of the common applications. */
const BROADCAST_BINARY: MessageSpec = {
  minBits: 56,
  fields: [u('dac', 40, 10), u('fid', 50, 6)],
  extra(six, bitLen, msg) {
    msg.data = hexData(six, 56, bitLen - 56);
    decodeBroadcastApplication(six, bitLen, msg.dac as number, msg.fid as number, msg);
    return null;
  },
};

/** Type 9: SAR aircraft position (altitude m, speed whole knots). */
const SAR_AIRCRAFT: MessageSpec = {
  minBits: 168,
  fields: [
    u('alt', 38, 12, { na: 4095 }), u('speed', 50, 10, { na: 1023 }), b('accuracy', 60), lon28(61), lat27(89),
    course10(116), u('second', 128, 6), u('regional', 134, 8), u('dte', 142, 1),
    b('raim', 147), u('radio', 148, 20), b('assigned', 146),
  ],
};

/** Type 10: UTC/date inquiry. */
const UTC_INQUIRY: MessageSpec = { minBits: 72, fields: [u('dest_mmsi', 40, 30)] };

/** Type 12: addressed safety-related text. */
const SAFETY_ADDRESSED: MessageSpec = {
  minBits: 72,
  fields: [u('seqno', 38, 2), u('dest_mmsi', 40, 30), b('retransmit', 70)],
  extra(six, bitLen, msg) {
    msg.text = text(six, bitLen, 72, 1008);
    return null;
  },
};

/** Type 14: broadcast safety-related text. */
const SAFETY_BROADCAST: MessageSpec = {
  minBits: 40,
  fields: [],
  extra(six, bitLen, msg) {
    msg.text = text(six, bitLen, 40, 1008);
    return null;
  },
};

/** Type 15: interrogation of one or two stations (later parts present only in longer messages). */
const INTERROGATION: MessageSpec = {
  minBits: 88,
  fields: [
    u('mmsi1', 40, 30), u('type1_1', 70, 6), u('offset1_1', 76, 12),
    u('type1_2', 90, 6), u('offset1_2', 96, 12),
    u('mmsi2', 110, 30), u('type2_1', 140, 6), u('offset2_1', 146, 12),
  ],
  extra(_six, bitLen, msg) {
    // gpsd reports 0 for the parts a short interrogation does not carry.
    if (bitLen <= 90) msg.type1_2 = msg.offset1_2 = 0;
    if (bitLen <= 110) msg.mmsi2 = msg.type2_1 = msg.offset2_1 = 0;
    return null;
  },
};

/** Type 16: assigned mode command for one or two stations. */
const ASSIGNED_MODE: MessageSpec = {
  minBits: 96,
  fields: [
    u('mmsi1', 40, 30), u('offset1', 70, 12), u('increment1', 82, 10),
    u('mmsi2', 92, 30), u('offset2', 122, 12), u('increment2', 134, 10),
  ],
  extra(_six, bitLen, msg) {
    if (bitLen < 144) msg.mmsi2 = msg.offset2 = msg.increment2 = 0;
    return null;
  },
};

/** Type 17: DGNSS broadcast (position of the reference station in 1/10 minute). */
const DGNSS: MessageSpec = {
  minBits: 80,
  fields: [lon18('lon', 40), lat17('lat', 58)],
  extra(six, bitLen, msg) {
    msg.data = hexData(six, 80, bitLen - 80);
    return null;
  },
};

/** Type 18: Class B position report. */
const POSITION_B: MessageSpec = {
  minBits: 168,
  fields: [
    u('reserved', 38, 8), speed10(46), b('accuracy', 56), lon28(57), lat27(85), course10(112), headingClassB(124),
    u('second', 133, 6), u('regional', 139, 2), b('cs', 141), b('display', 142), b('dsc', 143), b('band', 144),
    b('msg22', 145), b('raim', 147), u('radio', 148, 20), b('assigned', 146),
  ],
};

/** Type 19: extended Class B position report. */
const POSITION_B_EXTENDED: MessageSpec = {
  minBits: 312,
  fields: [
    u('reserved', 38, 8), speed10(46), b('accuracy', 56), lon28(57), lat27(85), course10(112), headingClassB(124),
    u('second', 133, 6), u('regional', 139, 4), t('shipname', 143, 20),
    u('shiptype', 263, 8), lookup('shiptype_text', 263, 8, shiptypeText),
    u('to_bow', 271, 9), u('to_stern', 280, 9), u('to_port', 289, 6), u('to_starboard', 295, 6),
    u('epfd', 301, 4), lookup('epfd_text', 301, 4, epfdText), b('raim', 305), u('dte', 306, 1), b('assigned', 307),
  ],
};

/** Type 20: data link management (four slot reservations; absent ones read as 0 as in gpsd). */
const DATA_LINK: MessageSpec = {
  minBits: 72,
  fields: [1, 2, 3, 4].flatMap((n) => {
    const at = 40 + 30 * (n - 1);
    return [u(`offset${n}`, at, 12), u(`number${n}`, at + 12, 4), u(`timeout${n}`, at + 16, 3), u(`increment${n}`, at + 19, 11)];
  }),
};

/** Type 21: aid-to-navigation report; the name continues in the name extension after bit 272. */
const AID_TO_NAVIGATION: MessageSpec = {
  minBits: 272,
  fields: [
    u('aid_type', 38, 5), lookup('aid_type_text', 38, 5, table(AID_TYPE_TEXT)), later('name'),
    lon28(164), lat27(192), b('accuracy', 163),
    u('to_bow', 219, 9), u('to_stern', 228, 9), u('to_port', 237, 6), u('to_starboard', 243, 6),
    u('epfd', 249, 4), lookup('epfd_text', 249, 4, epfdText), u('second', 253, 6), u('regional', 260, 8),
    b('off_position', 259), b('raim', 268), b('virtual_aid', 269), b('assigned', 270),
  ],
  extra(six, bitLen, msg) {
    let name = text(six, bitLen, 43, 20, false);
    if (name.length === 20 && bitLen > 272) name += text(six, bitLen, 272, 14, false);
    msg.name = name.replace(/[ @]+$/, '');
    return null;
  },
};

/** Type 22: channel management; either a rectangle (1/10 minute corners) or two addressed stations. */
const CHANNEL_AREA: readonly Field[] = [lon18('ne_lon', 69), lat17('ne_lat', 87), lon18('sw_lon', 104), lat17('sw_lat', 122)];
const CHANNEL_DEST: readonly Field[] = [u('dest1', 69, 30), u('dest2', 104, 30)];
const CHANNEL_MANAGEMENT: MessageSpec = {
  minBits: 168,
  fields: [u('channel_a', 40, 12), u('channel_b', 52, 12), u('txrx', 64, 4), b('power', 68)],
  extra(six, bitLen, msg) {
    const addressed = ubits(six, 139, 1) === 1;
    const bad = readFields(six, bitLen, addressed ? CHANNEL_DEST : CHANNEL_AREA, msg);
    msg.addressed = addressed;
    msg.band_a = ubits(six, 140, 1) === 1;
    msg.band_b = ubits(six, 141, 1) === 1;
    msg.zonesize = ubits(six, 142, 3);
    return bad;
  },
};

/** Type 23: group assignment command. */
const GROUP_ASSIGNMENT: MessageSpec = {
  minBits: 160,
  fields: [
    lon18('ne_lon', 40), lat17('ne_lat', 58), lon18('sw_lon', 75), lat17('sw_lat', 93),
    u('stationtype', 110, 4), lookup('stationtype_text', 110, 4, table(STATION_TYPE_TEXT)),
    u('shiptype', 114, 8), lookup('shiptype_text', 114, 8, shiptypeText),
    u('interval', 146, 4), u('quiet', 150, 4), u('txrx', 144, 2),
  ],
};

/** Type 24: Class B static data, part A (name) or part B (type, vendor, call sign, dimensions). */
const STATIC_A: readonly Field[] = [t('shipname', 40, 20)];
const STATIC_B: readonly Field[] = [
  u('shiptype', 40, 8), lookup('shiptype_text', 40, 8, shiptypeText), t('vendorid', 48, 7),
  u('model', 66, 4), u('serial', 70, 20), t('callsign', 90, 7),
];
const STATIC_B_DIMENSIONS: readonly Field[] = [u('to_bow', 132, 9), u('to_stern', 141, 9), u('to_port', 150, 6), u('to_starboard', 156, 6)];
const STATIC_B_MOTHERSHIP: readonly Field[] = [u('mothership_mmsi', 132, 30)];
const STATIC_DATA: MessageSpec = {
  minBits: 160,
  fields: [u('partno', 38, 2)],
  extra(six, bitLen, msg) {
    const part = msg.partno as number;
    if (part === 0) return readFields(six, bitLen, STATIC_A, msg);
    if (part !== 1) return 'partno';
    readFields(six, bitLen, STATIC_B, msg);
    // Auxiliary craft (MMSI 98MIDxxxx) give their mother ship's MMSI instead of dimensions.
    const auxiliary = Math.floor((msg.mmsi as number) / 10000000) === 98;
    return readFields(six, bitLen, auxiliary ? STATIC_B_MOTHERSHIP : STATIC_B_DIMENSIONS, msg);
  },
};

/** Types 25 and 26: single/multiple slot binary message; optional destination and application id. */
function slotBinary(trailingRadioBits: number): MessageSpec['extra'] {
  return (six, bitLen, msg) => {
    const addressed = ubits(six, 38, 1) === 1;
    const structured = ubits(six, 39, 1) === 1;
    msg.addressed = addressed;
    msg.structured = structured;
    msg.dest_mmsi = addressed ? ubits(six, 40, 30) : 0;
    msg.app_id = structured ? ubits(six, addressed ? 70 : 40, 16) : 0;
    const dataStart = 40 + (addressed ? 30 : 0) + (structured ? 16 : 0);
    const dataBits = bitLen - dataStart - trailingRadioBits;
    if (dataBits < 0) return 'length';
    msg.data = hexData(six, dataStart, dataBits);
    if (trailingRadioBits > 0) msg.radio = ubits(six, bitLen - 20, 20);
    return null;
  };
}
const SINGLE_SLOT_BINARY: MessageSpec = { minBits: 40, fields: [], extra: slotBinary(0) };
const MULTI_SLOT_BINARY: MessageSpec = { minBits: 60, fields: [], extra: slotBinary(20) };

/** Type 27: long-range broadcast (position in 1/10 minute, speed whole knots, course whole degrees). */
const LONG_RANGE: MessageSpec = {
  minBits: 96,
  fields: [
    u('status', 40, 4), lookup('status_text', 40, 4, table(NAV_STATUS_TEXT)), b('accuracy', 38), lon18('lon', 44),
    lat17('lat', 62), u('speed', 79, 6, { na: 63 }), u('course', 85, 9, { na: 511, min: 0, max: 359 }),
    b('raim', 39), b('gnss', 94),
  ],
};

/** Message specification by type number (index 0 unused). */
export const MESSAGE_SPECS: ReadonlyArray<MessageSpec | undefined> = [
  undefined, POSITION_A, POSITION_A, POSITION_A, BASE_STATION, STATIC_VOYAGE, ADDRESSED_BINARY, ACKNOWLEDGE,
  BROADCAST_BINARY, SAR_AIRCRAFT, UTC_INQUIRY, BASE_STATION, SAFETY_ADDRESSED, ACKNOWLEDGE, SAFETY_BROADCAST,
  INTERROGATION, ASSIGNED_MODE, DGNSS, POSITION_B, POSITION_B_EXTENDED, DATA_LINK, AID_TO_NAVIGATION,
  CHANNEL_MANAGEMENT, GROUP_ASSIGNMENT, STATIC_DATA, SINGLE_SLOT_BINARY, MULTI_SLOT_BINARY, LONG_RANGE,
];
