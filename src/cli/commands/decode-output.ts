// Rendering of decoded messages for `tumen decode`: JSON lines written straight into bytes, CSV rows.
import { writeMessageJsonOpen, writeString, type AisMessage, type LineMeta } from '../../ais/index.js';

/** Room to keep free for one JSON line: the longest AIS message (5 sentences) plus station and time. */
export const MAX_JSON_LINE_BYTES = 1 << 14;

/** CSV columns, in order (documented in docs/decoding.md). */
export const CSV_COLUMNS = [
  'time', 'station', 'type', 'repeat', 'mmsi', 'status', 'turn', 'speed', 'accuracy', 'lon', 'lat', 'course',
  'heading', 'second', 'imo', 'callsign', 'shipname', 'shiptype', 'to_bow', 'to_stern', 'to_port',
  'to_starboard', 'epfd', 'eta', 'draught', 'destination', 'partno', 'name', 'aid_type', 'dac', 'fid',
] as const;

/** Writes one JSON line (message fields, then `station` and `time` when known) at `p`; returns the new end. */
export function writeJsonLine(b: Buffer, p: number, m: AisMessage, meta: LineMeta): number {
  return closeJsonLine(b, writeMessageJsonOpen(m, b, p), meta);
}

/** Keys written after the message's fields, as bytes (a Buffer#write call per key cost more than the copy). */
const STATION_KEY = Buffer.from(',"station":', 'latin1');
const TIME_KEY = Buffer.from(',"time":"', 'latin1');
const ARRIVAL_KEY = Buffer.from(',"arrival":"', 'latin1');

function put(b: Buffer, p: number, bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) b[p + i] = bytes[i];
  return p + bytes.length;
}

/** Ends a JSON line whose message fields are written up to `p`: station, time, '}' and newline. */
export function closeJsonLine(b: Buffer, p: number, meta: LineMeta): number {
  if (meta.station !== null) p = writeString(b, put(b, p, STATION_KEY), meta.station);
  if (meta.timeMs !== null) {
    p = writeIso(b, put(b, p, TIME_KEY), meta.timeMs);
    b[p++] = 34;
  }
  if (meta.arrivalMs !== null) {
    p = writeIso(b, put(b, p, ARRIVAL_KEY), meta.arrivalMs);
    b[p++] = 34;
  }
  b[p++] = 125;
  b[p++] = 10;
  return p;
}

const DAY_MS = 86_400_000;
/** "YYYY-MM-DDT" of the last day written: toISOString() per line was a tenth of decode's time. */
let isoDay = NaN;
let isoDayBytes = Buffer.alloc(0);

/** Writes new Date(ms).toISOString() as bytes (ms within the decoder's time window). */
function writeIso(b: Buffer, p: number, ms: number): number {
  const day = Math.floor(ms / DAY_MS);
  if (day !== isoDay) {
    const iso = new Date(ms).toISOString();
    if (iso.length !== 24) return p + b.write(iso, p, 'latin1'); // years beyond 9999 or before 0
    isoDay = day;
    isoDayBytes = Buffer.from(iso.slice(0, 11), 'latin1');
  }
  p = put(b, p, isoDayBytes);
  let r = ms - day * DAY_MS;
  const h = Math.floor(r / 3_600_000);
  r -= h * 3_600_000;
  const m = Math.floor(r / 60_000);
  r -= m * 60_000;
  const s = Math.floor(r / 1000);
  const f = r - s * 1000;
  p = two(b, p, h);
  b[p++] = 58;
  p = two(b, p, m);
  b[p++] = 58;
  p = two(b, p, s);
  b[p++] = 46;
  b[p++] = 48 + Math.floor(f / 100);
  b[p++] = 48 + (Math.floor(f / 10) % 10);
  b[p++] = 48 + (f % 10);
  b[p++] = 90;
  return p;
}

function two(b: Buffer, p: number, v: number): number {
  b[p] = 48 + Math.floor(v / 10);
  b[p + 1] = 48 + (v % 10);
  return p + 2;
}

export function csvLine(m: AisMessage, meta: LineMeta): string {
  let line = meta.timeMs !== null ? new Date(meta.timeMs).toISOString() : '';
  line += ',' + (meta.station !== null ? csvCell(meta.station) : '');
  for (let k = 2; k < CSV_COLUMNS.length; k++) {
    const v = m[CSV_COLUMNS[k]];
    line += ',' + (v === undefined || v === null ? '' : typeof v === 'string' ? csvCell(v) : String(v));
  }
  return line + '\n';
}

function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}
