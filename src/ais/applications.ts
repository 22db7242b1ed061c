// DAC/FID application payloads of types 6 and 8 decoded into named fields, for the common international
// (DAC 1) ones: meteorological/hydrological data (IMO SN.1/Circ.236 FID 11, IMO SN.1/Circ.289 FID 31), the
// dangerous cargo indication (IMO 236 FID 12) and area notices (IMO 289 FID 22/23). Bit layouts and field names as gpsd (drivers/driver_ais.c,
// gpsd_json.c); "not available" codes become null, as Tumen does for the core fields (docs/decoding.md).
import { SIXBIT_ASCII, ubits } from './bits.js';

/** One numeric field: raw bits → raw / div + offset, rounded to `decimals`; `na` raw codes → null. */
interface NumberField {
  readonly name: string;
  readonly start: number;
  readonly width: number;
  readonly signed?: boolean;
  readonly div?: number;
  readonly offset?: number;
  readonly decimals?: number;
  /** Raw codes meaning "not available". */
  readonly na?: readonly number[];
  /** Renders the raw code as text (gpsd's trend, precipitation and ice names) under `${name}` or `${name}_text`. */
  readonly texts?: readonly string[];
  /** gpsd prints the text instead of the number (pressure/level trends). */
  readonly textOnly?: boolean;
}

/** Raw bits, zero beyond the end of the message (gpsd reads a zeroed buffer there). */
function bitsAt(six: Uint8Array, bitLen: number, start: number, width: number, signed: boolean): number {
  let v: number;
  if (start + width <= bitLen) v = ubits(six, start, width);
  else {
    v = 0;
    for (let i = 0; i < width; i++) v = v * 2 + (start + i < bitLen ? ubits(six, start + i, 1) : 0);
  }
  if (signed && v >= 2 ** (width - 1)) v -= 2 ** width;
  return v;
}

/** Six-bit text as gpsd's UCHARS: stops at '@', trailing spaces dropped, zero bits past the end are '@'. */
function chars(six: Uint8Array, bitLen: number, start: number, n: number): string {
  let s = '';
  for (let k = 0; k < n; k++) {
    const v = bitsAt(six, bitLen, start + 6 * k, 6, false);
    if (v === 0) break;
    s += SIXBIT_ASCII[v];
  }
  return s.replace(/ +$/, '');
}

const two = (v: number): string => (v < 10 ? '0' : '') + v;

/** Codes of the pressure and water-level tendencies as gpsd 3.22 names them (checked on its test messages). */
const TRENDS = ['steady', 'increasing', 'decreasing', 'N/A'];
const PRECIPITATION = ['reserved', 'rain', 'thunderstorm', 'freezing rain', 'mixed/ice', 'snow', 'reserved', 'N/A'];
const ICE = ['no', 'yes', 'reserved', 'N/A'];

/** 1/1000 minute of arc → degrees (6 decimals); 91° / 181° = not available. */
const latField = (start: number, width: number): NumberField =>
  ({ name: 'lat', start, width, signed: true, div: 60000, decimals: 6, na: [91 * 60000] });
const lonField = (start: number, width: number): NumberField =>
  ({ name: 'lon', start, width, signed: true, div: 60000, decimals: 6, na: [181 * 60000] });

/** Wind, humidity, currents, waves and swell: the same widths in IMO 236 and IMO 289 (directions differ in N/A). */
function weatherBody(at: (offset236: number) => number, dirNa: number): NumberField[] {
  const dir = (name: string, o: number): NumberField => ({ name, start: at(o), width: 9, na: [dirNa] });
  const tenth = (name: string, o: number): NumberField => ({ name, start: at(o), width: 8, div: 10, decimals: 1, na: [255] });
  return [
    { name: 'cspeed', start: at(211), width: 8, div: 10, decimals: 1, na: [255] }, dir('cdir', 219),
    tenth('cspeed2', 228), dir('cdir2', 236), { name: 'cdepth2', start: at(245), width: 5, na: [31] },
    tenth('cspeed3', 250), dir('cdir3', 258), { name: 'cdepth3', start: at(267), width: 5, na: [31] },
    tenth('waveheight', 272), { name: 'waveperiod', start: at(280), width: 6, na: [63] }, dir('wavedir', 286),
    tenth('swellheight', 295), { name: 'swellperiod', start: at(303), width: 6, na: [63] }, dir('swelldir', 309),
  ];
}

