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

/** Ends a JSON line whose message fields are written up to `p`: station, time, '}' and newline. */
export function closeJsonLine(b: Buffer, p: number, meta: LineMeta): number {
  if (meta.station !== null) {
    p += b.write(',"station":', p, 'latin1');
    p = writeString(b, p, meta.station);
  }
  if (meta.timeMs !== null) {
    p += b.write(',"time":"', p, 'latin1');
    p += b.write(new Date(meta.timeMs).toISOString(), p, 'latin1');
    b[p++] = 34;
  }
  if (meta.arrivalMs !== null) {
    p += b.write(',"arrival":"', p, 'latin1');
    p += b.write(new Date(meta.arrivalMs).toISOString(), p, 'latin1');
    b[p++] = 34;
  }
  b[p++] = 125;
  b[p++] = 10;
  return p;
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
