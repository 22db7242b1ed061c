// Input formats: detection from content and the column presets of known CSV exports.
import { openSync, readSync, closeSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { isGzipFile } from '../io/lines.js';

export type InputFormat = 'nmea' | 'marinecadastre' | 'dma' | 'csv';
export const INPUT_FORMATS: readonly InputFormat[] = ['nmea', 'marinecadastre', 'dma', 'csv'];

/** Target fields a CSV column can map to (`--columns field=Column,...`). */
export const CSV_FIELDS = [
  'mmsi', 'time', 'lat', 'lon', 'speed', 'course', 'heading', 'status', 'class',
  'shipname', 'callsign', 'imo', 'shiptype', 'draught', 'destination', 'length', 'beam',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
export type ColumnMap = Partial<Record<CsvField, string>>;

/** Header names recognised without a mapping (compared lower-case, spaces/underscores removed). */
const ALIASES: Record<CsvField, string[]> = {
  mmsi: ['mmsi', 'sourcemmsi', 'userid', 'shipid'],
  time: ['time', 'timestamp', '#timestamp', 'basedatetime', 't', 'datetime', 'ts', 'timeutc', 'receivedat', 'msgtime', 'time_utc'],
  lat: ['lat', 'latitude', 'latitudedegrees', 'y'],
  lon: ['lon', 'lng', 'long', 'longitude', 'longitudedegrees', 'x'],
  speed: ['sog', 'speed', 'speedoverground', 'sogknots', 'speedknots'],
  course: ['cog', 'course', 'courseoverground', 'cogdegrees'],
  heading: ['heading', 'trueheading', 'hdg'],
  status: ['status', 'navigationalstatus', 'navstatus'],
  class: ['transceiverclass', 'typeofmobile', 'class'],
  shipname: ['vesselname', 'shipname', 'name'],
  callsign: ['callsign'],
  imo: ['imo', 'imonumber'],
  shiptype: ['vesseltype', 'shiptype'],
  draught: ['draught', 'draft'],
  destination: ['destination'],
  length: ['length'],
  beam: ['width', 'beam'],
};

function norm(h: string): string {
  return h.toLowerCase().replace(/[\s_]/g, '');
}

/** Maps the header's columns to fields by known names; explicit `--columns` entries win. */
export function resolveColumns(header: readonly string[], explicit: ColumnMap = {}): ColumnMap {
  const out: ColumnMap = {};
  for (const f of CSV_FIELDS) {
    const hit = header.find((h) => ALIASES[f].includes(norm(h)));
    if (hit !== undefined) out[f] = hit;
  }
  for (const [f, col] of Object.entries(explicit) as [CsvField, string][]) {
    if (!header.includes(col)) throw new Error(`--columns ${f}=${col}: no column "${col}" in the file (columns: ${header.join(', ')})`);
    out[f] = col;
  }
  return out;
}

/** Parses `mmsi=MMSI,time=ts,lat=Latitude`. */
export function parseColumnMap(spec: string): ColumnMap {
  const out: ColumnMap = {};
  for (const part of spec.split(',')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    const field = (eq < 0 ? part : part.slice(0, eq)).trim() as CsvField;
    if (eq < 0 || !CSV_FIELDS.includes(field)) {
      throw new Error(`--columns: "${part}" is not field=Column; fields: ${CSV_FIELDS.join(', ')}`);
    }
    out[field] = part.slice(eq + 1).trim();
  }
  return out;
}

/** The first bytes of a file, decompressed when gzip. */
export function readHead(path: string, bytes = 64 * 1024): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    let head = buf.subarray(0, n);
    if (isGzipFile(path)) {
      try {
        head = gunzipSync(head, { finishFlush: 2 /* Z_SYNC_FLUSH: tolerate a truncated stream */ });
      } catch {
        head = Buffer.alloc(0);
      }
    }
    return head.toString('latin1');
  } finally {
    closeSync(fd);
  }
}

const NMEA_SENTENCE = /[!$][A-Z]{2}VD[MO],/;

/** nmea when any of the first 50 lines holds a VDM/VDO sentence; else a CSV preset by its header. */
export function detectFormat(head: string): InputFormat {
  const lines = head.split('\n').slice(0, 50);
  if (lines.some((l) => NMEA_SENTENCE.test(l))) return 'nmea';
  const header = lines.find((l) => l.trim() !== '') ?? '';
  const cols = splitHeader(header).map(norm);
  if (cols.includes('basedatetime') && cols.includes('mmsi')) return 'marinecadastre';
  if (cols.includes('#timestamp') && cols.includes('typeofmobile')) return 'dma';
  return 'csv';
}

export function splitHeader(line: string): string[] {
  const delim = [',', ';', '\t', '|'].map((d) => [d, line.split(d).length] as const).sort((a, b) => b[1] - a[1])[0][0];
  return line.replace(/\r$/, '').split(delim).map((h) => h.trim().replace(/^"(.*)"$/, '$1'));
}