/** IMO 236 meteorological and hydrological data (type 8, DAC 1, FID 11). */
const MET_236: NumberField[] = [
  latField(56, 24), lonField(80, 25),
  { name: 'wspeed', start: 121, width: 7, na: [127] }, { name: 'wgust', start: 128, width: 7, na: [127] },
  { name: 'wdir', start: 135, width: 9, na: [511] }, { name: 'wgustdir', start: 144, width: 9, na: [511] },
  { name: 'humidity', start: 164, width: 7, na: [127] },
  { name: 'airtemp', start: 153, width: 11, div: 10, offset: -60, decimals: 1, na: [2047] },
  { name: 'dewpoint', start: 171, width: 10, div: 10, offset: -20, decimals: 1, na: [1023] },
  { name: 'pressure', start: 181, width: 9, offset: 800, na: [511] },
  { name: 'pressuretend', start: 190, width: 2, texts: TRENDS, textOnly: true, na: [3] },
  { name: 'visibility', start: 192, width: 8, div: 10, decimals: 1, na: [255] },
  { name: 'waterlevel', start: 200, width: 9, div: 10, offset: -10, decimals: 1, na: [511] },
  { name: 'leveltrend', start: 209, width: 2, texts: TRENDS, textOnly: true, na: [3] },
  ...weatherBody((o) => o, 511),
  { name: 'seastate', start: 318, width: 4, na: [15] },
  { name: 'watertemp', start: 322, width: 10, div: 10, offset: -10, decimals: 1, na: [1023] },
  { name: 'preciptype', start: 332, width: 3, texts: PRECIPITATION, na: [7] },
  { name: 'salinity', start: 335, width: 9, div: 10, decimals: 1, na: [511] },
  { name: 'ice', start: 344, width: 2, texts: ICE, na: [3] },
];

/** IMO 289 meteorological and hydrological data (type 8, DAC 1, FID 31): signed temperatures, finer water level. */
const MET_289: NumberField[] = [
  lonField(56, 25), latField(81, 24),
  { name: 'wspeed', start: 122, width: 7, na: [127] }, { name: 'wgust', start: 129, width: 7, na: [127] },
  { name: 'wdir', start: 136, width: 9, na: [360] }, { name: 'wgustdir', start: 145, width: 9, na: [360] },
  { name: 'humidity', start: 165, width: 7, na: [101] },
  { name: 'airtemp', start: 154, width: 11, signed: true, div: 10, decimals: 1, na: [-1024] },
  { name: 'dewpoint', start: 172, width: 10, signed: true, div: 10, decimals: 1, na: [501] },
  { name: 'pressure', start: 182, width: 9, offset: 799, na: [511] },
  { name: 'pressuretend', start: 191, width: 2, texts: TRENDS, textOnly: true, na: [3] },
  { name: 'visibility', start: 194, width: 7, div: 10, decimals: 1, na: [127] },
  { name: 'waterlevel', start: 201, width: 12, div: 100, offset: -10, decimals: 2, na: [4001] },
  { name: 'leveltrend', start: 213, width: 2, texts: TRENDS, textOnly: true, na: [3] },
  ...weatherBody((o) => o + 4, 360),
  { name: 'seastate', start: 322, width: 4, na: [13] },
  { name: 'watertemp', start: 326, width: 10, signed: true, div: 10, decimals: 1, na: [501] },
  { name: 'preciptype', start: 336, width: 3, texts: PRECIPITATION, na: [7] },
  { name: 'salinity', start: 339, width: 9, div: 10, decimals: 1, na: [510, 511] },
  { name: 'ice', start: 348, width: 2, texts: ICE, na: [3] },
];

function numberValue(f: NumberField, raw: number): number | null {
  if (f.na !== undefined && f.na.includes(raw)) return null;
  let v = raw / (f.div ?? 1) + (f.offset ?? 0);
  if (f.decimals !== undefined) v = Math.round(v * 10 ** f.decimals) / 10 ** f.decimals;
  return v;
}

function putFields(six: Uint8Array, bitLen: number, fields: readonly NumberField[], msg: Record<string, unknown>): void {
  for (const f of fields) {
    const raw = bitsAt(six, bitLen, f.start, f.width, f.signed === true);
    const value = numberValue(f, raw);
    if (f.texts === undefined) msg[f.name] = value;
    else if (f.textOnly === true) msg[f.name] = value === null ? null : f.texts[raw];
    else {
      msg[f.name] = value;
      msg[`${f.name}_text`] = value === null ? null : f.texts[raw];
    }
  }
}

/** "DDTHH:MMZ" of a day/hour/minute triple, as gpsd prints the observation time of FID 11/31. */
function dayTime(six: Uint8Array, bitLen: number, dayAt: number): string {
  const d = bitsAt(six, bitLen, dayAt, 5, false);
  const h = bitsAt(six, bitLen, dayAt + 5, 5, false);
  const m = bitsAt(six, bitLen, dayAt + 10, 6, false);
  return `${two(d)}T${two(h)}:${two(m)}Z`;
}

/** "MM-DDTHH:MMZ" from month/day/hour/minute bits (gpsd's departure/eta of FID 12). */
function monthTime(six: Uint8Array, bitLen: number, at: number): string {
  const mo = bitsAt(six, bitLen, at, 4, false);
  const d = bitsAt(six, bitLen, at + 4, 5, false);
  const h = bitsAt(six, bitLen, at + 9, 5, false);
  const mi = bitsAt(six, bitLen, at + 14, 6, false);
  return `${two(mo)}-${two(d)}T${two(h)}:${two(mi)}Z`;
}

/** One sub-area of an IMO 289 area notice: 3 bits of shape, 84 of shape-specific fields. */
const SUBAREA_BITS = 87;
const MAX_SUBAREAS = 10;
/** "Not available" duration of a notice (minutes, 18 bits). */
const DURATION_NA = 262143;

/**
 * IMO SN.1/Circ.289 area notice (type 8 DAC 1 FID 22 broadcast at bit 56, type 6 DAC 1 FID 23 addressed at
 * bit 88): linkage, notice code, start month/day/hour/minute (raw, as gpsd prints the FID 27/28 times),
 * duration in minutes (null when not available), then the whole sub-areas that fit (at most 10), each
 * {shape, …}: 0 circle or point, 1 rectangle, 2 sector, 3 polyline, 4 polygon (their points relative to the
 * previous sub-area), 5 text. Distances are in metres, already multiplied by the sub-area's 10^scale.
 */
function areaNotice(six: Uint8Array, bitLen: number, at: number, msg: Record<string, unknown>): void {
  const u = (start: number, width: number): number => bitsAt(six, bitLen, start, width, false);
  msg.linkage = u(at, 10);
  msg.notice = u(at + 10, 7);
  msg.month = u(at + 17, 4);
  msg.day = u(at + 21, 5);
  msg.hour = u(at + 26, 5);
  msg.minute = u(at + 31, 6);
  const duration = u(at + 37, 18);
  msg.duration = duration === DURATION_NA ? null : duration;
  const subareas: Array<Record<string, unknown>> = [];
  const first = at + 55;
  const count = Math.min(MAX_SUBAREAS, Math.floor((bitLen - first) / SUBAREA_BITS));
  for (let k = 0; k < count; k++) subareas.push(subArea(six, bitLen, first + k * SUBAREA_BITS));
  msg.subareas = subareas;
}

const LAT_1000_MIN = latField(0, 24);
const LON_1000_MIN = lonField(0, 25);

function subArea(six: Uint8Array, bitLen: number, a: number): Record<string, unknown> {
  const u = (start: number, width: number): number => bitsAt(six, bitLen, start, width, false);
  const shape = u(a, 3);
  if (shape === 5) return { shape, text: chars(six, bitLen, a + 3, 14) };
  if (shape > 5) return { shape }; // reserved
  const scale = u(a + 3, 2);
  const factor = 10 ** scale;
  if (shape === 3 || shape === 4) {
    // Up to four points as (bearing in half degrees, distance); a distance of 0 is no point.
    const points: Array<{ bearing: number; distance: number }> = [];
    for (let k = 0; k < 4; k++) {
      const p = a + 5 + 20 * k;
      const distance = u(p + 10, 10);
      if (distance > 0) points.push({ bearing: u(p, 10) / 2, distance: distance * factor });
    }
    return { shape, scale, points };
  }
  const area: Record<string, unknown> = {
    shape, scale,
    lon: numberValue(LON_1000_MIN, bitsAt(six, bitLen, a + 5, 25, true)),
    lat: numberValue(LAT_1000_MIN, bitsAt(six, bitLen, a + 30, 24, true)),
    precision: u(a + 54, 3),
  };
  if (shape === 0) area.radius = u(a + 57, 12) * factor;
  else if (shape === 1) {
    area.east = u(a + 57, 8) * factor;
    area.north = u(a + 65, 8) * factor;
    area.orientation = u(a + 73, 9);
  } else {
    area.radius = u(a + 57, 12) * factor;
    area.left = u(a + 69, 9);
    area.right = u(a + 78, 9);
  }
  return area;
}

/**
 * Adds the named fields of a type 8 broadcast's application (DAC 1 FID 11, 22 or 31) to `msg`; returns
 * whether it knew the application (the raw `data` is kept either way).
 */
export function decodeBroadcastApplication(six: Uint8Array, bitLen: number, dac: number, fid: number, msg: Record<string, unknown>): boolean {
  if (dac !== 1) return false;
  if (fid === 11) {
    const [lat, lon, ...rest] = MET_236;
    putFields(six, bitLen, [lat, lon], msg);
    msg.timestamp = dayTime(six, bitLen, 105);
    putFields(six, bitLen, rest, msg);
    return true;
  }
  if (fid === 31) {
    const [lon, lat, ...rest] = MET_289;
    // gpsd's key order: lat, lon, accuracy, timestamp.
    putFields(six, bitLen, [lat, lon], msg);
    msg.accuracy = bitsAt(six, bitLen, 105, 1, false) === 1;
    msg.timestamp = dayTime(six, bitLen, 106);
    const vis = rest.findIndex((f) => f.name === 'visibility');
    putFields(six, bitLen, rest.slice(0, vis), msg);
    msg.visgreater = bitsAt(six, bitLen, 193, 1, false) === 1;
    putFields(six, bitLen, rest.slice(vis), msg);
    return true;
  }
  if (fid === 22) {
    areaNotice(six, bitLen, 56, msg);
    return true;
  }
  return false;
}

/** Adds the named fields of a type 6 addressed message's application (DAC 1 FID 12 dangerous cargo, FID 23 area notice). */
export function decodeAddressedApplication(six: Uint8Array, bitLen: number, dac: number, fid: number, msg: Record<string, unknown>): boolean {
  if (dac === 1 && fid === 23) {
    areaNotice(six, bitLen, 88, msg);
    return true;
  }
  if (dac !== 1 || fid !== 12) return false;
  msg.lastport = chars(six, bitLen, 88, 5);
  msg.departure = monthTime(six, bitLen, 118);
  msg.nextport = chars(six, bitLen, 138, 5);
  msg.eta = monthTime(six, bitLen, 168);
  msg.dangerous = chars(six, bitLen, 188, 20);
  msg.imdcat = chars(six, bitLen, 308, 4);
  msg.unid = bitsAt(six, bitLen, 332, 13, false);
  msg.amount = bitsAt(six, bitLen, 345, 10, false);
  msg.unit = bitsAt(six, bitLen, 355, 2, false);
  return true;
}

/**
 * How gpsd 3.22 prints a field Tumen nulls as "not available" (for comparisons with gpsdecode): the
 * renderings of its N/A codes, keyed "dac/fid/name".
 */
export const GPSD_NOT_AVAILABLE: ReadonlyMap<string, ReadonlyArray<number | string>> = new Map([
  ...notAvailable('1/11', MET_236),
  ...notAvailable('1/31', MET_289),
]);

function notAvailable(app: string, fields: readonly NumberField[]): Array<[string, Array<number | string>]> {
  return fields.flatMap((f) => {
    const entry: [string, Array<number | string>] = [`${app}/${f.name}`, gpsdRendering(f)];
    if (f.texts === undefined || f.textOnly === true) return [entry];
    return [entry, [`${app}/${f.name}_text`, (f.na ?? []).map((raw) => (f.texts as readonly string[])[raw])]];
  });
}

function gpsdRendering(f: NumberField): Array<number | string> {
  // Coded fields: gpsd prints the code (FID 11) or its name (FID 31, and the tendencies).
  return (f.na ?? []).flatMap((raw) => (f.texts !== undefined ? [f.texts[raw], raw] : [raw / (f.div ?? 1) + (f.offset ?? 0)]));
}
